//! The committed JSON Schema (`schema/dataset.schema.json`): it matches the
//! types, and the reference dataset validates against it with an independent
//! JSON Schema validator.

#![cfg(feature = "schemars")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn schema_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/dataset.schema.json")
}

fn committed_text() -> String {
    std::fs::read_to_string(schema_path()).expect("schema/dataset.schema.json is readable")
}

fn committed() -> Value {
    serde_json::from_str(&committed_text()).expect("schema/dataset.schema.json is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&committed()).expect("the committed schema compiles")
}

/// Every validation error, one per line, with its JSON Pointer.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

const REGENERATE: &str =
    "regenerate it with `cargo run --example write_schema --features schemars` and review the diff";

#[test]
fn committed_schema_matches_the_types() {
    let generated = migov::json::schema();
    assert!(
        committed() == generated,
        "schema/dataset.schema.json no longer matches the Rust types: {REGENERATE}"
    );
    let mut text = serde_json::to_string_pretty(&generated).unwrap();
    text.push('\n');
    assert!(
        committed_text() == text,
        "schema/dataset.schema.json is not in its generated layout: {REGENERATE}"
    );
}

#[test]
fn schema_is_valid_draft_2020_12_without_id() {
    let schema = committed();
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("the committed schema is not a valid draft 2020-12 schema: {e}");
    }
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema.get("$id").is_none());
    assert_eq!(migov::json::schema(), migov::json::schema());
}

#[cfg(feature = "reference-data")]
#[test]
fn reference_dataset_validates() {
    let doc: Value = serde_json::from_str(migov::reference::JSON).unwrap();
    let errs = errors(&validator(), &doc);
    assert!(
        errs.is_empty(),
        "the reference dataset does not validate:\n{}",
        errs.join("\n")
    );
}

#[test]
fn test_data_files_validate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let validator = validator();
    for name in ["valid.json"] {
        let path = dir.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let doc: Value = serde_json::from_str(&text).unwrap();
        let errs = errors(&validator, &doc);
        assert!(
            errs.is_empty(),
            "{} does not validate:\n{}",
            path.display(),
            errs.join("\n")
        );
        assert!(migov::Dataset::from_json_str(&text).is_ok());
    }
}

/// A small document that both the schema and the loader accept.
fn minimal() -> Value {
    json!({
        "schema_version": "1",
        "member_states": [{
            "country": "SEN",
            "status": [{"status": "member", "since": "1979"}],
            "gcm_champion": {"value": true},
            "iom_presence_since": "1979",
            "sources": [
                "https://www.iom.int/",
                {"url": "https://www.iom.int/midwa", "retrieved": "2026-11", "note": "Members"}
            ]
        }],
        "processes": [{
            "id": "MIDWA",
            "name": "Migration Dialogue for West Africa",
            "kind": "regional_consultative_process",
            "established": "2001",
            "established_alternatives": [{"value": "2000-05", "note": "another page"}]
        }],
        "projects": [{
            "id": "E40-800",
            "title": "International Migration Policy (IMP) Workshop - West Africa",
            "external_ids": [{"scheme": "idf", "value": "E40-800"}],
            "status": "completed",
            "start": "2001", "end": "2001", "year": 2001, "duration_months": 12,
            "amounts": [{"kind": "budget", "amount": "32000.00", "currency": "USD"}],
            "coverage": "regional",
            "benefiting_states": ["SEN"],
            "related_processes": ["MIDWA"]
        }],
        "events": [{
            "id": "midwa-2024",
            "title": "MIDWA ministerial conference",
            "start": "--07-25",
            "duration_days": 1,
            "agenda": [{"date": "2024-07-25", "sessions": [{"start": "09:30", "title": "Opening"}]}],
            "parties": [{"party": {"process": "MIDWA"}, "role": "organiser"}],
            "outcomes": [{"title": "Declaration", "kind": "declaration", "url": "https://www.iom.int/"}]
        }],
        "memberships": [{
            "member": {"state": "SEN"},
            "body": {"process": "MIDWA"},
            "role": "member",
            "start": "2001"
        }]
    })
}

#[test]
fn minimal_document_is_accepted_by_schema_and_loader() {
    let doc = minimal();
    let errs = errors(&validator(), &doc);
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    if let Err(e) = migov::Dataset::from_json_str(&doc.to_string()) {
        panic!("the loader rejects the minimal document:\n{e}");
    }
}

