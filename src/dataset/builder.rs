//! Building a dataset: collect records, then check every reference and rule at once.

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use super::index::{Groups, Index, MembershipFacts, PartyGroups, Resolver, pos};
use super::{Dataset, Inner, rules};
use crate::entity::{Event, MemberState, Membership, Partner, Project, Rcp};
use crate::problem::{FieldPath, Issue};
use crate::value::CountryCode;

/// An identifier was added twice to a [`DatasetBuilder`]; the builder is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("duplicate {collection} id {id:?}: a record with this identifier was already added")]
pub struct DuplicateIdError {
    collection: &'static str,
    id: String,
}

impl DuplicateIdError {
    /// The collection: `"member_states"`, `"processes"`, `"partners"`, `"projects"` or `"events"`.
    pub fn collection(&self) -> &'static str {
        self.collection
    }

    /// The identifier used twice.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Every problem that kept a dataset from being built.
///
/// Holds the errors and the warnings found; each names its rule, its place
/// (`projects[3].benefiting_states[2]`, positions in the order records were
/// added) and what is wrong. `Display` lists them one per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    issues: Vec<Issue>,
}

impl DatasetError {
    pub(crate) fn new(issues: Vec<Issue>) -> Self {
        Self { issues }
    }

    /// Every finding, errors and warnings.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    /// Takes the findings out.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        let warnings = self.issues.len() - errors;
        write!(
            f,
            "invalid dataset: {errors} error(s), {warnings} warning(s)"
        )?;
        for issue in self.errors() {
            write!(f, "\n  {issue}")?;
        }
        for issue in self.issues.iter().filter(|i| !i.is_error()) {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DatasetError {}

/// Collects records for a [`Dataset`]; see [`Dataset::builder`].
///
/// Adding a record whose identifier is already present fails and leaves the
/// builder exactly as it was. [`DatasetBuilder::build`] checks every
/// reference and every cross-record rule at once.
///
/// # Examples
///
/// ```
/// use migov::codelist::MembershipRole;
/// use migov::{CountryCode, Dataset, IomStatus, MemberState, Membership, Party, ProcessId, RegionalConsultativeProcess};
///
/// let sen = CountryCode::from_alpha3("SEN")?;
/// let mut builder = Dataset::builder();
/// builder.add_member_state(MemberState::builder(sen).status(IomStatus::Member, None).build()?)?;
/// builder.add_process(RegionalConsultativeProcess::builder(ProcessId::new("MIDWA")?, "Migration Dialogue for West Africa").build()?)?;
/// builder.add_membership(
///     Membership::builder(Party::State(sen), Party::Process(ProcessId::new("MIDWA")?), MembershipRole::Member).build()?,
/// );
/// // The same state twice is refused at once, and the builder is unchanged.
/// assert!(builder.add_member_state(MemberState::builder(sen).build()?).is_err());
/// let dataset = builder.build()?;
/// assert_eq!(dataset.member_states().len(), 1);
///
/// // A membership in a process the dataset does not have is refused at build.
/// let mut dangling = Dataset::builder();
/// dangling.add_membership(
///     Membership::builder(Party::State(sen), Party::Process(ProcessId::new("NOPE")?), MembershipRole::Member).build()?,
/// );
/// let err = dangling.build().unwrap_err();
/// assert!(err.errors().next().is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct DatasetBuilder {
    member_states: Vec<MemberState>,
    processes: Vec<Rcp>,
    partners: Vec<Partner>,
    projects: Vec<Project>,
    events: Vec<Event>,
    memberships: Vec<Membership>,
    state_ids: HashSet<CountryCode>,
    process_ids: IdSet,
    partner_ids: IdSet,
    project_ids: IdSet,
    event_ids: IdSet,
}

/// The identifiers of one collection, to refuse a repeat.
///
/// While identifiers arrive in increasing order (as in every file migov
/// saves), a new one is compared with the last only: it cannot repeat an
/// earlier one. Once the order breaks, each record is kept by the hash of
/// its identifier: the position of a record with each hash (no identifier
/// is copied; records with equal hashes are told apart by comparing their
/// identifiers, and all but the first such record are listed aside).
#[derive(Clone, Debug, Default)]
struct IdSet<S = std::hash::RandomState> {
    hasher: S,
    /// Whether the order broke and records are kept by hash.
    hashed: bool,
    first: std::collections::HashMap<u64, u32>,
    more: Vec<(u64, u32)>,
}

impl<S: std::hash::BuildHasher> IdSet<S> {
    /// Takes `id`, of the record about to be added after `records`; `false`
    /// (and nothing changes) when one of `records` has it already.
    fn insert_new<T>(&mut self, records: &[T], id_of: impl Fn(&T) -> &[u8], id: &[u8]) -> bool {
        if !self.hashed {
            match records.last() {
                None => return true,
                Some(last) if id_of(last) < id => return true,
                Some(_) => {
                    self.hashed = true;
                    for (p, r) in records.iter().enumerate() {
                        let h = self.hasher.hash_one(id_of(r));
                        self.keep(h, p);
                    }
                }
            }
        }
        let h = self.hasher.hash_one(id);
        let is = |p: u32| records.get(p as usize).is_some_and(|r| id_of(r) == id);
        let taken = match self.first.get(&h) {
            None => false,
            Some(&p) => is(p) || self.more.iter().any(|&(mh, mp)| mh == h && is(mp)),
        };
        if !taken {
            self.keep(h, records.len());
        }
        !taken
    }

    fn keep(&mut self, h: u64, position: usize) {
        let p = u32::try_from(position).unwrap_or(u32::MAX);
        match self.first.entry(h) {
            std::collections::hash_map::Entry::Occupied(_) => self.more.push((h, p)),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(p);
            }
        }
    }
}

/// Adds `record` to `records` unless its identifier is already there.
fn add_unique<T>(
    records: &mut Vec<T>,
    ids: &mut IdSet,
    collection: &'static str,
    record: T,
    id_of: impl Fn(&T) -> &[u8],
) -> Result<usize, DuplicateIdError> {
    let id = id_of(&record);
    if !ids.insert_new(records, &id_of, id) {
        return Err(DuplicateIdError {
            collection,
            id: String::from_utf8_lossy(id).into_owned(),
        });
    }
    records.push(record);
    Ok(records.len() - 1)
}

