//! `CountryCode` against the team's reference data (`shared/reference/*.json`).
//!
//! The reference directory lives beside the crate checkout, not inside it, so these tests look
//! for it relative to the manifest directory and skip (with a note) when it is absent.

// A test binary: helpers outside `#[test]` functions may panic on bad data too.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use migov::CountryCode;
use serde_json::Value;

fn reference_dir() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/reference", "../../shared/reference"]
        .iter()
        .map(|rel| manifest.join(rel))
        .find(|dir| dir.is_dir())
}

fn load(file: &str) -> Option<Vec<Value>> {
    let Some(dir) = reference_dir() else {
        eprintln!("note: shared/reference not found beside the crate; skipping {file}");
        return None;
    };
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    match serde_json::from_str(&text).unwrap() {
        Value::Array(records) => Some(records),
        other => panic!("{file} is not an array: {other:?}"),
    }
}

fn str_field<'a>(record: &'a Value, field: &str) -> &'a str {
    record[field]
        .as_str()
        .unwrap_or_else(|| panic!("no string {field} in {record}"))
}

/// Every `name` and `source_names` entry resolves to the record's `iso3`, and `name()` gives
/// back exactly the record's `name`.
fn check_states(file: &str) -> usize {
    let Some(records) = load(file) else { return 0 };
    let mut checked = 0;
    for record in &records {
        let iso3 = str_field(record, "iso3");
        let name = str_field(record, "name");
        let code = CountryCode::from_alpha3(iso3).unwrap();
        assert_eq!(code.name(), name, "{file}: name of {iso3}");
        assert_eq!(CountryCode::from_name(name), Ok(code), "{file}: {name:?}");
        checked += 1;
        for alias in record["source_names"].as_array().into_iter().flatten() {
            let alias = alias.as_str().unwrap();
            assert_eq!(
                CountryCode::from_name(alias),
                Ok(code),
                "{file}: {alias:?} for {iso3}"
            );
            checked += 1;
        }
    }
    assert!(!records.is_empty());
    checked
}

#[test]
fn member_state_names_resolve_to_their_codes() {
    let checked = check_states("member_states.json");
    if checked > 0 {
        assert!(checked >= 175, "only {checked} names checked");
    }
}

#[test]
fn observer_state_names_resolve_to_their_codes() {
    let checked = check_states("observer_states.json");
    if checked > 0 {
        assert!(checked >= 8, "only {checked} names checked");
    }
}

/// Every country code the processes and partners files use is a valid alpha-3 code.
#[test]
fn process_and_partner_codes_are_known() {
    let mut checked = 0;
    for file in ["consultative_processes.json", "partners.json"] {
        let Some(records) = load(file) else { return };
        for record in &records {
            let lists = ["members", "observers"].map(|field| record[field].as_array());
            let codes = lists
                .into_iter()
                .flatten()
                .flatten()
                .chain(record.get("headquarters_iso3").filter(|v| !v.is_null()));
            for code in codes {
                let code = code.as_str().unwrap();
                let parsed = CountryCode::from_alpha3(code);
                assert!(parsed.is_ok(), "{file}: {code:?}: {parsed:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} codes checked");
}

/// The 175 member states and 8 observers are distinct codes.
#[test]
fn reference_codes_are_distinct() {
    let (Some(members), Some(observers)) =
        (load("member_states.json"), load("observer_states.json"))
    else {
        return;
    };
    let mut codes: Vec<CountryCode> = members
        .iter()
        .chain(&observers)
        .map(|r| CountryCode::from_alpha3(str_field(r, "iso3")).unwrap())
        .collect();
    let total = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), total);
}
