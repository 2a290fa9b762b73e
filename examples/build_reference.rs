//! Builds `data/reference.json` from the shared reference files, read with the
//! tables of `data/facts/00_reference_lists.json`, and the fact files (the other
//! `data/facts/0*.json`, then `data/seed_facts.json` and
//! `data/seed_facts_imp_workshop.json`, then every other `data/facts/*.json`),
//! validating the result with migov's own loader and writing its canonical form.
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
    let text = convert::build(&root, &reference_dir)?;
    let out = root.join("data/reference.json");
    std::fs::write(&out, text)?;
    eprintln!("wrote {}", out.display());
    Ok(())
}
