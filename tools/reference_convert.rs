//! Converts the shared reference files (`member_states.json`, `observer_states.json`,
//! `consultative_processes.json`, `partners.json`) into one migov dataset document
//! (JSON format, `schema_version` "1") and merges the curated fact files into it.
//!
//! This file holds the mapping logic only. Every curated fact lives in a data file:
//! [`TABLES_FILE`] says which pages state each list of members, observers and
//! observer organisations, how the reference's free text maps to partner ids and
//! which reference values a page shows to be wrong (`corrections`);
//! the other files of [`FACT_DIR`] are partial dataset documents (chairs, further
//! memberships, disputed values, organisations the reference only names, …), each
//! fact with its own sources. Every record read from the reference files and every
//! membership of a fact file is built by migov's own builders (through the
//! entities' serde, which builds each record and refuses one that breaks a rule,
//! with the builder's findings); the merged document is loaded with
//! `Dataset::from_json_str` and written with `Dataset::to_json_string`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
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

/// The table file (not a dataset document) read by the conversion itself; see [`Tables`].
pub const TABLES_FILE: &str = "data/facts/00_reference_lists.json";

/// Reads the four reference files in `reference_dir` and the tables of
/// [`TABLES_FILE`] (`tables`), and maps every record.
pub fn convert(reference_dir: &Path, tables: &Path) -> Result<Value, String> {
    let tables = Tables::read(tables)?;
    let mut doc = Doc::default();
    member_states(
        &read_array(&reference_dir.join("member_states.json"))?,
        &tables,
        &mut doc,
    )?;
    observer_states(
        &read_array(&reference_dir.join("observer_states.json"))?,
        &tables,
        &mut doc,
    )?;
    let mut used = BTreeSet::new();
    processes(
        &read_array(&reference_dir.join("consultative_processes.json"))?,
        &tables,
        &mut used,
        &mut doc,
    )?;
    partners(
        &read_array(&reference_dir.join("partners.json"))?,
        &tables,
        &mut used,
        &mut doc,
    )?;
    tables.check_all_used(&used)?;
    let mut value = doc.into_value();
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
// The tables of `data/facts/00_reference_lists.json`

/// The curated tables the conversion reads (the file's `about` field explains them).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    /// What the file holds, for its readers; not used.
    #[allow(dead_code)]
    about: Vec<String>,
    /// The date each member-state flag of the reference was stated at, by field.
    as_of: BTreeMap<String, String>,
    /// `linked_organization` text of a process to partner ids.
    linked_organizations: BTreeMap<String, Vec<String>>,
    /// `observer_organizations` text to a partner id and a note.
    observer_organizations: BTreeMap<String, OrganisationName>,
    /// Ids of the partners.json records without an acronym, by name.
    partner_ids: BTreeMap<String, String>,
    /// The pages stating each list, by collection (`processes`, `partners`),
    /// reference acronym and list field.
    lists: BTreeMap<String, BTreeMap<String, BTreeMap<String, ListPages>>>,
    /// Values of the reference files that a page shows to be wrong, by
    /// collection, reference acronym and reference field.
    #[serde(default)]
    corrections: BTreeMap<String, BTreeMap<String, BTreeMap<String, Correction>>>,
}

/// A reference value replaced by the value a page prints.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Correction {
    /// The value the reference file holds (the correction fails once it changes).
    was: Value,
    /// The value the pages state.
    now: Value,
    /// The pages stating `now` (each among the record's sources).
    sources: Vec<String>,
    /// Why, for the file's readers; not used.
    #[allow(dead_code)]
    reason: String,
}

/// A partner named in free text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationName {
    partner: String,
    #[serde(default)]
    note: Option<String>,
}