impl DatasetBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a member or observer state; returns its position among states.
    ///
    /// # Errors
    ///
    /// [`DuplicateIdError`] when a state with the same country code was
    /// added; the builder is unchanged.
    pub fn add_member_state(&mut self, state: MemberState) -> Result<usize, DuplicateIdError> {
        if !self.state_ids.insert(state.country()) {
            return Err(DuplicateIdError {
                collection: "member_states",
                id: state.country().to_string(),
            });
        }
        self.member_states.push(state);
        Ok(self.member_states.len() - 1)
    }

    /// Adds a consultative process; returns its position among processes.
    ///
    /// # Errors
    ///
    /// [`DuplicateIdError`] when the identifier was added; the builder is unchanged.
    pub fn add_process(&mut self, process: Rcp) -> Result<usize, DuplicateIdError> {
        add_unique(
            &mut self.processes,
            &mut self.process_ids,
            "processes",
            process,
            |p| p.id().as_bytes(),
        )
    }

    /// Adds a partner; returns its position among partners.
    ///
    /// # Errors
    ///
    /// [`DuplicateIdError`] when the identifier was added; the builder is unchanged.
    pub fn add_partner(&mut self, partner: Partner) -> Result<usize, DuplicateIdError> {
        add_unique(
            &mut self.partners,
            &mut self.partner_ids,
            "partners",
            partner,
            |p| p.id().as_bytes(),
        )
    }

    /// Adds a project; returns its position among projects.
    ///
    /// # Errors
    ///
    /// [`DuplicateIdError`] when the identifier was added; the builder is unchanged.
    pub fn add_project(&mut self, project: Project) -> Result<usize, DuplicateIdError> {
        add_unique(
            &mut self.projects,
            &mut self.project_ids,
            "projects",
            project,
            |p| p.id().as_bytes(),
        )
    }

    /// Adds an event; returns its position among events.
    ///
    /// # Errors
    ///
    /// [`DuplicateIdError`] when the identifier was added; the builder is unchanged.
    pub fn add_event(&mut self, event: Event) -> Result<usize, DuplicateIdError> {
        add_unique(
            &mut self.events,
            &mut self.event_ids,
            "events",
            event,
            |e| e.id().as_bytes(),
        )
    }

    /// Adds a membership; returns its position among memberships.
    /// (The same membership from another source, with the same member,
    /// body, role, scope, period and date of the source, is merged by
    /// [`DatasetBuilder::build`] into one record with the sources of both.)
    pub fn add_membership(&mut self, membership: Membership) -> usize {
        self.memberships.push(membership);
        self.memberships.len() - 1
    }

    /// How many records of each collection were added:
    /// `[member_states, processes, partners, projects, events, memberships]`.
    pub fn counts(&self) -> [usize; 6] {
        [
            self.member_states.len(),
            self.processes.len(),
            self.partners.len(),
            self.projects.len(),
            self.events.len(),
            self.memberships.len(),
        ]
    }

    pub(crate) fn extend_unchecked(
        &mut self,
        states: impl Iterator<Item = MemberState>,
        processes: impl Iterator<Item = Rcp>,
        partners: impl Iterator<Item = Partner>,
        projects: impl Iterator<Item = Project>,
        events: impl Iterator<Item = Event>,
        memberships: impl Iterator<Item = Membership>,
    ) {
        for s in states {
            self.state_ids.insert(s.country());
            self.member_states.push(s);
        }
        // The records come from a dataset: their identifiers are unique, so
        // `insert_new` only records them.
        for p in processes {
            let _ = self.process_ids.insert_new(
                &self.processes,
                |p| p.id().as_bytes(),
                p.id().as_bytes(),
            );
            self.processes.push(p);
        }
        for p in partners {
            let _ = self.partner_ids.insert_new(
                &self.partners,
                |p| p.id().as_bytes(),
                p.id().as_bytes(),
            );
            self.partners.push(p);
        }
        for p in projects {
            let _ = self.project_ids.insert_new(
                &self.projects,
                |p| p.id().as_bytes(),
                p.id().as_bytes(),
            );
            self.projects.push(p);
        }
        for e in events {
            let _ =
                self.event_ids
                    .insert_new(&self.events, |e| e.id().as_bytes(), e.id().as_bytes());
            self.events.push(e);
        }
        self.memberships.extend(memberships);
    }

    /// Checks every reference and cross-record rule and builds the dataset.
    ///
    /// # Errors
    ///
    /// [`DatasetError`] with every finding when any is an error: a
    /// reference to a record that does not exist (`ref.dangling`, naming the
    /// referring record, the field and the missing identifier), a broken
    /// cross-record rule (see [`Rule`](crate::problem::Rule)). No dataset is returned
    /// then: there is no half-validated dataset.
    ///
    /// # Threads
    ///
    /// A large dataset (some thousands of memberships, and of projects and
    /// events) is sorted, indexed and checked on two threads: memberships on
    /// a scoped thread started here, every other record on the calling
    /// thread; thousands of memberships then share their own work between
    /// two threads the same way. The result does not depend on it. Where no
    /// thread can be started (a platform without threads), all the work is
    /// done on the calling thread.
    pub fn build(self) -> Result<Dataset, DatasetError> {
        self.build_with_issues().map_err(DatasetError::new)
    }

    /// Builds the dataset if no finding is an error (its warnings are then
    /// on the dataset); otherwise returns every finding.
    pub(crate) fn build_with_issues(self) -> Result<Dataset, Vec<Issue>> {
        self.build_settled(None, None)
    }

    /// Whether `records` partners, projects and events are enough work to
    /// settle on a second thread while memberships are read.
    pub(crate) fn worth_settling_apart(records: usize) -> bool {
        records >= thread_min()
    }

    /// Takes out every record but the memberships, to be settled with
    /// [`Records::settle`] while memberships are still being added. The
    /// identifiers stay: a repeat is still refused.
    pub(crate) fn take_records(&mut self) -> Records {
        Records {
            member_states: std::mem::take(&mut self.member_states),
            processes: std::mem::take(&mut self.processes),
            partners: std::mem::take(&mut self.partners),
            projects: std::mem::take(&mut self.projects),
            events: std::mem::take(&mut self.events),
        }
    }

    /// Puts back records taken by [`DatasetBuilder::take_records`] from a
    /// builder of their own, after those added here. Their identifiers were
    /// checked there, not here: this builder must hold none of their
    /// collections' records, and is then only built.
    pub(crate) fn put_records(&mut self, more: Records) {
        join(&mut self.member_states, more.member_states);
        join(&mut self.processes, more.processes);
        join(&mut self.partners, more.partners);
        join(&mut self.projects, more.projects);
        join(&mut self.events, more.events);
    }

    /// Takes out the memberships added, in their order.
    pub(crate) fn take_memberships(&mut self) -> Vec<Membership> {
        std::mem::take(&mut self.memberships)
    }

    /// Adds memberships, converted elsewhere, after those added.
    pub(crate) fn append_memberships(&mut self, memberships: Vec<Membership>) {
        join(&mut self.memberships, memberships);
    }

    /// As [`DatasetBuilder::build_with_issues`], with the records taken by
    /// [`DatasetBuilder::take_records`] already settled.
    ///
    /// The work comes in three parts: member states, processes and partners
    /// are sorted first (memberships refer to them); then memberships on one
    /// side, and every other record on the other, are sorted, indexed and
    /// checked, on two threads for a large dataset.
    ///
    /// `prepared`, the memberships' keys and facts worked out against the
    /// settled records, is used when it covers every membership and no
    /// record came after the settlement.
    pub(crate) fn build_settled(
        self,
        settled: Option<(Records, Settlement)>,
        prepared: Option<Prepared>,
    ) -> Result<Dataset, Vec<Issue>> {
        let Self {
            member_states,
            processes,
            partners,
            projects,
            events,
            mut memberships,
            ..
        } = self;
        let added = Records {
            member_states,
            processes,
            partners,
            projects,
            events,
        };
        let (mut records, settlement) = match settled {
            Some((records, settlement)) if added.is_empty() => (records, Some(settlement)),
            // Records came after the others were settled: settle them all
            // again, in the order they were added.
            Some((mut records, settlement)) => {
                records.unsettle(&settlement);
                records.append(added);
                (records, None)
            }
            None => (added, None),
        };
        // Prepared memberships have their runs sorted in place: put them
        // back in the order they were added unless the preparation is used.
        let prepared = match prepared {
            Some(p) if settlement.is_some() && p.covers(&memberships) => Some(p),
            Some(p) => {
                p.undo(&mut memberships);
                None
            }
            None => None,
        };
        // Decided here: a thread started below has its own thread-locals.
        let split = memberships.len() >= thread_min();
        let (settlement, members) = match settlement {
            Some(settlement) => {
                let members = settle_memberships(
                    &records.processes,
                    &records.partners,
                    &mut memberships,
                    split,
                    prepared,
                );
                (settlement, members)
            }
            None => {
                let base_origins = records.sort_base();
                let (base, projects, events) = records.split();
                let (processes, partners) = (base.processes, base.partners);
                if memberships.len().min(projects.len() + events.len()) >= thread_min() {
                    let (members, settlement) = on_two_threads(
                        || settle_memberships(processes, partners, &mut memberships, split, None),
                        || settle_links(&base, base_origins, projects, events),
                    );
                    let members = members.unwrap_or_else(|| {
                        settle_memberships(processes, partners, &mut memberships, split, None)
                    });
                    (settlement, members)
                } else {
                    let settlement = settle_links(&base, base_origins, projects, events);
                    let members =
                        settle_memberships(processes, partners, &mut memberships, split, None);
                    (settlement, members)
                }
            }
        };
        let Settlement {
            index, mut issues, ..
        } = settlement;
        let Members {
            facts,
            member_groups,
            body_groups,
            issues: membership_issues,
        } = members;
        issues.extend(membership_issues);
        issues.sort_by(|a, b| (a.path(), a.rule()).cmp(&(b.path(), b.rule())));
        if issues.iter().any(Issue::is_error) {
            return Err(issues);
        }
        let Records {
            member_states,
            processes,
            partners,
            projects,
            events,
        } = records;
        let inner = Inner {
            member_states,
            processes,
            partners,
            projects,
            events,
            memberships,
            index: Index::joined(index, facts, member_groups, body_groups),
            warnings: issues,
        };
        Ok(Dataset {
            inner: Arc::new(inner),
        })
    }
}

