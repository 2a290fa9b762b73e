//! The Popolo export, validated against the Popolo project's published JSON
//! Schemas (vendored in tests/data/popolo/, see its README).
//!
//! The schemas are JSON Schema draft 3, which the `jsonschema` crate does not
//! implement. They use one draft-3 keyword with a different meaning in draft
//! 4: `"required": true` inside a property. [`draft4`] rewrites exactly that
//! (into the parent's `required` list) and the `$schema` line, and the
//! validator runs with draft 4 semantics and format checks on. Every other
//! keyword the schemas use (`type` with lists of type names, `properties`,
//! `items`, `$ref`, `pattern`, `format`) means the same in both drafts;
//! [`only_known_keywords`] fails if a schema uses anything else.

use std::path::PathBuf;
use std::sync::OnceLock;

use jsonschema::{Draft, Registry, Validator};
use serde_json::Value;

use crate::small;

const CLASSES: [(&str, &str); 4] = [
    ("organizations", "organization"),
    ("memberships", "membership"),
    ("posts", "post"),
    ("persons", "person"),
];

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/popolo")
}

fn schema_files() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(schema_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((name, serde_json::from_str(&text).unwrap()));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The draft-4 reading of a draft-3 schema: `"required": true` on a property
/// becomes the property's name in its parent's `required` list.
fn draft4(schema: &Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get_mut("properties") {
                    let mut required = Vec::new();
                    for (name, prop) in props.iter_mut() {
                        if let Value::Object(p) = prop
                            && p.remove("required") == Some(Value::Bool(true))
                        {
                            required.push(Value::String(name.clone()));
                        }
                    }
                    if !required.is_empty() {
                        map.insert("required".into(), Value::Array(required));
                    }
                }
                for (_, child) in map.iter_mut() {
                    walk(child);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v = schema.clone();
    walk(&mut v);
    v["$schema"] = Value::String("http://json-schema.org/draft-04/schema#".into());
    v
}

/// Every schema keyword of the vendored files (keys of a schema object, not
/// property names) is one whose meaning the draft-4 reading keeps.
#[test]
fn only_known_keywords() {
    const KNOWN: [&str; 11] = [
        "$schema",
        "id",
        "title",
        "description",
        "type",
        "properties",
        "items",
        "$ref",
        "pattern",
        "format",
        "required",
    ];
    fn walk(schema: &Value, file: &str) {
        let Value::Object(map) = schema else { return };
        for (key, value) in map {
            assert!(KNOWN.contains(&key.as_str()), "{file}: keyword {key}");
            match key.as_str() {
                "properties" => {
                    for prop in value.as_object().unwrap().values() {
                        walk(prop, file);
                    }
                }
                "items" => walk(value, file),
                "type" => {
                    // Draft 3 allows schemas inside `type`; these files do not.
                    let names: Vec<&Value> = match value {
                        Value::Array(list) => list.iter().collect(),
                        other => vec![other],
                    };
                    assert!(names.iter().all(|n| n.is_string()), "{file}: type {value}");
                }
                "required" => assert_eq!(value, &Value::Bool(true), "{file}"),
                _ => {}
            }
        }
    }
    let files = schema_files();
    assert!(
        files.len() >= 4,
        "schemas missing from {}",
        schema_dir().display()
    );
    for (name, schema) in &files {
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-03/schema#",
            "{name}"
        );
        walk(schema, name);
    }
}

/// One validator for a whole document: each of its four arrays holds
/// objects of its class's schema (a `$ref` to the vendored schema's id).
/// Built once for all tests: the schemas' many cross-references make
/// building take long.
fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let mut registry = Registry::new();
        for (_, schema) in &schema_files() {
            let id = schema["id"].as_str().unwrap().trim_end_matches('#').to_owned();
            registry = registry
                .add(id, Draft::Draft4.create_resource(draft4(schema)))
                .unwrap();
        }
        let registry = registry.prepare().unwrap();
        let mut properties = serde_json::Map::new();
        for (key, class) in CLASSES {
            properties.insert(
                key.to_owned(),
                serde_json::json!({
                    "type": "array",
                    "items": {"$ref": format!("http://www.popoloproject.com/schemas/{class}.json#")},
                }),
            );
        }
        let root = serde_json::json!({
            "$schema": "http://json-schema.org/draft-04/schema#",
            "type": "object",
            "required": CLASSES.map(|(key, _)| key),
            "properties": properties,
        });
        jsonschema::options()
            .with_draft(Draft::Draft4)
            .with_registry(&registry)
            .should_validate_formats(true)
            .build(&root)
            .unwrap()
    })
}

