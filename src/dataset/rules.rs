//! Cross-record rules: references resolve, memberships agree with each other
//! and with the bodies' lifetimes, projects and events agree in time.

use super::index::{Index, PartyGroups, Resolver, Slot};
use super::overlap::PeriodIndex;
use crate::codelist::MembershipRole;
use crate::entity::{Event, MemberState, Membership, Partner, Party, Project, Rcp};
use crate::problem::{FieldPath, Issue, Rule};
use crate::value::{Period, Truth};

/// The dataset's sorted collections and index.
pub(crate) struct View<'a> {
    pub(crate) member_states: &'a [MemberState],
    pub(crate) processes: &'a [Rcp],
    pub(crate) partners: &'a [Partner],
    pub(crate) projects: &'a [Project],
    pub(crate) events: &'a [Event],
    pub(crate) memberships: &'a [Membership],
    pub(crate) index: &'a Index,
    pub(crate) resolver: &'a Resolver<'a>,
}

/// For each sorted record, the position at which it was added.
pub(crate) struct Origins<'a> {
    pub(crate) member_states: &'a [u32],
    pub(crate) processes: &'a [u32],
    pub(crate) projects: &'a [u32],
    pub(crate) events: &'a [u32],
    pub(crate) memberships: &'a [u32],
}

fn at(collection: &'static str, origin: &[u32], i: usize) -> FieldPath {
    let n = origin.get(i).copied().map_or(i, |o| o as usize);
    FieldPath::key(collection).join(n)
}

impl View<'_> {
    fn resolves(&self, party: &Party) -> bool {
        // A country code always names a country; whether the state is an IOM
        // member is a question for other rules.
        self.resolver.slot(party).is_some()
    }

    fn resolves_partner(&self, id: &crate::value::PartnerId) -> bool {
        self.resolver.partner(id.as_bytes()).is_some()
    }

    /// The effective period of the membership at position `p`.
    fn effective(&self, p: usize) -> Option<Period> {
        self.index.memberships.get(p).map(|f| f.effective)
    }
}

fn dangling(issues: &mut Vec<Issue>, path: FieldPath, referrer: &str, target: &Party) {
    // The record named: the body of a group, else the target itself.
    let named = match target.group_body() {
        Some(body) => Some((body.kind(), body.id_str())),
        None => Some((target.kind(), target.id_str())),
    };
    let named = named.and_then(|(kind, id)| Some((collection_of(kind)?, id)));
    let (path, message) = match target.group_body() {
        // A group: the body it names is missing; the path goes to its identifier.
        Some(body) => (
            path.join("members_of").join(body.kind()),
            format!(
                "{referrer} refers to the members of {} {:?}, which is not in the dataset; expected the identifier of one of its {}s",
                body.kind(),
                body.id_str(),
                body.kind()
            ),
        ),
        None => (
            path,
            format!(
                "{referrer} refers to {} {:?}, which is not in the dataset; expected the identifier of one of its {}s",
                target.kind(),
                target.id_str(),
                target.kind()
            ),
        ),
    };
    let issue = Issue::new(Rule::DanglingReference, path, message);
    issues.push(match named {
        Some((collection, id)) => issue.referring_to(collection, id),
        None => issue,
    });
}

/// The collection key of the records a party kind names
/// ([`Party::kind`]): `"partner"` → `"partners"`.
fn collection_of(kind: &str) -> Option<&'static str> {
    match kind {
        "partner" => Some("partners"),
        "process" => Some("processes"),
        "state" => Some("member_states"),
        _ => None,
    }
}

/// The rules of every record but memberships (processes, projects and
/// events): these need only the index of [`Index::of_records`].
pub(crate) fn check_records(v: &View<'_>, o: &Origins<'_>) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_member_states(v, o, &mut issues);
    check_processes(v, o, &mut issues);
    check_projects(v, o, &mut issues);
    check_events(v, o, &mut issues);
    check_event_cycles(v, o, &mut issues);
    issues
}

/// The rules of each membership on its own and against the one before:
/// references resolve, exact repeats, the body's lifetime. These need
/// processes, partners and the memberships' facts ([`Index::memberships`]).
pub(crate) fn check_membership_records(v: &View<'_>, o: &Origins<'_>) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_membership_list(v, o, &mut issues);
    issues
}

