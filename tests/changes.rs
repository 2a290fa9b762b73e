//! The change report between two dates (#21 point 3).

#![allow(clippy::indexing_slicing)]

use std::collections::BTreeSet;

use migov::codelist::{LifecycleStatus, MembershipRole};
use migov::{
    Change, CountryCode, Dataset, IomStatus, MemberState, Membership, Party, ProcessId, Rcp,
};
use proptest::prelude::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Process P (established 2001, dormant since 2016), chaired by Senegal in
/// 2013 and by Mali in 2015; Ghana a member from 2012; Antigua and Barbuda
/// admitted to IOM in 2011.
fn fixture() -> Result<Dataset, Box<dyn std::error::Error>> {
    let p = ProcessId::new("P")?;
    let body = Party::Process(p.clone());
    let mut b = Dataset::builder();
    b.add_process(
        Rcp::builder(p, "Process P")
            .established("2001".parse::<migov::PartialDate>()?)
            .status(LifecycleStatus::Dormant, Some("2016".parse()?))
            .build()?,
    )?;
    b.add_member_state(
        MemberState::builder(CountryCode::from_alpha3("ATG")?)
            .status(IomStatus::Member, Some("2011-12".parse()?))
            .build()?,
    )?;
    for (state, role, period) in [
        ("SEN", MembershipRole::Chair, "2013/2013"),
        ("MLI", MembershipRole::Chair, "2015/2015"),
        ("GHA", MembershipRole::Member, "2012/.."),
    ] {
        b.add_membership(
            Membership::builder(
                Party::State(CountryCode::from_alpha3(state)?),
                body.clone(),
                role,
            )
            .period(period.parse()?)
            .build()?,
        );
    }
    Ok(b.build()?)
}

fn report(d: &Dataset, from: &str, to: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    Ok(d.changes_between(from.parse()?, to.parse()?)
        .iter()
        .map(ToString::to_string)
        .collect())
}

#[test]
fn every_kind_of_change_in_date_order() -> TestResult {
    let d = fixture()?;
    assert_eq!(
        report(&d, "2000", "2020")?,
        [
            "process P established (2001)",
            "state ATG took IOM status member (2011-12)",
            "state GHA became member of process P (2012/..)",
            "process P chair: state SEN (2013)",
            "state SEN ceased to be chair of process P (2013)",
            "process P chair: state SEN → state MLI (2015)",
            "state MLI ceased to be chair of process P (2015)",
            "process P dormant since 2016",
        ]
    );
    // 2016 holds only the dormancy.
    let later = report(&d, "2016", "2016")?;
    assert_eq!(later, ["process P dormant since 2016"]);
    Ok(())
}

#[test]
fn a_change_on_a_coarser_date_than_the_window_is_possible() -> TestResult {
    let d = fixture()?;
    // Admitted in December 2011: certainly within 2011, possibly within
    // 2011-12-01..2011-12-15 (the day is unknown).
    let in_year = d.changes_between("2011".parse()?, "2011".parse()?);
    assert_eq!(in_year.len(), 1);
    assert!(in_year[0].certainty().is_yes());
    let in_half_month = d.changes_between("2011-12-01".parse()?, "2011-12-15".parse()?);
    assert_eq!(in_half_month.len(), 1);
    assert!(matches!(in_half_month[0], Change::Iom(_)));
    assert!(!in_half_month[0].certainty().is_yes());
    assert!(
        d.changes_between("2021".parse()?, "2030".parse()?)
            .is_empty()
    );
    Ok(())
}

proptest! {
    /// A wider window lists every change of a narrower one (on the
    /// reference dataset), and only possible or certain changes.
    #[cfg(feature = "reference-data")]
    #[test]
    fn a_wider_window_keeps_every_change(a in 1950..2026i32, len in 0..10i32, widen in 0..5i32) {
        let d = migov::reference::dataset().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let date = |y: i32| y.to_string().parse::<migov::PartialDate>().map_err(|e| TestCaseError::fail(e.to_string()));
        let narrow: BTreeSet<String> = d.changes_between(date(a)?, date(a + len)?).iter().map(ToString::to_string).collect();
        let wide: BTreeSet<String> = d.changes_between(date(a - widen)?, date(a + len + widen)?).iter().map(ToString::to_string).collect();
        prop_assert!(narrow.is_subset(&wide), "{:?}", narrow.difference(&wide).collect::<Vec<_>>());
        for c in d.changes_between(date(a)?, date(a + len)?) {
            prop_assert!(c.certainty() != migov::Truth::No);
        }
    }
}