/// The pages that state one list of a reference record, and how to read it.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ListPages {
    /// The pages stating the list (each among the record's sources).
    #[serde(default)]
    sources: Vec<String>,
    /// Why no membership is read from the list (then `sources` is empty).
    #[serde(default)]
    skip: Option<String>,
    /// Replaces the record's `members_as_of` in the note.
    #[serde(default)]
    members_as_of: Option<String>,
    /// Replaces the note.
    #[serde(default)]
    note: Option<String>,
    /// Start dates of single members.
    #[serde(default)]
    starts: BTreeMap<String, String>,
    /// Members left out (a fact file holds their dated membership).
    #[serde(default)]
    except: Vec<String>,
}

/// The list fields of a reference record, in the order memberships are read.
const LIST_FIELDS: [&str; 3] = ["members", "observers", "observer_organizations"];

impl Tables {
    fn read(path: &Path) -> Result<Tables, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("{path:?}: {e}"))
    }

    fn as_of(&self, field: &str) -> Result<&str, String> {
        self.as_of
            .get(field)
            .map(String::as_str)
            .ok_or_else(|| format!("{TABLES_FILE}: no as_of date for {field:?}"))
    }

    fn linked_organizations(&self, text: &str) -> Result<&[String], String> {
        self.linked_organizations
            .get(text)
            .map(Vec::as_slice)
            .ok_or_else(|| format!("{TABLES_FILE}: unmapped linked_organization {text:?}"))
    }

    fn observer_organization(&self, text: &str) -> Result<&OrganisationName, String> {
        self.observer_organizations
            .get(text)
            .ok_or_else(|| format!("{TABLES_FILE}: unmapped observer organisation {text:?}"))
    }

    fn partner_id(&self, r: &Value) -> Result<String, String> {
        match (opt_str(r, "acronym"), req_str(r, "name")?) {
            (Some(acronym), _) => Ok(make_id(acronym)),
            (None, name) => self.partner_ids.get(name).cloned().ok_or_else(|| {
                format!(
                    "{TABLES_FILE}: partner {name:?} has no acronym and no entry in partner_ids"
                )
            }),
        }
    }

    /// The pages of list `field` of the record `acronym` of `collection`.
    /// Every non-empty list needs an entry: a list no page is known to state
    /// must be skipped with its reason, never given the record's every source.
    fn list_pages(
        &self,
        collection: &str,
        acronym: &str,
        field: &str,
        record: &Value,
        used: &mut BTreeSet<(String, String, String)>,
    ) -> Result<&ListPages, String> {
        let entry = self
            .lists
            .get(collection)
            .and_then(|c| c.get(acronym))
            .and_then(|r| r.get(field))
            .ok_or_else(|| {
                format!(
                    "{TABLES_FILE}: {collection} {acronym:?} has a list {field:?} but no entry in lists: name the pages that state it, or skip it with the reason"
                )
            })?;
        used.insert((collection.into(), acronym.into(), field.into()));
        let where_ = format!("{TABLES_FILE}: lists.{collection}.{acronym}.{field}");
        match (&entry.skip, entry.sources.is_empty()) {
            (Some(_), false) => return Err(format!("{where_}: both skip and sources")),
            (None, true) => return Err(format!("{where_}: no sources and no skip")),
            _ => {}
        }
        let record_sources = str_list(record, "source");
        for url in &entry.sources {
            if !record_sources.contains(&url.as_str()) {
                return Err(format!(
                    "{where_}: {url:?} is not a source of the reference record"
                ));
            }
        }
        let list = str_list(record, field);
        for iso3 in entry.starts.keys().chain(&entry.except) {
            if !list.contains(&iso3.as_str()) {
                return Err(format!("{where_}: {iso3:?} is not in the list"));
            }
        }
        Ok(entry)
    }

    /// The reference record `r` with the `corrections` of `collection` `acronym`
    /// applied. A correction whose `was` is not the reference's value (stale) or
    /// whose pages are not among the record's sources is an error.
    fn corrected(
        &self,
        collection: &str,
        acronym: &str,
        r: &Value,
        used: &mut BTreeSet<(String, String, String)>,
    ) -> Result<Value, String> {
        let mut record = r.clone();
        let Some(fields) = self
            .corrections
            .get(collection)
            .and_then(|c| c.get(acronym))
        else {
            return Ok(record);
        };
        let record_sources = str_list(r, "source");
        for (field, c) in fields {
            let where_ = format!("{TABLES_FILE}: corrections.{collection}.{acronym}.{field}");
            if r.get(field) != Some(&c.was) {
                return Err(format!(
                    "{where_}: the reference holds {}, not {}",
                    r.get(field).unwrap_or(&Value::Null),
                    c.was
                ));
            }
            if c.sources.is_empty() {
                return Err(format!("{where_}: no sources"));
            }
            if let Some(url) = c
                .sources
                .iter()
                .find(|u| !record_sources.contains(&u.as_str()))
            {
                return Err(format!(
                    "{where_}: {url:?} is not a source of the reference record"
                ));
            }
            if let Some(obj) = record.as_object_mut() {
                obj.insert(field.clone(), c.now.clone());
            }
            used.insert((
                format!("corrections.{collection}"),
                acronym.into(),
                field.clone(),
            ));
        }
        Ok(record)
    }

    /// Errors on an entry of `lists` that names no list of the reference (stale),
    /// and on a correction of a record the reference files do not hold.
    fn check_all_used(&self, used: &BTreeSet<(String, String, String)>) -> Result<(), String> {
        for (collection, records) in &self.corrections {
            for (acronym, fields) in records {
                for field in fields.keys() {
                    let key = (
                        format!("corrections.{collection}"),
                        acronym.clone(),
                        field.clone(),
                    );
                    if !used.contains(&key) {
                        return Err(format!(
                            "{TABLES_FILE}: corrections.{collection}.{acronym}.{field} names no record of the reference files"
                        ));
                    }
                }
            }
        }
        for (collection, records) in &self.lists {
            for (acronym, fields) in records {
                for field in fields.keys() {
                    let key = (collection.clone(), acronym.clone(), field.clone());
                    if !used.contains(&key) {
                        return Err(format!(
                            "{TABLES_FILE}: lists.{collection}.{acronym}.{field} names no list of the reference files"
                        ));
                    }
                }
            }
        }
        Ok(())
    }
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

