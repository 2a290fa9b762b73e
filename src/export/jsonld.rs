//! JSON-LD in the schema.org and W3C Organization Ontology (ORG)
//! vocabularies: organisations, memberships and events.
//!
//! [`to_value`] builds one JSON-LD document, `{"@context": …, "@graph": […]}`;
//! [`write()`] writes it, indented. Terms are written as compact IRIs with
//! three prefixes, so the document needs no remote context:
//!
//! | prefix | namespace |
//! | --- | --- |
//! | `schema:` | `https://schema.org/` |
//! | `org:` | `http://www.w3.org/ns/org#` (W3C ORG) |
//! | `xsd:` | `http://www.w3.org/2001/XMLSchema#` (datatypes of dates) |
//!
//! # Node identifiers
//!
//! Every node of the graph has an `@id`, a URN under `urn:migov:`:
//! `urn:migov:state:SEN`, `urn:migov:process:MIDWA`, `urn:migov:partner:IOM`,
//! `urn:migov:membership:N` (N the membership's position in the dataset from
//! 0), `urn:migov:role:chair`, `urn:migov:event:ID`,
//! `urn:migov:person:EVENT:N` (speakers, from 1), and
//! `urn:migov:country:SEN` (ISO 3166-1 alpha-3). Web pages cited as sources
//! are nodes whose `@id` is their URL.
//!
//! # Dates
//!
//! Dates are typed literals at their precision: `{"@value": "2001",
//! "@type": "xsd:gYear"}`, `xsd:gYearMonth` (`2001-10`), `xsd:date`
//! (`2001-10-05`), and `xsd:gMonthDay` (`--07-25`) for an event date whose
//! year is unknown. Nothing is padded to a day.
//!
//! # Organisations
//!
//! | JSON-LD | member state | process | partner |
//! | --- | --- | --- | --- |
//! | `@type` | `org:Organization`, `schema:GovernmentOrganization` | `org:Organization`, `schema:Organization` | same |
//! | `schema:name` | name | name | name |
//! | `schema:alternateName` | other names | same | same |
//! | `schema:identifier` | alpha-3 code | id | id |
//! | `schema:areaServed` | the state's country node | region text | — |
//! | `schema:address` | — | — | headquarters: `schema:PostalAddress` with `schema:addressCountry` its ISO 3166-1 alpha-2 code |
//! | `schema:foundingDate` | — | preferred establishment date | same |
//! | `schema:dissolutionDate` | — | `status_since` of a dissolved body | same |
//! | `schema:memberOf` | its memberships (schema.org's role pattern) | same | same |
//! | `schema:subjectOf` | sources (web page nodes) | same | same |
//!
//! A state that a membership or an event names but the dataset has no record of is a
//! node too, with its ISO name and code. A group of states that is a member
//! ([`Party::MembersOf`]) is an `org:Organization` node named "the members
//! of" its body, `urn:migov:members_of:CP`. A country node is `schema:Country`
//! with `schema:name` and `schema:identifier` (alpha-3 and alpha-2).
//!
//! Lost: alternative establishment dates, lifecycle status other than
//! dissolution, stated member counts, secretariat text, linked
//! organisations, partners' kind, IOM relationship and figures, states'
//! IOM status history, IDF region, Line 2 eligibility, GCM listing and IOM
//! presence, notes.
//!
//! # Memberships
//!
//! Each membership is one node typed both `org:Membership` (W3C ORG's n-ary
//! membership) and `schema:OrganizationRole` (schema.org's role pattern):
//!
//! | JSON-LD | from |
//! | --- | --- |
//! | `org:member` | the member |
//! | `org:organization`, `schema:memberOf` | the body |
//! | `org:role` | a `org:Role` node per role (`schema:name` the English label, `schema:identifier` the wire code) |
//! | `schema:roleName` | the role's English label (with ` (<scope>)` when scoped) |
//! | `schema:startDate`, `schema:endDate` | the period's bounds, typed at their precision; an unknown bound is left out |
//! | `schema:subjectOf` | sources, then a dispute's sources |
//!
//! Lost: the note, the dispute's note (its sources are kept), the scope as a
//! field of its own (it is in `schema:roleName`). ORG's `org:memberDuring`
//! (an OWL-Time interval) is not written: the dates are in
//! `schema:startDate`/`schema:endDate`.
//!
//! # Events
//!
//! | JSON-LD | from |
//! | --- | --- |
//! | `@type` | `schema:Event` |
//! | `schema:name`, `schema:description` | title, description |
//! | `schema:startDate` | the preferred start (`xsd:gMonthDay` when the year is unknown) |
//! | `schema:endDate` | the end |
//! | `schema:duration` | the stated length, as an ISO 8601 duration (`P2D`, `xsd:duration`) |
//! | `schema:location` | a `schema:Place` with `schema:address` (`schema:addressLocality` the city, `schema:addressCountry` the alpha-2 code), or a `schema:VirtualLocation` for an online event |
//! | `schema:organizer` | parties of role organiser or host |
//! | `schema:funder` | parties of role funder |
//! | `schema:sponsor` | parties of role supporter |
//! | `schema:attendee` | parties of role participant |
//! | `schema:contributor` | parties of every other role (co-chair, coordinator, collaborator, roles migov does not know) |
//! | `schema:performer` | speakers, as `schema:Person` nodes (`schema:name`, `schema:jobTitle`) |
//! | `schema:superEvent` | events it is part of |
//! | `schema:subjectOf` | sources |
//!
//! Lost: the exact role of a contributor, a party's programme and note,
//! alternative start dates, the time zone, related projects, follow-up and
//! preparatory relations, contacts, agendas, outcomes, speakers'
//! affiliations, honorifics, countries and contact details, notes.
//!
//! # Sources
//!
//! A source is a `schema:WebPage` node whose `@id` and `schema:url` are its
//! URL. Its retrieval date and note are lost: a page node is shared by every
//! record that cites it, so a record's note about it has no place on it.
//!
//! # Not exported
//!
//! Projects (see the [IATI export](crate::export::iati)).
//!
//! # What a JSON-LD validator would add
//!
//! The crate's tests check that the document is JSON, that every node has
//! `@id` and `@type`, that every `urn:migov:` reference resolves to a node of
//! the graph, and that every class, property and datatype used exists in
//! the vocabularies (a subset of schema.org's and ORG's published term lists,
//! vendored with the tests). A JSON-LD 1.1 processor (expansion to RDF)
//! would also check the context and IRIs as the JSON-LD algorithms read
//! them, and the schema.org validator or a SHACL shape would check domains
//! and ranges (that `schema:funder` is used on an `schema:Event`, that its
//! object is an organisation or person), which these tests do not.
//!
//! # Examples
//!
//! ```
//! use migov::{Dataset, Rcp, ProcessId, Source};
//!
//! let mut b = Dataset::builder();
//! b.add_process(Rcp::builder(ProcessId::new("MIDWA")?, "Migration Dialogue for West Africa")
//!     .established("2001".parse::<migov::PartialDate>()?)
//!     .source(Source::new("https://www.iom.int/midwa")?).build()?)?;
//! let doc = migov::export::jsonld::to_value(&b.build()?);
//!
//! let midwa = &doc["@graph"][0];
//! assert_eq!(midwa["@id"], "urn:migov:process:MIDWA");
//! assert_eq!(midwa["schema:foundingDate"]["@value"], "2001");
//! assert_eq!(midwa["schema:foundingDate"]["@type"], "xsd:gYear");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde_json::{Map, Value, json};

