//! Answers people ask for: chair histories with gaps, memberships clipped to
//! lifetimes, and states admitted to IOM in a window.

use migov::codelist::MembershipRole;
use migov::{
    ChairTerm, CountryCode, Dataset, Membership, Party, ProcessId, RegionalConsultativeProcess,
};
use proptest::prelude::*;

fn history_of(years: &[(i32, i32)]) -> Result<Dataset, Box<dyn std::error::Error>> {
    let body = ProcessId::new("P")?;
    let mut b = Dataset::builder();
    b.add_process(RegionalConsultativeProcess::builder(body.clone(), "P").build()?)?;
    let states = ["AGO", "BWA", "COD", "LSO", "MDG", "MWI", "MUS", "MOZ"];
    for ((from, to), code) in years.iter().zip(states.iter().cycle()) {
        let state = CountryCode::from_alpha3(code)?;
        b.add_membership(
            Membership::builder(
                Party::State(state),
                Party::Process(body.clone()),
                MembershipRole::Chair,
            )
            .period(format!("{from}/{to}").parse()?)
            .build()?,
        );
    }
    Ok(b.build()?)
}

proptest! {
    /// Every year from the first term to the last is covered by a term or a
    /// gap, never both, and gaps lie between terms.
    #[test]
    fn terms_and_gaps_tile_the_years(spells in proptest::collection::vec((2000i32..2030, 0i32..3), 1..8)) {
        let years: Vec<(i32, i32)> = spells.iter().map(|(from, len)| (*from, from + len)).collect();
        let data = history_of(&years).unwrap();
        let history = data.chair_history(&Party::Process(ProcessId::new("P").unwrap()));
        let first = years.iter().map(|y| y.0).min().unwrap();
        let last = years.iter().map(|y| y.1).max().unwrap();
        let mut previous_start = i32::MIN;
        for year in first..=last {
            let in_term = years.iter().any(|(a, b)| (*a..=*b).contains(&year));
            let in_gap = history.iter().any(|t| match t {
                ChairTerm::Gap(g) => g.start().unwrap().year() <= year && year <= g.end().unwrap().year(),
                _ => false,
            });
            prop_assert!(in_term != in_gap, "{year}: term {in_term}, gap {in_gap}, {history:?}");
        }
        for term in &history {
            if let ChairTerm::Chair(m) = term {
                let start = m.period().start().unwrap().year();
                prop_assert!(start >= previous_start, "terms out of order");
                previous_start = start;
            }
        }
        prop_assert_eq!(history.iter().filter(|t| matches!(t, ChairTerm::Chair(_))).count(), years.len());
    }
}

#[cfg(feature = "reference-data")]
#[test]
fn midsa_chairs_by_year_with_the_years_no_source_names() {
    let data = migov::reference::dataset().unwrap();
    let midsa = Party::Process(ProcessId::new("MIDSA").unwrap());
    let history = data.chair_history(&midsa);
    let chairs: Vec<String> = history
        .iter()
        .filter_map(|t| match t {
            ChairTerm::Chair(m) => Some(format!("{} {}", m.member(), m.period())),
            _ => None,
        })
        .collect();
    // As the IOM MIDSA page lists them, year by year.
    assert!(chairs.contains(&"state ZAF 2017".to_owned()), "{chairs:?}");
    assert!(chairs.contains(&"state NAM 2019".to_owned()), "{chairs:?}");
    // No source names the 2018 chair: the history says so with a gap.
    assert!(
        history
            .iter()
            .any(|t| matches!(t, ChairTerm::Gap(g) if g.to_string() == "2018"))
    );
    // Who chaired in 2021, from the same data.
    let on = "2021".parse().unwrap();
    let chair: Vec<_> = data
        .members_of(&midsa, &MembershipRole::Chair, on)
        .map(|a| a.item().member().clone())
        .collect();
    assert_eq!(
        chair,
        [Party::State(CountryCode::from_alpha3("MOZ").unwrap())]
    );
}

mod lifetimes {
    use migov::codelist::{LifecycleStatus, MembershipRole};
    use migov::{CountryCode, Dataset, Membership, Partner, PartnerId, Party, Truth};

    /// A membership 2014/2025 in a body dissolved in December 2023.
    fn dissolved_body() -> Result<Dataset, Box<dyn std::error::Error>> {
        let body = PartnerId::new("OLD-BODY")?;
        let mut b = Dataset::builder();
        b.add_partner(
            Partner::builder(body.clone(), "A body dissolved in 2023")
                .established("2010".parse::<migov::PartialDate>()?)
                .status(LifecycleStatus::Dissolved, Some("2023-12".parse()?))
                .build()?,
        )?;
        b.add_membership(
            Membership::builder(
                Party::State(CountryCode::from_alpha3("SEN")?),
                Party::Partner(body),
                MembershipRole::Member,
            )
            .period("2008/2025".parse()?)
            .build()?,
        );
        Ok(b.build()?)
    }