/// One membership read from a list of current members, observers or
/// organisations (so `"end": ".."`: the list says it still holds), built and
/// checked by migov's `Membership` builder and written in the dataset format.
fn listed_membership(
    member: Value,
    body: &Value,
    role: &str,
    sources: &[String],
    start: Option<&str>,
    note: Option<&str>,
) -> Result<Value, String> {
    let mut m = Map::new();
    m.insert("member".into(), member);
    m.insert("body".into(), body.clone());
    m.insert("role".into(), json!(role));
    put(&mut m, "start", json!(start));
    m.insert("end".into(), json!(".."));
    put(&mut m, "note", json!(note));
    m.insert("sources".into(), json!(sources));
    built::<migov::Membership>("membership", Value::Object(m))
}

/// `record` built (and so checked) by the builder of migov's entity `T`, through
/// the entity's serde, and written back in the dataset format. A record that
/// breaks a rule fails the conversion with the builder's findings.
fn built<T: serde::Serialize + serde::de::DeserializeOwned>(
    what: &str,
    record: Value,
) -> Result<Value, String> {
    let entity: T =
        serde_json::from_value(record.clone()).map_err(|e| format!("{what} {record}: {e}"))?;
    serde_json::to_value(&entity).map_err(|e| format!("{what} {record}: {e}"))
}

