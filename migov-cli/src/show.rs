//! `migov show`: the records an identifier or name stands for.

use std::io::{self, Write};

use migov::{CountryCode, Dataset, Event, MemberState, NameMatch, Partner, Project, Rcp};
use serde::Serialize;

use crate::{Format, Status};

/// A record of any collection; serialises as the record in the dataset
/// format, keys in the format's order.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Record<'a> {
    State(&'a MemberState),
    Process(&'a Rcp),
    Partner(&'a Partner),
    Project(&'a Project),
    Event(&'a Event),
}

/// A record found, as its collection, identifier and record in the dataset format.
#[derive(Debug, Serialize)]
struct Found<'a> {
    collection: &'static str,
    id: String,
    /// `None` for a country the dataset has no member-state record of.
    record: Option<Record<'a>>,
    /// For a country without a record: its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'static str>,
}

fn state(data: &Dataset, c: CountryCode) -> Found<'_> {
    let member = data.member_state(c);
    Found {
        collection: "member_states",
        id: c.to_string(),
        record: member.map(Record::State),
        name: member.is_none().then(|| c.name()),
    }
}

/// Every record `query` stands for: a country code, an identifier of any
/// collection (exact, then in upper case), or a name or alias.
fn find<'a>(data: &'a Dataset, query: &str) -> Vec<Found<'a>> {
    let mut found = Vec::new();
    let upper = query.trim().to_ascii_uppercase();
    if let Ok(c) = CountryCode::from_alpha3(&upper).or_else(|_| CountryCode::from_alpha2(&upper)) {
        found.push(state(data, c));
    }
    for id in [query.trim(), upper.as_str()] {
        if let Ok(typed) = migov::ProcessId::new(id)
            && let Some(p) = data.process(&typed)
        {
            found.push(Found {
                collection: "processes",
                id: p.id().to_string(),
                record: Some(Record::Process(p)),
                name: None,
            });
        }
        if let Ok(typed) = migov::PartnerId::new(id)
            && let Some(p) = data.partner(&typed)
        {
            found.push(Found {
                collection: "partners",
                id: p.id().to_string(),
                record: Some(Record::Partner(p)),
                name: None,
            });
        }
        if let Ok(typed) = migov::ProjectId::new(id)
            && let Some(p) = data.project(&typed)
        {
            found.push(Found {
                collection: "projects",
                id: p.id().to_string(),
                record: Some(Record::Project(p)),
                name: None,
            });
        }
        if let Ok(typed) = migov::EventId::new(id)
            && let Some(e) = data.event(&typed)
        {
            found.push(Found {
                collection: "events",
                id: e.id().to_string(),
                record: Some(Record::Event(e)),
                name: None,
            });
        }
    }
    for m in data.resolve_name(query) {
        found.push(match m {
            NameMatch::State(c, _) => state(data, c),
            NameMatch::Process(p) => Found {
                collection: "processes",
                id: p.id().to_string(),
                record: Some(Record::Process(p)),
                name: None,
            },
            NameMatch::Partner(p) => Found {
                collection: "partners",
                id: p.id().to_string(),
                record: Some(Record::Partner(p)),
                name: None,
            },
            _ => continue,
        });
    }
    let mut unique: Vec<Found<'_>> = Vec::new();
    for f in found {
        if !unique
            .iter()
            .any(|u| u.collection == f.collection && u.id == f.id)
        {
            unique.push(f);
        }
    }
    unique
}

/// Prints the records `query` stands for; [`Status::Found`] (1) when none.
pub fn run(data: &Dataset, query: &str, format: Format, out: &mut dyn Write) -> io::Result<Status> {
    let found = find(data, query);
    if found.is_empty() {
        eprintln!("migov: no record has the identifier or name {query:?}");
        if format == Format::Json {
            crate::output::json(out, &found)?;
        }
        return Ok(Status::Found);
    }
    match format {
        Format::Json => crate::output::json(out, &found)?,
        Format::Text => {
            for (i, f) in found.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                match (&f.record, f.name) {
                    (Some(record), _) => {
                        writeln!(out, "{} {}", f.collection, f.id)?;
                        crate::output::json(out, record)?;
                    }
                    (None, name) => writeln!(
                        out,
                        "country {} ({}): no member-state record in this dataset",
                        f.id,
                        name.unwrap_or_default()
                    )?,
                }
            }
        }
    }
    Ok(Status::Ok)
}
