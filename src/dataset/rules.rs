//! Cross-record rules: references resolve, memberships agree with each other
//! and with the bodies' lifetimes, projects and events agree in time.

use std::collections::HashMap;

use super::index::Index;
use crate::codelist::MembershipRole;
use crate::{
    Event, FieldPath, Issue, MemberState, Membership, Partner, Party, Period, Project, Rcp, Rule,
    Truth,
};

/// The dataset's sorted collections and index.
pub(crate) struct View<'a> {
    pub(crate) member_states: &'a [MemberState],
    pub(crate) processes: &'a [Rcp],
    pub(crate) partners: &'a [Partner],
    pub(crate) projects: &'a [Project],
    pub(crate) events: &'a [Event],
    pub(crate) memberships: &'a [Membership],
    pub(crate) index: &'a Index,
}

/// For each sorted record, the position at which it was added.
pub(crate) struct Origins<'a> {
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
        match party {
            // A country code always names a country; whether the state is an IOM
            // member is a question for other rules.
            Party::State(_) => true,
            Party::Partner(p) => self.index.partners.contains_key(p.as_str()),
            Party::Process(p) => self.index.processes.contains_key(p.as_str()),
        }
    }

    /// When the body of a membership existed.
    fn lifetime_of(&self, body: &Party) -> Option<Period> {
        match body {
            Party::Process(p) => {
                let i = *self.index.processes.get(p.as_str())?;
                self.processes.get(i as usize).map(Rcp::lifetime)
            }
            Party::Partner(p) => {
                let i = *self.index.partners.get(p.as_str())?;
                self.partners.get(i as usize).map(Partner::lifetime)
            }
            Party::State(_) => None,
        }
    }

    /// A membership's period, ended by its body's dissolution when open-ended.
    pub(crate) fn effective_period(&self, m: &Membership) -> Period {
        effective_period(m, self.lifetime_of(m.body()))
    }
}

/// A membership's period, ended by the body's dissolution when open-ended.
pub(crate) fn effective_period(m: &Membership, body_lifetime: Option<Period>) -> Period {
    let p = m.period();
    match (p.end(), body_lifetime.and_then(|l| l.end())) {
        (None, Some(dissolved)) => Period::new(p.start(), Some(dissolved)).unwrap_or(p),
        _ => p,
    }
}

fn dangling(issues: &mut Vec<Issue>, path: FieldPath, referrer: &str, target: &Party) {
    issues.push(Issue::new(
        Rule::DanglingReference,
        path,
        format!(
            "{referrer} refers to {} {:?}, which is not in the dataset; expected the identifier of one of its {}s",
            target.kind(),
            target.id_str(),
            target.kind()
        ),
    ));
}

pub(crate) fn check(v: &View<'_>, o: &Origins<'_>) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_processes(v, o, &mut issues);
    check_projects(v, o, &mut issues);
    check_events(v, o, &mut issues);
    check_memberships(v, o, &mut issues);
    issues
}

fn check_processes(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    for (i, p) in v.processes.iter().enumerate() {
        for (k, org) in p.linked_organizations().iter().enumerate() {
            let target = Party::Partner(org.clone());
            if !v.resolves(&target) {
                let path = at("processes", o.processes, i)
                    .join("linked_organizations")
                    .join(k);
                dangling(issues, path, &format!("process {}", p.id()), &target);
            }
        }
    }
}

