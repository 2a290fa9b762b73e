//! The relationship index: built once, answers every query in both directions.
//!
//! Everything is stored as positions into the dataset's sorted collections
//! (`u32`), grouped by key in compressed tables ([`Groups`]): no identifier
//! is copied, no string is hashed at query time. Records are found by
//! identifier with a binary search over their sorted collection, states by a
//! dense table over every country code.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::codelist::{AmountKind, IdfRegion, ProjectRole, ProjectStatus, ProjectType};
use crate::entity::{Event, MemberState, Membership, Partner, Party, Project, Rcp};
use crate::value::PeriodEnd;
use crate::value::{CountryCode, Currency, PartnerId, Period};

/// Positions grouped by a dense key (`0..keys`): a compressed sparse row table.
///
/// `items[starts[k]..starts[k + 1]]` are the positions of key `k`, in
/// increasing order and without repeats.
#[derive(Debug, Default)]
pub(crate) struct Groups {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    /// No groups.
    pub(crate) const EMPTY: Groups = Groups {
        starts: Vec::new(),
        items: Vec::new(),
    };

    /// Groups `(key, position)` pairs given in increasing position order,
    /// each pair at most once (a counting sort: O(keys + pairs)).
    fn build(keys: usize, pairs: &[(u32, u32)]) -> Self {
        let mut starts = vec![0u32; keys + 1];
        for &(k, _) in pairs {
            if let Some(c) = starts.get_mut(k as usize + 1) {
                *c += 1;
            }
        }
        for k in 1..starts.len() {
            let prev = starts.get(k - 1).copied().unwrap_or(0);
            if let Some(c) = starts.get_mut(k) {
                *c += prev;
            }
        }
        let mut cursor: Vec<u32> = starts.iter().take(keys).copied().collect();
        let mut items = vec![0u32; pairs.len()];
        for &(k, item) in pairs {
            if let Some(c) = cursor.get_mut(k as usize)
                && let Some(slot) = items.get_mut(*c as usize)
            {
                *slot = item;
                *c += 1;
            }
        }
        Self { starts, items }
    }

    /// The positions of key `k` (empty for an unknown key).
    pub(crate) fn get(&self, k: usize) -> &[u32] {
        let (Some(&lo), Some(&hi)) = (self.starts.get(k), self.starts.get(k + 1)) else {
            return &[];
        };
        self.items.get(lo as usize..hi as usize).unwrap_or_default()
    }

    /// Every non-empty group.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.starts.len().saturating_sub(1))
            .map(|k| self.get(k))
            .filter(|g| !g.is_empty())
    }
}

/// A party resolved to its dense key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A state, by [`CountryCode::ordinal`].
    State(u32),
    /// A partner, by position.
    Partner(u32),
    /// A process, by position.
    Process(u32),
    /// The members of a partner, by the partner's position.
    PartnerGroup(u32),
    /// The members of a process, by the process's position.
    ProcessGroup(u32),
}

impl Slot {
    /// The slot's place in the order of parties (as [`Party`]'s order:
    /// kind, then position).
    pub(crate) fn rank(self) -> (u8, u32) {
        match self {
            Slot::State(k) => (0, k),
            Slot::Partner(k) => (1, k),
            Slot::Process(k) => (2, k),
            Slot::PartnerGroup(k) => (3, k),
            Slot::ProcessGroup(k) => (4, k),
        }
    }

    /// For a group, the slot of the body whose members it stands for.
    pub(crate) fn group_body(self) -> Option<Slot> {
        match self {
            Slot::PartnerGroup(k) => Some(Slot::Partner(k)),
            Slot::ProcessGroup(k) => Some(Slot::Process(k)),
            _ => None,
        }
    }

    /// The group that stands for this body's members, for a body.
    pub(crate) fn group(self) -> Option<Slot> {
        match self {
            Slot::Partner(k) => Some(Slot::PartnerGroup(k)),
            Slot::Process(k) => Some(Slot::ProcessGroup(k)),
            _ => None,
        }
    }

    /// Whether this slot is a group's.
    pub(crate) fn is_group(self) -> bool {
        self.group_body().is_some()
    }
}

/// Groups keyed by party, one table per kind of party.
#[derive(Debug, Default)]
pub(crate) struct PartyGroups {
    state: Groups,
    partner: Groups,
    process: Groups,
    partner_group: Groups,
    process_group: Groups,
}