/// The document against the Popolo schemas; the problems.
fn problems(doc: &Value) -> Vec<String> {
    validator()
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_validators_refuse_what_the_schemas_refuse() {
    // The check must be able to fail: each of these breaks one schema rule.
    let bad = serde_json::json!({
        "organizations": [{"founding_date": "2001-1"}],
        "memberships": [{"start_date": "yesterday"}],
        "posts": [{"organization_id": 3}],
        // draft 3 `required: true` of link.url, through a $ref.
        "persons": [{"sources": [{"note": "no url"}]}, {"email": "not an email"}],
    });
    let found = problems(&bad);
    assert_eq!(found.len(), 5, "{found:#?}");
}

#[test]
fn the_small_dataset_is_valid_popolo() {
    let doc = migov::export::popolo::to_value(&small::dataset());
    assert_eq!(problems(&doc), Vec::<String>::new());
    for (key, _) in CLASSES {
        assert!(!doc[key].as_array().unwrap().is_empty(), "{key} empty");
    }
}

#[cfg(feature = "reference-data")]
#[test]
fn the_reference_dataset_is_valid_popolo() {
    let data = small::reference();
    let doc = migov::export::popolo::to_value(&data);
    assert_eq!(problems(&doc), Vec::<String>::new());
    let n = data.member_states().len() + data.processes().len() + data.partners().len();
    let orgs = doc["organizations"].as_array().unwrap();
    // IOM is a partner of the reference dataset; states without a record of
    // their own are added.
    let unrecorded: std::collections::BTreeSet<_> = data
        .memberships()
        .iter()
        .flat_map(|m| [m.member(), m.body()])
        .filter_map(|p| p.as_state())
        .filter(|c| data.member_state(*c).is_none())
        .collect();
    assert_eq!(orgs.len(), n + unrecorded.len());
}

/// Every id a document refers to is an object of it.
fn check_references(doc: &Value) {
    let ids = |key: &str| -> Vec<String> {
        doc[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let orgs = ids("organizations");
    let posts = ids("posts");
    let persons = ids("persons");
    for m in doc["memberships"].as_array().unwrap() {
        let org = m["organization_id"].as_str().unwrap();
        assert!(orgs.iter().any(|o| o == org), "{m}");
        if let Some(member) = m["member"]["id"].as_str() {
            assert!(orgs.iter().any(|o| o == member), "{m}");
        } else {
            let p = m["person_id"].as_str().unwrap();
            assert!(persons.iter().any(|x| x == p), "{m}");
        }
        if let Some(post) = m["post_id"].as_str() {
            assert!(posts.iter().any(|x| x == post), "{m}");
        }
    }
    for p in doc["posts"].as_array().unwrap() {
        let org = p["organization_id"].as_str().unwrap();
        assert!(orgs.iter().any(|o| o == org), "{p}");
    }
    let mut all: Vec<&String> = orgs.iter().chain(&posts).chain(&persons).collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), n, "an id is used twice");
}

#[test]
fn references_resolve_in_the_small_dataset() {
    check_references(&migov::export::popolo::to_value(&small::dataset()));
}

#[cfg(feature = "reference-data")]
#[test]
fn references_resolve_in_the_reference_dataset() {
    let doc = migov::export::popolo::to_value(&small::reference());
    check_references(&doc);
}

#[test]
fn memberships_offices_dates_and_sources_map_faithfully() {
    let data = small::dataset();
    let doc = migov::export::popolo::to_value(&data);
    let ms = doc["memberships"].as_array().unwrap();
    let chair = ms
        .iter()
        .find(|m| m["member"]["id"] == "state/GMB" && m["role"] == "Chair")
        .unwrap();
    assert_eq!(chair["organization_id"], "process/MIDWA");
    assert_eq!(chair["start_date"], "2019-06");
    assert_eq!(chair["end_date"], "2020-12-31");
    assert_eq!(chair["post_id"], "post/MIDWA/chair");
    let notes: Vec<&str> = chair["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["note"].as_str())
        .collect();
    assert_eq!(notes, ["disputed: another page gives 2018 for the start"]);
    let post = doc["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "post/MIDWA/chair")
        .unwrap();
    assert_eq!(post["label"], "Chair of Migration Dialogue for West Africa");

    // Russia: observer from 1992 until it became a member in 2020.
    let rus: Vec<&Value> = ms
        .iter()
        .filter(|m| m["member"]["id"] == "state/RUS")
        .collect();
    assert_eq!(rus.len(), 2);
    assert_eq!(
        (&rus[0]["role"], &rus[0]["start_date"], &rus[0]["end_date"]),
        (&"Observer".into(), &"1992".into(), &"2020".into())
    );
    assert_eq!(rus[1]["role"], "Member");
    assert!(rus[1].get("end_date").is_none());

    let sen = doc["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "state/SEN")
        .unwrap();
    assert_eq!(sen["sources"][0]["note"], "retrieved 2024-05");
    let midwa = doc["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "process/MIDWA")
        .unwrap();
    assert_eq!(midwa["founding_date"], "2001");
    assert_eq!(midwa["sources"][0]["note"], "IOM's page on MIDWA");
}

#[test]
fn people_at_events_are_persons_with_their_affiliations() {
    let doc = migov::export::popolo::to_value(&small::dataset());
    let persons = doc["persons"].as_array().unwrap();
    assert_eq!(persons.len(), 2);
    let diallo = &persons[0];
    assert_eq!(diallo["id"], "person/NIAMEY-WORKSHOP/speaker/1");
    assert_eq!(diallo["honorific_prefix"], "Dr");
    assert_eq!(diallo["contact_details"][0]["value"], "+227 20 00 00 00");
    let m = doc["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["person_id"] == "person/NIAMEY-WORKSHOP/speaker/1")
        .unwrap();
    assert_eq!(
        (&m["organization_id"], &m["role"]),
        (&"partner/IOM".into(), &"Head of Office".into())
    );
    assert_eq!(persons[1]["summary"], "Ministry of the Interior");
}

#[test]
fn a_group_of_states_is_an_organization_its_membership_names() {
    let doc = migov::export::popolo::to_value(&small::with_group());
    assert_eq!(problems(&doc), Vec::<String>::new());
    check_references(&doc);
    let group = doc["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "members_of/CP")
        .unwrap();
    assert_eq!(group["name"], "the members of Colombo Process");
    let in_add = doc["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["member"]["id"] == "members_of/CP")
        .count();
    assert_eq!(in_add, 1);
}