/// The fewest records for which a second thread is worth its start (tens
/// of microseconds): settling a thousand records takes about a millisecond.
pub(crate) const THREAD_MIN: usize = 2048;

#[cfg(test)]
thread_local! {
    /// A unit test's own [`THREAD_MIN`] (`0`: always two threads,
    /// `usize::MAX`: never), for the thread that runs the test.
    pub(crate) static TEST_THREAD_MIN: std::cell::Cell<usize> =
        const { std::cell::Cell::new(THREAD_MIN) };
}

/// [`THREAD_MIN`] (in unit tests, [`TEST_THREAD_MIN`]).
pub(crate) fn thread_min() -> usize {
    #[cfg(test)]
    return TEST_THREAD_MIN.with(std::cell::Cell::get);
    #[cfg(not(test))]
    THREAD_MIN
}

/// Runs `a` on a second thread while `b` runs on this one.
///
/// `a`'s result is `None` when no thread was started (a process allowed a
/// single core, where a second thread would only take turns with this one;
/// a platform without threads; a process at its limit): `a` did not run,
/// what it borrows is untouched, and the caller runs it here.
pub(crate) fn on_two_threads<RA: Send, RB>(
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB,
) -> (Option<RA>, RB) {
    on_two_threads_told(a, |_| b())
}

/// As [`on_two_threads`], telling `b` whether `a` runs on the second thread
/// (`false`: `a` will not run at all, and `b` must not wait for it).
pub(crate) fn on_two_threads_told<RA: Send, RB>(
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce(bool) -> RB,
) -> (Option<RA>, RB) {
    if !several_cores() {
        return (None, b(false));
    }
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("migov-settle".to_owned())
            .spawn_scoped(scope, a);
        let rb = b(spawned.is_ok());
        let ra = match spawned {
            Ok(handle) => match handle.join() {
                Ok(ra) => Some(ra),
                // `a` panicked, which is a bug: the panic goes on here.
                Err(payload) => std::panic::resume_unwind(payload),
            },
            Err(_) => None,
        };
        (ra, rb)
    })
}

/// Whether this process may run on more than one core (asked once, on the
/// first large dataset). Unit tests always take two threads, to test them.
fn several_cores() -> bool {
    #[cfg(test)]
    return true;
    #[cfg(not(test))]
    {
        static SEVERAL: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *SEVERAL.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
    }
}

/// The records memberships refer to, and that never refer to memberships:
/// every record but the memberships.
#[derive(Debug, Default)]
pub(crate) struct Records {
    member_states: Vec<MemberState>,
    processes: Vec<Rcp>,
    partners: Vec<Partner>,
    projects: Vec<Project>,
    events: Vec<Event>,
}

/// What settling [`Records`] gave: where each sorted record was added, the
/// index of [`Index::of_records`], and the records' findings.
#[derive(Debug)]
pub(crate) struct Settlement {
    /// Per collection of [`Records`], in their order.
    origins: [Vec<u32>; 5],
    index: Index,
    issues: Vec<Issue>,
}

/// Member states, processes and partners, sorted.
struct Base<'a> {
    member_states: &'a [MemberState],
    processes: &'a [Rcp],
    partners: &'a [Partner],
}

impl Records {
    fn is_empty(&self) -> bool {
        self.member_states.is_empty()
            && self.processes.is_empty()
            && self.partners.is_empty()
            && self.projects.is_empty()
            && self.events.is_empty()
    }

    /// Adds `more` after these records.
    pub(crate) fn append(&mut self, more: Records) {
        join(&mut self.member_states, more.member_states);
        join(&mut self.processes, more.processes);
        join(&mut self.partners, more.partners);
        join(&mut self.projects, more.projects);
        join(&mut self.events, more.events);
    }

    /// Sorts member states, processes and partners; where each was added.
    fn sort_base(&mut self) -> [Vec<u32>; 3] {
        [
            sort_in_place(&mut self.member_states, |a, b| {
                a.country().cmp(&b.country())
            }),
            sort_in_place(&mut self.processes, |a, b| a.id().cmp(b.id())),
            sort_in_place(&mut self.partners, |a, b| a.id().cmp(b.id())),
        ]
    }

    /// Sorts every record, builds their part of the index and checks their
    /// rules and their own warnings.
    pub(crate) fn settle(&mut self) -> Settlement {
        let base_origins = self.sort_base();
        let (base, projects, events) = self.split();
        settle_links(&base, base_origins, projects, events)
    }

    /// The records memberships refer to, to read, and projects and events,
    /// to sort.
    fn split(&mut self) -> (Base<'_>, &mut Vec<Project>, &mut Vec<Event>) {
        let Records {
            member_states,
            processes,
            partners,
            projects,
            events,
        } = self;
        let base = Base {
            member_states,
            processes,
            partners,
        };
        (base, projects, events)
    }

    /// Puts settled records back in the order they were added.
    fn unsettle(&mut self, settlement: &Settlement) {
        let [states, processes, partners, projects, events] = &settlement.origins;
        unsort(&mut self.member_states, states);
        unsort(&mut self.processes, processes);
        unsort(&mut self.partners, partners);
        unsort(&mut self.projects, projects);
        unsort(&mut self.events, events);
    }
}

/// Sorts projects and events, builds the index of every record but the
/// memberships, and finds the findings of every such record.
fn settle_links(
    base: &Base<'_>,
    base_origins: [Vec<u32>; 3],
    projects: &mut Vec<Project>,
    events: &mut Vec<Event>,
) -> Settlement {
    let project_origin = sort_in_place(projects, |a, b| a.id().cmp(b.id()));
    let event_origin = sort_in_place(events, |a, b| a.id().cmp(b.id()));
    let [state_origin, process_origin, partner_origin] = base_origins;
    let resolver = Resolver::new(base.processes, base.partners, projects);
    let index = Index::of_records(
        base.member_states,
        base.processes,
        base.partners,
        projects,
        events,
        &resolver,
    );
    let view = rules::View {
        member_states: base.member_states,
        processes: base.processes,
        partners: base.partners,
        projects,
        events,
        memberships: &[],
        index: &index,
        resolver: &resolver,
    };
    let origins = rules::Origins {
        member_states: &state_origin,
        processes: &process_origin,
        projects: &project_origin,
        events: &event_origin,
        memberships: &[],
    };
    let mut issues = rules::check_records(&view, &origins);
    drop(resolver);
    // Each record's own warnings, with the record's place in front.
    collect_own(
        &mut issues,
        "member_states",
        base.member_states,
        &state_origin,
        MemberState::warnings,
    );
    collect_own(
        &mut issues,
        "processes",
        base.processes,
        &process_origin,
        Rcp::warnings,
    );
    collect_own(
        &mut issues,
        "partners",
        base.partners,
        &partner_origin,
        Partner::warnings,
    );
    collect_own(
        &mut issues,
        "projects",
        projects,
        &project_origin,
        Project::warnings,
    );
    collect_own(
        &mut issues,
        "events",
        events,
        &event_origin,
        Event::warnings,
    );
    Settlement {
        origins: [
            state_origin,
            process_origin,
            partner_origin,
            project_origin,
            event_origin,
        ],
        index,
        issues,
    }
}

