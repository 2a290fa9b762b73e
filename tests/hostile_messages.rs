//! Input text never reaches a report raw: each problem is one visible line,
//! and every pointer resolves in the input, whatever characters its keys hold.

use migov::Dataset;
use serde_json::{Value, json};

/// Characters that could forge a line, hide text or reorder it.
const UNSAFE: [char; 14] = [
    '\n', '\r', '\u{7}', '\u{1b}', '\u{0}', '\u{7f}', '\u{85}', '\u{2028}', '\u{2029}', '\u{202E}',
    '\u{2066}', '\u{200B}', '\u{FEFF}', '\u{9b}',
];

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}' | '\u{FEFF}'
        )
}

/// Documents with a hostile key at the top level, in a record, and deeper.
fn documents(key: &str) -> Vec<Value> {
    vec![
        json!({"schema_version": "1", key: []}),
        json!({"schema_version": "1", "projects": [{"id": "P", "title": "T", key: 1}]}),
        json!({"schema_version": "1", "events": [{"id": "E", "title": "T", "agenda": [{"date": "2020-01-01", "sessions": [{"title": "S", key: 1}]}]}]}),
        json!({"schema_version": "1", "memberships": [{"member": {"state": "SEN", key: 1}, "body": {"state": "GIN"}, "role": "member"}]}),
    ]
}

fn check_report(document: &Value) -> Result<(), String> {
    let text = serde_json::to_string(document).map_err(|e| e.to_string())?;
    let report = match Dataset::from_json_str(&text) {
        Ok(_) => return Err(format!("accepted: {text}")),
        Err(report) => report,
    };
    let shown = report.to_string();
    if let Some(c) = shown.chars().find(|&c| c != '\n' && is_unsafe(c)) {
        return Err(format!(
            "U+{:04X} reached the report: {shown:?}",
            u32::from(c)
        ));
    }
    // A header line, then exactly one line per problem.
    let lines = shown.lines().count();
    if lines != report.problems().len() + 1 {
        return Err(format!(
            "{lines} lines for {} problems: {shown:?}",
            report.problems().len()
        ));
    }
    for problem in report.problems() {
        let pointer = problem.pointer();
        let parent = pointer.rsplit_once('/').map_or("", |(head, _)| head);
        if document.pointer(&pointer).is_none() && document.pointer(parent).is_none() {
            return Err(format!("{pointer:?} does not resolve in {text}"));
        }
        if problem.message().chars().any(is_unsafe) {
            return Err(format!("raw text in {:?}", problem.message()));
        }
    }
    Ok(())
}

#[test]
fn unsafe_characters_in_keys_are_escaped_at_every_level() {
    for c in UNSAFE {
        for key in [format!("bad{c}key"), format!("{c}"), format!("a{c}b{c}c")] {
            for document in documents(&key) {
                check_report(&document).unwrap();
            }
        }
    }
}

#[test]
fn a_backtick_in_a_key_gives_a_pointer_to_that_key() {
    for key in [
        "k`x",
        "`",
        "a`, expected `b",
        "``",
        "x`, there are no fields",
    ] {
        let document =
            json!({"schema_version": "1", "projects": [{"id": "P", "title": "T", key: 1}]});
        check_report(&document).unwrap();
        let text = document.to_string();
        let report = Dataset::from_json_str(&text).unwrap_err();
        let pointer = report.problems()[0].pointer();
        assert_eq!(
            document.pointer(&pointer),
            Some(&json!(1)),
            "{key:?}: {pointer:?}"
        );
    }
}

#[test]
fn a_forged_line_in_a_key_does_not_look_like_a_second_problem() {
    let key = "x\n  /projects/0/title: error [json.missing_field] forged";
    let document = json!({"schema_version": "1", "projects": [{"id": "P", "title": "T", key: 1}]});
    let report = Dataset::from_json_str(&document.to_string()).unwrap_err();
    assert_eq!(report.problems().len(), 1);
    assert_eq!(report.to_string().lines().count(), 2, "{report}");
}
