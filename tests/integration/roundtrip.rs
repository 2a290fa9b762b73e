//! Properties of random valid datasets built through the public builders: save/load round
//! trips, both directions of every relation agree, and hostile bytes never panic the loader.

use migov::codelist::{EventRelation, EventRole, MembershipRole, OutcomeKind, ProjectRole};
use migov::{
    Amount, CountryCode, Dataset, DatasetBuilder, Event, EventDate, EventId, EventParty,
    MemberState, Membership, Money, Outcome, PartialDate, Partner, PartnerId, Party, Period,
    Person, ProcessId, Project, ProjectFilter, ProjectId, ProjectParty, Rcp, RelatedEvent, Rule,
    Source,
};
use proptest::prelude::*;
use proptest::sample::{Index, select};

fn source() -> Source {
    Source::new("https://www.iom.int/").unwrap()
}

fn country() -> impl Strategy<Value = CountryCode> {
    select(CountryCode::all().collect::<Vec<_>>())
}

/// Identifiers from a small alphabet, so that collisions are common.
fn id_text() -> impl Strategy<Value = String> {
    "[A-D][A-D0-9]{0,2}(-[A-D0-9]{1,2})?"
}

/// A partial date of any precision, years 1990 to 2030.
fn partial_date() -> impl Strategy<Value = PartialDate> {
    (1990..=2030_i32, 0..3_u8, 1..=12_u32, 1..=28_u32).prop_map(|(y, p, m, d)| match p {
        0 => PartialDate::year_only(y).unwrap(),
        1 => PartialDate::year_month(y, m).unwrap(),
        _ => PartialDate::ymd(y, m, d).unwrap(),
    })
}

/// A period whose end (if any) is never before its start.
fn period() -> impl Strategy<Value = Period> {
    (
        proptest::option::of(partial_date()),
        proptest::option::of(0..5_i32),
    )
        .prop_map(|(start, years_later)| {
            let end = match (start, years_later) {
                (Some(s), Some(n)) => Some(PartialDate::year_only(s.year() + n).unwrap()),
                _ => None,
            };
            Period::new(start, end).unwrap()
        })
}

/// An amount with scale 0, 1 or 2 in one of a few currencies.
fn money() -> impl Strategy<Value = Money> {
    (
        0..10_000_000_u64,
        0..=2_u32,
        select(vec!["USD", "EUR", "CHF", "JPY"]),
    )
        .prop_map(|(units, scale, currency)| {
            let text = match scale {
                0 => units.to_string(),
                s => {
                    let div = 10_u64.pow(s);
                    format!(
                        "{}.{:0width$}",
                        units / div,
                        units % div,
                        width = s as usize
                    )
                }
            };
            format!("{text} {currency}").parse().unwrap()
        })
}

/// What a random dataset holds, before it is built. References are indexes
/// into the generated records, so every reference resolves by construction.
#[derive(Clone, Debug)]
struct Spec {
    states: Vec<CountryCode>,
    /// For the first states: IOM present since, GCM champion (with or without a date).
    state_facts: Vec<StateFacts>,
    partners: Vec<String>,
    processes: Vec<(String, Option<PartialDate>, Vec<Index>)>,
    projects: Vec<ProjectSpec>,
    events: Vec<EventSpec>,
    memberships: Vec<(bool, Index, bool, Index, u8, Option<i32>)>,
}

type StateFacts = (Option<PartialDate>, Option<(bool, Option<PartialDate>)>);

/// An event: id, start, parties as (kind, which, role), and the rest.
type EventSpec = (
    String,
    Option<PartialDate>,
    Vec<(u8, Index, u8)>,
    EventExtras,
);

/// An event's length in days, links to other events of the spec (which,
/// relation), whether it has an outcome and a contact with a phone.
type EventExtras = (Option<u32>, Vec<(Index, u8)>, bool, bool);