impl PartyGroups {
    fn build(sizes: [usize; 3], pairs: &[(Slot, u32)]) -> Self {
        let mut by_kind: [Vec<(u32, u32)>; 5] = Default::default();
        for &(slot, item) in pairs {
            let (kind, key) = slot.rank();
            if let Some(list) = by_kind.get_mut(usize::from(kind)) {
                list.push((key, item));
            }
        }
        let [s, pa, pr, pag, prg] = by_kind;
        Self {
            state: Groups::build(sizes[0], &s),
            partner: Groups::build(sizes[1], &pa),
            process: Groups::build(sizes[2], &pr),
            partner_group: Groups::build(if pag.is_empty() { 0 } else { sizes[1] }, &pag),
            process_group: Groups::build(if prg.is_empty() { 0 } else { sizes[2] }, &prg),
        }
    }

    pub(crate) fn get(&self, slot: Slot) -> &[u32] {
        match slot {
            Slot::State(k) => self.state.get(k as usize),
            Slot::Partner(k) => self.partner.get(k as usize),
            Slot::Process(k) => self.process.get(k as usize),
            Slot::PartnerGroup(k) => self.partner_group.get(k as usize),
            Slot::ProcessGroup(k) => self.process_group.get(k as usize),
        }
    }

    /// Every non-empty group, of every kind of party.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u32]> {
        self.state
            .iter()
            .chain(self.partner.iter())
            .chain(self.process.iter())
            .chain(self.partner_group.iter())
            .chain(self.process_group.iter())
    }
}

/// Where a name points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum NameKey {
    State(CountryCode),
    Process(u32),
    Partner(u32),
}

/// How closely a name names its record, best first: the record's identifier
/// (a state's ISO 3166-1 alpha-3 code), then its own name, then its other names (aliases, acronyms, former names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum NameRank {
    Id,
    Name,
    OtherName,
}

/// What the index knows of one membership.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MembershipFacts {
    /// The member, if it resolves.
    pub(crate) member: Option<Slot>,
    /// The body, if it resolves.
    pub(crate) body: Option<Slot>,
    /// The period, ended by the body's dissolution when open-ended.
    pub(crate) effective: Period,
}

/// Positions (into the dataset's sorted collections) by key and by relation.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Member-state position by [`CountryCode::ordinal`] (`u32::MAX`: none).
    pub(crate) states: Vec<u32>,
    /// Per membership, aligned with the memberships.
    pub(crate) memberships: Vec<MembershipFacts>,
    /// Memberships by member.
    pub(crate) memberships_of_member: PartyGroups,
    /// Memberships by body.
    pub(crate) memberships_of_body: PartyGroups,
    /// Memberships of states in processes, by state.
    pub(crate) process_memberships_of_state: Groups,
    /// Projects by benefiting state.
    pub(crate) projects_of_state: Groups,
    /// Projects by partner position (any role).
    pub(crate) projects_of_partner: Groups,
    /// Projects by related process position.
    pub(crate) projects_of_process: Groups,
    /// Events by party (any role).
    pub(crate) events_of_party: PartyGroups,
    /// Events by related project position.
    pub(crate) events_of_project: Groups,
    /// Events by country of venue.
    pub(crate) events_of_country: Groups,
    /// Normalised names and aliases, built on first use (see [`names`]).
    pub(crate) names: OnceLock<HashMap<String, Vec<(NameRank, NameKey)>>>,
    /// Projects with an organisation or related process that does not
    /// resolve, in increasing order (the rules report them).
    pub(crate) projects_with_dangling: Vec<u32>,
    /// Events with a party that does not resolve, in increasing order.
    pub(crate) events_with_dangling: Vec<u32>,
    /// The identifiers of the processes, partners, projects and events, as
    /// keys for lookups.
    pub(crate) process_ids: IdKeys,
    pub(crate) partner_ids: IdKeys,
    pub(crate) project_ids: IdKeys,
    pub(crate) event_ids: IdKeys,
    /// Every project amount with each dimension of budget totals as a
    /// small code, and posting lists per dimension.
    pub(crate) budgets: BudgetTable,
}

/// The identifiers of a collection sorted by identifier, each as an integer
/// key: its first 16 bytes, big-endian, padded with zeros. Keys are in the
/// identifiers' order, so a lookup searches this compact array (a few cache
/// lines) instead of the records, then compares whole identifiers only
/// where keys are equal: on one record, unless identifiers share their
/// first 16 bytes.
#[derive(Debug, Default)]
pub(crate) struct IdKeys(Vec<u128>);

