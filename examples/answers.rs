//! The questions people ask of the reference dataset, answered with how
//! sure each answer is and where it comes from:
//!
//! - Which processes does Senegal take part in today, directly and through
//!   the organisations it belongs to?
//! - Who chaired MIDSA, year by year?
//! - Which states were admitted to IOM between 2000 and 2011?
//! - Who was a member of the G5 Sahel the year after it was dissolved?
//! - What changed in 2023 (admissions, bodies, chairs, memberships)?
//!
//! Run with `cargo run --example answers`.

use std::error::Error;

use migov::codelist::MembershipRole;
use migov::{ChairTerm, CountryCode, Dataset, IomStatus, Language, PartnerId, Party, ProcessId};

fn main() -> Result<(), Box<dyn Error>> {
    let data = migov::reference::dataset()?;
    senegal(data)?;
    midsa(data)?;
    admitted(data)?;
    g5_sahel(data)?;
    changes(data)?;
    Ok(())
}

fn changes(data: &Dataset) -> Result<(), Box<dyn Error>> {
    println!("== What changed in 2023");
    for c in data.changes_between("2023".parse()?, "2023".parse()?) {
        println!("  {c} [{}]", sure(c.certainty()));
    }
    Ok(())
}

fn sure(t: migov::Truth) -> &'static str {
    if t.is_yes() { "certainly" } else { "possibly" }
}

fn name(data: &Dataset, party: &Party) -> String {
    match party {
        Party::State(c) => c.name().to_owned(),
        Party::Partner(p) => data
            .partner(p)
            .map_or_else(|| p.to_string(), |p| p.name().to_owned()),
        Party::Process(p) => data
            .process(p)
            .map_or_else(|| p.to_string(), |p| p.name().to_owned()),
        other => other.to_string(),
    }
}

fn senegal(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let sen = Party::State(CountryCode::from_name("Senegal")?);
    println!("== Where Senegal takes part in 2024 (up to two links)");
    let mut lines: Vec<String> = data
        .bodies_of(&sen, "2024".parse()?, 2)
        .iter()
        .map(|a| {
            let through: Vec<String> = a.through().map(|b| name(data, b)).collect();
            let via = if through.is_empty() {
                String::new()
            } else {
                format!(", through {}", through.join(", "))
            };
            format!(
                "{} of {}{via}: {}",
                a.role().label(Language::English),
                name(data, a.body()),
                sure(a.certainty())
            )
        })
        .collect();
    lines.sort();
    lines.dedup();
    for line in lines {
        println!("  {line}");
    }
    Ok(())
}

fn midsa(data: &Dataset) -> Result<(), Box<dyn Error>> {
    println!("== Chairs of MIDSA");
    for term in data.chair_history(&Party::Process(ProcessId::new("MIDSA")?)) {
        // The chair membership's own sources, not MIDSA's record's.
        let urls: Vec<&str> = term.sources().iter().map(|s| s.url()).collect();
        match term {
            ChairTerm::Chair(m) => {
                println!(
                    "  {:<6} {} ({})",
                    m.period().to_string(),
                    name(data, m.member()),
                    urls.join(", ")
                );
            }
            ChairTerm::Gap(gap) => println!("  {gap:<6} no source here names the chair"),
            _ => {}
        }
    }
    Ok(())
}

fn admitted(data: &Dataset) -> Result<(), Box<dyn Error>> {
    println!("== States admitted to IOM between 2000 and 2011");
    let mut n = 0;
    for t in data.took_status_between(IomStatus::Member, "2000".parse()?, "2011".parse()?) {
        n += 1;
        let since = t
            .step()
            .since()
            .map_or_else(|| "date unknown".to_owned(), |d| d.to_string());
        println!(
            "  {:<40} {since:<10} {}",
            t.state().name(),
            sure(t.certainty())
        );
    }
    println!("  ({n} states with a dated admission in the window)");
    Ok(())
}

fn g5_sahel(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let id = PartnerId::new("G5-SAHEL")?;
    let Some(g5) = data.partner(&id) else {
        return Err("the G5 Sahel is missing from the reference dataset".into());
    };
    println!("== Members of the {} ({})", g5.name(), g5.lifetime());
    let body = Party::Partner(id);
    for year in ["2020", "2024"] {
        let members: Vec<String> = data
            .members_of(&body, &MembershipRole::Member, year.parse()?)
            .map(|a| format!("{} ({})", name(data, a.member()), sure(a.certainty())))
            .collect();
        let list = if members.is_empty() {
            "none: it no longer exists".to_owned()
        } else {
            members.join(", ")
        };
        println!("  in {year}: {list}");
    }
    Ok(())
}
