//! Popolo JSON: organizations, memberships, posts and persons, as the
//! [Popolo project](https://www.popoloproject.com/) specifies them.
//!
//! [`to_value`] builds one JSON document with four arrays, `organizations`,
//! `memberships`, `posts` and `persons` (the shape Popolo files such as
//! EveryPolitician's use); [`write()`] writes it, indented. Every object is valid
//! against the Popolo JSON Schema of its class (`organization.json`,
//! `membership.json`, `post.json`, `person.json`, checked in the crate's
//! tests against copies of the published schemas).
//!
//! # Identifiers
//!
//! Popolo identifiers are strings, one namespace for all classes; migov's
//! kinds of records are told apart by a prefix:
//!
//! | record | Popolo `id` |
//! | --- | --- |
//! | member state | `state/SEN` (ISO 3166-1 alpha-3) |
//! | process | `process/MIDWA` |
//! | partner | `partner/IOM` |
//! | membership | `membership/N`, N its position in the dataset's memberships from 0 |
//! | IOM status of a state | `membership/iom/SEN/N`, N the step of its status history from 0 |
//! | office in a body | `post/MIDWA/chair` (`post/BODY/ROLE/SCOPE` with a scope) |
//! | person at an event | `person/EVENT/speaker/N`, `person/EVENT/contact/N`, `person/EVENT/panellist/N` (from 1, in the record's order) |
//! | person's affiliation | `membership/person/EVENT/speaker/N` (and so on) |
//!
//! Ids are stable for a given dataset; the `membership/N` ids change when
//! memberships are added before them.
//!
//! # Organizations
//!
//! Member states, processes and partners are all Popolo organizations. A
//! state that a membership names but the dataset has no record of (a member
//! of a regional body that is not an IOM member state) is an organization
//! too, with its ISO name and codes and no sources.
//!
//! | Popolo | member state | process | partner |
//! | --- | --- | --- | --- |
//! | `id` | `state/` + alpha-3 | `process/` + id | `partner/` + id |
//! | `name` | name | name | name |
//! | `other_names` | other names (`name` only) | same | same |
//! | `identifiers` | alpha-3 (scheme `ISO 3166-1 alpha-3`) and alpha-2 (`ISO 3166-1 alpha-2`) | id (scheme `migov:process`) | id (scheme `migov:partner`) |
//! | `classification` | `state` | process kind code | partner kind code |
//! | `founding_date` | — | preferred establishment date, at its precision | same |
//! | `dissolution_date` | — | `status_since` of a dissolved body | same |
//! | `area` | — | `{"name": region}` | headquarters: `{"id": "country/CHE", "name": "Switzerland", "identifier": "CHE", "classification": "country"}` |
//! | `sources` | sources (see below) | same | same |
//!
//! Lost: alternative establishment dates and their sources; lifecycle status
//! other than dissolution; stated member counts; a process's secretariat
//! text (the secretariat's membership is kept) and linked organisations; a
//! partner's IOM relationship and figures; a state's IDF region, Line 2
//! eligibility, GCM champion listing and IOM presence; notes.
//!
//! # Memberships
//!
//! | Popolo | from |
//! | --- | --- |
//! | `id` | `membership/N` |
//! | `member` | `{"@type": "Organization", "id": …}`: the state or partner (Popolo's form for an organisation that is a member) |
//! | `organization_id` | the body: `process/…` or `partner/…` |
//! | `role` | the role's English label (`Member`, `Chair`; a role migov does not know is written as recorded) |
//! | `post_id` | for an office (chair, co-chair, vice-chair, permanent chair, working group chair, secretariat): the post of that role in that body |
//! | `label` | the scope, where given |
//! | `start_date`, `end_date` | the period's bounds at their precision (`2001`, `2019-06`); an unknown bound is left out |
//! | `sources` | sources; a dispute's sources follow, each with the note `disputed: <dispute note>` |
//!
//! Each state's IOM status history also becomes memberships of the state in
//! IOM (`organization_id` `partner/IOM`; IOM is added as an organization if the
//! dataset has no partner `IOM`): role `Member` or `Observer`, `start_date`
//! the step's date, `end_date` the next step's date (the state changed status
//! then), sources the state's.
//!
//! Lost: the membership's note; the certainty of an open end (an absent
//! `end_date` says "not known to have ended").
//!
//! # Posts
//!
//! One post per body, office role and scope that some membership holds:
//! `id` as above, `organization_id` the body, `role` the role's English label,
//! `label` `"<role> of <body name>"` (with `" (<scope>)"`). Posts carry no
//! dates of their own (the bodies do not record when an office was created).
//!
//! # Persons
//!
//! The speakers, contacts and panellists of events, one person per mention:
//! the same person at two events is two persons (migov records no identity
//! across events).
//!
//! | Popolo | from |
//! | --- | --- |
//! | `name`, `other_names` | name, other names |
//! | `honorific_prefix` | honorific |
//! | `email` | email |
//! | `contact_details` | each telephone number as `{"type": "voice", "value": …}` |
//! | `summary` | title and affiliation text, joined with `, ` |
//! | `sources` | the event's sources |
//! | `links` | none |
//!
//! A person with an organisation (a partner record) also gets a membership
//! in it (`person_id`, `organization_id`, `role` the title).
//!
//! Lost: the person's country, the event itself (its id is in the person's
//! id), the documents of panellists.
//!
//! # Sources
//!
//! A source is a Popolo link: `url`, and `note` made of `retrieved <date>`
//! (where recorded) and the source's note, joined with `; `.
//!
//! # Not exported
//!
//! Projects, events (other than their people) and event parties: Popolo has
//! no class for projects, and its event class is for legislative sessions.
//! Use the [JSON-LD](crate::export::jsonld) or [IATI](crate::export::iati)
//! exports for them.
//!
//! # Examples
//!
//! ```
//! use migov::codelist::MembershipRole;
//! use migov::{CountryCode, Dataset, Membership, Party, ProcessId, Rcp, Source};
//!
//! let midwa = ProcessId::new("MIDWA")?;
//! let mut b = Dataset::builder();
//! b.add_process(Rcp::builder(midwa.clone(), "Migration Dialogue for West Africa")
//!     .established("2001".parse::<migov::PartialDate>()?)
//!     .source(Source::new("https://www.iom.int/midwa")?).build()?)?;
//! b.add_membership(Membership::builder(
//!     Party::State(CountryCode::from_alpha3("SEN")?), Party::Process(midwa), MembershipRole::Member)
//!     .build()?);
//! let doc = migov::export::popolo::to_value(&b.build()?);
//!
//! assert_eq!(doc["organizations"][0]["id"], "process/MIDWA");
//! assert_eq!(doc["organizations"][0]["founding_date"], "2001");
//! assert_eq!(doc["memberships"][0]["member"]["id"], "state/SEN");
//! assert_eq!(doc["memberships"][0]["organization_id"], "process/MIDWA");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Map, Value, json};

