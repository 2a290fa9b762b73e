//! IOM's dated member counts checked against the dated admissions of the
//! reference dataset.
//!
//! Every `member_states` figure with an `as_of` date on the IOM partner record
//! comes from a page that states it (IOM news, IOM country offices, press). The
//! admissions come from other pages (each member state's `member` status step).
//! Two independent sets of pages must agree:
//!
//! * no more states can have been admitted by a date than the count stated for
//!   it (a too-early admission date shows up here);
//! * no more states can have been admitted after it than the current
//!   membership minus that count (a too-late admission date shows up here);
//! * between two counts, the states surely admitted in between cannot exceed
//!   the growth of the count, and every such admission must be explained.
//!
//! Admissions whose date straddles a count's date (a year against a day) are
//! counted on neither side; undated admissions are only ever "somewhere".

#![cfg(feature = "reference-data")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use migov::codelist::Metric;
use migov::{Dataset, IomStatus, MemberState, PartialDate};

fn data() -> &'static Dataset {
    match migov::reference::dataset() {
        Ok(d) => d,
        Err(e) => panic!("the reference dataset does not load:\n{e}"),
    }
}

/// A stated member count: the count and the date it holds at.
struct Count {
    as_of: PartialDate,
    value: i64,
}

fn member_counts() -> Vec<Count> {
    let iom = data()
        .partner(&migov::PartnerId::new("IOM").expect("a valid id"))
        .expect("IOM is a partner record");
    let mut counts: Vec<Count> = iom
        .figures()
        .iter()
        .filter(|f| *f.metric() == Metric::MemberStates)
        .filter_map(|f| {
            f.as_of().map(|as_of| Count {
                as_of,
                value: i64::try_from(f.value()).unwrap(),
            })
        })
        .collect();
    counts.sort_by_key(|c| c.as_of);
    counts
}

/// The start of the state's current membership (its last step, if `member`).
/// `None` inside `Some` means: a member, admission undated.
fn admission(state: &MemberState) -> Option<Option<PartialDate>> {
    let last = state.status_history().last()?;
    (last.status() == IomStatus::Member).then(|| last.since())
}

/// Where an admission lies relative to a count's date.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Side {
    /// Surely on or before the date's first day: counted in it.
    Before,
    /// Surely after the date's last day: not counted in it.
    After,
    /// The two spans overlap (a year against a day of that year), or undated.
    Unknown,
}

fn side(admitted: Option<PartialDate>, as_of: PartialDate) -> Side {
    match admitted {
        Some(s) if s.last_day() <= as_of.first_day() => Side::Before,
        Some(s) if s.first_day() > as_of.last_day() => Side::After,
        _ => Side::Unknown,
    }
}

struct Tally {
    before: i64,
    after: i64,
    unknown: i64,
}

fn tally(as_of: PartialDate) -> Tally {
    let mut t = Tally {
        before: 0,
        after: 0,
        unknown: 0,
    };
    for state in data().member_states() {
        if let Some(admitted) = admission(state) {
            match side(admitted, as_of) {
                Side::Before => t.before += 1,
                Side::After => t.after += 1,
                Side::Unknown => t.unknown += 1,
            }
        }
    }
    t
}

fn members_now() -> i64 {
    data()
        .member_states()
        .iter()
        .filter(|s| admission(s).is_some())
        .count() as i64
}

/// Admissions the counts cannot show, each with the reason: (state, the
/// admission date the dataset's last status step gives, the first count that
/// includes it).
///
/// The Russian Federation: the Council approved its application on 24 November
/// 2020 (TASS; the reference files date the step 2020) and, per TASS and the
/// Russian Foreign Ministry, its membership took effect on 19 April 2021, when
/// the notification of its acceptance of the Constitution was handed to the
/// Director General (the dataset's last step). The count of 173 reported for
/// the Council of December 2021 (Associated Press of Pakistan) is the same as
/// in November 2019 and does not include it: a known disagreement with the
/// sources, recorded in the state's notes. Barbados, admitted at the 113th
/// session (late 2022), was the 175th member, so by then Russia was counted.
const NOT_YET_IN_THE_COUNTS: &[(&str, &str, &str)] = &[("RUS", "2021-04-19", "2022")];

