//! The `migov` command, run as a user runs it.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn migov() -> Result<Command, Box<dyn std::error::Error>> {
    Ok(Command::cargo_bin("migov")?)
}

/// Writes `text` to a file of this test run named `name`.
fn file(name: &str, text: &str) -> Result<PathBuf, std::io::Error> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("migov-cli-tests");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(name);
    std::fs::write(&path, text)?;
    Ok(path)
}

const SRC: &str = "https://www.iom.int/";

/// A small valid dataset: process P-A with Senegal as a member since 2001
/// and the organisation ORG (no dates); Mali a member of ORG from 2010.
fn small() -> String {
    serde_json::json!({
        "schema_version": "1",
        "member_states": [
            {"country": "SEN", "sources": [SRC]},
            {"country": "MLI", "sources": [SRC]},
        ],
        "processes": [{"id": "P-A", "name": "Process A", "sources": [SRC]}],
        "partners": [{"id": "ORG", "name": "An organisation", "sources": [SRC]}],
        "projects": [{"id": "X1", "title": "Project one", "benefiting_states": ["SEN"], "sources": [SRC]}],
        "memberships": [
            {"member": {"state": "SEN"}, "body": {"process": "P-A"}, "role": "member", "start": "2001", "end": "..", "sources": [SRC]},
            {"member": {"partner": "ORG"}, "body": {"process": "P-A"}, "role": "member", "sources": [SRC]},
            {"member": {"state": "MLI"}, "body": {"partner": "ORG"}, "role": "member", "start": "2010", "end": "..", "sources": [SRC]},
        ],
    })
    .to_string()
}

/// A file with a misspelt key (line 4, column 17) and so a missing title
/// (the record, line 4, column 5).
const MISSPELT: &str = "{\n  \"schema_version\": \"1\",\n  \"projects\": [\n    {\"id\": \"X\", \"titel\": \"T\", \"sources\": [\"https://www.iom.int/\"]}\n  ]\n}\n";

#[test]
fn check_reports_every_problem_at_file_line_column_with_pointer_rule_and_severity() -> TestResult {
    let bad = file("misspelt.json", MISSPELT)?;
    let shown = bad.display().to_string();
    let out = migov()?.arg("check").arg(&bad).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone())?;
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    // In the order of the text: the record (missing title), then its key.
    assert!(
        lines[0].starts_with(&format!(
            "{shown}:4:5: error [json.missing_field] /projects/0: "
        )),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "{shown}:4:17: error [json.unknown_field] /projects/0/titel: "
        )),
        "{stdout}"
    );
    assert!(lines[1].contains("titel"), "{stdout}");
    assert_eq!(
        lines[2],
        format!("{shown}: invalid, 2 error(s), 0 warning(s)")
    );
    Ok(())
}

#[test]
fn check_json_is_one_document_for_ci() -> TestResult {
    let bad = file("misspelt-json.json", MISSPELT)?;
    let good = file("good-json.json", &small())?;
    let out = migov()?
        .args(["check", "--format", "json"])
        .arg(&good)
        .arg(&bad)
        .assert()
        .code(1);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout)?;
    assert_eq!(doc["valid"], false);
    let files = doc["files"].as_array().ok_or("files")?;
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["valid"], true);
    assert_eq!(files[0]["errors"], 0);
    assert_eq!(files[1]["valid"], false);
    assert_eq!(files[1]["errors"], 2);
    let unknown = &files[1]["problems"][1];
    assert_eq!(unknown["line"], 4);
    assert_eq!(unknown["column"], 17);
    assert_eq!(unknown["pointer"], "/projects/0/titel");
    assert_eq!(unknown["rule"], "json.unknown_field");
    assert_eq!(unknown["severity"], "error");
    Ok(())
}

