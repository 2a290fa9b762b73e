//! The change report: what happened between two dates, across the dataset.

use chrono::NaiveDate;

use crate::codelist::{LifecycleStatus, MembershipRole};
use crate::dataset::Dataset;
use crate::dataset::admissions::StatusTaken;
use crate::dataset::query::MembershipChange;
use crate::entity::{Membership, Party};
use crate::value::{Answer, PartialDate, Source, Truth};

/// One change of [`Dataset::changes_between`], with how sure it is to lie
/// in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change<'a> {
    /// A state took an IOM status (admitted as a member, became an
    /// observer) on a dated step of its history.
    Iom(StatusTaken<'a>),
    /// A process or partner organisation was established (its preferred
    /// establishment date).
    Established {
        /// The body.
        body: Party,
        /// The date as its sources give it.
        date: PartialDate,
        /// How sure the date is to lie in the window.
        certainty: Truth,
        /// The sources of the date ([`Claimed::sources_for`](crate::value::Claimed::sources_for)).
        sources: Vec<&'a Source>,
    },
    /// A process or partner organisation took a lifecycle status from a
    /// date: went dormant, was dissolved, became active again.
    Status {
        /// The body.
        body: Party,
        /// The status it took.
        status: &'a LifecycleStatus,
        /// Since when.
        since: PartialDate,
        /// How sure the date is to lie in the window.
        certainty: Truth,
        /// The sources of the body's record, which gives the status.
        sources: &'a [Source],
    },
    /// A chair (or co-chair) term began: a handover from the term before,
    /// if the dataset records one.
    ChairHandover {
        /// The term before, if any.
        from: Option<&'a Membership>,
        /// The term that began.
        to: &'a Membership,
        /// How sure the new term's start is to lie in the window.
        certainty: Truth,
    },
    /// Any other membership began or ended.
    Membership(MembershipChange<'a>),
}

impl<'a> Change<'a> {
    /// How sure the change is to lie in the window.
    pub fn certainty(&self) -> Truth {
        match self {
            Self::Iom(t) => t.certainty(),
            Self::Established { certainty, .. }
            | Self::Status { certainty, .. }
            | Self::ChairHandover { certainty, .. } => *certainty,
            Self::Membership(m) => m.certainty(),
        }
    }

    /// The sources that back the change, each once: the status step's
    /// ([`StatusTaken::sources`]); the establishment date's; the body's
    /// record's for a lifecycle status (a plain field of that record); the
    /// chair term that began, then the term before it
    /// ([`Membership::backing_sources`]); the membership's.
    pub fn sources(&self) -> Vec<&'a Source> {
        match self {
            Self::Iom(t) => t.sources(),
            Self::Established { sources, .. } => sources.clone(),
            Self::Status { sources, .. } => sources.iter().collect(),
            Self::ChairHandover { from, to, .. } => crate::value::distinct(
                to.backing_sources()
                    .into_iter()
                    .chain(from.map(Membership::backing_sources).into_iter().flatten()),
            ),
            Self::Membership(m) => m.sources(),
        }
    }
}

impl<'a> Answer<'a> for Change<'a> {
    fn sources(&self) -> Vec<&'a Source> {
        Change::sources(self)
    }

    fn certainty(&self) -> Truth {
        Change::certainty(self)
    }
}

impl std::fmt::Display for Change<'_> {
    /// One line: `state ATG admitted as member (2011)`,
    /// `process MIDCAS dormant since 2016`,
    /// `process MIDSA chair: state ZAF → state NAM (2019)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Iom(t) => {
                let since = t
                    .step()
                    .since()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                write!(
                    f,
                    "state {} took IOM status {}{since}",
                    t.state().country(),
                    t.step().status()
                )
            }
            Self::Established { body, date, .. } => write!(f, "{body} established ({date})"),
            Self::Status {
                body,
                status,
                since,
                ..
            } => write!(f, "{body} {status} since {since}"),
            Self::ChairHandover { from, to, .. } => {
                write!(f, "{} {}: ", to.body(), to.role())?;
                if let Some(from) = from {
                    write!(f, "{} → ", from.member())?;
                }
                write!(f, "{} ({})", to.member(), to.period())
            }
            Self::Membership(MembershipChange::Began(a)) => {
                let m = a.item();
                write!(
                    f,
                    "{} became {} of {} ({})",
                    m.member(),
                    m.role(),
                    m.body(),
                    m.period()
                )
            }
            Self::Membership(MembershipChange::Ended(a)) => {
                let m = a.item();
                write!(
                    f,
                    "{} ceased to be {} of {} ({})",
                    m.member(),
                    m.role(),
                    m.body(),
                    m.period()
                )
            }
        }
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

