//! Membership questions over time: who was in a process on a date, certainly
//! and possibly, and what changed between two dates.
//!
//! Run with `cargo run --example membership_over_time -- MIDSA 2010`
//! (defaults: MIDWA, 2010).

use std::error::Error;

use migov::codelist::MembershipRole;
use migov::{PartialDate, Party, ProcessId};

fn main() -> Result<(), Box<dyn Error>> {
    let data = migov::reference::dataset()?;
    let mut args = std::env::args().skip(1);
    let process = ProcessId::new(&args.next().unwrap_or_else(|| "MIDWA".to_owned()))?;
    let on: PartialDate = args.next().unwrap_or_else(|| "2010".to_owned()).parse()?;
    let body = Party::Process(process.clone());

    for role in [
        MembershipRole::Member,
        MembershipRole::Observer,
        MembershipRole::Chair,
    ] {
        let (mut certain, mut possible) = (Vec::new(), Vec::new());
        for answer in data.members_of(&body, &role, on) {
            let who = answer.member().to_string();
            if answer.certainty().is_yes() {
                certain.push(who);
            } else {
                possible.push(who);
            }
        }
        println!("{role}s of {process} in {on}:");
        println!("  certainly: {}", list(&certain));
        println!("  possibly:  {}", list(&possible));
    }

    let from: PartialDate = "2015".parse()?;
    let to: PartialDate = "2025".parse()?;
    println!("\nchanges in {process} between {from} and {to}:");
    for change in data.membership_changes(from, to) {
        let m = change.membership();
        if *m.body() != body {
            continue;
        }
        let what = match change {
            migov::MembershipChange::Began(_) => "began",
            migov::MembershipChange::Ended(_) => "ended",
            _ => "changed",
        };
        println!(
            "  {} {} as {} ({}, {})",
            m.member(),
            what,
            m.role(),
            m.period(),
            change.certainty()
        );
    }
    Ok(())
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_owned()
    } else {
        items.join(", ")
    }
}