#[test]
fn check_gives_the_line_and_column_of_a_syntax_error() -> TestResult {
    let broken = file(
        "broken.json",
        "{\n  \"schema_version\": \"1\",\n  \"projects\": [\n",
    )?;
    migov()?
        .arg("check")
        .arg(&broken)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:4:1: error [json.syntax]",
            broken.display()
        )));
    Ok(())
}

#[test]
fn check_exit_codes_valid_zero_unreadable_two() -> TestResult {
    let good = file("good.json", &small())?;
    migov()?
        .arg("check")
        .arg(&good)
        .assert()
        .code(0)
        .stdout(format!(
            "{}: valid, 0 error(s), 0 warning(s)\n",
            good.display()
        ))
        // Not a terminal: no progress indicator.
        .stderr("");
    let missing = good.with_file_name("does-not-exist.json");
    migov()?
        .arg("check")
        .arg(&good)
        .arg(&missing)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("good.json: valid"))
        .stderr(predicate::str::contains("does-not-exist.json: cannot read"));
    Ok(())
}

#[test]
fn check_without_files_checks_the_reference_dataset() -> TestResult {
    let output = migov()?.arg("check").assert().code(0).get_output().clone();
    let text = String::from_utf8(output.stdout)?;
    let lines: Vec<&str> = text.lines().collect();
    // The reference dataset has no errors; the warnings it has (pages that
    // leave a field out) are listed, one line each, before the summary.
    let summary = lines.last().ok_or("no output")?;
    if !summary.starts_with("(reference): valid, 0 error(s)") {
        return Err(format!("unexpected summary: {summary}").into());
    }
    let warnings = lines.len() - 1;
    if warnings > 0 && !summary.ends_with(&format!(", {warnings} warning(s)")) {
        return Err(format!("{warnings} warning lines but summary {summary}").into());
    }
    for line in &lines[..warnings] {
        if !line.starts_with("(reference):") || !line.contains(": warning [") {
            return Err(format!("not a warning line: {line}").into());
        }
    }
    Ok(())
}

#[test]
fn warnings_pass_unless_denied() -> TestResult {
    // A project without a source: a warning.
    let text = "{\"schema_version\": \"1\",\n \"projects\": [{\"id\": \"X\", \"title\": \"T\", \"benefiting_states\": [\"SEN\"]}]}";
    let warned = file("warned.json", text)?;
    let shown = warned.display().to_string();
    migov()?
        .arg("check")
        .arg(&warned)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(format!(
            "{shown}:2:15: warning [record.no_source] /projects/0"
        )))
        .stdout(predicate::str::contains("valid, 0 error(s), 1 warning(s)"));
    migov()?
        .args(["check", "--deny-warnings"])
        .arg(&warned)
        .assert()
        .code(1);
    Ok(())
}

#[test]
fn show_finds_records_by_code_identifier_and_name() -> TestResult {
    migov()?
        .args(["show", "SEN"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("member_states SEN\n{"))
        .stdout(predicate::str::contains("\"country\": \"SEN\""));
    // Its French name resolves to the same process.
    let out = migov()?
        .args(["show", "DIMAC", "--format", "json"])
        .assert()
        .code(0);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout)?;
    assert_eq!(doc[0]["collection"], "processes");
    assert_eq!(doc[0]["record"]["id"], "MIDCAS");
    migov()?
        .args(["show", "NO-SUCH-THING"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("NO-SUCH-THING"));
    let data = file("show.json", &small())?;
    migov()?
        .args(["show", "x1", "--data"])
        .arg(&data)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"title\": \"Project one\""));
    Ok(())
}

