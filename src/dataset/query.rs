//! Queries: borrowed views and iterators over a [`Dataset`], answered from its index.

use std::collections::BTreeMap;

use super::Dataset;
use super::index::NameKey;
use crate::codelist::{
    AmountKind, Coverage, EventRole, IdfRegion, MembershipRole, ProjectRole, ProjectStatus,
};
use crate::{
    CountryCode, Event, MemberState, Membership, MoneyError, PartialDate, Partner, Party, Period,
    Project, Rcp, Source, Totals, Truth,
};

/// An answer to a date-based query, with how sure it is.
///
/// [`Truth::Yes`]: it certainly holds at some time during the date asked
/// about. [`Truth::Maybe`]: it may hold (the dates are partial or unknown).
/// Answers that certainly do not hold are not returned.
#[derive(Debug, PartialEq, Eq)]
pub struct AsOf<'a, T> {
    item: &'a T,
    certainty: Truth,
}

impl<T> Clone for AsOf<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for AsOf<'_, T> {}

impl<'a, T> AsOf<'a, T> {
    /// The record.
    pub fn item(&self) -> &'a T {
        self.item
    }

    /// [`Truth::Yes`] when certain, [`Truth::Maybe`] when only possible.
    pub fn certainty(&self) -> Truth {
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
    during: Option<PartialDate>,
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

    /// Keeps projects whose period possibly overlaps `date`.
    pub fn during(mut self, date: PartialDate) -> Self {
        self.during = Some(date);
        self
    }

    /// Whether `project` passes every criterion set.
    pub fn matches(&self, project: &Project) -> bool {
        self.status
            .as_ref()
            .is_none_or(|s| project.status() == Some(s))
            && self
                .coverage
                .as_ref()
                .is_none_or(|c| project.coverage() == Some(c))
            && self
                .idf_region
                .as_ref()
                .is_none_or(|r| project.idf_region() == Some(r))
            && self
                .during
                .is_none_or(|d| project.period().contains(d).is_possible())
    }
}

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
}

/// One claim about a disputed fact: a value and what supports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimView<'a> {
    value: String,
    sources: &'a [Source],
    note: Option<&'a str>,
}

impl<'a> ClaimView<'a> {
    /// The claimed value, as text.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The sources that support it.
    pub fn sources(&self) -> &'a [Source] {
        self.sources
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
    claimed: &'a crate::Claimed<T>,
    own: &'a [Source],
) -> Vec<ClaimView<'a>> {
    let mut out = vec![ClaimView {
        value: claimed.value().to_string(),
        sources: own,
        note: None,
    }];
    out.extend(claimed.alternatives().iter().map(|a| ClaimView {
        value: a.value().to_string(),
        sources: a.sources(),
        note: a.note(),
    }));
    out
}

impl Dataset {
    /// The record of `country`. O(1).
    pub fn member_state(&self, country: CountryCode) -> Option<&MemberState> {
        let i = *self.inner.index.states.get(&country)?;
        self.inner.member_states.get(i as usize)
    }

    /// The process with identifier `id`. O(1).
    pub fn process(&self, id: &str) -> Option<&Rcp> {
        let i = *self.inner.index.processes.get(id)?;
        self.inner.processes.get(i as usize)
    }

    /// The partner with identifier `id`. O(1).
    pub fn partner(&self, id: &str) -> Option<&Partner> {
        let i = *self.inner.index.partners.get(id)?;
        self.inner.partners.get(i as usize)
    }

    /// The project with identifier `id`. O(1).
    pub fn project(&self, id: &str) -> Option<&Project> {
        let i = *self.inner.index.projects.get(id)?;
        self.inner.projects.get(i as usize)
    }

    /// The event with identifier `id`. O(1).
    pub fn event(&self, id: &str) -> Option<&Event> {
        let i = *self.inner.index.events.get(id)?;
        self.inner.events.get(i as usize)
    }

