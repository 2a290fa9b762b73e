//! Hostile and malformed input: every case names its rule and pointer, and no dataset escapes.

use migov::{Dataset, LoadErrors, Money, Rule};
use serde_json::{Value, json};

use crate::util::{assert_one, data, found, refused};

/// A project record that loads without findings.
fn project() -> Value {
    json!({"id": "P-1", "title": "A project", "benefiting_states": ["SEN"], "sources": ["https://www.iom.int/"]})
}

/// A process record that loads without findings.
fn process(id: &str) -> Value {
    json!({"id": id, "name": "A process", "sources": ["https://www.iom.int/"]})
}

/// A dataset document holding `records` under `collection`.
fn doc(collection: &str, records: Vec<Value>) -> String {
    let mut d = json!({"schema_version": "1"});
    d[collection] = Value::Array(records);
    d.to_string()
}

/// The good project with `field` set to `value`.
fn project_with(field: &str, value: Value) -> String {
    let mut p = project();
    p[field] = value;
    doc("projects", vec![p])
}

/// The good project with one amount whose `field` is `value`.
fn amount_with(field: &str, value: Value) -> String {
    let mut a = json!({"kind": "budget", "amount": "32000.00", "currency": "USD"});
    a[field] = value;
    project_with("amounts", json!([a]))
}

/// Asserts one syntax error of the whole document, with a line and column.
#[track_caller]
fn assert_syntax(errors: &LoadErrors) {
    assert_eq!(
        found(errors),
        vec![(String::new(), "json.syntax")],
        "{errors}"
    );
    assert!(errors.problems()[0].line_column().is_some(), "{errors}");
}

#[test]
fn the_good_records_load() {
    Dataset::from_json_str(&doc("projects", vec![project()])).unwrap();
    Dataset::from_json_str(&doc("processes", vec![process("MIDWA")])).unwrap();
}

#[test]
fn empty_input() {
    assert_syntax(&refused(Dataset::from_json_str("")));
    assert_syntax(&refused(Dataset::from_json_str("  \n ")));
    assert_syntax(&refused(Dataset::from_json_slice(b"")));
}

#[test]
fn not_an_object() {
    assert_one("null", "", "json.wrong_type");
    assert_one("true", "", "json.wrong_type");
    assert_one("\"1\"", "", "json.wrong_type");
    assert_one("1", "", "json.wrong_type");
    // An array is not an object, even one whose items line up with the fields.
    assert_one("[]", "", "json.wrong_type");
    assert_one("[\"1\"]", "", "json.wrong_type");
    assert_one("[\"1\", [], [], [], [], [], []]", "", "json.wrong_type");
}

#[test]
fn record_as_an_array() {
    // A project given as the list of its fields in order.
    let text = doc("projects", vec![json!(["P-1", "A project"])]);
    assert_one(&text, "/projects/0", "json.wrong_type");
    assert_one(
        &doc("projects", vec![json!([])]),
        "/projects/0",
        "json.wrong_type",
    );
}

#[test]
fn nested_object_as_an_array() {
    // serde's derived structs take an array of the fields in order; migov's
    // format does not, at any depth.
    let text = project_with("amounts", json!([["budget", "32000.00", "USD"]]));
    assert_one(&text, "/projects/0/amounts/0", "json.wrong_type");
    let text = project_with(
        "organizations",
        json!([{"partner": "GOV-JPN", "role": "funder"}, ["GOV-JPN", "funder"]]),
    );
    assert_one(&text, "/projects/0/organizations/1", "json.wrong_type");
    let event = json!({
        "id": "EV-1",
        "title": "A workshop",
        "agenda": [{"date": "2015-07-29", "sessions": [["10:00", "13:00", "Opening"]]}],
        "sources": ["https://www.iom.int/"]
    });
    assert_one(
        &doc("events", vec![event]),
        "/events/0/agenda/0/sessions/0",
        "json.wrong_type",
    );
}