#[derive(Clone, Debug)]
struct ProjectSpec {
    id: String,
    period: Period,
    states: Vec<CountryCode>,
    partners: Vec<(Index, u8)>,
    processes: Vec<Index>,
    amounts: Vec<Money>,
    months: Option<u32>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let project = (
        id_text(),
        period(),
        prop::collection::btree_set(country(), 0..4),
        prop::collection::vec((any::<Index>(), 0..3_u8), 0..3),
        prop::collection::vec(any::<Index>(), 0..2),
        prop::collection::vec(money(), 0..3),
        proptest::option::of(1..=36_u32),
    )
        .prop_map(
            |(id, period, states, partners, processes, amounts, months)| ProjectSpec {
                id,
                period,
                states: states.into_iter().collect(),
                partners,
                processes,
                amounts,
                months,
            },
        );
    let state_facts = prop::collection::vec(
        (
            proptest::option::of(partial_date()),
            proptest::option::of((any::<bool>(), proptest::option::of(partial_date()))),
        ),
        0..5,
    );
    (
        prop::collection::btree_set(country(), 0..5),
        prop::collection::btree_set(id_text(), 1..4),
        prop::collection::vec(
            (
                id_text(),
                proptest::option::of(partial_date()),
                prop::collection::vec(any::<Index>(), 0..2),
            ),
            1..4,
        ),
        prop::collection::vec(project, 0..5),
        prop::collection::vec(
            (
                id_text(),
                proptest::option::of(partial_date()),
                prop::collection::vec((0..3_u8, any::<Index>(), 0..5_u8), 0..4),
                (
                    proptest::option::of(1..=5_u32),
                    prop::collection::vec((any::<Index>(), 0..3_u8), 0..3),
                    any::<bool>(),
                    any::<bool>(),
                ),
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                any::<bool>(),
                any::<Index>(),
                any::<bool>(),
                any::<Index>(),
                0..3_u8,
                proptest::option::of(2031..2040_i32),
            ),
            0..6,
        ),
        state_facts,
    )
        .prop_map(
            |(states, partners, processes, projects, events, memberships, state_facts)| Spec {
                states: states.into_iter().collect(),
                state_facts,
                partners: partners.into_iter().collect(),
                processes,
                projects,
                events,
                memberships,
            },
        )
}

