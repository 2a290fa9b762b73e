//! A first look at the embedded reference dataset.
//!
//! Run with `cargo run --example quickstart`.

use std::error::Error;

use migov::codelist::MembershipRole;
use migov::{CountryCode, Dataset, EventId, PartialDate, Party, ProcessId, ProjectId};

fn main() -> Result<(), Box<dyn Error>> {
    let data = migov::reference::dataset()?;

    counts(data);
    midwa(data)?;
    project(data)?;
    senegal(data)?;
    council(data)?;
    Ok(())
}

fn heading(title: &str) {
    println!("\n== {title}");
}

fn counts(data: &Dataset) {
    heading("The reference dataset");
    println!(
        "member and observer states  {:>5}",
        data.member_states().len()
    );
    println!("consultative processes      {:>5}", data.processes().len());
    println!("partner organisations       {:>5}", data.partners().len());
    println!("projects                    {:>5}", data.projects().len());
    println!("events                      {:>5}", data.events().len());
    println!(
        "memberships                 {:>5}",
        data.memberships().len()
    );
    println!("disputed facts              {:>5}", data.disputes().len());
}

fn midwa(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let Some(midwa) = data.process(&ProcessId::new("MIDWA")?) else {
        return Err("MIDWA is missing from the reference dataset".into());
    };
    heading(&format!("{} ({})", midwa.name(), midwa.id()));
    for org in midwa.linked_organizations() {
        let name = data.partner(org).map_or(org.as_str(), |p| p.name());
        println!("linked organisation: {name}");
    }
    if let Some(established) = midwa.established() {
        println!("established: {established}");
        for alt in established.alternatives() {
            let urls: Vec<_> = alt.sources().iter().map(|s| s.url()).collect();
            println!("  other claim {} ({})", alt.value(), urls.join(", "));
        }
    }
    if let Some(count) = midwa.stated_member_count() {
        println!("stated member count: {count}");
    }
    let body = Party::Process(midwa.id().clone());
    for role in [MembershipRole::Member, MembershipRole::Observer] {
        let names: Vec<String> = data
            .memberships_in(&body)
            .filter(|m| *m.role() == role)
            .map(|m| party_name(data, m.member()))
            .collect();
        let list = if names.is_empty() {
            "(not listed by the sources)".to_owned()
        } else {
            names.join(", ")
        };
        println!("{role}s: {list}");
    }
    println!("sources:");
    for s in midwa.sources() {
        println!("  {s}");
    }
    Ok(())
}

fn party_name(data: &Dataset, party: &Party) -> String {
    match party {
        Party::State(c) => c.name().to_owned(),
        Party::Partner(p) => data
            .partner(p)
            .map_or_else(|| p.to_string(), |p| p.name().to_owned()),
        Party::Process(p) => data
            .process(p)
            .map_or_else(|| p.to_string(), |p| p.name().to_owned()),
        _ => party.to_string(),
    }
}

fn project(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let Some(p) = data.project(&ProjectId::new("E40-800")?) else {
        return Err("project E40-800 is missing from the reference dataset".into());
    };
    heading(&format!("Project {}: {}", p.id(), p.title()));
    let opt = |v: Option<String>| v.unwrap_or_else(|| "unknown".to_owned());
    println!("status       {}", opt(p.status().map(ToString::to_string)));
    println!(
        "type         {}",
        opt(p.project_type().map(ToString::to_string))
    );
    println!("period       {}", p.period());
    println!("year         {}", opt(p.year().map(|y| y.to_string())));
    for a in p.amounts() {
        println!("{:<12} {}", a.kind().to_string(), a.money());
    }
    println!(
        "coverage     {}",
        opt(p.coverage().map(ToString::to_string))
    );
    println!(
        "IDF region   {}",
        opt(p.idf_region().map(ToString::to_string))
    );
    let states: Vec<_> = p.benefiting_states().iter().map(|c| c.name()).collect();
    println!(
        "benefiting   {} states: {}",
        states.len(),
        states.join(", ")
    );
    for o in p.organizations() {
        println!(
            "{:<12} {}",
            o.role().to_string(),
            party_name(data, &Party::Partner(o.partner().clone()))
        );
    }
    for e in data.events_of_project(p.id()) {
        println!("event        {}", e.title());
    }
    Ok(())
}

fn senegal(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let sen = CountryCode::from_name("Senegal")?;
    let on: PartialDate = "2024".parse()?;
    heading(&format!("Processes Senegal takes part in ({on})"));
    for answer in data.processes_of(sen, on) {
        let m = answer.item();
        let how = if answer.certainty().is_yes() {
            "certainly"
        } else {
            "possibly"
        };
        println!(
            "{:<45} {:<10} {how}",
            party_name(data, m.body()),
            m.role().to_string()
        );
    }
    Ok(())
}

fn council(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let Some(event) = data.event(&EventId::new("IOM-COUNCIL-96")?) else {
        return Err("the December 2008 Council session is missing".into());
    };
    heading(event.title());
    for day in event.agenda() {
        println!(
            "{}{}",
            day.date(),
            day.title().map(|t| format!(": {t}")).unwrap_or_default()
        );
        for s in day.sessions() {
            // An agenda may list a session without its time: it keeps its place.
            let start = s
                .start()
                .map_or_else(|| "--:--".to_owned(), |t| t.to_string());
            let end = s.end().map(|e| format!(" - {e}")).unwrap_or_default();
            println!("  {start}{end}  {}", s.title());
            for p in s.panellists() {
                let person = p.person();
                let country = person
                    .country()
                    .map(|c| format!(" ({})", c.name()))
                    .unwrap_or_default();
                println!("      panellist: {}{country}", person.name());
            }
        }
    }
    Ok(())
}
