//! Converts the shared reference files (`member_states.json`, `observer_states.json`,
//! `consultative_processes.json`, `partners.json`) into one migov dataset document
//! (JSON format, `schema_version` "1") and merges the hand-written seed facts into it.
//!
//! Depends only on `std` and `serde_json`. Every mapping decision is spelt out in
//! this file, one function per reference file; the tables of choices (ids, chairs,
//! disputed values, organisations named in free text) sit next to the function that
//! uses them.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::{Map, Value, json};

/// The collections of a dataset document, in the order the format lists them.
pub const COLLECTIONS: [&str; 6] = [
    "member_states",
    "processes",
    "partners",
    "projects",
    "events",
    "memberships",
];

/// Reads the four reference files in `reference_dir`, maps every record, merges the
/// seed facts file and returns the whole document.
pub fn convert(reference_dir: &Path, seed_facts: &Path) -> Result<Value, String> {
    let mut doc = Doc::default();
    member_states(
        &read_array(&reference_dir.join("member_states.json"))?,
        &mut doc,
    )?;
    observer_states(
        &read_array(&reference_dir.join("observer_states.json"))?,
        &mut doc,
    )?;
    processes(
        &read_array(&reference_dir.join("consultative_processes.json"))?,
        &mut doc,
    )?;
    partners(&read_array(&reference_dir.join("partners.json"))?, &mut doc)?;
    let mut value = doc.into_value();
    merge_seed_facts(&mut value, seed_facts)?;
    sort_collections(&mut value);
    Ok(value)
}

/// Merges a partial document (same top-level keys) into `doc`.
///
/// A record whose id (`country` for member states) is new is appended. A record
/// whose id exists is merged field by field: lists are extended with the entries
/// not yet present, a missing field is set, an equal field is kept, and a field
/// with a different value is an error. Memberships are appended unless the same
/// membership (member, body, role, scope, start, end) is already there, in which
/// case its sources are added to the existing one.
pub fn merge_seed_facts(doc: &mut Value, path: &Path) -> Result<(), String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
    let facts: Value =
        serde_json::from_str(&text).map_err(|e| format!("{path:?} is not valid JSON: {e}"))?;
    merge_document(doc, &facts).map_err(|e| format!("{path:?}: {e}"))
}

// ---------------------------------------------------------------------------
// Document being built

#[derive(Default)]
struct Doc {
    member_states: Vec<Value>,
    processes: Vec<Value>,
    partners: Vec<Value>,
    memberships: Vec<Value>,
}

impl Doc {
    fn into_value(self) -> Value {
        json!({
            "schema_version": "1",
            "member_states": self.member_states,
            "processes": self.processes,
            "partners": self.partners,
            "projects": [],
            "events": [],
            "memberships": self.memberships,
        })
    }
}

// ---------------------------------------------------------------------------
// Small JSON helpers

fn read_array(path: &Path) -> Result<Vec<Value>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
    match serde_json::from_str(&text) {
        Ok(Value::Array(items)) => Ok(items),
        Ok(_) => Err(format!("{path:?}: expected a JSON array of records")),
        Err(e) => Err(format!("{path:?} is not valid JSON: {e}")),
    }
}

/// A field that must be a non-empty string.
fn req_str<'a>(record: &'a Value, field: &str) -> Result<&'a str, String> {
    record
        .get(field)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| format!("record {}: missing text field {field:?}", label(record)))
}

/// A field that is a string or null/absent.
fn opt_str<'a>(record: &'a Value, field: &str) -> Option<&'a str> {
    record.get(field).and_then(Value::as_str)
}

/// A field that is a list of strings or null/absent.
fn str_list<'a>(record: &'a Value, field: &str) -> Vec<&'a str> {
    record
        .get(field)
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// A year (JSON integer) as the text of a year-precision date.
fn opt_year(record: &Value, field: &str) -> Result<Option<String>, String> {
    match record.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(y) if (1..=9999).contains(&y) => Ok(Some(format!("{y:04}"))),
            _ => Err(format!(
                "record {}: {field:?} is not a year: {n}",
                label(record)
            )),
        },
        Some(other) => Err(format!(
            "record {}: {field:?} is not a year: {other}",
            label(record)
        )),
    }
}

fn label(record: &Value) -> String {
    ["acronym", "iso3", "name"]
        .iter()
        .find_map(|f| record.get(*f).and_then(Value::as_str))
        .unwrap_or("?")
        .to_string()
}

fn sources_of(record: &Value) -> Result<Vec<Value>, String> {
    let urls = str_list(record, "source");
    if urls.is_empty() {
        return Err(format!("record {}: no source URL", label(record)));
    }
    Ok(urls.into_iter().map(|u| json!(u)).collect())
}

/// The sources of `record` whose URL contains one of `needles`, in the record's order.
/// Errors when a needle matches none (the table below would be stale).
fn pick_sources(record: &Value, needles: &[&str]) -> Result<Vec<Value>, String> {
    let urls = str_list(record, "source");
    let mut picked = Vec::new();
    for needle in needles {
        let hits: Vec<&str> = urls
            .iter()
            .copied()
            .filter(|u| u.contains(needle))
            .collect();
        if hits.is_empty() {
            return Err(format!(
                "record {}: no source URL contains {needle:?}",
                label(record)
            ));
        }
        for h in hits {
            if !picked.contains(&json!(h)) {
                picked.push(json!(h));
            }
        }
    }
    Ok(picked)
}

/// Inserts `value` under `key` unless it is null, an empty list or an empty string.
fn put(obj: &mut Map<String, Value>, key: &str, value: Value) {
    let empty = match &value {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::String(s) => s.is_empty(),
        _ => false,
    };
    if !empty {
        obj.insert(key.to_string(), value);
    }
}

/// Identifier rule shared by processes and partners: keep an acronym without spaces
/// as written; otherwise uppercase it and join the words with `-`.
fn make_id(acronym: &str) -> String {
    if acronym.contains(' ') {
        acronym
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-")
            .to_uppercase()
    } else {
        acronym.to_string()
    }
}

fn state(iso3: &str) -> Value {
    json!({ "state": iso3 })
}
fn partner(id: &str) -> Value {
    json!({ "partner": id })
}
fn process(id: &str) -> Value {
    json!({ "process": id })
}