/// The memberships' part of the index, and their findings.
struct Members {
    facts: Vec<MembershipFacts>,
    /// By member.
    member_groups: PartyGroups,
    /// By body, and states' memberships in processes by state.
    body_groups: (PartyGroups, Groups),
    issues: Vec<Issue>,
}

/// Sorts memberships; gives their part of the index and their findings.
///
/// With `two_threads` (above [`THREAD_MIN`] memberships) the work is shared:
/// checking the order and finding the facts by halves; the groups by member
/// on one side, by body on the other; then the rules of each membership on
/// one side, the rules of each body and the memberships' own warnings on
/// the other. With `prepared` (for these memberships, in their order) the
/// keys and facts are not worked out again, and memberships out of order
/// are sorted run by run on both threads, then moved into place on one
/// while their facts are moved and grouped on the other.
fn settle_memberships(
    processes: &[Rcp],
    partners: &[Partner],
    memberships: &mut Vec<Membership>,
    two_threads: bool,
    prepared: Option<Prepared>,
) -> Members {
    let resolver = Resolver::new(processes, partners, &[]);
    let identity = |n: usize| (0..n).map(pos).collect::<Vec<u32>>();
    let facts_of =
        |part: &[Membership]| Index::membership_facts(processes, partners, part, &resolver);
    let sizes = Index::party_sizes(processes, partners);
    let (origin, facts, groups) = match prepared {
        Some(prepared) => {
            let Prepared {
                keys,
                facts,
                origin: added,
                runs,
            } = prepared;
            let order = runs_order(&runs).unwrap_or_else(|| {
                // A body in several runs: sort them all.
                let keyed = keys.into_iter().enumerate().map(|(i, k)| (k, pos(i)));
                sort_order(
                    memberships,
                    keyed.collect(),
                    |a, b| a.key().cmp(&b.key()),
                    |(body, _)| *body,
                    two_threads,
                )
            });
            let origin = order
                .iter()
                .filter_map(|&i| added.get(i as usize).copied())
                .collect();
            if order.iter().enumerate().all(|(i, &at)| at == pos(i)) {
                (origin, facts, None)
            } else {
                // The records are moved into place while the facts are,
                // and grouped: the groups need only the facts.
                let move_facts = || {
                    let facts: Vec<MembershipFacts> = order
                        .iter()
                        .filter_map(|&i| facts.get(i as usize).copied())
                        .collect();
                    let groups = MembershipGroups::of(&facts, sizes);
                    (facts, groups)
                };
                let (facts, groups) = if two_threads {
                    let (moved, facts) =
                        on_two_threads(|| permute(memberships, &order), move_facts);
                    if moved.is_none() {
                        permute(memberships, &order);
                    }
                    facts
                } else {
                    permute(memberships, &order);
                    move_facts()
                };
                (origin, facts, Some(groups))
            }
        }
        None => {
            let in_order = if two_threads {
                in_order_on_two_threads(memberships)
            } else {
                memberships.is_sorted_by(|a, b| a.key() <= b.key())
            };
            let origin = if in_order {
                identity(memberships.len())
            } else {
                sort_memberships(&resolver, memberships)
            };
            let facts = if two_threads {
                let (first, second) = memberships.split_at(memberships.len() / 2);
                let (second_facts, mut facts) =
                    on_two_threads(|| facts_of(second), || facts_of(first));
                facts.extend(second_facts.unwrap_or_else(|| facts_of(second)));
                facts
            } else {
                facts_of(memberships)
            };
            (origin, facts, None)
        }
    };
    let (origin, facts, groups) = merge_repeats(memberships, origin, facts, groups);
    let memberships: &[Membership] = memberships;
    let index = Index {
        memberships: facts,
        ..Index::default()
    };
    let view = rules::View {
        member_states: &[],
        processes,
        partners,
        projects: &[],
        events: &[],
        memberships,
        index: &index,
        resolver: &resolver,
    };
    let origins = rules::Origins {
        member_states: &[],
        processes: &[],
        projects: &[],
        events: &[],
        memberships: &origin,
    };
    let MembershipGroups {
        of_member,
        of_body,
        of_state,
    } = match groups {
        Some(groups) => groups,
        None if two_threads => {
            let by_body = || {
                (
                    Index::body_groups(&index.memberships, sizes),
                    Index::state_in_process_groups(&index.memberships),
                )
            };
            let (by_body_done, of_member) =
                on_two_threads(by_body, || Index::member_groups(&index.memberships, sizes));
            let (of_body, of_state) = by_body_done.unwrap_or_else(by_body);
            MembershipGroups {
                of_member,
                of_body,
                of_state,
            }
        }
        None => MembershipGroups::of(&index.memberships, sizes),
    };
    // Two sides of about equal work.
    let by_member = || rules::check_membership_records(&view, &origins);
    let by_body = || {
        let mut issues = rules::check_membership_bodies(&view, &origins, &of_body, &of_member);
        collect_own(
            &mut issues,
            "memberships",
            memberships,
            &origin,
            Membership::warnings,
        );
        issues
    };
    let (mut issues, body_issues) = if two_threads {
        let (by_body_done, by_member_done) = on_two_threads(by_body, by_member);
        (by_member_done, by_body_done.unwrap_or_else(by_body))
    } else {
        (by_member(), by_body())
    };
    issues.extend(body_issues);
    Members {
        facts: index.memberships,
        member_groups: of_member,
        body_groups: (of_body, of_state),
        issues,
    }
}

/// Merges each run of memberships that state the same fact (the same
/// [`Membership::key`]: member, body, role, scope, period and date of the
/// source), which sit next to each other once sorted, into its first
/// membership, with the sources of all (see [`Membership::merged`]); their
/// facts and origins go with them. Memberships with no repeat, the usual
/// case, are left in place: one pass that compares resolved parties first.
/// The groups, made of the facts before, are dropped when any repeat is
/// merged, to be made again.
fn merge_repeats(
    memberships: &mut Vec<Membership>,
    origin: Vec<u32>,
    facts: Vec<MembershipFacts>,
    groups: Option<MembershipGroups>,
) -> (Vec<u32>, Vec<MembershipFacts>, Option<MembershipGroups>) {
    let repeats = |i: usize| {
        let (Some(prev), Some(this)) = (facts.get(i - 1), facts.get(i)) else {
            return false;
        };
        prev.body == this.body
            && prev.member == this.member
            && matches!(
                (memberships.get(i - 1), memberships.get(i)),
                (Some(a), Some(b)) if a.key() == b.key()
            )
    };
    if !(1..memberships.len()).any(repeats) {
        return (origin, facts, groups);
    }
    let keep: Vec<bool> = (0..memberships.len())
        .map(|i| i == 0 || !repeats(i))
        .collect();
    let mut merged: Vec<Membership> = Vec::with_capacity(memberships.len());
    for (m, first) in std::mem::take(memberships).into_iter().zip(&keep) {
        match merged.pop() {
            Some(prev) if !first => merged.push(prev.merged(m)),
            Some(prev) => {
                merged.push(prev);
                merged.push(m);
            }
            None => merged.push(m),
        }
    }
    *memberships = merged;
    (kept(origin, &keep), kept(facts, &keep), None)
}