/// Reads the lists (`members`, `observers`, `observer_organizations`) of the
/// reference record `r` into memberships of `body`, each citing the pages
/// [`Tables::list_pages`] names for its list.
fn list_memberships(
    collection: &str,
    acronym: &str,
    r: &Value,
    body: &Value,
    tables: &Tables,
    used: &mut BTreeSet<(String, String, String)>,
    doc: &mut Doc,
) -> Result<(), String> {
    for field in LIST_FIELDS {
        let list = str_list(r, field);
        if list.is_empty() {
            continue;
        }
        let pages = tables.list_pages(collection, acronym, field, r, used)?;
        if pages.skip.is_some() {
            continue;
        }
        let as_of = pages
            .members_as_of
            .as_deref()
            .or_else(|| opt_str(r, "members_as_of"))
            .map(|s| format!("members as of: {s}"));
        for item in list {
            if pages.except.iter().any(|e| e == item) {
                continue;
            }
            let (member, role, note) = match field {
                "observer_organizations" => {
                    let name = tables.observer_organization(item)?;
                    (partner(&name.partner), "observer", name.note.clone())
                }
                "observers" => (state(item), "observer", as_of.clone()),
                _ => (state(item), "member", as_of.clone()),
            };
            let note = pages.note.clone().or(note);
            let start = pages.starts.get(item).map(String::as_str);
            doc.memberships.push(listed_membership(
                member,
                body,
                role,
                &pages.sources,
                start,
                note.as_deref(),
            )?);
        }
    }
    Ok(())
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
fn state_record(r: &Value, status: Vec<Value>, tables: &Tables) -> Result<Value, String> {
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
            json!({ "value": eligible, "as_of": tables.as_of("idf_line2_eligible_2024")? }),
        );
    }
    // `null` means "not retrieved", not "false": only `true` is carried over.
    if r.get("gcm_champion_listed_2023").and_then(Value::as_bool) == Some(true) {
        m.insert(
            "gcm_champion".into(),
            json!({ "value": true, "as_of": tables.as_of("gcm_champion_listed_2023")? }),
        );
    }
    put(&mut m, "notes", json!(str_list(r, "notes")));
    m.insert("sources".into(), Value::Array(sources_of(r)?));
    built::<migov::MemberState>("member state", Value::Object(m))
}

fn status_entry(status: &str, since: Option<String>) -> Value {
    match since {
        Some(year) => json!({ "status": status, "since": year }),
        None => json!({ "status": status }),
    }
}

/// 175 IOM member states. `admitted` becomes the `since` of the member status.
/// Earlier steps (the Russian Federation's observer years) are in the fact files.
fn member_states(records: &[Value], tables: &Tables, doc: &mut Doc) -> Result<(), String> {
    for r in records {
        let admitted = opt_year(r, "admitted")?;
        let status = vec![status_entry("member", admitted)];
        doc.member_states.push(state_record(r, status, tables)?);
    }
    Ok(())
}