/// One membership record; `extra` adds optional fields (scope, start, end, note, dispute).
fn membership(
    member: Value,
    body: Value,
    role: &str,
    sources: Vec<Value>,
    extra: &[(&str, Value)],
) -> Value {
    let mut m = Map::new();
    m.insert("member".into(), member);
    m.insert("body".into(), body);
    m.insert("role".into(), json!(role));
    for (k, v) in extra {
        put(&mut m, k, v.clone());
    }
    put(&mut m, "sources", Value::Array(sources));
    Value::Object(m)
}

/// `extra` with `"end": ".."` (still running): for memberships read from a
/// list of current members, observers or organisations, which says they
/// still hold. Rows of the tables below with no end date leave `end` out
/// (the end is unknown).
fn listed<'a>(extra: &[(&'a str, Value)]) -> Vec<(&'a str, Value)> {
    let mut v = extra.to_vec();
    v.push(("end", json!("..")));
    v
}

fn alternative(value: Value, sources: Vec<Value>, note: &str) -> Value {
    json!({ "value": value, "sources": sources, "note": note })
}

// ---------------------------------------------------------------------------
// member_states.json

/// `iom_region` (the IOM Development Fund Line 2 heading) to the `idf_region` code.
fn idf_region(text: &str) -> Result<&'static str, String> {
    match text {
        "Africa" => Ok("africa"),
        "Asia and Oceania" => Ok("asia_and_oceania"),
        "Latin America and the Caribbean" => Ok("latin_america_and_the_caribbean"),
        "Europe" => Ok("europe"),
        other => Err(format!("unknown iom_region {other:?}")),
    }
}

/// Fields shared by members and observers.
fn state_record(r: &Value, status: Vec<Value>) -> Result<Value, String> {
    let iso3 = req_str(r, "iso3")?;
    let name = req_str(r, "name")?;
    let mut m = Map::new();
    m.insert("country".into(), json!(iso3));
    // Always the reference name; the loader drops it when equal to the country's name.
    m.insert("name".into(), json!(name));
    let other: Vec<&str> = str_list(r, "source_names")
        .into_iter()
        .filter(|n| *n != name)
        .collect();
    put(&mut m, "other_names", json!(other));
    m.insert("status".into(), Value::Array(status));
    if let Some(region) = opt_str(r, "iom_region") {
        m.insert("idf_region".into(), json!(idf_region(region)?));
    }
    if let Some(eligible) = r.get("idf_line2_eligible_2024").and_then(Value::as_bool) {
        m.insert(
            "idf_line2_eligibility".into(),
            json!({ "value": eligible, "as_of": "2024-08" }),
        );
    }
    // `null` means "not retrieved", not "false": only `true` is carried over.
    if r.get("gcm_champion_listed_2023").and_then(Value::as_bool) == Some(true) {
        m.insert(
            "gcm_champion".into(),
            json!({ "value": true, "as_of": "2023-11" }),
        );
    }
    put(&mut m, "notes", json!(str_list(r, "notes")));
    m.insert("sources".into(), Value::Array(sources_of(r)?));
    Ok(Value::Object(m))
}

fn status_entry(status: &str, since: Option<String>) -> Value {
    match since {
        Some(year) => json!({ "status": status, "since": year }),
        None => json!({ "status": status }),
    }
}

/// 175 IOM member states. `admitted` becomes the `since` of the member status.
/// The Russian Federation was an observer from 1992 (its note) before becoming a
/// member in 2020.
fn member_states(records: &[Value], doc: &mut Doc) -> Result<(), String> {
    for r in records {
        let admitted = opt_year(r, "admitted")?;
        let mut status = Vec::new();
        if req_str(r, "iso3")? == "RUS" {
            status.push(status_entry("observer", Some("1992".into())));
        }
        status.push(status_entry("member", admitted));
        doc.member_states.push(state_record(r, status)?);
    }
    Ok(())
}