    fn memberships_at<'a>(
        &'a self,
        positions: Option<&'a Vec<u32>>,
    ) -> impl Iterator<Item = &'a Membership> + 'a {
        positions
            .into_iter()
            .flatten()
            .filter_map(|&i| self.inner.memberships.get(i as usize))
    }

    /// Every membership of `member` (a state or a partner), in any body and role.
    /// O(k) for k results.
    pub fn memberships_of<'a>(
        &'a self,
        member: &Party,
    ) -> impl Iterator<Item = &'a Membership> + 'a {
        self.memberships_at(self.inner.index.memberships_of_member.get(member))
    }

    /// Every membership in `body` (a process or a partner), of any member and role.
    /// O(k) for k results.
    pub fn memberships_in<'a>(&'a self, body: &Party) -> impl Iterator<Item = &'a Membership> + 'a {
        self.memberships_at(self.inner.index.memberships_of_body.get(body))
    }

    /// A membership's period as the dataset understands it: an open-ended
    /// membership of a dissolved body ends with the body.
    pub fn effective_period(&self, membership: &Membership) -> Period {
        let lifetime = match membership.body() {
            Party::Process(p) => self.process(p.as_str()).map(Rcp::lifetime),
            Party::Partner(p) => self.partner(p.as_str()).map(Partner::lifetime),
            Party::State(_) => None,
        };
        super::rules::effective_period(membership, lifetime)
    }

    fn as_of<'a>(&'a self, m: &'a Membership, on: PartialDate) -> Option<AsOf<'a, Membership>> {
        let certainty = self.effective_period(m).contains(on);
        (certainty != Truth::No).then_some(AsOf { item: m, certainty })
    }

    /// The memberships (any role) that `state` held in consultative processes
    /// at some time during `on`, each certain or possible.
    ///
    /// "Which processes was Senegal a member of in 2010?" keeps the answers
    /// whose [`Membership::role`] is [`MembershipRole::Member`]. O(k) for the
    /// state's k memberships.
    pub fn processes_of(
        &self,
        state: CountryCode,
        on: PartialDate,
    ) -> impl Iterator<Item = AsOf<'_, Membership>> + '_ {
        self.memberships_at(self.inner.index.memberships_of_member.state(state))
            .filter(|m| matches!(m.body(), Party::Process(_)))
            .filter_map(move |m| self.as_of(m, on))
    }

    /// Who held `role` in `body` at some time during `on`: its members,
    /// observers or chair. Each answer is certain or possible. O(k) for the
    /// body's k memberships.
    pub fn members_of<'a>(
        &'a self,
        body: &Party,
        role: &'a MembershipRole,
        on: PartialDate,
    ) -> impl Iterator<Item = AsOf<'a, Membership>> + 'a {
        self.memberships_in(body)
            .filter(move |m| m.role() == role)
            .filter_map(move |m| self.as_of(m, on))
    }

    /// Projects that benefit `state` and pass `filter`. O(k) for the state's k projects.
    pub fn projects_benefiting<'a>(
        &'a self,
        state: CountryCode,
        filter: &'a ProjectFilter,
    ) -> impl Iterator<Item = &'a Project> + 'a {
        self.inner
            .index
            .projects_of_state
            .get(&state)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.inner.projects.get(i as usize))
            .filter(move |p| filter.matches(p))
    }

    /// Projects in which `partner` takes part, in `role` if given (funder,
    /// implementer, ...). O(k) for the partner's k projects.
    pub fn projects_with_partner<'a>(
        &'a self,
        partner: &str,
        role: Option<&'a ProjectRole>,
    ) -> impl Iterator<Item = &'a Project> + 'a {
        let partner_id = self.partner(partner).map(Partner::id);
        self.inner
            .index
            .projects_of_partner
            .get(partner)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.inner.projects.get(i as usize))
            .filter(move |p| {
                role.is_none_or(|r| {
                    p.organizations()
                        .iter()
                        .any(|o| Some(o.partner()) == partner_id && o.role() == r)
                })
            })
    }

    /// Projects related to a consultative process. O(k).
    pub fn projects_of_process<'a>(
        &'a self,
        process: &str,
    ) -> impl Iterator<Item = &'a Project> + 'a {
        self.inner
            .index
            .projects_of_process
            .get(process)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.inner.projects.get(i as usize))
    }

    /// Events in which `party` takes part, in `role` if given (organiser,
    /// co-chair, funder, participant, ...). O(k) for the party's k events.
    pub fn events_with<'a>(
        &'a self,
        party: &'a Party,
        role: Option<&'a EventRole>,
    ) -> impl Iterator<Item = &'a Event> + 'a {
        self.inner
            .index
            .events_of_party
            .get(party)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.inner.events.get(i as usize))
            .filter(move |e| {
                role.is_none_or(|r| {
                    e.parties()
                        .iter()
                        .any(|p| p.party() == party && p.role() == r)
                })
            })
    }

    /// Events that belong to `project`. O(k).
    pub fn events_of_project<'a>(&'a self, project: &str) -> impl Iterator<Item = &'a Event> + 'a {
        self.inner
            .index
            .events_of_project
            .get(project)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.inner.events.get(i as usize))
    }

    /// Events held in `country`. O(k).
    pub fn events_in_country(&self, country: CountryCode) -> impl Iterator<Item = &Event> + '_ {
        self.inner
            .index
            .events_of_country
            .get(&country)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.inner.events.get(i as usize))
    }

    /// Events held at some time during `on`, certainly or possibly (an event
    /// whose year is unknown is possible in any year). O(n) over all events.
    pub fn events_during(&self, on: PartialDate) -> impl Iterator<Item = AsOf<'_, Event>> + '_ {
        self.inner.events.iter().filter_map(move |e| {
            let certainty = match e.period() {
                Some(p) => p.contains(on),
                None if e.start().is_some() => Truth::Maybe,
                None => Truth::Maybe,
            };
            (certainty != Truth::No).then_some(AsOf { item: e, certainty })
        })
    }

    fn budget_totals<K: Ord>(
        &self,
        keys: impl Fn(&Project) -> Vec<K>,
    ) -> Result<BTreeMap<K, Totals>, MoneyError> {
        let mut out: BTreeMap<K, Totals> = BTreeMap::new();
        for p in &self.inner.projects {
            let budgets: Vec<_> = p
                .amounts()
                .iter()
                .filter(|a| *a.kind() == AmountKind::Budget)
                .collect();
            if budgets.is_empty() {
                continue;
            }
            for key in keys(p) {
                let totals = out.entry(key).or_default();
                for a in &budgets {
                    totals.add(a.money())?;
                }
            }
        }
        Ok(out)
    }

    /// Sums of project budgets (amounts of kind `budget`), per currency,
    /// by IOM Development Fund region (`None`: region unknown). O(n).
    ///
    /// # Errors
    ///
    /// [`MoneyError`] if a sum overflows.
    pub fn budget_totals_by_region(&self) -> Result<BTreeMap<Option<String>, Totals>, MoneyError> {
        self.budget_totals(|p| vec![p.idf_region().map(|r| r.as_str().to_owned())])
    }

    /// Sums of project budgets per currency by year: the project's "Year",
    /// else the year of its start (`None`: unknown). O(n).
    ///
    /// # Errors
    ///
    /// [`MoneyError`] if a sum overflows.
    pub fn budget_totals_by_year(&self) -> Result<BTreeMap<Option<i32>, Totals>, MoneyError> {
        self.budget_totals(|p| vec![p.year().or_else(|| p.period().start().map(|d| d.year()))])
    }

    /// Sums of project budgets per currency by benefiting state. A project's
    /// whole budget counts for each of its states (budgets are not split
    /// between states), so the sums over states exceed the total. O(n·s).
    ///
    /// # Errors
    ///
    /// [`MoneyError`] if a sum overflows.
    pub fn budget_totals_by_state(&self) -> Result<BTreeMap<CountryCode, Totals>, MoneyError> {
        self.budget_totals(|p| p.benefiting_states().to_vec())
    }

    /// Memberships that began or ended between `from` and `to` (from the
    /// first day of `from` to the last day of `to`), each certain or
    /// possible: certain when the whole start (or end) date lies in the
    /// window, possible when it overlaps it. O(n) over all memberships.
    pub fn membership_changes(
        &self,
        from: PartialDate,
        to: PartialDate,
    ) -> impl Iterator<Item = MembershipChange<'_>> + '_ {
        let (lo, hi) = (from.first_day(), to.last_day());
        let within = move |d: PartialDate| {
            if d.first_day() >= lo && d.last_day() <= hi {
                Truth::Yes
            } else if d.last_day() >= lo && d.first_day() <= hi {
                Truth::Maybe
            } else {
                Truth::No
            }
        };
        self.inner.memberships.iter().flat_map(move |m| {
            let period = self.effective_period(m);
            let began = period
                .start()
                .map(within)
                .filter(|t| *t != Truth::No)
                .map(|certainty| MembershipChange::Began(AsOf { item: m, certainty }));
            let ended = period
                .end()
                .map(within)
                .filter(|t| *t != Truth::No)
                .map(|certainty| MembershipChange::Ended(AsOf { item: m, certainty }));
            began.into_iter().chain(ended)
        })
    }

    /// The records a name or alias resolves to, case-, accent- and
    /// punctuation-insensitively: "Puebla Process" → RCM, "DIMAC" → MIDCAS,
    /// "Ivory Coast" → Côte d'Ivoire. Country names and aliases resolve even
    /// without a member-state record. O(1) expected.
    pub fn resolve_name(&self, name: &str) -> Vec<NameMatch<'_>> {
        let key = crate::value::normalize_name(name);
        let mut out = Vec::new();
        for k in self.inner.index.names.get(&key).into_iter().flatten() {
            let m = match *k {
                NameKey::State(c) => Some(NameMatch::State(c, self.member_state(c))),
                NameKey::Process(i) => self.inner.processes.get(i as usize).map(NameMatch::Process),
                NameKey::Partner(i) => self.inner.partners.get(i as usize).map(NameMatch::Partner),
            };
            out.extend(m);
        }
        if !out.iter().any(|m| matches!(m, NameMatch::State(..)))
            && let Ok(c) = CountryCode::from_name(name)
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
                            sources: m.sources(),
                            note: m.note(),
                        },
                        ClaimView {
                            value: "contested".to_owned(),
                            sources: d.sources(),
                            note: Some(d.note()),
                        },
                    ],
                });
            }
        }
        out
    }
}
