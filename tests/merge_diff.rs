//! Extending, merging and diffing datasets.

use migov::{Dataset, MergeError, MergePolicy};
use proptest::prelude::*;
use serde_json::{Value, json};

const URLS: [&str; 3] = [
    "https://www.iom.int/a",
    "https://www.iom.int/b",
    "https://example.org/c",
];

/// A small valid dataset from generated choices: two states and the process
/// `P-A` always (memberships refer to them), other records by choice.
fn arb_document() -> impl Strategy<Value = Value> {
    let sources = proptest::sample::subsequence(URLS.to_vec(), 0..=3)
        .prop_shuffle()
        .prop_map(|s| json!(s));
    let state = |code: &'static str| {
        (
            sources.clone(),
            proptest::option::of(proptest::sample::select(vec!["n1", "n2"])),
        )
            .prop_map(move |(sources, note)| {
                let mut r = json!({"country": code, "sources": sources});
                if let Some(n) = note {
                    set(&mut r, "notes", json!([n]));
                }
                r
            })
    };
    let process = |id: &'static str| {
        (
            proptest::sample::select(vec!["Alpha", "Beta"]),
            proptest::option::of(proptest::sample::select(vec!["2001", "2005"])),
            sources.clone(),
        )
            .prop_map(move |(name, est, sources)| {
                let mut r = json!({"id": id, "name": name, "sources": sources});
                if let Some(e) = est {
                    set(&mut r, "established", json!(e));
                }
                r
            })
    };
    let project = |id: &'static str| {
        (
            proptest::sample::select(vec!["Title one", "Title two"]),
            proptest::option::of(proptest::sample::select(vec!["d1", "d2"])),
            proptest::sample::subsequence(vec!["SEN", "MLI"], 0..=2),
            sources.clone(),
        )
            .prop_map(move |(title, description, states, sources)| {
                let mut r = json!({"id": id, "title": title, "sources": sources});
                if let Some(d) = description {
                    set(&mut r, "description", json!(d));
                }
                if !states.is_empty() {
                    set(&mut r, "benefiting_states", json!(states));
                }
                r
            })
    };
    let membership = |member: &'static str, role: &'static str| {
        (
            proptest::option::of(proptest::sample::select(vec!["m1", "m2"])),
            sources.clone(),
        )
            .prop_map(move |(note, sources)| {
                let mut r = json!({
                    "member": {"state": member},
                    "body": {"process": "P-A"},
                    "role": role,
                    "sources": sources,
                });
                if let Some(n) = note {
                    set(&mut r, "note", json!(n));
                }
                r
            })
    };
    let some = |s: BoxedStrategy<Value>| proptest::option::of(s);
    (
        (state("SEN"), state("MLI")),
        (process("P-A"), some(process("P-B").boxed())),
        (
            some(project("X1").boxed()),
            some(project("X2").boxed()),
            some(project("X3").boxed()),
        ),
        (
            some(membership("SEN", "member").boxed()),
            some(membership("MLI", "member").boxed()),
            some(membership("SEN", "observer").boxed()),
        ),
    )
        .prop_map(|((s1, s2), (p1, p2), (x1, x2, x3), (m1, m2, m3))| {
            let processes: Vec<Value> = [Some(p1), p2].into_iter().flatten().collect();
            let projects: Vec<Value> = [x1, x2, x3].into_iter().flatten().collect();
            let memberships: Vec<Value> = [m1, m2, m3].into_iter().flatten().collect();
            json!({
                "schema_version": "1",
                "member_states": [s1, s2],
                "processes": processes,
                "projects": projects,
                "memberships": memberships,
            })
        })
}

/// Sets `key` of the record `r` (a JSON object).
fn set(r: &mut Value, key: &str, value: Value) {
    if let Some(map) = r.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}

/// A generated dataset; every generated document is valid, so a refusal
/// fails the test.
fn arb_dataset() -> impl Strategy<Value = Dataset> {
    arb_document().prop_filter_map("generated documents are valid", |doc| {
        Dataset::from_json_str(&doc.to_string()).ok()
    })
}

