//! The IATI export, validated with `xmllint --schema` against the IATI 2.03
//! XML Schema vendored in tests/data/iati/.
//!
//! Without xmllint the validation is skipped with a note, except under CI
//! (`CI=true`), where a missing xmllint fails the test.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use migov::export::ExportError;
use migov::export::iati::{ActivityStatus, IatiOptions, IatiReport, to_string, write};

use crate::small;

fn options() -> IatiOptions {
    IatiOptions::new("XI-IATI-EXAMPLE", "90", "Example publisher & partners").unwrap()
}

fn schema() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/iati/iati-activities-schema.xsd")
}

/// Whether xmllint runs; under CI its absence is a failure.
fn xmllint_available() -> bool {
    let found = Command::new("xmllint")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "xmllint is missing under CI: install libxml2-utils (.ci/run does)"
        );
        eprintln!(
            "note: xmllint not found; IATI schema validation skipped (install libxml2-utils)"
        );
    }
    found
}

/// `xmllint --noout --schema` on `xml`: Ok, or its messages.
fn xmllint(xml: &str) -> Result<(), String> {
    let mut child = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(xml.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn xmllint_refuses_what_the_schema_refuses() {
    if !xmllint_available() {
        return;
    }
    // The check must be able to fail: an activity without its required
    // elements, and a date that is not a day.
    let bad = r#"<?xml version="1.0"?>
<iati-activities version="2.03">
  <iati-activity>
    <iati-identifier>X-1</iati-identifier>
  </iati-activity>
</iati-activities>"#;
    assert!(xmllint(bad).is_err());
    let (xml, _) = to_string(&small::dataset(), &options()).unwrap();
    let month = xml.replacen("iso-date=\"2015-04-01\"", "iso-date=\"2015-04\"", 1);
    assert_ne!(month, xml);
    let err = xmllint(&month).unwrap_err();
    assert!(err.contains("iso-date"), "{err}");
}

#[test]
fn the_small_dataset_is_valid_iati() {
    let (xml, report) = to_string(&small::dataset(), &options()).unwrap();
    assert_eq!(report.written.len(), 1);
    if xmllint_available() {
        xmllint(&xml).unwrap();
    }
}

#[cfg(feature = "reference-data")]
#[test]
fn the_reference_dataset_is_valid_iati() {
    let data = small::reference();
    let (xml, report) = to_string(&data, &options()).unwrap();
    assert_eq!(
        report.written.len() + report.skipped.len(),
        data.projects().len()
    );
    assert!(!report.written.is_empty());
    assert_eq!(xml.matches("<iati-activity ").count(), report.written.len());
    if xmllint_available() {
        xmllint(&xml).unwrap();
    }
    // With an assumed status for projects without one, more are written,
    // and they are still valid.
    let assumed = options().with_status_when_unknown(ActivityStatus::Closed);
    let (xml2, report2) = to_string(&data, &assumed).unwrap();
    assert!(report2.written.len() >= report.written.len());
    if report2.written.len() > report.written.len() {
        assert!(xml2.contains("migov:assumed=\"true\""));
    }
    if xmllint_available() {
        xmllint(&xml2).unwrap();
    }
}

/// The one element `<name …>` of the only activity.
fn element<'a>(xml: &'a str, start: &str) -> &'a str {
    let i = xml
        .find(start)
        .unwrap_or_else(|| panic!("{start} not in\n{xml}"));
    let rest = xml.get(i..).unwrap();
    let end = rest.find('>').unwrap();
    rest.get(..=end).unwrap()
}

#[test]
fn dates_keep_their_precision_beside_the_day_iati_needs() {
    let (xml, _) = to_string(&small::dataset(), &options()).unwrap();
    // Completed project: actual start and end.
    assert_eq!(
        element(&xml, "<activity-date type=\"2\""),
        r#"<activity-date type="2" iso-date="2015-04-01" migov:date="2015-04" migov:precision="month">"#
    );
    assert_eq!(
        element(&xml, "<activity-date type=\"4\""),
        r#"<activity-date type="4" iso-date="2016-03-31" migov:date="2016-03" migov:precision="month">"#
    );
    assert!(xml.contains("<narrative>known to the month: 2015-04</narrative>"));
}

