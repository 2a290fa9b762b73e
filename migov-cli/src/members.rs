//! `migov members`: who held a role in a body on a date.

use std::io::{self, Write};

use migov::codelist::MembershipRole;
use migov::{Dataset, NameMatch, PartialDate, Party, Truth};
use serde::Serialize;

use crate::{Format, Status};

/// The most levels of bodies followed with `--through-bodies`.
const MAX_DEPTH: usize = 8;

/// One answer: a member, how sure, and the bodies it belongs through.
#[derive(Debug, Serialize)]
struct Answer {
    /// `state`, `partner` or `process`.
    kind: &'static str,
    id: String,
    name: String,
    role: String,
    /// `yes` (certainly) or `maybe` (possibly).
    certainty: Truth,
    /// The membership's period as the dataset understands it.
    period: String,
    /// The member bodies it belongs through, outermost first (empty for a
    /// direct member).
    via: Vec<String>,
}

fn name_of(data: &Dataset, party: &Party) -> String {
    match party {
        Party::State(c) => data
            .member_state(*c)
            .map_or_else(|| c.name().to_owned(), |s| s.name().to_owned()),
        Party::Partner(p) => data
            .partner(p)
            .map_or_else(|| p.to_string(), |p| p.name().to_owned()),
        Party::Process(p) => data
            .process(p)
            .map_or_else(|| p.to_string(), |p| p.name().to_owned()),
        other => other.to_string(),
    }
}

/// The body `query` names: a process or partner identifier, or a name.
fn body(data: &Dataset, query: &str) -> Result<Party, String> {
    let q = query.trim();
    for id in [q.to_owned(), q.to_ascii_uppercase()] {
        if let Ok(pid) = migov::ProcessId::new(&id)
            && let Some(p) = data.process(&pid)
        {
            return Ok(Party::Process(p.id().clone()));
        }
        if let Ok(pid) = migov::PartnerId::new(&id)
            && let Some(p) = data.partner(&pid)
        {
            return Ok(Party::Partner(p.id().clone()));
        }
    }
    let bodies: Vec<Party> = data
        .resolve_name(q)
        .into_iter()
        .filter_map(|m| match m {
            NameMatch::Process(p) => Some(Party::Process(p.id().clone())),
            NameMatch::Partner(p) => Some(Party::Partner(p.id().clone())),
            _ => None,
        })
        .collect();
    match bodies.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!("no process or partner is named {query:?}")),
        many => Err(format!(
            "{query:?} names several bodies: {}",
            many.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The answers for `body`, and with `through`, for the members of its
/// member bodies (as members), each as sure as both memberships together.
#[allow(clippy::too_many_arguments)]
fn collect(
    data: &Dataset,
    body: &Party,
    role: &MembershipRole,
    on: PartialDate,
    through: bool,
    via: &mut Vec<Party>,
    sure: Truth,
    out: &mut Vec<Answer>,
) {
    for answer in data.members_of(body, role, on) {
        let m = answer.item();
        let certainty = sure.and(answer.certainty());
        out.push(Answer {
            kind: m.member().kind(),
            id: m.member().id_str().to_owned(),
            name: name_of(data, m.member()),
            role: m.role().to_string(),
            certainty,
            period: data.effective_period(m).to_string(),
            via: via.iter().map(|p| p.id_str().to_owned()).collect(),
        });
        let member = m.member();
        let is_body = !matches!(member, Party::State(_));
        if through && is_body && via.len() < MAX_DEPTH && !via.contains(member) && member != body {
            via.push(member.clone());
            collect(
                data,
                member,
                &MembershipRole::Member,
                on,
                through,
                via,
                certainty,
                out,
            );
            via.pop();
        }
    }
}

/// Prints who held `role` in `body_name` during `on`.
pub fn run(
    data: &Dataset,
    body_name: &str,
    on: PartialDate,
    role: &MembershipRole,
    through: bool,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<Status> {
    let body = match body(data, body_name) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("migov: {e}");
            return Ok(Status::Found);
        }
    };
    let mut answers = Vec::new();
    collect(
        data,
        &body,
        role,
        on,
        through,
        &mut Vec::new(),
        Truth::Yes,
        &mut answers,
    );
    match format {
        Format::Json => {
            #[derive(Serialize)]
            struct All<'a> {
                body: String,
                on: String,
                role: String,
                members: &'a [Answer],
            }
            crate::output::json(
                out,
                &All {
                    body: body.to_string(),
                    on: on.to_string(),
                    role: role.to_string(),
                    members: &answers,
                },
            )?;
        }
        Format::Text => {
            writeln!(
                out,
                "{} ({}), {role} during {on}: {} answer(s)",
                body,
                name_of(data, &body),
                answers.len()
            )?;
            for a in &answers {
                let sure = if a.certainty.is_yes() {
                    "certainly"
                } else {
                    "possibly "
                };
                let via = if a.via.is_empty() {
                    String::new()
                } else {
                    format!(" via {}", a.via.join(" > "))
                };
                writeln!(
                    out,
                    "  {sure} {} {} ({}) [{}]{via}",
                    a.kind, a.id, a.name, a.period
                )?;
            }
        }
    }
    Ok(if answers.is_empty() {
        Status::Found
    } else {
        Status::Ok
    })
}