fn check_projects(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    for (i, p) in v.projects.iter().enumerate() {
        let here = || at("projects", o.projects, i);
        let who = || format!("project {}", p.id());
        for (k, party) in p.organizations().iter().enumerate() {
            let target = Party::Partner(party.partner().clone());
            if !v.resolves(&target) {
                dangling(
                    issues,
                    here().join("organizations").join(k).join("partner"),
                    &who(),
                    &target,
                );
            }
        }
        for (k, process) in p.related_processes().iter().enumerate() {
            let target = Party::Process(process.clone());
            if !v.resolves(&target) {
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
                    .states
                    .get(state)
                    .and_then(|&s| v.member_states.get(s as usize))
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
        for (k, party) in e.parties().iter().enumerate() {
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
            let Some(&pi) = v.index.projects.get(project.as_str()) else {
                issues.push(Issue::new(
                    Rule::DanglingReference,
                    here().join("related_projects").join(k),
                    format!(
                        "{} refers to project {:?}, which is not in the dataset; expected the identifier of one of its projects",
                        who(),
                        project.as_str()
                    ),
                ));
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
        let people = [("speakers", e.speakers()), ("contacts", e.contacts())];
        for (field, list) in people {
            for (k, person) in list.iter().enumerate() {
                if let Some(org) = person.organization() {
                    let target = Party::Partner(org.clone());
                    if !v.resolves(&target) {
                        dangling(
                            issues,
                            here().join(field).join(k).join("organization"),
                            &who(),
                            &target,
                        );
                    }
                }
            }
        }
        for (d, day) in e.agenda().iter().enumerate() {
            for (s, session) in day.sessions().iter().enumerate() {
                for (c, contribution) in session.panel().iter().enumerate() {
                    for (p, panellist) in contribution.panellists().iter().enumerate() {
                        if let Some(org) = panellist.person().organization() {
                            let target = Party::Partner(org.clone());
                            if !v.resolves(&target) {
                                let path = here()
                                    .join("agenda")
                                    .join(d)
                                    .join("sessions")
                                    .join(s)
                                    .join("panel")
                                    .join(c)
                                    .join("panellists")
                                    .join(p)
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

fn is_chair(role: &MembershipRole) -> bool {
    matches!(
        role,
        MembershipRole::Chair | MembershipRole::ViceChair | MembershipRole::CoChair
    )
}

fn check_memberships(v: &View<'_>, o: &Origins<'_>, issues: &mut Vec<Issue>) {
    let here = |i: usize| at("memberships", o.memberships, i);
    for (i, m) in v.memberships.iter().enumerate() {
        let who = || format!("membership of {} in {}", m.member(), m.body());
        if !v.resolves(m.member()) {
            dangling(issues, here(i).join("member"), &who(), m.member());
        }
        if !v.resolves(m.body()) {
            dangling(issues, here(i).join("body"), &who(), m.body());
            continue;
        }
        // Exact repeats sit next to each other once sorted.
        if i > 0
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
        if let Some(lifetime) = v.lifetime_of(m.body())
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
    // Per body: chairs against members, members against observers.
    for positions in v.index.memberships_of_body.values_all() {
        let members: Vec<usize> = positions
            .iter()
            .map(|&p| p as usize)
            .filter(|&p| {
                v.memberships
                    .get(p)
                    .is_some_and(|m| *m.role() == MembershipRole::Member)
            })
            .collect();
        let mut by_member: HashMap<&Party, Vec<usize>> = HashMap::new();
        for &p in &members {
            if let Some(m) = v.memberships.get(p) {
                by_member.entry(m.member()).or_default().push(p);
            }
        }
        for &p in positions {
            let p = p as usize;
            let Some(m) = v.memberships.get(p) else {
                continue;
            };
            if is_chair(m.role()) && m.scope().is_none() {
                if members.is_empty() {
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
                    let chair_period = v.effective_period(m);
                    let member_then = by_member.get(m.member()).map_or(Truth::No, |list| {
                        list.iter()
                            .filter_map(|&q| v.memberships.get(q))
                            .map(|mm| v.effective_period(mm).overlaps(&chair_period))
                            .fold(Truth::No, Truth::or)
                    });
                    if member_then.is_no() {
                        issues.push(Issue::new(
                            Rule::ChairNotMember,
                            here(p).join("member"),
                            format!(
                                "{} is recorded as {} of {} ({}) but is not a member of it then",
                                m.member(),
                                m.role(),
                                m.body(),
                                m.period()
                            ),
                        ));
                    }
                }
            }
            if *m.role() == MembershipRole::Observer
                && let Some(list) = by_member.get(m.member())
            {
                let obs = v.effective_period(m);
                for mm in list.iter().filter_map(|&q| v.memberships.get(q)) {
                    if v.effective_period(mm).overlaps(&obs).is_yes() {
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
                        break;
                    }
                }
            }
        }
    }
}
