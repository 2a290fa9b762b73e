//! A dataset large enough to be loaded and settled on two threads (see
//! `Dataset::from_json_str` and `DatasetBuilder::build`): every way of
//! loading or building it agrees.

// Slices of the saved text are taken at positions found by searching for
// ASCII text in it: they fall on character boundaries.
#![allow(clippy::string_slice)]

use crate::generate;

use migov::{Dataset, LoadErrors};

/// Above the two-thread threshold on both sides (2,048 records).
const SCALE: generate::Scale = generate::Scale {
    name: "large",
    projects: 2_500,
    memberships: 6_000,
    events: 300,
    partners: 150,
    processes: 30,
};

/// The same text with its keys in sorted order (a `serde_json::Value`
/// sorts them): memberships come before partners, processes and projects,
/// so nothing can be settled while memberships are read.
fn keys_sorted(text: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let out = value.to_string();
    assert!(out.find("\"memberships\"") < out.find("\"partners\""));
    out
}

fn assert_same(a: &Result<Dataset, LoadErrors>, b: &Result<Dataset, LoadErrors>) {
    match (a, b) {
        (Ok(x), Ok(y)) => {
            assert_eq!(x, y);
            assert_eq!(x.warnings(), y.warnings());
        }
        // The same problems; each report lists them in its own document's
        // order, which differs when the keys are in another order.
        (Err(x), Err(y)) => {
            let sorted = |r: &LoadErrors| {
                let mut p = r.problems().to_vec();
                p.sort_by(|a, b| {
                    a.path()
                        .cmp(b.path())
                        .then_with(|| a.message().cmp(b.message()))
                });
                p
            };
            assert_eq!(sorted(x), sorted(y));
            assert_eq!(x.omitted(), y.omitted());
        }
        _ => panic!("the two loads disagree"),
    }
}

#[test]
fn every_way_to_a_large_dataset_gives_the_same_dataset() {
    let generated = generate::generate(&SCALE, 11);
    // Above 1 MiB: projects and events are converted on a second thread
    // while the file is read.
    assert!(generated.len() >= 1 << 20, "{}", generated.len());
    let d = Dataset::from_json_str(&generated).unwrap_or_else(|e| panic!("{e}"));
    assert!(d.warnings().is_empty(), "{:#?}", d.warnings());
    assert_eq!(d.projects().len(), SCALE.projects);
    assert_eq!(d.events().len(), SCALE.events);
    // The generator spreads about `SCALE.memberships` over the bodies.
    assert!(d.memberships().len() >= 2_048, "{}", d.memberships().len());

    // Saved (records in order, memberships last), keys sorted, rebuilt.
    let saved = d.to_json_string();
    assert_same(&Ok(d.clone()), &Dataset::from_json_str(&saved));
    assert_same(
        &Ok(d.clone()),
        &Dataset::from_json_str(&keys_sorted(&saved)),
    );
    assert_same(
        &Ok(d.clone()),
        &Dataset::from_json_str(&keys_sorted(&generated)),
    );
    assert_eq!(d.to_builder().build().unwrap(), d);
}

#[test]
fn a_large_dataset_with_faults_reports_them_the_same_either_way() {
    let d = Dataset::from_json_str(&generate::generate(&SCALE, 12)).unwrap();
    let saved = d.to_json_string();
    // A partner and a process vanish: projects, events and memberships
    // that refer to them now dangle.
    let partner = d.partners()[0].id().as_str().to_owned();
    let process = d.processes()[0].id().as_str().to_owned();
    let faulty = saved
        .replacen(
            &format!("\"id\": \"{partner}\""),
            "\"id\": \"GONE-PARTNER\"",
            1,
        )
        .replacen(
            &format!("\"id\": \"{process}\""),
            "\"id\": \"GONE-PROCESS\"",
            1,
        );
    assert_ne!(faulty, saved);
    let in_order = Dataset::from_json_str(&faulty);
    let sorted_keys = Dataset::from_json_str(&keys_sorted(&faulty));
    let errors = in_order.as_ref().expect_err("dangling references");
    let pointers: Vec<String> = errors.problems().iter().map(|p| p.pointer()).collect();
    assert!(
        pointers.iter().any(|p| p.starts_with("/memberships/")),
        "{pointers:?}"
    );
    assert!(
        pointers.iter().any(|p| p.starts_with("/projects/")),
        "{pointers:?}"
    );
    assert_same(&in_order, &sorted_keys);
}

#[test]
fn a_large_file_that_breaks_while_memberships_are_read_is_reported_whole() {
    let d = Dataset::from_json_str(&generate::generate(&SCALE, 13)).unwrap();
    let saved = d.to_json_string();
    // A membership near the end gets a number for its role: reading stops
    // there, while the other records are being settled on another thread.
    let memberships = saved.find("\"memberships\"").unwrap();
    let last_role = memberships + saved[memberships..].rfind("\"role\": \"").unwrap();
    let end = last_role + saved[last_role..].find(",").unwrap();
    let wrong_type = format!("{}\"role\": 7{}", &saved[..last_role], &saved[end..]);
    let errors = Dataset::from_json_str(&wrong_type).unwrap_err();
    let last = d.memberships().len() - 1;
    let pointers: Vec<String> = errors.problems().iter().map(|p| p.pointer()).collect();
    assert_eq!(pointers, [format!("/memberships/{last}/role")]);

    // Cut in the middle of the memberships: a syntax error, at its line.
    let cut = &saved[..memberships + (saved.len() - memberships) / 2];
    let errors = Dataset::from_json_str(cut).unwrap_err();
    assert_eq!(errors.problems().len(), 1, "{errors}");
    assert_eq!(errors.problems()[0].rule(), migov::Rule::Syntax);
    assert!(errors.problems()[0].line_column().is_some());
}

#[test]
fn a_large_file_with_records_that_do_not_read_reports_each_at_its_place() {
    let d = Dataset::from_json_str(&generate::generate(&SCALE, 14)).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&d.to_json_string()).unwrap();
    // Records in the middle of each collection the reader may send to the
    // second thread unparsed: a title, an agenda and a start of the wrong
    // type. The membership is an observer's, so that no other rule then
    // fails for want of it (as a chair would without its membership).
    let observer = migov::codelist::MembershipRole::Observer;
    let (project, event) = (1_234, 150);
    let membership = (0..d.memberships().len() - 100)
        .rev()
        .find(|&i| *d.memberships()[i].role() == observer)
        .unwrap();
    let mut broken = saved.clone();
    broken["projects"][project]["title"] = serde_json::json!(5);
    broken["events"][event]["agenda"] = serde_json::json!("every day");
    broken["memberships"][membership]["start"] = serde_json::json!(true);
    // Written in the order migov saves the collections, memberships last.
    let mut text = String::from("{\"schema_version\": \"1\"");
    for name in [
        "member_states",
        "processes",
        "partners",
        "projects",
        "events",
        "memberships",
    ] {
        text.push_str(&format!(", {name:?}: {}", broken[name]));
    }
    text.push('}');
    assert!(text.len() >= 1 << 20, "{}", text.len());
    let in_order = Dataset::from_json_str(&text);
    let errors = in_order.as_ref().expect_err("records that do not read");
    let pointers: Vec<String> = errors.problems().iter().map(|p| p.pointer()).collect();
    assert_eq!(
        pointers,
        // In document order: projects, events, then memberships.
        [
            format!("/projects/{project}/title"),
            format!("/events/{event}/agenda"),
            format!("/memberships/{membership}/start"),
        ],
        "{errors}"
    );
    assert_same(&in_order, &Dataset::from_json_str(&keys_sorted(&text)));
}