impl IdKeys {
    /// The keys of `items`, sorted by the identifier `id` gives.
    pub(crate) fn of<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a [u8]) -> Self {
        Self(items.iter().map(|t| id_key(id(t))).collect())
    }

    /// Where `id` is among `items` (the items these keys were made of, in
    /// their order). O(log n): a binary search over the keys, then one over
    /// the records whose key is `id`'s.
    pub(crate) fn find<T>(
        &self,
        items: &[T],
        id: &[u8],
        id_of: impl Fn(&T) -> &[u8],
    ) -> Option<usize> {
        let whole = |items: &[T]| items.binary_search_by(|t| id_of(t).cmp(id)).ok();
        if self.0.len() != items.len() {
            // Not made of these items: search them all.
            return whole(items);
        }
        let key = id_key(id);
        let start = self.0.partition_point(|&k| k < key);
        let len = self.0.get(start..)?.partition_point(|&k| k == key);
        Some(start + whole(items.get(start..start + len)?)?)
    }
}

/// An identifier's key (see [`IdKeys`]). Identifiers hold no zero byte, so
/// the padding sorts before any byte an identifier can have.
fn id_key(id: &[u8]) -> u128 {
    let mut bytes = [0; 16];
    for (b, &i) in bytes.iter_mut().zip(id) {
        *b = i;
    }
    u128::from_be_bytes(bytes)
}

/// The records each normalised name or alias stands for: member states by
/// their names and their countries' names, processes and partners by
/// identifier, name and other names. O(names).
pub(crate) fn names(
    member_states: &[MemberState],
    processes: &[Rcp],
    partners: &[Partner],
) -> HashMap<String, Vec<(NameRank, NameKey)>> {
    let mut names: HashMap<String, Vec<(NameRank, NameKey)>> = HashMap::new();
    let mut name = |text: &str, rank: NameRank, key: NameKey| {
        let n = crate::value::normalize_name(text);
        if n.is_empty() {
            return;
        }
        let v = names.entry(n).or_default();
        // One record's names are added together, best rank first, so a name
        // it gives twice can only be the last entry: O(1), however many
        // records share the name.
        match v.last() {
            Some((_, last)) if *last == key => {}
            _ => v.push((rank, key)),
        }
    };
    for s in member_states {
        let key = NameKey::State(s.country());
        name(s.country().alpha3(), NameRank::Id, key);
        name(s.name(), NameRank::Name, key);
        name(s.country().name(), NameRank::Name, key);
        for n in s.other_names() {
            name(n, NameRank::OtherName, key);
        }
    }
    for (i, p) in processes.iter().enumerate() {
        let key = NameKey::Process(pos(i));
        name(p.id().as_str(), NameRank::Id, key);
        name(p.name(), NameRank::Name, key);
        for n in p.other_names() {
            name(n, NameRank::OtherName, key);
        }
    }
    for (i, p) in partners.iter().enumerate() {
        let key = NameKey::Partner(pos(i));
        name(p.id().as_str(), NameRank::Id, key);
        name(p.name(), NameRank::Name, key);
        for n in p.other_names() {
            name(n, NameRank::OtherName, key);
        }
    }
    // Best match first; records of equal rank keep the dataset's order.
    for v in names.values_mut() {
        v.sort_by_key(|(rank, _)| *rank);
    }
    names
}

/// A position as the index keeps it (`u32::MAX` past what a `u32` holds).
pub(crate) fn pos(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Identifier → position maps used while building (borrowed, dropped after).
pub(crate) struct Resolver<'a> {
    // Keyed by the identifiers' bytes: an inline identifier gives them
    // without a UTF-8 check.
    partners: HashMap<&'a [u8], u32>,
    processes: HashMap<&'a [u8], u32>,
    projects: HashMap<&'a [u8], u32>,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(
        processes: &'a [Rcp],
        partners: &'a [Partner],
        projects: &'a [Project],
    ) -> Self {
        fn map<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a [u8]) -> HashMap<&'a [u8], u32> {
            items
                .iter()
                .enumerate()
                .map(|(i, t)| (id(t), pos(i)))
                .collect()
        }
        Self {
            partners: map(partners, |p| p.id().as_bytes()),
            processes: map(processes, |p| p.id().as_bytes()),
            projects: map(projects, |p| p.id().as_bytes()),
        }
    }

    /// The party's dense key, if it is in the dataset (a state always is).
    pub(crate) fn slot(&self, party: &Party) -> Option<Slot> {
        match party {
            Party::State(c) => Some(Slot::State(pos(c.ordinal()))),
            Party::Partner(p) => self.partner(p.as_bytes()).map(Slot::Partner),
            Party::Process(p) => self.process(p.as_bytes()).map(Slot::Process),
            Party::MembersOf(crate::entity::Body::Partner(p)) => {
                self.partner(p.as_bytes()).map(Slot::PartnerGroup)
            }
            Party::MembersOf(crate::entity::Body::Process(p)) => {
                self.process(p.as_bytes()).map(Slot::ProcessGroup)
            }
        }
    }

    pub(crate) fn partner(&self, id: &[u8]) -> Option<u32> {
        self.partners.get(id).copied()
    }

    pub(crate) fn process(&self, id: &[u8]) -> Option<u32> {
        self.processes.get(id).copied()
    }

    pub(crate) fn project(&self, id: &[u8]) -> Option<u32> {
        self.projects.get(id).copied()
    }
}

