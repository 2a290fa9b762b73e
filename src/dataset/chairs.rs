//! Chair histories: who chaired a body, term by term, with the gaps shown.

use chrono::{Datelike, Days, NaiveDate};

use crate::codelist::MembershipRole;
use crate::dataset::Dataset;
use crate::entity::{Membership, Party};
use crate::value::{PartialDate, Period, Source};

/// One entry of a body's chair history (see [`Dataset::chair_history`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChairTerm<'a> {
    /// A chair (or co-chair) and the membership that records it.
    Chair(&'a Membership),
    /// A time between two known terms for which the dataset names no chair:
    /// not "nobody chaired", only "no source here says who did".
    Gap(Period),
}

impl<'a> ChairTerm<'a> {
    /// The sources that back the term: the chair membership's own
    /// ([`Membership::backing_sources`]), not the body's; none for a gap,
    /// which no source states.
    pub fn sources(&self) -> Vec<&'a Source> {
        match self {
            Self::Chair(m) => m.backing_sources(),
            Self::Gap(_) => Vec::new(),
        }
    }
}

impl Dataset {
    /// The chairs and co-chairs of `body`, in the order of their terms, with
    /// a [`ChairTerm::Gap`] wherever one term certainly ends before the next
    /// begins (MIDSA chaired in 2017 and 2019 shows a gap for 2018). A gap is
    /// written at the coarsest precision that covers it exactly: a run of
    /// whole years as years, of whole months as months, else days. Terms of
    /// unknown dates come last, in the dataset's order. O(k log k) for the
    /// body's k memberships.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::codelist::MembershipRole;
    /// use migov::{ChairTerm, CountryCode, Dataset, Membership, Party, ProcessId, RegionalConsultativeProcess};
    ///
    /// let midsa = ProcessId::new("MIDSA")?;
    /// let mut b = Dataset::builder();
    /// b.add_process(RegionalConsultativeProcess::builder(midsa.clone(), "Migration Dialogue for Southern Africa").build()?)?;
    /// for (state, year) in [("ZAF", "2017"), ("NAM", "2019")] {
    ///     let chair = Membership::builder(
    ///         Party::State(CountryCode::from_alpha3(state)?),
    ///         Party::Process(midsa.clone()),
    ///         MembershipRole::Chair,
    ///     )
    ///     .period(format!("{year}/{year}").parse()?)
    ///     .build()?;
    ///     b.add_membership(chair);
    /// }
    /// let data = b.build()?;
    /// let history: Vec<String> = data
    ///     .chair_history(&Party::Process(midsa))
    ///     .iter()
    ///     .map(|term| match term {
    ///         ChairTerm::Chair(m) => format!("{} {}", m.member(), m.period()),
    ///         ChairTerm::Gap(gap) => format!("gap {gap}"),
    ///         _ => String::new(),
    ///     })
    ///     .collect();
    /// assert_eq!(history, ["state ZAF 2017", "gap 2018", "state NAM 2019"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chair_history(&self, body: &Party) -> Vec<ChairTerm<'_>> {
        let mut dated: Vec<(NaiveDate, &Membership)> = Vec::new();
        let mut undated: Vec<&Membership> = Vec::new();
        for m in self.memberships_in(body) {
            if !matches!(m.role(), MembershipRole::Chair | MembershipRole::CoChair) {
                continue;
            }
            match self.effective_period(m).start() {
                Some(start) => dated.push((start.first_day(), m)),
                None => undated.push(m),
            }
        }
        dated.sort_by_key(|(start, _)| *start);
        let mut out = Vec::with_capacity(dated.len() * 2 + undated.len());
        // The latest day known to be covered by a term so far.
        let mut covered: Option<NaiveDate> = None;
        for (start, m) in dated {
            if let Some(until) = covered
                && let Some(gap) = gap_between(until, start)
            {
                out.push(ChairTerm::Gap(gap));
            }
            out.push(ChairTerm::Chair(m));
            // A term with an open or unknown end covers nothing certain
            // after its start: the next term closes it without a gap.
            let end = self.effective_period(m).end().map(|e| e.last_day());
            covered = match (covered, end) {
                (Some(c), Some(e)) => Some(c.max(e)),
                (_, Some(e)) => Some(e),
                (_, None) => Some(NaiveDate::MAX),
            };
        }
        out.extend(undated.into_iter().map(ChairTerm::Chair));
        out
    }
}

/// The days after `until` and before `next`, if there are any.
fn gap_between(until: NaiveDate, next: NaiveDate) -> Option<Period> {
    let first = until.checked_add_days(Days::new(1))?;
    let last = next.checked_sub_days(Days::new(1))?;
    if first > last {
        return None;
    }
    let (start, end) = coarsest(first, last)?;
    Period::new(Some(start), Some(end)).ok()
}

/// `first` and `last` as whole years, else whole months, else days.
fn coarsest(first: NaiveDate, last: NaiveDate) -> Option<(PartialDate, PartialDate)> {
    let next_day = last.checked_add_days(Days::new(1))?;
    let year_aligned = first.ordinal() == 1 && next_day.ordinal() == 1;
    let month_aligned = first.day() == 1 && next_day.day() == 1;
    if year_aligned {
        Some((
            PartialDate::year_only(first.year()).ok()?,
            PartialDate::year_only(last.year()).ok()?,
        ))
    } else if month_aligned {
        Some((
            PartialDate::year_month(first.year(), first.month()).ok()?,
            PartialDate::year_month(last.year(), last.month()).ok()?,
        ))
    } else {
        Some((
            PartialDate::ymd(first.year(), first.month(), first.day()).ok()?,
            PartialDate::ymd(last.year(), last.month(), last.day()).ok()?,
        ))
    }
}