/// The rules of each body's memberships together (chairs against members,
/// members against observers), with the memberships grouped by body
/// (`of_body`, as in [`Index::memberships_of_body`]) and by member
/// (`of_member`, as in [`Index::memberships_of_member`]: a chair may be a
/// member through a group).
pub(crate) fn check_membership_bodies(
    v: &View<'_>,
    o: &Origins<'_>,
    of_body: &PartyGroups,
    of_member: &PartyGroups,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_bodies(v, o, of_body, of_member, &mut issues);
    issues
}

/// The Council sessions that decided status steps are events of the dataset.
fn check_member_states(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    for (i, s) in v.member_states.iter().enumerate() {
        for (k, step) in s.status_history().iter().enumerate() {
            let Some(event) = step.decided_at() else {
                continue;
            };
            let id = event.as_str();
            // Events are sorted by identifier.
            if v.events
                .binary_search_by(|e| e.id().as_bytes().cmp(id.as_bytes()))
                .is_err()
            {
                issues.push(Issue::new(
                    Rule::DanglingReference,
                    at("member_states", o.member_states, i)
                        .join("status")
                        .join(k)
                        .join("decided_at"),
                    format!(
                        "member state {} refers to event {id:?} as the session that decided its {} status, which is not in the dataset; expected the identifier of one of its events",
                        s.country(),
                        step.status()
                    ),
                )
                .referring_to("events", id));
            }
        }
    }
}

fn check_processes(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    for (i, p) in v.processes.iter().enumerate() {
        for (k, org) in p.linked_organizations().iter().enumerate() {
            if !v.resolves_partner(org) {
                let path = at("processes", o.processes, i)
                    .join("linked_organizations")
                    .join(k);
                let target = Party::Partner(org.clone());
                dangling(issues, path, &format!("process {}", p.id()), &target);
            }
        }
    }
}

fn check_projects(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    for (i, p) in v.projects.iter().enumerate() {
        let here = || at("projects", o.projects, i);
        let who = || format!("project {}", p.id());
        // The index resolved every organisation and process already: look
        // again only where it found one missing.
        let suspect = u32::try_from(i)
            .is_ok_and(|i| v.index.projects_with_dangling.binary_search(&i).is_ok());
        let organizations = if suspect { p.organizations() } else { &[] };
        let related = if suspect { p.related_processes() } else { &[] };
        for (k, party) in organizations.iter().enumerate() {
            if !v.resolves_partner(party.partner()) {
                let target = Party::Partner(party.partner().clone());
                dangling(
                    issues,
                    here().join("organizations").join(k).join("partner"),
                    &who(),
                    &target,
                );
            }
        }
        for (k, process) in related.iter().enumerate() {
            if v.resolver.process(process.as_bytes()).is_none() {
                let target = Party::Process(process.clone());
                dangling(
                    issues,
                    here().join("related_processes").join(k),
                    &who(),
                    &target,
                );
            }
        }
        // IOM Development Fund projects: benefiting states are IOM members at the start.
        let is_idf = p.idf_code().is_some() || p.idf_region().is_some();
        if let (true, Some(start)) = (is_idf, p.period().start()) {
            for (k, state) in p.benefiting_states().iter().enumerate() {
                let member = v
                    .index
                    .state(*state)
                    .and_then(|s| v.member_states.get(s))
                    .map_or(Truth::No, |s| s.is_member_on(start));
                if member.is_no() {
                    issues.push(Issue::new(
                        Rule::BeneficiaryNotMember,
                        here().join("benefiting_states").join(k),
                        format!(
                            "{} ({}) is not an IOM member state at the project's start {start}",
                            state,
                            state.name()
                        ),
                    ));
                }
            }
        }
    }
}

