//! Project filters and the "certain only" option of date queries.

use migov::codelist::{ProjectRole, ProjectType};
use migov::{
    Certain, CountryCode, Dataset, ExternalId, Partner, PartnerId, Project, ProjectFilter,
    ProjectId, ProjectParty, Truth,
};

fn dataset() -> Result<Dataset, Box<dyn std::error::Error>> {
    let gin = CountryCode::from_alpha3("GIN")?;
    let japan = PartnerId::new("GOV-JPN")?;
    let mut b = Dataset::builder();
    b.add_partner(Partner::builder(japan.clone(), "Government of Japan").build()?)?;
    b.add_project(
        Project::builder(ProjectId::new("IDF-A")?, "An IDF project")
            .external_id(ExternalId::Idf("CE.0111".parse()?))
            .project_type(ProjectType::MigrationPolicyActivities)
            .period("2019/2020".parse()?)
            .benefiting_state(gin)
            .build()?,
    )?;
    b.add_project(
        Project::builder(ProjectId::new("OTHER")?, "A project funded by Japan")
            .organization(ProjectParty::new(japan, ProjectRole::Funder))
            .period("2019/..".parse()?)
            .benefiting_state(gin)
            .build()?,
    )?;
    Ok(b.build()?)
}

fn ids<'a>(projects: impl Iterator<Item = &'a Project>) -> Vec<&'a str> {
    projects.map(|p| p.id().as_str()).collect()
}

#[test]
fn each_criterion_keeps_exactly_the_projects_that_meet_it() -> Result<(), Box<dyn std::error::Error>>
{
    let data = dataset()?;
    let gin = CountryCode::from_alpha3("GIN")?;
    let all = ProjectFilter::default();
    assert_eq!(ids(data.projects_benefiting(gin, &all)).len(), 2);
    let idf = ProjectFilter::default().idf_only();
    assert_eq!(ids(data.projects_benefiting(gin, &idf)), ["IDF-A"]);
    let typed = ProjectFilter::default().project_type(ProjectType::MigrationPolicyActivities);
    assert_eq!(ids(data.projects_benefiting(gin, &typed)), ["IDF-A"]);
    let funded = ProjectFilter::default().funder(PartnerId::new("GOV-JPN")?);
    assert_eq!(ids(data.projects_benefiting(gin, &funded)), ["OTHER"]);
    let none = ProjectFilter::default()
        .idf_only()
        .funder(PartnerId::new("GOV-JPN")?);
    assert!(data.projects_benefiting(gin, &none).next().is_none());
    // Each filter agrees with its own criterion checked by hand.
    for p in data.projects() {
        assert_eq!(idf.matches(p), p.idf_code().is_some());
    }
    Ok(())
}

#[test]
fn certainly_during_keeps_only_certain_overlaps() -> Result<(), Box<dyn std::error::Error>> {
    let data = dataset()?;
    let gin = CountryCode::from_alpha3("GIN")?;
    let in_2019 = ProjectFilter::default().certainly_during("2019".parse()?);
    assert_eq!(ids(data.projects_benefiting(gin, &in_2019)).len(), 2);
    let in_2020 = ProjectFilter::default().during("2020".parse()?);
    let certain_2020 = ProjectFilter::default().certainly_during("2020".parse()?);
    for p in data.projects() {
        let overlap = p.period().contains("2020".parse()?);
        assert_eq!(in_2020.matches(p), overlap != Truth::No);
        assert_eq!(certain_2020.matches(p), overlap == Truth::Yes);
    }
    Ok(())
}

#[cfg(feature = "reference-data")]
#[test]
fn certain_keeps_the_yes_answers_of_a_date_query() {
    let data = migov::reference::dataset().unwrap();
    let on = "2008".parse().unwrap();
    let all: Vec<_> = data.events_during(on).collect();
    let certain: Vec<_> = data.events_during(on).certain().collect();
    let yes: Vec<_> = all
        .iter()
        .filter(|a| a.certainty() == Truth::Yes)
        .copied()
        .collect();
    assert_eq!(certain, yes);
    assert!(!certain.is_empty());
    let sen = CountryCode::from_alpha3("SEN").unwrap();
    let on = "2024".parse().unwrap();
    assert!(
        data.processes_of(sen, on)
            .certain()
            .all(|a| a.certainty().is_yes())
    );
}
