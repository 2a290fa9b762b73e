//! Reading datasets: a file, or the embedded reference dataset.

use std::io;
use std::path::Path;

use migov::Dataset;

use crate::check;
use crate::progress::Progress;

/// The dataset in `file`, or the embedded reference dataset without one.
///
/// A file that cannot be read or does not load is reported on standard
/// error (every problem at its place, as `migov check` prints them) and
/// gives `None`.
pub fn dataset(file: Option<&Path>) -> io::Result<Option<Dataset>> {
    let Some(file) = file else {
        return Ok(match migov::reference::dataset() {
            Ok(d) => Some(d.clone()),
            Err(errors) => {
                eprintln!("migov: the embedded reference dataset does not load: {errors}");
                None
            }
        });
    };
    let progress = Progress::start(format!("reading {}", file.display()), None);
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("migov: cannot read {}: {e}", file.display());
            return Ok(None);
        }
    };
    progress.message(format!("loading {}", file.display()));
    let loaded = Dataset::from_json_slice(&bytes);
    drop(progress);
    match loaded {
        Ok(d) => Ok(Some(d)),
        Err(errors) => {
            let report = check::Report::of_errors(&file.display().to_string(), &bytes, &errors);
            let mut err = io::stderr().lock();
            report.write_text(&mut err)?;
            Ok(None)
        }
    }
}