/// A membership's period as the dataset answers for it: a membership stated
/// as of a date ([`Membership::as_of`]) holds from and until that date
/// where its period gives no start or no end; otherwise its stated period
/// clipped to its body's lifetime ([`stated_period`]).
pub(crate) fn effective_period(m: &Membership, body_lifetime: Option<Period>) -> Period {
    let p = stated_period(m, body_lifetime);
    match m.as_of() {
        // The start and end the source gives stay; the date of the source
        // stands for those it does not give.
        Some(as_of) => {
            let start = p.start().or(Some(as_of));
            let end = match m.period().end() {
                Some(end) => Some(end),
                None => Some(as_of),
            };
            Period::new(start, end).unwrap_or(p)
        }
        None => p,
    }
}

/// A membership's period as its sources state it, clipped to its body's
/// lifetime (the date of the source left aside): a still-running
/// membership, or one that certainly ends after the body's dissolution, ends
/// with it; one that certainly begins before the body's establishment begins
/// with it. An unknown end stays unknown: it may have come before the
/// dissolution.
pub(crate) fn stated_period(m: &Membership, body_lifetime: Option<Period>) -> Period {
    let p = m.period();
    let Some(life) = body_lifetime else {
        return p;
    };
    let end = match (p.ending(), life.end()) {
        (PeriodEnd::Open, Some(dissolved)) => PeriodEnd::On(dissolved),
        (PeriodEnd::On(end), Some(dissolved))
            if end.cmp_known(&dissolved) == Some(std::cmp::Ordering::Greater) =>
        {
            PeriodEnd::On(dissolved)
        }
        (end, _) => end,
    };
    let start = match (p.start(), life.start()) {
        (Some(start), Some(born)) if start.cmp_known(&born) == Some(std::cmp::Ordering::Less) => {
            Some(born)
        }
        (start, _) => start,
    };
    Period::with_end(start, end).unwrap_or(p)
}

/// Pushes `(key, item)` for each distinct key of one item.
fn push_distinct(pairs: &mut Vec<(u32, u32)>, keys: &mut Vec<u32>, item: u32) {
    keys.sort_unstable();
    keys.dedup();
    pairs.extend(keys.drain(..).map(|k| (k, item)));
}

impl Index {
    /// Member-state positions by [`CountryCode::ordinal`] (`u32::MAX`: none).
    pub(crate) fn states(member_states: &[MemberState]) -> Vec<u32> {
        let mut states = vec![u32::MAX; CountryCode::ORDINALS];
        for (i, s) in member_states.iter().enumerate() {
            if let Some(slot) = states.get_mut(s.country().ordinal()) {
                *slot = pos(i);
            }
        }
        states
    }

    /// Each membership's facts, in the order of `memberships` (sorted by
    /// body, or in runs of one body: each body is resolved once per run).
    /// O(memberships).
    pub(crate) fn membership_facts(
        processes: &[Rcp],
        partners: &[Partner],
        memberships: &[Membership],
        resolver: &Resolver<'_>,
    ) -> Vec<MembershipFacts> {
        let lifetime = |slot: Option<Slot>| match slot {
            Some(Slot::Process(k)) => processes.get(k as usize).map(Rcp::lifetime),
            Some(Slot::Partner(k)) => partners.get(k as usize).map(Partner::lifetime),
            _ => None,
        };
        let mut last_body: Option<(&Party, Option<Slot>, Option<Period>)> = None;
        memberships
            .iter()
            .map(|m| {
                let (body, body_lifetime) = match last_body {
                    Some((party, slot, life)) if party == m.body() => (slot, life),
                    _ => {
                        let slot = resolver.slot(m.body());
                        let life = lifetime(slot);
                        last_body = Some((m.body(), slot, life));
                        (slot, life)
                    }
                };
                MembershipFacts {
                    member: resolver.slot(m.member()),
                    body,
                    effective: effective_period(m, body_lifetime),
                }
            })
            .collect()
    }

    /// The sizes of the party tables: countries, partners, processes.
    pub(crate) fn party_sizes(processes: &[Rcp], partners: &[Partner]) -> [usize; 3] {
        [CountryCode::ORDINALS, partners.len(), processes.len()]
    }