/// 8 IOM observer states (Kuwait's `admitted` 2017 is its observer year).
fn observer_states(records: &[Value], doc: &mut Doc) -> Result<(), String> {
    for r in records {
        if opt_str(r, "status") != Some("observer") {
            return Err(format!(
                "observer_states.json: {} is not an observer",
                label(r)
            ));
        }
        let since = opt_year(r, "admitted")?;
        doc.member_states
            .push(state_record(r, vec![status_entry("observer", since)])?);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// consultative_processes.json

/// `linked_organization` free text to partner ids (partners.json acronyms, or the
/// partners created in [`created_partners`]).
fn linked_organizations(text: &str) -> Result<Vec<&'static str>, String> {
    Ok(match text {
        "ECOWAS" => vec!["ECOWAS"],
        "ECCAS" => vec!["ECCAS"],
        "SADC" => vec!["SADC"],
        "COMESA" => vec!["COMESA"],
        "IGAD" => vec!["IGAD"],
        "EAC and IGAD" => vec!["EAC", "IGAD"],
        "African Union" => vec!["AU"],
        "SICA" => vec!["SICA"],
        "League of Arab States" => vec!["LAS"],
        "European Commission and ECOWAS (partner organisations)" => vec!["EC", "ECOWAS"],
        "Union for the Mediterranean; Western Mediterranean Forum" => {
            vec!["UfM", "WESTERN-MEDITERRANEAN-FORUM"]
        }
        "Indian Ocean Commission (IOC)" => vec!["IOC"],
        "Ibero-American Conference" => vec!["IBERO-AMERICAN-CONFERENCE"],
        other => return Err(format!("unmapped linked_organization {other:?}")),
    })
}

/// `observer_organizations` free text to a partner id and, where the source's
/// wording says more than the id, a note keeping that wording.
fn observer_organization(text: &str) -> Result<(&'static str, Option<&'static str>), String> {
    Ok(match text {
        "IOM" | "International Organization for Migration (IOM)" => ("IOM", None),
        "UNHCR" => ("UNHCR", None),
        "ILO" => ("ILO", None),
        "African Union Commission" => ("AUC", None),
        "European Commission" => ("EC", None),
        "ECLAC/CELADE" => (
            "ECLAC-CELADE",
            Some("listed in the source as \"ECLAC/CELADE\""),
        ),
        "IACHR" => ("IACHR", None),
        "UN Special Rapporteur on the Human Rights of Migrants (list truncated in source)" => (
            "UN-SR-HUMAN-RIGHTS-OF-MIGRANTS",
            Some("the source's list of observer organisations is cut off after this entry"),
        ),
        "UNHCR (and other international organisations)" => (
            "UNHCR",
            Some(
                "listed in the source as \"UNHCR (and other international organisations)\"; the other organisations are not named",
            ),
        ),
        other => return Err(format!("unmapped observer organisation {other:?}")),
    })
}

/// Chairs named with dates (or without) in the process notes:
/// (process acronym, member, role, start, end, note, URL fragments choosing the
/// sources that state the chair). A chair cites only those pages, not every
/// source of its process. Chairs whose pages are not sources of the reference
/// record (the Almaty, Budapest and Colombo processes) are in `data/facts/41_process_chairs.json`.
type ChairRow = (
    &'static str,
    Party,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static [&'static str],
);

const MIDSA_PAGE: &[&str] = &["iom.int/migration-dialogue-southern-africa-midsa"];
const RMFM_PAGE: &[&str] = &["peopledaily.digital"];
const MIDCOM_PAGE: &[&str] = &["iom.int/migration-dialogue-comesa-member-states-midcom"];
const ARCP_PAGES: &[&str] = &["iom.int/arab-regional-consultative-process"];

#[derive(Clone, Copy)]
enum Party {
    State(&'static str),
    Partner(&'static str),
}

impl Party {
    fn value(self) -> Value {
        match self {
            Party::State(s) => state(s),
            Party::Partner(p) => partner(p),
        }
    }
}

const MIDSA_CHAIR: &str = "rotating chair; the IOM page gives the year only";

const CHAIRS: &[ChairRow] = &[
    (
        "MIDSA",
        Party::State("MDG"),
        "chair",
        Some("2025"),
        Some("2025"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "MIDSA",
        Party::State("AGO"),
        "chair",
        Some("2024"),
        Some("2024"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "MIDSA",
        Party::State("COD"),
        "chair",
        Some("2023"),
        Some("2023"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "MIDSA",
        Party::State("MWI"),
        "chair",
        Some("2022"),
        Some("2022"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "MIDSA",
        Party::State("MOZ"),
        "chair",
        Some("2021"),
        Some("2021"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "MIDSA",
        Party::State("TZA"),
        "chair",
        Some("2020"),
        Some("2020"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "MIDSA",
        Party::State("NAM"),
        "chair",
        Some("2019"),
        Some("2019"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "MIDSA",
        Party::State("ZAF"),
        "chair",
        Some("2017"),
        Some("2017"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "MIDSA",
        Party::State("SWZ"),
        "chair",
        Some("2016"),
        Some("2016"),
        MIDSA_CHAIR,
        MIDSA_PAGE,
    ),
    (
        "RMFM",
        Party::State("KEN"),
        "chair",
        Some("2020"),
        Some("2022"),
        "",
        RMFM_PAGE,
    ),
    (
        "RMFM",
        Party::State("ETH"),
        "chair",
        Some("2022"),
        Some("2024"),
        "",
        RMFM_PAGE,
    ),
    (
        "RMFM",
        Party::State("UGA"),
        "chair",
        Some("2024"),
        Some("2026"),
        "",
        RMFM_PAGE,
    ),
    (
        "MIDCOM",
        Party::State("ZMB"),
        "chair",
        None,
        None,
        "chair per the IOM page (undated); Zambia is also listed among the past chairs",
        MIDCOM_PAGE,
    ),
    (
        "MIDCOM",
        Party::State("ETH"),
        "chair",
        None,
        None,
        "listed among the past chairs on the IOM page; dates not given",
        MIDCOM_PAGE,
    ),
    (
        "Bali Process",
        Party::State("IDN"),
        "co_chair",
        None,
        None,
        "",
        DFAT,
    ),
    (
        "Bali Process",
        Party::State("AUS"),
        "co_chair",
        None,
        None,
        "",
        DFAT,
    ),
    (
        "ARCP",
        Party::Partner("LAS"),
        "permanent_chair",
        None,
        None,
        "the League of Arab States is the permanent chair and the secretariat; the ARCP is not chaired by a country",
        ARCP_PAGES,
    ),
];

/// Further memberships the notes state outright: (process acronym, member, role,
/// scope, note, URL fragments choosing the sources).
type NoteMembershipRow = (
    &'static str,
    Party,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [&'static str],
);

const DFAT: &[&str] = &["dfat.gov.au"];
const BALI_ORG: &str =
    "member organisation (DFAT: 45 member countries plus 4 member organisations)";
const BALI_SG: &str = "steering group member (DFAT)";

const NOTE_MEMBERSHIPS: &[NoteMembershipRow] = &[
    (
        "MIDWA",
        Party::Partner("ECOWAS"),
        "member",
        None,
        "the IOM page lists ECOWAS as member organisation besides its 15 member states",
        &[
            "iom.int/migration-dialogue-west-africa-midwa",
            "iom.int/midwa",
        ],
    ),
    (
        "Bali Process",
        Party::Partner("UNHCR"),
        "member",
        None,
        BALI_ORG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::Partner("IOM"),
        "member",
        None,
        BALI_ORG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::Partner("UNODC"),
        "member",
        None,
        BALI_ORG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::Partner("ILO"),
        "member",
        None,
        BALI_ORG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::State("IDN"),
        "member",
        Some("steering group"),
        BALI_SG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::State("AUS"),
        "member",
        Some("steering group"),
        BALI_SG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::State("NZL"),
        "member",
        Some("steering group"),
        BALI_SG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::State("THA"),
        "member",
        Some("steering group"),
        BALI_SG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::Partner("UNHCR"),
        "member",
        Some("steering group"),
        BALI_SG,
        DFAT,
    ),
    (
        "Bali Process",
        Party::Partner("IOM"),
        "member",
        Some("steering group"),
        BALI_SG,
        DFAT,
    ),
];

/// Disputed values: (process acronym, field, alternative value, URL fragments, note).
type AltRow = (
    &'static str,
    &'static str,
    AltValue,
    &'static [&'static str],
    &'static str,
);

#[derive(Clone, Copy)]
enum AltValue {
    Date(&'static str),
    Count(u64),
}

impl AltValue {
    fn value(self) -> Value {
        match self {
            AltValue::Date(d) => json!(d),
            AltValue::Count(n) => json!(n),
        }
    }
}

/// The sources of a preferred value where the record's sources that give
/// no alternative would not be the right ones: (process acronym, field, URL
/// parts). The ARCP's IOM pages give 22 members today; an older version of
/// the same pages gave 21.
const PROCESS_PREFERRED_SOURCES: &[(&str, &str, &[&str])] = &[(
    "ARCP",
    "stated_member_count",
    &["arab-regional-consultative-process"],
)];

const PROCESS_ALTERNATIVES: &[AltRow] = &[
    (
        "MIDWA",
        "established",
        AltValue::Date("2000-12"),
        &["midwa.org", "newshour.media"],
        "midwa.org and a 2016 news item say MIDWA was inaugurated or established in December 2000; the IOM page says 2001",
    ),
    (
        "MIDWA",
        "established",
        AltValue::Date("2000"),
        &["thenigerianvoice.com"],
        "a 2014 IOM/APO release says MIDWA was founded in 2000",
    ),
    (
        "Budapest Process",
        "established",
        AltValue::Date("1991"),
        &["overview-of-principal-iscms-2017"],
        "IOM's 2017 overview of principal ISCMs gives 1991; ICMPD gives 1993 (20th anniversary marked in 2013)",
    ),
    (
        "MTM",
        "established",
        AltValue::Date("2003"),
        &["niameydeclarationguide.org"],
        "this source says the MTM Dialogue has existed since 2003; the EMN Italy glossary says it started in 2002",
    ),
    (
        "SACM",
        "established",
        AltValue::Date("2000"),
        &["iom.int/south-american-conference-migration-sacm"],
        "IOM's SACM page gives 'Established: 2000', the year of the first conference (Buenos Aires); IOM news items date the process to the 1999 Lima meeting",
    ),
    (
        "ARCP",
        "stated_member_count",
        AltValue::Count(21),
        &["iom.int/arab-regional-consultative-process"],
        "an older version of the IOM ARCP page counted 21 member states plus 1 suspended member (Syria)",
    ),
];

/// The Abu Dhabi Dialogue: the official pages disagree with each other and with
/// Migrant Forum in Asia, so these three memberships carry a dispute.
const ADD_ABOUT: &str = "abudhabidialogue.org.ae/index.php/about-abu-dhabi-dialogue";
const ADD_MEMBERS: &str = "abudhabidialogue.org/members";
const ADD_MFA: &str = "mfasia.org";
const ADD_COLOMBO: &str = "colomboprocess.org/rcp-meetings/detail/abu-dhabi-dialogue";

fn abu_dhabi_dialogue(r: &Value, members: &[&str], doc: &mut Doc) -> Result<(), String> {
    let official = pick_sources(r, &[ADD_ABOUT, ADD_MEMBERS])?;
    let about = pick_sources(r, &[ADD_ABOUT])?;
    let members_page = pick_sources(r, &[ADD_MEMBERS])?;
    let mfa = pick_sources(r, &[ADD_MFA])?;
    // The Colombo Process page on the ADD names Yemen and Malaysia among the
    // states of the inaugural consultation (Abu Dhabi, January 2008).
    let colombo = pick_sources(r, &[ADD_COLOMBO])?;
    let mfa_and_colombo = pick_sources(r, &[ADD_MFA, ADD_COLOMBO])?;
    let as_of = json!(
        "members as of: ADD official 'about' page (undated); also on abudhabidialogue.org/members"
    );
    for &m in members {
        let mut sources = official.clone();
        if m == "MYS" {
            sources.extend(colombo.iter().cloned());
        }
        let mut extra = vec![("note", as_of.clone())];
        if m == "MYS" {
            extra.push((
                "dispute",
                json!({ "note": "Migrant Forum in Asia lists Yemen instead of Malaysia", "sources": mfa }),
            ));
        }
        doc.memberships.push(membership(
            state(m),
            process("ADD"),
            "member",
            sources,
            &listed(&extra),
        ));
    }
    doc.memberships.push(membership(
        state("CHN"),
        process("ADD"),
        "member",
        members_page,
        &listed(&[
            ("note", json!("listed on abudhabidialogue.org/members (18 members)")),
            (
                "dispute",
                json!({ "note": "the ADD 'about' page lists 17 members without China", "sources": about }),
            ),
        ]),
    ));
    doc.memberships.push(membership(
        state("YEM"),
        process("ADD"),
        "member",
        mfa_and_colombo,
        &listed(&[
            (
                "note",
                json!("listed by Migrant Forum in Asia; the Colombo Process page on the ADD names Yemen among the states brought together at the inaugural consultation (Abu Dhabi, 21-22 January 2008)"),
            ),
            (
                "dispute",
                json!({ "note": "the official ADD pages do not list Yemen (they list Malaysia, which Migrant Forum in Asia omits)", "sources": official }),
            ),
        ]),
    ));
    Ok(())
}

/// The pages of a reference record that list its members and observers, where
/// not every source of the record does: (process acronym, URL fragments). The
/// other processes' lists cite every source of their record.
const MEMBER_LIST_PAGES: &[(&str, &[&str])] = &[
    ("Colombo Process", &["tribuneindia.com"]),
    ("Almaty Process", &["astanatimes.com"]),
    (
        "MIDSA",
        &["iom.int/migration-dialogue-southern-africa-midsa"],
    ),
    ("RCM", &["portal.crmsv.org"]),
];

/// Corrected `members_as_of` of reference records whose date is wrong:
/// (process acronym, the date basis of the list).
const MEMBERS_AS_OF: &[(&str, &str)] = &[(
    "Colombo Process",
    "June 2024 (The Tribune, New Delhi, June 29, on the first meeting chaired by India, held on 28 June 2024)",
)];

/// 26 consultative processes, their memberships (states, observer states, observer
/// organisations, chairs) and disputed values.
fn processes(records: &[Value], doc: &mut Doc) -> Result<(), String> {
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for r in records {
        let acronym = req_str(r, "acronym")?;
        ids.insert(acronym.to_string(), make_id(acronym));
    }
    let id_of = |acronym: &str| {
        ids.get(acronym)
            .cloned()
            .ok_or_else(|| format!("no process with acronym {acronym:?}"))
    };

    for r in records {
        let acronym = req_str(r, "acronym")?;
        let id = id_of(acronym)?;
        let sources = sources_of(r)?;
        let name = req_str(r, "name")?;
        let mut p = Map::new();
        p.insert("id".into(), json!(id));
        p.insert("name".into(), json!(name));
        let mut other_names: Vec<&str> = Vec::new();
        // The original acronym, when the id differs from it and it is not the name itself.
        if id != acronym && acronym != name {
            other_names.push(acronym);
        }
        other_names.extend(
            str_list(r, "also_known_as")
                .into_iter()
                .filter(|n| *n != name),
        );
        put(&mut p, "other_names", json!(other_names));
        put(&mut p, "kind", json!(opt_str(r, "kind")));
        put(&mut p, "region", json!(opt_str(r, "region")));
        put(&mut p, "established", json!(opt_year(r, "established")?));
        put(&mut p, "secretariat", json!(opt_str(r, "secretariat")));
        if let Some(text) = opt_str(r, "linked_organization") {
            p.insert(
                "linked_organizations".into(),
                json!(linked_organizations(text)?),
            );
        }
        put(&mut p, "status", json!(opt_str(r, "status")));
        if id == "MIDCAS" {
            // The IOM page: dormant and inactive since 2016.
            p.insert("status_since".into(), json!("2016"));
        }
        if let Some(n) = r.get("member_count_stated").and_then(Value::as_u64) {
            p.insert("stated_member_count".into(), json!(n));
        }
        for (a, field, value, needles, note) in PROCESS_ALTERNATIVES {
            if *a == acronym {
                let key = format!("{field}_alternatives");
                let alt = alternative(value.value(), pick_sources(r, needles)?, note);
                match p.get_mut(&key) {
                    Some(Value::Array(list)) => list.push(alt),
                    _ => {
                        p.insert(key, json!([alt]));
                    }
                }
            }
        }
        for (a, field, needles) in PROCESS_PREFERRED_SOURCES {
            if *a == acronym {
                p.insert(
                    format!("{field}_sources"),
                    Value::Array(pick_sources(r, needles)?),
                );
            }
        }
        put(&mut p, "notes", json!(str_list(r, "notes")));
        p.insert("sources".into(), Value::Array(sources.clone()));
        doc.processes.push(Value::Object(p));

        // Memberships, citing the pages that list them.
        let body = process(&id);
        let sources = match MEMBER_LIST_PAGES.iter().find(|(a, _)| *a == acronym) {
            Some((_, needles)) => pick_sources(r, needles)?,
            None => sources,
        };
        let as_of_text = MEMBERS_AS_OF
            .iter()
            .find(|(a, _)| *a == acronym)
            .map(|(_, s)| *s)
            .or_else(|| opt_str(r, "members_as_of"));
        let as_of = as_of_text.map(|s| json!(format!("members as of: {s}")));
        let as_of_extra: Vec<(&str, Value)> = as_of.iter().map(|n| ("note", n.clone())).collect();
        let members = str_list(r, "members");
        if acronym == "ADD" {
            abu_dhabi_dialogue(r, &members, doc)?;
        } else {
            for m in &members {
                doc.memberships.push(membership(
                    state(m),
                    body.clone(),
                    "member",
                    sources.clone(),
                    &listed(&as_of_extra),
                ));
            }
        }
        let observer_note = if acronym == "MIDWA" {
            Some(json!(
                "from an older version of the IOM MIDWA page; the newer version lists 2 observer states without legible names"
            ))
        } else {
            as_of.clone()
        };
        for o in str_list(r, "observers") {
            let extra: Vec<(&str, Value)> =
                observer_note.iter().map(|n| ("note", n.clone())).collect();
            doc.memberships.push(membership(
                state(o),
                body.clone(),
                "observer",
                sources.clone(),
                &listed(&extra),
            ));
        }
        for text in str_list(r, "observer_organizations") {
            let (pid, note) = observer_organization(text)?;
            let extra: Vec<(&str, Value)> = note.iter().map(|n| ("note", json!(n))).collect();
            doc.memberships.push(membership(
                partner(pid),
                body.clone(),
                "observer",
                sources.clone(),
                &listed(&extra),
            ));
        }
    }

    // Chairs and other memberships the notes state.
    let by_acronym: BTreeMap<&str, &Value> = records
        .iter()
        .filter_map(|r| opt_str(r, "acronym").map(|a| (a, r)))
        .collect();
    for (acronym, who, role, start, end, note, needles) in CHAIRS {
        let r = by_acronym
            .get(acronym)
            .ok_or_else(|| format!("chair table: no process {acronym:?}"))?;
        let extra = [
            ("start", json!(start)),
            ("end", json!(end)),
            ("note", json!(note)),
        ];
        doc.memberships.push(membership(
            who.value(),
            process(&id_of(acronym)?),
            role,
            pick_sources(r, needles)?,
            &extra,
        ));
    }
    for (acronym, who, role, scope, note, needles) in NOTE_MEMBERSHIPS {
        let r = by_acronym
            .get(acronym)
            .ok_or_else(|| format!("membership table: no process {acronym:?}"))?;
        let extra = [("scope", json!(scope)), ("note", json!(note))];
        doc.memberships.push(membership(
            who.value(),
            process(&id_of(acronym)?),
            role,
            pick_sources(r, needles)?,
            &listed(&extra),
        ));
    }

    created_partners(records, doc)
}

/// Organisations named by the processes but absent from partners.json get a
/// minimal record whose sources are those of the processes that name them.
fn created_partners(records: &[Value], doc: &mut Doc) -> Result<(), String> {
    let find = |acronym: &str| {
        records
            .iter()
            .find(|r| opt_str(r, "acronym") == Some(acronym))
            .ok_or_else(|| format!("no process {acronym:?}"))
    };
    let union = |acronyms: &[&str]| -> Result<Vec<Value>, String> {
        let mut out: Vec<Value> = Vec::new();
        for a in acronyms {
            for s in sources_of(find(a)?)? {
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
        Ok(out)
    };
    doc.partners.push(json!({
        "id": "EC",
        "name": "European Commission",
        "iom_relationship": "Partner organisation of the Rabat Process (with ECOWAS); observer organisation of MIDWA.",
        "sources": union(&["Rabat Process", "MIDWA"])?,
    }));
    doc.partners.push(json!({
        "id": "AUC",
        "name": "African Union Commission",
        "iom_relationship": "Observer organisation of MIDWA; organises PAFOM meetings with IOM (Department of Social Affairs).",
        "notes": ["The Commission of the African Union (partner AU)."],
        "sources": union(&["MIDWA", "PAFOM"])?,
    }));
    doc.partners.push(json!({
        "id": "WESTERN-MEDITERRANEAN-FORUM",
        "name": "Western Mediterranean Forum",
        "other_names": ["5+5 Dialogue"],
        "established": "1990",
        "iom_relationship": "Formally associated (with the Union for the Mediterranean) with the 5+5 Dialogue on Migration in the Western Mediterranean.",
        "notes": ["The wider Western Mediterranean Forum (5+5 Dialogue) was launched in Rome in 1990; IOM gives 2002 for the migration dialogue."],
        "sources": union(&["5+5 Dialogue"])?,
    }));
    doc.partners.push(json!({
        "id": "IBERO-AMERICAN-CONFERENCE",
        "name": "Ibero-American Conference",
        "iom_relationship": "IOM describes FIBEMYD as a pillar of the Ibero-American Conference.",
        "sources": union(&["FIBEMYD"])?,
    }));
    doc.partners.push(json!({
        "id": "ECLAC-CELADE",
        "name": "ECLAC/CELADE",
        "iom_relationship": "Observer organisation of the Regional Conference on Migration (RCM).",
        "notes": ["Name as written in the source's list of RCM observer organisations."],
        "sources": union(&["RCM"])?,
    }));
    doc.partners.push(json!({
        "id": "IACHR",
        "name": "IACHR",
        "iom_relationship": "Observer organisation of the Regional Conference on Migration (RCM).",
        "notes": ["Name as written in the source's list of RCM observer organisations."],
        "sources": union(&["RCM"])?,
    }));
    doc.partners.push(json!({
        "id": "UN-SR-HUMAN-RIGHTS-OF-MIGRANTS",
        "name": "UN Special Rapporteur on the Human Rights of Migrants",
        "iom_relationship": "Observer of the Regional Conference on Migration (RCM).",
        "notes": ["Last entry of the source's list of RCM observer organisations, which is cut off after it."],
        "sources": union(&["RCM"])?,
    }));
    Ok(())
}

// ---------------------------------------------------------------------------
// partners.json

/// Partner ids for the records without an acronym.
fn partner_id(r: &Value) -> Result<String, String> {
    match (opt_str(r, "acronym"), req_str(r, "name")?) {
        (Some(acronym), _) => Ok(make_id(acronym)),
        (None, "Government of Japan") => Ok("GOV-JPN".into()),
        (None, "Kingdom of the Netherlands") => Ok("GOV-NLD".into()),
        (None, name) => Err(format!("partner {name:?} has no acronym and no id rule")),
    }
}

const PARTNER_ALTERNATIVES: &[AltRow] = &[
    (
        "UNFPA",
        "established",
        AltValue::Date("1969"),
        &["unsceb.org/content/unfpa"],
        "the UN CEB page gives 11 July 1967 as the date of establishment and 1969 as the start of operations; many sources give 1969",
    ),
    (
        "WFP",
        "established",
        AltValue::Date("1963"),
        &["mahendraguru.com"],
        "first established in 1961; formally established in 1963 by FAO and the UN General Assembly on a three-year experimental basis",
    ),
    (
        "UNAIDS",
        "established",
        AltValue::Date("1996"),
        &["unsystem.org", "bmeia.gv.at"],
        "established by ECOSOC resolution 1994/24; launched and operational from 1 January 1996",
    ),
    (
        "COMESA",
        "stated_member_count",
        AltValue::Count(21),
        &["iom.int/migration-dialogue-comesa-member-states-midcom"],
        "IOM's MIDCOM page lists 21 COMESA states (adds Somalia and Tunisia); the 19 come from the 2018-2019 Political Handbook of the World",
    ),
];

/// Memberships with dates the partner notes give: (partner acronym, state, start,
/// end, role, note).
type DatedMemberRow = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static str,
);

const ECOWAS_LEFT: &str =
    "withdrew with effect from 29 January 2025; start of membership not given";

const DATED_PARTNER_MEMBERS: &[DatedMemberRow] = &[
    (
        "ECOWAS",
        "BFA",
        None,
        Some("2025-01-29"),
        "member",
        ECOWAS_LEFT,
    ),
    (
        "ECOWAS",
        "MLI",
        None,
        Some("2025-01-29"),
        "member",
        ECOWAS_LEFT,
    ),
    (
        "ECOWAS",
        "NER",
        None,
        Some("2025-01-29"),
        "member",
        ECOWAS_LEFT,
    ),
    (
        "ECOWAS",
        "MRT",
        None,
        Some("2000"),
        "member",
        "Mauritania withdrew in 2000",
    ),
    (
        "ECOWAS",
        "MRT",
        Some("2017"),
        None,
        "associate_member",
        "Mauritania signed an associate-membership agreement in 2017",
    ),
    (
        "ECCAS",
        "RWA",
        None,
        Some("2007"),
        "member",
        "Rwanda left in 2007",
    ),
    (
        "ECCAS",
        "RWA",
        Some("2016"),
        Some("2025-06-07"),
        "member",
        "Rwanda rejoined in 2016 and announced its departure on 7 June 2025 (the end is the date of the announcement; the effective date is not stated)",
    ),
    (
        "G5 Sahel",
        "MLI",
        Some("2014"),
        Some("2022-05-15"),
        "member",
        "founding member; withdrew 15 May 2022",
    ),
];

/// Start years for members of the list itself (the notes give joining years).
fn member_start(acronym: &str, iso3: &str) -> Option<&'static str> {
    match (acronym, iso3) {
        ("G5 Sahel", "MLI") => None, // in DATED_PARTNER_MEMBERS with its end
        ("G5 Sahel", _) => Some("2014"),
        ("SADC", "COM") => Some("2017"),
        ("EAC", "RWA" | "BDI") => Some("2007"),
        ("EAC", "SSD") => Some("2016"),
        ("EAC", "COD") => Some("2022"),
        _ => None,
    }
}

/// 26 partners and their member states.
fn partners(records: &[Value], doc: &mut Doc) -> Result<(), String> {
    for r in records {
        let id = partner_id(r)?;
        let acronym = opt_str(r, "acronym");
        let sources = sources_of(r)?;
        let mut p = Map::new();
        p.insert("id".into(), json!(id));
        p.insert("name".into(), json!(req_str(r, "name")?));
        if let Some(a) = acronym.filter(|a| *a != id) {
            p.insert("other_names".into(), json!([a]));
        }
        put(&mut p, "kind", json!(opt_str(r, "kind")));
        put(
            &mut p,
            "headquarters",
            json!(opt_str(r, "headquarters_iso3")),
        );
        put(&mut p, "established", json!(opt_year(r, "established")?));
        put(&mut p, "status", json!(opt_str(r, "status")));
        if acronym == Some("G5 Sahel") {
            // Chad and Mauritania announced the dissolution on 6 December 2023.
            p.insert("status_since".into(), json!("2023-12-06"));
        }
        if let Some(n) = r.get("member_count_stated").and_then(Value::as_u64) {
            p.insert("stated_member_count".into(), json!(n));
        }
        for (a, field, value, needles, note) in PARTNER_ALTERNATIVES {
            if Some(*a) == acronym {
                let key = format!("{field}_alternatives");
                p.insert(
                    key,
                    json!([alternative(value.value(), pick_sources(r, needles)?, note)]),
                );
            }
        }
        put(
            &mut p,
            "iom_relationship",
            json!(opt_str(r, "iom_relationship")),
        );
        put(&mut p, "notes", json!(str_list(r, "notes")));
        p.insert("sources".into(), Value::Array(sources.clone()));
        doc.partners.push(Value::Object(p));

        let body = partner(&id);
        let as_of = opt_str(r, "members_as_of").map(|s| json!(format!("members as of: {s}")));
        for m in str_list(r, "members") {
            if acronym == Some("G5 Sahel") && m == "MLI" {
                continue;
            }
            let start = acronym.and_then(|a| member_start(a, m));
            let extra = [
                ("start", json!(start)),
                ("note", as_of.clone().unwrap_or(Value::Null)),
            ];
            doc.memberships.push(membership(
                state(m),
                body.clone(),
                "member",
                sources.clone(),
                &listed(&extra),
            ));
        }
        for (a, m, start, end, role, note) in DATED_PARTNER_MEMBERS {
            if Some(*a) == acronym {
                let extra = [
                    ("start", json!(start)),
                    ("end", json!(end)),
                    ("note", json!(note)),
                ];
                doc.memberships.push(membership(
                    state(m),
                    body.clone(),
                    role,
                    sources.clone(),
                    &extra,
                ));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Merging and ordering

fn record_key(collection: &str, record: &Value) -> Result<String, String> {
    let field = if collection == "member_states" {
        "country"
    } else {
        "id"
    };
    record
        .get(field)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("a record in {collection:?} has no {field:?}"))
}

/// The fields that identify a membership.
fn membership_key(m: &Value) -> String {
    ["member", "body", "role", "scope", "start", "end"]
        .iter()
        .map(|k| m.get(*k).map(Value::to_string).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("|")
}

fn merge_document(doc: &mut Value, facts: &Value) -> Result<(), String> {
    let facts = facts
        .as_object()
        .ok_or("the seed facts are not a JSON object")?;
    for (key, value) in facts {
        if key == "schema_version" {
            if value != &json!("1") {
                return Err(format!("unsupported schema_version {value}"));
            }
            continue;
        }
        if !COLLECTIONS.contains(&key.as_str()) {
            return Err(format!("unknown top-level key {key:?}"));
        }
        let incoming = value
            .as_array()
            .ok_or_else(|| format!("{key:?} is not a list"))?;
        let target = doc
            .get_mut(key)
            .and_then(Value::as_array_mut)
            .ok_or_else(|| format!("the document has no list {key:?}"))?;
        for record in incoming {
            if key == "memberships" {
                merge_membership(target, record)?;
            } else {
                merge_record(key, target, record)?;
            }
        }
    }
    Ok(())
}

fn merge_membership(target: &mut Vec<Value>, record: &Value) -> Result<(), String> {
    let k = membership_key(record);
    match target.iter_mut().find(|m| membership_key(m) == k) {
        None => target.push(record.clone()),
        Some(existing) => merge_fields("membership", existing, record)?,
    }
    Ok(())
}

fn merge_record(collection: &str, target: &mut Vec<Value>, record: &Value) -> Result<(), String> {
    let k = record_key(collection, record)?;
    let mut found = None;
    for (i, r) in target.iter().enumerate() {
        if record_key(collection, r)? == k {
            found = Some(i);
        }
    }
    match found.and_then(|i| target.get_mut(i)) {
        None => target.push(record.clone()),
        Some(existing) => merge_fields(&format!("{collection} {k}"), existing, record)?,
    }
    Ok(())
}

fn merge_fields(what: &str, existing: &mut Value, incoming: &Value) -> Result<(), String> {
    let (Some(old), Some(new)) = (existing.as_object_mut(), incoming.as_object()) else {
        return Err(format!("{what}: records must be JSON objects"));
    };
    for (field, value) in new {
        match (old.get_mut(field), value) {
            (None, _) => {
                old.insert(field.clone(), value.clone());
            }
            (Some(Value::Array(list)), Value::Array(more))
                if what.starts_with("member_states ") && field == "status" =>
            {
                merge_status_steps(list, more);
            }
            (Some(Value::Array(list)), Value::Array(more)) => {
                for item in more {
                    if !list.contains(item) {
                        list.push(item.clone());
                    }
                }
            }
            (Some(current), _) if current == value => {}
            (Some(current), _) => {
                return Err(format!(
                    "{what}: field {field:?} is {current} in the reference data but {value} in the seed facts"
                ));
            }
        }
    }
    Ok(())
}

/// Merges the status steps of a member state (`{"status": ..., "since": ...}`):
/// a dated step replaces an undated step with the same status (the reference
/// files leave an unknown admission year out, and a fact file that dates it must
/// not leave a redundant undated step behind); any other new step is added. The
/// steps are then put oldest first when every one is dated (the loader requires
/// that order); a list with an undated step keeps its order.
fn merge_status_steps(list: &mut Vec<Value>, more: &[Value]) {
    for step in more {
        if list.contains(step) {
            continue;
        }
        let dated = step.get("since").is_some();
        let undated_twin = list
            .iter()
            .position(|s| s.get("since").is_none() && s.get("status") == step.get("status"));
        match undated_twin.and_then(|i| list.get_mut(i)) {
            Some(slot) if dated => *slot = step.clone(),
            _ => list.push(step.clone()),
        }
    }
    if list
        .iter()
        .all(|s| s.get("since").and_then(Value::as_str).is_some())
    {
        // `YYYY`, `YYYY-MM` and `YYYY-MM-DD` sort as text in date order, coarser first.
        list.sort_by_cached_key(|s| {
            s.get("since")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        });
    }
}

/// Sorts records by id (member states by country, memberships by body, member,
/// role) so that the output is stable; the loader writes the canonical order anyway.
fn sort_collections(doc: &mut Value) {
    for key in COLLECTIONS {
        if let Some(Value::Array(list)) = doc.get_mut(key) {
            if key == "memberships" {
                list.sort_by_cached_key(|m| {
                    ["body", "member", "role", "scope", "start", "end"]
                        .iter()
                        .map(|k| m.get(*k).map(Value::to_string).unwrap_or_default())
                        .collect::<Vec<_>>()
                });
            } else {
                list.sort_by_cached_key(|r| record_key(key, r).unwrap_or_default());
            }
        }
    }
}

/// The seed-fact files merged into the converted reference files, in order.
pub const SEED_FACT_FILES: &[&str] = &["data/seed_facts.json", "data/seed_facts_imp_workshop.json"];

/// The folder of curated fact files: every `*.json` file in it is merged, in file
/// name order, after [`SEED_FACT_FILES`]. Each is a partial dataset document of the
/// same shape (one file per area of gathering, each fact with its own sources).
pub const FACT_DIR: &str = "data/facts";

/// Lists the fact files merged into the document: [`SEED_FACT_FILES`], then every
/// `*.json` file of [`FACT_DIR`] in file name order.
pub fn fact_files(root: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = SEED_FACT_FILES.iter().map(|f| root.join(f)).collect();
    let dir = root.join(FACT_DIR);
    if dir.is_dir() {
        let mut extra = Vec::new();
        for entry in fs::read_dir(&dir).map_err(|e| format!("cannot read {dir:?}: {e}"))? {
            let path = entry
                .map_err(|e| format!("cannot read {dir:?}: {e}"))?
                .path();
            if path.extension().is_some_and(|x| x == "json") {
                extra.push(path);
            }
        }
        extra.sort();
        files.extend(extra);
    }
    Ok(files)
}

/// Converts the reference files in `reference_dir`, merges the fact files found
/// under the crate root `root` ([`fact_files`]), validates the document with migov's
/// loader and returns its canonical text (what `data/reference.json` holds).
pub fn build(root: &Path, reference_dir: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let mut files = fact_files(root)?.into_iter();
    let first = files.next().ok_or("no seed fact file")?;
    let mut document = convert(reference_dir, &first)?;
    for file in files {
        merge_seed_facts(&mut document, &file)?;
    }
    sort_collections(&mut document);
    let dataset = migov::Dataset::from_json_str(&serde_json::to_string(&document)?)?;
    Ok(dataset.to_json_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_acronym_rule() {
        assert_eq!(make_id("MIDWA"), "MIDWA");
        assert_eq!(make_id("IGAD-RCP"), "IGAD-RCP");
        assert_eq!(make_id("Bali Process"), "BALI-PROCESS");
        assert_eq!(make_id("5+5 Dialogue"), "5+5-DIALOGUE");
        assert_eq!(make_id("UN Women"), "UN-WOMEN");
        assert_eq!(make_id("UfM"), "UfM");
    }

    #[test]
    fn a_dated_status_step_replaces_the_undated_one() {
        let mut doc = json!({
            "member_states": [
                {"country": "ARM", "status": [{"status": "member"}]},
                {"country": "UKR", "status": [{"status": "member"}]},
                {"country": "RUS", "status": [{"status": "observer", "since": "1992"}, {"status": "member"}]},
                {"country": "BHR", "status": [{"status": "observer"}]}
            ],
            "memberships": []
        });
        let facts = json!({"member_states": [
            {"country": "ARM", "status": [{"status": "member", "since": "1993"}]},
            {"country": "UKR", "status": [{"status": "observer", "since": "1996"}, {"status": "member", "since": "2002"}]},
            {"country": "RUS", "status": [{"status": "member", "since": "2020-11-24"}]},
            {"country": "BHR", "status": [{"status": "observer"}]}
        ]});
        merge_document(&mut doc, &facts).unwrap();
        let status = |i: usize| doc["member_states"][i]["status"].clone();
        assert_eq!(status(0), json!([{"status": "member", "since": "1993"}]));
        // The new observer step goes first: the history is put oldest first.
        assert_eq!(
            status(1),
            json!([{"status": "observer", "since": "1996"}, {"status": "member", "since": "2002"}])
        );
        assert_eq!(
            status(2),
            json!([{"status": "observer", "since": "1992"}, {"status": "member", "since": "2020-11-24"}])
        );
        // An undated step merged onto an equal one changes nothing.
        assert_eq!(status(3), json!([{"status": "observer"}]));
        // A second dated step of the same status is kept (a conflict to see), not dropped.
        let again = json!({"member_states": [{"country": "ARM", "status": [{"status": "member", "since": "1994"}]}]});
        merge_document(&mut doc, &again).unwrap();
        assert_eq!(
            doc["member_states"][0]["status"].as_array().unwrap().len(),
            2
        );
    }

    #[test]
    fn merge_extends_lists_and_rejects_conflicts() {
        let mut doc =
            json!({"processes": [{"id": "IDM", "name": "X", "notes": ["a"]}], "memberships": []});
        let facts = json!({"processes": [{"id": "IDM", "notes": ["a", "b"], "linked_organizations": ["IOM"]}]});
        merge_document(&mut doc, &facts).unwrap();
        assert_eq!(doc["processes"][0]["notes"], json!(["a", "b"]));
        assert_eq!(doc["processes"][0]["linked_organizations"], json!(["IOM"]));
        let clash = json!({"processes": [{"id": "IDM", "name": "Y"}]});
        assert!(merge_document(&mut doc, &clash).is_err());
    }
}
