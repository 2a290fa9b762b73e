//! Writes the reference dataset in every export format into a directory:
//! `cargo run --example export --features csv -- OUT_DIR` (default `export`).
//!
//! Gives `popolo.json`, `jsonld.json`, `iati.xml` (with an example
//! reporting organisation) and, with the `csv` feature, one CSV file per
//! table under `csv/`.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use migov::export::iati::IatiOptions;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "export".into()));
    std::fs::create_dir_all(&dir)?;
    let data = migov::reference::dataset()?;

    migov::export::popolo::write(data, BufWriter::new(File::create(dir.join("popolo.json"))?))?;
    migov::export::jsonld::write(data, BufWriter::new(File::create(dir.join("jsonld.json"))?))?;
    let options = IatiOptions::new("XI-IATI-EXAMPLE", "90", "Example publisher")?;
    let report = migov::export::iati::write(
        data,
        &options,
        BufWriter::new(File::create(dir.join("iati.xml"))?),
    )?;
    println!("iati.xml: {} projects", report.written.len());
    for (project, missing) in &report.skipped {
        println!("  left out {project}: {missing}");
    }
    #[cfg(feature = "csv")]
    for (table, rows) in migov::export::csv::write_dir(data, &dir.join("csv"))? {
        println!("csv/{table}.csv: {rows} rows");
    }
    println!("written to {}", dir.display());
    Ok(())
}
