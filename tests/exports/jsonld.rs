//! The JSON-LD export: valid JSON, every node with `@id` and `@type`, every
//! `urn:migov:` reference resolving to a node of the graph, every term and
//! datatype in the vendored vocabulary subset (tests/data/jsonld/), and
//! literals in their datatypes' lexical forms.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::small;

fn vocabulary() -> BTreeSet<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/jsonld/vocabulary.tsv"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect()
}

/// A compact IRI expanded with the document's context.
fn expand(context: &Value, term: &str) -> String {
    let (prefix, local) = term
        .split_once(':')
        .unwrap_or_else(|| panic!("{term} is not a compact IRI"));
    let ns = context[prefix]
        .as_str()
        .unwrap_or_else(|| panic!("prefix {prefix} of {term} not in the context"));
    format!("{ns}{local}")
}

#[derive(Default)]
struct Walk {
    nodes: BTreeMap<String, usize>,
    references: Vec<String>,
    terms: BTreeSet<String>,
    datatypes: Vec<(String, String)>,
    problems: Vec<String>,
}

impl Walk {
    fn value(&mut self, v: &Value, at: &str) {
        match v {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.value(item, &format!("{at}/{i}"));
                }
            }
            Value::Object(map) if map.contains_key("@value") => {
                let t = map["@type"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{at}: untyped literal"));
                self.datatypes
                    .push((t.to_owned(), map["@value"].as_str().unwrap().to_owned()));
            }
            Value::Object(map) if map.len() == 1 && map.contains_key("@id") => {
                self.references
                    .push(map["@id"].as_str().unwrap().to_owned());
            }
            Value::Object(map) => self.node(map, at),
            _ => {}
        }
    }

    fn node(&mut self, map: &serde_json::Map<String, Value>, at: &str) {
        match map.get("@id").and_then(Value::as_str) {
            Some(id) => *self.nodes.entry(id.to_owned()).or_default() += 1,
            None => self.problems.push(format!("{at}: node without @id")),
        }
        match map.get("@type") {
            Some(Value::String(t)) => {
                self.terms.insert(t.clone());
            }
            Some(Value::Array(ts)) if !ts.is_empty() => {
                for t in ts {
                    self.terms.insert(t.as_str().unwrap().to_owned());
                }
            }
            _ => self.problems.push(format!("{at}: node without @type")),
        }
        for (key, v) in map {
            if key.starts_with('@') {
                continue;
            }
            self.terms.insert(key.clone());
            self.value(v, &format!("{at}/{key}"));
        }
    }
}

fn lexical_ok(datatype: &str, value: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = value.split('-').collect();
    match datatype {
        "xsd:gYear" => value.len() == 4 && digits(value),
        "xsd:gYearMonth" => {
            parts.len() == 2
                && parts[0].len() == 4
                && parts[1].len() == 2
                && parts.iter().all(|p| digits(p))
        }
        "xsd:date" => value.parse::<migov::chrono::NaiveDate>().is_ok() && value.len() == 10,
        "xsd:gMonthDay" => value.parse::<migov::MonthDay>().is_ok(),
        "xsd:duration" => value
            .strip_prefix('P')
            .and_then(|r| r.strip_suffix('D'))
            .is_some_and(digits),
        _ => false,
    }
}

fn check(doc: &Value) -> Walk {
    // Valid JSON: the text parses back to the same value.
    let text = serde_json::to_string(doc).unwrap();
    assert_eq!(&serde_json::from_str::<Value>(&text).unwrap(), doc);

    let context = &doc["@context"];
    let mut walk = Walk::default();
    for (i, node) in doc["@graph"].as_array().unwrap().iter().enumerate() {
        walk.node(node.as_object().unwrap(), &format!("@graph/{i}"));
    }
    assert_eq!(walk.problems, Vec::<String>::new());
    // Graph nodes are unique (embedded web pages may repeat: they are the
    // same node, written alike each time).
    for node in doc["@graph"].as_array().unwrap() {
        let id = node["@id"].as_str().unwrap();
        assert!(id.starts_with("urn:migov:"), "{id}");
    }
    let top: Vec<&str> = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["@id"].as_str().unwrap())
        .collect();
    let unique: BTreeSet<&str> = top.iter().copied().collect();
    assert_eq!(unique.len(), top.len(), "a graph node is written twice");
    for r in &walk.references {
        assert!(
            r.starts_with("urn:migov:"),
            "reference outside the graph: {r}"
        );
        assert!(walk.nodes.contains_key(r), "unresolved reference {r}");
    }
    let vocab = vocabulary();
    for term in &walk.terms {
        let iri = expand(context, term);
        assert!(
            vocab.contains(&iri),
            "{term} ({iri}) is not in the vocabulary subset"
        );
    }
    for (datatype, value) in &walk.datatypes {
        assert!(vocab.contains(&expand(context, datatype)), "{datatype}");
        assert!(lexical_ok(datatype, value), "{value:?} is not a {datatype}");
    }
    walk
}