/// Adds the records of `spec` to a builder; records whose identifier is already taken are skipped.
fn builder(spec: &Spec) -> DatasetBuilder {
    let mut b = Dataset::builder();
    let no_facts = (None, None);
    for (i, &c) in spec.states.iter().enumerate() {
        let (presence, champion) = spec.state_facts.get(i).unwrap_or(&no_facts);
        let mut state = MemberState::builder(c)
            .status(migov::IomStatus::Member, None)
            .source(source());
        if let Some(d) = presence {
            state = state.iom_presence_since(*d);
        }
        if let Some((listed, as_of)) = champion {
            state = state.gcm_champion(*listed, *as_of);
        }
        let state = state.build().unwrap();
        b.add_member_state(state).unwrap();
    }
    let partners: Vec<PartnerId> = spec
        .partners
        .iter()
        .map(|p| PartnerId::new(p).unwrap())
        .collect();
    for p in &partners {
        let partner = Partner::builder(p.clone(), format!("Partner {p}"))
            .source(source())
            .build()
            .unwrap();
        b.add_partner(partner).unwrap();
    }
    let mut processes: Vec<ProcessId> = Vec::new();
    for (id, established, links) in &spec.processes {
        let id = ProcessId::new(id).unwrap();
        let mut p = Rcp::builder(id.clone(), format!("Process {id}")).source(source());
        if let Some(d) = established {
            p = p.established(*d);
        }
        let mut linked: Vec<&PartnerId> = links.iter().map(|i| i.get(&partners)).collect();
        linked.sort();
        linked.dedup();
        for l in linked {
            p = p.linked_organization(l.clone());
        }
        if b.add_process(p.build().unwrap()).is_ok() {
            processes.push(id);
        }
    }
    let roles = [
        ProjectRole::Funder,
        ProjectRole::Implementer,
        ProjectRole::Partner,
    ];
    for spec in &spec.projects {
        let mut p = Project::builder(ProjectId::new(&spec.id).unwrap(), "A project")
            .period(spec.period)
            .benefiting(spec.states.iter().copied())
            .source(source());
        let mut parties: Vec<(&PartnerId, u8)> = spec
            .partners
            .iter()
            .map(|(i, r)| (i.get(&partners), *r))
            .collect();
        parties.sort();
        parties.dedup();
        for (partner, role) in parties {
            p = p.organization(ProjectParty::new(
                partner.clone(),
                roles[role as usize].clone(),
            ));
        }
        if !processes.is_empty() {
            let mut related: Vec<&ProcessId> =
                spec.processes.iter().map(|i| i.get(&processes)).collect();
            related.sort();
            related.dedup();
            for r in related {
                p = p.related_process(r.clone());
            }
        }
        for m in &spec.amounts {
            p = p.amount(Amount::new(migov::codelist::AmountKind::Budget, *m));
        }
        if let Some(months) = spec.months {
            p = p.duration_months(months);
        }
        let _ = b.add_project(p.build().unwrap());
    }
    let event_roles = [
        EventRole::Organiser,
        EventRole::Host,
        EventRole::Funder,
        EventRole::Participant,
        EventRole::Collaborator,
    ];
    let relations = [
        EventRelation::FollowUpOf,
        EventRelation::PreparatoryTo,
        EventRelation::PartOf,
    ];
    // Every identifier of the spec's events names an event of the dataset
    // (the first record with that identifier).
    let event_ids: Vec<&String> = spec.events.iter().map(|e| &e.0).collect();
    for (id, start, parties, (days, related, outcome, contact)) in &spec.events {
        let mut e = Event::builder(EventId::new(id).unwrap(), "An event").source(source());
        if let Some(d) = start {
            e = e.start(EventDate::Known(*d));
        }
        if let Some(d) = days {
            e = e.duration_days(*d);
        }
        let mut links: Vec<(&String, u8)> = related
            .iter()
            .map(|(i, r)| (*i.get(&event_ids), *r))
            .filter(|(other, _)| *other != id)
            .collect();
        links.sort();
        links.dedup();
        for (other, r) in links {
            e = e.related_event(RelatedEvent::new(
                EventId::new(other).unwrap(),
                relations[r as usize].clone(),
            ));
        }
        if *outcome {
            e = e.outcome(Outcome::new("Declaration").with_kind(OutcomeKind::Declaration));
        }
        if *contact {
            e = e.contact(
                Person::new("A contact")
                    .with_honorific("Ambassador")
                    .with_phone("+227 20 75 25 07"),
            );
        }
        let mut list: Vec<(Party, u8)> = parties
            .iter()
            .filter_map(|(kind, i, role)| {
                let party = match kind {
                    0 if !spec.states.is_empty() => Party::State(*i.get(&spec.states)),
                    1 => Party::Partner(i.get(&partners).clone()),
                    _ if !processes.is_empty() => Party::Process(i.get(&processes).clone()),
                    _ => return None,
                };
                Some((party, *role))
            })
            .collect();
        list.sort();
        list.dedup_by(|a, b| a.0 == b.0);
        for (party, role) in list {
            e = e.party(EventParty::new(party, event_roles[role as usize].clone()));
        }
        let _ = b.add_event(e.build().unwrap());
    }
    // Roles without cross-record rules; periods after every establishment date.
    let membership_roles = [
        MembershipRole::Member,
        MembershipRole::Partner,
        MembershipRole::Secretariat,
    ];
    let mut seen = Vec::new();
    for (state_member, m, process_body, body, role, start) in &spec.memberships {
        let member = if *state_member && !spec.states.is_empty() {
            Party::State(*m.get(&spec.states))
        } else {
            Party::Partner(m.get(&partners).clone())
        };
        let body = if *process_body && !processes.is_empty() {
            Party::Process(body.get(&processes).clone())
        } else {
            Party::Partner(body.get(&partners).clone())
        };
        let role = membership_roles[*role as usize].clone();
        if member == body || seen.contains(&(member.clone(), body.clone(), role.clone())) {
            continue;
        }
        seen.push((member.clone(), body.clone(), role.clone()));
        let start = start.map(|y| PartialDate::year_only(y).unwrap());
        let membership = Membership::builder(member, body, role)
            .period(Period::new(start, None).unwrap())
            .source(source())
            .build()
            .unwrap();
        b.add_membership(membership);
    }
    b
}

fn dataset(spec: &Spec) -> Dataset {
    builder(spec)
        .build()
        .unwrap_or_else(|e| panic!("a generated dataset is invalid: {e}"))
}

