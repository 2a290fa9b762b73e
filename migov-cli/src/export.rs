//! `migov export`: a dataset in the formats neighbouring tools read
//! (CSV tables, Popolo JSON, JSON-LD, IATI activity XML).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use migov::Dataset;
use migov::export::iati::{ActivityStatus, IatiOptions};
use migov::export::{ExportError, csv, iati, jsonld, popolo};

use crate::Status;

/// The formats `migov export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum To {
    /// One CSV file per table, in the directory --out names.
    Csv,
    /// Popolo JSON (organizations, memberships, posts, persons, events).
    Popolo,
    /// JSON-LD with schema.org and W3C ORG terms.
    Jsonld,
    /// IATI activity XML 2.03 of the projects (needs --reporting-org-*).
    Iati,
}

/// A project status to write when the dataset records none (IATI).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AssumedStatus {
    /// 1: Pipeline/identification.
    Pipeline,
    /// 2: Implementation.
    Implementation,
    /// 3: Finalisation.
    Finalisation,
    /// 4: Closed.
    Closed,
    /// 5: Cancelled.
    Cancelled,
    /// 6: Suspended.
    Suspended,
}

impl From<AssumedStatus> for ActivityStatus {
    fn from(s: AssumedStatus) -> Self {
        match s {
            AssumedStatus::Pipeline => Self::Pipeline,
            AssumedStatus::Implementation => Self::Implementation,
            AssumedStatus::Finalisation => Self::Finalisation,
            AssumedStatus::Closed => Self::Closed,
            AssumedStatus::Cancelled => Self::Cancelled,
            AssumedStatus::Suspended => Self::Suspended,
        }
    }
}

/// The publisher of an IATI file, from the command line.
#[derive(Debug, Default)]
pub struct Publisher {
    /// `--reporting-org-ref`.
    pub reference: Option<String>,
    /// `--reporting-org-type`.
    pub kind: Option<String>,
    /// `--reporting-org-name`.
    pub name: Option<String>,
    /// `--status-when-unknown`.
    pub status_when_unknown: Option<AssumedStatus>,
}

/// Writes `data` in the format `to`, to `out` (a directory for CSV, a file
/// otherwise; standard output without one). What was written is told on
/// standard error, so that standard output stays the document.
pub fn run(
    data: &Dataset,
    to: To,
    out: Option<&Path>,
    publisher: &Publisher,
    stdout: &mut dyn Write,
) -> io::Result<Status> {
    let result = match to {
        To::Csv => csv_dir(data, out),
        To::Popolo => document(out, stdout, |w| popolo::write(data, w)),
        To::Jsonld => document(out, stdout, |w| jsonld::write(data, w)),
        To::Iati => match iati_options(publisher) {
            Ok(options) => document(out, stdout, |w| {
                let report = iati::write(data, &options, w)?;
                eprintln!(
                    "migov: wrote {} IATI activities; left out {}",
                    report.written.len(),
                    report.skipped.len()
                );
                for (id, missing) in &report.skipped {
                    eprintln!("  left out project {id}: {missing}");
                }
                Ok(())
            }),
            Err(message) => {
                eprintln!("migov: {message}");
                return Ok(Status::Unreadable);
            }
        },
    };
    match result {
        Ok(()) => Ok(Status::Ok),
        Err(e) => {
            eprintln!("migov: {e}");
            Ok(Status::Unreadable)
        }
    }
}

/// Every CSV table into the directory `out`.
fn csv_dir(data: &Dataset, out: Option<&Path>) -> Result<(), ExportError> {
    let dir = out.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    for (table, rows) in csv::write_dir(data, &dir)? {
        eprintln!(
            "migov: wrote {} ({rows} rows)",
            dir.join(format!("{table}.csv")).display()
        );
    }
    Ok(())
}

/// One document, to the file `out` or to standard output.
fn document(
    out: Option<&Path>,
    stdout: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    match out {
        Some(path) => {
            let file = File::create(path).map_err(|source| ExportError::Io {
                format: "export",
                source,
            })?;
            let mut w = BufWriter::new(file);
            write(&mut w)?;
            w.flush().map_err(|source| ExportError::Io {
                format: "export",
                source,
            })?;
            eprintln!("migov: wrote {}", path.display());
            Ok(())
        }
        None => write(stdout),
    }
}

/// The IATI options, or what is missing from the command line.
fn iati_options(p: &Publisher) -> Result<IatiOptions, String> {
    let (Some(reference), Some(kind), Some(name)) = (&p.reference, &p.kind, &p.name) else {
        return Err("an IATI export names its publisher: --reporting-org-ref (such as XI-IATI-EXAMPLE), --reporting-org-type (an IATI OrganisationType code such as 90) and --reporting-org-name".to_owned());
    };
    let options = IatiOptions::new(reference, kind, name).map_err(|e| e.to_string())?;
    Ok(match p.status_when_unknown {
        Some(s) => options.with_status_when_unknown(s.into()),
        None => options,
    })
}
