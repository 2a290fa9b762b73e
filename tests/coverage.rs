//! The coverage report counts what each record carries, on built datasets.

use migov::codelist::AmountKind;
use migov::{Amount, Dataset, Money, Period, Project, ProjectId, Source};

fn project(
    id: &str,
    budget: bool,
    url: &str,
    dated: bool,
) -> Result<Project, Box<dyn std::error::Error>> {
    let mut b = Project::builder(ProjectId::new(id)?, "A project").source(Source::new(url)?);
    if budget {
        b = b.amount(Amount::new(
            AmountKind::Budget,
            "100000.00 USD".parse::<Money>()?,
        ));
    }
    if dated {
        b = b.period(Period::new(Some("2012".parse()?), None)?);
    }
    Ok(b.build()?)
}

#[test]
fn coverage_counts_budgets_dates_and_iom_sources() {
    let mut b = Dataset::builder();
    b.add_project(
        project(
            "P-1",
            true,
            "https://developmentfund.iom.int/projects/p-1",
            true,
        )
        .unwrap(),
    )
    .unwrap();
    b.add_project(project("P-2", false, "https://www.iom.int.example.org/p-2", false).unwrap())
        .unwrap();
    b.add_project(project("P-3", true, "https://example.org/p-3", false).unwrap())
        .unwrap();
    let data = b.build().unwrap();
    let report = data.coverage();
    let projects = report.collection("projects").unwrap();
    assert_eq!(projects.records, 3);
    assert_eq!(projects.with_budget, Some(2));
    assert_eq!(projects.with_dates, 1);
    assert_eq!(
        projects.with_iom_source, 1,
        "only developmentfund.iom.int is an IOM host"
    );
    assert_eq!(projects.without_source, 0);
    assert_eq!(report.collection("events").unwrap().with_budget, None);
    let table = report.to_string();
    assert_eq!(
        table.lines().count(),
        2 + 6,
        "a header, a rule and one line per collection"
    );
    assert!(
        table.contains("| projects | 3 | 1 (33%) | 2 (67%) | 1 (33%) | 0 |"),
        "{table}"
    );
}

#[cfg(feature = "reference-data")]
#[test]
fn reference_coverage_agrees_with_the_collections() {
    let data = migov::reference::dataset().unwrap();
    let report = data.coverage();
    let sizes = [
        data.member_states().len(),
        data.processes().len(),
        data.partners().len(),
        data.projects().len(),
        data.events().len(),
        data.memberships().len(),
    ];
    for (line, size) in report.collections().iter().zip(sizes) {
        assert_eq!(line.records, size, "{}", line.collection);
        assert!(line.with_dates <= size && line.with_iom_source <= size);
        assert!(line.with_budget.is_none_or(|n| n <= size));
    }
    let budgeted = data
        .projects()
        .iter()
        .filter(|p| p.budget().is_some())
        .count();
    assert_eq!(
        report.collection("projects").unwrap().with_budget,
        Some(budgeted)
    );
}

/// The README shows the reference dataset's coverage table: it must be the
/// table the dataset prints, so that a data change updates the README too.
#[cfg(feature = "reference-data")]
#[test]
fn the_readme_shows_the_reference_datasets_coverage() -> Result<(), Box<dyn std::error::Error>> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))?;
    let (_, rest) = readme
        .split_once("<!-- coverage:start -->\n")
        .ok_or("README has no coverage:start marker")?;
    let (table, _) = rest
        .split_once("<!-- coverage:end -->")
        .ok_or("README has no coverage:end marker")?;
    let printed = migov::reference::dataset()?.coverage().to_string();
    assert_eq!(
        table.trim_end(),
        printed.trim_end(),
        "update the README with `cargo run --example coverage`"
    );
    Ok(())
}
