//! Unknown code-list values load with a warning that names them (#24, #20):
//! the rule `code.unknown`, the field, the value, the list and the closest
//! known spelling when one is close.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use migov::{Dataset, Rule, Severity};

const IOM: &str = "https://www.iom.int/";

#[track_caller]
fn load(text: &str) -> Dataset {
    match Dataset::from_json_str(text) {
        Ok(d) => d,
        Err(e) => panic!("refused:\n{e}"),
    }
}

/// The `code.unknown` warnings of `d`: (pointer, message).
fn unknown_codes(d: &Dataset) -> Vec<(String, String)> {
    d.warnings()
        .iter()
        .filter(|w| w.rule() == Rule::UnknownCode)
        .map(|w| {
            assert_eq!(w.severity(), Severity::Warning);
            (w.path().to_pointer(), w.message().to_owned())
        })
        .collect()
}

fn process_with_kind(kind: &str) -> String {
    format!(
        r#"{{"schema_version": "1", "processes": [{{"id": "MIDWA", "name": "Migration Dialogue for West Africa", "kind": {kind:?}, "sources": ["{IOM}"]}}]}}"#
    )
}

#[test]
fn a_misspelt_process_kind_loads_with_a_warning_and_the_suggestion() {
    let d = load(&process_with_kind("regonal_consultative_process"));
    // Kept as written.
    let kind = d
        .process(&migov::ProcessId::new("MIDWA").unwrap())
        .unwrap()
        .kind()
        .unwrap();
    assert!(!kind.is_known());
    assert_eq!(kind.as_str(), "regonal_consultative_process");
    let warnings = unknown_codes(&d);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let (pointer, message) = &warnings[0];
    assert_eq!(pointer, "/processes/0/kind");
    assert!(
        message.starts_with(r#""regonal_consultative_process" is not a known process kind"#),
        "{message}"
    );
    assert!(
        message.contains(r#"did you mean "regional_consultative_process"?"#),
        "{message}"
    );
}

#[test]
fn a_misspelt_label_suggests_the_label_and_its_code() {
    let d = load(&process_with_kind("Regional Consultative Proces"));
    let (_, message) = &unknown_codes(&d)[0];
    assert!(
        message.contains(
            r#"did you mean "Regional Consultative Process", that is "regional_consultative_process"?"#
        ),
        "{message}"
    );
}

#[test]
fn a_far_off_value_gets_the_warning_without_a_suggestion() {
    let d = load(&process_with_kind("bilateral labour agreement"));
    let warnings = unknown_codes(&d);
    assert_eq!(warnings.len(), 1);
    let (pointer, message) = &warnings[0];
    assert_eq!(pointer, "/processes/0/kind");
    assert!(message.contains("not a known process kind"), "{message}");
    assert!(!message.contains("did you mean"), "{message}");
}

#[test]
fn a_long_unknown_value_is_shown_as_an_excerpt() {
    let long = "x".repeat(150);
    let d = load(&process_with_kind(&long));
    let (_, message) = &unknown_codes(&d)[0];
    assert!(message.contains("(150 bytes in all)"), "{message}");
    assert!(!message.contains(&long), "{message}");
}

#[test]
fn a_known_value_gets_no_warning() {
    for known in [
        "regional_consultative_process",
        "Regional Consultative Process",
    ] {
        let d = load(&process_with_kind(known));
        assert!(unknown_codes(&d).is_empty(), "{known}");
    }
}

#[test]
fn every_code_list_field_of_every_record_warns_at_its_path() {
    let doc = format!(
        r#"{{
        "schema_version": "1",
        "member_states": [{{"country": "SEN", "idf_region": "west afrika", "sources": ["{IOM}"]}}],
        "processes": [{{"id": "MIDWA", "name": "MIDWA", "kind": "forum x", "status": "sleeping", "sources": ["{IOM}"]}}],
        "partners": [{{"id": "JPN", "name": "Japan", "kind": "goverment", "status": "gone away",
            "figures": [{{"metric": "ofices", "value": 3, "bound": "exact"}}], "sources": ["{IOM}"]}}],
        "projects": [{{"id": "P1", "title": "A project", "status": "on hold", "project_type": "gardening",
            "coverage": "continental", "idf_region": "Antarctica", "benefiting_states": ["SEN"],
            "amounts": [{{"kind": "pledge", "amount": "10.00", "currency": "USD"}}],
            "organizations": [{{"partner": "JPN", "role": "sponsor"}}], "sources": ["{IOM}"]}}],
        "events": [{{"id": "E1", "title": "An event", "kind": "worksop", "start": "2020-01-01", "end": "2020-01-02",
            "parties": [{{"party": {{"partner": "JPN"}}, "role": "host country"}}],
            "related_events": [{{"event": "E2", "relation": "sequel"}}],
            "outcomes": [{{"title": "A paper", "kind": "white paper"}}],
            "agenda": [{{"date": "2020-01-01", "sessions": [{{"title": "Opening", "format": "fireside",
                "panel": [{{"role": "moderator?", "panellists": [{{"person": {{"name": "A. Person"}}, "role": "host",
                    "documents": ["slides deck"]}}]}}]}}]}}],
            "sources": ["{IOM}"]}},
            {{"id": "E2", "title": "Another event", "sources": ["{IOM}"]}}],
        "memberships": [{{"member": {{"state": "SEN"}}, "body": {{"process": "MIDWA"}}, "role": "full member", "sources": ["{IOM}"]}}]
    }}"#
    );
    let d = load(&doc);
    let mut found: Vec<(String, String)> = unknown_codes(&d);
    found.sort();
    let pointers: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    let mut expected = vec![
        "/events/0/agenda/0/sessions/0/format",
        "/events/0/agenda/0/sessions/0/panel/0/panellists/0/documents/0",
        "/events/0/agenda/0/sessions/0/panel/0/panellists/0/role",
        "/events/0/agenda/0/sessions/0/panel/0/role",
        "/events/0/kind",
        "/events/0/outcomes/0/kind",
        "/events/0/parties/0/role",
        "/events/0/related_events/0/relation",
        "/member_states/0/idf_region",
        "/memberships/0/role",
        "/partners/0/figures/0/metric",
        "/partners/0/kind",
        "/partners/0/status",
        "/processes/0/kind",
        "/processes/0/status",
        "/projects/0/amounts/0/kind",
        "/projects/0/coverage",
        "/projects/0/idf_region",
        "/projects/0/organizations/0/role",
        "/projects/0/project_type",
        "/projects/0/status",
    ];
    expected.sort_unstable();
    assert_eq!(pointers, expected);
    // Each names its list; a few have a suggestion.
    let message = |p: &str| {
        found
            .iter()
            .find(|(q, _)| q == p)
            .map(|(_, m)| m.as_str())
            .unwrap()
    };
    assert!(message("/partners/0/kind").contains("partner kind"));
    assert!(message("/partners/0/kind").contains(r#"did you mean "government"?"#));
    assert!(message("/partners/0/figures/0/metric").contains(r#"did you mean "offices"?"#));
    assert!(message("/events/0/kind").contains(r#"did you mean "workshop"?"#));
    assert!(message("/memberships/0/role").contains("membership role"));
    assert!(message("/events/0/agenda/0/sessions/0/format").contains("session format"));
}

#[test]
fn the_reference_datasets_unknown_codes_are_these() {
    // Every code-list value of the reference data is known: the one value
    // that was not ("associate_member", Mauritania in ECOWAS) is printed by
    // real pages and became a known membership role.
    let d = migov::reference::dataset().unwrap();
    let found = unknown_codes(d);
    assert_eq!(found, Vec::<(String, String)>::new());
}
