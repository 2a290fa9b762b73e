//! Builds `data/reference.json` from the shared reference files and `data/seed_facts.json`.
//!
//! Usage: `cargo run --example build_reference [REFERENCE_DIR]`
//! (default: `../shared/reference` relative to the crate root).

#[path = "../tools/reference_convert.rs"]
mod convert;

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let reference_dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| root.join("../shared/reference"), PathBuf::from);
    let document = convert::convert(&reference_dir, &root.join("data/seed_facts.json"))?;
    let text = render(&document)?;
    let out = root.join("data/reference.json");
    std::fs::write(&out, text + "\n")?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

/// The text written to `data/reference.json`. Once the loader is merged this becomes
/// `Ok(migov::Dataset::from_json_str(&serde_json::to_string(document)?)?.to_json_string())`,
/// which validates the document and writes its canonical form.
fn render(document: &serde_json::Value) -> Result<String, Box<dyn Error>> {
    Ok(serde_json::to_string_pretty(document)?)
}
