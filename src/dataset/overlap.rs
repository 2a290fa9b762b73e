//! Overlap questions against many periods, in logarithmic time: "does any of
//! these periods overlap that one (yes, maybe, no)?" and "which one certainly
//! overlaps it?". The rules ask them for every spell of a member of a body
//! against that member's other spells, which one scan per question would
//! make quadratic in the spells.

use chrono::NaiveDate;

use crate::value::{Period, Truth};

/// Periods indexed for [`PeriodIndex::overlaps_any`] and
/// [`PeriodIndex::certain_witness`].
///
/// Two periods certainly overlap when each certainly starts before the
/// other can end ([`Period::overlaps`]); they may overlap unless one surely
/// starts after the other surely ends. So: sorted by latest start, a max-tree
/// of earliest ends finds the certain overlaps; sorted by earliest start, a
/// prefix maximum of latest ends tells whether one may overlap.
#[derive(Debug, Default)]
pub(crate) struct PeriodIndex {
    /// The periods with a certain start: (latest start, its position, period),
    /// sorted by latest start.
    certain: Vec<(NaiveDate, usize, Period)>,
    /// Max-tree (1-based heap layout) over the earliest ends of `certain`.
    tree: Vec<NaiveDate>,
    /// Leaves of `tree`: a power of two, at least `certain.len()`.
    leaves: usize,
    /// The earliest starts of every period, sorted.
    starts: Vec<NaiveDate>,
    /// `max_end[i]`: the latest end among the periods of `starts[..=i]`.
    max_end: Vec<NaiveDate>,
}

impl PeriodIndex {
    /// Indexes `periods`, each with the position it is known by.
    /// O(n log n).
    pub(crate) fn new(periods: impl IntoIterator<Item = (usize, Period)>) -> Self {
        let mut certain = Vec::new();
        let mut possible = Vec::new();
        for (position, period) in periods {
            possible.push((period.start_low(), period.end_high()));
            if let Some(start) = period.start_high() {
                certain.push((start, position, period));
            }
        }
        certain.sort_by_key(|(start, position, _)| (*start, *position));
        let leaves = certain.len().next_power_of_two();
        let mut tree = vec![NaiveDate::MIN; 2 * leaves];
        for (slot, (_, _, period)) in tree.iter_mut().skip(leaves).zip(&certain) {
            *slot = period.end_low();
        }
        for node in (1..leaves).rev() {
            let left = tree.get(2 * node).copied().unwrap_or(NaiveDate::MIN);
            let right = tree.get(2 * node + 1).copied().unwrap_or(NaiveDate::MIN);
            if let Some(slot) = tree.get_mut(node) {
                *slot = left.max(right);
            }
        }
        possible.sort_unstable();
        let starts = possible.iter().map(|(start, _)| *start).collect();
        let max_end = possible
            .iter()
            .scan(NaiveDate::MIN, |max, (_, end)| {
                *max = (*max).max(*end);
                Some(*max)
            })
            .collect();
        Self {
            certain,
            tree,
            leaves,
            starts,
            max_end,
        }
    }

    /// Whether any indexed period overlaps `period`: the answer of folding
    /// [`Period::overlaps`] over them with [`Truth::or`]. O(log n).
    pub(crate) fn overlaps_any(&self, period: &Period) -> Truth {
        if self.certain_witness(period, |_| true).is_some() {
            return Truth::Yes;
        }
        // Those that surely start after `period` surely ends cannot overlap;
        // of the others, one may overlap when it may end after `period`
        // starts.
        let k = self.starts.partition_point(|s| *s <= period.end_high());
        match k.checked_sub(1).and_then(|last| self.max_end.get(last)) {
            Some(end) if *end >= period.start_low() => Truth::Maybe,
            _ => Truth::No,
        }
    }

    /// The position of an indexed period that certainly overlaps `period`
    /// and is `accepted`, if there is one. O(log n) for each candidate
    /// `accepted` refuses, plus O(log n).
    pub(crate) fn certain_witness(
        &self,
        period: &Period,
        mut accepted: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        // `period` must certainly start before the other ends, and the
        // other certainly start before `period` ends.
        let start = period.start_high()?;
        let end = period.end_low();
        let k = self.certain.partition_point(|(s, _, _)| *s <= end);
        // Walk the tree's nodes that cover leaves before `k` and hold an end
        // at or after `start`.
        let mut stack = vec![(1usize, 0usize, self.leaves)];
        while let Some((node, lo, hi)) = stack.pop() {
            if lo >= k || self.tree.get(node).is_none_or(|max| *max < start) {
                continue;
            }
            if hi - lo == 1 {
                if let Some((_, position, other)) = self.certain.get(lo)
                    && other.overlaps(period).is_yes()
                    && accepted(*position)
                {
                    return Some(*position);
                }
                continue;
            }
            let mid = lo + (hi - lo) / 2;
            stack.push((2 * node + 1, mid, hi));
            stack.push((2 * node, lo, mid));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::value::PartialDate;

    fn date(year: i32, day: bool) -> Option<PartialDate> {
        if day {
            format!("{year}-01-01").parse().ok()
        } else {
            PartialDate::year_only(year).ok()
        }
    }

    fn period(start: Option<i32>, len: Option<i32>, open: bool, day: bool) -> Period {
        let begin = start.and_then(|y| date(y, day));
        match (len, open) {
            (_, true) => Period::ongoing(begin),
            (Some(n), false) => {
                let end = start.and_then(|y| date(y + n, day));
                Period::new(begin, end).unwrap_or_else(|_| Period::unknown())
            }
            (None, false) => Period::new(begin, None).unwrap_or_else(|_| Period::unknown()),
        }
    }

    fn any_period() -> impl proptest::strategy::Strategy<Value = Period> {
        use proptest::prelude::*;
        (
            proptest::option::weighted(0.9, 1990i32..2010),
            proptest::option::weighted(0.8, 0i32..6),
            proptest::bool::weighted(0.15),
            proptest::bool::ANY,
        )
            .prop_map(|(s, l, o, d)| period(s, l, o, d))
    }

    proptest::proptest! {
        /// The index answers as one scan over the periods would.
        #[test]
        fn index_agrees_with_a_scan(
            periods in proptest::collection::vec(any_period(), 0..40),
            queries in proptest::collection::vec(any_period(), 1..10),
            refused in proptest::collection::vec(proptest::bool::ANY, 40),
        ) {
            let index = PeriodIndex::new(periods.iter().copied().enumerate());
            for q in &queries {
                let scan = periods.iter().map(|p| p.overlaps(q)).fold(Truth::No, Truth::or);
                proptest::prop_assert_eq!(index.overlaps_any(q), scan);
                let ok = |i: usize| !refused.get(i).copied().unwrap_or(false);
                let expected = periods.iter().enumerate().any(|(i, p)| p.overlaps(q).is_yes() && ok(i));
                let found = index.certain_witness(q, ok);
                proptest::prop_assert_eq!(found.is_some(), expected);
                if let Some(i) = found {
                    proptest::prop_assert!(periods[i].overlaps(q).is_yes() && ok(i));
                }
            }
        }
    }
}
