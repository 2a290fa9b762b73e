//! Builds a small dataset in code and saves it as JSON.
//!
//! Run with `cargo run --example build_dataset` (prints the JSON), or
//! `cargo run --example build_dataset -- my.json` to write a file.

use std::error::Error;

use migov::codelist::{AmountKind, Coverage, MembershipRole, ProjectRole, ProjectStatus};
use migov::{
    Amount, CountryCode, Dataset, ExternalId, IomStatus, MemberState, Membership, Money, Partner,
    PartnerId, Party, Period, ProcessId, Project, ProjectId, ProjectParty, Rcp, Source,
};

fn main() -> Result<(), Box<dyn Error>> {
    let source = Source::new("https://www.iom.int/")?;
    let sen = CountryCode::from_name("Senegal")?;
    let ben = CountryCode::from_name("Benin")?;
    let midwa = ProcessId::new("MIDWA")?;
    let iom = PartnerId::new("IOM")?;

    let mut builder = Dataset::builder();
    for state in [sen, ben] {
        builder.add_member_state(
            MemberState::builder(state)
                .status(IomStatus::Member, None)
                .source(source.clone())
                .build()?,
        )?;
    }
    builder.add_partner(
        Partner::builder(iom.clone(), "International Organization for Migration")
            .established("1951".parse::<migov::PartialDate>()?)
            .source(source.clone())
            .build()?,
    )?;
    builder.add_process(
        Rcp::builder(midwa.clone(), "Migration Dialogue for West Africa")
            .source(source.clone())
            .build()?,
    )?;
    builder.add_membership(
        Membership::builder(
            Party::State(sen),
            Party::Process(midwa),
            MembershipRole::Member,
        )
        .period(Period::from_start("2001".parse()?))
        .source(source.clone())
        .build()?,
    );
    builder.add_project(
        Project::builder(
            ProjectId::new("E40-800")?,
            "International Migration Policy (IMP) Workshop - West Africa",
        )
        .external_id(ExternalId::Idf("E40-800".parse()?))
        .status(ProjectStatus::Completed)
        .period(Period::new(Some("2001".parse()?), Some("2001".parse()?))?)
        .amount(Amount::new(
            AmountKind::Budget,
            "32000.00 USD".parse::<Money>()?,
        ))
        .coverage(Coverage::Regional)
        .benefiting([ben, sen])
        .organization(ProjectParty::new(iom, ProjectRole::Implementer))
        .source(source)
        .build()?,
    )?;
    let data = builder.build()?;
    for warning in data.warnings() {
        eprintln!("{warning}");
    }

    match std::env::args().nth(1) {
        Some(path) => {
            data.to_json_writer(std::fs::File::create(&path)?)?;
            println!("wrote {path}");
        }
        None => print!("{}", data.to_json_string()),
    }
    Ok(())
}
