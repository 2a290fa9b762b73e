//! Reports are bounded: at most 64 problems per record and a caller-chosen
//! number per load (1,000 by default), errors kept before warnings, and the
//! rest counted, so a hostile file cannot make a report of any size, and
//! nothing is dropped without being counted.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use migov::{Dataset, LoadErrors, LoadOptions, Rule, Severity};
use proptest::prelude::*;
use serde_json::{Value, json};

fn project(id: &str, title: bool, sources: bool, states: Vec<&str>) -> Value {
    let mut p = json!({"id": id, "benefiting_states": states, "coverage": "regional"});
    if title {
        p["title"] = json!(format!("Project {id}"));
    }
    if sources {
        p["sources"] = json!(["https://www.iom.int/"]);
    }
    p
}

fn document(projects: Vec<Value>) -> String {
    serde_json::to_string(&json!({"schema_version": "1", "projects": projects})).unwrap()
}

fn report(options: &LoadOptions, text: &str) -> LoadErrors {
    options.load_str(text).expect_err("the document has errors")
}

fn listed(report: &LoadErrors) -> usize {
    report
        .problems()
        .iter()
        .filter(|p| p.rule() != Rule::MoreProblems)
        .count()
}

#[test]
fn a_list_of_a_hundred_thousand_duplicates_gives_a_bounded_report_that_counts_them() {
    let n = 100_000;
    let states = vec!["SEN"; n];
    let text = document(vec![project("P", true, true, states)]);
    let report = Dataset::from_json_str(&text).unwrap_err();
    let duplicates = report
        .problems()
        .iter()
        .filter(|p| p.rule() == Rule::DuplicateEntry)
        .count();
    assert_eq!(
        duplicates, 64,
        "at most 64 problems of one record are listed"
    );
    let more = report
        .problems()
        .iter()
        .find(|p| p.rule() == Rule::MoreProblems)
        .expect("the rest is counted");
    assert_eq!(more.pointer(), "/projects/0");
    // Every other entry repeats the first: n - 1 duplicates in all.
    assert!(
        more.message()
            .starts_with(&format!("{} more problem(s)", n - 1 - 64)),
        "{}",
        more.message()
    );
    assert!(report.to_string().lines().count() < 100);
}

#[test]
fn a_load_lists_at_most_its_limit_and_counts_the_rest() {
    let projects = (0..5_000)
        .map(|i| project(&format!("P{i}"), false, true, vec!["SEN", "GIN"]))
        .collect();
    let text = document(projects);
    let full = report(&LoadOptions::new().max_problems(usize::MAX), &text);
    let bounded = Dataset::from_json_str(&text).unwrap_err();
    assert_eq!(listed(&bounded), LoadOptions::DEFAULT_MAX_PROBLEMS);
    assert_eq!(full.omitted(), 0);
    assert_eq!(listed(&bounded) + bounded.omitted(), listed(&full));
    let last = bounded.problems().last().unwrap();
    assert_eq!(last.rule(), Rule::MoreProblems);
    assert_eq!(last.pointer(), "");
}

#[test]
fn an_error_is_never_left_out_to_list_warnings() {
    // Twenty valid projects without a source (a warning each), then one
    // project without a title (an error), with room for five problems.
    let mut projects: Vec<Value> = (0..20)
        .map(|i| project(&format!("P{i:02}"), true, false, vec!["SEN", "GIN"]))
        .collect();
    projects.push(project("Z", false, true, vec!["SEN", "GIN"]));
    let text = document(projects);
    let report = report(&LoadOptions::new().max_problems(5), &text);
    assert_eq!(report.errors().count(), 1);
    assert_eq!(report.errors().next().unwrap().pointer(), "/projects/20");
    assert_eq!(listed(&report), 5);
    assert_eq!(report.omitted(), 21 - 5);
}

#[test]
fn a_limit_of_zero_still_lists_one_problem() {
    let text = document(vec![project("P", false, true, vec!["SEN", "GIN"])]);
    let report = report(&LoadOptions::new().max_problems(0), &text);
    assert_eq!(LoadOptions::new().max_problems(0).problem_limit(), 1);
    assert_eq!(report.errors().count(), 1);
}

proptest! {
    /// Whatever the mix of records and the limit: the bounded report lists
    /// at most the limit, keeps an error whenever the full report has one,
    /// lists only problems the full report has, and counts every other.
    #[test]
    fn listed_plus_omitted_is_the_full_report(
        kinds in proptest::collection::vec(0u8..4, 1..40),
        limit in 1usize..12,
    ) {
        let projects: Vec<Value> = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let id = format!("P{i:02}");
                match k {
                    0 => project(&id, true, true, vec!["SEN", "GIN"]),
                    1 => project(&id, true, false, vec!["SEN", "GIN"]),
                    2 => project(&id, false, true, vec!["SEN", "GIN"]),
                    _ => project(&id, true, true, vec!["SEN", "SEN", "GIN", "GIN"]),
                }
            })
            .collect();
        let text = document(projects);
        let Err(full) = LoadOptions::new().max_problems(usize::MAX).load_str(&text) else {
            return Ok(());
        };
        let bounded = report(&LoadOptions::new().max_problems(limit), &text);
        prop_assert!(listed(&bounded) <= limit);
        prop_assert_eq!(listed(&bounded) + bounded.omitted(), listed(&full));
        prop_assert_eq!(bounded.errors().next().is_some(), full.errors().next().is_some());
        for p in bounded.problems().iter().filter(|p| p.rule() != Rule::MoreProblems) {
            prop_assert!(full.problems().contains(p), "{p} is not in the full report");
        }
        let more = bounded.problems().iter().filter(|p| p.rule() == Rule::MoreProblems).count();
        prop_assert_eq!(more, usize::from(bounded.omitted() > 0));
        prop_assert!(bounded.problems().iter().all(|p| p.rule() != Rule::MoreProblems || p.severity() == Severity::Warning));
    }
}

#[test]
fn a_bounded_report_comes_back_from_json_with_its_count() {
    let projects = (0..20)
        .map(|i| project(&format!("P{i}"), false, true, vec!["SEN", "GIN"]))
        .collect();
    let report = report(&LoadOptions::new().max_problems(4), &document(projects));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["omitted"], 16);
    let back: LoadErrors = serde_json::from_value(json).unwrap();
    assert_eq!(back, report);
    assert_eq!(back.omitted(), 16);
}
