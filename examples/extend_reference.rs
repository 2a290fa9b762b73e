//! Extends the embedded reference dataset with one's own project and event,
//! then prints what changed (the diff) and merges the extension back.
//!
//! ```sh
//! cargo run --example extend_reference
//! ```

use migov::codelist::{EventRole, ProjectRole};
use migov::{
    CountryCode, Event, EventId, EventParty, MergePolicy, PartnerId, Party, Project, ProjectId,
    ProjectParty, Source,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let reference = migov::reference::dataset()?;
    let ours = Source::new("https://example.org/our-border-project")?;
    let senegal = CountryCode::from_alpha3("SEN")?;
    let iom = PartnerId::new("IOM")?;

    // Start from the reference dataset and add our records: they may refer
    // to the reference's states, partners and processes.
    let mut builder = reference.to_builder();
    let project_id = ProjectId::new("OUR-BORDER-PROJECT")?;
    builder.add_project(
        Project::builder(project_id.clone(), "Our border management project")
            .benefiting_state(senegal)
            .organization(ProjectParty::new(iom.clone(), ProjectRole::Implementer))
            .source(ours.clone())
            .build()?,
    )?;
    builder.add_event(
        Event::builder(
            EventId::new("OUR-WORKSHOP-2025")?,
            "Our project's launch workshop",
        )
        .start("2025-03-12".parse::<migov::EventDate>()?)
        .city("Dakar")
        .country(senegal)
        .party(EventParty::new(Party::Partner(iom), EventRole::Organiser))
        .related_project(project_id)
        .source(ours)
        .build()?,
    )?;
    let extended = builder.build()?;

    let diff = reference.diff(&extended);
    println!("From the reference dataset to ours:");
    print!("{diff}");

    // Merging the extension into the reference gives the extension: the
    // records only it has are added and nothing conflicts.
    let merged = reference.merge(&extended, MergePolicy::Refuse)?;
    assert!(merged.dataset().diff(&extended).is_empty());
    println!(
        "merged: {} projects, {} events, {} conflicts",
        merged.dataset().projects().len(),
        merged.dataset().events().len(),
        merged.conflicts().len()
    );
    Ok(())
}
