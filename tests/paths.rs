//! Membership through bodies (#21): answers with their paths, certainty
//! combined along them, both directions agreeing.

#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use std::collections::BTreeSet;

use migov::codelist::MembershipRole;
use migov::{
    CountryCode, Dataset, Membership, PartialDate, Partner, PartnerId, Party, Period, ProcessId,
    Rcp, Reached, Truth,
};
use proptest::prelude::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn state(code: &str) -> Result<Party, Box<dyn std::error::Error>> {
    Ok(Party::State(CountryCode::from_alpha3(code)?))
}

fn link(
    who: &Party,
    of: &Party,
    role: MembershipRole,
    period: &str,
) -> Result<Membership, Box<dyn std::error::Error>> {
    Ok(Membership::builder(who.clone(), of.clone(), role)
        .period(period.parse()?)
        .build()?)
}

/// Senegal in ECOWAS (from 1975, still), ECOWAS in MIDWA (from 2001,
/// still), Ghana an observer of ECOWAS (made up for the test), and ECOWAS
/// in another body P2 with an end only known to the year 2025.
fn west_africa() -> Result<Dataset, Box<dyn std::error::Error>> {
    let mut b = Dataset::builder();
    b.add_partner(Partner::builder(PartnerId::new("ECOWAS")?, "ECOWAS").build()?)?;
    b.add_process(Rcp::builder(ProcessId::new("MIDWA")?, "MIDWA").build()?)?;
    b.add_process(Rcp::builder(ProcessId::new("P2")?, "Process two").build()?)?;
    let ecowas = Party::Partner(PartnerId::new("ECOWAS")?);
    let midwa = Party::Process(ProcessId::new("MIDWA")?);
    let p2 = Party::Process(ProcessId::new("P2")?);
    b.add_membership(link(
        &state("SEN")?,
        &ecowas,
        MembershipRole::Member,
        "1975/..",
    )?);
    b.add_membership(link(
        &state("GHA")?,
        &ecowas,
        MembershipRole::Observer,
        "1975/..",
    )?);
    b.add_membership(link(&ecowas, &midwa, MembershipRole::Member, "2001/..")?);
    b.add_membership(link(&ecowas, &p2, MembershipRole::Observer, "2010/2025")?);
    Ok(b.build()?)
}

fn on(s: &str) -> Result<PartialDate, Box<dyn std::error::Error>> {
    Ok(s.parse()?)
}