fn policy() -> impl Strategy<Value = MergePolicy> {
    proptest::sample::select(vec![
        MergePolicy::KeepOurs,
        MergePolicy::KeepTheirs,
        MergePolicy::Refuse,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_documents_are_valid(doc in arb_document()) {
        let loaded = load(&doc);
        prop_assert!(loaded.is_ok(), "{}", doc);
    }

    #[test]
    fn a_dataset_has_no_diff_with_itself(a in arb_dataset()) {
        prop_assert!(a.diff(&a).is_empty());
        prop_assert_eq!(a.diff(&a).to_string(), "no differences\n");
    }

    #[test]
    fn the_diff_is_empty_exactly_when_the_datasets_are_equal(a in arb_dataset(), b in arb_dataset()) {
        prop_assert_eq!(a.diff(&b).is_empty(), a == b);
    }

    #[test]
    fn the_diff_backwards_swaps_added_and_removed(a in arb_dataset(), b in arb_dataset()) {
        let (forward, backward) = (a.diff(&b), b.diff(&a));
        prop_assert_eq!(forward.added(), backward.removed());
        prop_assert_eq!(forward.removed(), backward.added());
        prop_assert_eq!(forward.changed().len(), backward.changed().len());
        for (f, b) in forward.changed().iter().zip(backward.changed()) {
            prop_assert_eq!(f.record(), b.record());
            prop_assert_eq!(f.sources_added(), b.sources_removed());
            for (ff, bf) in f.fields().iter().zip(b.fields()) {
                prop_assert_eq!(ff.field(), bf.field());
                prop_assert_eq!(ff.old_json(), bf.new_json());
            }
        }
    }

    #[test]
    fn merging_a_dataset_with_itself_gives_it_back(a in arb_dataset(), policy in policy()) {
        let merged = a.merge(&a, policy).expect("no conflicts with itself");
        prop_assert!(merged.conflicts().is_empty());
        prop_assert_eq!(merged.dataset(), &a);
    }

    /// After `merge(a, b, KeepTheirs)`, every change from `a` is one of `b`'s
    /// changes: nothing is removed, every record added is added by `b`, every
    /// field changed takes `b`'s value and every source added is one of `b`'s.
    #[test]
    fn keep_theirs_shows_only_their_changes(a in arb_dataset(), b in arb_dataset()) {
        let merged = a.merge(&b, MergePolicy::KeepTheirs).expect("generated records combine");
        let theirs = a.diff(&b);
        let seen = a.diff(merged.dataset());
        prop_assert!(seen.removed().is_empty());
        for r in seen.added() {
            prop_assert!(theirs.added().contains(r), "{r} added but not by theirs");
        }
        for c in seen.changed() {
            prop_assert!(c.sources_removed().is_empty());
            let Some(t) = theirs.changed().iter().find(|t| t.record() == c.record()) else {
                return Err(TestCaseError::fail(format!("{} changed but not by theirs", c.record())));
            };
            for f in c.fields() {
                prop_assert!(
                    t.fields().iter().any(|tf| tf.field() == f.field() && tf.new_json() == f.new_json()),
                    "{}: {} is not their change", c.record(), f
                );
            }
            for s in c.sources_added() {
                prop_assert!(t.sources_added().contains(s));
            }
        }
    }

    /// After `merge(a, b, KeepOurs)`, nothing of ours is removed or replaced:
    /// the diff from ours only adds records, fields and sources.
    #[test]
    fn keep_ours_only_adds_to_ours(a in arb_dataset(), b in arb_dataset()) {
        let merged = a.merge(&b, MergePolicy::KeepOurs).expect("generated records combine");
        let seen = a.diff(merged.dataset());
        prop_assert!(seen.removed().is_empty());
        for c in seen.changed() {
            prop_assert!(c.sources_removed().is_empty());
            for f in c.fields() {
                prop_assert!(f.old_json().is_none(), "{}: {} replaced ours", c.record(), f);
            }
        }
        // Every record of either is in the merge.
        prop_assert!(merged.dataset().diff(&b).added().is_empty());
    }

    /// The conflicts do not depend on the policy; `Refuse` fails exactly when
    /// there are some, and lists the same ones; seen from the other side,
    /// they are the same fields with the sides swapped.
    #[test]
    fn conflicts_are_the_same_whatever_the_policy(a in arb_dataset(), b in arb_dataset()) {
        let ours = a.merge(&b, MergePolicy::KeepOurs).expect("combine");
        let theirs = a.merge(&b, MergePolicy::KeepTheirs).expect("combine");
        prop_assert_eq!(ours.conflicts(), theirs.conflicts());
        match a.merge(&b, MergePolicy::Refuse) {
            Ok(m) => {
                prop_assert!(ours.conflicts().is_empty());
                prop_assert_eq!(m.dataset(), ours.dataset());
                prop_assert_eq!(m.dataset(), theirs.dataset());
            }
            Err(MergeError::Conflicts(c)) => prop_assert_eq!(&c[..], ours.conflicts()),
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        }
        let back = b.merge(&a, MergePolicy::KeepOurs).expect("combine");
        prop_assert_eq!(back.conflicts().len(), ours.conflicts().len());
        for (x, y) in ours.conflicts().iter().zip(back.conflicts()) {
            prop_assert_eq!(x.record(), y.record());
            prop_assert_eq!(x.field(), y.field());
            prop_assert_eq!(x.ours_json(), y.theirs_json());
        }
        // Swapping the sides and the policy gives the same records.
        prop_assert!(back.dataset().diff(theirs.dataset()).changed().iter().all(|c| c.fields().iter().all(|f| f.field() == "sources")));
    }
}

fn load(doc: &Value) -> Result<Dataset, migov::LoadErrors> {
    Dataset::from_json_str(&doc.to_string())
}

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn a_conflict_names_collection_id_and_field_and_sources_are_united() -> TestResult {
    let ours = load(&json!({
        "schema_version": "1",
        "projects": [{"id": "X1", "title": "Ours", "description": "kept", "sources": [URLS[0]]}],
    }))?;
    let theirs = load(&json!({
        "schema_version": "1",
        "projects": [{"id": "X1", "title": "Theirs", "status": "completed", "sources": [URLS[1], URLS[0]]}],
    }))?;
    let merged = ours.merge(&theirs, MergePolicy::KeepOurs).expect("merge");
    let [conflict] = merged.conflicts() else {
        panic!("one conflict expected: {:?}", merged.conflicts());
    };
    assert_eq!(conflict.record().collection(), "projects");
    assert_eq!(conflict.record().id(), "X1");
    assert_eq!(conflict.field(), "title");
    assert_eq!(conflict.ours_json().as_deref(), Some("\"Ours\""));
    assert_eq!(conflict.theirs_json().as_deref(), Some("\"Theirs\""));
    assert_eq!(
        conflict.to_string(),
        "projects X1 field title: ours \"Ours\", theirs \"Theirs\""
    );
    let p = &merged.dataset().projects()[0];
    assert_eq!(p.title(), "Ours");
    assert_eq!(p.description(), Some("kept"));
    assert!(p.status().is_some(), "a field of theirs only is taken");
    let urls: Vec<&str> = p.sources().iter().map(|s| s.url()).collect();
    assert_eq!(urls, [URLS[0], URLS[1]]);

    let merged = ours.merge(&theirs, MergePolicy::KeepTheirs).expect("merge");
    assert_eq!(merged.dataset().projects()[0].title(), "Theirs");

    let err = ours.merge(&theirs, MergePolicy::Refuse).unwrap_err();
    assert!(matches!(&err, MergeError::Conflicts(c) if c.len() == 1));
    assert!(err.to_string().contains("projects X1 field title"), "{err}");
    let err: migov::Error = err.into();
    assert!(matches!(err, migov::Error::Merge(_)));
    Ok(())
}

#[test]
fn a_combined_record_that_breaks_its_rules_is_refused_with_its_findings() -> TestResult {
    let ours = load(&json!({
        "schema_version": "1",
        "projects": [{"id": "X1", "title": "T", "start": "2010", "sources": [URLS[0]]}],
    }))?;
    let theirs = load(&json!({
        "schema_version": "1",
        "projects": [{"id": "X1", "title": "T", "end": "2005", "sources": [URLS[0]]}],
    }))?;
    match ours.merge(&theirs, MergePolicy::KeepOurs) {
        Err(MergeError::Record { record, message }) => {
            assert_eq!(record.to_string(), "projects X1");
            assert!(message.contains("end"), "{message}");
        }
        other => panic!("expected a record error, got {other:?}"),
    }
    Ok(())
}

#[test]
fn memberships_are_matched_by_what_identifies_them() -> TestResult {
    let doc = |note: &str, url: &str| {
        json!({
            "schema_version": "1",
            "member_states": [{"country": "SEN", "sources": [URLS[0]]}],
            "processes": [{"id": "MIDWA", "name": "Migration Dialogue for West Africa", "sources": [URLS[0]]}],
            "memberships": [{"member": {"state": "SEN"}, "body": {"process": "MIDWA"}, "role": "member", "start": "2001", "note": note, "sources": [url]}],
        })
    };
    let (a, b) = (load(&doc("a", URLS[0]))?, load(&doc("b", URLS[1]))?);
    let diff = a.diff(&b);
    let [change] = diff.changed() else {
        panic!("{diff}")
    };
    assert_eq!(change.record().collection(), "memberships");
    assert_eq!(
        change.record().id(),
        "state SEN in process MIDWA as member 2001/"
    );
    assert_eq!(change.fields()[0].field(), "note");
    assert_eq!(change.sources_added()[0].url(), URLS[1]);
    assert_eq!(change.sources_removed()[0].url(), URLS[0]);
    let merged = a.merge(&b, MergePolicy::KeepTheirs).expect("merge");
    let m = &merged.dataset().memberships()[0];
    assert_eq!(merged.dataset().memberships().len(), 1);
    assert_eq!(m.note(), Some("b"));
    assert_eq!(m.sources().len(), 2);
    Ok(())
}

#[test]
fn diff_prints_and_serialises_every_change() -> TestResult {
    let a = load(&json!({
        "schema_version": "1",
        "projects": [
            {"id": "GONE", "title": "Gone", "sources": [URLS[0]]},
            {"id": "X1", "title": "Old", "sources": [URLS[0]]},
        ],
    }))?;
    let b = load(&json!({
        "schema_version": "1",
        "projects": [
            {"id": "NEW", "title": "New", "sources": [URLS[0]]},
            {"id": "X1", "title": "Renamed", "description": "d", "sources": [URLS[0], URLS[1]]},
        ],
    }))?;
    let diff = a.diff(&b);
    assert_eq!(
        diff.to_string(),
        format!(
            "+ projects NEW\n- projects GONE\n~ projects X1\n    description: (absent) -> \"d\"\n    title: \"Old\" -> \"Renamed\"\n    + source {}\n",
            URLS[1]
        )
    );
    let json = serde_json::to_value(&diff).expect("serialises");
    assert_eq!(
        json["added"],
        json!([{"collection": "projects", "id": "NEW"}])
    );
    assert_eq!(json["removed"][0]["id"], "GONE");
    assert_eq!(json["changed"][0]["id"], "X1");
    assert_eq!(
        json["changed"][0]["fields"][1],
        json!({"field": "title", "old": "Old", "new": "Renamed"})
    );
    assert_eq!(json["changed"][0]["fields"][0]["old"], Value::Null);
    assert_eq!(json["changed"][0]["sources_added"], json!([URLS[1]]));
    Ok(())
}

#[test]
fn sources_only_reordered_are_a_change_of_the_sources_field() -> TestResult {
    let doc = |sources: [&str; 2]| json!({"schema_version": "1", "projects": [{"id": "X1", "title": "T", "sources": sources}]});
    let (a, b) = (
        load(&doc([URLS[0], URLS[1]]))?,
        load(&doc([URLS[1], URLS[0]]))?,
    );
    assert_ne!(a, b);
    let diff = a.diff(&b);
    assert_eq!(diff.changed().len(), 1);
    assert_eq!(diff.changed()[0].fields()[0].field(), "sources");
    assert!(diff.changed()[0].sources_added().is_empty());
    Ok(())
}

#[cfg(feature = "reference-data")]
#[test]
fn the_reference_dataset_extended_and_merged() -> Result<(), migov::Error> {
    use migov::{Event, EventId, Project, ProjectId, Source};
    let reference = migov::reference::dataset()?;
    assert!(reference.diff(reference).is_empty());
    let merged = reference.merge(reference, MergePolicy::Refuse)?;
    assert_eq!(merged.dataset(), reference);

    let src = Source::new("https://example.org/our-project")?;
    let mut b = reference.to_builder();
    b.add_project(
        Project::builder(ProjectId::new("OUR-PROJECT")?, "Our project")
            .source(src.clone())
            .build()?,
    )?;
    b.add_event(
        Event::builder(EventId::new("OUR-EVENT")?, "Our workshop")
            .source(src)
            .build()?,
    )?;
    let extended = b.build()?;
    let diff = reference.diff(&extended);
    let added: Vec<String> = diff.added().iter().map(ToString::to_string).collect();
    assert_eq!(added, ["projects OUR-PROJECT", "events OUR-EVENT"]);
    assert!(diff.removed().is_empty() && diff.changed().is_empty());
    // Merging the extension back in gives the extension, with no conflict.
    let merged = reference.merge(&extended, MergePolicy::Refuse)?;
    assert_eq!(merged.dataset(), &extended);
    Ok(())
}
