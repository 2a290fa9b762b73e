//! The conversion that writes `data/reference.json` (tools/reference_convert.rs,
//! run by `cargo run --example build_reference`): it is deterministic, the
//! committed file is its output, the output validates against the committed JSON
//! Schema, and every membership read from a reference list cites only the pages
//! that the curated tables name for that list, never every source of its body.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../tools/reference_convert.rs"]
#[allow(dead_code)]
mod convert;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared reference files, or `None` (the test is skipped) when they are absent.
fn reference_dir() -> Option<PathBuf> {
    let dir = root().join("../shared/reference");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not present", dir.display());
        None
    }
}

fn committed_text() -> String {
    std::fs::read_to_string(root().join("data/reference.json")).unwrap()
}

fn tables() -> Value {
    let text = std::fs::read_to_string(root().join(convert::TABLES_FILE)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Runs the conversion with `tables` written to a file of its own.
fn convert_with(reference_dir: &Path, tables: &Value, name: &str) -> Result<Value, String> {
    let path = std::env::temp_dir().join(format!(
        "migov-reference-tables-{}-{name}.json",
        std::process::id()
    ));
    std::fs::write(&path, serde_json::to_string(tables).unwrap()).unwrap();
    let result = convert::convert(reference_dir, &path);
    std::fs::remove_file(&path).unwrap();
    result
}

#[test]
fn two_runs_give_the_same_bytes_and_the_committed_file() {
    let Some(dir) = reference_dir() else { return };
    let first = convert::build(&root(), &dir).unwrap();
    let second = convert::build(&root(), &dir).unwrap();
    assert!(first == second, "two runs of the conversion differ");
    assert!(
        first == committed_text(),
        "data/reference.json is stale: run `cargo run --example build_reference`"
    );
}

#[test]
fn the_committed_file_validates_against_the_committed_schema() {
    let schema_text = std::fs::read_to_string(root().join("schema/dataset.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let instance: Value = serde_json::from_str(&committed_text()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The sources of every process and partner of the committed file, by body.
fn body_sources(doc: &Value) -> Vec<(Value, BTreeSet<String>)> {
    let mut out = Vec::new();
    for (collection, key) in [("processes", "process"), ("partners", "partner")] {
        for r in doc[collection].as_array().unwrap() {
            let sources = r["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect();
            out.push((serde_json::json!({ key: r["id"] }), sources));
        }
    }
    out
}

fn sources_of(record: &Value) -> BTreeSet<String> {
    record["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn no_membership_cites_every_source_of_a_body_with_several() {
    let doc: Value = serde_json::from_str(&committed_text()).unwrap();
    let bodies = body_sources(&doc);
    let mut checked = 0;
    for m in doc["memberships"].as_array().unwrap() {
        let Some((_, of_body)) = bodies.iter().find(|(b, _)| *b == m["body"]) else {
            continue;
        };
        if of_body.len() < 2 {
            continue;
        }
        checked += 1;
        assert!(
            sources_of(m) != *of_body,
            "membership {m} cites every source of its body"
        );
    }
    assert!(checked > 300, "only {checked} memberships checked");
}

#[test]
fn each_list_membership_cites_the_pages_its_table_names() {
    let doc: Value = serde_json::from_str(&committed_text()).unwrap();
    let tables = tables();
    // Rabat Process members: the partners page alone (the record has four sources).
    let rabat = &tables["lists"]["processes"]["Rabat Process"]["members"]["sources"];
    let pages: BTreeSet<String> = rabat
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    assert_eq!(pages.len(), 1);
    let members: Vec<&Value> = doc["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["body"]["process"] == "RABAT-PROCESS" && m["role"] == "member")
        .collect();
    // 28 African and 29 European countries, 2 of them observers.
    assert_eq!(members.len(), 55);
    assert!(members.iter().all(|m| sources_of(m) == pages));
}

#[test]
fn a_list_without_an_entry_fails_the_conversion() {
    let Some(dir) = reference_dir() else { return };
    let mut tables = tables();
    tables["lists"]["partners"]
        .as_object_mut()
        .unwrap()
        .remove("SADC")
        .unwrap();
    let err = convert_with(&dir, &tables, "missing").unwrap_err();
    assert!(err.contains("\"SADC\"") && err.contains("members"), "{err}");
}

#[test]
fn a_page_that_is_not_a_source_of_the_record_fails_the_conversion() {
    let Some(dir) = reference_dir() else { return };
    let mut tables = tables();
    tables["lists"]["partners"]["SADC"]["members"]["sources"] =
        serde_json::json!(["https://example.org/not-a-source"]);
    let err = convert_with(&dir, &tables, "foreign").unwrap_err();
    assert!(err.contains("https://example.org/not-a-source"), "{err}");
}

#[test]
fn an_entry_naming_no_list_fails_the_conversion() {
    let Some(dir) = reference_dir() else { return };
    let mut tables = tables();
    // The reference gives SADC no observers.
    tables["lists"]["partners"]["SADC"]["observers"] = serde_json::json!({ "skip": "no page" });
    let err = convert_with(&dir, &tables, "stale").unwrap_err();
    assert!(err.contains("lists.partners.SADC.observers"), "{err}");
}

#[test]
fn a_skipped_list_gives_no_membership() {
    let Some(dir) = reference_dir() else { return };
    let mut tables = tables();
    tables["lists"]["partners"]["SADC"]["members"] =
        serde_json::json!({ "skip": "no page states the list" });
    let doc = convert_with(&dir, &tables, "skip").unwrap();
    let sadc = doc["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["body"]["partner"] == "SADC")
        .count();
    assert_eq!(sadc, 0);
}

#[test]
fn a_membership_the_builder_refuses_fails_the_conversion() {
    let Some(dir) = reference_dir() else { return };
    let mut tables = tables();
    // A blank note: the builder refuses it (`text.blank`).
    tables["lists"]["partners"]["SADC"]["members"]["note"] = serde_json::json!("  ");
    let err = convert_with(&dir, &tables, "blank").unwrap_err();
    assert!(
        err.contains("invalid membership") && err.contains("blank"),
        "{err}"
    );
}

#[test]
fn a_fact_file_membership_the_builder_refuses_fails_the_build() {
    let Some(dir) = reference_dir() else { return };
    let tmp = std::env::temp_dir().join(format!("migov-reference-root-{}", std::process::id()));
    let facts = tmp.join(convert::FACT_DIR);
    std::fs::create_dir_all(&facts).unwrap();
    for file in convert::SEED_FACT_FILES
        .iter()
        .copied()
        .chain([convert::TABLES_FILE])
    {
        std::fs::copy(root().join(file), tmp.join(file)).unwrap();
    }
    // A partner given as a member of itself.
    let bad = serde_json::json!({"schema_version": "1", "memberships": [{
        "member": {"partner": "SADC"}, "body": {"partner": "SADC"}, "role": "member",
        "sources": ["https://example.org/page"]
    }]});
    std::fs::write(facts.join("09_bad.json"), bad.to_string()).unwrap();
    let result = convert::build(&tmp, &dir);
    std::fs::remove_dir_all(&tmp).unwrap();
    let err = result.unwrap_err().to_string();
    assert!(
        err.contains("09_bad.json") && err.contains("invalid membership"),
        "{err}"
    );
}

#[test]
fn a_correction_replaces_the_reference_value_only_while_it_holds_the_old_one() {
    let Some(dir) = reference_dir() else { return };
    let tables = tables();
    let doc = convert_with(&dir, &tables, "corrections").unwrap();
    let add = doc["processes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "ADD")
        .unwrap();
    assert_eq!(
        add["name"],
        tables["corrections"]["processes"]["ADD"]["name"]["now"]
    );

    // The reference no longer holds `was`: the correction is stale, and fails.
    let mut stale = tables.clone();
    stale["corrections"]["processes"]["ADD"]["name"]["was"] = Value::from("Another name");
    let err = convert_with(&dir, &stale, "stale").unwrap_err();
    assert!(err.contains("corrections.processes.ADD.name"), "{err}");

    // A page that is not among the record's sources is refused.
    let mut uncited = tables.clone();
    uncited["corrections"]["processes"]["ADD"]["name"]["sources"] =
        serde_json::json!(["https://example.org/not-a-source"]);
    let err = convert_with(&dir, &uncited, "uncited").unwrap_err();
    assert!(err.contains("not a source"), "{err}");

    // A correction of a record the reference does not hold is refused.
    let mut unknown = tables.clone();
    unknown["corrections"]["processes"]["NO-SUCH-PROCESS"] =
        tables["corrections"]["processes"]["ADD"].clone();
    let err = convert_with(&dir, &unknown, "unknown").unwrap_err();
    assert!(err.contains("NO-SUCH-PROCESS"), "{err}");
}

#[test]
fn guatemala_chaired_the_rcm_once_with_all_three_pages() {
    let doc: Value = serde_json::from_str(&committed_text()).unwrap();
    let chairs: Vec<&Value> = doc["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| {
            m["member"]["state"] == "GTM" && m["body"]["process"] == "RCM" && m["role"] == "chair"
        })
        .collect();
    assert_eq!(chairs.len(), 1, "{chairs:?}");
    let sources = sources_of(chairs[0]);
    for page in [
        "https://www.iom.int/puebla-process",
        "http://crmsv.org/en/about-us/presidency-pro-t%C3%A9mpore",
        "https://programamesocaribe.iom.int/en/news/regional-conference-migrations-relaunch-process",
    ] {
        assert!(sources.contains(page), "{page} missing");
    }
}