    #[test]
    fn a_membership_is_clipped_to_its_body_lifetime_and_warned() {
        let data = dissolved_body().unwrap();
        let body = Party::Partner(PartnerId::new("OLD-BODY").unwrap());
        let m = &data.memberships()[0];
        assert_eq!(data.effective_period(m).to_string(), "2010/2023-12");
        let members = |year: &str| {
            data.members_of(&body, &MembershipRole::Member, year.parse().unwrap())
                .map(|a| a.certainty())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            members("2024"),
            Vec::<Truth>::new(),
            "no answer after the dissolution"
        );
        assert_eq!(
            members("2009"),
            Vec::<Truth>::new(),
            "no answer before the establishment"
        );
        assert_eq!(members("2015"), [Truth::Yes]);
        // The year after the dissolution: the dissolved body has no members.
        let warned: Vec<String> = data
            .warnings()
            .iter()
            .filter(|w| w.rule().id() == "membership.reaches_outside_body_lifetime")
            .map(|w| format!("{} {}", w.path(), w.message()))
            .collect();
        assert_eq!(warned.len(), 2, "{warned:?}");
        assert!(
            warned
                .iter()
                .any(|w| w.contains("end") && w.contains("until 2025")),
            "{warned:?}"
        );
        assert!(
            warned
                .iter()
                .any(|w| w.contains("start") && w.contains("from 2008")),
            "{warned:?}"
        );
    }
}

#[cfg(feature = "reference-data")]
#[test]
fn states_admitted_to_iom_between_2000_and_2011_have_dated_steps_in_the_window() {
    use migov::{IomStatus, Truth};
    let data = migov::reference::dataset().unwrap();
    let (from, to) = ("2000".parse().unwrap(), "2011".parse().unwrap());
    let admitted: Vec<_> = data
        .took_status_between(IomStatus::Member, from, to)
        .collect();
    assert!(!admitted.is_empty());
    // Each answer agrees with a plain look at the state's own history.
    let mut expected = 0;
    for s in data.member_states() {
        for step in s.status_history() {
            if step.status() == IomStatus::Member
                && let Some(since) = step.since()
                && (2000..=2011).contains(&since.year())
            {
                expected += 1;
            }
        }
    }
    assert_eq!(admitted.len(), expected);
    assert!(
        admitted
            .iter()
            .all(|t| t.certainty() == Truth::Yes && t.step().since().is_some())
    );
    // Antigua and Barbuda, admitted in December 2011 (see its record's note).
    assert!(
        admitted
            .iter()
            .any(|t| t.state().country().alpha3() == "ATG")
    );
}

/// On the reference dataset: Senegal takes part in MIDWA directly and
/// through ECOWAS (a member of MIDWA whose member Senegal is), as the IOM
/// MIDWA page lists them; the path names ECOWAS.
#[cfg(feature = "reference-data")]
#[test]
fn senegal_is_in_midwa_directly_and_through_ecowas() -> Result<(), Box<dyn std::error::Error>> {
    let d = migov::reference::dataset()?;
    let sen = migov::Party::State(migov::CountryCode::from_alpha3("SEN")?);
    let midwa = migov::Party::Process(migov::ProcessId::new("MIDWA")?);
    let ecowas = migov::Party::Partner(migov::PartnerId::new("ECOWAS")?);
    let answers = d.bodies_of(&sen, "2024".parse()?, 2);
    let in_midwa: Vec<_> = answers
        .iter()
        .filter(|a| a.body() == &midwa && *a.role() == MembershipRole::Member)
        .collect();
    assert!(in_midwa.iter().any(|a| a.is_direct()));
    let through: Vec<_> = in_midwa.iter().filter(|a| !a.is_direct()).collect();
    assert_eq!(through.len(), 1);
    assert_eq!(through[0].through().collect::<Vec<_>>(), [&ecowas]);
    // Each link of the path cites its own sources.
    assert!(through[0].path().iter().all(|m| !m.sources().is_empty()));
    // Down from MIDWA: Senegal is among the members reached through ECOWAS.
    let down = d.members_through(&midwa, &MembershipRole::Member, "2024".parse()?, 2);
    assert!(
        down.iter()
            .any(|a| a.member() == &sen && a.through().eq([&ecowas]))
    );
    Ok(())
}