fn not_yet_counted(as_of: PartialDate) -> i64 {
    NOT_YET_IN_THE_COUNTS
        .iter()
        .filter(|(_, approved, effective_by)| {
            let approved: PartialDate = approved.parse().unwrap();
            let effective_by: PartialDate = effective_by.parse().unwrap();
            approved.last_day() <= as_of.first_day() && as_of.last_day() < effective_by.first_day()
        })
        .count() as i64
}

#[test]
fn the_dataset_states_dated_member_counts() {
    let counts = member_counts();
    assert!(
        counts.len() >= 10,
        "expected the sourced milestones (98 in 2002 ... 173 in 2021), got {}",
        counts.len()
    );
    // The counts only grow, except where a count is repeated.
    for pair in counts.windows(2) {
        assert!(
            pair[0].value <= pair[1].value,
            "member count falls from {} ({}) to {} ({})",
            pair[0].value,
            pair[0].as_of,
            pair[1].value,
            pair[1].as_of
        );
    }
    // The newest count does not exceed today's member states.
    assert!(counts.last().unwrap().value <= members_now());
}

#[test]
fn admissions_by_each_date_fit_the_count_stated_for_it() {
    let total = members_now();
    for count in member_counts() {
        let t = tally(count.as_of);
        assert_eq!(t.before + t.after + t.unknown, total);
        let hidden = not_yet_counted(count.as_of);
        // At most `value` states can have joined by then ...
        assert!(
            t.before - hidden <= count.value,
            "{} states are dated as admitted by {}, but the page counts {} members",
            t.before - hidden,
            count.as_of,
            count.value
        );
        // ... and at least `value` of today's members must have joined by then
        // (no member state has left IOM since the earliest count, 2002).
        assert!(
            total - t.after - hidden >= count.value,
            "{} states are dated as admitted after {}, leaving {} of {} members, fewer than the {} counted",
            t.after,
            count.as_of,
            total - t.after - hidden,
            total,
            count.value
        );
    }
}

#[test]
fn admissions_between_two_counts_fit_the_growth_of_the_count() {
    let counts = member_counts();
    for pair in counts.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let mut surely_between = 0i64;
        let mut maybe_between = 0i64;
        for state in data().member_states() {
            let Some(admitted) = admission(state) else {
                continue;
            };
            match (side(admitted, a.as_of), side(admitted, b.as_of)) {
                (Side::After, Side::Before) => surely_between += 1,
                (Side::Before, _) | (_, Side::After) => {}
                _ => maybe_between += 1,
            }
        }
        let hidden = not_yet_counted(b.as_of) - not_yet_counted(a.as_of);
        let growth = b.value - a.value;
        assert!(
            surely_between - hidden <= growth,
            "{surely_between} admissions are dated between {} ({}) and {} ({}), more than the growth {growth}",
            a.as_of,
            a.value,
            b.as_of,
            b.value
        );
        assert!(
            surely_between + maybe_between >= growth + hidden,
            "the count grows by {growth} between {} and {}, but only {} admissions can lie in between",
            a.as_of,
            b.as_of,
            surely_between + maybe_between
        );
    }
}

#[test]
fn few_enough_admissions_are_undated_for_the_counts_to_mean_something() {
    let undated = data()
        .member_states()
        .iter()
        .filter(|s| admission(s) == Some(None))
        .count();
    // Issue #22 asks for an admission year for at least 160 of the 175 members.
    // The sources found so far date 109 (see data/facts/SEARCH_LOG_iom_members.md);
    // this ceiling only stops the dated share from falling back.
    const MAX_UNDATED: usize = 66;
    assert!(
        undated <= MAX_UNDATED,
        "{undated} member states have no admission date (at most {MAX_UNDATED} expected)"
    );
}