    /// Memberships by member (see [`Index::memberships_of_member`]).
    /// O(memberships + parties).
    pub(crate) fn member_groups(facts: &[MembershipFacts], party_sizes: [usize; 3]) -> PartyGroups {
        let of_member: Vec<(Slot, u32)> = facts
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.member.map(|m| (m, pos(i))))
            .collect();
        PartyGroups::build(party_sizes, &of_member)
    }

    /// Memberships of states in processes, by state (see
    /// [`Index::process_memberships_of_state`]). O(memberships + countries).
    pub(crate) fn state_in_process_groups(facts: &[MembershipFacts]) -> Groups {
        let pairs: Vec<(u32, u32)> = facts
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match (f.member, f.body) {
                (Some(Slot::State(s)), Some(Slot::Process(_))) => Some((s, pos(i))),
                _ => None,
            })
            .collect();
        Groups::build(CountryCode::ORDINALS, &pairs)
    }

    /// Memberships by body (see [`Index::memberships_of_body`]).
    /// O(memberships + parties).
    pub(crate) fn body_groups(facts: &[MembershipFacts], party_sizes: [usize; 3]) -> PartyGroups {
        let of_body: Vec<(Slot, u32)> = facts
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.body.map(|b| (b, pos(i))))
            .collect();
        PartyGroups::build(party_sizes, &of_body)
    }

    /// Every part of the index but the memberships': states, projects and
    /// events. O(states + projects + events + references).
    pub(crate) fn of_records(
        member_states: &[MemberState],
        processes: &[Rcp],
        partners: &[Partner],
        projects: &[Project],
        events: &[Event],
        resolver: &Resolver<'_>,
    ) -> Self {
        let countries = CountryCode::ORDINALS;
        let party_sizes = [countries, partners.len(), processes.len()];
        let mut ix = Index {
            states: Self::states(member_states),
            process_ids: IdKeys::of(processes, |p| p.id().as_bytes()),
            partner_ids: IdKeys::of(partners, |p| p.id().as_bytes()),
            project_ids: IdKeys::of(projects, |p| p.id().as_bytes()),
            event_ids: IdKeys::of(events, |e| e.id().as_bytes()),
            ..Index::default()
        };
        let mut of_state = Vec::new();
        let mut of_partner = Vec::new();
        let mut of_process = Vec::new();
        let mut keys = Vec::new();
        for (i, p) in projects.iter().enumerate() {
            let i = pos(i);
            keys.extend(p.benefiting_states().iter().map(|s| pos(s.ordinal())));
            push_distinct(&mut of_state, &mut keys, i);
            keys.extend(
                p.organizations()
                    .iter()
                    .filter_map(|o| resolver.partner(o.partner().as_bytes())),
            );
            let mut dangling = keys.len() != p.organizations().len();
            push_distinct(&mut of_partner, &mut keys, i);
            keys.extend(
                p.related_processes()
                    .iter()
                    .filter_map(|r| resolver.process(r.as_bytes())),
            );
            dangling |= keys.len() != p.related_processes().len();
            push_distinct(&mut of_process, &mut keys, i);
            if dangling {
                ix.projects_with_dangling.push(i);
            }
        }
        ix.projects_of_state = Groups::build(countries, &of_state);
        ix.projects_of_partner = Groups::build(partners.len(), &of_partner);
        ix.projects_of_process = Groups::build(processes.len(), &of_process);

        let mut of_party = Vec::new();
        let mut of_project = Vec::new();
        let mut of_country = Vec::new();
        let mut slots = Vec::new();
        for (i, e) in events.iter().enumerate() {
            let i = pos(i);
            slots.extend(e.parties().iter().filter_map(|p| resolver.slot(p.party())));
            if slots.len() != e.parties().len() {
                ix.events_with_dangling.push(i);
            }
            slots.sort_unstable_by_key(|s| s.rank());
            slots.dedup();
            of_party.extend(slots.drain(..).map(|s| (s, i)));
            keys.extend(
                e.related_projects()
                    .iter()
                    .filter_map(|p| resolver.project(p.as_bytes())),
            );
            push_distinct(&mut of_project, &mut keys, i);
            if let Some(c) = e.country() {
                of_country.push((pos(c.ordinal()), i));
            }
        }
        ix.budgets = BudgetTable::of(projects, partners);
        ix.events_of_party = PartyGroups::build(party_sizes, &of_party);
        ix.events_of_project = Groups::build(projects.len(), &of_project);
        ix.events_of_country = Groups::build(countries, &of_country);
        ix
    }

    /// The index of `records` (from [`Index::of_records`]) with the
    /// memberships' facts and groups.
    pub(crate) fn joined(
        records: Index,
        facts: Vec<MembershipFacts>,
        of_member: PartyGroups,
        (of_body, process_memberships_of_state): (PartyGroups, Groups),
    ) -> Index {
        Index {
            memberships: facts,
            memberships_of_member: of_member,
            memberships_of_body: of_body,
            process_memberships_of_state,
            ..records
        }
    }

    /// The member-state position of `country`.
    pub(crate) fn state(&self, country: CountryCode) -> Option<usize> {
        self.states
            .get(country.ordinal())
            .filter(|&&p| p != u32::MAX)
            .map(|&p| p as usize)
    }
}