/// The items whose place in `keep` is `true`.
fn kept<T>(items: Vec<T>, keep: &[bool]) -> Vec<T> {
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(x, &k)| k.then_some(x))
        .collect()
}

/// The memberships' groups (see [`Members`]).
struct MembershipGroups {
    of_member: PartyGroups,
    of_body: PartyGroups,
    of_state: Groups,
}

impl MembershipGroups {
    /// The groups of memberships whose facts, in order, are `facts`.
    fn of(facts: &[MembershipFacts], sizes: [usize; 3]) -> Self {
        Self {
            of_member: Index::member_groups(facts, sizes),
            of_body: Index::body_groups(facts, sizes),
            of_state: Index::state_in_process_groups(facts),
        }
    }
}

/// Whether memberships are in order, each half checked on its own thread.
fn in_order_on_two_threads(memberships: &[Membership]) -> bool {
    let mid = memberships.len() / 2;
    // The halves share the record at the middle, so the pair across is checked.
    let first = memberships.get(..mid).unwrap_or_default();
    let second = memberships.get(mid.saturating_sub(1)..).unwrap_or_default();
    let in_order = |part: &[Membership]| part.is_sorted_by(|a, b| a.key() <= b.key());
    let (second_in_order, first_in_order) = on_two_threads(|| in_order(second), || in_order(first));
    first_in_order && second_in_order.unwrap_or_else(|| in_order(second))
}

/// A membership's sort key: its body's rank, then its member's (see
/// [`party_rank`]); it agrees with [`Membership::key`].
type MembershipKey = ((u8, u32), (u8, u32));

/// Works out [`MembershipKey`]s in turn. Files usually list a body's
/// memberships together: the last body's rank is kept, so that each run of
/// one body is looked up once.
#[derive(Default)]
struct Keys {
    last_body: Option<(crate::entity::Party, (u8, u32))>,
}

impl Keys {
    fn of(&mut self, resolver: &Resolver<'_>, m: &Membership) -> MembershipKey {
        let body = match &self.last_body {
            Some((party, rank)) if party == m.body() => *rank,
            _ => {
                let rank = party_rank(resolver, m.body());
                self.last_body = Some((m.body().clone(), rank));
                rank
            }
        };
        (body, party_rank(resolver, m.member()))
    }
}

/// Sorts memberships by [`Membership::key`]; where each was.
fn sort_memberships(resolver: &Resolver<'_>, memberships: &mut Vec<Membership>) -> Vec<u32> {
    // Memberships out of order are sorted on small integer keys (the
    // parties' ranks, in the same order as the parties themselves) with
    // the full key for ties.
    let mut keys = Keys::default();
    let (sorted, origin) = sorted_with(
        std::mem::take(memberships),
        |a, b| a.key().cmp(&b.key()),
        |m| keys.of(resolver, m),
        |(body, _)| *body,
    );
    *memberships = sorted;
    origin
}

/// Memberships prepared while they are still being read (on the second
/// thread of a pipelined load), against settled records: each one's
/// [`MembershipKey`] and [`MembershipFacts`], and each run of one body
/// sorted in place as soon as the next body begins (files list a body's
/// memberships together), so that little is left to sort once the last
/// membership is read.
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    /// In the memberships' present order, as the next three.
    keys: Vec<MembershipKey>,
    facts: Vec<MembershipFacts>,
    /// Where each membership was added.
    origin: Vec<u32>,
    /// The runs of one body, in order: the body's rank and the run's length.
    runs: Vec<((u8, u32), usize)>,
}

impl Prepared {
    /// Whether this is the preparation of every one of `memberships`.
    fn covers(&self, memberships: &[Membership]) -> bool {
        let n = memberships.len();
        self.keys.len() == n
            && self.facts.len() == n
            && self.origin.len() == n
            && self.runs.iter().map(|&(_, len)| len).sum::<usize>() == n
    }

    /// How many memberships were prepared.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.origin.len()
    }

    /// Puts the memberships prepared (the first of `memberships`) back in
    /// the order they were added.
    fn undo(self, memberships: &mut [Membership]) {
        if let Some(prepared) = memberships.get_mut(..self.origin.len()) {
            unsort(prepared, &self.origin);
        }
    }
}

/// The order of memberships whose runs (see [`Prepared`]) are each sorted
/// and each of a different body: the runs by body. `None` if a body has
/// several runs.
fn runs_order(runs: &[((u8, u32), usize)]) -> Option<Vec<u32>> {
    let mut starts: Vec<((u8, u32), usize, usize)> = Vec::with_capacity(runs.len());
    let mut start = 0;
    for &(body, len) in runs {
        starts.push((body, start, len));
        start += len;
    }
    starts.sort_unstable_by_key(|&(body, _, _)| body);
    if starts.windows(2).any(|w| matches!(w, [a, b] if a.0 == b.0)) {
        return None;
    }
    Some(
        starts
            .iter()
            .flat_map(|&(_, start, len)| (start..start + len).map(pos))
            .collect(),
    )
}

/// Prepares memberships as they come (see [`Prepared`]), against records
/// settled by [`Records::settle`].
pub(crate) struct Preparer<'a> {
    processes: &'a [Rcp],
    partners: &'a [Partner],
    resolver: Resolver<'a>,
    keys: Keys,
    prepared: Prepared,
    /// How many of the first runs are sorted, and their memberships.
    sorted_runs: usize,
    sorted: usize,
}

impl<'a> Preparer<'a> {
    /// A preparer for memberships of the settled `records`.
    pub(crate) fn new(records: &'a Records) -> Self {
        Self {
            processes: &records.processes,
            partners: &records.partners,
            resolver: Resolver::new(&records.processes, &records.partners, &[]),
            keys: Keys::default(),
            prepared: Prepared::default(),
            sorted_runs: 0,
            sorted: 0,
        }
    }

    /// Prepares the memberships of `memberships` not yet prepared (those
    /// before them are the ones prepared before, as this preparer left
    /// them), and sorts each run that is complete.
    pub(crate) fn add(&mut self, memberships: &mut [Membership]) {
        let from = self.prepared.origin.len();
        let new = memberships.get(from..).unwrap_or_default();
        let Prepared {
            keys,
            facts,
            origin,
            runs,
        } = &mut self.prepared;
        for (i, m) in (from..).zip(new) {
            let key = self.keys.of(&self.resolver, m);
            match runs.last_mut() {
                Some((body, len)) if *body == key.0 => *len += 1,
                _ => runs.push((key.0, 1)),
            }
            keys.push(key);
            origin.push(pos(i));
        }
        facts.extend(Index::membership_facts(
            self.processes,
            self.partners,
            new,
            &self.resolver,
        ));
        // The last run may go on.
        self.sort_runs(memberships, self.prepared.runs.len().saturating_sub(1));
    }

    /// Puts the memberships prepared (the first of `memberships`) back in
    /// the order they were added, and forgets them, to prepare them again.
    pub(crate) fn restart(&mut self, memberships: &mut [Membership]) {
        std::mem::take(&mut self.prepared).undo(memberships);
        self.keys = Keys::default();
        self.sorted_runs = 0;
        self.sorted = 0;
    }

    /// Sorts the first `complete` runs of `memberships` not sorted yet.
    fn sort_runs(&mut self, memberships: &mut [Membership], complete: usize) {
        let Prepared {
            keys,
            facts,
            origin,
            runs,
        } = &mut self.prepared;
        while self.sorted_runs < complete {
            let Some(&(_, len)) = runs.get(self.sorted_runs) else {
                break;
            };
            let range = self.sorted..self.sorted + len;
            self.sorted_runs += 1;
            self.sorted += len;
            if let (Some(run), Some(keys), Some(facts), Some(origin)) = (
                memberships.get_mut(range.clone()),
                keys.get_mut(range.clone()),
                facts.get_mut(range.clone()),
                origin.get_mut(range),
            ) {
                sort_run(run, keys, facts, origin);
            }
        }
    }

