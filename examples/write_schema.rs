//! Regenerates `schema/dataset.schema.json`, the JSON Schema of the dataset
//! format, from the Rust types.
//!
//! Run with `cargo run --example write_schema --features schemars` after
//! changing the format; the `schema` test fails until the file matches.

use std::error::Error;
use std::path::Path;

fn main() -> Result<(), Box<dyn Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/dataset.schema.json");
    let mut text = serde_json::to_string_pretty(&migov::json::schema())?;
    text.push('\n');
    std::fs::write(&path, text)?;
    println!("wrote {}", path.display());
    Ok(())
}
