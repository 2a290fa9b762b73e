//! A first tour of the embedded reference dataset: what it holds, who is in
//! MIDWA, who chaired MIDSA, the IOM Development Fund projects benefiting
//! Guinea, where Senegal takes part, and one Council session's agenda.
//!
//! Run with `cargo run --example quickstart`.

use std::collections::BTreeMap;
use std::error::Error;

use migov::codelist::{AmountKind, MembershipRole};
use migov::{
    ChairTerm, CountryCode, Dataset, EventId, Language, Money, PartialDate, Party, ProcessId,
    ProjectFilter, Truth,
};

fn main() -> Result<(), Box<dyn Error>> {
    let data = migov::reference::dataset()?;

    counts(data);
    midwa(data)?;
    midsa_chairs(data)?;
    guinea(data)?;
    senegal(data)?;
    council(data)?;
    Ok(())
}

fn heading(title: &str) {
    println!("\n== {title}");
}

fn counts(data: &Dataset) {
    heading("The reference dataset");
    let rows = [
        ("member and observer states", data.member_states().len()),
        ("consultative processes", data.processes().len()),
        ("partner organisations", data.partners().len()),
        ("projects", data.projects().len()),
        ("events", data.events().len()),
        ("memberships", data.memberships().len()),
        ("disputed facts", data.disputes().len()),
    ];
    for (what, n) in rows {
        println!("{what:<28}{n:>5}");
    }
}

/// A party as people name it: the state's name, the record's name.
fn name(data: &Dataset, party: &Party) -> String {
    match party {
        Party::State(c) => data
            .member_state(*c)
            .map_or(c.name(), |s| s.name())
            .to_owned(),
        Party::Partner(p) => data
            .partner(p)
            .map_or_else(|| p.to_string(), |p| p.name().to_owned()),
        Party::Process(p) => data
            .process(p)
            .map_or_else(|| p.to_string(), |p| p.name().to_owned()),
        other => other.to_string(),
    }
}

fn how(certainty: Truth) -> &'static str {
    if certainty.is_yes() {
        "certainly"
    } else {
        "possibly"
    }
}

fn midwa(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let id = ProcessId::new("MIDWA")?;
    let Some(midwa) = data.process(&id) else {
        return Err("MIDWA is missing from the reference dataset".into());
    };
    heading(&format!("{} ({})", midwa.name(), midwa.id()));
    if let Some(established) = midwa.established() {
        println!("established {established}");
        for alt in established.alternatives() {
            let urls: Vec<_> = alt.sources().iter().map(|s| s.url()).collect();
            println!("  another page says {} ({})", alt.value(), urls.join(", "));
        }
    }
    if let Some(count) = midwa.stated_member_count() {
        println!("its pages count {count} member states");
    }
    // Several sources list the same member (each list with its own date):
    // one line per member, the surest answer first.
    let on: PartialDate = "2024".parse()?;
    let body = Party::Process(id);
    for role in [MembershipRole::Member, MembershipRole::Observer] {
        let mut who: BTreeMap<String, Truth> = BTreeMap::new();
        for answer in data.members_of(&body, &role, on) {
            let entry = who
                .entry(name(data, answer.member()))
                .or_insert(Truth::Maybe);
            if answer.certainty().is_yes() {
                *entry = Truth::Yes;
            }
        }
        let certain: Vec<&str> = who
            .iter()
            .filter(|(_, t)| t.is_yes())
            .map(|(n, _)| n.as_str())
            .collect();
        let possible: Vec<&str> = who
            .iter()
            .filter(|(_, t)| !t.is_yes())
            .map(|(n, _)| n.as_str())
            .collect();
        let label = role.label(Language::English);
        println!("{label}s in {on}: {} in all", who.len());
        if !certain.is_empty() {
            println!("  certainly: {}", certain.join(", "));
        }
        if !possible.is_empty() {
            println!("  possibly:  {}", possible.join(", "));
            if certain.is_empty() {
                println!("  (the pages that list them give no dates, so no answer is certain)");
            }
        }
    }
    println!("sources: {}", midwa.sources().len());
    Ok(())
}

fn midsa_chairs(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let id = ProcessId::new("MIDSA")?;
    let title = data
        .process(&id)
        .map_or_else(|| id.to_string(), |p| p.name().to_owned());
    heading(&format!("Who chaired the {title}"));
    let history = data.chair_history(&Party::Process(id));
    if history.is_empty() {
        println!("(no chair in the sources)");
    }
    for term in history {
        match term {
            ChairTerm::Chair(m) => println!(
                "{:<12} {:<10} {}",
                m.period().to_string(),
                m.role().label(Language::English),
                name(data, m.member())
            ),
            ChairTerm::Gap(gap) => {
                println!("{:<12} (no source here names the chair)", gap.to_string());
            }
            _ => {}
        }
    }
    Ok(())
}

fn guinea(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let gin = CountryCode::from_name("Guinea")?;
    heading(&format!(
        "IOM Development Fund projects benefiting {}",
        gin.name()
    ));
    let filter = ProjectFilter::default().idf_only();
    let mut total: Option<Money> = None;
    let mut without_budget = 0;
    for p in data.projects_benefiting(gin, &filter) {
        let budget = p
            .amounts()
            .iter()
            .find(|a| *a.kind() == AmountKind::Budget)
            .map(|a| a.money());
        let status = p
            .status()
            .map_or("status unknown", |s| s.label(Language::English));
        println!(
            "{:<9} {:<10} {:>15}  {:<10} {}",
            p.id().to_string(),
            p.period().to_string(),
            budget.map_or_else(|| "no budget".to_owned(), ToString::to_string),
            status,
            p.title()
        );
        match budget {
            Some(b) => {
                total = Some(match total {
                    None => *b,
                    // Exact decimal sums; a currency mismatch would be refused.
                    Some(t) => t.checked_add(b)?,
                });
            }
            None => without_budget += 1,
        }
    }
    if let Some(t) = total {
        println!("budgets add up to {t} ({without_budget} project(s) without a budget)");
    }
    Ok(())
}

fn senegal(data: &Dataset) -> Result<(), Box<dyn Error>> {
    let sen = CountryCode::from_name("Senegal")?;
    let on: PartialDate = "2024".parse()?;
    heading(&format!("Where {} takes part ({on})", sen.name()));
    // Directly, and through the organisations it is a member of (ECOWAS is
    // a member of MIDWA): one line per body, role and path, the surest kept.
    let mut seen: BTreeMap<(String, String, String), Truth> = BTreeMap::new();
    for answer in data.bodies_of(&Party::State(sen), on, 2) {
        let via: Vec<String> = answer.through().map(|b| name(data, b)).collect();
        let key = (
            name(data, answer.body()),
            answer.role().label(Language::English).to_owned(),
            via.join(", "),
        );
        let entry = seen.entry(key).or_insert(Truth::Maybe);
        if answer.certainty().is_yes() {
            *entry = Truth::Yes;
        }
    }
    for ((body, role, via), certainty) in seen {
        let via = if via.is_empty() {
            String::new()
        } else {
            format!(" (through {via})")
        };
        println!("{body:<52} {role:<20} {}{via}", how(certainty));
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
