//! `migov`: check migov dataset files, show records, list the members of a
//! body on a date, diff two datasets, print coverage statistics and export
//! to CSV, Popolo, JSON-LD or IATI.
//!
//! Every verb that reads a dataset reads the embedded reference dataset
//! unless `--data FILE` names another. Run `migov --help` for the verbs and
//! `migov VERB --help` for each one's options.

mod check;
mod data;
mod export;
mod members;
mod output;
mod progress;
mod show;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Reads, checks and queries migov datasets: IOM member states, consultative
/// processes, partners, projects, events and memberships.
///
/// Without --data, the embedded reference dataset is read.
///
/// Exit status: 0 on success; 1 when `check` found problems, `diff` found
/// differences, or `show` and `members` found nothing; 2 when a file could
/// not be read or does not load, or the command line is wrong.
#[derive(Debug, Parser)]
#[command(name = "migov", version, about, long_about)]
struct Cli {
    /// A dataset file (migov's JSON format) to read instead of the embedded
    /// reference dataset.
    #[arg(long, global = true, value_name = "FILE")]
    data: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people.
    #[default]
    Text,
    /// One JSON document on standard output, for scripts and CI.
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Checks dataset files and prints every problem at FILE:LINE:COLUMN,
    /// with its JSON Pointer, rule id and severity.
    ///
    /// With no FILE, checks the embedded reference dataset. Exit status: 0
    /// when every file is valid (warnings allowed unless --deny-warnings), 1
    /// when a file has problems, 2 when a file could not be read.
    Check {
        /// The files to check.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Counts warnings as problems (exit status 1).
        #[arg(long)]
        deny_warnings: bool,
        /// Lists at most this many problems per file (errors first); the
        /// rest are counted in a last `report.more_problems` line.
        #[arg(long, value_name = "N", default_value_t = migov::LoadOptions::DEFAULT_MAX_PROBLEMS)]
        max_problems: usize,
    },
    /// Shows the records an identifier or name stands for (a country code
    /// or name, a process, partner, project or event identifier, a name or
    /// an acronym), in the dataset format.
    Show {
        /// An identifier or a name: SEN, Senegal, MIDWA, "Puebla Process", E40-800.
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Lists who held a role in a body (a process or a partner
    /// organisation) on a date, each certainly or possibly.
    Members {
        /// The body: an identifier or a name (MIDWA, "Puebla Process", ECOWAS).
        body: String,
        /// The date: a year, a month or a day (2014, 2014-06, 2014-06-30).
        #[arg(long, value_name = "DATE")]
        on: migov::PartialDate,
        /// The role (member, observer, chair, ...).
        #[arg(long, default_value = "member")]
        role: migov::codelist::MembershipRole,
        /// Also lists the members of member bodies (the states of ECOWAS
        /// when ECOWAS is a member), with the bodies they belong through.
        #[arg(long)]
        through_bodies: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Prints what changed from OLD to NEW: records added, removed and
    /// changed, field by field, with the sources added and removed.
    ///
    /// With one FILE, compares the embedded reference dataset (OLD) with
    /// it. Exit status: 0 when the datasets hold the same records, 1 when
    /// they differ, 2 when a file does not load.
    Diff {
        /// OLD and NEW, or NEW alone.
        #[arg(value_name = "FILE", num_args = 1..=2, required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Writes the dataset in a standard format: CSV tables (one file per
    /// table in the directory --out names, or the current directory),
    /// Popolo JSON, JSON-LD, or IATI activity XML of the projects.
    ///
    /// Popolo, JSON-LD and IATI go to standard output unless --out names a
    /// file; what was written (and, for IATI, which projects were left out
    /// and why) is told on standard error. Exit status: 0 when written, 2
    /// when it could not be (a file, or an IATI publisher not given).
    Export {
        /// The dataset file to export (else --data, else the embedded
        /// reference dataset).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// The format.
        #[arg(long, value_enum)]
        to: export::To,
        /// Where to write: a directory for CSV, a file for the others.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// IATI: the publisher's organisation identifier (XI-IATI-EXAMPLE).
        #[arg(long, value_name = "REF")]
        reporting_org_ref: Option<String>,
        /// IATI: the publisher's OrganisationType code (10, 40, 90...).
        #[arg(long, value_name = "CODE")]
        reporting_org_type: Option<String>,
        /// IATI: the publisher's name.
        #[arg(long, value_name = "NAME")]
        reporting_org_name: Option<String>,
        /// IATI: the activity status to write (marked as assumed) for a
        /// project whose status is not recorded; without it such projects
        /// are left out.
        #[arg(long, value_enum, value_name = "STATUS")]
        status_when_unknown: Option<export::AssumedStatus>,
    },
    /// Prints how many records of each collection have dates, budgets and
    /// sources on IOM's own sites.
    Stats {
        /// Output format (text is a Markdown table).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

/// How a verb ended: its exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    /// Done, nothing to report.
    Ok = 0,
    /// Problems, differences, or nothing found.
    Found = 1,
    /// A file could not be read or does not load.
    Unreadable = 2,
}

fn run(cli: Cli, out: &mut dyn Write) -> io::Result<Status> {
    match cli.command {
        Command::Check {
            files,
            format,
            deny_warnings,
            max_problems,
        } => {
            let options = migov::LoadOptions::new().max_problems(max_problems);
            check::run(&files, format, deny_warnings, &options, out)
        }
        Command::Show { id, format } => {
            let Some(data) = data::dataset(cli.data.as_deref())? else {
                return Ok(Status::Unreadable);
            };
            show::run(&data, &id, format, out)
        }
        Command::Members {
            body,
            on,
            role,
            through_bodies,
            format,
        } => {
            let Some(data) = data::dataset(cli.data.as_deref())? else {
                return Ok(Status::Unreadable);
            };
            members::run(&data, &body, on, &role, through_bodies, format, out)
        }
        Command::Diff { files, format } => diff(&files, format, out),
        Command::Export {
            file,
            to,
            out: path,
            reporting_org_ref,
            reporting_org_type,
            reporting_org_name,
            status_when_unknown,
        } => {
            let input = file.or(cli.data);
            let Some(data) = data::dataset(input.as_deref())? else {
                return Ok(Status::Unreadable);
            };
            let publisher = export::Publisher {
                reference: reporting_org_ref,
                kind: reporting_org_type,
                name: reporting_org_name,
                status_when_unknown,
            };
            export::run(&data, to, path.as_deref(), &publisher, out)
        }
        Command::Stats { format } => {
            let Some(data) = data::dataset(cli.data.as_deref())? else {
                return Ok(Status::Unreadable);
            };
            let coverage = data.coverage();
            match format {
                Format::Text => write!(out, "{coverage}")?,
                Format::Json => output::json(out, &coverage)?,
            }
            Ok(Status::Ok)
        }
    }
}

fn diff(files: &[PathBuf], format: Format, out: &mut dyn Write) -> io::Result<Status> {
    let (old, new) = match files {
        [new] => (data::dataset(None)?, data::dataset(Some(new))?),
        [old, new] => (data::dataset(Some(old))?, data::dataset(Some(new))?),
        _ => return Ok(Status::Unreadable),
    };
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(Status::Unreadable);
    };
    let diff = old.diff(&new);
    match format {
        Format::Text => write!(out, "{diff}")?,
        Format::Json => output::json(out, &diff)?,
    }
    Ok(if diff.is_empty() {
        Status::Ok
    } else {
        Status::Found
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let status = run(cli, &mut out).and_then(|status| out.flush().map(|()| status));
    match status {
        Ok(status) => ExitCode::from(status as u8),
        // A reader that stopped reading (`migov show SEN | head -1`).
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("migov: {e}");
            ExitCode::from(Status::Unreadable as u8)
        }
    }
}
