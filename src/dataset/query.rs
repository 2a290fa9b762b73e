//! Queries: borrowed views and iterators over a [`Dataset`], answered from its index.

use std::collections::BTreeMap;

use super::Dataset;
use super::budgets::{BudgetDimension, BudgetKey, BudgetQuery, KeyPart};
use super::index::{NameKey, Slot};
use crate::codelist::{
    AmountKind, Coverage, EventRole, IdfRegion, MembershipRole, ProjectRole, ProjectStatus,
    ProjectType,
};
use crate::entity::{Event, MemberState, Membership, Partner, Party, Project, Rcp};
use crate::value::{Answer, CountryCode, MoneyError, PartialDate, Period, Source, Totals, Truth};
use crate::value::{EventId, PartnerId, ProcessId, ProjectId};

/// An answer to a date-based query, with how sure it is.
///
/// [`Truth::Yes`]: it certainly holds at some time during the date asked
/// about. [`Truth::Maybe`]: it may hold (the dates are partial or unknown).
/// Answers that certainly do not hold are not returned.
///
/// # Through a group
///
/// A membership answer may hold through a group of states
/// ([`Party::MembersOf`]): "the members of the Colombo Process" are members
/// of a body, and Sri Lanka is a member of the Colombo Process. The answer's
/// [`item`](Self::item) is then the group's membership in the body asked
/// about (its body and role are the ones asked for), and
/// [`through`](Self::through) is the membership that makes the state one of
/// the group (Sri Lanka in the Colombo Process); [`member`](Self::member)
/// names the state. Its certainty is that of both together: the lesser of
/// the two on the date asked about.
#[derive(Debug, PartialEq, Eq)]
pub struct AsOf<'a, T> {
    item: &'a T,
    certainty: Truth,
    through: Option<&'a T>,
}

impl<T> Clone for AsOf<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for AsOf<'_, T> {}

impl<'a, T> AsOf<'a, T> {
    pub(crate) fn new(item: &'a T, certainty: Truth) -> Self {
        Self {
            item,
            certainty,
            through: None,
        }
    }

    /// The record.
    pub fn item(&self) -> &'a T {
        self.item
    }

    /// [`Truth::Yes`] when certain, [`Truth::Maybe`] when only possible.
    pub fn certainty(&self) -> Truth {
        self.certainty
    }

    /// For an answer through a group, the record that makes the answer's
    /// subject one of the group (see [Through a group](AsOf#through-a-group));
    /// `None` for a direct answer.
    pub fn through(&self) -> Option<&'a T> {
        self.through
    }
}

impl<'a> AsOf<'a, Membership> {
    /// Who the answer is about: the member of [`through`](Self::through)
    /// for an answer through a group (a state of the group), else the
    /// member of [`item`](Self::item).
    pub fn member(&self) -> &'a Party {
        self.through.unwrap_or(self.item).member()
    }

    /// The sources that back the answer: the membership's own
    /// ([`Membership::backing_sources`]), then, through a group, those of
    /// the membership that makes the member one of the group; each once.
    /// Never the body's or the member's record's.
    pub fn sources(&self) -> Vec<&'a Source> {
        let through = self.through.map(Membership::backing_sources);
        crate::value::distinct(
            self.item
                .backing_sources()
                .into_iter()
                .chain(through.into_iter().flatten()),
        )
    }
}

impl<'a> Answer<'a> for AsOf<'a, Membership> {
    fn sources(&self) -> Vec<&'a Source> {
        AsOf::<Membership>::sources(self)
    }

    fn certainty(&self) -> Truth {
        self.certainty
    }
}

impl<'a> AsOf<'a, Event> {
    /// The sources that back the answer: those of the event's start date
    /// ([`Claimed::sources_for`](crate::value::Claimed::sources_for): an
    /// alternative date's sources are not counted); for an event with no
    /// date, the event's own.
    pub fn sources(&self) -> Vec<&'a Source> {
        let event = self.item;
        match event.start() {
            Some(start) => start.sources_for(event.sources()),
            None => event.sources().iter().collect(),
        }
    }
}

impl<'a> Answer<'a> for AsOf<'a, Event> {
    fn sources(&self) -> Vec<&'a Source> {
        AsOf::<Event>::sources(self)
    }

    fn certainty(&self) -> Truth {
        self.certainty
    }
}

