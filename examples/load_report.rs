//! Loads a dataset file and prints its error report (or a summary).
//!
//! Run with `cargo run --example load_report -- path/to/file.json`.
//! Without an argument it loads a small broken document to show a report.

use std::error::Error;
use std::process::ExitCode;

use migov::Dataset;

const BROKEN: &str = r#"{
  "schema_version": "1",
  "projects": [
    {"id": "E40-800", "title": "IMP Workshop", "start": "2001-13",
     "amounts": [{"kind": "budget", "amount": 32000.00, "currency": "USD"}]},
    {"id": "P2", "title": "Border management", "benefitting_states": ["MLI"]},
    {"id": "P3", "title": "Profiles", "benefiting_states": ["BEN", "ZZZ"],
     "organizations": [{"partner": "NOBODY", "role": "funder"}]}
  ]
}"#;

fn main() -> Result<ExitCode, Box<dyn Error>> {
    let result = match std::env::args().nth(1) {
        Some(path) => Dataset::from_json_reader(std::fs::File::open(&path)?),
        None => Dataset::from_json_str(BROKEN),
    };
    match result {
        Ok(data) => {
            println!(
                "loaded: {} states, {} processes, {} partners, {} projects, {} events, {} memberships",
                data.member_states().len(),
                data.processes().len(),
                data.partners().len(),
                data.projects().len(),
                data.events().len(),
                data.memberships().len()
            );
            for w in data.warnings() {
                println!("  {w}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            println!("{errors}");
            Ok(ExitCode::FAILURE)
        }
    }
}
