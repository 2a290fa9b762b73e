//! IOM status over time across the dataset: who was admitted when.

use chrono::NaiveDate;

use crate::dataset::Dataset;
use crate::dataset::query::AsOf;
use crate::entity::{IomStatus, MemberState, StatusChange};
use crate::value::{Answer, PartialDate, Source, Truth};

/// A state that took an IOM status in a window, with the step that records
/// it (see [`Dataset::took_status_between`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusTaken<'a> {
    state: &'a MemberState,
    step: &'a StatusChange,
    certainty: Truth,
}

impl<'a> StatusTaken<'a> {
    /// The state's record.
    pub fn state(&self) -> &'a MemberState {
        self.state
    }

    /// The step of its status history: the status, since when, and the
    /// Council session that decided it where known.
    pub fn step(&self) -> &'a StatusChange {
        self.step
    }

    /// [`Truth::Yes`] when the step's date lies wholly in the window,
    /// [`Truth::Maybe`] when it only overlaps it (a year against a window
    /// that ends mid-year).
    pub fn certainty(&self) -> Truth {
        self.certainty
    }

    /// The answer as an [`AsOf`] of the state.
    pub fn as_of(&self) -> AsOf<'a, MemberState> {
        AsOf::new(self.state, self.certainty)
    }

    /// The sources that back the answer: the step's own
    /// ([`StatusChange::sources`]), never the whole list of the state's
    /// record (which backs its other facts too); empty where the data names
    /// none for the step.
    pub fn sources(&self) -> Vec<&'a Source> {
        self.step.sources().iter().collect()
    }
}

impl<'a> Answer<'a> for StatusTaken<'a> {
    fn sources(&self) -> Vec<&'a Source> {
        StatusTaken::sources(self)
    }

    fn certainty(&self) -> Truth {
        self.certainty
    }
}

impl Dataset {
    /// The states that took `status` (were admitted as members, or became
    /// observers) between the first day of `from` and the last day of `to`,
    /// each with the dated step of its history and how sure the date is to
    /// lie in the window. Steps with no date are not answers: the dataset
    /// cannot say when they happened. An observer that became a member in
    /// the window is an answer for [`IomStatus::Member`]. O(n) over the
    /// member states.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{CountryCode, Dataset, IomStatus, MemberState};
    ///
    /// let mut b = Dataset::builder();
    /// b.add_member_state(MemberState::builder(CountryCode::from_alpha3("ATG")?)
    ///     .status(IomStatus::Member, Some("2011-12".parse()?)).build()?)?;
    /// b.add_member_state(MemberState::builder(CountryCode::from_alpha3("SEN")?)
    ///     .status(IomStatus::Member, None).build()?)?;
    /// let data = b.build()?;
    /// let admitted: Vec<_> = data
    ///     .took_status_between(IomStatus::Member, "2000".parse()?, "2011".parse()?)
    ///     .map(|t| t.state().country().alpha3())
    ///     .collect();
    /// assert_eq!(admitted, ["ATG"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn took_status_between(
        &self,
        status: IomStatus,
        from: PartialDate,
        to: PartialDate,
    ) -> impl Iterator<Item = StatusTaken<'_>> + '_ {
        let (lo, hi) = (from.first_day(), to.last_day());
        self.member_states().iter().flat_map(move |state| {
            state
                .status_history()
                .iter()
                .filter(move |step| step.status() == status)
                .filter_map(move |step| {
                    let since = step.since()?;
                    let certainty = within(since, lo, hi);
                    (certainty != Truth::No).then_some(StatusTaken {
                        state,
                        step,
                        certainty,
                    })
                })
        })
    }
}

fn within(d: PartialDate, lo: NaiveDate, hi: NaiveDate) -> Truth {
    if d.first_day() >= lo && d.last_day() <= hi {
        Truth::Yes
    } else if d.last_day() >= lo && d.first_day() <= hi {
        Truth::Maybe
    } else {
        Truth::No
    }
}
