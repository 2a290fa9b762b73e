//! The serde forms of the types a service returns: findings and load reports.

use migov::{Dataset, LoadErrors};

fn report_of(text: &str) -> Result<LoadErrors, String> {
    match Dataset::from_json_str(text) {
        Ok(_) => Err("the file loaded, but it has faults".to_owned()),
        Err(report) => Ok(report),
    }
}

#[test]
fn a_load_report_comes_back_from_json_and_its_pointers_resolve() {
    for name in ["many_faults.json", "record_faults.json", "truncated.json"] {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let report = report_of(&text).unwrap();
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["errors"], report.errors().count(), "{name}");
        assert_eq!(json["warnings"], report.warnings().count(), "{name}");
        let problems = json["problems"].as_array().unwrap();
        assert_eq!(problems.len(), report.problems().len(), "{name}");
        let document: Option<serde_json::Value> = serde_json::from_str(&text).ok();
        for (wire, problem) in problems.iter().zip(report.problems()) {
            assert_eq!(wire["rule"], problem.rule().id());
            assert_eq!(wire["message"], problem.message());
            assert_eq!(
                wire["line"].as_u64().map(|n| n as usize),
                problem.line_column().map(|(line, _)| line)
            );
            // Where the document parses, each pointer names a place in it
            // (or, for a missing field, a place whose parent exists).
            if let Some(document) = &document {
                let pointer = wire["pointer"].as_str().unwrap();
                let parent = pointer.rsplit_once('/').map_or("", |(head, _)| head);
                assert!(
                    document.pointer(pointer).is_some() || document.pointer(parent).is_some(),
                    "{name}: {pointer} does not resolve"
                );
            }
        }
        let back: LoadErrors = serde_json::from_value(json).unwrap();
        assert_eq!(back, report, "{name}");
    }
}

#[test]
fn a_report_whose_counts_disagree_is_refused() {
    let report = report_of(r#"{"schema_version": "2"}"#).unwrap();
    let mut json = serde_json::to_value(&report).unwrap();
    json["errors"] = 5.into();
    let err = serde_json::from_value::<LoadErrors>(json).unwrap_err();
    assert!(err.to_string().contains("counts disagree"), "{err}");
}