/// Random valid datasets built through the public builders (for other modules' properties).
pub(crate) fn datasets() -> impl Strategy<Value = Dataset> {
    spec().prop_map(|s| dataset(&s))
}

/// Every party that appears in `d`, plus a few that do not.
fn parties(d: &Dataset) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    out.extend(d.member_states().iter().map(|s| Party::State(s.country())));
    out.extend(d.partners().iter().map(|p| Party::Partner(p.id().clone())));
    out.extend(d.processes().iter().map(|p| Party::Process(p.id().clone())));
    for m in d.memberships() {
        out.push(m.member().clone());
        out.push(m.body().clone());
    }
    for e in d.events() {
        out.extend(e.parties().iter().map(|p| p.party().clone()));
    }
    out.push(Party::State(CountryCode::from_alpha3("ATA").unwrap()));
    out.push(Party::Partner(PartnerId::new("NOT-HERE").unwrap()));
    out.sort();
    out.dedup();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The order in which records are added does not matter: added in
    /// reverse, or with memberships ordered by member (so that a body's
    /// memberships are no longer together), the same dataset results, with
    /// the same warnings.
    #[test]
    fn the_order_records_are_added_in_does_not_matter(spec in spec(), by_member in any::<bool>()) {
        let d = dataset(&spec);
        let mut b = Dataset::builder();
        for s in d.member_states().iter().rev() {
            b.add_member_state(s.clone()).unwrap();
        }
        for p in d.processes().iter().rev() {
            b.add_process(p.clone()).unwrap();
        }
        for p in d.partners().iter().rev() {
            b.add_partner(p.clone()).unwrap();
        }
        for p in d.projects().iter().rev() {
            b.add_project(p.clone()).unwrap();
        }
        for e in d.events().iter().rev() {
            b.add_event(e.clone()).unwrap();
        }
        let mut memberships: Vec<_> = d.memberships().iter().rev().cloned().collect();
        if by_member {
            memberships.sort_by(|a, b| a.member().cmp(b.member()));
        }
        for m in memberships {
            b.add_membership(m);
        }
        let again = b.build().unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(&again, &d);
        // Warnings name the place where a record was added, which differs;
        // what they say does not.
        let said = |d: &Dataset| {
            let mut v: Vec<_> = d.warnings().iter().map(|w| (w.rule(), w.message().to_owned())).collect();
            v.sort();
            v
        };
        prop_assert_eq!(said(&again), said(&d));
    }

    #[test]
    fn save_load_round_trips(spec in spec()) {
        let d = dataset(&spec);
        let saved = d.to_json_string();
        let loaded = Dataset::from_json_str(&saved)
            .unwrap_or_else(|e| panic!("saved dataset does not load: {e}\n{saved}"));
        prop_assert_eq!(&loaded, &d);
        prop_assert_eq!(loaded.to_json_string(), saved);
        // Records compare equal, and so does their text (Eq can hide 1.0 == 1.00).
        for (a, b) in loaded.projects().iter().zip(d.projects()) {
            for (x, y) in a.amounts().iter().zip(b.amounts()) {
                prop_assert_eq!(x.money().to_string(), y.money().to_string());
            }
        }
    }

    #[test]
    fn projects_benefiting_agrees_with_benefiting_states(spec in spec(), extra in country()) {
        let d = dataset(&spec);
        let mut states: Vec<CountryCode> = d.projects().iter()
            .flat_map(|p| p.benefiting_states().iter().copied())
            .collect();
        states.extend(d.member_states().iter().map(MemberState::country));
        states.push(extra);
        let all = ProjectFilter::default();
        for &state in &states {
            let found: Vec<&ProjectId> = d.projects_benefiting(state, &all).map(Project::id).collect();
            for project in d.projects() {
                let listed = project.benefiting_states().contains(&state);
                let returned = found.contains(&project.id());
                prop_assert_eq!(listed, returned, "{} and {}", state, project.id());
            }
            let mut unique = found.clone();
            unique.dedup();
            prop_assert_eq!(unique.len(), found.len(), "a project returned twice");
        }
    }

    #[test]
    fn membership_directions_agree(spec in spec()) {
        let d = dataset(&spec);
        let mut total_by_member = 0;
        let mut total_by_body = 0;
        for party in parties(&d) {
            let of: Vec<&Membership> = d.memberships_of(&party).collect();
            let mut expected: Vec<&Membership> = d.memberships().iter().filter(|m| *m.member() == party).collect();
            prop_assert_eq!(of.len(), expected.len());
            for m in &of {
                prop_assert!(expected.contains(m));
                // ... and the body side lists it too.
                prop_assert!(d.memberships_in(m.body()).any(|n| n == *m));
            }
            let within: Vec<&Membership> = d.memberships_in(&party).collect();
            expected = d.memberships().iter().filter(|m| *m.body() == party).collect();
            prop_assert_eq!(within.len(), expected.len());
            for m in &within {
                prop_assert!(expected.contains(m));
                prop_assert!(d.memberships_of(m.member()).any(|n| n == *m));
            }
            total_by_member += of.len();
            total_by_body += within.len();
        }
        prop_assert_eq!(total_by_member, d.memberships().len());
        prop_assert_eq!(total_by_body, d.memberships().len());
    }

    #[test]
    fn events_with_agrees_with_event_parties(spec in spec()) {
        let d = dataset(&spec);
        for party in parties(&d) {
            let found: Vec<&EventId> = d.events_with(&party, None).map(Event::id).collect();
            for event in d.events() {
                let listed = event.parties().iter().any(|p| *p.party() == party);
                prop_assert_eq!(listed, found.contains(&event.id()), "{} in {}", party, event.id());
                for p in event.parties() {
                    if *p.party() == party {
                        let in_role: Vec<&EventId> = d.events_with(&party, Some(p.role())).map(Event::id).collect();
                        prop_assert!(in_role.contains(&event.id()));
                    }
                }
            }
        }
    }

    #[test]
    fn certain_answers_are_possible_answers(spec in spec(), day in (2028..=2042_i32, 1..=12_u32, 1..=28_u32)) {
        let d = dataset(&spec);
        let (y, m, dd) = day;
        let as_day = PartialDate::ymd(y, m, dd).unwrap();
        let as_month = PartialDate::year_month(y, m).unwrap();
        let as_year = PartialDate::year_only(y).unwrap();
        for state in d.member_states().iter().map(MemberState::country) {
            let at = |on: PartialDate| -> (Vec<Membership>, Vec<Membership>) {
                let all: Vec<_> = d.processes_of(state, on).collect();
                let certain = all.iter().filter(|a| a.certainty().is_yes()).map(|a| a.item().clone()).collect();
                (certain, all.iter().map(|a| a.item().clone()).collect())
            };
            for a in d.processes_of(state, as_day) {
                prop_assert!(a.certainty().is_possible());
            }
            let (day_yes, day_all) = at(as_day);
            let (month_yes, month_all) = at(as_month);
            let (year_yes, year_all) = at(as_year);
            // Certain ⊆ possible, at each precision.
            for (yes, all) in [(&day_yes, &day_all), (&month_yes, &month_all), (&year_yes, &year_all)] {
                for m in yes {
                    prop_assert!(all.contains(m));
                }
            }
            // What holds (certainly or possibly) on a day holds the same way during its month and year.
            for m in &day_all { prop_assert!(month_all.contains(m)); }
            for m in &month_all { prop_assert!(year_all.contains(m)); }
            for m in &day_yes { prop_assert!(month_yes.contains(m)); }
            for m in &month_yes { prop_assert!(year_yes.contains(m)); }
        }
    }

    #[test]
    fn injected_dangling_references_are_each_reported(spec in spec(), kinds in prop::collection::vec(0..6_u8, 1..6)) {
        let mut b = builder(&spec);
        for (i, kind) in kinds.iter().enumerate() {
            let missing = format!("MISSING-{i}");
            let src = source();
            match kind {
                0 => {
                    let p = Project::builder(ProjectId::new(&format!("ZZ-PROJECT-{i}")).unwrap(), "t")
                        .benefiting_state(CountryCode::from_alpha3("SEN").unwrap())
                        .organization(ProjectParty::new(PartnerId::new(&missing).unwrap(), ProjectRole::Funder))
                        .source(src).build().unwrap();
                    b.add_project(p).unwrap();
                }
                1 => {
                    let p = Rcp::builder(ProcessId::new(&format!("ZZ-PROCESS-{i}")).unwrap(), "t")
                        .linked_organization(PartnerId::new(&missing).unwrap())
                        .source(src).build().unwrap();
                    b.add_process(p).unwrap();
                }
                2 => {
                    let e = Event::builder(EventId::new(&format!("ZZ-EVENT-{i}")).unwrap(), "t")
                        .party(EventParty::new(Party::Process(ProcessId::new(&missing).unwrap()), EventRole::Participant))
                        .source(src).build().unwrap();
                    b.add_event(e).unwrap();
                }
                3 => {
                    let e = Event::builder(EventId::new(&format!("ZZ-EVENT-{i}")).unwrap(), "t")
                        .related_project(ProjectId::new(&missing).unwrap())
                        .source(src).build().unwrap();
                    b.add_event(e).unwrap();
                }
                4 => {
                    let e = Event::builder(EventId::new(&format!("ZZ-EVENT-{i}")).unwrap(), "t")
                        .related_event(RelatedEvent::new(EventId::new(&missing).unwrap(), EventRelation::FollowUpOf))
                        .source(src).build().unwrap();
                    b.add_event(e).unwrap();
                }
                _ => {
                    let m = Membership::builder(
                        Party::State(CountryCode::from_alpha3("SEN").unwrap()),
                        Party::Process(ProcessId::new(&missing).unwrap()),
                        MembershipRole::Member,
                    ).source(src).build().unwrap();
                    b.add_membership(m);
                }
            }
        }
        let err = b.build().unwrap_err();
        let errors: Vec<_> = err.errors().collect();
        prop_assert!(errors.iter().all(|e| e.rule() == Rule::DanglingReference), "{}", err);
        prop_assert_eq!(errors.len(), kinds.len(), "{}", err);
        for i in 0..kinds.len() {
            let needle = format!("\"MISSING-{i}\"");
            prop_assert_eq!(errors.iter().filter(|e| e.message().contains(&needle)).count(), 1, "{}", err);
        }
    }

    #[test]
    fn a_failed_insert_changes_nothing(spec in spec(), which in 0..5_u8, pick in any::<Index>()) {
        let d = dataset(&spec);
        let mut b = d.to_builder();
        let before = b.clone();
        let result = match which {
            0 if !d.member_states().is_empty() => b.add_member_state(pick.get(d.member_states()).clone()).map(drop),
            1 => b.add_partner(pick.get(d.partners()).clone()).map(drop),
            2 => b.add_process(pick.get(d.processes()).clone()).map(drop),
            3 if !d.projects().is_empty() => b.add_project(pick.get(d.projects()).clone()).map(drop),
            4 if !d.events().is_empty() => b.add_event(pick.get(d.events()).clone()).map(drop),
            _ => b.add_partner(d.partners()[0].clone()).map(drop),
        };
        let err = result.unwrap_err();
        prop_assert!(err.to_string().contains(err.id()));
        prop_assert_eq!(b.counts(), before.counts());
        let after = b.build().unwrap();
        let expected = before.build().unwrap();
        prop_assert_eq!(&after, &expected);
        prop_assert_eq!(after.to_json_string(), d.to_json_string());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = Dataset::from_json_slice(&bytes);
    }

    #[test]
    fn arbitrary_json_like_text_never_panics(text in r#"[{}\[\]":,0-9a-z_ \-.e]{0,300}"#) {
        let _ = Dataset::from_json_str(&text);
        let _ = Dataset::from_json_str(&format!(r#"{{"schema_version": "1", "projects": [{text}]}}"#));
    }

    #[test]
    fn mutated_valid_file_never_panics(
        mutations in prop::collection::vec((any::<Index>(), any::<u8>()), 1..4),
    ) {
        let mut bytes = crate::util::data("valid.json").into_bytes();
        for (at, byte) in &mutations {
            let i = at.index(bytes.len());
            bytes[i] = *byte;
        }
        // Whatever loads saves and loads back to the same dataset.
        if let Ok(d) = Dataset::from_json_slice(&bytes) {
            let saved = d.to_json_string();
            prop_assert_eq!(Dataset::from_json_str(&saved).unwrap(), d);
        }
    }
}