/// Which projects to keep; every criterion left unset keeps all.
///
/// # Examples
///
/// ```
/// use migov::ProjectFilter;
/// use migov::codelist::{Coverage, ProjectStatus};
///
/// let filter = ProjectFilter::default()
///     .status(ProjectStatus::Completed)
///     .coverage(Coverage::Regional)
///     .during("2001".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct ProjectFilter {
    status: Option<ProjectStatus>,
    coverage: Option<Coverage>,
    idf_region: Option<IdfRegion>,
    project_type: Option<ProjectType>,
    funder: Option<PartnerId>,
    idf_only: bool,
    during: Option<PartialDate>,
    certainly_during: bool,
}

impl ProjectFilter {
    /// Keeps projects with this status.
    pub fn status(mut self, status: ProjectStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Keeps projects with this coverage.
    pub fn coverage(mut self, coverage: Coverage) -> Self {
        self.coverage = Some(coverage);
        self
    }

    /// Keeps projects of this IOM Development Fund region.
    pub fn idf_region(mut self, region: IdfRegion) -> Self {
        self.idf_region = Some(region);
        self
    }

    /// Keeps projects of this type.
    pub fn project_type(mut self, project_type: ProjectType) -> Self {
        self.project_type = Some(project_type);
        self
    }

    /// Keeps projects that name `funder` as a funder.
    pub fn funder(mut self, funder: PartnerId) -> Self {
        self.funder = Some(funder);
        self
    }

    /// Keeps IOM Development Fund projects only: those with an IDF code.
    pub fn idf_only(mut self) -> Self {
        self.idf_only = true;
        self
    }

    /// Keeps projects whose period possibly overlaps `date`.
    pub fn during(mut self, date: PartialDate) -> Self {
        self.during = Some(date);
        self.certainly_during = false;
        self
    }

    /// Keeps projects whose period certainly overlaps `date` (a project with
    /// an unknown end is kept only if it certainly ran during `date`).
    pub fn certainly_during(mut self, date: PartialDate) -> Self {
        self.during = Some(date);
        self.certainly_during = true;
        self
    }

    /// Whether `project` passes every criterion set.
    pub fn matches(&self, project: &Project) -> bool {
        self.status
            .as_ref()
            .is_none_or(|s| project.status() == Some(s))
            && self
                .project_type
                .as_ref()
                .is_none_or(|t| project.project_type() == Some(t))
            && self.funder.as_ref().is_none_or(|f| {
                project
                    .organizations()
                    .iter()
                    .any(|o| o.partner() == f && *o.role() == ProjectRole::Funder)
            })
            && (!self.idf_only || project.idf_code().is_some())
            && self
                .coverage
                .as_ref()
                .is_none_or(|c| project.coverage() == Some(c))
            && self
                .idf_region
                .as_ref()
                .is_none_or(|r| project.idf_region() == Some(r))
            && self.during.is_none_or(|d| {
                let overlap = project.period().contains(d);
                if self.certainly_during {
                    overlap.is_yes()
                } else {
                    overlap.is_possible()
                }
            })
    }
}

/// Keeps only the certain answers of a date query: every date query returns
/// [`Answer`]s, certain or possible, and `.certain()` drops the possible
/// ones (see [Certain only](Answer#certain-only) for every date query).
///
/// # Examples
///
/// ```
/// use migov::{Certain, Dataset};
///
/// let data = Dataset::builder().build()?;
/// let certain: Vec<_> = data.events_during("2008".parse()?).certain().collect();
/// assert!(certain.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Certain<'a>: Iterator + Sized
where
    Self::Item: Answer<'a>,
{
    /// The answers whose certainty is [`Truth::Yes`].
    fn certain(self) -> std::iter::Filter<Self, fn(&Self::Item) -> bool> {
        self.filter(|a| a.certainty().is_yes())
    }
}

impl<'a, I: Iterator> Certain<'a> for I where I::Item: Answer<'a> {}

/// A record that a name or alias resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameMatch<'a> {
    /// A country, and its member-state record if the dataset has one.
    State(CountryCode, Option<&'a MemberState>),
    /// A consultative process.
    Process(&'a Rcp),
    /// A partner organisation.
    Partner(&'a Partner),
}

/// A membership that began or ended between two dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MembershipChange<'a> {
    /// The membership began in the window.
    Began(AsOf<'a, Membership>),
    /// The membership ended in the window (by its own end, or by its body's dissolution).
    Ended(AsOf<'a, Membership>),
}

impl<'a> MembershipChange<'a> {
    /// The membership that changed.
    pub fn membership(&self) -> &'a Membership {
        match self {
            Self::Began(a) | Self::Ended(a) => a.item(),
        }
    }

    /// How sure the change is to lie in the window.
    pub fn certainty(&self) -> Truth {
        match self {
            Self::Began(a) | Self::Ended(a) => a.certainty(),
        }
    }

    /// The sources that back the change: the membership's own
    /// ([`Membership::backing_sources`]).
    pub fn sources(&self) -> Vec<&'a Source> {
        self.membership().backing_sources()
    }
}

impl<'a> Answer<'a> for MembershipChange<'a> {
    fn sources(&self) -> Vec<&'a Source> {
        MembershipChange::sources(self)
    }

