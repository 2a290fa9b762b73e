//! Every fault in one pass: a file with fifty independent faults of mixed
//! kinds (the document's own, each record's values and rules, references
//! and the rules between records) reports every one of them, each at its
//! place, in one report.
//!
//! Two of the faults are syntax faults inside records (a bare word where a
//! string belongs): the records around them are still read. What cannot be
//! read past is a fault that breaks the outline of the document (a bracket
//! or a string left open, a missing comma between records): nothing after
//! it can be placed, so such a report holds that fault alone (see
//! `tests/syntax_inside_records.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use migov::{Dataset, LoadOptions, Rule};
use serde_json::{Value, json};

const SRC: &str = "https://www.iom.int/";

fn project(i: usize) -> Value {
    json!({"id": format!("P{i}"), "title": format!("Project {i}"), "start": "2001", "end": "2003",
           "benefiting_states": ["SEN", "GIN"], "coverage": "regional",
           "amounts": [{"kind": "budget", "amount": "1000.00", "currency": "USD"}], "sources": [SRC]})
}

#[test]
fn fifty_independent_faults_are_all_reported() {
    // (place, rule) of each fault planted; a record's place is its pointer.
    let mut planted: Vec<(String, Rule)> = Vec::new();
    let mut projects = Vec::new();
    let mut plant = |projects: &mut Vec<Value>, rule: Rule, f: &dyn Fn(&mut Value)| {
        let i = projects.len();
        let mut p = project(i);
        f(&mut p);
        projects.push(p);
        planted.push((format!("/projects/{i}"), rule));
    };
    for _ in 0..5 {
        plant(&mut projects, Rule::MissingField, &|p| {
            p.as_object_mut().unwrap().remove("title");
        });
        plant(&mut projects, Rule::InvalidValue, &|p| {
            p["start"] = json!("2001-13")
        });
    }
    for _ in 0..3 {
        plant(&mut projects, Rule::NegativeBudget, &|p| {
            p["amounts"][0]["amount"] = json!("-5.00")
        });
        plant(&mut projects, Rule::UnknownField, &|p| {
            p["titel"] = json!("x")
        });
        plant(&mut projects, Rule::InvalidValue, &|p| {
            p["amounts"][0]["currency"] = json!("usd")
        });
        plant(&mut projects, Rule::EndBeforeStart, &|p| {
            p["end"] = json!("1999")
        });
        plant(&mut projects, Rule::WrongType, &|p| {
            p["amounts"][0]["amount"] = json!(1000.0)
        });
        plant(&mut projects, Rule::DuplicateEntry, &|p| {
            p["benefiting_states"] = json!(["SEN", "SEN"])
        });
    }
    let mut partners = vec![
        json!({"id": "ECOWAS", "name": "ECOWAS", "kind": "regional_economic_community", "sources": [SRC]}),
    ];
    for i in 0..3 {
        partners.push(json!({"id": format!("NONAME{i}"), "kind": "regional_economic_community", "sources": [SRC]}));
        planted.push((
            format!("/partners/{}", partners.len() - 1),
            Rule::MissingField,
        ));
    }
    for i in 0..2 {
        partners.push(json!({"id": format!("BAD ID{i}"), "name": "x", "sources": [SRC]}));
        planted.push((
            format!("/partners/{}", partners.len() - 1),
            Rule::InvalidValue,
        ));
    }
    let mut memberships = Vec::new();
    let mut add = |m: Value, rule: Rule, memberships: &mut Vec<Value>| {
        memberships.push(m);
        planted.push((format!("/memberships/{}", memberships.len() - 1), rule));
    };
    for i in 0..5 {
        add(
            json!({"member": {"state": "SEN"}, "body": {"partner": format!("NOPE{i}")}, "role": "member", "sources": [SRC]}),
            Rule::DanglingReference,
            &mut memberships,
        );
    }
    for _ in 0..2 {
        add(
            json!({"member": {"partner": "ECOWAS"}, "body": {"partner": "ECOWAS"}, "role": "member", "sources": [SRC]}),
            Rule::SelfMembership,
            &mut memberships,
        );
    }
    for c in ["GIN", "MLI", "NER"] {
        add(
            json!({"member": {"state": c}, "body": {"partner": "ECOWAS"}, "role": "member", "start": "2005", "end": "2004", "sources": [SRC]}),
            Rule::EndBeforeStart,
            &mut memberships,
        );
    }
    let member_states = vec![
        json!({"country": "ZZZ", "sources": [SRC]}),
        json!({"country": "ZZY", "sources": [SRC]}),
        json!({"country": "SEN", "status": [{"status": "member", "since": "2001-13"}], "sources": [SRC]}),
        json!({"country": "GIN", "status": [{"status": "member", "since": "1990-00"}], "sources": [SRC]}),
    ];
    for (i, rule) in [
        Rule::InvalidValue,
        Rule::InvalidValue,
        Rule::InvalidValue,
        Rule::InvalidValue,
    ]
    .into_iter()
    .enumerate()
    {
        planted.push((format!("/member_states/{i}"), rule));
    }
    // The document's own: a wrong version, an unknown key, a repeated collection.
    planted.push(("/schema_version".into(), Rule::SchemaVersion));
    planted.push(("/extra".into(), Rule::UnknownField));
    planted.push(("/events".into(), Rule::DuplicateField));
    let doc = json!({"schema_version": "2", "member_states": member_states, "partners": partners,
                     "projects": projects, "memberships": memberships, "extra": true, "events": []});
    // A JSON value cannot hold a key twice: repeat `events` in the text.
    let text = serde_json::to_string(&doc).unwrap();
    let text = format!("{}, \"events\": []}}", text.strip_suffix('}').unwrap());
    // Two records with a syntax fault instead of their missing title.
    let text =
        text.replacen(r#""id":"P0""#, r#""id":P0"#, 1)
            .replacen(r#""id":"P2""#, r#""id":P2"#, 1);
    for place in ["/projects/0", "/projects/2"] {
        let slot = planted.iter_mut().find(|(p, _)| p == place).unwrap();
        slot.1 = Rule::Syntax;
    }
    assert_eq!(planted.len(), 50);

    let report = LoadOptions::new().load_str(&text).unwrap_err();
    let found = |place: &str, rule: Rule| {
        report.problems().iter().any(|p| {
            let pointer = p.pointer();
            p.rule() == rule
                && (pointer == place
                    || pointer
                        .strip_prefix(place)
                        .is_some_and(|rest| rest.starts_with('/')))
        })
    };
    let missed: Vec<&(String, Rule)> = planted
        .iter()
        .filter(|(place, rule)| !found(place, *rule))
        .collect();
    assert!(missed.is_empty(), "not reported: {missed:?}\n{report}");
    // Nothing spurious: every problem is at a planted place.
    for p in report.problems() {
        let pointer = p.pointer();
        assert!(
            planted
                .iter()
                .any(|(place, _)| pointer == *place || pointer.starts_with(&format!("{place}/"))),
            "a problem no fault explains: {p}"
        );
    }
    // The same file as a `Dataset::from_json_str` caller sees it.
    assert_eq!(Dataset::from_json_str(&text).unwrap_err(), report);
}
