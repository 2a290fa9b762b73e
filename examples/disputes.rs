//! Lists every disputed fact of the reference dataset, with the sources of each claim.
//!
//! Run with `cargo run --example disputes`.

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let data = migov::reference::dataset()?;
    let disputes = data.disputes();
    println!("{} disputed facts\n", disputes.len());
    for fact in &disputes {
        println!("{} / {}", fact.subject(), fact.field());
        for (i, claim) in fact.claims().iter().enumerate() {
            let label = if i == 0 { "preferred" } else { "other" };
            println!("  {label:<9} {}", claim.value());
            if let Some(note) = claim.note() {
                println!("            note: {note}");
            }
            for s in claim.sources() {
                println!("            {s}");
            }
        }
    }
    Ok(())
}