    fn certainty(&self) -> Truth {
        MembershipChange::certainty(self)
    }
}

/// One claim about a disputed fact: a value and what supports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimView<'a> {
    value: String,
    sources: Vec<&'a Source>,
    note: Option<&'a str>,
}

impl<'a> ClaimView<'a> {
    /// The claimed value, as text.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The sources that support this claim, and only those. The preferred
    /// claim is credited with the sources its [`Claimed`](crate::value::Claimed)
    /// names; where it names none, with the record's sources except those
    /// that give another claim (a page that gives the alternative is not
    /// counted for the preferred value).
    pub fn sources(&self) -> &[&'a Source] {
        &self.sources
    }

    /// A note on the claim.
    pub fn note(&self) -> Option<&'a str> {
        self.note
    }
}

/// A fact that sources disagree on, with every claim.
///
/// The first claim is the record's preferred value (supported by the
/// record's own sources); the others are the alternatives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisputedFact<'a> {
    subject: String,
    field: &'static str,
    claims: Vec<ClaimView<'a>>,
}

impl<'a> DisputedFact<'a> {
    /// The record the fact is about: `"process MIDWA"`.
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// The field: `"established"`, `"stated_member_count"`, `"start"`, `"membership"`.
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// Every claim, the preferred one first.
    pub fn claims(&self) -> &[ClaimView<'a>] {
        &self.claims
    }
}

fn claims<'a, T: std::fmt::Display>(
    claimed: &'a crate::value::Claimed<T>,
    own: &'a [Source],
) -> Vec<ClaimView<'a>> {
    let mut out = vec![ClaimView {
        value: claimed.value().to_string(),
        sources: claimed.sources_for(own),
        note: None,
    }];
    out.extend(claimed.alternatives().iter().map(|a| ClaimView {
        value: a.value().to_string(),
        sources: a.sources().iter().collect(),
        note: a.note(),
    }));
    out
}

impl Dataset {
    // Positions of records by identifier, in collections sorted by
    // identifier (compared as bytes, which order as their text), through
    // the index's keys (see `IdKeys`).

    fn process_pos(&self, id: &str) -> Option<usize> {
        let inner = &*self.inner;
        inner
            .index
            .process_ids
            .find(&inner.processes, id.as_bytes(), |p| p.id().as_bytes())
    }

    fn partner_pos(&self, id: &str) -> Option<usize> {
        let inner = &*self.inner;
        inner
            .index
            .partner_ids
            .find(&inner.partners, id.as_bytes(), |p| p.id().as_bytes())
    }

    fn project_pos(&self, id: &str) -> Option<usize> {
        let inner = &*self.inner;
        inner
            .index
            .project_ids
            .find(&inner.projects, id.as_bytes(), |p| p.id().as_bytes())
    }

    fn event_pos(&self, id: &str) -> Option<usize> {
        let inner = &*self.inner;
        inner
            .index
            .event_ids
            .find(&inner.events, id.as_bytes(), |e| e.id().as_bytes())
    }

    /// The party's key in the index, if it is in the dataset.
    pub(super) fn slot(&self, party: &Party) -> Option<Slot> {
        let pos = |i: usize| u32::try_from(i).ok();
        match party {
            Party::State(c) => pos(c.ordinal()).map(Slot::State),
            Party::Partner(p) => self
                .partner_pos(p.as_str())
                .and_then(pos)
                .map(Slot::Partner),
            Party::Process(p) => self
                .process_pos(p.as_str())
                .and_then(pos)
                .map(Slot::Process),
            Party::MembersOf(b) => self.slot(&b.to_party()).and_then(Slot::group),
        }
    }

    /// The record of `country`. O(1).
    pub fn member_state(&self, country: CountryCode) -> Option<&MemberState> {
        let i = self.inner.index.state(country)?;
        self.inner.member_states.get(i)
    }