/// The dimensions of budget totals, in the order of their keys: year, IDF
/// region, benefiting state, project type, project status, funder.
pub(crate) const DIMENSIONS: usize = 6;
/// The place of each dimension in [`DIMENSIONS`]-long arrays.
pub(crate) const YEAR: usize = 0;
pub(crate) const REGION: usize = 1;
pub(crate) const STATE: usize = 2;
pub(crate) const TYPE: usize = 3;
pub(crate) const STATUS: usize = 4;
pub(crate) const FUNDER: usize = 5;

/// One amount of a project, its kind and currency as codes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AmountRow {
    /// Position in [`BudgetTable::kinds`].
    pub(crate) kind: u32,
    /// Position in [`BudgetTable::currencies`].
    pub(crate) currency: u32,
    /// The amount's scale (digits after the point); its mantissa is in
    /// [`BudgetTable::units`].
    pub(crate) scale: u8,
}

/// Every project amount, made for budget totals: built once with the
/// dataset, so that a total reads small integers from dense arrays and
/// posting lists instead of records.
///
/// Only projects with at least one amount have a row number here, `b`, in
/// the order of the dataset's projects. Each dimension's distinct values
/// are sorted into a dictionary; a value's *code* is its position plus
/// one, and code 0 stands for "unknown" (no year, no region, no
/// benefiting state, no funder...). Codes follow the values' order, so
/// sorting by codes sorts by values.
#[derive(Debug, Default)]
pub(crate) struct BudgetTable {
    /// Years: the project's "Year", else the known year of its start.
    pub(crate) years: Vec<i32>,
    pub(crate) regions: Vec<IdfRegion>,
    pub(crate) states: Vec<CountryCode>,
    pub(crate) types: Vec<ProjectType>,
    pub(crate) statuses: Vec<ProjectStatus>,
    /// Partners named as funders.
    pub(crate) funders: Vec<PartnerId>,
    /// The funder code of each partner, by partner position (0: funds no
    /// project with an amount).
    pub(crate) funder_of_partner: Vec<u32>,
    /// Amount kinds and currencies (codes are positions: never unknown).
    pub(crate) kinds: Vec<AmountKind>,
    pub(crate) currencies: Vec<Currency>,
    /// Per row number, the code of each one-valued dimension (indexed by
    /// [`YEAR`], [`REGION`], [`TYPE`], [`STATUS`]; empty for the others).
    pub(crate) codes: [Vec<u32>; DIMENSIONS],
    /// Per row number, the codes of each many-valued dimension ([`STATE`],
    /// [`FUNDER`]; empty for the others), distinct and increasing.
    pub(crate) many: [Groups; DIMENSIONS],
    /// Per row number, whether the project has an IOM Development Fund code.
    pub(crate) idf: Vec<bool>,
    /// Row numbers by code, per dimension (posting lists).
    pub(crate) postings: [Groups; DIMENSIONS],
    /// Row numbers of IOM Development Fund projects.
    pub(crate) idf_rows: Vec<u32>,
    /// The amounts of row number `b` are `amounts[starts[b]..starts[b + 1]]`.
    pub(crate) starts: Vec<u32>,
    pub(crate) amounts: Vec<AmountRow>,
    /// Each amount's mantissa, aligned with [`BudgetTable::amounts`].
    pub(crate) units: Vec<i128>,
}

/// The distinct values, sorted.
fn dictionary<T: Ord>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = values.collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The code of `value` in `dictionary` (0: absent).
fn code_of<T: Ord>(dictionary: &[T], value: Option<&T>) -> u32 {
    value
        .and_then(|v| dictionary.binary_search(v).ok())
        .map_or(0, |i| pos(i + 1))
}

/// The year budget totals file a project under: its "Year", else the known
/// year of its start.
pub(crate) fn budget_year(p: &Project) -> Option<i32> {
    p.year()
        .or_else(|| p.period().start().and_then(|d| d.known_year()))
}

/// The partners a project names as funders.
pub(crate) fn funders_of(p: &Project) -> impl Iterator<Item = &PartnerId> {
    p.organizations()
        .iter()
        .filter(|o| *o.role() == ProjectRole::Funder)
        .map(|o| o.partner())
}

