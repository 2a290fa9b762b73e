//! Prints how much of the embedded reference dataset is dated, budgeted and
//! sourced from IOM's own pages, as the Markdown table shown in the README.
//!
//! ```sh
//! cargo run --example coverage
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = migov::reference::dataset()?;
    print!("{}", data.coverage());
    Ok(())
}