#[test]
fn the_checks_can_fail() {
    let bad = serde_json::json!({
        "@context": migov::export::jsonld::context(),
        "@graph": [{"@id": "urn:migov:x", "@type": "schema:Organisation"}],
    });
    let caught = std::panic::catch_unwind(|| check(&bad));
    assert!(caught.is_err(), "an unknown class passed");
    let dangling = serde_json::json!({
        "@context": migov::export::jsonld::context(),
        "@graph": [{"@id": "urn:migov:x", "@type": "schema:Event", "schema:organizer": {"@id": "urn:migov:y"}}],
    });
    assert!(
        std::panic::catch_unwind(|| check(&dangling)).is_err(),
        "a dangling reference passed"
    );
    assert!(!lexical_ok("xsd:gYear", "2001-01"));
    assert!(!lexical_ok("xsd:date", "2001-02-30"));
}

#[test]
fn the_small_dataset_is_a_consistent_graph() {
    let data = small::dataset();
    let doc = migov::export::jsonld::to_value(&data);
    let walk = check(&doc);
    for m in 0..data.memberships().len() {
        assert!(
            walk.nodes
                .contains_key(&format!("urn:migov:membership:{m}"))
        );
    }
}

#[cfg(feature = "reference-data")]
#[test]
fn the_reference_dataset_is_a_consistent_graph() {
    let data = small::reference();
    let doc = migov::export::jsonld::to_value(&data);
    check(&doc);
    let typed = |t: &str| {
        doc["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| {
                n["@type"] == t
                    || n["@type"]
                        .as_array()
                        .is_some_and(|ts| ts.iter().any(|x| x == t))
            })
            .count()
    };
    assert_eq!(typed("schema:Event"), data.events().len());
    assert_eq!(typed("org:Membership"), data.memberships().len());
    let n = data.member_states().len() + data.processes().len() + data.partners().len();
    assert!(typed("org:Organization") >= n);
}

fn node<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@id"] == id)
        .unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn memberships_events_and_countries_map_faithfully() {
    let doc = migov::export::jsonld::to_value(&small::dataset());
    let chair = doc["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["org:role"]["@id"] == "urn:migov:role:chair")
        .unwrap();
    assert_eq!(chair["org:member"]["@id"], "urn:migov:state:GMB");
    assert_eq!(chair["org:organization"]["@id"], "urn:migov:process:MIDWA");
    assert_eq!(
        chair["schema:startDate"],
        serde_json::json!({"@value": "2019-06", "@type": "xsd:gYearMonth"})
    );
    assert_eq!(
        chair["schema:endDate"],
        serde_json::json!({"@value": "2020-12-31", "@type": "xsd:date"})
    );
    let urls: Vec<&str> = chair["schema:subjectOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["@id"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://www.iom.int/midwa",
            "https://example.org/midwa-2018"
        ]
    );

    let gmb = node(&doc, "urn:migov:state:GMB");
    let member_of: Vec<&Value> = gmb["schema:memberOf"].as_array().unwrap().iter().collect();
    assert_eq!(member_of.len(), 2);
    let country = node(&doc, "urn:migov:country:GMB");
    assert_eq!(
        country["schema:identifier"],
        serde_json::json!(["GMB", "GM"])
    );

    let banjul = node(&doc, "urn:migov:event:BANJUL-DIALOGUE");
    assert_eq!(
        banjul["schema:startDate"],
        serde_json::json!({"@value": "--07-25", "@type": "xsd:gMonthDay"})
    );
    let niamey = node(&doc, "urn:migov:event:NIAMEY-WORKSHOP");
    assert_eq!(
        niamey["schema:location"]["schema:address"]["schema:addressCountry"],
        "NE"
    );
    assert_eq!(
        niamey["schema:organizer"],
        serde_json::json!([{"@id": "urn:migov:partner:IOM"}])
    );
    assert_eq!(niamey["schema:attendee"].as_array().unwrap().len(), 2);
    assert_eq!(
        niamey["schema:performer"][0]["schema:jobTitle"],
        "Head of Office"
    );
}

#[test]
fn a_group_of_states_is_a_node_with_its_membership() {
    let doc = migov::export::jsonld::to_value(&small::with_group());
    let walk = check(&doc);
    assert!(walk.nodes.contains_key("urn:migov:members_of:CP"));
    let group = node(&doc, "urn:migov:members_of:CP");
    assert_eq!(group["schema:name"], "the members of Colombo Process");
    assert_eq!(group["schema:memberOf"].as_array().unwrap().len(), 1);
}