#[test]
fn money_is_exact_with_its_currency() {
    let (xml, _) = to_string(&small::dataset(), &options()).unwrap();
    assert!(
        xml.contains(r#"<value currency="USD" value-date="2015-04-01">32000.00</value>"#),
        "{xml}"
    );
    // The IDF contribution is not the budget: it is kept in a description.
    let label = migov::codelist::AmountKind::IdfContribution.label(migov::Language::English);
    let line = format!("<narrative>{label}: 15000.5 CHF (the Fund&apos;s part)</narrative>");
    assert!(xml.contains(&line), "{xml}");
}

#[test]
fn text_is_escaped_and_sources_become_document_links() {
    let (xml, _) = to_string(&small::dataset(), &options()).unwrap();
    assert!(xml.contains(
        "<narrative>Policy &lt;Workshop&gt; &amp; &quot;Seminar&quot; for West Africa</narrative>"
    ));
    assert!(xml.contains(r#"<document-link url="https://developmentfund.iom.int/projects/e40-800" format="text/html">"#));
    assert!(xml.contains(
        r#"<document-link url="https://example.org/factsheet.pdf" format="application/pdf">"#
    ));
    assert!(xml.contains("<narrative>retrieved 2024-06-02</narrative>"));
    assert!(xml.contains(r#"<recipient-country code="SN">"#));
    assert!(xml.contains(r#"<recipient-country code="GM">"#));
    assert!(xml.contains(r#"<participating-org role="1" type="10">"#));
    assert!(xml.contains(r#"<participating-org role="4" type="40">"#));
    assert!(xml.contains(r#"<other-identifier ref="E40-800" type="A9">"#));
    assert!(xml.contains("<iati-identifier>XI-IATI-EXAMPLE-E40-800</iati-identifier>"));
    assert!(xml.contains("<narrative>Example publisher &amp; partners</narrative>"));
}

#[test]
fn projects_lacking_required_facts_are_reported_not_padded() {
    use migov::codelist::ProjectRole;
    use migov::{PartnerId, Project, ProjectId, ProjectParty};
    let mut b = small::dataset().to_builder();
    b.add_project(
        Project::builder(
            ProjectId::new("NO-DATES").unwrap(),
            "A project without dates",
        )
        .description("Dates unknown.")
        .status(migov::codelist::ProjectStatus::Ongoing)
        .organization(ProjectParty::new(
            PartnerId::new("IOM").unwrap(),
            ProjectRole::Implementer,
        ))
        .source(small::src("https://www.iom.int/"))
        .build()
        .unwrap(),
    )
    .unwrap();
    let data = b.build().unwrap();
    let mut out = Vec::new();
    let report: IatiReport = write(&data, &options(), &mut out).unwrap();
    assert_eq!(
        report
            .written
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>(),
        ["E40-800"]
    );
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].0.as_str(), "NO-DATES");
    assert_eq!(report.skipped[0].1, "no start or end date");
    let xml = String::from_utf8(out).unwrap();
    assert!(!xml.contains("NO-DATES"));
    if xmllint_available() {
        xmllint(&xml).unwrap();
    }
}

#[test]
fn nothing_to_write_is_an_error_naming_each_project() {
    use migov::{Project, ProjectId};
    let mut b = migov::Dataset::builder();
    b.add_project(
        Project::builder(ProjectId::new("BARE").unwrap(), "Bare")
            .source(small::src("https://www.iom.int/"))
            .build()
            .unwrap(),
    )
    .unwrap();
    let err = to_string(&b.build().unwrap(), &options()).unwrap_err();
    assert!(matches!(err, ExportError::Nothing { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("project BARE: no start or end date, no status, no funder or implementer, nothing to describe it"), "{text}");
}

#[test]
fn a_project_whose_only_facts_have_elements_of_their_own_is_not_described() {
    use migov::codelist::{AmountKind, ProjectRole, ProjectStatus};
    use migov::{Amount, PartnerId, Period, Project, ProjectId, ProjectParty};
    let mut b = small::dataset().to_builder();
    b.add_project(
        Project::builder(ProjectId::new("TERSE").unwrap(), "Terse")
            .status(ProjectStatus::Completed)
            .period(Period::new(Some(small::d("2010")), Some(small::d("2011"))).unwrap())
            .amount(Amount::new(AmountKind::Budget, "100 USD".parse().unwrap()))
            .organization(ProjectParty::new(
                PartnerId::new("IOM").unwrap(),
                ProjectRole::Implementer,
            ))
            .source(small::src("https://www.iom.int/"))
            .build()
            .unwrap(),
    )
    .unwrap();
    let (xml, report) = to_string(&b.build().unwrap(), &options()).unwrap();
    let skipped: Vec<(&str, &str)> = report
        .skipped
        .iter()
        .map(|(p, why)| (p.as_str(), why.as_str()))
        .collect();
    assert_eq!(skipped, [("TERSE", "nothing to describe it")]);
    if xmllint_available() {
        xmllint(&xml).unwrap();
    }
}