use crate::codelist::{LifecycleStatus, MembershipRole};
use crate::dataset::Dataset;
use crate::entity::{Event, Party, Person};
use crate::export::{ExportError, party_name};
use crate::value::{Language, Source};

const FORMAT: &str = "Popolo JSON";

/// The Popolo document of `data`: `{"organizations": […], "memberships":
/// […], "posts": […], "persons": […]}` (see the [module docs](self)).
pub fn to_value(data: &Dataset) -> Value {
    let mut organizations = Vec::new();
    let mut memberships = Vec::new();
    let mut posts: BTreeMap<String, Value> = BTreeMap::new();
    let mut persons = Vec::new();

    for s in data.member_states() {
        let mut o = Map::new();
        o.insert("id".into(), json!(party_id(&Party::State(s.country()))));
        o.insert("name".into(), json!(s.name()));
        other_names(&mut o, s.other_names());
        o.insert(
            "identifiers".into(),
            json!([
                {"identifier": s.country().alpha3(), "scheme": "ISO 3166-1 alpha-3"},
                {"identifier": s.country().alpha2(), "scheme": "ISO 3166-1 alpha-2"},
            ]),
        );
        o.insert("classification".into(), json!("state"));
        sources(&mut o, s.sources());
        organizations.push(Value::Object(o));
    }
    for p in data.processes() {
        let mut o = Map::new();
        o.insert("id".into(), json!(format!("process/{}", p.id())));
        o.insert("name".into(), json!(p.name()));
        other_names(&mut o, p.other_names());
        o.insert(
            "identifiers".into(),
            json!([{"identifier": p.id().as_str(), "scheme": "migov:process"}]),
        );
        if let Some(kind) = p.kind() {
            o.insert("classification".into(), json!(kind.as_str()));
        }
        lifetime(
            &mut o,
            p.established().map(|c| *c.value()),
            p.status(),
            p.status_since(),
        );
        if let Some(region) = p.region() {
            o.insert("area".into(), json!({ "name": region }));
        }
        sources(&mut o, p.sources());
        organizations.push(Value::Object(o));
    }
    // States that memberships name but the dataset has no record of (a
    // state in a regional body that is not an IOM member) are organizations
    // too, with their ISO names, so that every membership resolves.
    let mut unrecorded: Vec<crate::value::CountryCode> = data
        .memberships()
        .iter()
        .flat_map(|m| [m.member(), m.body()])
        .filter_map(Party::as_state)
        .filter(|c| data.member_state(*c).is_none())
        .collect();
    unrecorded.sort();
    unrecorded.dedup();
    for c in unrecorded {
        organizations.push(json!({
            "id": party_id(&Party::State(c)),
            "name": c.name(),
            "identifiers": [
                {"identifier": c.alpha3(), "scheme": "ISO 3166-1 alpha-3"},
                {"identifier": c.alpha2(), "scheme": "ISO 3166-1 alpha-2"},
            ],
            "classification": "state",
        }));
    }
    // A group of states that is a member ("the members of the Colombo
    // Process") is an organization of its own, named after its body.
    let mut groups: Vec<&crate::entity::Body> = data
        .memberships()
        .iter()
        .filter_map(|m| m.member().group_body())
        .collect();
    groups.sort();
    groups.dedup();
    for body in groups {
        let group = Party::MembersOf(body.clone());
        let name = super::party_name(data, &group).map_or_else(
            || format!("the members of {body}"),
            |n| format!("the members of {n}"),
        );
        organizations.push(json!({
            "id": party_id(&group),
            "name": name,
            "classification": "group of states",
        }));
    }
    let mut has_iom = false;
    for p in data.partners() {
        has_iom |= p.id().as_str() == "IOM";
        let mut o = Map::new();
        o.insert("id".into(), json!(format!("partner/{}", p.id())));
        o.insert("name".into(), json!(p.name()));
        other_names(&mut o, p.other_names());
        o.insert(
            "identifiers".into(),
            json!([{"identifier": p.id().as_str(), "scheme": "migov:partner"}]),
        );
        if let Some(kind) = p.kind() {
            o.insert("classification".into(), json!(kind.as_str()));
        }
        lifetime(
            &mut o,
            p.established().map(|c| *c.value()),
            p.status(),
            p.status_since(),
        );
        if let Some(hq) = p.headquarters() {
            o.insert(
                "area".into(),
                json!({
                    "id": format!("country/{}", hq.alpha3()),
                    "name": hq.name(),
                    "identifier": hq.alpha3(),
                    "classification": "country",
                }),
            );
        }
        sources(&mut o, p.sources());
        organizations.push(Value::Object(o));
    }

    for (i, m) in data.memberships().iter().enumerate() {
        let mut o = Map::new();
        o.insert("id".into(), json!(format!("membership/{i}")));
        o.insert(
            "member".into(),
            json!({"@type": "Organization", "id": party_id(m.member())}),
        );
        let body = party_id(m.body());
        o.insert("organization_id".into(), json!(body));
        o.insert("role".into(), json!(m.role().label(Language::English)));
        if is_office(m.role()) {
            let id = post_id(m.body(), m.role().as_str(), m.scope());
            posts.entry(id.clone()).or_insert_with(|| {
                let body_name = party_name(data, m.body()).unwrap_or(m.body().id_str());
                let role = m.role().label(Language::English);
                let label = match m.scope() {
                    Some(scope) => format!("{role} of {body_name} ({scope})"),
                    None => format!("{role} of {body_name}"),
                };
                json!({"id": id, "label": label, "role": role, "organization_id": body})
            });
            o.insert("post_id".into(), json!(id));
        }
        if let Some(scope) = m.scope() {
            o.insert("label".into(), json!(scope));
        }
        dates(&mut o, m.period().start(), m.period().end());
        let mut links: Vec<Value> = m.sources().iter().map(link).collect();
        if let Some(d) = m.dispute() {
            for s in d.sources() {
                let mut l = link(s);
                let note = match l.get("note").and_then(Value::as_str) {
                    Some(n) => format!("disputed: {}; {n}", d.note()),
                    None => format!("disputed: {}", d.note()),
                };
                if let Value::Object(map) = &mut l {
                    map.insert("note".into(), json!(note));
                }
                links.push(l);
            }
        }
        if !links.is_empty() {
            o.insert("sources".into(), Value::Array(links));
        }
        memberships.push(Value::Object(o));
    }

    let mut needs_iom = false;
    for s in data.member_states() {
        let steps = s.status_history();
        for (k, step) in steps.iter().enumerate() {
            needs_iom = true;
            let mut o = Map::new();
            o.insert(
                "id".into(),
                json!(format!("membership/iom/{}/{k}", s.country().alpha3())),
            );
            o.insert(
                "member".into(),
                json!({"@type": "Organization", "id": party_id(&Party::State(s.country()))}),
            );
            o.insert("organization_id".into(), json!("partner/IOM"));
            let role = match step.status() {
                crate::entity::IomStatus::Member => "Member",
                crate::entity::IomStatus::Observer => "Observer",
            };
            o.insert("role".into(), json!(role));
            let next = steps.get(k + 1).and_then(|n| n.since());
            dates(&mut o, step.since(), next);
            sources(&mut o, s.sources());
            memberships.push(Value::Object(o));
        }
    }
    if needs_iom && !has_iom {
        organizations.push(json!({
            "id": "partner/IOM",
            "name": "International Organization for Migration",
            "identifiers": [{"identifier": "IOM", "scheme": "migov:partner"}],
        }));
    }

    for e in data.events() {
        for (role, people) in event_people(e) {
            for (n, p) in people.into_iter().enumerate() {
                let id = format!("person/{}/{role}/{}", e.id(), n + 1);
                persons.push(person(&id, p, e.sources()));
                if let Some(org) = p.organization() {
                    let mut o = Map::new();
                    o.insert("id".into(), json!(format!("membership/{id}")));
                    o.insert("person_id".into(), json!(id));
                    o.insert("organization_id".into(), json!(format!("partner/{org}")));
                    if let Some(title) = p.title() {
                        o.insert("role".into(), json!(title));
                    }
                    sources(&mut o, e.sources());
                    memberships.push(Value::Object(o));
                }
            }
        }
    }

    json!({
        "organizations": organizations,
        "memberships": memberships,
        "posts": posts.into_values().collect::<Vec<_>>(),
        "persons": persons,
    })
}

