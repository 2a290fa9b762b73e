//! Coverage: how much of a dataset is dated, budgeted and sourced from IOM's own pages.
//!
//! [`Dataset::coverage`] counts, for each collection, the records that carry
//! a date, a budget (projects only) and at least one source on an IOM site.
//! It answers "how complete is this data?" in one table, and is what the
//! `coverage` example and the README print for the reference dataset.

use std::fmt;

use crate::dataset::Dataset;
use crate::value::Source;

/// One line of a [`CoverageReport`]: the counts for one collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct CollectionCoverage {
    /// The collection's name in the dataset format (`"projects"`, …).
    pub collection: &'static str,
    /// Records in the collection.
    pub records: usize,
    /// Records with at least one known date (see [`Dataset::coverage`]).
    pub with_dates: usize,
    /// Records with a budget, for the collections that have budgets
    /// (projects); `None` for the others.
    pub with_budget: Option<usize>,
    /// Records with at least one source on an IOM site (`iom.int` or one of
    /// its subdomains).
    pub with_iom_source: usize,
    /// Records with no source at all.
    pub without_source: usize,
}

impl CollectionCoverage {
    /// `part` as a whole percentage of the records (0 for an empty collection).
    pub fn percent(&self, part: usize) -> u32 {
        if self.records == 0 {
            return 0;
        }
        let share = (part as f64) * 100.0 / (self.records as f64);
        // `share` lies in 0..=100 because `part` never exceeds `records`.
        share.round().clamp(0.0, 100.0) as u32
    }
}

/// The coverage of every collection of a dataset, in the dataset format's
/// order: member states, processes, partners, projects, events, memberships.
///
/// `Display` prints a Markdown table (the one in the README).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CoverageReport {
    collections: Vec<CollectionCoverage>,
}

impl CoverageReport {
    /// One line per collection.
    pub fn collections(&self) -> &[CollectionCoverage] {
        &self.collections
    }

    /// The line of `collection` (its name in the dataset format).
    pub fn collection(&self, collection: &str) -> Option<&CollectionCoverage> {
        self.collections.iter().find(|c| c.collection == collection)
    }
}

impl fmt::Display for CoverageReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| collection | records | with dates | with budget | with an IOM source | without source |"
        )?;
        writeln!(f, "| --- | ---: | ---: | ---: | ---: | ---: |")?;
        for c in &self.collections {
            let budget = match c.with_budget {
                Some(n) => format!("{n} ({}%)", c.percent(n)),
                None => "n/a".to_string(),
            };
            writeln!(
                f,
                "| {} | {} | {} ({}%) | {} | {} ({}%) | {} |",
                c.collection,
                c.records,
                c.with_dates,
                c.percent(c.with_dates),
                budget,
                c.with_iom_source,
                c.percent(c.with_iom_source),
                c.without_source,
            )?;
        }
        Ok(())
    }
}

/// Whether the host of `url` is `iom.int` or a subdomain of it.
///
/// The host is the text between `://` and the first `/`, `?`, `#` or `:`,
/// after any `user@` part, compared ignoring ASCII case.
pub(crate) fn is_iom_url(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = host_port.split(':').next().unwrap_or_default();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "iom.int" || host.ends_with(".iom.int")
}

fn count<'a, T: 'a>(
    collection: &'static str,
    records: &'a [T],
    dated: impl Fn(&T) -> bool,
    budget: Option<&dyn Fn(&T) -> bool>,
    sources: impl Fn(&'a T) -> &'a [Source],
) -> CollectionCoverage {
    let mut line = CollectionCoverage {
        collection,
        records: records.len(),
        with_dates: 0,
        with_budget: budget.map(|_| 0),
        with_iom_source: 0,
        without_source: 0,
    };
    for record in records {
        if dated(record) {
            line.with_dates += 1;
        }
        if let (Some(has), Some(n)) = (budget, line.with_budget.as_mut())
            && has(record)
        {
            *n += 1;
        }
        let sources = sources(record);
        if sources.is_empty() {
            line.without_source += 1;
        }
        if sources.iter().any(|s| is_iom_url(s.url())) {
            line.with_iom_source += 1;
        }
    }
    line
}

impl Dataset {
    /// Counts, for each collection, the records with a date, with a budget
    /// and with a source on an IOM site.
    ///
    /// "With a date" means: a member state with a dated status step; a
    /// process or partner with an establishment date or a dated status; a
    /// project with a known start, end or allocation year; an event with a
    /// start date; a membership whose period is not wholly unknown. The work
    /// is one pass over each collection.
    ///
    /// # Examples
    ///
    /// ```
    /// let data = migov::Dataset::builder().build()?;
    /// let report = data.coverage();
    /// assert_eq!(report.collections().len(), 6);
    /// assert_eq!(report.collection("projects").map(|c| c.records), Some(0));
    /// # Ok::<(), migov::DatasetError>(())
    /// ```
    pub fn coverage(&self) -> CoverageReport {
        let collections = vec![
            count(
                "member_states",
                self.member_states(),
                |s| s.status_history().iter().any(|c| c.since().is_some()),
                None,
                |s| s.sources(),
            ),
            count(
                "processes",
                self.processes(),
                |p| p.established().is_some() || p.status_since().is_some(),
                None,
                |p| p.sources(),
            ),
            count(
                "partners",
                self.partners(),
                |p| p.established().is_some() || p.status_since().is_some(),
                None,
                |p| p.sources(),
            ),
            count(
                "projects",
                self.projects(),
                |p| !p.period().is_unknown() || p.year().is_some(),
                Some(&|p: &crate::entity::Project| p.budget().is_some()),
                |p| p.sources(),
            ),
            count(
                "events",
                self.events(),
                |e| e.start().is_some(),
                None,
                |e| e.sources(),
            ),
            count(
                "memberships",
                self.memberships(),
                |m| !m.period().is_unknown(),
                None,
                |m| m.sources(),
            ),
        ];
        CoverageReport { collections }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iom_hosts_are_recognised_by_host_only() {
        assert!(is_iom_url("https://www.iom.int/news"));
        assert!(is_iom_url("https://iom.int"));
        assert!(is_iom_url("https://rodakar.IOM.int/x?y#z"));
        assert!(is_iom_url("https://developmentfund.iom.int:443/project"));
        assert!(!is_iom_url("https://iom.int.evil.example/"));
        assert!(!is_iom_url("https://notiom.int/"));
        assert!(!is_iom_url("https://example.org/iom.int"));
        assert!(!is_iom_url("https://www.iom.int@evil.example/"));
        assert!(!is_iom_url("iom.int"));
    }

    #[test]
    fn percentages_round_and_empty_is_zero() {
        let line = CollectionCoverage {
            collection: "projects",
            records: 3,
            with_dates: 2,
            with_budget: Some(1),
            with_iom_source: 3,
            without_source: 0,
        };
        assert_eq!(line.percent(2), 67);
        assert_eq!(line.percent(1), 33);
        assert_eq!(line.percent(3), 100);
        let empty = CollectionCoverage { records: 0, ..line };
        assert_eq!(empty.percent(0), 0);
    }
}