#[test]
fn the_admissions_the_counts_cannot_show_are_the_ones_the_dataset_dates() {
    for (code, admitted, _) in NOT_YET_IN_THE_COUNTS {
        let state = data()
            .member_state(migov::CountryCode::from_alpha3(code).unwrap())
            .unwrap();
        assert_eq!(
            admission(state).flatten().map(|d| d.to_string()).as_deref(),
            Some(*admitted),
            "{code}: the explanation of the counts no longer matches the dataset's admission"
        );
    }
}

/// The status history of a member state as (status, since, deciding session).
fn history(code: &str) -> Vec<(String, Option<String>, Option<String>)> {
    data()
        .member_state(migov::CountryCode::from_alpha3(code).unwrap())
        .unwrap_or_else(|| panic!("{code} is a member state record"))
        .status_history()
        .iter()
        .map(|s| {
            (
                s.status().to_string(),
                s.since().map(|d| d.to_string()),
                s.decided_at().map(|e| e.as_str().to_owned()),
            )
        })
        .collect()
}

fn step(status: &str, since: &str, at: Option<&str>) -> (String, Option<String>, Option<String>) {
    (
        status.to_owned(),
        Some(since.to_owned()),
        at.map(str::to_owned),
    )
}

#[test]
fn newly_dated_admissions_keep_the_precision_their_pages_give() {
    // A year stays a year, a month a month, a day a day.
    assert_eq!(history("DEU"), [step("member", "1954", None)]);
    assert_eq!(history("CZE"), [step("member", "1995-11-28", None)]);
    assert_eq!(history("SRB"), [step("member", "2001-11", None)]);
    assert_eq!(history("HTI"), [step("member", "1995", None)]);
    assert_eq!(history("MAR"), [step("member", "1998", None)]);
    assert_eq!(history("FIN"), [step("member", "1991", None)]);
    assert_eq!(history("CAN"), [step("member", "1951", None)]);
    assert_eq!(history("CHE"), [step("member", "1951", None)]);
    assert_eq!(history("IRL"), [step("member", "2002", None)]);
    assert_eq!(history("JPN"), [step("member", "1993", None)]);
    assert_eq!(history("NLD"), [step("member", "1951", None)]);
    assert_eq!(history("LAO"), [step("member", "2018-06", None)]);
    assert_eq!(history("TUN"), [step("member", "1999-06", None)]);
    assert_eq!(history("YEM"), [step("member", "1999", None)]);
    assert_eq!(
        history("SDN"),
        [step("observer", "1993", None), step("member", "1998", None)]
    );
    assert_eq!(
        history("MEX"),
        [step("member", "2002-06", Some("IOM-COUNCIL-83"))]
    );
    assert_eq!(history("NAM"), [step("member", "2009", None)]);
    assert_eq!(
        history("SUR"),
        [step("member", "2013-06", Some("IOM-COUNCIL-102"))]
    );
}

/// The URLs a state's status step cites as its own sources.
fn step_sources(code: &str, since: &str) -> Vec<String> {
    let state = data()
        .member_state(migov::CountryCode::from_alpha3(code).unwrap())
        .unwrap_or_else(|| panic!("{code} is a member state record"));
    let step = state
        .status_history()
        .iter()
        .find(|s| s.since().map(|d| d.to_string()).as_deref() == Some(since))
        .unwrap_or_else(|| panic!("{code} has a step dated {since}"));
    step.sources().iter().map(|s| s.url().to_owned()).collect()
}

#[test]
fn each_dated_step_cites_the_pages_that_state_its_date() {
    // #21 point 6: a step keeps only its own sources, not every source of the state.
    assert_eq!(
        step_sources("IRL", "2002"),
        ["https://ireland.iom.int/iom-ireland"]
    );
    // The 1952 list of members dates an earlier membership, not the 2004 admission.
    assert_eq!(
        step_sources("BRA", "2004"),
        ["http://www.romaniaunog.org/statements/20041202_iom.htm"]
    );
    // Egypt's 2020 release gives 1990, a competing year: the 1991 step does not cite it.
    assert_eq!(
        step_sources("EGY", "1991"),
        ["https://egypt.iom.int/iom-egypt"]
    );
    for state in data().member_states() {
        let record: Vec<&str> = state.sources().iter().map(|s| s.url()).collect();
        for step in state.status_history() {
            for source in step.sources() {
                assert!(
                    record.contains(&source.url()),
                    "{}: the step {:?} cites {} that the state's record does not",
                    state.country(),
                    step.since().map(|d| d.to_string()),
                    source.url()
                );
            }
        }
    }
}