fn is_chair(role: &MembershipRole) -> bool {
    matches!(role, MembershipRole::Chair | MembershipRole::CoChair)
}

impl Dataset {
    /// What changed between the first day of `from` and the last day of
    /// `to`: IOM admissions and status changes of states
    /// ([`Dataset::took_status_between`], every status), processes and
    /// partners established, going dormant, dissolved or active again
    /// (their `status_since`), chair handovers (each chair term that began,
    /// with the term before it in the body's [chair history](Dataset::chair_history)),
    /// and every other membership that began or ended
    /// ([`Dataset::membership_changes`]: the start of a chair term is its
    /// handover; its end is listed as a membership that ended, so that a
    /// wider window always lists every change of a narrower one).
    /// Each change is certain or possible; certainly-outside changes are not
    /// listed. Sorted by the earliest day of each change's date, then in the
    /// order above. O(n log n) over the dataset's records.
    pub fn changes_between(&self, from: PartialDate, to: PartialDate) -> Vec<Change<'_>> {
        let (lo, hi) = (from.first_day(), to.last_day());
        let mut out: Vec<(NaiveDate, u8, Change<'_>)> = Vec::new();
        for status in [
            crate::entity::IomStatus::Member,
            crate::entity::IomStatus::Observer,
        ] {
            for t in self.took_status_between(status, from, to) {
                let day = t.step().since().map_or(lo, |d| d.first_day());
                out.push((day, 0, Change::Iom(t)));
            }
        }
        let bodies = self
            .processes()
            .iter()
            .map(|p| {
                (
                    Party::Process(p.id().clone()),
                    p.established(),
                    p.status(),
                    p.status_since(),
                    p.sources(),
                )
            })
            .chain(self.partners().iter().map(|p| {
                (
                    Party::Partner(p.id().clone()),
                    p.established(),
                    p.status(),
                    p.status_since(),
                    p.sources(),
                )
            }));
        for (body, established, status, since, record) in bodies {
            if let Some(claim) = established {
                let date = *claim.value();
                let certainty = within(date, lo, hi);
                if certainty != Truth::No {
                    out.push((
                        date.first_day(),
                        1,
                        Change::Established {
                            body: body.clone(),
                            date,
                            certainty,
                            sources: claim.sources_for(record),
                        },
                    ));
                }
            }
            if let (Some(status), Some(since)) = (status, since) {
                let certainty = within(since, lo, hi);
                if certainty != Truth::No {
                    out.push((
                        since.first_day(),
                        2,
                        Change::Status {
                            body,
                            status,
                            since,
                            certainty,
                            sources: record,
                        },
                    ));
                }
            }
        }
        // Chair handovers, body by body, from each chair history.
        let mut chair_bodies: Vec<&Party> = self
            .memberships()
            .iter()
            .filter(|m| is_chair(m.role()))
            .map(Membership::body)
            .collect();
        chair_bodies.sort();
        chair_bodies.dedup();
        for body in chair_bodies {
            let mut before: Option<&Membership> = None;
            for term in self.chair_history(body) {
                let crate::dataset::ChairTerm::Chair(m) = term else {
                    continue;
                };
                if let Some(start) = self.effective_period(m).start() {
                    let certainty = within(start, lo, hi);
                    if certainty != Truth::No {
                        out.push((
                            start.first_day(),
                            3,
                            Change::ChairHandover {
                                from: before,
                                to: m,
                                certainty,
                            },
                        ));
                    }
                }
                before = Some(m);
            }
        }
        for c in self.membership_changes(from, to) {
            let m = c.membership();
            let keep = match c {
                MembershipChange::Began(_) => !is_chair(m.role()),
                _ => true,
            };
            if keep {
                let period = self.effective_period(m);
                let day = match c {
                    MembershipChange::Began(_) => period.start(),
                    _ => period.end(),
                }
                .map_or(lo, |d| d.first_day());
                out.push((day, 4, Change::Membership(c)));
            }
        }
        out.sort_by_key(|(day, rank, _)| (*day, *rank));
        out.into_iter().map(|(_, _, c)| c).collect()
    }
}