/// Writes the Popolo document of `data` to `out`, indented, with a final
/// line break.
///
/// # Errors
///
/// [`ExportError::Io`] when the writer fails.
pub fn write<W: Write>(data: &Dataset, mut out: W) -> Result<(), ExportError> {
    let value = to_value(data);
    serde_json::to_writer_pretty(&mut out, &value)
        .map_err(|e| ExportError::io(FORMAT)(e.into()))?;
    out.write_all(b"\n").map_err(ExportError::io(FORMAT))?;
    out.flush().map_err(ExportError::io(FORMAT))
}

/// The Popolo document of `data` as indented JSON text.
pub fn to_string(data: &Dataset) -> String {
    let mut text = serde_json::to_string_pretty(&to_value(data)).unwrap_or_default();
    text.push('\n');
    text
}

/// The Popolo id of a party.
fn party_id(p: &Party) -> String {
    format!("{}/{}", p.kind(), p.id_str())
}

fn post_id(body: &Party, role: &str, scope: Option<&str>) -> String {
    match scope {
        Some(scope) => format!("post/{}/{role}/{scope}", body.id_str()),
        None => format!("post/{}/{role}", body.id_str()),
    }
}

/// Whether a role is an office held in a body (a Popolo post).
fn is_office(role: &MembershipRole) -> bool {
    matches!(
        role,
        MembershipRole::Chair
            | MembershipRole::ViceChair
            | MembershipRole::CoChair
            | MembershipRole::Secretariat
            | MembershipRole::WorkingGroupChair
            | MembershipRole::PermanentChair
    )
}

