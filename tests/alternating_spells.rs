//! One state's many alternating spells as member and observer (or chair) of
//! one process: the rules check each spell against the state's member
//! spells through an index, so such a file is checked in n log n, and the
//! answers are those of checking every pair.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use chrono::{Duration, NaiveDate};
use migov::{Dataset, Rule};
use serde_json::{Value, json};

fn day(n: i64) -> String {
    (NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + Duration::days(n))
        .format("%Y-%m-%d")
        .to_string()
}

fn spell(role: &str, from: i64, to: i64) -> Value {
    json!({"member": {"state": "SEN"}, "body": {"process": "RCP"}, "role": role,
           "start": day(from), "end": day(to), "sources": ["https://www.iom.int/"]})
}

fn document(memberships: Vec<Value>) -> String {
    serde_json::to_string(&json!({
        "schema_version": "1",
        "processes": [{"id": "RCP", "name": "A process", "kind": "regional_consultative_process",
                        "sources": ["https://www.iom.int/"]}],
        "memberships": memberships,
    }))
    .unwrap()
}

fn problems(text: &str, rule: Rule) -> Vec<String> {
    match Dataset::from_json_str(text) {
        Ok(d) => d
            .warnings()
            .iter()
            .filter(|i| i.rule() == rule)
            .map(|i| i.path().to_pointer())
            .collect(),
        Err(r) => r
            .problems()
            .iter()
            .filter(|p| p.rule() == rule)
            .map(|p| p.pointer())
            .collect(),
    }
}

#[test]
fn alternating_member_and_observer_spells_that_never_overlap_are_accepted() {
    let n = 4_000;
    let spells = (0..n)
        .map(|i| {
            spell(
                if i % 2 == 0 { "member" } else { "observer" },
                3 * i,
                3 * i + 1,
            )
        })
        .collect();
    let text = document(spells);
    assert_eq!(
        problems(&text, Rule::MemberAndObserver),
        Vec::<String>::new()
    );
    assert!(Dataset::from_json_str(&text).is_ok());
}

#[test]
fn each_observer_spell_inside_a_member_spell_is_reported_once() {
    let n = 4_000;
    let mut spells: Vec<Value> = (0..n)
        .map(|i| {
            spell(
                if i % 2 == 0 { "member" } else { "observer" },
                4 * i,
                4 * i + 2,
            )
        })
        .collect();
    // Three one-day observer spells inside member spells (0, 2000, 3998).
    let inside = [0, 2_000, 3_998];
    for &i in &inside {
        spells.push(spell("observer", 4 * i + 1, 4 * i + 1));
    }
    let text = document(spells);
    let found = problems(&text, Rule::MemberAndObserver);
    assert_eq!(found.len(), inside.len(), "{found:?}");
}

#[test]
fn a_handover_on_one_day_is_not_a_double_role() {
    // Member until a day, observer from that day: a role change, accepted.
    let text = document(vec![spell("member", 0, 10), spell("observer", 10, 20)]);
    assert_eq!(
        problems(&text, Rule::MemberAndObserver),
        Vec::<String>::new()
    );
}

#[test]
fn chair_spells_are_checked_against_every_member_spell() {
    // Alternating member and chair spells; chairs inside member spells are
    // fine, a chair in a gap is not among the recorded members then.
    let mut spells: Vec<Value> = (0..2_000)
        .map(|i| spell("member", 10 * i, 10 * i + 5))
        .collect();
    spells.extend((0..2_000).map(|i| spell("chair", 10 * i + 1, 10 * i + 2)));
    spells.push(spell("chair", 10 * 700 + 7, 10 * 700 + 8));
    let text = document(spells);
    let found = problems(&text, Rule::ChairNotListedMember);
    assert_eq!(found.len(), 1, "{found:?}");
}