use crate::codelist::{EventRelation, EventRole, LifecycleStatus};
use crate::dataset::Dataset;
use crate::entity::{EventDate, Party};
use crate::export::ExportError;
use crate::value::{CountryCode, Language, PartialDate, Precision, Source};

const FORMAT: &str = "JSON-LD";

/// The document's context: the three prefixes.
pub fn context() -> Value {
    json!({
        "schema": "https://schema.org/",
        "org": "http://www.w3.org/ns/org#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    })
}

/// The JSON-LD document of `data` (see the [module docs](self)).
pub fn to_value(data: &Dataset) -> Value {
    let mut graph: Vec<Value> = Vec::new();
    // Each party's memberships, for schema:memberOf on the member.
    let mut member_of: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut countries: BTreeSet<CountryCode> = BTreeSet::new();
    let mut roles: BTreeMap<String, String> = BTreeMap::new();

    let mut memberships = Vec::new();
    for (i, m) in data.memberships().iter().enumerate() {
        let id = format!("urn:migov:membership:{i}");
        member_of
            .entry(party_iri(m.member()))
            .or_default()
            .push(json!({ "@id": id }));
        let label = m.role().label(Language::English);
        let role_iri = format!("urn:migov:role:{}", m.role().as_str());
        roles.insert(m.role().as_str().to_owned(), label.to_owned());
        let mut o = Map::new();
        o.insert("@id".into(), json!(id));
        o.insert(
            "@type".into(),
            json!(["org:Membership", "schema:OrganizationRole"]),
        );
        o.insert("org:member".into(), reference(&party_iri(m.member())));
        o.insert("org:organization".into(), reference(&party_iri(m.body())));
        o.insert("schema:memberOf".into(), reference(&party_iri(m.body())));
        o.insert("org:role".into(), reference(&role_iri));
        let name = match m.scope() {
            Some(scope) => format!("{label} ({scope})"),
            None => label.to_owned(),
        };
        o.insert("schema:roleName".into(), json!(name));
        if let Some(d) = m.period().start() {
            o.insert("schema:startDate".into(), date(d));
        }
        if let Some(d) = m.period().end() {
            o.insert("schema:endDate".into(), date(d));
        }
        let dispute = m.dispute().map(|d| d.sources()).unwrap_or_default();
        sources(&mut o, m.sources().iter().chain(dispute));
        memberships.push(Value::Object(o));
    }

    let mut states: Vec<(CountryCode, Option<&crate::entity::MemberState>)> = data
        .member_states()
        .iter()
        .map(|s| (s.country(), Some(s)))
        .collect();
    let mut unrecorded: Vec<CountryCode> = data
        .memberships()
        .iter()
        .flat_map(|m| [m.member(), m.body()])
        .chain(
            data.events()
                .iter()
                .flat_map(|e| e.parties().iter().map(|p| p.party())),
        )
        .filter_map(Party::as_state)
        .filter(|c| data.member_state(*c).is_none())
        .collect();
    unrecorded.sort();
    unrecorded.dedup();
    states.extend(unrecorded.into_iter().map(|c| (c, None)));
    for (c, record) in states {
        let iri = party_iri(&Party::State(c));
        let mut o = Map::new();
        o.insert("@id".into(), json!(iri));
        o.insert(
            "@type".into(),
            json!(["org:Organization", "schema:GovernmentOrganization"]),
        );
        o.insert(
            "schema:name".into(),
            json!(record.map_or(c.name(), |s| s.name())),
        );
        if let Some(s) = record {
            names(&mut o, s.other_names());
        }
        o.insert("schema:identifier".into(), json!(c.alpha3()));
        o.insert("schema:areaServed".into(), reference(&country_iri(c)));
        countries.insert(c);
        if let Some(list) = member_of.remove(&iri) {
            o.insert("schema:memberOf".into(), Value::Array(list));
        }
        if let Some(s) = record {
            sources(&mut o, s.sources());
        }
        graph.push(Value::Object(o));
    }
    // A group of states ("the members of the Colombo Process") that is a
    // member of a body is a node of its own, named after the body whose
    // members it is; its memberships hang from it as from any member.
    let mut groups: Vec<&crate::entity::Body> = data
        .memberships()
        .iter()
        .filter_map(|m| m.member().group_body())
        .collect();
    groups.sort();
    groups.dedup();
    for body in groups {
        let group = Party::MembersOf(body.clone());
        let iri = party_iri(&group);
        let mut o = Map::new();
        o.insert("@id".into(), json!(iri));
        o.insert("@type".into(), json!("org:Organization"));
        let name = super::party_name(data, &group).map_or_else(
            || format!("the members of {body}"),
            |n| format!("the members of {n}"),
        );
        o.insert("schema:name".into(), json!(name));
        if let Some(list) = member_of.remove(&iri) {
            o.insert("schema:memberOf".into(), Value::Array(list));
        }
        graph.push(Value::Object(o));
    }
    for p in data.processes() {
        let iri = format!("urn:migov:process:{}", p.id());
        let mut o = Map::new();
        o.insert("@id".into(), json!(iri));
        o.insert(
            "@type".into(),
            json!(["org:Organization", "schema:Organization"]),
        );
        o.insert("schema:name".into(), json!(p.name()));
        names(&mut o, p.other_names());
        o.insert("schema:identifier".into(), json!(p.id().as_str()));
        if let Some(region) = p.region() {
            o.insert("schema:areaServed".into(), json!(region));
        }
        lifetime(
            &mut o,
            p.established().map(|c| *c.value()),
            p.status(),
            p.status_since(),
        );
        if let Some(list) = member_of.remove(&iri) {
            o.insert("schema:memberOf".into(), Value::Array(list));
        }
        sources(&mut o, p.sources());
        graph.push(Value::Object(o));
    }
    for p in data.partners() {
        let iri = format!("urn:migov:partner:{}", p.id());
        let mut o = Map::new();
        o.insert("@id".into(), json!(iri));
        o.insert(
            "@type".into(),
            json!(["org:Organization", "schema:Organization"]),
        );
        o.insert("schema:name".into(), json!(p.name()));
        names(&mut o, p.other_names());
        o.insert("schema:identifier".into(), json!(p.id().as_str()));
        if let Some(hq) = p.headquarters() {
            o.insert(
                "schema:address".into(),
                json!({
                    "@id": format!("{iri}:address"),
                    "@type": "schema:PostalAddress",
                    "schema:addressCountry": hq.alpha2(),
                }),
            );
        }
        lifetime(
            &mut o,
            p.established().map(|c| *c.value()),
            p.status(),
            p.status_since(),
        );
        if let Some(list) = member_of.remove(&iri) {
            o.insert("schema:memberOf".into(), Value::Array(list));
        }
        sources(&mut o, p.sources());
        graph.push(Value::Object(o));
    }
    graph.extend(memberships);
    for (code, label) in roles {
        graph.push(json!({
            "@id": format!("urn:migov:role:{code}"),
            "@type": "org:Role",
            "schema:name": label,
            "schema:identifier": code,
        }));
    }

    for e in data.events() {
        let iri = format!("urn:migov:event:{}", e.id());
        let mut o = Map::new();
        o.insert("@id".into(), json!(iri));
        o.insert("@type".into(), json!("schema:Event"));
        o.insert("schema:name".into(), json!(e.title()));
        if let Some(d) = e.description() {
            o.insert("schema:description".into(), json!(d));
        }
        if let Some(start) = e.start() {
            o.insert("schema:startDate".into(), event_date(*start.value()));
        }
        if let Some(end) = e.end() {
            o.insert("schema:endDate".into(), event_date(end));
        }
        if let Some(days) = e.duration_days() {
            o.insert(
                "schema:duration".into(),
                json!({"@value": format!("P{days}D"), "@type": "xsd:duration"}),
            );
        }
        if e.is_online() {
            o.insert(
                "schema:location".into(),
                json!({"@id": format!("{iri}:location"), "@type": "schema:VirtualLocation"}),
            );
        } else if e.city().is_some() || e.country().is_some() {
            let mut address = Map::new();
            address.insert("@id".into(), json!(format!("{iri}:address")));
            address.insert("@type".into(), json!("schema:PostalAddress"));
            if let Some(city) = e.city() {
                address.insert("schema:addressLocality".into(), json!(city));
            }
            if let Some(c) = e.country() {
                address.insert("schema:addressCountry".into(), json!(c.alpha2()));
            }
            o.insert(
                "schema:location".into(),
                json!({
                    "@id": format!("{iri}:location"),
                    "@type": "schema:Place",
                    "schema:address": Value::Object(address),
                }),
            );
        }
        let mut by_property: BTreeMap<&'static str, Vec<Value>> = BTreeMap::new();
        for p in e.parties() {
            let property = match p.role() {
                EventRole::Organiser | EventRole::Host => "schema:organizer",
                EventRole::Funder => "schema:funder",
                EventRole::Supporter => "schema:sponsor",
                EventRole::Participant => "schema:attendee",
                _ => "schema:contributor",
            };
            let r = reference(&party_iri(p.party()));
            let list = by_property.entry(property).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
        for (property, list) in by_property {
            o.insert(property.into(), Value::Array(list));
        }
        if !e.speakers().is_empty() {
            let people: Vec<Value> = e
                .speakers()
                .iter()
                .enumerate()
                .map(|(n, p)| {
                    let mut person = Map::new();
                    person.insert(
                        "@id".into(),
                        json!(format!("urn:migov:person:{}:{}", e.id(), n + 1)),
                    );
                    person.insert("@type".into(), json!("schema:Person"));
                    person.insert("schema:name".into(), json!(p.name()));
                    if let Some(t) = p.title() {
                        person.insert("schema:jobTitle".into(), json!(t));
                    }
                    Value::Object(person)
                })
                .collect();
            o.insert("schema:performer".into(), Value::Array(people));
        }
        let parts: Vec<Value> = e
            .related_events_in(&EventRelation::PartOf)
            .filter(|id| data.event(id).is_some())
            .map(|id| reference(&format!("urn:migov:event:{id}")))
            .collect();
        if !parts.is_empty() {
            o.insert("schema:superEvent".into(), Value::Array(parts));
        }
        sources(&mut o, e.sources());
        graph.push(Value::Object(o));
    }

    for c in countries {
        graph.push(json!({
            "@id": country_iri(c),
            "@type": "schema:Country",
            "schema:name": c.name(),
            "schema:identifier": [c.alpha3(), c.alpha2()],
        }));
    }

    json!({ "@context": context(), "@graph": graph })
}

/// Writes the JSON-LD document of `data` to `out`, indented, with a final
/// line break.
///
/// # Errors
///
/// [`ExportError::Io`] when the writer fails.
pub fn write<W: Write>(data: &Dataset, mut out: W) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut out, &to_value(data))
        .map_err(|e| ExportError::io(FORMAT)(e.into()))?;
    out.write_all(b"\n").map_err(ExportError::io(FORMAT))?;
    out.flush().map_err(ExportError::io(FORMAT))
}

/// The JSON-LD document of `data` as indented JSON text.
pub fn to_string(data: &Dataset) -> String {
    let mut text = serde_json::to_string_pretty(&to_value(data)).unwrap_or_default();
    text.push('\n');
    text
}

fn party_iri(p: &Party) -> String {
    format!("urn:migov:{}:{}", p.kind(), p.id_str())
}

fn country_iri(c: CountryCode) -> String {
    format!("urn:migov:country:{}", c.alpha3())
}

fn reference(iri: &str) -> Value {
    json!({ "@id": iri })
}

/// A partial date as a literal typed at its precision.
fn date(d: PartialDate) -> Value {
    let datatype = match d.precision() {
        Precision::Year => "xsd:gYear",
        Precision::Month => "xsd:gYearMonth",
        _ => "xsd:date",
    };
    json!({"@value": d.to_string(), "@type": datatype})
}

fn event_date(d: EventDate) -> Value {
    match d {
        EventDate::Known(d) => date(d),
        EventDate::YearUnknown(md) => json!({"@value": md.to_string(), "@type": "xsd:gMonthDay"}),
    }
}

fn names(o: &mut Map<String, Value>, other: &[String]) {
    if !other.is_empty() {
        o.insert("schema:alternateName".into(), json!(other));
    }
}

fn lifetime(
    o: &mut Map<String, Value>,
    established: Option<PartialDate>,
    status: Option<&LifecycleStatus>,
    since: Option<PartialDate>,
) {
    if let Some(d) = established {
        o.insert("schema:foundingDate".into(), date(d));
    }
    if let (Some(LifecycleStatus::Dissolved), Some(d)) = (status, since) {
        o.insert("schema:dissolutionDate".into(), date(d));
    }
}

fn sources<'a>(o: &mut Map<String, Value>, list: impl IntoIterator<Item = &'a Source>) {
    let pages: Vec<Value> = list
        .into_iter()
        .map(|s| json!({"@id": s.url(), "@type": "schema:WebPage", "schema:url": s.url()}))
        .collect();
    if !pages.is_empty() {
        o.insert("schema:subjectOf".into(), Value::Array(pages));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_typed_at_their_precision() {
        let d = |s: &str| date(s.parse().unwrap());
        assert_eq!(d("2001"), json!({"@value": "2001", "@type": "xsd:gYear"}));
        assert_eq!(
            d("2001-10"),
            json!({"@value": "2001-10", "@type": "xsd:gYearMonth"})
        );
        assert_eq!(
            d("2001-10-05"),
            json!({"@value": "2001-10-05", "@type": "xsd:date"})
        );
        let md: EventDate = "--07-25".parse().unwrap();
        assert_eq!(event_date(md)["@type"], "xsd:gMonthDay");
    }

    #[test]
    fn an_empty_dataset_is_an_empty_graph() {
        let data = Dataset::builder().build().unwrap();
        assert_eq!(
            to_value(&data),
            json!({"@context": context(), "@graph": []})
        );
    }
}
