//! The relationship index: built once, answers every query in both directions.

use std::collections::HashMap;

use crate::{
    CountryCode, Event, MemberState, Membership, Partner, PartnerId, Party, ProcessId, Project,
    ProjectId, Rcp,
};

/// A map keyed by party, split by kind so that lookups need no allocation.
#[derive(Debug)]
pub(crate) struct PartyMap<V> {
    state: HashMap<CountryCode, V>,
    partner: HashMap<PartnerId, V>,
    process: HashMap<ProcessId, V>,
}

impl<V> Default for PartyMap<V> {
    fn default() -> Self {
        Self {
            state: HashMap::new(),
            partner: HashMap::new(),
            process: HashMap::new(),
        }
    }
}

impl<V: Default> PartyMap<V> {
    fn entry(&mut self, party: &Party) -> &mut V {
        match party {
            Party::State(c) => self.state.entry(*c).or_default(),
            Party::Partner(p) => self.partner.entry(p.clone()).or_default(),
            Party::Process(p) => self.process.entry(p.clone()).or_default(),
        }
    }
}

impl<V> PartyMap<V> {
    pub(crate) fn get(&self, party: &Party) -> Option<&V> {
        match party {
            Party::State(c) => self.state.get(c),
            Party::Partner(p) => self.partner.get(p.as_str()),
            Party::Process(p) => self.process.get(p.as_str()),
        }
    }

    /// Every value, of every kind of party.
    pub(crate) fn values_all(&self) -> impl Iterator<Item = &V> {
        self.state
            .values()
            .chain(self.partner.values())
            .chain(self.process.values())
    }

    pub(crate) fn state(&self, c: CountryCode) -> Option<&V> {
        self.state.get(&c)
    }
}

/// Where a name points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum NameKey {
    State(CountryCode),
    Process(u32),
    Partner(u32),
}

/// Positions (into the dataset's sorted collections) by identifier and by relation.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub(crate) states: HashMap<CountryCode, u32>,
    pub(crate) processes: HashMap<ProcessId, u32>,
    pub(crate) partners: HashMap<PartnerId, u32>,
    pub(crate) projects: HashMap<ProjectId, u32>,
    pub(crate) events: HashMap<crate::EventId, u32>,
    /// Memberships by member.
    pub(crate) memberships_of_member: PartyMap<Vec<u32>>,
    /// Memberships by body.
    pub(crate) memberships_of_body: PartyMap<Vec<u32>>,
    /// Projects by benefiting state.
    pub(crate) projects_of_state: HashMap<CountryCode, Vec<u32>>,
    /// Projects by partner (any role).
    pub(crate) projects_of_partner: HashMap<PartnerId, Vec<u32>>,
    /// Projects by related process.
    pub(crate) projects_of_process: HashMap<ProcessId, Vec<u32>>,
    /// Events by party (any role).
    pub(crate) events_of_party: PartyMap<Vec<u32>>,
    /// Events by related project.
    pub(crate) events_of_project: HashMap<ProjectId, Vec<u32>>,
    /// Events by country of venue.
    pub(crate) events_of_country: HashMap<CountryCode, Vec<u32>>,
    /// Normalised names and aliases.
    pub(crate) names: HashMap<String, Vec<NameKey>>,
}

fn pos(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn push_unique(list: &mut Vec<u32>, i: u32) {
    if list.last() != Some(&i) {
        list.push(i);
    }
}

impl Index {
    pub(crate) fn build(
        member_states: &[MemberState],
        processes: &[Rcp],
        partners: &[Partner],
        projects: &[Project],
        events: &[Event],
        memberships: &[Membership],
    ) -> Self {
        let mut ix = Index::default();
        let mut names: HashMap<String, Vec<NameKey>> = HashMap::new();
        let mut name = |text: &str, key: NameKey| {
            let n = crate::value::normalize_name(text);
            if n.is_empty() {
                return;
            }
            let v = names.entry(n).or_default();
            if !v.contains(&key) {
                v.push(key);
            }
        };
        for (i, s) in member_states.iter().enumerate() {
            ix.states.insert(s.country(), pos(i));
            let key = NameKey::State(s.country());
            name(s.name(), key);
            name(s.country().name(), key);
            for n in s.other_names() {
                name(n, key);
            }
        }
        for (i, p) in processes.iter().enumerate() {
            ix.processes.insert(p.id().clone(), pos(i));
            let key = NameKey::Process(pos(i));
            name(p.id().as_str(), key);
            name(p.name(), key);
            for n in p.other_names() {
                name(n, key);
            }
        }
        for (i, p) in partners.iter().enumerate() {
            ix.partners.insert(p.id().clone(), pos(i));
            let key = NameKey::Partner(pos(i));
            name(p.id().as_str(), key);
            name(p.name(), key);
            for n in p.other_names() {
                name(n, key);
            }
        }
        ix.names = names;
        // Positions are visited in increasing order, so each list is sorted;
        // `push_unique` drops a repeat of the same record.
        for (i, m) in memberships.iter().enumerate() {
            push_unique(ix.memberships_of_member.entry(m.member()), pos(i));
            push_unique(ix.memberships_of_body.entry(m.body()), pos(i));
        }
        for (i, p) in projects.iter().enumerate() {
            ix.projects.insert(p.id().clone(), pos(i));
            for s in p.benefiting_states() {
                push_unique(ix.projects_of_state.entry(*s).or_default(), pos(i));
            }
            for o in p.organizations() {
                push_unique(
                    ix.projects_of_partner
                        .entry(o.partner().clone())
                        .or_default(),
                    pos(i),
                );
            }
            for r in p.related_processes() {
                push_unique(ix.projects_of_process.entry(r.clone()).or_default(), pos(i));
            }
        }
        for (i, e) in events.iter().enumerate() {
            ix.events.insert(e.id().clone(), pos(i));
            for p in e.parties() {
                push_unique(ix.events_of_party.entry(p.party()), pos(i));
            }
            for p in e.related_projects() {
                push_unique(ix.events_of_project.entry(p.clone()).or_default(), pos(i));
            }
            if let Some(c) = e.country() {
                push_unique(ix.events_of_country.entry(c).or_default(), pos(i));
            }
        }
        ix
    }
}
