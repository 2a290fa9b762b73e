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

/// Admissions the counts cannot show, each with the reason.
///
/// The Russian Federation: the dataset dates the Council's approval of its
/// application (24 November 2020, TASS); TASS says it becomes a full member
/// only "after the internal procedures are complete", and the counts stated a
/// year later (173 at the Council of December 2021, as in November 2019) do not
/// include it yet; Barbados, admitted at the 113th session (late 2022), was the
/// 175th member, so by then it was counted.
const NOT_YET_IN_THE_COUNTS: &[(&str, &str, &str)] = &[("RUS", "2020-11-24", "2022")];

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
    // The sources found so far date fewer (see data/facts/SEARCH_LOG_iom_members.md);
    // this ceiling only stops the dated share from falling back.
    const MAX_UNDATED: usize = 116;
    assert!(
        undated <= MAX_UNDATED,
        "{undated} member states have no admission date (at most {MAX_UNDATED} expected)"
    );
}