    /// The process with identifier `id`. O(log n) (a binary search over the
    /// processes, which are sorted by identifier).
    ///
    /// Lookups take the typed identifier, so an identifier of one kind
    /// cannot be passed where another is meant; identifiers match exactly,
    /// case included, as the format writes them. To find a record from text
    /// (any case, a name, an alias), use [`Dataset::resolve_name`].
    ///
    /// ```compile_fail
    /// # let data = migov::Dataset::builder().build().unwrap();
    /// let ecowas = migov::PartnerId::new("ECOWAS").unwrap();
    /// data.process(&ecowas); // a PartnerId is not a ProcessId
    /// ```
    ///
    /// ```
    /// # let data = migov::Dataset::builder().build().unwrap();
    /// let midwa = migov::ProcessId::new("MIDWA").unwrap();
    /// assert!(data.process(&midwa).is_none());
    /// ```
    pub fn process(&self, id: &ProcessId) -> Option<&Rcp> {
        self.inner.processes.get(self.process_pos(id.as_str())?)
    }

    /// The partner with identifier `id`. O(log n).
    pub fn partner(&self, id: &PartnerId) -> Option<&Partner> {
        self.inner.partners.get(self.partner_pos(id.as_str())?)
    }

    /// The project with identifier `id`. O(log n).
    pub fn project(&self, id: &ProjectId) -> Option<&Project> {
        self.inner.projects.get(self.project_pos(id.as_str())?)
    }

