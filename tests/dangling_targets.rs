//! A dangling reference says which record it names, so the loader decides
//! by identifier (not by reading messages) whether the reference is worth
//! reporting: a reference to a record that failed on its own adds no
//! second problem, and a reference to a record that is simply missing is
//! reported, with `refers_to` naming what the pointer points at.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use migov::{Dataset, Rule};
use proptest::prelude::*;
use serde_json::{Value, json};

fn partner(id: &str, valid: bool) -> Value {
    // A partner without a name fails on its own; its id is still readable.
    if valid {
        json!({"id": id, "name": format!("Partner {id}"), "kind": "regional_economic_community"})
    } else {
        json!({"id": id, "kind": "regional_economic_community"})
    }
}

fn event(id: &str, valid: bool, related: &[&str]) -> Value {
    let related: Vec<Value> = related
        .iter()
        .map(|r| json!({"event": r, "relation": "follow_up_of"}))
        .collect();
    let mut e = json!({"id": id, "title": format!("Event {id}"), "kind": "workshop", "start": "2020-01-01", "related_events": related});
    if !valid {
        e["start"] = json!("not a date");
    }
    e
}

fn membership(member: &str, body: &str) -> Value {
    json!({"member": {"state": member}, "body": {"partner": body}, "role": "member"})
}

/// The identifier at `pointer`: the string there, or the reference object
/// there (`{"partner": id}`).
fn id_at(document: &Value, pointer: &str) -> Option<String> {
    match document.pointer(pointer)? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) if o.len() == 1 => o.values().next()?.as_str().map(str::to_owned),
        _ => None,
    }
}

fn dangling(document: &Value) -> Vec<(String, Option<(String, String)>)> {
    let text = serde_json::to_string(document).unwrap();
    match Dataset::from_json_str(&text) {
        Ok(d) => d
            .warnings()
            .iter()
            .filter(|i| i.rule() == Rule::DanglingReference)
            .map(|i| {
                (
                    i.path().to_pointer(),
                    i.refers_to().map(|(c, id)| (c.to_owned(), id.to_owned())),
                )
            })
            .collect(),
        Err(report) => report
            .problems()
            .iter()
            .filter(|p| p.rule() == Rule::DanglingReference)
            .map(|p| {
                (
                    p.pointer(),
                    p.issue()
                        .refers_to()
                        .map(|(c, id)| (c.to_owned(), id.to_owned())),
                )
            })
            .collect(),
    }
}

#[test]
fn a_reference_to_a_record_that_failed_on_its_own_is_not_reported_again() {
    let doc = json!({
        "schema_version": "1",
        "partners": [partner("BROKEN", false), partner("FINE", true)],
        "memberships": [membership("SEN", "BROKEN"), membership("SEN", "FINE")],
    });
    let text = serde_json::to_string(&doc).unwrap();
    let report = Dataset::from_json_str(&text).unwrap_err();
    assert!(
        report
            .problems()
            .iter()
            .any(|p| p.pointer().starts_with("/partners/0"))
    );
    assert_eq!(dangling(&doc), vec![]);
}

#[test]
fn a_reference_to_a_failed_event_is_not_reported_again() {
    let doc = json!({
        "schema_version": "1",
        "events": [event("E-BROKEN", false, &[]), event("E-FINE", true, &["E-BROKEN"])],
    });
    let text = serde_json::to_string(&doc).unwrap();
    let report = Dataset::from_json_str(&text).unwrap_err();
    assert!(
        report
            .problems()
            .iter()
            .any(|p| p.pointer().starts_with("/events/0"))
    );
    assert_eq!(dangling(&doc), vec![]);
}

#[test]
fn a_missing_record_is_reported_with_the_record_it_names() {
    let doc = json!({
        "schema_version": "1",
        "partners": [partner("BROKEN", false)],
        // "BROKE" and "BROKEN2" are near the failed id but are other records.
        "memberships": [membership("SEN", "BROKE"), membership("GIN", "BROKEN2")],
    });
    let found = dangling(&doc);
    assert_eq!(found.len(), 2, "{found:?}");
    for (pointer, named) in found {
        let (collection, id) = named.expect("a dangling reference names its record");
        assert_eq!(collection, "partners");
        assert_eq!(id_at(&doc, &pointer), Some(id), "{pointer}");
    }
}

proptest! {
    /// Whatever mix of failed, valid and missing partners the memberships
    /// name: exactly the references to missing records are reported, each
    /// naming the identifier found at its pointer.
    #[test]
    fn exactly_the_missing_records_are_reported(
        kinds in proptest::collection::vec(0u8..3, 1..12),
    ) {
        let mut partners = Vec::new();
        let mut memberships = Vec::new();
        let mut missing = Vec::new();
        for (i, kind) in kinds.iter().enumerate() {
            let id = format!("P{i}");
            match kind {
                0 => partners.push(partner(&id, true)),
                1 => partners.push(partner(&id, false)),
                _ => missing.push(id.clone()),
            }
            memberships.push(membership("SEN", &id));
        }
        let doc = json!({"schema_version": "1", "partners": partners, "memberships": memberships});
        let found = dangling(&doc);
        let mut named: Vec<String> = Vec::new();
        for (pointer, target) in &found {
            let (collection, id) = target.clone().expect("names its record");
            prop_assert_eq!(collection, "partners");
            prop_assert_eq!(id_at(&doc, pointer), Some(id.clone()));
            named.push(id);
        }
        named.sort();
        missing.sort();
        prop_assert_eq!(named, missing);
    }
}

#[test]
fn refers_to_survives_the_report_round_trip() {
    let doc = json!({
        "schema_version": "1",
        "memberships": [membership("SEN", "NOWHERE")],
    });
    let d = Dataset::from_json_str(&serde_json::to_string(&doc).unwrap());
    let issue = match d {
        Ok(d) => d.warnings()[0].clone(),
        Err(r) => r.problems()[0].issue().clone(),
    };
    let json = serde_json::to_value(&issue).unwrap();
    assert_eq!(
        json["refers_to"],
        json!({"collection": "partners", "id": "NOWHERE"})
    );
    let back: migov::Issue = serde_json::from_value(json).unwrap();
    assert_eq!(back, issue);
}

#[test]
fn a_failed_records_problems_name_its_identifier() {
    let doc = json!({
        "schema_version": "1",
        "partners": [partner("BROKEN", false)],
        "member_states": [{"country": "SEN", "status": [{"status": "member", "since": "1990-13"}]}],
    });
    let report = Dataset::from_json_str(&serde_json::to_string(&doc).unwrap()).unwrap_err();
    let message = |prefix: &str| {
        report
            .problems()
            .iter()
            .find(|p| p.pointer().starts_with(prefix))
            .map(|p| p.message().to_owned())
            .unwrap()
    };
    assert!(
        message("/partners/0").ends_with(r#"in the record "BROKEN""#),
        "{report}"
    );
    assert!(
        message("/member_states/0").ends_with(r#"in the record "SEN""#),
        "{report}"
    );
}