impl BudgetTable {
    /// The table of `projects`' amounts. O(a log d) for a amounts and
    /// references, d distinct values.
    pub(crate) fn of(projects: &[Project], partners: &[Partner]) -> Self {
        let rows: Vec<&Project> = projects
            .iter()
            .filter(|p| !p.amounts().is_empty())
            .collect();
        let mut t = BudgetTable {
            years: dictionary(rows.iter().filter_map(|p| budget_year(p))),
            regions: dictionary(rows.iter().filter_map(|p| p.idf_region()))
                .into_iter()
                .cloned()
                .collect(),
            states: dictionary(
                rows.iter()
                    .flat_map(|p| p.benefiting_states().iter().copied()),
            ),
            types: dictionary(rows.iter().filter_map(|p| p.project_type()))
                .into_iter()
                .cloned()
                .collect(),
            statuses: dictionary(rows.iter().filter_map(|p| p.status()))
                .into_iter()
                .cloned()
                .collect(),
            funders: dictionary(rows.iter().flat_map(|p| funders_of(p)))
                .into_iter()
                .cloned()
                .collect(),
            kinds: dictionary(
                rows.iter()
                    .flat_map(|p| p.amounts().iter().map(|a| a.kind())),
            )
            .into_iter()
            .cloned()
            .collect(),
            currencies: dictionary(
                rows.iter()
                    .flat_map(|p| p.amounts().iter().map(|a| a.money().currency())),
            ),
            ..BudgetTable::default()
        };
        let mut state_code = vec![0u32; CountryCode::ORDINALS];
        for (i, s) in t.states.iter().enumerate() {
            if let Some(c) = state_code.get_mut(s.ordinal()) {
                *c = pos(i + 1);
            }
        }
        t.funder_of_partner = vec![0; partners.len()];
        for (i, f) in t.funders.iter().enumerate() {
            if let Ok(at) = partners.binary_search_by(|p| p.id().cmp(f))
                && let Some(c) = t.funder_of_partner.get_mut(at)
            {
                *c = pos(i + 1);
            }
        }
        let n = rows.len();
        let mut codes: [Vec<u32>; DIMENSIONS] = Default::default();
        for d in [YEAR, REGION, TYPE, STATUS] {
            if let Some(c) = codes.get_mut(d) {
                c.reserve_exact(n);
            }
        }
        let mut many: [Vec<(u32, u32)>; DIMENSIONS] = Default::default();
        let mut keys = Vec::new();
        t.starts.reserve_exact(n + 1);
        t.starts.push(0);
        for (b, p) in rows.iter().enumerate() {
            let b = pos(b);
            let one = [
                (YEAR, code_of(&t.years, budget_year(p).as_ref())),
                (REGION, code_of(&t.regions, p.idf_region())),
                (TYPE, code_of(&t.types, p.project_type())),
                (STATUS, code_of(&t.statuses, p.status())),
            ];
            for (d, code) in one {
                if let Some(c) = codes.get_mut(d) {
                    c.push(code);
                }
            }
            if let Some(pairs) = many.get_mut(STATE) {
                keys.extend(
                    p.benefiting_states()
                        .iter()
                        .map(|s| state_code.get(s.ordinal()).copied().unwrap_or(0)),
                );
                push_distinct_keys(pairs, &mut keys, b);
            }
            if let Some(pairs) = many.get_mut(FUNDER) {
                keys.extend(funders_of(p).map(|f| code_of(&t.funders, Some(f))));
                push_distinct_keys(pairs, &mut keys, b);
            }
            let idf = p.idf_code().is_some();
            t.idf.push(idf);
            if idf {
                t.idf_rows.push(b);
            }
            for a in p.amounts() {
                let money = a.money();
                let amount = money.amount();
                t.amounts.push(AmountRow {
                    kind: t.kinds.binary_search(a.kind()).map_or(0, pos),
                    currency: t.currencies.binary_search(&money.currency()).map_or(0, pos),
                    scale: u8::try_from(amount.scale()).unwrap_or(u8::MAX),
                });
                t.units.push(amount.mantissa());
            }
            t.starts.push(pos(t.amounts.len()));
        }
        let sizes = [
            t.years.len(),
            t.regions.len(),
            t.states.len(),
            t.types.len(),
            t.statuses.len(),
            t.funders.len(),
        ];
        for (d, size) in sizes.into_iter().enumerate() {
            let keyed: Vec<(u32, u32)> = match (codes.get(d), many.get(d)) {
                (Some(c), _) if !c.is_empty() => {
                    c.iter().enumerate().map(|(b, &k)| (k, pos(b))).collect()
                }
                (_, Some(pairs)) => pairs.iter().map(|&(b, k)| (k, b)).collect(),
                _ => Vec::new(),
            };
            if let (Some(slot), Some(pairs)) = (t.many.get_mut(d), many.get(d))
                && !pairs.is_empty()
            {
                *slot = Groups::build(n, pairs);
            }
            if let Some(slot) = t.postings.get_mut(d) {
                // Counting sort by code: each code's rows stay increasing.
                *slot = Groups::build(size + 1, &keyed);
            }
        }
        t.codes = codes;
        t
    }