    /// What was prepared, every run sorted (`memberships` as given to
    /// [`Preparer::add`] last).
    pub(crate) fn finish(mut self, memberships: &mut [Membership]) -> Prepared {
        self.sort_runs(memberships, self.prepared.runs.len());
        self.prepared
    }
}

/// Sorts the memberships of a run, with their keys, facts and origins.
fn sort_run(
    run: &mut [Membership],
    keys: &mut [MembershipKey],
    facts: &mut [MembershipFacts],
    origin: &mut [u32],
) {
    if run.is_sorted_by(|a, b| a.key() <= b.key()) {
        return;
    }
    let mut keyed: Vec<(MembershipKey, u32)> =
        keys.iter().enumerate().map(|(i, &k)| (k, pos(i))).collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        ka.cmp(kb)
            .then_with(|| match (run.get(*a as usize), run.get(*b as usize)) {
                (Some(x), Some(y)) => x.key().cmp(&y.key()),
                _ => std::cmp::Ordering::Equal,
            })
    });
    let order: Vec<u32> = keyed.into_iter().map(|(_, i)| i).collect();
    permute(run, &order);
    permute(keys, &order);
    permute(facts, &order);
    permute(origin, &order);
}

/// A party's place in the order of parties: kind, then code or identifier
/// (the position among the sorted partners or processes; for a group, its
/// body's). A party that is
/// not in the dataset sorts last; the dataset is refused then anyway.
fn party_rank(resolver: &Resolver<'_>, party: &crate::entity::Party) -> (u8, u32) {
    use crate::entity::Party;
    let rank = match party {
        Party::State(c) => Some((0, u32::try_from(c.alpha3_rank()).unwrap_or(u32::MAX))),
        Party::Partner(p) => resolver.partner(p.as_bytes()).map(|i| (1, i)),
        Party::Process(p) => resolver.process(p.as_bytes()).map(|i| (2, i)),
        Party::MembersOf(crate::entity::Body::Partner(p)) => {
            resolver.partner(p.as_bytes()).map(|i| (3, i))
        }
        Party::MembersOf(crate::entity::Body::Process(p)) => {
            resolver.process(p.as_bytes()).map(|i| (4, i))
        }
    };
    rank.unwrap_or((u8::MAX, u32::MAX))
}

/// As [`sorted`], but out-of-order input is sorted on a cached key first
/// (`key` must agree with `cmp`: `key(a) < key(b)` implies `a < b`).
///
/// `group` names a coarser order of the keys (`k1 < k2` implies
/// `group(k1) <= group(k2)`). Input that gives each group in one run (a
/// file listing each body's memberships together) is sorted by putting the
/// runs in order, then each run on its own: many small sorts instead of one
/// large one.
fn sorted_with<T: Sync, K: Ord + Clone + Send + Sync, G: Ord>(
    items: Vec<T>,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
    mut key: impl FnMut(&T) -> K,
    group: impl Fn(&K) -> G,
) -> (Vec<T>, Vec<u32>) {
    if items.is_sorted_by(|a, b| cmp(a, b).is_le()) {
        let origin = (0..items.len()).map(pos).collect();
        return (items, origin);
    }
    let keyed: Vec<(K, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (key(t), pos(i)))
        .collect();
    let order = sort_order(&items, keyed, cmp, group, false);
    let mut items = items;
    permute(&mut items, &order);
    (items, order)
}

/// The order of `items` (see [`sorted_with`]) from their keys and
/// positions (`keyed`, in the order of `items`): for each place, the
/// position of the item that goes there. With `two_threads`, the runs of
/// each group are sorted on two threads, half of the items on each.
fn sort_order<T: Sync, K: Ord + Clone + Send + Sync, G: Ord>(
    items: &[T],
    mut keyed: Vec<(K, u32)>,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
    group: impl Fn(&K) -> G,
    two_threads: bool,
) -> Vec<u32> {
    let order_of = |(ka, a): &(K, u32), (kb, b): &(K, u32)| {
        ka.cmp(kb)
            .then_with(|| match (items.get(*a as usize), items.get(*b as usize)) {
                (Some(x), Some(y)) => cmp(x, y),
                _ => std::cmp::Ordering::Equal,
            })
    };
    // The runs of one group, ordered by group: each group must have one run.
    let mut runs: Vec<(G, &[(K, u32)])> = keyed
        .chunk_by(|(ka, _), (kb, _)| group(ka) == group(kb))
        .filter_map(|run| run.first().map(|(k, _)| (group(k), run)))
        .collect();
    runs.sort_by(|(ga, _), (gb, _)| ga.cmp(gb));
    let one_run_each = runs.windows(2).all(|w| match w {
        [(ga, _), (gb, _)] => ga < gb,
        _ => true,
    });
    if one_run_each {
        let lengths: Vec<usize> = runs.iter().map(|(_, run)| run.len()).collect();
        let mut in_runs: Vec<(K, u32)> = Vec::with_capacity(keyed.len());
        for (_, run) in &runs {
            in_runs.extend_from_slice(run);
        }
        drop(runs);
        keyed = in_runs;
        let sort_runs = |mut rest: &mut [(K, u32)], lengths: &[usize]| {
            for &len in lengths {
                let (run, tail) = rest.split_at_mut(len.min(rest.len()));
                run.sort_by(order_of);
                rest = tail;
            }
        };
        // The first runs that hold half of the items, and the others.
        let mut half = 0;
        let split = lengths
            .iter()
            .take_while(|&&len| {
                let under = half < keyed.len() / 2;
                half += if under { len } else { 0 };
                under
            })
            .count();
        let (first_lengths, second_lengths) = lengths.split_at(split);
        if two_threads && half <= keyed.len() {
            let (first, second) = keyed.split_at_mut(half);
            let (done, ()) = on_two_threads(
                || sort_runs(second, second_lengths),
                || sort_runs(first, first_lengths),
            );
            if done.is_none() {
                sort_runs(second, second_lengths);
            }
        } else {
            sort_runs(&mut keyed, &lengths);
        }
    } else {
        drop(runs);
        keyed.sort_by(order_of);
    }
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Reorders `items` in place so that `items[i]` becomes the old
/// `items[order[i]]` (`order` a permutation of the positions), following each
/// cycle of the permutation with swaps: no record is copied aside.
fn permute<T>(items: &mut [T], order: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut i = start;
        loop {
            match placed.get_mut(i) {
                Some(done) if !*done => *done = true,
                _ => break,
            }
            let j = order.get(i).map_or(start, |&j| j as usize);
            if j == start || j >= items.len() {
                break;
            }
            // `items[j]` still holds its old record: it moves to `i`.
            items.swap(i, j);
            i = j;
        }
    }
}

/// The items in order, and for each the position at which it was given.
///
/// Input that is already in order (as every file migov saves) is returned
/// as it is, without moving a record; otherwise positions are sorted and
/// the records swapped into place in the vector they came in (see [`permute`]).
fn sorted<T: Sync>(
    items: Vec<T>,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) -> (Vec<T>, Vec<u32>) {
    sorted_with(items, cmp, |_| (), |_| ())
}

/// Sorts `items` in place (see [`sorted`]); for each, where it was.
fn sort_in_place<T: Sync>(
    items: &mut Vec<T>,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) -> Vec<u32> {
    let (sorted, origin) = sorted(std::mem::take(items), cmp);
    *items = sorted;
    origin
}

/// Adds `more` after `list`, taking `more`'s allocation when `list` is empty.
fn join<T>(list: &mut Vec<T>, mut more: Vec<T>) {
    if list.is_empty() {
        *list = more;
    } else {
        list.append(&mut more);
    }
}