#[test]
fn members_on_a_date_certainly_possibly_and_through_bodies() -> TestResult {
    let data = file("members.json", &small())?;
    let run = |on: &str, through: bool| -> Result<String, Box<dyn std::error::Error>> {
        let mut cmd = migov()?;
        cmd.args(["members", "P-A", "--on", on, "--data"])
            .arg(&data);
        if through {
            cmd.arg("--through-bodies");
        }
        let out = cmd.assert().code(0);
        Ok(String::from_utf8(out.get_output().stdout.clone())?)
    };
    let direct = run("2005", false)?;
    assert!(direct.contains("certainly state SEN (Senegal)"), "{direct}");
    assert!(direct.contains("possibly  partner ORG"), "{direct}");
    assert!(!direct.contains("MLI"), "{direct}");
    // Mali belongs to ORG from 2010 only.
    let through_2005 = run("2005", true)?;
    assert!(!through_2005.contains("MLI"), "{through_2005}");
    let through_2012 = run("2012", true)?;
    assert!(through_2012.contains("state MLI (Mali)"), "{through_2012}");
    assert!(through_2012.contains("via ORG"), "{through_2012}");

    let out = migov()?
        .args([
            "members",
            "P-A",
            "--on",
            "2012",
            "--through-bodies",
            "--format",
            "json",
            "--data",
        ])
        .arg(&data)
        .assert()
        .code(0);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout)?;
    let members = doc["members"].as_array().ok_or("members")?;
    let mali = members
        .iter()
        .find(|m| m["id"] == "MLI")
        .ok_or("Mali through ORG")?;
    assert_eq!(mali["via"], serde_json::json!(["ORG"]));
    // ORG's own membership has no dates: Mali through it is possible only.
    assert_eq!(mali["certainty"], "maybe");

    migov()?
        .args(["members", "NOBODY", "--on", "2012", "--data"])
        .arg(&data)
        .assert()
        .code(1);
    migov()?
        .args(["members", "P-A", "--on", "2012-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2012-13"));
    Ok(())
}

#[test]
fn diff_lists_added_removed_and_changed_records() -> TestResult {
    let old = file("old.json", &small())?;
    let changed = small().replace("Project one", "Project renamed").replace(
        "\"id\":\"ORG\",\"name\":\"An organisation\"",
        "\"id\":\"ORG\",\"iom_relationship\":\"new\",\"name\":\"An organisation\"",
    );
    let new = file("new.json", &changed)?;
    migov()?
        .arg("diff")
        .arg(&old)
        .arg(&old)
        .assert()
        .code(0)
        .stdout("no differences\n");
    migov()?
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "~ projects X1\n    title: \"Project one\" -> \"Project renamed\"\n",
        ))
        .stdout(predicate::str::contains(
            "~ partners ORG\n    iom_relationship: (absent) -> \"new\"\n",
        ));
    let out = migov()?
        .args(["diff", "--format", "json"])
        .arg(&old)
        .arg(&new)
        .assert()
        .code(1);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout)?;
    assert_eq!(doc["changed"].as_array().map(Vec::len), Some(2));
    // One file: from the reference dataset to it.
    migov()?
        .arg("diff")
        .arg(&old)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("- processes MIDWA"))
        .stdout(predicate::str::contains("+ processes P-A"));
    // A file that does not load: its problems on standard error, status 2.
    let bad = file("diff-bad.json", MISSPELT)?;
    migov()?
        .arg("diff")
        .arg(&old)
        .arg(&bad)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!("{}:4:17:", bad.display())));
    Ok(())
}

#[test]
fn stats_prints_the_coverage_table() -> TestResult {
    migov()?
        .arg("stats")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("| collection | records |"))
        .stdout(predicate::str::contains("| memberships |"));
    let data = file("stats.json", &small())?;
    let out = migov()?
        .args(["stats", "--format", "json", "--data"])
        .arg(&data)
        .assert()
        .code(0);
    let doc: Value = serde_json::from_slice(&out.get_output().stdout)?;
    let collections = doc["collections"].as_array().ok_or("collections")?;
    let memberships = collections
        .iter()
        .find(|c| c["collection"] == "memberships")
        .ok_or("memberships")?;
    assert_eq!(memberships["records"], 3);
    assert_eq!(memberships["with_dates"], 2);
    Ok(())
}