fn other_names(o: &mut Map<String, Value>, names: &[String]) {
    if !names.is_empty() {
        let list: Vec<Value> = names.iter().map(|n| json!({ "name": n })).collect();
        o.insert("other_names".into(), Value::Array(list));
    }
}

fn lifetime(
    o: &mut Map<String, Value>,
    established: Option<crate::value::PartialDate>,
    status: Option<&LifecycleStatus>,
    since: Option<crate::value::PartialDate>,
) {
    if let Some(d) = established {
        o.insert("founding_date".into(), json!(d.to_string()));
    }
    if let (Some(LifecycleStatus::Dissolved), Some(d)) = (status, since) {
        o.insert("dissolution_date".into(), json!(d.to_string()));
    }
}

fn dates(
    o: &mut Map<String, Value>,
    start: Option<crate::value::PartialDate>,
    end: Option<crate::value::PartialDate>,
) {
    if let Some(d) = start {
        o.insert("start_date".into(), json!(d.to_string()));
    }
    if let Some(d) = end {
        o.insert("end_date".into(), json!(d.to_string()));
    }
}

/// A source as a Popolo link.
pub(crate) fn link(s: &Source) -> Value {
    let mut l = Map::new();
    l.insert("url".into(), json!(s.url()));
    let note = match (s.retrieved(), s.note()) {
        (Some(d), Some(n)) => Some(format!("retrieved {d}; {n}")),
        (Some(d), None) => Some(format!("retrieved {d}")),
        (None, Some(n)) => Some(n.to_owned()),
        (None, None) => None,
    };
    if let Some(n) = note {
        l.insert("note".into(), json!(n));
    }
    Value::Object(l)
}