fn check_events(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    for (i, e) in v.events.iter().enumerate() {
        let here = || at("events", o.events, i);
        let who = || format!("event {}", e.id());
        let suspect =
            u32::try_from(i).is_ok_and(|i| v.index.events_with_dangling.binary_search(&i).is_ok());
        let parties = if suspect { e.parties() } else { &[] };
        for (k, party) in parties.iter().enumerate() {
            if !v.resolves(party.party()) {
                dangling(
                    issues,
                    here().join("parties").join(k).join("party"),
                    &who(),
                    party.party(),
                );
            }
        }
        for (k, project) in e.related_projects().iter().enumerate() {
            let Some(pi) = v.resolver.project(project.as_bytes()) else {
                issues.push(Issue::new(
                    Rule::DanglingReference,
                    here().join("related_projects").join(k),
                    format!(
                        "{} refers to project {:?}, which is not in the dataset; expected the identifier of one of its projects",
                        who(),
                        project.as_str()
                    ),
                )
                .referring_to("projects", project.as_str()));
                continue;
            };
            let (Some(event_period), Some(project)) = (e.period(), v.projects.get(pi as usize))
            else {
                continue;
            };
            if project.period().overlaps(&event_period).is_no() {
                issues.push(Issue::new(
                    Rule::EventOutsideProject,
                    here().join("related_projects").join(k),
                    format!(
                        "the event ({event_period}) does not overlap its project {} ({})",
                        project.id(),
                        project.period()
                    ),
                ));
            }
        }
        for (k, related) in e.related_events().iter().enumerate() {
            let id = related.event().as_str();
            // Events are sorted by identifier.
            if v.events
                .binary_search_by(|other| other.id().as_bytes().cmp(id.as_bytes()))
                .is_err()
            {
                issues.push(Issue::new(
                    Rule::DanglingReference,
                    here().join("related_events").join(k).join("event"),
                    format!(
                        "{} refers to event {id:?}, which is not in the dataset; expected the identifier of one of its events",
                        who()
                    ),
                )
                .referring_to("events", id));
            }
        }
        // The people's organisations were gathered when the event was
        // built: the agenda is walked for paths only when one does not resolve.
        if e.person_organizations()
            .iter()
            .any(|org| !v.resolves_partner(org))
        {
            let people = [("speakers", e.speakers()), ("contacts", e.contacts())];
            for (field, list) in people {
                for (k, person) in list.iter().enumerate() {
                    if let Some(org) = person.organization()
                        && !v.resolves_partner(org)
                    {
                        let target = Party::Partner(org.clone());
                        dangling(
                            issues,
                            here().join(field).join(k).join("organization"),
                            &who(),
                            &target,
                        );
                    }
                }
            }
            for (d, day) in e.agenda().iter().enumerate() {
                for (s, session) in day.sessions().iter().enumerate() {
                    for (c, contribution) in session.panel().iter().enumerate() {
                        for (p, panellist) in contribution.panellists().iter().enumerate() {
                            if let Some(org) = panellist.person().organization()
                                && !v.resolves_partner(org)
                            {
                                let target = Party::Partner(org.clone());
                                let path = here()
                                    .join("agenda")
                                    .join(d)
                                    .join("sessions")
                                    .join(s)
                                    .join("panel")
                                    .join(c)
                                    .join("panellists")
                                    .join(p)
                                    .join("person")
                                    .join("organization");
                                dangling(issues, path, &who(), &target);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Links between events never lead back to where they start: one warning
/// per cycle (per strongly connected component of the links), on the link
/// that leaves the cycle's first event (by identifier), naming the events
/// of a shortest cycle through it in the order of the links, and any other
/// events caught in the same knot. O(n + l log n) for n events and l links.
fn check_event_cycles(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    // Events are sorted by identifier.
    let position = |id: &crate::value::EventId| {
        v.events
            .binary_search_by(|other| other.id().as_bytes().cmp(id.as_bytes()))
            .ok()
            .and_then(|p| u32::try_from(p).ok())
    };
    let succ: Vec<Vec<u32>> = v
        .events
        .iter()
        .map(|e| {
            e.related_events()
                .iter()
                .filter_map(|r| position(r.event()))
                .collect()
        })
        .collect();
    for component in super::cycles::cyclic_components(&succ) {
        let Some(&start) = component.first() else {
            continue;
        };
        let cycle = super::cycles::cycle_through(&succ, &component, start);
        let event = |p: u32| v.events.get(p as usize);
        let mut order = String::new();
        let mut steps = Vec::with_capacity(cycle.len());
        let mut first_link = None;
        for (k, &p) in cycle.iter().enumerate() {
            let next = cycle.get(k + 1).or(cycle.first()).copied().unwrap_or(p);
            let (Some(e), Some(to)) = (event(p), event(next)) else {
                continue;
            };
            let link = e.related_events().iter().position(|r| r.event() == to.id());
            if k == 0 {
                first_link = link;
            }
            order.push_str(e.id().as_str());
            order.push_str(" → ");
            let relation = link
                .and_then(|l| e.related_events().get(l))
                .map_or_else(String::new, |r| r.relation().to_string());
            steps.push(format!("{} is {relation} {}", e.id(), to.id()));
        }
        let Some(first) = event(start) else {
            continue;
        };
        order.push_str(first.id().as_str());
        let mut on_cycle = cycle.clone();
        on_cycle.sort_unstable();
        let others: Vec<&str> = component
            .iter()
            .filter(|p| on_cycle.binary_search(p).is_err())
            .filter_map(|&p| event(p).map(|e| e.id().as_str()))
            .collect();
        let knot = if others.is_empty() {
            String::new()
        } else {
            format!(
                "; {} other event(s) are on cycles with these: {}",
                others.len(),
                others.join(", ")
            )
        };
        let mut path = at("events", o.events, start as usize).join("related_events");
        if let Some(l) = first_link {
            path = path.join(l);
        }
        issues.push(Issue::new(
            Rule::EventRelatedCycle,
            path,
            format!(
                "the related events form a cycle of {} event(s), {order} ({}){knot}; expected links that never lead back to the event they start from",
                cycle.len(),
                steps.join(", ")
            ),
        ));
    }
}

fn is_chair(role: &MembershipRole) -> bool {
    matches!(
        role,
        MembershipRole::Chair | MembershipRole::ViceChair | MembershipRole::CoChair
    )
}

fn check_membership_list(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    let here = |i: usize| at("memberships", o.memberships, i);
    // Memberships are sorted by body: each body's lifetime is found once.
    let mut last_lifetime: Option<(Slot, Option<Period>)> = None;
    // The bodies that have a group among their members (of any role), by
    // kind and position: a group naming one of them is a group of groups.
    let mut with_group = [
        vec![false; v.partners.len()],
        vec![false; v.processes.len()],
    ];
    fn flag(with_group: &mut [Vec<bool>; 2], body: Slot) -> Option<&mut bool> {
        let (list, k) = match body {
            Slot::Partner(k) => (0, k),
            Slot::Process(k) => (1, k),
            _ => return None,
        };
        with_group.get_mut(list)?.get_mut(k as usize)
    }
    for f in &v.index.memberships {
        if f.member.is_some_and(Slot::is_group)
            && let Some(body) = f.body
            && let Some(b) = flag(&mut with_group, body)
        {
            *b = true;
        }
    }
    for (i, (m, facts)) in v.memberships.iter().zip(&v.index.memberships).enumerate() {
        let who = || format!("membership of {} in {}", m.member(), m.body());
        if facts.member.is_none() {
            dangling(issues, here(i).join("member"), &who(), m.member());
        }
        if let Some(named) = facts.member.and_then(Slot::group_body)
            && flag(&mut with_group, named).is_some_and(|b| *b)
            && let Some(body) = m.member().group_body()
        {
            issues.push(Issue::new(
                Rule::NestedGroup,
                here(i).join("member").join("members_of"),
                format!(
                    "{} are given as a member of {}, but {body} has a group among its members: groups of groups are not followed; name {body}'s members, or the group's, instead",
                    m.member(),
                    m.body()
                ),
            ));
        }
        let Some(body) = facts.body else {
            dangling(issues, here(i).join("body"), &who(), m.body());
            continue;
        };
        // Exact repeats sit next to each other once sorted (the resolved
        // parties are compared first: cheap, and usually enough).
        let same_parties = i > 0
            && v.index
                .memberships
                .get(i - 1)
                .is_some_and(|prev| prev.body == facts.body && prev.member == facts.member);
        if same_parties
            && v.memberships
                .get(i - 1)
                .is_some_and(|prev| prev.key() == m.key())
        {
            issues.push(Issue::new(
                Rule::DuplicateMembership,
                here(i),
                format!(
                    "{} as {} over {} is recorded twice",
                    who(),
                    m.role(),
                    m.period()
                ),
            ));
        }
        let lifetime = match last_lifetime {
            Some((slot, lifetime)) if slot == body => lifetime,
            _ => {
                let lifetime = match body {
                    Slot::Process(k) => v.processes.get(k as usize).map(Rcp::lifetime),
                    Slot::Partner(k) => v.partners.get(k as usize).map(Partner::lifetime),
                    Slot::State(_) | Slot::PartnerGroup(_) | Slot::ProcessGroup(_) => None,
                };
                last_lifetime = Some((body, lifetime));
                lifetime
            }
        };
        if let Some(lifetime) = lifetime
            && !m.period().is_unknown()
            && !lifetime.overlaps(&m.period()).is_no()
        {
            let before = m
                .period()
                .start()
                .zip(lifetime.start())
                .filter(|(s, born)| s.cmp_known(born) == Some(std::cmp::Ordering::Less));
            let after = m
                .period()
                .end()
                .zip(lifetime.end())
                .filter(|(e, gone)| e.cmp_known(gone) == Some(std::cmp::Ordering::Greater));
            for (field, part) in [
                (
                    "start",
                    before.map(|(s, born)| format!("from {s}, before its establishment in {born}")),
                ),
                (
                    "end",
                    after.map(|(e, gone)| format!("until {e}, after its dissolution in {gone}")),
                ),
            ] {
                if let Some(part) = part {
                    issues.push(Issue::new(
                        Rule::ReachesOutsideBodyLifetime,
                        here(i).join(field),
                        format!(
                            "{} ({}) reaches outside the lifetime of {} ({lifetime}): {part}; answers are clipped to the lifetime",
                            who(),
                            m.period(),
                            m.body()
                        ),
                    ));
                }
            }
        }
        if let Some(lifetime) = lifetime
            && !m.period().is_unknown()
            && lifetime.overlaps(&m.period()).is_no()
        {
            issues.push(Issue::new(
                Rule::OutsideBodyLifetime,
                here(i).join("start"),
                format!(
                    "{} ({}) lies outside the lifetime of {} ({lifetime})",
                    who(),
                    m.period(),
                    m.body()
                ),
            ));
        }
    }
}

fn check_bodies(
    v: &View<'_>,
    o: &Origins<'_>,
    of_body: &PartyGroups,
    of_member: &PartyGroups,
    issues: &mut Vec<Issue>,
) {
    let here = |i: usize| at("memberships", o.memberships, i);
    // Per body: chairs against members, members against observers. Within a
    // body, memberships are sorted by member, so each member's are adjacent.
    // The same member: the same resolved party (cheap), or for parties that
    // do not resolve, the same identifier.
    let same_member = |a: u32, b: u32| {
        let facts = |p: u32| v.index.memberships.get(p as usize).and_then(|f| f.member);
        match (facts(a), facts(b)) {
            (Some(x), Some(y)) => x == y,
            _ => {
                let member = |p: u32| v.memberships.get(p as usize).map(Membership::member);
                member(a) == member(b)
            }
        }
    };
    let role_of = |p: u32| v.memberships.get(p as usize).map(Membership::role);
    let is_member = |p: &u32| role_of(*p) == Some(&MembershipRole::Member);
    let mut members: Vec<usize> = Vec::new();
    // The body's groups in the role of member: (the slot of the body each
    // names, the group's membership), in the order of those slots.
    let mut groups: Vec<(Slot, usize)> = Vec::new();
    let facts = |p: usize| v.index.memberships.get(p);
    for positions in of_body.iter() {
        groups.clear();
        groups.extend(positions.iter().filter_map(|&p| {
            let named = facts(p as usize)?.member?.group_body()?;
            is_member(&p).then_some((named, p as usize))
        }));
        // How many members are recorded (each once, whatever their terms),
        // and whether that is as many as the body states it has.
        let listed = positions
            .chunk_by(|&a, &b| same_member(a, b))
            .filter(|run| run.iter().any(is_member))
            .count();
        let has_members = listed > 0;
        let complete = positions
            .first()
            .and_then(|&p| v.index.memberships.get(p as usize)?.body)
            .and_then(|body| stated_member_count(v, body))
            .is_some_and(|n| listed >= n as usize)
            // A group's members are not counted: the list is not known complete.
            && groups.is_empty();
        for run in positions.chunk_by(|&a, &b| same_member(a, b)) {
            members.clear();
            members.extend(
                run.iter()
                    .filter(|&&p| role_of(p) == Some(&MembershipRole::Member))
                    .map(|&p| p as usize),
            );
            // The member's spells as a member, indexed so that each chair or
            // observer spell is checked against them in O(log n), not by a
            // scan (one state's thousands of alternating spells stay linear).
            let asked = run.iter().any(|&p| {
                role_of(p).is_some_and(|r| is_chair(r) || *r == MembershipRole::Observer)
            });
            let spells = if asked {
                PeriodIndex::new(members.iter().filter_map(|&q| Some((q, v.effective(q)?))))
            } else {
                PeriodIndex::default()
            };
            for &p in run {
                let p = p as usize;
                let (Some(m), Some(period)) = (v.memberships.get(p), v.effective(p)) else {
                    continue;
                };
                if is_chair(m.role()) && m.scope().is_none() {
                    if !has_members {
                        issues.push(Issue::new(
                            Rule::ChairWithoutMemberList,
                            here(p),
                            format!(
                                "{} chairs {} but no member of {} is recorded, so the chair cannot be checked",
                                m.member(),
                                m.body(),
                                m.body()
                            ),
                        ));
                    } else {
                        let member_then = spells
                            .overlaps_any(&period)
                            .or(member_through_groups(v, of_member, &groups, p, period));
                        if member_then.is_no() && complete {
                            issues.push(Issue::new(
                                Rule::ChairNotMember,
                                here(p).join("member"),
                                format!(
                                    "{} is recorded as {} of {} ({}) but is not a member of it then, and its {listed} recorded members are all it states it has",
                                    m.member(),
                                    m.role(),
                                    m.body(),
                                    m.period()
                                ),
                            ));
                        } else if member_then.is_no() {
                            issues.push(Issue::new(
                                Rule::ChairNotListedMember,
                                here(p).join("member"),
                                format!(
                                    "{} is recorded as {} of {} ({}) but is not among its {listed} recorded members then; the member list is not known to be complete",
                                    m.member(),
                                    m.role(),
                                    m.body(),
                                    m.period()
                                ),
                            ));
                        }
                    }
                }
                if *m.role() == MembershipRole::Observer {
                    let witness = spells.certain_witness(&period, |q| {
                        v.effective(q).is_some_and(|mp| !is_handover(mp, period))
                    });
                    if let Some(mm) = witness.and_then(|q| v.memberships.get(q)) {
                        issues.push(Issue::new(
                            Rule::MemberAndObserver,
                            here(p),
                            format!(
                                "{} is both a member ({}) and an observer ({}) of {}",
                                m.member(),
                                mm.period(),
                                m.period(),
                                m.body()
                            ),
                        ));
                    }
                }
            }
        }
    }
}

/// Whether the member of the membership at `p` is a member of the body
/// over `period` through one of its `groups` (see [`check_bodies`]): it is a
/// member of the body a group names while the group is a member. O(the
/// member's memberships × log groups).
fn member_through_groups(
    v: &View<'_>,
    of_member: &PartyGroups,
    groups: &[(Slot, usize)],
    p: usize,
    period: Period,
) -> Truth {
    if groups.is_empty() {
        return Truth::No;
    }
    let Some(member) = v.index.memberships.get(p).and_then(|f| f.member) else {
        return Truth::No;
    };
    let mut answer = Truth::No;
    for &q in of_member.get(member) {
        let q = q as usize;
        let (Some(f), Some(m)) = (v.index.memberships.get(q), v.memberships.get(q)) else {
            continue;
        };
        let Some(body) = f.body else { continue };
        if *m.role() != MembershipRole::Member {
            continue;
        }
        let start = groups.partition_point(|(named, _)| named.rank() < body.rank());
        for &(named, g) in groups.get(start..).unwrap_or_default() {
            if named != body {
                break;
            }
            let Some(group_period) = v.effective(g) else {
                continue;
            };
            let both = f
                .effective
                .overlaps(&period)
                .and(group_period.overlaps(&period));
            answer = answer.or(both);
        }
    }
    answer
}

/// Whether two periods meet on the day one ends and the other begins (an
/// observer who becomes a member that day): a change of role, not two roles
/// at once.
fn is_handover(a: Period, b: Period) -> bool {
    let meets = |x: Period, y: Period| x.end().is_some() && x.end() == y.start();
    meets(a, b) || meets(b, a)
}

/// The number of members the body at `body` states it has (its preferred
/// value), if it states one.
fn stated_member_count(v: &View<'_>, body: Slot) -> Option<u32> {
    let claimed = match body {
        Slot::Process(k) => v.processes.get(k as usize)?.stated_member_count(),
        Slot::Partner(k) => v.partners.get(k as usize)?.stated_member_count(),
        Slot::State(_) | Slot::PartnerGroup(_) | Slot::ProcessGroup(_) => None,
    };
    claimed.map(|c| *c.value())
}
