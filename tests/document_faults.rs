//! Every fault of a document in one pass: the document's own (unknown or
//! repeated top-level keys, a wrong, escaped or missing `schema_version`, a
//! collection that is not a list) are reported together with every
//! record's, each at its pointer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use migov::{Dataset, Rule};

fn report(text: &str) -> Vec<(String, Rule)> {
    let r = Dataset::from_json_str(text).unwrap_err();
    r.problems()
        .iter()
        .map(|p| (p.pointer(), p.rule()))
        .collect()
}

#[test]
fn document_faults_are_reported_with_every_record_fault() {
    let text = r#"{
        "schema_version": "2",
        "projcts": [],
        "projects": [{"id": "P1"}, {"id": "P2", "title": "T", "start": "2001-13"}],
        "events": {"id": "E"},
        "projects": [],
        "extra": 1
    }"#;
    let found = report(text);
    for expected in [
        ("/schema_version", Rule::SchemaVersion),
        ("/projcts", Rule::UnknownField),
        ("/extra", Rule::UnknownField),
        ("/projects", Rule::DuplicateField),
        ("/events", Rule::WrongType),
        ("/projects/0", Rule::MissingField),
        ("/projects/1/start", Rule::InvalidValue),
    ] {
        assert!(
            found
                .iter()
                .any(|(p, r)| p == expected.0 && *r == expected.1),
            "{expected:?} not in {found:?}"
        );
    }
    assert_eq!(found.len(), 7, "{found:?}");
}

#[test]
fn an_escaped_schema_version_is_named_as_such() {
    let text = r#"{"schema_version": "\u0031", "projects": [{"id": "P1"}]}"#;
    let r = Dataset::from_json_str(text).unwrap_err();
    let version = r
        .problems()
        .iter()
        .find(|p| p.rule() == Rule::SchemaVersion)
        .expect("the version is reported");
    assert!(
        version.message().contains("escapes"),
        "{}",
        version.message()
    );
    assert!(r.problems().iter().any(|p| p.pointer() == "/projects/0"));
}

#[test]
fn a_missing_schema_version_does_not_hide_the_records_faults() {
    let found = report(r#"{"projects": [{"id": "P1"}]}"#);
    assert!(found.contains(&("/schema_version".to_owned(), Rule::MissingField)));
    assert!(found.contains(&("/projects/0".to_owned(), Rule::MissingField)));
}

#[test]
fn every_pointer_resolves_in_the_document() {
    let text = r#"{"schema_version": "1", "a~b/c": 1, "projects": [{"id": "P1"}], "projects": 3}"#;
    let value: serde_json::Value =
        serde_json::from_str(&text.replace(r#""projects": 3"#, r#""x": 3"#)).unwrap();
    for (pointer, rule) in report(text) {
        if rule == Rule::DuplicateField {
            continue; // the repeated key's value is not kept by a JSON value
        }
        assert!(value.pointer(&pointer).is_some(), "{pointer} ({rule})");
    }
}

#[test]
fn an_escaped_version_is_refused_whatever_the_size_of_the_file() {
    // A small file, and one over 1 MiB (read by the pipelined path).
    let project = |i: usize| {
        format!(
            r#"{{"id": "P{i}", "title": "T", "benefiting_states": ["SEN"], "sources": ["https://www.iom.int/"]}}"#
        )
    };
    for n in [1, 12_000] {
        let projects: Vec<String> = (0..n).map(project).collect();
        let text = format!(
            r#"{{"schema_version": "\u0031", "projects": [{}]}}"#,
            projects.join(",")
        );
        let report = Dataset::from_json_str(&text).unwrap_err();
        assert_eq!(report.problems().len(), 1, "{n} projects: {report}");
        assert_eq!(report.problems()[0].rule(), Rule::SchemaVersion);
        // Written plainly, the same file loads.
        assert!(Dataset::from_json_str(&text.replace(r"\u0031", "1")).is_ok());
    }
}

#[test]
fn problems_are_listed_in_document_order() {
    // Collections in an unusual order, each with a fault; every problem is
    // an error, so the report's order is the document's.
    let text = r#"{"projects": [{"id": "P1"}], "schema_version": "1",
        "partners": [{"id": "A"}], "member_states": [{"country": "ZZZ"}], "zz": 1}"#;
    let report = Dataset::from_json_str(text).unwrap_err();
    let pointers: Vec<String> = report.problems().iter().map(|p| p.pointer()).collect();
    let first = |prefix: &str| pointers.iter().position(|p| p.starts_with(prefix)).unwrap();
    assert!(first("/projects") < first("/partners"), "{pointers:?}");
    assert!(first("/partners") < first("/member_states"), "{pointers:?}");
    assert!(first("/member_states") < first("/zz"), "{pointers:?}");
}

/// Found by the `report` fuzz target: with a collection given twice, the
/// first is read (the repeat is reported), so the pointers of its faults
/// name the first; a JSON value, which keeps the last, cannot resolve them.
#[test]
fn a_repeated_collection_is_read_from_its_first_occurrence() {
    let text = r#"{"schema_version": "1",
        "memberships": [{"member": {"state": "SEN"}, "body": {"state": "GIN"}, "role": "member", "country": 1}],
        "memberships": []}"#;
    let found = report(text);
    assert!(
        found.contains(&("/memberships".to_owned(), Rule::DuplicateField)),
        "{found:?}"
    );
    assert!(
        found.contains(&("/memberships/0/country".to_owned(), Rule::UnknownField)),
        "{found:?}"
    );
    // serde_json keeps the last value: the pointer does not resolve there.
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    assert!(value.pointer("/memberships/0").is_none());
}
