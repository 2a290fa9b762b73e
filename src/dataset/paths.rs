//! Membership through bodies: "Senegal is in MIDWA through ECOWAS".
//!
//! A state that is a member of an organisation that is itself a member of a
//! process takes part in the process through the organisation. The queries
//! here follow such chains of memberships, up or down, to a depth the caller
//! chooses, and give each answer with its path and a certainty combined
//! along the path (the least sure link decides).

use std::collections::{HashSet, VecDeque};

use crate::codelist::MembershipRole;
use crate::dataset::Dataset;
use crate::dataset::index::Slot;
use crate::entity::{Membership, Party};
use crate::value::{Answer, PartialDate, Source, Truth};

/// One answer reached along a chain of memberships.
///
/// The [`path`](Self::path) runs from the member upwards: its first
/// membership is the [`member`](Self::member)'s own, its last is the one in
/// the [`body`](Self::body) the answer is about; every link but the last is
/// a membership of role [`MembershipRole::Member`] (an observer of an
/// organisation does not take part in what the organisation is a member
/// of). A direct answer has a path of one membership. A link may be a
/// group's ([`Party::MembersOf`]): "the members of the Colombo Process" in
/// the Abu Dhabi Dialogue, reached from a member of the Colombo Process.
///
/// # Examples
///
/// ```
/// use migov::codelist::MembershipRole;
/// use migov::{CountryCode, Dataset, Membership, Partner, PartnerId, Party, ProcessId, Rcp};
///
/// let sen = Party::State(CountryCode::from_alpha3("SEN")?);
/// let ecowas = PartnerId::new("ECOWAS")?;
/// let midwa = ProcessId::new("MIDWA")?;
/// let mut b = Dataset::builder();
/// b.add_partner(Partner::builder(ecowas.clone(), "ECOWAS").build()?)?;
/// b.add_process(Rcp::builder(midwa.clone(), "MIDWA").build()?)?;
/// let since_2001: migov::Period = "2001/..".parse()?;
/// let member = |who: Party, of: Party| {
///     Membership::builder(who, of, MembershipRole::Member).period(since_2001).build()
/// };
/// b.add_membership(member(sen.clone(), Party::Partner(ecowas.clone()))?);
/// b.add_membership(member(Party::Partner(ecowas.clone()), Party::Process(midwa.clone()))?);
/// let data = b.build()?;
///
/// let answers = data.bodies_of(&sen, "2024".parse()?, 2);
/// let midwa_answer = answers.iter().find(|a| a.body() == &Party::Process(midwa.clone())).unwrap();
/// assert_eq!(midwa_answer.through().collect::<Vec<_>>(), [&Party::Partner(ecowas)]);
/// assert!(midwa_answer.certainty().is_yes());
/// assert_eq!(midwa_answer.to_string(), "state SEN: member of process MIDWA, through partner ECOWAS");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reached<'a> {
    first: &'a Membership,
    last: &'a Membership,
    path: Vec<&'a Membership>,
    certainty: Truth,
}

impl<'a> Reached<'a> {
    /// The most links a path may have, whatever depth is asked for.
    pub const MAX_DEPTH: usize = 8;

    /// The answer along `path` (member first), unless it is empty.
    fn new(path: Vec<&'a Membership>, certainty: Truth) -> Option<Self> {
        Some(Self {
            first: path.first().copied()?,
            last: path.last().copied()?,
            path,
            certainty,
        })
    }

    /// The memberships from the member up to the body (never empty).
    pub fn path(&self) -> &[&'a Membership] {
        &self.path
    }

    /// How surely the whole path holds on the date asked about: the least
    /// sure of its links.
    pub fn certainty(&self) -> Truth {
        self.certainty
    }

    /// The membership in the body the answer is about (the path's last).
    pub fn membership(&self) -> &'a Membership {
        self.last
    }

    /// Who takes part: the member of the path's first membership.
    pub fn member(&self) -> &'a Party {
        self.first.member()
    }

    /// The body the answer is about.
    pub fn body(&self) -> &'a Party {
        self.membership().body()
    }

    /// The role held in [`body`](Self::body) (by the member itself for a
    /// direct answer, by the last body of the path otherwise).
    pub fn role(&self) -> &'a MembershipRole {
        self.membership().role()
    }

    /// The bodies the member takes part through, nearest first (none for a
    /// direct answer).
    pub fn through(&self) -> impl Iterator<Item = &'a Party> + '_ {
        let n = self.path.len().saturating_sub(1);
        self.path.iter().take(n).map(|m| m.body())
    }

    /// Whether the member holds the role itself (a path of one link).
    pub fn is_direct(&self) -> bool {
        self.path.len() == 1
    }

    /// The sources that back the answer: those of each membership of the
    /// [path](Self::path) ([`Membership::backing_sources`]), member first,
    /// each once. Never those of the bodies' records.
    pub fn sources(&self) -> Vec<&'a Source> {
        crate::value::distinct(self.path.iter().flat_map(|m| m.backing_sources()))
    }
}

impl<'a> Answer<'a> for Reached<'a> {
    fn sources(&self) -> Vec<&'a Source> {
        Reached::sources(self)
    }

    fn certainty(&self) -> Truth {
        self.certainty
    }
}