/// Undoes a sort: puts each item back at `origin` (as [`sorted`] gave it).
fn unsort<T>(items: &mut [T], origin: &[u32]) {
    let mut order = vec![0u32; origin.len()];
    for (i, &at) in origin.iter().enumerate() {
        if let Some(slot) = order.get_mut(at as usize) {
            *slot = u32::try_from(i).unwrap_or(u32::MAX);
        }
    }
    permute(items, &order);
}

fn collect_own<T>(
    out: &mut Vec<Issue>,
    collection: &'static str,
    records: &[T],
    origin: &[u32],
    warnings: impl Fn(&T) -> &[Issue],
) {
    for (record, at) in records.iter().zip(origin) {
        let found = warnings(record);
        if found.is_empty() {
            continue;
        }
        let prefix = FieldPath::key(collection).join(*at as usize);
        out.extend(found.iter().cloned().map(|w| w.prefixed(&prefix)));
    }
}

#[cfg(test)]
mod tests {
    use super::IdSet;

    /// Every identifier gets the same hash: the worst case of collisions.
    #[derive(Clone, Debug, Default)]
    struct Colliding;

    impl std::hash::Hasher for Colliding {
        fn finish(&self) -> u64 {
            7
        }
        fn write(&mut self, _: &[u8]) {}
    }

    #[test]
    fn identifiers_with_equal_hashes_are_told_apart() {
        let mut set: IdSet<std::hash::BuildHasherDefault<Colliding>> = IdSet::default();
        // Out of order from the second on, so every identifier is hashed.
        let records: Vec<String> = ["RCM", "MIDCAS", "MIDWA"].map(String::from).to_vec();
        for (i, r) in records.iter().enumerate() {
            assert!(set.insert_new(&records[..i], String::as_bytes, r.as_bytes()));
        }
        for r in &records {
            assert!(
                !set.insert_new(&records, String::as_bytes, r.as_bytes()),
                "{r}"
            );
        }
        assert!(set.insert_new(&records, String::as_bytes, b"IGAD-RCP"));
    }

    #[test]
    fn on_two_threads_runs_the_first_on_another_thread() {
        let here = std::thread::current().id();
        let (a, b) = super::on_two_threads(
            || (std::thread::current().id(), 6 * 7),
            || (std::thread::current().id(), "b"),
        );
        let (a_thread, a_value) = a.expect("a thread can be started in tests");
        assert_ne!(a_thread, here);
        assert_eq!(a_value, 42);
        assert_eq!(b, (here, "b"));
    }

    /// The reference dataset's records, in the order of its file.
    fn reference_builder() -> super::DatasetBuilder {
        crate::dataset::Dataset::from_json_str(include_str!("../../data/reference.json"))
            .expect("the reference dataset loads")
            .to_builder()
    }

    /// Builds with `min` as the thread threshold.
    fn build_with(
        min: usize,
        b: super::DatasetBuilder,
    ) -> Result<crate::dataset::Dataset, Vec<crate::problem::Issue>> {
        super::TEST_THREAD_MIN.with(|c| c.set(min));
        let built = b.build_with_issues();
        super::TEST_THREAD_MIN.with(|c| c.set(super::THREAD_MIN));
        built
    }