/// The EDTF level 1 forms of `PartialDate` are valid in the format, in the
/// schema and in the loader alike; the forms outside the subset are refused by both.
#[test]
fn edtf_level_1_dates_are_accepted_and_others_refused_by_schema_and_loader() {
    let validator = validator();
    for text in [
        "1984?",
        "2001~",
        "2001-06%",
        "2001-06-11?",
        "200X",
        "20XX",
        "2001-XX",
        "2001-XX-XX",
        "2001-06-XX",
    ] {
        let mut doc = minimal();
        *doc.pointer_mut("/memberships/0/start").unwrap() = json!(text);
        *doc.pointer_mut("/processes/0/established").unwrap() = json!(text);
        let errs = errors(&validator, &doc);
        assert!(
            errs.is_empty(),
            "schema refuses {text}: {}",
            errs.join("\n")
        );
        let data = migov::Dataset::from_json_str(&doc.to_string())
            .unwrap_or_else(|e| panic!("loader refuses {text}: {e}"));
        let start = data.memberships().first().and_then(|m| m.period().start());
        assert_eq!(start.map(|d| d.to_string()).as_deref(), Some(text));
    }
    for text in [
        "199X~",
        "2001-XX?",
        "199X-05",
        "2001-XX-05",
        "000X",
        "XXXX",
        "2001x",
        "2001-?06",
    ] {
        let mut doc = minimal();
        *doc.pointer_mut("/memberships/0/start").unwrap() = json!(text);
        assert!(!validator.is_valid(&doc), "schema accepts {text}");
        assert!(
            migov::Dataset::from_json_str(&doc.to_string()).is_err(),
            "loader accepts {text}"
        );
    }
}