    /// The number of rows (projects with at least one amount).
    pub(crate) fn rows(&self) -> usize {
        self.idf.len()
    }

    /// The size of each dimension's dictionary.
    pub(crate) fn sizes(&self) -> [usize; DIMENSIONS] {
        [
            self.years.len(),
            self.regions.len(),
            self.states.len(),
            self.types.len(),
            self.statuses.len(),
            self.funders.len(),
        ]
    }
}

/// Pushes `(item, key)` for each distinct key of one item, keys increasing.
fn push_distinct_keys(pairs: &mut Vec<(u32, u32)>, keys: &mut Vec<u32>, item: u32) {
    keys.sort_unstable();
    keys.dedup();
    pairs.extend(keys.drain(..).map(|k| (item, k)));
}

#[cfg(test)]
mod tests {
    use super::Groups;

    #[test]
    fn groups_keep_each_keys_positions_in_order() {
        let g = Groups::build(4, &[(2, 0), (0, 1), (2, 1), (3, 2), (2, 5)]);
        assert_eq!(g.get(0), &[1]);
        assert_eq!(g.get(1), &[] as &[u32]);
        assert_eq!(g.get(2), &[0, 1, 5]);
        assert_eq!(g.get(3), &[2]);
        assert_eq!(g.get(4), &[] as &[u32]);
        assert_eq!(g.iter().count(), 3);
    }

    #[test]
    fn empty_groups_answer_nothing() {
        let g = Groups::default();
        assert!(g.get(0).is_empty());
        assert_eq!(g.iter().count(), 0);
    }

    /// Identifiers that share long prefixes, are prefixes of each other,
    /// or are longer than a key.
    fn ids() -> Vec<&'static str> {
        let mut ids = vec![
            "A",
            "AB",
            "AB-1",
            "INTERNATIONAL-ORG",
            "INTERNATIONAL-ORGANIZATION",
            "INTERNATIONAL-ORGANIZATION-2",
            "INTERNATIONAL-ORGANIZATIO",
            "INTERNATIONAL-ORGANIZATION-FOR-MIGRATION",
            "IOM",
            "UNHCR",
            "Z",
        ];
        ids.sort_unstable();
        ids
    }

    #[test]
    fn id_keys_find_each_identifier_and_nothing_else() {
        let ids = ids();
        let keys = super::IdKeys::of(&ids, |s| s.as_bytes());
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(
                keys.find(&ids, id.as_bytes(), |s| s.as_bytes()),
                Some(i),
                "{id}"
            );
        }
        for absent in [
            "",
            "AA",
            "AB-",
            "INTERNATIONAL-OR",
            "INTERNATIONAL-ORGANIZATION-1",
            "ZZ",
            "A\0",
            "É",
        ] {
            assert_eq!(
                keys.find(&ids, absent.as_bytes(), |s| s.as_bytes()),
                None,
                "{absent:?}"
            );
        }
        // Keys made of other items: every record is searched instead.
        let fewer = super::IdKeys::of(ids.get(1..).unwrap_or_default(), |s| s.as_bytes());
        assert_eq!(fewer.find(&ids, b"A", |s| s.as_bytes()), Some(0));
    }

    proptest::proptest! {
        /// A lookup through the keys finds what a binary search over the
        /// identifiers finds, for identifiers that often share more than a
        /// key's 16 bytes.
        #[test]
        fn id_keys_agree_with_a_binary_search(
            mut ids in proptest::collection::vec("(INTERNATIONAL-ORG)?[A-C]{0,3}", 0..40),
            queries in proptest::collection::vec("(INTERNATIONAL-ORG)?[A-C]{0,3}", 0..20),
        ) {
            ids.sort_unstable();
            ids.dedup();
            let keys = super::IdKeys::of(&ids, |s| s.as_bytes());
            for q in queries.iter().chain(&ids) {
                let expected = ids.binary_search_by(|s| s.as_bytes().cmp(q.as_bytes())).ok();
                proptest::prop_assert_eq!(keys.find(&ids, q.as_bytes(), |s| s.as_bytes()), expected);
            }
        }
    }
}