    /// The same dataset and findings, whether memberships and the other
    /// records are settled on two threads or on one.
    fn assert_same(
        one: &Result<crate::dataset::Dataset, Vec<crate::problem::Issue>>,
        two: &Result<crate::dataset::Dataset, Vec<crate::problem::Issue>>,
    ) {
        match (one, two) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b);
                assert_eq!(a.warnings(), b.warnings());
                assert_eq!(answers(a), answers(b));
            }
            (Err(a), Err(b)) => assert_eq!(a, b),
            _ => panic!("one thread and two disagree: {one:?} / {two:?}"),
        }
    }

    /// What the index answers, for every party, project and process.
    fn answers(d: &crate::dataset::Dataset) -> Vec<String> {
        use crate::entity::Party;
        let filter = crate::dataset::ProjectFilter::default();
        let mut out = Vec::new();
        let mut parties: Vec<Party> = d
            .member_states()
            .iter()
            .map(|s| Party::State(s.country()))
            .collect();
        parties.extend(d.processes().iter().map(|p| Party::Process(p.id().clone())));
        parties.extend(d.partners().iter().map(|p| Party::Partner(p.id().clone())));
        for party in &parties {
            out.push(format!("{:?}", d.memberships_of(party).collect::<Vec<_>>()));
            out.push(format!("{:?}", d.memberships_in(party).collect::<Vec<_>>()));
            out.push(format!(
                "{:?}",
                d.events_with(party, None)
                    .map(|e| e.id())
                    .collect::<Vec<_>>()
            ));
        }
        for s in d.member_states() {
            let found = d.projects_benefiting(s.country(), &filter);
            out.push(format!("{:?}", found.map(|p| p.id()).collect::<Vec<_>>()));
        }
        for p in d.partners() {
            let found = d.projects_with_partner(p.id(), None);
            out.push(format!("{:?}", found.map(|p| p.id()).collect::<Vec<_>>()));
        }
        for p in d.processes() {
            let found = d.projects_of_process(p.id());
            out.push(format!("{:?}", found.map(|p| p.id()).collect::<Vec<_>>()));
        }
        for p in d.projects() {
            let found = d.events_of_project(p.id());
            out.push(format!("{:?}", found.map(|e| e.id()).collect::<Vec<_>>()));
        }
        out
    }

    #[test]
    fn records_settled_apart_then_added_to_are_settled_again() {
        let d = build_with(usize::MAX, reference_builder()).expect("valid");
        // Two projects that refer to a process not in the dataset: their
        // findings name the place each was added.
        let dangling = |id: &str| {
            crate::entity::Project::builder(id.parse().expect("an id"), "A project")
                .related_process("NOT-HERE".parse().expect("an id"))
                .build()
                .expect("a valid project")
        };
        // The records in reverse order, with a dangling project first among
        // projects and another added last.
        let add_all_but_memberships = |b: &mut super::DatasetBuilder| {
            for s in d.member_states().iter().rev() {
                b.add_member_state(s.clone()).expect("unique");
            }
            for p in d.processes().iter().rev() {
                b.add_process(p.clone()).expect("unique");
            }
            for p in d.partners().iter().rev() {
                b.add_partner(p.clone()).expect("unique");
            }
            b.add_project(dangling("Z-FIRST")).expect("unique");
            for p in d.projects().iter().rev() {
                b.add_project(p.clone()).expect("unique");
            }
            for e in d.events().iter().rev() {
                b.add_event(e.clone()).expect("unique");
            }
        };
        let mut at_once = crate::dataset::Dataset::builder();
        add_all_but_memberships(&mut at_once);
        at_once.add_project(dangling("A-LAST")).expect("unique");
        let mut settled_apart = crate::dataset::Dataset::builder();
        add_all_but_memberships(&mut settled_apart);
        let mut records = settled_apart.take_records();
        let settlement = records.settle();
        settled_apart
            .add_project(dangling("A-LAST"))
            .expect("unique");
        // Memberships out of order, one of them twice (merged into one),
        // then one whose member is not in the dataset: a finding at its
        // place, counted with the repeat.
        let repeat = d.memberships().first().cloned();
        let stray = repeat.as_ref().map(|m| {
            crate::entity::Membership::builder(
                crate::entity::Party::Partner("NOT-HERE".parse().expect("an id")),
                m.body().clone(),
                crate::codelist::MembershipRole::Member,
            )
            .build()
            .expect("a valid membership")
        });
        for m in d.memberships().iter().rev().chain(&repeat).chain(&stray) {
            at_once.add_membership(m.clone());
            settled_apart.add_membership(m.clone());
        }
        let expected = build_with(usize::MAX, at_once).expect_err("dangling references");
        let stray_at = format!("memberships[{}].member", d.memberships().len() + 1);
        assert!(
            expected.iter().any(|i| i.path().to_string() == stray_at),
            "{expected:?}"
        );
        assert!(
            !expected
                .iter()
                .any(|i| i.rule() == crate::problem::Rule::DuplicateMembership),
            "{expected:?}"
        );
        let last = d.projects().len() + 1;
        let places: Vec<String> = expected
            .iter()
            .filter(|i| i.rule() == crate::problem::Rule::DanglingReference)
            .map(|i| i.path().to_string())
            .filter(|p| p.starts_with("projects"))
            .collect();
        assert_eq!(
            places,
            [
                "projects[0].related_processes[0]".to_owned(),
                format!("projects[{last}].related_processes[0]"),
            ]
        );
        // Memberships prepared (their runs sorted in place) against the
        // settled records no longer fit them once a record came after: they
        // are put back and prepared again.
        let mut memberships = settled_apart.take_memberships();
        let mut preparer = super::Preparer::new(&records);
        preparer.add(&mut memberships);
        let prepared = preparer.finish(&mut memberships);
        settled_apart.append_memberships(memberships);
        let found = settled_apart
            .build_settled(Some((records, settlement)), Some(prepared))
            .expect_err("dangling references");
        assert_eq!(found, expected);
    }

    #[test]
    fn two_threads_build_what_one_builds() {
        assert_same(
            &build_with(usize::MAX, reference_builder()),
            &build_with(0, reference_builder()),
        );
        // Memberships whose first half is in order and second half is not
        // (each half is checked on its own thread).
        let d = build_with(usize::MAX, reference_builder()).expect("valid");
        let half_reversed = || {
            let mut b = d.to_builder();
            let _ = b.take_memberships();
            let n = d.memberships().len();
            for i in (0..n / 2).chain((n / 2..n).rev()) {
                b.add_membership(d.memberships()[i].clone());
            }
            b
        };
        let one = build_with(usize::MAX, half_reversed());
        assert_eq!(one.as_ref().ok(), Some(&d));
        assert_same(&one, &build_with(0, half_reversed()));
    }

    use proptest::prelude::*;

    proptest::proptest! {
        /// An identifier is taken exactly when no earlier record has it,
        /// whether identifiers come in order, out of order, or both in turn.
        #[test]
        fn id_set_refuses_exactly_the_repeats(
            ids in proptest::collection::vec(0u8..40, 0..60),
            sorted_prefix in 0usize..60,
        ) {
            let mut ids: Vec<String> = ids.iter().map(|n| format!("ID-{n:02}")).collect();
            let k = sorted_prefix.min(ids.len());
            ids[..k].sort();
            let mut set: IdSet = IdSet::default();
            let mut records: Vec<String> = Vec::new();
            for id in &ids {
                let expected = !records.contains(id);
                proptest::prop_assert_eq!(
                    set.insert_new(&records, String::as_bytes, id.as_bytes()),
                    expected
                );
                if expected {
                    records.push(id.clone());
                }
            }
        }

        /// Sorting keeps every record once, in order, and `origin` says
        /// where each came from; a cached key that agrees with the order
        /// changes nothing.
        #[test]
        fn sorted_with_reorders_and_remembers_origins(
            items in proptest::collection::vec((0u8..6, 0u16..50), 0..200),
            grouping in 0u8..3,
        ) {
            let mut items = items;
            // Each group (`.0 / 2`) in one run, the runs in order or in
            // reverse, the records within them not in order.
            match grouping {
                1 => items.sort_by_key(|t| t.0 / 2),
                2 => items.sort_by_key(|t| std::cmp::Reverse(t.0 / 2)),
                _ => {}
            }
            let cmp = |a: &(u8, u16), b: &(u8, u16)| a.cmp(b);
            let (plain, plain_origin) = super::sorted(items.clone(), cmp);
            let (keyed, keyed_origin) = super::sorted_with(items.clone(), cmp, |t| t.0, |_| ());
            let (grouped, grouped_origin) =
                super::sorted_with(items.clone(), cmp, |t| t.0, |k| *k / 2);
            let mut expected = items.clone();
            expected.sort();
            proptest::prop_assert_eq!(&plain, &expected);
            proptest::prop_assert_eq!(&keyed, &expected);
            proptest::prop_assert_eq!(&grouped, &expected);
            for (record, &at) in plain.iter().zip(&plain_origin) {
                proptest::prop_assert_eq!(Some(record), items.get(at as usize));
            }
            // Stable: equal records keep the order in which they were given.
            proptest::prop_assert_eq!(&plain_origin, &keyed_origin);
            proptest::prop_assert_eq!(&plain_origin, &grouped_origin);
            // The runs of each group sorted on two threads: the same order.
            let positions = items.iter().enumerate().map(|(i, t)| (t.0, super::pos(i))).collect();
            let shared = super::sort_order(&items, positions, cmp, |k| *k / 2, true);
            proptest::prop_assert_eq!(&plain_origin, &shared);
            for w in plain.windows(2).zip(plain_origin.windows(2)) {
                if w.0[0] == w.0[1] {
                    proptest::prop_assert!(w.1[0] < w.1[1]);
                }
            }
        }

        /// Any part of the reference dataset, in several orders (dangling
        /// references and broken rules included), gives the same dataset
        /// or the same findings on one thread and on two.
        #[test]
        fn any_part_builds_the_same_on_one_thread_and_two(
            keep in proptest::collection::vec(0u8..8, 6),
            arrangement in 0u8..3,
        ) {
            let d = build_with(usize::MAX, reference_builder()).expect("valid");
            // Collection `c` keeps each record whose position modulo 8 is
            // below `keep[c]`.
            let kept = |c: usize, i: usize| (i % 8) < usize::from(keep[c]);
            // In order, reversed, or only the second half reversed (the
            // halves are checked apart on two threads).
            let order = |n: usize| -> Vec<usize> {
                match arrangement {
                    0 => (0..n).collect(),
                    1 => (0..n).rev().collect(),
                    _ => (0..n / 2).chain((n / 2..n).rev()).collect(),
                }
            };
            let make = || {
                let mut b = crate::dataset::Dataset::builder();
                for i in order(d.member_states().len()).into_iter().filter(|&i| kept(0, i)) {
                    b.add_member_state(d.member_states()[i].clone()).unwrap();
                }
                for i in order(d.processes().len()).into_iter().filter(|&i| kept(1, i)) {
                    b.add_process(d.processes()[i].clone()).unwrap();
                }
                for i in order(d.partners().len()).into_iter().filter(|&i| kept(2, i)) {
                    b.add_partner(d.partners()[i].clone()).unwrap();
                }
                for i in order(d.projects().len()).into_iter().filter(|&i| kept(3, i)) {
                    b.add_project(d.projects()[i].clone()).unwrap();
                }
                for i in order(d.events().len()).into_iter().filter(|&i| kept(4, i)) {
                    b.add_event(d.events()[i].clone()).unwrap();
                }
                for i in order(d.memberships().len()).into_iter().filter(|&i| kept(5, i)) {
                    b.add_membership(d.memberships()[i].clone());
                }
                b
            };
            assert_same(&build_with(usize::MAX, make()), &build_with(0, make()));
        }

        #[test]
        fn permute_places_each_record_where_the_order_says(
            order in (0usize..100).prop_flat_map(|n| {
                Just((0..n as u32).collect::<Vec<u32>>()).prop_shuffle()
            }),
        ) {
            let old: Vec<String> = (0..order.len()).map(|i| format!("r{i}")).collect();
            let mut items = old.clone();
            super::permute(&mut items, &order);
            for (record, &from) in items.iter().zip(&order) {
                proptest::prop_assert_eq!(Some(record), old.get(from as usize));
            }
        }
    }
}