/// IDF codes and Prima ids as pages print them: read in any case, written in capitals.
#[test]
fn idf_codes_and_prima_ids_load_in_any_case_and_save_in_capitals() {
    let validator = validator();
    let mut doc = minimal();
    *doc.pointer_mut("/projects/0/external_ids").unwrap() = json!([
        {"scheme": "idf", "value": "e40-800"},
        {"scheme": "prima", "value": "hn10p0503"}
    ]);
    assert!(errors(&validator, &doc).is_empty());
    let data = migov::Dataset::from_json_str(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let project = data
        .project(&migov::ProjectId::new("E40-800").unwrap())
        .unwrap();
    assert_eq!(project.idf_code().map(|c| c.as_str()), Some("E40-800"));
    assert_eq!(project.prima_id().map(|c| c.as_str()), Some("HN10P0503"));
    let saved: Value = serde_json::from_str(&data.to_json_string()).unwrap();
    assert_eq!(
        saved.pointer("/projects/0/external_ids").unwrap(),
        &json!([
            {"scheme": "idf", "value": "E40-800"},
            {"scheme": "prima", "value": "HN10P0503"}
        ])
    );

    *doc.pointer_mut("/projects/0/external_ids/1/value").unwrap() = json!("HN10P053");
    let err = migov::Dataset::from_json_str(&doc.to_string()).unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.contains("/projects/0/external_ids/1/value"),
        "{shown}"
    );
    assert!(shown.contains(r#"invalid Prima ID "HN10P053""#), "{shown}");
}

#[test]
fn invalid_documents_are_rejected_by_schema_and_loader() {
    let validator = validator();
    let cases: Vec<(&str, &str, Value)> = vec![
        (
            "amount as a number",
            "/projects/0/amounts/0/amount",
            json!(32000.0),
        ),
        ("bad date shape", "/projects/0/start", json!("2001-1")),
        ("year 0000", "/projects/0/end", json!("0000")),
        (
            "lowercase country",
            "/projects/0/benefiting_states/0",
            json!("sen"),
        ),
        (
            "bad time",
            "/events/0/agenda/0/sessions/0/start",
            json!("24:00"),
        ),
        ("blank code", "/projects/0/status", json!(" ")),
        ("bad id", "/processes/0/id", json!("MID WA")),
        (
            "bad url",
            "/member_states/0/sources/0",
            json!("www.iom.int"),
        ),
        (
            "bad status",
            "/member_states/0/status/0/status",
            json!("members"),
        ),
        ("wrong version", "/schema_version", json!("2")),
        ("zero months", "/projects/0/duration_months", json!(0)),
        ("zero days", "/events/0/duration_days", json!(0)),
        (
            "bad outcome url",
            "/events/0/outcomes/0/url",
            json!("www.iom.int"),
        ),
        (
            "a champion flag without its value",
            "/member_states/0/gcm_champion",
            json!({"as_of": "2023-11"}),
        ),
    ];
    for (what, pointer, value) in cases {
        let mut doc = minimal();
        *doc.pointer_mut(pointer).unwrap() = value;
        assert!(!validator.is_valid(&doc), "schema accepts {what}");
        assert!(
            migov::Dataset::from_json_str(&doc.to_string()).is_err(),
            "loader accepts {what}"
        );
    }

    let unknown: Vec<(&str, &str)> = vec![
        ("unknown top-level field", ""),
        ("unknown project field", "/projects/0"),
        ("unknown amount field", "/projects/0/amounts/0"),
        ("unknown source field", "/member_states/0/sources/1"),
        ("unknown party key", "/memberships/0/member"),
    ];
    for (what, pointer) in unknown {
        let mut doc = minimal();
        doc.pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert("colour".to_owned(), json!("blue"));
        assert!(!validator.is_valid(&doc), "schema accepts {what}");
        assert!(
            migov::Dataset::from_json_str(&doc.to_string()).is_err(),
            "loader accepts {what}"
        );
    }

    let mut doc = minimal();
    doc.as_object_mut().unwrap().remove("schema_version");
    assert!(
        !validator.is_valid(&doc),
        "schema accepts a missing schema_version"
    );
}

/// `doc` with the member `key` of the object at `pointer` set to `value`.
fn with_member(pointer: &str, key: &str, value: Value) -> Value {
    let mut doc = minimal();
    doc.pointer_mut(pointer)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert(key.to_owned(), value);
    doc
}

#[test]
fn null_is_absent_for_optional_values_in_schema_and_loader() {
    let validator = validator();
    // An optional single value given as `null`: both accept it, and the
    // loader reads it as if the key were left out.
    let nullable = [
        ("/member_states/0", "name"),
        ("/member_states/0", "gcm_champion"),
        ("/member_states/0", "iom_presence_since"),
        ("/processes/0", "kind"),
        ("/processes/0", "stated_member_count"),
        ("/processes/0/established_alternatives/0", "note"),
        ("/projects/0", "year"),
        ("/projects/0", "end"),
        ("/projects/0", "duration_months"),
        ("/projects/0/amounts/0", "note"),
        ("/events/0", "end"),
        ("/events/0", "duration_days"),
        ("/events/0/agenda/0/sessions/0", "end"),
        ("/memberships/0", "scope"),
        ("/memberships/0", "dispute"),
    ];
    for (pointer, key) in nullable {
        let doc = with_member(pointer, key, Value::Null);
        let errs = errors(&validator, &doc);
        assert!(errs.is_empty(), "{pointer}/{key}: {}", errs.join("\n"));
        let loaded = migov::Dataset::from_json_str(&doc.to_string())
            .unwrap_or_else(|e| panic!("{pointer}/{key}: {e}"));
        let mut without = doc.clone();
        without
            .pointer_mut(pointer)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove(key);
        let expected = migov::Dataset::from_json_str(&without.to_string()).unwrap();
        assert_eq!(loaded, expected, "{pointer}/{key}");
        assert!(!loaded.to_json_string().contains("null"));
    }
    // Lists, `online`, required fields and the keys of a source object are never `null`.
    let not_nullable = [
        ("", "projects"),
        ("/projects/0", "benefiting_states"),
        ("/projects/0", "title"),
        ("/events/0", "online"),
        ("/memberships/0", "member"),
        ("/member_states/0/sources/1", "note"),
        ("/member_states/0/sources/1", "retrieved"),
    ];
    for (pointer, key) in not_nullable {
        let doc = with_member(pointer, key, Value::Null);
        assert!(
            !validator.is_valid(&doc),
            "schema accepts {pointer}/{key}: null"
        );
        let err = migov::Dataset::from_json_str(&doc.to_string())
            .err()
            .unwrap_or_else(|| panic!("loader accepts {pointer}/{key}: null"));
        // Refused at the key itself (a party reads `null` as no party: `value.invalid`).
        let problem = &err.problems()[0];
        assert_eq!(problem.pointer(), format!("{pointer}/{key}"), "{err}");
        assert!(
            [migov::Rule::WrongType, migov::Rule::InvalidValue].contains(&problem.rule()),
            "{pointer}/{key}: {err}"
        );
    }
}

/// The JSON Schema of one entity type, as `schemars` gives it.
fn entity_schema<T: schemars::JsonSchema>() -> jsonschema::Validator {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    jsonschema::draft202012::new(&schema).expect("the entity schema compiles")
}

/// Every record's serde form validates against its entity's schema, and a
/// record with a field the format does not have is refused by it.
fn entity_schema_accepts<T: schemars::JsonSchema + serde::Serialize>(records: &[T]) {
    let validator = entity_schema::<T>();
    assert!(!records.is_empty());
    for record in records {
        let mut json = serde_json::to_value(record).unwrap();
        let found = errors(&validator, &json);
        assert!(found.is_empty(), "{json}: {found:?}");
        json["no_such_field"] = json!(1);
        assert!(!errors(&validator, &json).is_empty(), "{json}");
    }
}

#[cfg(feature = "reference-data")]
#[test]
fn entities_have_schemas_that_their_serde_forms_meet() {
    let data = migov::reference::dataset().unwrap();
    entity_schema_accepts(data.member_states());
    entity_schema_accepts(data.processes());
    entity_schema_accepts(data.partners());
    entity_schema_accepts(data.projects());
    entity_schema_accepts(data.events());
    entity_schema_accepts(data.memberships());
}