fn sources(o: &mut Map<String, Value>, list: &[Source]) {
    if !list.is_empty() {
        o.insert(
            "sources".into(),
            Value::Array(list.iter().map(link).collect()),
        );
    }
}

/// The people an event names, by role.
fn event_people(e: &Event) -> [(&'static str, Vec<&Person>); 3] {
    let panellists = e
        .agenda()
        .iter()
        .flat_map(|d| d.sessions())
        .flat_map(|s| s.panellists())
        .map(|p| p.person())
        .collect();
    [
        ("speaker", e.speakers().iter().collect()),
        ("contact", e.contacts().iter().collect()),
        ("panellist", panellists),
    ]
}

fn person(id: &str, p: &Person, event_sources: &[Source]) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), json!(id));
    o.insert("name".into(), json!(p.name()));
    other_names(&mut o, p.other_names());
    if let Some(h) = p.honorific() {
        o.insert("honorific_prefix".into(), json!(h));
    }
    if let Some(email) = p.email() {
        o.insert("email".into(), json!(email));
    }
    if !p.phones().is_empty() {
        let list: Vec<Value> = p
            .phones()
            .iter()
            .map(|n| json!({"type": "voice", "value": n}))
            .collect();
        o.insert("contact_details".into(), Value::Array(list));
    }
    let summary: Vec<&str> = p.title().into_iter().chain(p.affiliation()).collect();
    if !summary.is_empty() {
        o.insert("summary".into(), json!(summary.join(", ")));
    }
    sources(&mut o, event_sources);
    Value::Object(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_note_holds_the_retrieval_date_and_the_note() {
        let s = Source::new("https://www.iom.int/midwa").unwrap();
        assert_eq!(link(&s), json!({"url": "https://www.iom.int/midwa"}));
        let s = s
            .with_retrieved("2024-05".parse().unwrap())
            .with_note("IOM page");
        assert_eq!(link(&s)["note"], "retrieved 2024-05; IOM page");
    }

    #[test]
    fn an_empty_dataset_gives_four_empty_arrays() {
        let data = Dataset::builder().build().unwrap();
        assert_eq!(
            to_value(&data),
            json!({"organizations": [], "memberships": [], "posts": [], "persons": []})
        );
        assert!(to_string(&data).ends_with("}\n"));
    }
}
