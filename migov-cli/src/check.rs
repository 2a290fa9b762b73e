//! `migov check`: every problem of each file at FILE:LINE:COLUMN.

use std::io::{self, Write};
use std::path::PathBuf;

use migov::{Dataset, Issue, LoadErrors, LoadOptions, Severity};
use serde::Serialize;

use crate::progress::Progress;
use crate::{Format, Status};

/// The name the embedded reference dataset is reported under.
const REFERENCE: &str = "(reference)";

/// One problem, at its place.
#[derive(Debug, Serialize)]
pub struct Problem {
    /// Line and column (from 1; the column in bytes), when the place is in the text.
    line: Option<usize>,
    column: Option<usize>,
    /// The place as an RFC 6901 JSON Pointer (`""`: the whole document).
    pointer: String,
    rule: &'static str,
    severity: &'static str,
    message: String,
}

/// What checking one file found.
#[derive(Debug, Serialize)]
pub struct Report {
    file: String,
    /// Why the file could not be read (then nothing else is known).
    #[serde(skip_serializing_if = "Option::is_none")]
    read_error: Option<String>,
    /// Whether the file loads (it may still have warnings).
    valid: bool,
    errors: usize,
    warnings: usize,
    problems: Vec<Problem>,
}

fn problem(text: &str, issue: &Issue, line_column: Option<(usize, usize)>) -> Problem {
    let pointer = issue.path().to_pointer();
    let place = line_column.or_else(|| migov::json::locate(text, &pointer));
    Problem {
        line: place.map(|(l, _)| l),
        column: place.map(|(_, c)| c),
        pointer,
        rule: issue.rule().id(),
        severity: issue.severity().as_str(),
        message: issue.message().to_owned(),
    }
}

impl Report {
    /// The report of a file that did not load.
    pub fn of_errors(file: &str, bytes: &[u8], errors: &LoadErrors) -> Self {
        let text = String::from_utf8_lossy(bytes);
        let problems: Vec<Problem> = errors
            .problems()
            .iter()
            .map(|p| problem(&text, p.issue(), p.line_column()))
            .collect();
        Self::new(file, false, problems)
    }

    /// The report of a file that loaded: its warnings.
    fn of_dataset(file: &str, bytes: &[u8], dataset: &Dataset) -> Self {
        let text = String::from_utf8_lossy(bytes);
        let problems = dataset
            .warnings()
            .iter()
            .map(|w| problem(&text, w, None))
            .collect();
        Self::new(file, true, problems)
    }

    fn unreadable(file: &str, error: &io::Error) -> Self {
        Self {
            read_error: Some(error.to_string()),
            ..Self::new(file, false, Vec::new())
        }
    }

    /// The problems in the order of the text (those with no place first),
    /// errors before warnings at one place.
    fn new(file: &str, valid: bool, mut problems: Vec<Problem>) -> Self {
        problems.sort_by(|a, b| {
            (a.line, a.column, a.severity != "error").cmp(&(
                b.line,
                b.column,
                b.severity != "error",
            ))
        });
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error.as_str())
            .count();
        Self {
            file: file.to_owned(),
            read_error: None,
            valid,
            errors,
            warnings: problems.len() - errors,
            problems,
        }
    }

    /// One line per problem, then a summary line.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        if let Some(e) = &self.read_error {
            return writeln!(out, "{}: cannot read: {e}", self.file);
        }
        for p in &self.problems {
            let place = match (p.line, p.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
                _ => self.file.clone(),
            };
            let pointer = if p.pointer.is_empty() {
                "(document)"
            } else {
                &p.pointer
            };
            writeln!(
                out,
                "{place}: {} [{}] {pointer}: {}",
                p.severity, p.rule, p.message
            )?;
        }
        let verdict = if self.valid { "valid" } else { "invalid" };
        writeln!(
            out,
            "{}: {verdict}, {} error(s), {} warning(s)",
            self.file, self.errors, self.warnings
        )
    }
}

/// Checks `files` (the embedded reference dataset when there are none).
pub fn run(
    files: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    options: &LoadOptions,
    out: &mut dyn Write,
) -> io::Result<Status> {
    let mut reports = Vec::new();
    if files.is_empty() {
        let text = migov::reference::JSON;
        let report = match options.load_str(text) {
            Ok(d) => Report::of_dataset(REFERENCE, text.as_bytes(), &d),
            Err(e) => Report::of_errors(REFERENCE, text.as_bytes(), &e),
        };
        reports.push(report);
    } else {
        let progress = Progress::start("checking", Some(files.len() as u64));
        for file in files {
            progress.message(format!("checking {}", file.display()));
            let name = file.display().to_string();
            let report = match std::fs::read(file) {
                Err(e) => Report::unreadable(&name, &e),
                Ok(bytes) => match options.load_slice(&bytes) {
                    Ok(d) => Report::of_dataset(&name, &bytes, &d),
                    Err(e) => Report::of_errors(&name, &bytes, &e),
                },
            };
            progress.step(format!("checked {}", file.display()));
            reports.push(report);
        }
    }
    match format {
        Format::Text => {
            for r in &reports {
                if r.read_error.is_some() {
                    // Also on standard error, where a person looks for it.
                    let mut err = io::stderr().lock();
                    r.write_text(&mut err)?;
                }
                r.write_text(out)?;
            }
        }
        Format::Json => {
            #[derive(Serialize)]
            struct All<'a> {
                valid: bool,
                files: &'a [Report],
            }
            let valid = reports
                .iter()
                .all(|r| r.valid && (!deny_warnings || r.warnings == 0));
            crate::output::json(
                out,
                &All {
                    valid,
                    files: &reports,
                },
            )?;
        }
    }
    Ok(if reports.iter().any(|r| r.read_error.is_some()) {
        Status::Unreadable
    } else if reports
        .iter()
        .any(|r| !r.valid || (deny_warnings && r.warnings > 0))
    {
        Status::Found
    } else {
        Status::Ok
    })
}