#[test]
fn a_data_file_that_does_not_load_is_reported_with_status_two() -> TestResult {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("nowhere/none.json");
    migov()?
        .args(["stats", "--data"])
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
    Ok(())
}

#[test]
fn export_writes_each_format_from_a_dataset_file() -> TestResult {
    let data = file("export-small.json", &small())?;
    // Popolo and JSON-LD on standard output: JSON documents naming the records.
    for (to, key, needle) in [
        ("popolo", "organizations", "process/P-A"),
        ("jsonld", "@graph", "urn:migov:process:P-A"),
    ] {
        let out = migov()?
            .args(["export", "--to", to])
            .arg(&data)
            .assert()
            .code(0);
        let doc: Value = serde_json::from_slice(&out.get_output().stdout)?;
        assert!(doc[key].is_array(), "{to}: no {key}");
        assert!(doc.to_string().contains(needle), "{to}: {needle} missing");
    }
    // CSV: one file per table in the directory named, rows as recorded.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("migov-cli-csv");
    let _ = std::fs::remove_dir_all(&dir);
    migov()?
        .arg("--data")
        .arg(&data)
        .args(["export", "--to", "csv", "--out"])
        .arg(&dir)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("memberships.csv (3 rows)"));
    let memberships = std::fs::read_to_string(dir.join("memberships.csv"))?;
    assert_eq!(memberships.lines().count(), 4, "{memberships}");
    assert!(memberships.contains("P-A"));
    Ok(())
}

#[test]
fn export_to_iati_names_its_publisher_and_says_what_it_left_out() -> TestResult {
    // Without a publisher: refused, saying which options are needed.
    migov()?
        .args(["export", "--to", "iati"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--reporting-org-ref"));
    // A bad publisher type: refused with the option and the value.
    migov()?
        .args([
            "export",
            "--to",
            "iati",
            "--reporting-org-ref",
            "XI-IATI-EXAMPLE",
        ])
        .args([
            "--reporting-org-type",
            "ngo",
            "--reporting-org-name",
            "Example",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("reporting_org_type"))
        .stderr(predicate::str::contains("\"ngo\""));
    // The reference dataset's projects to a file: valid XML with activities;
    // projects lacking what IATI requires are listed on standard error.
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("migov-cli-iati.xml");
    let out = migov()?
        .args([
            "export",
            "--to",
            "iati",
            "--reporting-org-ref",
            "XI-IATI-EXAMPLE",
        ])
        .args([
            "--reporting-org-type",
            "90",
            "--reporting-org-name",
            "Example",
        ])
        .arg("--out")
        .arg(&path)
        .assert()
        .code(0);
    let stderr = String::from_utf8(out.get_output().stderr.clone())?;
    let xml = std::fs::read_to_string(&path)?;
    let activities = xml.matches("<iati-activity ").count();
    assert!(activities > 0, "{stderr}");
    assert!(
        stderr.contains(&format!("wrote {activities} IATI activities")),
        "{stderr}"
    );
    assert!(xml.starts_with("<?xml"));
    Ok(())
}

#[test]
fn check_max_problems_lists_that_many_and_counts_the_rest() -> TestResult {
    // Thirty projects without a title: thirty errors.
    let projects: Vec<Value> = (0..30)
        .map(|i| serde_json::json!({"id": format!("P{i}"), "sources": [SRC]}))
        .collect();
    let text = serde_json::json!({"schema_version": "1", "projects": projects}).to_string();
    let bad = file("thirty.json", &text)?;
    let out = migov()?
        .args(["check", "--max-problems", "5"])
        .arg(&bad)
        .assert()
        .code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone())?;
    let listed = stdout
        .lines()
        .filter(|l| l.contains("[json.missing_field]"))
        .count();
    assert_eq!(listed, 5, "{stdout}");
    assert!(
        stdout.contains("[report.more_problems]") && stdout.contains("25 more problem(s)"),
        "{stdout}"
    );
    Ok(())
}