/// 8 IOM observer states (Kuwait's `admitted` 2017 is its observer year).
fn observer_states(records: &[Value], tables: &Tables, doc: &mut Doc) -> Result<(), String> {
    for r in records {
        if opt_str(r, "status") != Some("observer") {
            return Err(format!(
                "observer_states.json: {} is not an observer",
                label(r)
            ));
        }
        let since = opt_year(r, "admitted")?;
        doc.member_states.push(state_record(
            r,
            vec![status_entry("observer", since)],
            tables,
        )?);
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// consultative_processes.json

/// 26 consultative processes and the memberships their lists give (members,
/// observer states, observer organisations). Chairs, disputed values and the
/// organisations the reference only names are in the fact files.
fn processes(
    records: &[Value],
    tables: &Tables,
    used: &mut BTreeSet<(String, String, String)>,
    doc: &mut Doc,
) -> Result<(), String> {
    for r in records {
        let acronym = req_str(r, "acronym")?;
        let r = &tables.corrected("processes", acronym, r, used)?;
        let id = make_id(acronym);
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
                json!(tables.linked_organizations(text)?),
            );
        }
        put(&mut p, "status", json!(opt_str(r, "status")));
        if let Some(n) = r.get("member_count_stated").and_then(Value::as_u64) {
            p.insert("stated_member_count".into(), json!(n));
        }
        put(&mut p, "notes", json!(str_list(r, "notes")));
        p.insert("sources".into(), Value::Array(sources_of(r)?));
        doc.processes
            .push(built::<migov::Rcp>("process", Value::Object(p))?);
        list_memberships("processes", acronym, r, &process(&id), tables, used, doc)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// partners.json

/// 26 partners and the memberships their member lists give.
fn partners(
    records: &[Value],
    tables: &Tables,
    used: &mut BTreeSet<(String, String, String)>,
    doc: &mut Doc,
) -> Result<(), String> {
    for r in records {
        let id = tables.partner_id(r)?;
        let r = &tables.corrected("partners", opt_str(r, "acronym").unwrap_or(&id), r, used)?;
        let acronym = opt_str(r, "acronym");
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
        if let Some(n) = r.get("member_count_stated").and_then(Value::as_u64) {
            p.insert("stated_member_count".into(), json!(n));
        }
        put(
            &mut p,
            "iom_relationship",
            json!(opt_str(r, "iom_relationship")),
        );
        put(&mut p, "notes", json!(str_list(r, "notes")));
        p.insert("sources".into(), Value::Array(sources_of(r)?));
        doc.partners
            .push(built::<migov::Partner>("partner", Value::Object(p))?);
        let key = acronym.unwrap_or(id.as_str());
        list_memberships("partners", key, r, &partner(&id), tables, used, doc)?;
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
                // A fact file's membership is a whole record: its builder checks it.
                merge_membership(
                    target,
                    &built::<migov::Membership>("membership", record.clone())?,
                )?;
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

/// The seed-fact files, merged after the files of [`FACT_DIR`] that complete the
/// reference (names starting with `0`) and before the others.
pub const SEED_FACT_FILES: &[&str] = &["data/seed_facts.json", "data/seed_facts_imp_workshop.json"];

/// The folder of curated fact files. Every `*.json` file in it but [`TABLES_FILE`]
/// is a partial dataset document of the same shape (one file per area of
/// gathering, each fact with its own sources). Files whose name starts with `0`
/// complete the reference files (chairs, further memberships, disputed values,
/// organisations the reference only names) and are merged first; then
/// [`SEED_FACT_FILES`]; then the other files, in file name order.
pub const FACT_DIR: &str = "data/facts";

/// Lists the fact files merged into the converted reference, in merge order
/// (see [`FACT_DIR`]).
pub fn fact_files(root: &Path) -> Result<Vec<PathBuf>, String> {
    let dir = root.join(FACT_DIR);
    let tables = root.join(TABLES_FILE);
    let mut found = Vec::new();
    if dir.is_dir() {
        for entry in fs::read_dir(&dir).map_err(|e| format!("cannot read {dir:?}: {e}"))? {
            let path = entry
                .map_err(|e| format!("cannot read {dir:?}: {e}"))?
                .path();
            if path.extension().is_some_and(|x| x == "json") && path != tables {
                found.push(path);
            }
        }
    }
    found.sort();
    let completes_reference = |p: &PathBuf| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('0'))
    };
    let (first, rest): (Vec<_>, Vec<_>) = found.into_iter().partition(completes_reference);
    let mut files = first;
    files.extend(SEED_FACT_FILES.iter().map(|f| root.join(f)));
    files.extend(rest);
    Ok(files)
}

/// Converts the reference files in `reference_dir`, merges the fact files found
/// under the crate root `root` ([`fact_files`]), loads the document with
/// `Dataset::from_json_str` (so a fact that breaks a rule fails the build with the
/// crate's own error) and returns its canonical text, `Dataset::to_json_string`
/// (what `data/reference.json` holds).
pub fn build(root: &Path, reference_dir: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let mut document = convert(reference_dir, &root.join(TABLES_FILE))?;
    for file in fact_files(root)? {
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