    /// The event with identifier `id`. O(log n).
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.inner.events.get(self.event_pos(id.as_str())?)
    }

    fn memberships_at<'a>(
        &'a self,
        positions: &'a [u32],
    ) -> impl Iterator<Item = &'a Membership> + 'a {
        positions
            .iter()
            .filter_map(|&i| self.inner.memberships.get(i as usize))
    }

    fn projects_at<'a>(&'a self, positions: &'a [u32]) -> impl Iterator<Item = &'a Project> + 'a {
        positions
            .iter()
            .filter_map(|&i| self.inner.projects.get(i as usize))
    }

    fn events_at<'a>(&'a self, positions: &'a [u32]) -> impl Iterator<Item = &'a Event> + 'a {
        positions
            .iter()
            .filter_map(|&i| self.inner.events.get(i as usize))
    }

    /// Every membership of `member` (a state, a partner or a group), in any
    /// body and role; then the memberships of the groups it may belong to:
    /// a group of the members of a body in which `member` is a member
    /// ([`MembershipRole::Member`]) at a time the group's membership may
    /// hold (each such membership once, in the dataset's order).
    ///
    /// O(log n + k + g log g) for k memberships of `member` and g of its groups'.
    pub fn memberships_of<'a>(
        &'a self,
        member: &Party,
    ) -> impl Iterator<Item = &'a Membership> + 'a {
        let index = &self.inner.index;
        let slot = self.slot(member);
        let positions = slot.map_or(&[][..], |s| index.memberships_of_member.get(s));
        let mut through: Vec<u32> = Vec::new();
        for &j in positions {
            let (Some(f), Some(m)) = (
                index.memberships.get(j as usize),
                self.inner.memberships.get(j as usize),
            ) else {
                continue;
            };
            let Some(group) = f.body.and_then(|b| b.group()) else {
                continue;
            };
            if *m.role() != MembershipRole::Member {
                continue;
            }
            through.extend(index.memberships_of_member.get(group).iter().filter(|&&g| {
                index
                    .memberships
                    .get(g as usize)
                    .is_some_and(|fg| fg.effective.overlaps(&f.effective).is_possible())
            }));
        }
        through.sort_unstable();
        through.dedup();
        self.memberships_at(positions).chain(
            through
                .into_iter()
                .filter_map(|g| self.inner.memberships.get(g as usize)),
        )
    }

    /// Every membership in `body` (a process or a partner), of any member
    /// and role, as recorded: a group's membership is one record (see
    /// [`Dataset::members_of`] for its members). O(log n + k) for k results.
    pub fn memberships_in<'a>(&'a self, body: &Party) -> impl Iterator<Item = &'a Membership> + 'a {
        let positions = self
            .slot(body)
            .map_or(&[][..], |s| self.inner.index.memberships_of_body.get(s));
        self.memberships_at(positions)
    }

    /// A membership's period as the dataset understands it: an open-ended
    /// membership of a dissolved body ends with the body; a membership stated
    /// as of a date ([`Membership::as_of`]: "current chair" on a page of
    /// that date) holds from and until that date where its period gives no
    /// start or no end, so that it answers for that date only. O(log n).
    pub fn effective_period(&self, membership: &Membership) -> Period {
        super::index::effective_period(membership, self.body_lifetime(membership))
    }

    /// The lifetime of a membership's body, if the dataset has the body.
    fn body_lifetime(&self, membership: &Membership) -> Option<Period> {
        match membership.body() {
            Party::Process(p) => self.process(p).map(Rcp::lifetime),
            Party::Partner(p) => self.partner(p).map(Partner::lifetime),
            Party::State(_) | Party::MembersOf(_) => None,
        }
    }

    /// The membership at position `i`, its facts and how surely it holds
    /// during `on`, unless it certainly does not.
    pub(super) fn held_at(
        &self,
        i: u32,
        on: PartialDate,
    ) -> Option<(&Membership, &super::index::MembershipFacts, Truth)> {
        let facts = self.inner.index.memberships.get(i as usize)?;
        let certainty = facts.effective.contains(on);
        if certainty == Truth::No {
            return None;
        }
        Some((self.inner.memberships.get(i as usize)?, facts, certainty))
    }

    /// The memberships at `positions` that hold at some time during `on`.
    fn held_during<'a>(
        &'a self,
        positions: &'a [u32],
        on: PartialDate,
        keep: impl Fn(&Membership) -> bool + 'a,
    ) -> impl Iterator<Item = AsOf<'a, Membership>> + 'a {
        positions.iter().filter_map(move |&i| {
            let facts = self.inner.index.memberships.get(i as usize)?;
            let certainty = facts.effective.contains(on);
            if certainty == Truth::No {
                return None;
            }
            let item = self.inner.memberships.get(i as usize)?;
            keep(item).then_some(AsOf {
                item,
                certainty,
                through: None,
            })
        })
    }

    /// The memberships (any role) that `state` held in consultative processes
    /// at some time during `on`, each certain or possible.
    ///
    /// "Which processes was Senegal a member of in 2010?" keeps the answers
    /// whose [`Membership::role`] is [`MembershipRole::Member`].
    ///
    /// Memberships through a group follow the direct ones: where `state` is
    /// a member ([`MembershipRole::Member`]) of a body whose members, as a
    /// group ([`Party::MembersOf`]), hold a role in a process, the answer is
    /// the group's membership in the process, [`through`](AsOf::through)
    /// the state's membership in the body, as sure as both are during `on`.
    ///
    /// O(k + g) for the state's k memberships (each with its effective
    /// period precomputed in the index) and the g memberships of the groups
    /// they make it one of.
    pub fn processes_of(
        &self,
        state: CountryCode,
        on: PartialDate,
    ) -> impl Iterator<Item = AsOf<'_, Membership>> + '_ {
        let index = &self.inner.index;
        let positions = index.process_memberships_of_state.get(state.ordinal());
        let direct = self.held_during(positions, on, |_| true);
        let all = u32::try_from(state.ordinal())
            .map_or(&[][..], |s| index.memberships_of_member.get(Slot::State(s)));
        let through = all.iter().flat_map(move |&j| {
            let held = self
                .held_at(j, on)
                .filter(|(m, _, _)| *m.role() == MembershipRole::Member);
            let groups = held
                .and_then(|(m, f, t)| Some((m, t, f.body?.group()?)))
                .map(|(m, t, group)| (m, t, index.memberships_of_member.get(group)));
            groups.into_iter().flat_map(move |(member, t, groups)| {
                groups.iter().filter_map(move |&g| {
                    let (item, f, tg) = self.held_at(g, on)?;
                    matches!(f.body, Some(Slot::Process(_))).then_some(AsOf {
                        item,
                        certainty: t.and(tg),
                        through: Some(member),
                    })
                })
            })
        });
        direct.chain(through)
    }

    /// Who held `role` in `body` at some time during `on`: its members,
    /// observers or chair. Each answer is certain or possible.
    ///
    /// A group ([`Party::MembersOf`]) that held `role` is answered by its
    /// members in its place: each membership of the group's body in the
    /// role [`MembershipRole::Member`] that holds during `on` gives an
    /// answer whose [`item`](AsOf::item) is the group's membership in
    /// `body`, [`through`](AsOf::through) that membership, and
    /// [`member`](AsOf::member) its member; it is as sure as both are (the
    /// lesser certainty). A state listed directly and through a group is
    /// answered once for each.
    ///
    /// ```
    /// use migov::codelist::MembershipRole;
    /// use migov::{Body, CountryCode, Dataset, Membership, Party, ProcessId};
    ///
    /// let lka = Party::State(CountryCode::from_alpha3("LKA")?);
    /// let cp = ProcessId::new("CP")?;
    /// let add = ProcessId::new("ADD")?;
    /// let mut b = Dataset::builder();
    /// for id in [&cp, &add] {
    ///     b.add_process(migov::Rcp::builder(id.clone(), id.as_str()).build()?)?;
    /// }
    /// b.add_membership(Membership::builder(lka.clone(), Party::Process(cp.clone()), MembershipRole::Member)
    ///     .period("2003/..".parse()?)
    ///     .build()?);
    /// // "The Colombo Process member states" take part in the Abu Dhabi Dialogue.
    /// b.add_membership(Membership::builder(Party::MembersOf(Body::Process(cp)), Party::Process(add.clone()), MembershipRole::Member)
    ///     .period("2008/..".parse()?)
    ///     .build()?);
    /// let d = b.build()?;
    /// let members: Vec<_> = d.members_of(&Party::Process(add), &MembershipRole::Member, "2010".parse()?).collect();
    /// assert_eq!(members.len(), 1);
    /// assert_eq!(members[0].member(), &lka);
    /// assert!(members[0].certainty().is_yes());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// O(log n + k + g) for the body's k memberships and the g memberships
    /// of the bodies its groups name.
    pub fn members_of<'a>(
        &'a self,
        body: &Party,
        role: &'a MembershipRole,
        on: PartialDate,
    ) -> impl Iterator<Item = AsOf<'a, Membership>> + 'a {
        let index = &self.inner.index;
        let positions = self
            .slot(body)
            .map_or(&[][..], |s| index.memberships_of_body.get(s));
        positions.iter().flat_map(move |&i| {
            let held = self.held_at(i, on).filter(|(m, _, _)| m.role() == role);
            let (direct, group) = match held {
                Some((m, f, t)) => match f.member.and_then(Slot::group_body) {
                    Some(named) => (None, Some((m, t, index.memberships_of_body.get(named)))),
                    None => (
                        Some(AsOf {
                            item: m,
                            certainty: t,
                            through: None,
                        }),
                        None,
                    ),
                },
                None => (None, None),
            };
            let expanded = group.into_iter().flat_map(move |(item, t, members)| {
                members.iter().filter_map(move |&j| {
                    let (m, f, tj) = self.held_at(j, on)?;
                    let member = *m.role() == MembershipRole::Member
                        && !f.member.is_some_and(Slot::is_group);
                    member.then_some(AsOf {
                        item,
                        certainty: t.and(tj),
                        through: Some(m),
                    })
                })
            });
            direct.into_iter().chain(expanded)
        })
    }

    /// Projects that benefit `state` and pass `filter`. O(k) for the state's k projects.
    pub fn projects_benefiting<'a>(
        &'a self,
        state: CountryCode,
        filter: &'a ProjectFilter,
    ) -> impl Iterator<Item = &'a Project> + 'a {
        self.projects_at(self.inner.index.projects_of_state.get(state.ordinal()))
            .filter(move |p| filter.matches(p))
    }

    /// Projects in which `partner` takes part, in `role` if given (funder,
    /// implementer, ...). O(log n + k) for the partner's k projects.
    pub fn projects_with_partner<'a>(
        &'a self,
        partner: &PartnerId,
        role: Option<&'a ProjectRole>,
    ) -> impl Iterator<Item = &'a Project> + 'a {
        let found = self
            .partner_pos(partner.as_str())
            .and_then(|i| Some((i, self.inner.partners.get(i)?.id())));
        let positions = found.map_or(&[][..], |(i, _)| {
            self.inner.index.projects_of_partner.get(i)
        });
        let partner_id = found.map(|(_, id)| id);
        self.projects_at(positions).filter(move |p| {
            role.is_none_or(|r| {
                p.organizations()
                    .iter()
                    .any(|o| Some(o.partner()) == partner_id && o.role() == r)
            })
        })
    }

    /// Projects related to a consultative process. O(log n + k).
    pub fn projects_of_process<'a>(
        &'a self,
        process: &ProcessId,
    ) -> impl Iterator<Item = &'a Project> + 'a {
        let positions = self
            .process_pos(process.as_str())
            .map_or(&[][..], |i| self.inner.index.projects_of_process.get(i));
        self.projects_at(positions)
    }

    /// Events in which `party` takes part, in `role` if given (organiser,
    /// co-chair, funder, participant, ...). O(log n + k) for the party's k events.
    pub fn events_with<'a>(
        &'a self,
        party: &'a Party,
        role: Option<&'a EventRole>,
    ) -> impl Iterator<Item = &'a Event> + 'a {
        let positions = self
            .slot(party)
            .map_or(&[][..], |s| self.inner.index.events_of_party.get(s));
        self.events_at(positions).filter(move |e| {
            role.is_none_or(|r| {
                e.parties()
                    .iter()
                    .any(|p| p.party() == party && p.role() == r)
            })
        })
    }

    /// Events that belong to `project`. O(log n + k).
    pub fn events_of_project<'a>(
        &'a self,
        project: &ProjectId,
    ) -> impl Iterator<Item = &'a Event> + 'a {
        let positions = self
            .project_pos(project.as_str())
            .map_or(&[][..], |i| self.inner.index.events_of_project.get(i));
        self.events_at(positions)
    }

    /// Events held in `country`. O(k).
    pub fn events_in_country(&self, country: CountryCode) -> impl Iterator<Item = &Event> + '_ {
        self.events_at(self.inner.index.events_of_country.get(country.ordinal()))
    }

    /// Events held at some time during `on`, certainly or possibly (an event
    /// whose year is unknown is possible in any year). O(n) over all events.
    pub fn events_during(&self, on: PartialDate) -> impl Iterator<Item = AsOf<'_, Event>> + '_ {
        self.inner.events.iter().filter_map(move |e| {
            let certainty = match e.period() {
                Some(p) => p.contains(on),
                None => Truth::Maybe,
            };
            (certainty != Truth::No).then_some(AsOf {
                item: e,
                certainty,
                through: None,
            })
        })
    }

    /// Budget totals (amounts of kind `budget`) grouped by one dimension:
    /// [`Dataset::budget_totals`] with a kind filter and one grouping, as
    /// a map from the key part to the totals (without `Unknown` keys unless
    /// `unknown` maps them).
    fn budgets_by<K: Ord>(
        &self,
        dimension: BudgetDimension,
        key: impl Fn(&BudgetKey<'_>) -> Option<K>,
    ) -> Result<BTreeMap<K, Totals>, MoneyError> {
        let totals = self.budget_totals(
            &BudgetQuery::new()
                .kind(AmountKind::Budget)
                .group_by(dimension),
        )?;
        Ok(totals
            .to_map()
            .into_iter()
            .filter_map(|((k, _), t)| key(&k).map(|k| (k, t)))
            .collect())
    }

    /// Sums of project budgets (amounts of kind `budget`), per currency,
    /// by IOM Development Fund region (`None`: region unknown).
    ///
    /// A thin wrapper over [`Dataset::budget_totals`] grouped by
    /// [`BudgetDimension::IdfRegion`] for [`AmountKind::Budget`]; computed
    /// on each call.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] if a sum overflows.
    pub fn budget_totals_by_region(&self) -> Result<BTreeMap<Option<String>, Totals>, MoneyError> {
        self.budgets_by(BudgetDimension::IdfRegion, |k| match k.idf_region() {
            KeyPart::Known(r) => Some(Some(r.as_str().to_owned())),
            _ => Some(None),
        })
    }

    /// Sums of project budgets per currency by year: the project's "Year",
    /// else the year of its start (`None`: unknown, also for a start known only
    /// to the decade, `199X`; a qualified start, `2004~`, counts under its
    /// stated year).
    ///
    /// A thin wrapper over [`Dataset::budget_totals`] grouped by
    /// [`BudgetDimension::Year`] for [`AmountKind::Budget`]; computed on
    /// each call.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] if a sum overflows.
    pub fn budget_totals_by_year(&self) -> Result<BTreeMap<Option<i32>, Totals>, MoneyError> {
        self.budgets_by(BudgetDimension::Year, |k| Some(k.year().known()))
    }

    /// Sums of project budgets per currency by benefiting state. A project's
    /// whole budget counts for each of its states (budgets are not split
    /// between states), so the sums over states exceed the total; a project
    /// without a benefiting state counts under none.
    ///
    /// A thin wrapper over [`Dataset::budget_totals`] grouped by
    /// [`BudgetDimension::BenefitingState`] for [`AmountKind::Budget`];
    /// computed on each call.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] if a sum overflows.
    pub fn budget_totals_by_state(&self) -> Result<BTreeMap<CountryCode, Totals>, MoneyError> {
        self.budgets_by(BudgetDimension::BenefitingState, |k| {
            k.benefiting_state().known()
        })
    }

    /// Memberships that began or ended between `from` and `to` (from the
    /// first day of `from` to the last day of `to`), each certain or
    /// possible: certain when the whole start (or end) date lies in the
    /// window, possible when it overlaps it; a qualified date (`2001~`) is at
    /// most possible. O(n) over all memberships.
    pub fn membership_changes(
        &self,
        from: PartialDate,
        to: PartialDate,
    ) -> impl Iterator<Item = MembershipChange<'_>> + '_ {
        let (lo, hi) = (from.first_day(), to.last_day());
        let within = move |d: PartialDate| {
            if d.is_qualified() {
                Truth::Maybe
            } else if d.first_day() >= lo && d.last_day() <= hi {
                Truth::Yes
            } else if d.last_day() >= lo && d.first_day() <= hi {
                Truth::Maybe
            } else {
                Truth::No
            }
        };
        let facts = &self.inner.index.memberships;
        self.inner
            .memberships
            .iter()
            .zip(facts)
            .flat_map(move |(m, f)| {
                // A membership stated as of a date neither began nor ended
                // then: only the bounds its sources give are changes.
                let period = match m.as_of() {
                    Some(_) => super::index::stated_period(m, self.body_lifetime(m)),
                    None => f.effective,
                };
                let began =
                    period
                        .start()
                        .map(within)
                        .filter(|t| *t != Truth::No)
                        .map(|certainty| {
                            MembershipChange::Began(AsOf {
                                item: m,
                                certainty,
                                through: None,
                            })
                        });
                let ended = period
                    .end()
                    .map(within)
                    .filter(|t| *t != Truth::No)
                    .map(|certainty| {
                        MembershipChange::Ended(AsOf {
                            item: m,
                            certainty,
                            through: None,
                        })
                    });
                began.into_iter().chain(ended)
            })
    }

    /// The records a name or alias resolves to, case-, accent- and
    /// punctuation-insensitively: "Puebla Process" → RCM, "DIMAC" → MIDCAS,
    /// "Ivory Coast" → Côte d'Ivoire, "Sénégal" → Senegal, "sen" → Senegal.
    /// Country names and aliases (in English, French and Spanish) and
    /// ISO 3166-1 alpha-3 codes resolve even without a member-state record. A name shared by several records gives all of
    /// them, ranked: records whose identifier it is first, then those whose
    /// name it is, then those that have it as another name (each group in
    /// the dataset's order). O(1) expected; the first call also builds the
    /// name index (O(names)), which later calls share.
    pub fn resolve_name(&self, name: &str) -> Vec<NameMatch<'_>> {
        let key = crate::value::normalize_name(name);
        let inner = &*self.inner;
        let names = inner.index.names.get_or_init(|| {
            super::index::names(&inner.member_states, &inner.processes, &inner.partners)
        });
        let mut out = Vec::new();
        for (_, k) in names.get(&key).into_iter().flatten() {
            let m = match *k {
                NameKey::State(c) => Some(NameMatch::State(c, self.member_state(c))),
                NameKey::Process(i) => self.inner.processes.get(i as usize).map(NameMatch::Process),
                NameKey::Partner(i) => self.inner.partners.get(i as usize).map(NameMatch::Partner),
            };
            out.extend(m);
        }
        if !out.iter().any(|m| matches!(m, NameMatch::State(..)))
            && let Ok(c) = CountryCode::from_name(name)
                .or_else(|_| CountryCode::from_alpha3(&name.trim().to_ascii_uppercase()))
        {
            out.push(NameMatch::State(c, self.member_state(c)));
        }
        out
    }

    /// Every disputed fact of the dataset: establishment dates and stated
    /// member counts with alternatives, event dates with alternatives, and
    /// memberships that other sources contradict. O(n).
    pub fn disputes(&self) -> Vec<DisputedFact<'_>> {
        let mut out = Vec::new();
        let mut bodies = Vec::new();
        for p in self.processes() {
            bodies.push((
                format!("process {}", p.id()),
                p.established(),
                p.stated_member_count(),
                p.sources(),
            ));
        }
        for p in self.partners() {
            bodies.push((
                format!("partner {}", p.id()),
                p.established(),
                p.stated_member_count(),
                p.sources(),
            ));
        }
        for (subject, established, count, sources) in bodies {
            if let Some(c) = established.filter(|c| c.is_disputed()) {
                out.push(DisputedFact {
                    subject: subject.clone(),
                    field: "established",
                    claims: claims(c, sources),
                });
            }
            if let Some(c) = count.filter(|c| c.is_disputed()) {
                out.push(DisputedFact {
                    subject,
                    field: "stated_member_count",
                    claims: claims(c, sources),
                });
            }
        }
        for e in self.events() {
            if let Some(c) = e.start().filter(|c| c.is_disputed()) {
                out.push(DisputedFact {
                    subject: format!("event {}", e.id()),
                    field: "start",
                    claims: claims(c, e.sources()),
                });
            }
        }
        for m in self.memberships() {
            if let Some(d) = m.dispute() {
                out.push(DisputedFact {
                    subject: format!("{} in {}", m.member(), m.body()),
                    field: "membership",
                    claims: vec![
                        ClaimView {
                            value: format!("{} ({})", m.role(), m.period()),
                            sources: m.backing_sources(),
                            note: m.note(),
                        },
                        ClaimView {
                            value: "contested".to_owned(),
                            sources: d.sources().iter().collect(),
                            note: Some(d.note()),
                        },
                    ],
                });
            }
        }
        out
    }
}