fn bodies(answers: &[Reached<'_>]) -> Vec<String> {
    let mut v: Vec<String> = answers.iter().map(ToString::to_string).collect();
    v.sort();
    v
}

#[test]
fn a_state_is_in_a_process_through_the_organisation_it_belongs_to() -> TestResult {
    let d = west_africa()?;
    let sen = state("SEN")?;
    assert_eq!(
        bodies(&d.bodies_of(&sen, on("2024")?, 2)),
        [
            "state SEN: member of partner ECOWAS",
            "state SEN: member of process MIDWA, through partner ECOWAS",
            "state SEN: observer of process P2, through partner ECOWAS",
        ]
    );
    // Depth 1: its own memberships only.
    assert_eq!(
        bodies(&d.bodies_of(&sen, on("2024")?, 1)),
        ["state SEN: member of partner ECOWAS"]
    );
    // Before ECOWAS joined MIDWA: no path to MIDWA.
    let midwa = Party::Process(ProcessId::new("MIDWA")?);
    assert!(
        d.bodies_of(&sen, on("1990")?, 3)
            .iter()
            .all(|a| a.body() != &midwa)
    );
    Ok(())
}

#[test]
fn the_certainty_is_that_of_the_least_sure_link() -> TestResult {
    let d = west_africa()?;
    let answers = d.bodies_of(&state("SEN")?, on("2025-06")?, 2);
    let p2_body = Party::Process(ProcessId::new("P2")?);
    let midwa_body = Party::Process(ProcessId::new("MIDWA")?);
    let p2 = answers
        .iter()
        .find(|a| a.body() == &p2_body)
        .ok_or("no answer for P2")?;
    // Senegal is certainly in ECOWAS; ECOWAS's role in P2 ends at some time
    // in 2025, so the path only possibly holds in June 2025.
    assert_eq!(p2.certainty(), Truth::Maybe);
    assert_eq!(p2.path().len(), 2);
    assert!(!p2.is_direct());
    let midwa = answers
        .iter()
        .find(|a| a.body() == &midwa_body)
        .ok_or("no answer for MIDWA")?;
    assert_eq!(midwa.certainty(), Truth::Yes);
    Ok(())
}

#[test]
fn an_observer_takes_no_part_in_what_its_organisation_belongs_to() -> TestResult {
    let d = west_africa()?;
    assert_eq!(
        bodies(&d.bodies_of(&state("GHA")?, on("2024")?, 3)),
        ["state GHA: observer of partner ECOWAS"]
    );
    let midwa = Party::Process(ProcessId::new("MIDWA")?);
    let members = d.members_through(&midwa, &MembershipRole::Member, on("2024")?, 3);
    assert_eq!(
        bodies(&members),
        [
            "partner ECOWAS: member of process MIDWA",
            "state SEN: member of process MIDWA, through partner ECOWAS",
        ]
    );
    Ok(())
}

#[test]
fn cycles_end_and_each_body_is_followed_once() -> TestResult {
    let mut b = Dataset::builder();
    let a = PartnerId::new("A")?;
    let c = PartnerId::new("C")?;
    b.add_partner(Partner::builder(a.clone(), "A").build()?)?;
    b.add_partner(Partner::builder(c.clone(), "C").build()?)?;
    let (pa, pc) = (Party::Partner(a), Party::Partner(c));
    b.add_membership(link(&pa, &pc, MembershipRole::Member, "2000/..")?);
    b.add_membership(link(&pc, &pa, MembershipRole::Member, "2000/..")?);
    b.add_membership(link(
        &state("SEN")?,
        &pa,
        MembershipRole::Member,
        "2000/..",
    )?);
    let d = b.build()?;
    let up = d.bodies_of(&state("SEN")?, on("2010")?, Reached::MAX_DEPTH);
    // SEN in A; through A in C; through A and C in A again (the path
    // reaches A once more, and stops there).
    assert_eq!(
        bodies(&up),
        [
            "state SEN: member of partner A",
            "state SEN: member of partner A, through partner A, partner C",
            "state SEN: member of partner C, through partner A",
        ]
    );
    let down = d.members_through(&pa, &MembershipRole::Member, on("2010")?, 100);
    assert!(down.len() <= 4, "{down:?}");
    Ok(())
}

/// A random web of memberships: members are 3 states and 2 partners,
/// bodies the 2 partners and 2 processes (a process is never a member);
/// every link has its own period.
fn web() -> impl Strategy<Value = Vec<(usize, usize, bool, u16, u16)>> {
    prop::collection::vec(
        (0..5usize, 0..4usize, any::<bool>(), 1990..2020u16, 0..20u16),
        0..24,
    )
}

fn party(i: usize) -> Party {
    match i {
        0 => Party::State(CountryCode::from_alpha3("SEN").unwrap()),
        1 => Party::State(CountryCode::from_alpha3("MLI").unwrap()),
        2 => Party::State(CountryCode::from_alpha3("GHA").unwrap()),
        3 | 4 => Party::Partner(PartnerId::new(&format!("B{i}")).unwrap()),
        _ => Party::Process(ProcessId::new(&format!("B{i}")).unwrap()),
    }
}

fn build_web(
    links: &[(usize, usize, bool, u16, u16)],
) -> Result<Dataset, Box<dyn std::error::Error>> {
    let mut b = Dataset::builder();
    for i in 3..7 {
        match party(i) {
            Party::Partner(p) => {
                b.add_partner(Partner::builder(p.clone(), p.as_str()).build()?)?;
            }
            Party::Process(p) => {
                b.add_process(Rcp::builder(p.clone(), p.as_str()).build()?)?;
            }
            _ => {}
        }
    }
    for &(who, of, _, start, len) in links {
        // One role per pair: a state both member and observer of one body
        // at once is refused by the dataset.
        let member = (who + of) % 3 != 0;
        let body = party(3 + of);
        if party(who) == body {
            continue;
        }
        let role = if member {
            MembershipRole::Member
        } else {
            MembershipRole::Observer
        };
        let period: Period = format!("{start}/{}", start + len).parse()?;
        b.add_membership(
            Membership::builder(party(who), body, role)
                .period(period)
                .build()?,
        );
    }
    Ok(b.build()?)
}

proptest! {
    /// Going up from every party and down from every body find the same
    /// (member, body) pairs in the role member, at every depth.
    #[test]
    fn both_directions_agree(links in web(), year in 1990..2040u16, depth in 1..4usize) {
        let d = build_web(&links).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let on: PartialDate = year.to_string().parse().map_err(|e: migov::PartialDateError| TestCaseError::fail(e.to_string()))?;
        let mut up = BTreeSet::new();
        let mut down = BTreeSet::new();
        for i in 0..7 {
            for a in d.bodies_of(&party(i), on, depth) {
                if *a.role() == MembershipRole::Member && a.member() != a.body() {
                    up.insert((a.member().to_string(), a.body().to_string()));
                }
                // Every path is a chain: each link's body is the next link's member.
                for w in a.path().windows(2) {
                    prop_assert_eq!(w[0].body(), w[1].member());
                }
                prop_assert!(a.path().len() <= depth);
                prop_assert_ne!(a.certainty(), Truth::No);
            }
        }
        for i in 3..7 {
            for a in d.members_through(&party(i), &MembershipRole::Member, on, depth) {
                if a.member() != a.body() {
                    down.insert((a.member().to_string(), a.body().to_string()));
                }
            }
        }
        prop_assert_eq!(up, down);
    }
}