#[test]
fn admissions_name_the_council_session_that_decided_them() {
    assert_eq!(
        history("TUR"),
        [step("member", "2004-11", Some("IOM-COUNCIL-88"))]
    );
    assert_eq!(
        history("TON"),
        [step("member", "2016-12-05", Some("IOM-COUNCIL-107"))]
    );
    assert_eq!(
        history("ZAF"),
        [step("member", "1997-11", Some("IOM-COUNCIL-74"))]
    );
    assert_eq!(
        history("WSM"),
        [step("member", "2014-11", Some("IOM-COUNCIL-105"))]
    );
    for code in ["TKM", "ISL", "FJI", "MHL"] {
        assert_eq!(
            history(code),
            [step("member", "2013-11", Some("IOM-COUNCIL-103"))],
            "{code}"
        );
    }
}

#[test]
fn observer_periods_come_before_the_membership() {
    assert_eq!(
        history("EGY"),
        [step("observer", "1974", None), step("member", "1991", None)]
    );
    assert_eq!(
        history("LVA"),
        [step("observer", "1994", None), step("member", "1999", None)]
    );
    assert_eq!(
        history("AUS"),
        [
            step("observer", "1977", None),
            step("member", "1985-05", None)
        ]
    );
    assert_eq!(
        history("ESP"),
        [step("observer", "1979", None), step("member", "2006", None)]
    );
    assert_eq!(
        history("IRN"),
        [step("observer", "1995", None), step("member", "2001", None)]
    );
}

#[test]
fn disagreeing_admission_dates_are_kept_side_by_side() {
    // The reference files date Russia's admission by the Council's approval;
    // TASS dates the membership from the notification of April 2021.
    assert_eq!(
        history("RUS"),
        [
            step("observer", "1992", None),
            step("member", "2020", None),
            step("member", "2021-04-19", Some("IOM-COUNCIL-2020-11")),
        ]
    );
    // Malawi: welcomed as a member at the special session of June 2013 (a US
    // statement) and admitted at the Council of November 2013 (IOM's pages).
    assert_eq!(
        history("MWI"),
        [
            step("member", "2013-06", Some("IOM-COUNCIL-102")),
            step("member", "2013-11", Some("IOM-COUNCIL-103")),
        ]
    );
    assert_eq!(
        step_sources("MWI", "2013-06"),
        [
            "https://geneva.usmission.gov/2013/06/17/ambassador-swing-elected-to-a-second-term-as-iom-director/"
        ]
    );
}

#[test]
fn every_deciding_session_is_a_council_session_opened_by_the_step() {
    let mut named = 0;
    for state in data().member_states() {
        for s in state.status_history() {
            let Some(id) = s.decided_at() else { continue };
            named += 1;
            let event = data()
                .event(id)
                .unwrap_or_else(|| panic!("{}: no event {}", state.country(), id.as_str()));
            assert_eq!(
                event.kind(),
                Some(&migov::codelist::EventKind::CouncilSession),
                "{}: {} is not a Council session",
                state.country(),
                id.as_str()
            );
            let (Some(since), Some(period)) = (s.since(), event.period()) else {
                continue;
            };
            let Some(start) = period.start() else {
                continue;
            };
            // A session decides a step on or after its opening; the step can
            // take effect later (Russia: approved in November 2020, a member
            // from April 2021), never before.
            assert!(
                start.first_day() <= since.last_day(),
                "{}: the step of {since} is dated before {} opened ({start})",
                state.country(),
                id.as_str()
            );
        }
    }
    assert!(named >= 30, "only {named} status steps name their session");
}
