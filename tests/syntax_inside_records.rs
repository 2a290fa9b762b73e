//! A syntax fault inside one record hides nothing else: the records around
//! it are read on their own, each fault reported at its place, the syntax
//! fault with its line and column; where the outline of the document is
//! itself broken (a bracket or string left open), the syntax error alone
//! is reported, as before.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::type_complexity
)]

use migov::{Dataset, Rule};

const TEXT: &str = r#"{
  "schema_version": "1",
  "partners": [
    {"id": "ECOWAS", "name": "ECOWAS", "sources": ["https://www.iom.int/"]},
    {"id": "BROKEN", "name": "x" "sources": []}
  ],
  "projects": [
    {"id": "P1", "title": "T", "start": "2001-13"},
    {"id": "P2", "title": T},
    {"id": "P3", "title": "T", "benefiting_states": ["SEN",]}
  ],
  "memberships": [
    {"member": {"state": "SEN"}, "body": {"partner": "BROKEN"}, "role": "member"},
    {"member": {"state": "SEN"}, "body": {"partner": "NOWHERE"}, "role": "member"}
  ]
}"#;

#[test]
fn faults_around_a_syntax_fault_are_all_reported() {
    let report = Dataset::from_json_str(TEXT).unwrap_err();
    let found: Vec<(String, Rule, Option<(usize, usize)>)> = report
        .problems()
        .iter()
        .map(|p| (p.pointer(), p.rule(), p.line_column()))
        .collect();
    let has = |pointer: &str, rule: Rule| found.iter().any(|(p, r, _)| p == pointer && *r == rule);
    // Three syntax faults, each in its own record.
    assert!(has("/partners/1", Rule::Syntax), "{report}");
    assert!(has("/projects/1", Rule::Syntax), "{report}");
    assert!(has("/projects/2", Rule::Syntax), "{report}");
    // The records around them are read and checked.
    assert!(has("/projects/0/start", Rule::InvalidValue), "{report}");
    assert!(
        has("/memberships/1/body", Rule::DanglingReference),
        "{report}"
    );
    // The reference to the record that did not parse is not reported again.
    assert!(
        !found
            .iter()
            .any(|(p, r, _)| p.starts_with("/memberships/0") && *r == Rule::DanglingReference),
        "{report}"
    );
    // Each syntax fault has the line and column of its place in the text.
    for (pointer, line, column_at) in [
        ("/partners/1", 5, r#""sources""#),
        ("/projects/1", 9, "T}"),
        ("/projects/2", 10, "]}"),
    ] {
        let (_, _, at) = found
            .iter()
            .find(|(p, r, _)| p == pointer && *r == Rule::Syntax)
            .unwrap();
        let (l, c) = at.expect("a syntax fault has its position");
        assert_eq!(l, line, "{pointer}");
        let text_line = TEXT.lines().nth(l - 1).unwrap();
        let expected = text_line.find(column_at).unwrap() + 1;
        assert!(
            c.abs_diff(expected) <= 1,
            "{pointer}: column {c}, expected about {expected} in {text_line:?}"
        );
    }
}

#[test]
fn a_broken_outline_still_gives_the_syntax_error_alone() {
    for text in [
        r#"{"schema_version": "1", "projects": [{"id": "P1", "title": "T"}"#,
        r#"{"schema_version": "1", "projects": [{"id": "P1", "title": "T}]}"#,
        r#"{"schema_version": "1", "projects": [{"id": "P1"} {"id": "P2"}]}"#,
    ] {
        let report = Dataset::from_json_str(text).unwrap_err();
        assert_eq!(report.problems().len(), 1, "{report}");
        assert_eq!(report.problems()[0].rule(), Rule::Syntax);
        assert!(report.problems()[0].line_column().is_some());
    }
}

#[test]
fn a_syntax_fault_in_the_version_is_reported_with_the_records_faults() {
    let text = r#"{"schema_version": 1x, "projects": [{"id": "P1"}]}"#;
    let report = Dataset::from_json_str(text).unwrap_err();
    let rules: Vec<(String, Rule)> = report
        .problems()
        .iter()
        .map(|p| (p.pointer(), p.rule()))
        .collect();
    assert!(
        rules.contains(&("/schema_version".to_owned(), Rule::Syntax)),
        "{report}"
    );
    assert!(
        rules.contains(&("/projects/0".to_owned(), Rule::MissingField)),
        "{report}"
    );
}
