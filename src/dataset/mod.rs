//! The dataset: a validated, indexed collection of every entity and membership.

mod admissions;
mod answers;
mod budgets;
pub(crate) mod builder;
mod chairs;
mod changes;
mod compare;
mod cycles;
mod index;
mod overlap;
mod paths;
mod query;
mod rules;
mod stats;

pub use admissions::StatusTaken;
pub use budgets::{BudgetDimension, BudgetKey, BudgetQuery, BudgetTotal, BudgetTotals, KeyPart};
pub use builder::{DatasetBuilder, DatasetError, DuplicateIdError};
pub use chairs::ChairTerm;
pub use changes::Change;
pub use compare::{
    Conflict, DatasetDiff, FieldChange, MergeError, MergePolicy, Merged, RecordChange, RecordId,
};
pub use paths::Reached;
pub use query::{
    AsOf, Certain, ClaimView, DisputedFact, MembershipChange, NameMatch, ProjectFilter,
};
pub use stats::{CollectionCoverage, CoverageReport};

use std::sync::Arc;

use crate::entity::{Event, MemberState, Membership, Partner, Project, Rcp};
use crate::problem::Issue;
use index::Index;

/// An immutable, validated collection of member states, consultative
/// processes, partners, projects, events and memberships, with one
/// relationship index.
///
/// # The model
///
/// - Records are identified by their identifiers: a [`CountryCode`](crate::value::CountryCode)
///   for member states, a [`ProcessId`](crate::value::ProcessId), [`PartnerId`](crate::value::PartnerId),
///   [`ProjectId`](crate::value::ProjectId) or [`EventId`](crate::value::EventId) for the others.
/// - Relations point at identifiers: a project's benefiting states, funders
///   and implementers; an event's organisers, funders, participating
///   processes and related projects; a membership's member and body. A
///   dataset exists only if every reference resolves and no rule is broken
///   (see [`Rule`](crate::problem::Rule) for the table of rules): [`DatasetBuilder::build`]
///   returns a complete dataset or every problem, never half a dataset.
/// - The relationship index is computed once, when the dataset is built.
///   Every query, in both directions (state ↔ processes, process ↔
///   memberships, state ↔ projects, partner ↔ projects, partner ↔ events,
///   process ↔ events, project ↔ events, names ↔ records), is answered from
///   it, so the two directions cannot disagree.
/// - Time is partial: a membership "from 2001" asked about "2001-03" holds
///   only *possibly*. Date-based queries return [`AsOf`] answers that say
///   whether each holds certainly ([`Truth::Yes`](crate::value::Truth)) or possibly
///   ([`Truth::Maybe`](crate::value::Truth)). An open-ended membership of a dissolved
///   body ends with the body.
/// - A `Dataset` is `Send + Sync`, and `clone` is cheap (the data is shared).
///
/// # Examples
///
/// Three questions on a small dataset:
///
/// ```
/// use migov::codelist::{LifecycleStatus, MembershipRole, ProjectRole};
/// use migov::{
///     CountryCode, Dataset, Membership, Party, PartnerId, Period, ProcessId, Project,
///     ProjectFilter, ProjectId, ProjectParty, Rcp, Partner, Source,
/// };
///
/// let src = Source::new("https://www.iom.int/midwa")?;
/// let sen = CountryCode::from_alpha3("SEN")?;
/// let midwa = ProcessId::new("MIDWA")?;
/// let japan = PartnerId::new("GOV-JPN")?;
///
/// let mut b = Dataset::builder();
/// b.add_process(Rcp::builder(midwa.clone(), "Migration Dialogue for West Africa")
///     .established("2001".parse::<migov::PartialDate>()?)
///     .source(src.clone()).build()?)?;
/// b.add_partner(Partner::builder(japan.clone(), "Government of Japan").source(src.clone()).build()?)?;
/// b.add_membership(Membership::builder(Party::State(sen), Party::Process(midwa.clone()), MembershipRole::Member)
///     .period(Period::from_start("2001".parse()?))
///     .source(src.clone()).build()?);
/// b.add_project(Project::builder(ProjectId::new("CBM-SAHEL")?, "Coordinated Border Management")
///     .benefiting_state(sen)
///     .organization(ProjectParty::new(japan.clone(), ProjectRole::Funder))
///     .source(src.clone()).build()?)?;
/// let data = b.build()?;
///
/// // Which processes was Senegal a member of in 2010? (certainly: membership since 2001)
/// let answers: Vec<_> = data.processes_of(sen, "2010".parse()?).collect();
/// assert_eq!(answers.len(), 1);
/// assert!(answers[0].certainty().is_yes());
///
/// // Which projects benefit Senegal?
/// assert_eq!(data.projects_benefiting(sen, &ProjectFilter::default()).count(), 1);
///
/// // What did the Government of Japan fund?
/// let funded: Vec<_> = data.projects_with_partner(&japan, Some(&ProjectRole::Funder)).collect();
/// assert_eq!(funded[0].id().as_str(), "CBM-SAHEL");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Dataset {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    member_states: Vec<MemberState>,
    processes: Vec<Rcp>,
    partners: Vec<Partner>,
    projects: Vec<Project>,
    events: Vec<Event>,
    memberships: Vec<Membership>,
    index: Index,
    warnings: Vec<Issue>,
}

impl Dataset {
    /// Starts an empty dataset.
    pub fn builder() -> DatasetBuilder {
        DatasetBuilder::new()
    }

    /// Member and observer states, sorted by country code.
    pub fn member_states(&self) -> &[MemberState] {
        &self.inner.member_states
    }

    /// Consultative processes, sorted by identifier.
    pub fn processes(&self) -> &[Rcp] {
        &self.inner.processes
    }

    /// Partner organisations, sorted by identifier.
    pub fn partners(&self) -> &[Partner] {
        &self.inner.partners
    }

    /// Projects, sorted by identifier.
    pub fn projects(&self) -> &[Project] {
        &self.inner.projects
    }

    /// Events, sorted by identifier.
    pub fn events(&self) -> &[Event] {
        &self.inner.events
    }

    /// Memberships, sorted by body, member, role, scope and period.
    pub fn memberships(&self) -> &[Membership] {
        &self.inner.memberships
    }

    /// Every warning: each record's own (with the record's place in front of
    /// its path) and those about relations between records.
    pub fn warnings(&self) -> &[Issue] {
        &self.inner.warnings
    }

    /// A builder holding this dataset's records, to extend or change it.
    pub fn to_builder(&self) -> DatasetBuilder {
        let mut b = DatasetBuilder::new();
        b.extend_unchecked(
            self.inner.member_states.iter().cloned(),
            self.inner.processes.iter().cloned(),
            self.inner.partners.iter().cloned(),
            self.inner.projects.iter().cloned(),
            self.inner.events.iter().cloned(),
            self.inner.memberships.iter().cloned(),
        );
        b
    }
}

impl PartialEq for Dataset {
    /// Datasets are equal when they hold the same records.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
            || (self.inner.member_states == other.inner.member_states
                && self.inner.processes == other.inner.processes
                && self.inner.partners == other.inner.partners
                && self.inner.projects == other.inner.projects
                && self.inner.events == other.inner.events
                && self.inner.memberships == other.inner.memberships)
    }
}

impl Eq for Dataset {}