impl std::fmt::Display for Reached<'_> {
    /// `state SEN: member of process MIDWA, through partner ECOWAS`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} of {}", self.member(), self.role(), self.body())?;
        let mut through = self.through().peekable();
        if through.peek().is_some() {
            f.write_str(", through ")?;
            for (i, b) in through.enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{b}")?;
            }
        }
        Ok(())
    }
}

impl Dataset {
    /// The bodies `member` takes part in at some time during `on`: its own
    /// memberships (any role), and, up to `depth` links (1: its own only;
    /// at most
    /// [`Reached::MAX_DEPTH`]), those of the bodies it is a member of, and of
    /// the groups of their members ([`Party::MembersOf`]). Each answer has
    /// its [path](Reached::path) and a certainty combined along it.
    ///
    /// Each body is followed once, along the first (shortest) path that
    /// reaches it, so the query is linear in the memberships it visits,
    /// whatever the shape of the data (cycles included).
    pub fn bodies_of(&self, member: &Party, on: PartialDate, depth: usize) -> Vec<Reached<'_>> {
        let depth = depth.clamp(1, Reached::MAX_DEPTH);
        let index = &self.inner.index;
        let mut out = Vec::new();
        let Some(start) = self.slot(member) else {
            return out;
        };
        let mut seen: HashSet<(u8, u32)> = HashSet::from([start.rank()]);
        let mut queue: VecDeque<(Slot, Vec<&Membership>, Truth)> =
            VecDeque::from([(start, Vec::new(), Truth::Yes)]);
        while let Some((slot, path, sure)) = queue.pop_front() {
            // The party's own memberships, and those of the group of its
            // members when the party is a body reached as a member.
            let group = if path.is_empty() { None } else { slot.group() };
            let own = index.memberships_of_member.get(slot).iter();
            let as_group = group
                .map_or(&[][..], |g| index.memberships_of_member.get(g))
                .iter();
            for &i in own.chain(as_group) {
                let Some((m, facts, t)) = self.held_at(i, on) else {
                    continue;
                };
                let mut next = path.clone();
                next.push(m);
                let certainty = sure.and(t);
                if *m.role() == MembershipRole::Member
                    && next.len() < depth
                    && let Some(body) = facts.body
                    && seen.insert(body.rank())
                {
                    queue.push_back((body, next.clone(), certainty));
                }
                out.extend(Reached::new(next, certainty));
            }
        }
        out
    }

    /// Who held `role` in `body` at some time during `on`: its own
    /// members in that role, and, up to `depth` links (1: its own only; at
    /// most [`Reached::MAX_DEPTH`]), the members ([`MembershipRole::Member`]) of the
    /// bodies among them, level by level. A group ([`Party::MembersOf`])
    /// is answered by its members in its place. Each answer has its
    /// [path](Reached::path), from the member up to `body`, and a
    /// certainty combined along it.
    ///
    /// Each body is followed once, along the first (shortest) path that
    /// reaches it, so the query is linear in the memberships it visits.
    pub fn members_through(
        &self,
        body: &Party,
        role: &MembershipRole,
        on: PartialDate,
        depth: usize,
    ) -> Vec<Reached<'_>> {
        let depth = depth.clamp(1, Reached::MAX_DEPTH);
        let index = &self.inner.index;
        let mut out = Vec::new();
        let Some(start) = self.slot(body) else {
            return out;
        };
        let mut seen: HashSet<(u8, u32)> = HashSet::from([start.rank()]);
        // Paths are built downwards and reversed when answered.
        let mut queue: VecDeque<(Slot, Vec<&Membership>, Truth)> =
            VecDeque::from([(start, Vec::new(), Truth::Yes)]);
        while let Some((slot, above, sure)) = queue.pop_front() {
            let wanted = if above.is_empty() {
                role
            } else {
                &MembershipRole::Member
            };
            for &i in index.memberships_of_body.get(slot) {
                let Some((m, facts, t)) = self.held_at(i, on) else {
                    continue;
                };
                if m.role() != wanted {
                    continue;
                }
                let mut down = above.clone();
                down.push(m);
                let certainty = sure.and(t);
                let Some(member) = facts.member else {
                    // A member the dataset has no record of: answered, not followed.
                    out.extend(reached_upwards(&down, certainty));
                    continue;
                };
                if let Some(named) = member.group_body() {
                    // A group stands for its body's members: always followed
                    // one level, in its place.
                    if seen.insert(member.rank()) {
                        queue.push_front((named, down, certainty));
                    }
                    continue;
                }
                if down.len() < depth
                    && !matches!(member, Slot::State(_))
                    && seen.insert(member.rank())
                {
                    queue.push_back((member, down.clone(), certainty));
                }
                out.extend(reached_upwards(&down, certainty));
            }
        }
        out
    }
}

/// The answer for a path built downwards from the body asked about.
fn reached_upwards<'a>(down: &[&'a Membership], certainty: Truth) -> Option<Reached<'a>> {
    let mut path = down.to_vec();
    path.reverse();
    Reached::new(path, certainty)
}