#[test]
fn collection_of_the_wrong_type() {
    let text = r#"{"schema_version": "1", "projects": {}}"#;
    assert_one(text, "/projects", "json.wrong_type");
    let text = r#"{"schema_version": "1", "projects": null}"#;
    assert_one(text, "/projects", "json.wrong_type");
    let text = r#"{"schema_version": "1", "projects": ["P-1"]}"#;
    assert_one(text, "/projects/0", "json.wrong_type");
}

#[test]
fn trailing_characters() {
    let errors = refused(Dataset::from_json_str(r#"{"schema_version": "1"} x"#));
    assert_syntax(&errors);
    assert_eq!(errors.problems()[0].line_column(), Some((1, 25)));
}

#[test]
fn truncated_at_every_97th_byte() {
    let text = data("valid.json");
    let whole: Value = serde_json::from_str(&text).unwrap();
    let bytes = text.as_bytes();
    let mut checked = 0;
    for cut in (0..bytes.len()).step_by(97) {
        let errors = refused(Dataset::from_json_slice(&bytes[..cut]));
        let first = &errors.problems()[0];
        assert_eq!(errors.problems().len(), 1, "cut at {cut}: {errors}");
        assert_eq!(first.rule(), Rule::Syntax, "cut at {cut}: {errors}");
        // A syntax error's pointer says how far reading got: it is a place
        // in the uncut document ("" when the cut is before the first record).
        let pointer = first.pointer();
        assert!(whole.pointer(&pointer).is_some(), "cut at {cut}: {pointer}");
        assert!(first.line_column().is_some(), "cut at {cut}: {errors}");
        checked += 1;
    }
    assert!(checked > 50);
}

#[test]
fn invalid_utf8() {
    let errors = refused(Dataset::from_json_slice(
        b"{\"schema_version\": \"1\",\n \"x\": \"\xff\"}",
    ));
    assert_syntax(&errors);
    assert_eq!(errors.problems()[0].line_column(), Some((2, 8)));
    assert!(errors.problems()[0].message().contains("UTF-8"));
    // Also through a reader.
    let errors = refused(Dataset::from_json_reader(&b"{\"a\xc3\x28\": 1}"[..]));
    assert_syntax(&errors);
}

#[test]
fn byte_order_mark() {
    let errors = refused(Dataset::from_json_str(
        "\u{feff}{\"schema_version\": \"1\"}",
    ));
    assert_syntax(&errors);
    assert_eq!(errors.problems()[0].line_column(), Some((1, 1)));
    let errors = refused(Dataset::from_json_slice(
        b"\xef\xbb\xbf{\"schema_version\": \"1\"}",
    ));
    assert_syntax(&errors);
}

#[test]
fn an_end_of_file_after_a_newline_is_at_column_one() {
    // serde_json says column 0 there; columns count from 1.
    let errors = refused(Dataset::from_json_str("{\n  \"projects\": [\n"));
    assert_eq!(errors.problems()[0].rule(), migov::Rule::Syntax);
    assert_eq!(errors.problems()[0].line_column(), Some((3, 1)));
}

/// Runs `f` on a thread with a 256 KiB stack: deep input must not recurse deeply.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deeply_nested_arrays() {
    on_small_stack(|| {
        const DEPTH: usize = 100_000;
        let deep = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
        let in_unknown_field = format!(r#"{{"schema_version": "1", "bogus": {deep}}}"#);
        assert_one(&in_unknown_field, "/bogus", "json.unknown_field");
        let as_record = format!(r#"{{"schema_version": "1", "projects": [{deep}]}}"#);
        assert_one(&as_record, "/projects/0", "json.wrong_type");
        let in_a_record = format!(
            r#"{{"schema_version": "1", "projects": [{{"id": "P-1", "title": "t", "notes": {deep}}}]}}"#
        );
        assert_one(&in_a_record, "/projects/0/notes/0", "json.wrong_type");
        assert_one(&deep, "", "json.wrong_type");
        let deep_objects = format!("{}1{}", r#"{"a":"#.repeat(DEPTH), "}".repeat(DEPTH));
        let as_record = format!(r#"{{"schema_version": "1", "projects": [{deep_objects}]}}"#);
        assert_one(&as_record, "/projects/0/a", "json.unknown_field");
        // Cut short, still a syntax error.
        let open = "[".repeat(DEPTH);
        let errors = refused(Dataset::from_json_str(&open));
        assert_eq!(errors.problems()[0].rule(), Rule::Syntax);
    });
}

#[test]
fn huge_strings_give_short_messages() {
    let big = "x".repeat(50_000_000);
    // A 50 MB title, in a record with a fault elsewhere.
    let mut p = project();
    p["title"] = json!(big);
    p["benefiting_states"] = json!(5);
    let errors = assert_one(
        &doc("projects", vec![p]),
        "/projects/0/benefiting_states",
        "json.wrong_type",
    );
    assert!(
        errors.to_string().len() < 2048,
        "{} bytes",
        errors.to_string().len()
    );
    // A 50 MB identifier: quoted, but only in part.
    let errors = assert_one(
        &project_with("id", json!(big)),
        "/projects/0/id",
        "value.invalid",
    );
    let shown = errors.to_string();
    assert!(shown.len() < 2048, "{} bytes", shown.len());
    assert!(shown.contains("50000000 bytes"), "{shown}");
    for p in errors.problems() {
        assert!(p.to_string().len() < 2048);
        assert!(p.message().len() < 2048);
    }
    // A 1 MB unknown key: the pointer names it whole, the Display does not.
    let key = "k".repeat(1_000_000);
    let errors = assert_one(
        &project_with(&key, json!(1)),
        &format!("/projects/0/{key}"),
        "json.unknown_field",
    );
    assert!(
        errors.to_string().len() < 2048,
        "{} bytes",
        errors.to_string().len()
    );
}

#[test]
fn many_faults_in_one_record_are_bounded() {
    // 20 000 good entries, then 1 000 bad ones: each is reported at its own
    // position, up to the bound of 64 problems per record.
    let mut states: Vec<Value> = vec![json!("SEN"); 20_000];
    states.extend((0..1_000).map(|i| json!(format!("X{i}"))));
    let mut p = project();
    p["benefiting_states"] = Value::Array(states);
    let errors = refused(Dataset::from_json_str(&doc("projects", vec![p])));
    let expected: Vec<(String, &str)> = (20_000..20_064)
        .map(|i| {
            (
                format!("/projects/0/benefiting_states/{i}"),
                "value.invalid",
            )
        })
        .collect();
    assert_eq!(found(&errors), expected);
    // The bound is per record: a second such record reports its own.
    let bad = || {
        let mut p = project();
        p["benefiting_states"] = json!(["X1", "X2"]);
        p["year"] = json!("2001");
        p
    };
    let errors = refused(Dataset::from_json_str(&doc("projects", vec![bad(), bad()])));
    assert_eq!(errors.problems().len(), 6, "{errors}");
}

#[test]
fn duplicate_keys() {
    let text = r#"{"schema_version": "1", "projects": [{"id": "P-1", "title": "t", "title": "u", "benefiting_states": ["SEN"], "sources": ["https://www.iom.int/"]}]}"#;
    assert_one(text, "/projects/0/title", "json.duplicate_field");
    let text = r#"{"schema_version": "1", "projects": [], "projects": []}"#;
    assert_one(text, "/projects", "json.duplicate_field");
    let text = r#"{"schema_version": "1", "schema_version": "1"}"#;
    assert_one(text, "/schema_version", "json.duplicate_field");
}

#[test]
fn duplicate_identifiers() {
    let text = doc(
        "processes",
        vec![process("MIDWA"), process("MIDCAS"), process("MIDWA")],
    );
    let errors = assert_one(&text, "/processes/2/id", "id.duplicate");
    assert!(errors.problems()[0].message().contains("\"MIDWA\""));
    let state = json!({"country": "SEN", "sources": ["https://www.iom.int/"]});
    let text = doc("member_states", vec![state.clone(), state]);
    assert_one(&text, "/member_states/1/country", "id.duplicate");
}

#[test]
fn dangling_references() {
    let mut p = project();
    p["organizations"] = json!([{"partner": "GOV-XXX", "role": "funder"}]);
    p["related_processes"] = json!(["NOWHERE"]);
    let errors = refused(Dataset::from_json_str(&doc("projects", vec![p])));
    assert_eq!(
        found(&errors),
        vec![
            (
                "/projects/0/organizations/0/partner".to_owned(),
                "ref.dangling"
            ),
            ("/projects/0/related_processes/0".to_owned(), "ref.dangling"),
        ],
        "{errors}"
    );
    let text = r#"{"schema_version": "1", "memberships": [{"member": {"state": "SEN"}, "body": {"process": "MIDWA"}, "role": "member", "sources": ["https://www.iom.int/"]}]}"#;
    assert_one(text, "/memberships/0/body", "ref.dangling");
}

#[test]
fn wrong_types_in_every_field_kind() {
    // (field, values of the wrong JSON type) for each kind of field of a project.
    let cases: &[(&str, &[Value])] = &[
        // required string
        (
            "title",
            &[json!(1), json!(true), json!([]), json!({}), Value::Null],
        ),
        // identifier
        (
            "id",
            &[
                json!(800),
                json!(false),
                json!(["E40-800"]),
                json!({}),
                Value::Null,
            ],
        ),
        // optional string
        (
            "description",
            &[json!(1), json!(true), json!([]), json!({})],
        ),
        // list
        (
            "benefiting_states",
            &[json!("SEN"), json!(1), json!(true), json!({}), Value::Null],
        ),
        // number
        (
            "year",
            &[
                json!("2001"),
                json!(true),
                json!([2001]),
                json!({}),
                json!(2001.5),
            ],
        ),
        // date
        ("start", &[json!(2001), json!(true), json!([]), json!({})]),
        // code
        (
            "status",
            &[json!(1), json!(false), json!(["completed"]), json!({})],
        ),
    ];
    for (field, values) in cases {
        for value in *values {
            let text = project_with(field, value.clone());
            let errors = refused(Dataset::from_json_str(&text));
            assert_eq!(
                found(&errors),
                vec![(format!("/projects/0/{field}"), "json.wrong_type")],
                "{field} = {value}: {errors}"
            );
        }
    }
    // A list of the wrong item type.
    assert_one(
        &project_with("benefiting_states", json!([1])),
        "/projects/0/benefiting_states/0",
        "json.wrong_type",
    );
    // An object field (an amount) given as a string.
    assert_one(
        &project_with("amounts", json!(["32000.00 USD"])),
        "/projects/0/amounts/0",
        "json.wrong_type",
    );
    // A boolean field.
    for value in [json!("true"), json!(1), json!([]), json!({})] {
        let event = json!({"id": "E-1", "title": "t", "online": value, "sources": ["https://www.iom.int/"]});
        assert_one(
            &doc("events", vec![event]),
            "/events/0/online",
            "json.wrong_type",
        );
    }
    // null where a value is optional means absent (the canonical form omits it).
    Dataset::from_json_str(&project_with("description", Value::Null)).unwrap();
}

#[test]
fn numbers_too_large() {
    let text = r#"{"schema_version": "1", "projects": [{"id": "P-1", "title": "t", "year": 1e400, "benefiting_states": ["SEN"], "sources": ["https://www.iom.int/"]}]}"#;
    assert_one(text, "/projects/0/year", "value.invalid");
    let text = r#"{"schema_version": "1", "processes": [{"id": "MIDWA", "name": "t", "stated_member_count": 1e400, "sources": ["https://www.iom.int/"]}]}"#;
    assert_one(text, "/processes/0/stated_member_count", "value.invalid");
    let mut p = process("MIDWA");
    p["stated_member_count"] = json!(99_999_999_999_u64);
    assert_one(
        &doc("processes", vec![p]),
        "/processes/0/stated_member_count",
        "value.invalid",
    );
    assert_one(
        &project_with("year", json!(99_999_999_999_i64)),
        "/projects/0/year",
        "value.invalid",
    );
    assert_one(
        &project_with("year", json!(10_000)),
        "/projects/0/year",
        "value.invalid",
    );
}

#[test]
fn budgets() {
    assert_one(
        &amount_with("amount", json!(32000.00)),
        "/projects/0/amounts/0/amount",
        "json.wrong_type",
    );
    assert_one(
        &amount_with("amount", json!(32000)),
        "/projects/0/amounts/0/amount",
        "json.wrong_type",
    );
    for bad in [
        "32,000.00",
        "USD 32000",
        "NaN",
        "1e3",
        "",
        " 12",
        "+5",
        "1_000",
    ] {
        let errors = assert_one(
            &amount_with("amount", json!(bad)),
            "/projects/0/amounts/0/amount",
            "value.invalid",
        );
        assert!(
            errors.problems()[0].message().contains(&format!("{bad:?}")),
            "{errors}"
        );
    }
    // A negative amount is a value, but no project amount may be negative.
    let minus: Money = "-5 USD".parse().unwrap();
    assert!(minus.is_negative());
    assert_one(
        &amount_with("amount", json!("-5")),
        "/projects/0/amounts/0/amount",
        "project.negative_amount",
    );
}

#[test]
fn currencies() {
    for bad in ["usd", "XYZ", "US", "USDD", ""] {
        assert_one(
            &amount_with("currency", json!(bad)),
            "/projects/0/amounts/0/currency",
            "value.invalid",
        );
    }
}

#[test]
fn dates() {
    for bad in [
        "2001-13",
        "2001-02-30",
        "0000",
        "10000",
        "2001-1",
        "2001-01-1",
        " 2001",
        "+2001",
        "-001",
        "2001/10",
        "",
    ] {
        let errors = assert_one(
            &project_with("start", json!(bad)),
            "/projects/0/start",
            "value.invalid",
        );
        assert!(
            errors.problems()[0].message().contains(&format!("{bad:?}")),
            "{errors}"
        );
    }
    // Leap days exist only in leap years.
    Dataset::from_json_str(&project_with("start", json!("2000-02-29"))).unwrap();
    assert_one(
        &project_with("start", json!("2001-02-29")),
        "/projects/0/start",
        "value.invalid",
    );
}

#[test]
fn end_before_start() {
    let mut p = project();
    p["start"] = json!("2003-05");
    p["end"] = json!("2003-04-30");
    assert_one(
        &doc("projects", vec![p.clone()]),
        "/projects/0/end",
        "period.end_before_start",
    );
    // Overlapping precisions are not "before": 2003 may end in June 2003.
    p["end"] = json!("2003");
    Dataset::from_json_str(&doc("projects", vec![p])).unwrap();
    let event = json!({"id": "E-1", "title": "t", "start": "2001-10-09", "end": "2001-10-08", "sources": ["https://www.iom.int/"]});
    assert_one(
        &doc("events", vec![event]),
        "/events/0/end",
        "period.end_before_start",
    );
}

#[test]
fn country_codes() {
    for bad in ["xx", "ZZZ", "US ", "sen", "", "SENE", "1"] {
        assert_one(
            &project_with("benefiting_states", json!(["BEN", bad])),
            "/projects/0/benefiting_states/1",
            "value.invalid",
        );
    }
    // Alpha-2 codes are read, and written back as alpha-3.
    let d = Dataset::from_json_str(&project_with("benefiting_states", json!(["SN"]))).unwrap();
    assert_eq!(d.projects()[0].benefiting_states()[0].alpha3(), "SEN");
}

#[test]
fn identifiers() {
    for bad in [
        "MID WA",
        "MID/WA",
        "MID\u{1}WA",
        "MID\nWA",
        "MIDWA ",
        "-MIDWA",
        "",
        "MIDWÄ",
    ] {
        let text = doc("processes", vec![process(bad)]);
        assert_one(&text, "/processes/0/id", "value.invalid");
    }
    let too_long = "A".repeat(65);
    assert_one(
        &doc("processes", vec![process(&too_long)]),
        "/processes/0/id",
        "value.invalid",
    );
}

#[test]
fn schema_versions() {
    assert_one(
        r#"{"schema_version": "2"}"#,
        "/schema_version",
        "json.schema_version",
    );
    assert_one(
        r#"{"schema_version": 1}"#,
        "/schema_version",
        "json.schema_version",
    );
    assert_one(
        r#"{"schema_version": "1.0"}"#,
        "/schema_version",
        "json.schema_version",
    );
    assert_one(
        r#"{"schema_version": " 1"}"#,
        "/schema_version",
        "json.schema_version",
    );
    assert_one(r#"{}"#, "/schema_version", "json.missing_field");
    assert_one(
        r#"{"projects": []}"#,
        "/schema_version",
        "json.missing_field",
    );
    // A wrong version does not hide the records' faults: both are reported.
    let text = r#"{"schema_version": "2", "projects": [{"id": "bad id"}]}"#;
    let errors = refused(Dataset::from_json_str(text));
    let found: Vec<(String, &str)> = errors
        .problems()
        .iter()
        .map(|p| (p.pointer(), p.rule().id()))
        .collect();
    assert!(found.contains(&("/schema_version".to_owned(), "json.schema_version")));
    assert!(found.contains(&("/projects/0/id".to_owned(), "value.invalid")));
}

#[test]
fn unknown_top_level_field() {
    assert_one(
        r#"{"schema_version": "1", "project": []}"#,
        "/project",
        "json.unknown_field",
    );
}

#[test]
fn valid_file_with_a_fault_in_its_last_record() {
    let mut d: Value = serde_json::from_str(&data("valid.json")).unwrap();
    let last = d["memberships"].as_array().unwrap().len() - 1;
    d["memberships"][last]["start"] = json!("2001-13");
    let text = serde_json::to_string_pretty(&d).unwrap();
    let errors = assert_one(
        &text,
        &format!("/memberships/{last}/start"),
        "value.invalid",
    );
    assert!(d.pointer(&errors.problems()[0].pointer()).is_some());
    // And a dangling reference in the last record, found in the whole dataset.
    let mut d: Value = serde_json::from_str(&data("valid.json")).unwrap();
    d["memberships"][last]["member"] = json!({"partner": "NOBODY"});
    let text = serde_json::to_string_pretty(&d).unwrap();
    assert_one(
        &text,
        &format!("/memberships/{last}/member"),
        "ref.dangling",
    );
}

#[test]
fn parties() {
    let membership = |member: Value| {
        doc(
            "memberships",
            vec![
                json!({"member": member, "body": {"partner": "IOM"}, "role": "member", "sources": ["https://www.iom.int/"]}),
            ],
        )
    };
    assert_one(
        &membership(json!({"country": "SEN"})),
        "/memberships/0/member",
        "value.invalid",
    );
    assert_one(
        &membership(json!({"state": "SEN", "partner": "IOM"})),
        "/memberships/0/member",
        "value.invalid",
    );
    assert_one(
        &membership(json!({})),
        "/memberships/0/member",
        "value.invalid",
    );
    assert_one(
        &membership(json!("SEN")),
        "/memberships/0/member",
        "value.invalid",
    );
}
