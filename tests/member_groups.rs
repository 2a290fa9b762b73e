//! Groups of states defined by another body as members (#24): "the member
//! states of the Colombo Process" are members of a dialogue, resolved
//! through the Colombo Process's own memberships.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use migov::codelist::MembershipRole;
use migov::{
    Body, CountryCode, Dataset, Membership, PartialDate, Party, Period, ProcessId, Rcp, Rule, Truth,
};
use proptest::prelude::*;

const IOM: &str = "https://www.iom.int/";

fn doc(processes: &str, partners: &str, memberships: &str) -> String {
    format!(
        r#"{{"schema_version": "1", "processes": {processes}, "partners": {partners}, "memberships": {memberships}}}"#
    )
}

#[track_caller]
fn load(text: &str) -> Dataset {
    match Dataset::from_json_str(text) {
        Ok(d) => d,
        Err(e) => panic!("refused:\n{e}"),
    }
}

fn process(id: &str) -> String {
    format!(r#"{{"id": "{id}", "name": "{id} process", "sources": ["{IOM}"]}}"#)
}

/// The Colombo Process (three members known, one of which left), and the
/// Abu Dhabi Dialogue, whose members include "the Colombo Process member
/// states" from 2008 and the United Arab Emirates directly. Memberships
/// still running say so (`"end": ".."`); an absent end is unknown.
fn colombo_and_add() -> String {
    let processes = format!("[{}, {}]", process("ADD"), process("CP"));
    let memberships = format!(
        r#"[
        {{"member": {{"state": "LKA"}}, "body": {{"process": "CP"}}, "role": "member", "start": "2003", "end": "..", "sources": ["{IOM}"]}},
        {{"member": {{"state": "NPL"}}, "body": {{"process": "CP"}}, "role": "member", "start": "2003-09", "end": "..", "sources": ["{IOM}"]}},
        {{"member": {{"state": "AFG"}}, "body": {{"process": "CP"}}, "role": "member", "start": "2003", "end": "2009", "sources": ["{IOM}"]}},
        {{"member": {{"state": "PHL"}}, "body": {{"process": "CP"}}, "role": "observer", "start": "2003", "end": "..", "sources": ["{IOM}"]}},
        {{"member": {{"members_of": {{"process": "CP"}}}}, "body": {{"process": "ADD"}}, "role": "member", "start": "2008", "end": "..", "sources": ["{IOM}"]}},
        {{"member": {{"state": "ARE"}}, "body": {{"process": "ADD"}}, "role": "member", "start": "2008", "end": "..", "sources": ["{IOM}"]}}
    ]"#
    );
    doc(&processes, "[]", &memberships)
}

fn state(code: &str) -> Party {
    Party::State(CountryCode::from_alpha3(code).unwrap())
}

fn pid(id: &str) -> ProcessId {
    ProcessId::new(id).unwrap()
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

#[test]
fn members_of_a_body_list_the_members_of_a_group_that_is_its_member() {
    let d = load(&colombo_and_add());
    let add = Party::Process(pid("ADD"));
    let answers: Vec<_> = d
        .members_of(&add, &MembershipRole::Member, date("2008-06"))
        .collect();
    let mut who: Vec<(String, Truth)> = answers
        .iter()
        .map(|a| (a.member().to_string(), a.certainty()))
        .collect();
    who.sort();
    // 2008-06: the group is a member from some time in 2008 (maybe), Sri
    // Lanka and Nepal certainly members of the Colombo Process, Afghanistan
    // too (until 2009); the Philippines observe it, so they are not members.
    assert_eq!(
        who,
        vec![
            ("state AFG".to_owned(), Truth::Maybe),
            ("state ARE".to_owned(), Truth::Maybe),
            ("state LKA".to_owned(), Truth::Maybe),
            ("state NPL".to_owned(), Truth::Maybe),
        ]
    );
    // An answer through the group: its item is the group's membership in the
    // Abu Dhabi Dialogue, `through` the state's in the Colombo Process.
    let lka = answers
        .iter()
        .find(|a| a.member() == &state("LKA"))
        .unwrap();
    assert_eq!(lka.item().body(), &add);
    assert_eq!(
        lka.item().member(),
        &Party::MembersOf(Body::Process(pid("CP")))
    );
    let through = lka.through().unwrap();
    assert_eq!(through.body(), &Party::Process(pid("CP")));
    assert_eq!(through.member(), &state("LKA"));
    let are = answers
        .iter()
        .find(|a| a.member() == &state("ARE"))
        .unwrap();
    assert!(are.through().is_none());

    // 2012: both certain for Sri Lanka; Afghanistan left in 2009.
    let later: Vec<(String, Truth)> = d
        .members_of(&add, &MembershipRole::Member, date("2012"))
        .map(|a| (a.member().to_string(), a.certainty()))
        .collect();
    assert!(later.contains(&("state LKA".to_owned(), Truth::Yes)));
    assert!(later.contains(&("state NPL".to_owned(), Truth::Yes)));
    assert!(!later.iter().any(|(w, _)| w == "state AFG"));
    // 2005: the group is not yet a member: nobody through it.
    let before: Vec<_> = d
        .members_of(&add, &MembershipRole::Member, date("2005"))
        .collect();
    assert!(before.is_empty());
}

#[test]
fn the_certainty_through_a_group_is_the_lesser_of_both() {
    let d = load(&colombo_and_add());
    let add = Party::Process(pid("ADD"));
    // In June 2009 the group (a member since 2008) certainly holds, and so
    // does Nepal's membership of the Colombo Process; Afghanistan's ends at
    // some time in 2009, so it is only maybe a member then, and so only
    // maybe a member of the Abu Dhabi Dialogue through the group.
    let in_2009: Vec<(String, Truth)> = d
        .members_of(&add, &MembershipRole::Member, date("2009-06"))
        .map(|a| (a.member().to_string(), a.certainty()))
        .collect();
    assert!(in_2009.contains(&("state AFG".to_owned(), Truth::Maybe)));
    assert!(in_2009.contains(&("state NPL".to_owned(), Truth::Yes)));
}

#[test]
fn processes_of_a_state_include_those_it_belongs_to_through_a_group() {
    let d = load(&colombo_and_add());
    let lka = CountryCode::from_alpha3("LKA").unwrap();
    let bodies: Vec<(String, String, Truth)> = d
        .processes_of(lka, date("2012"))
        .map(|a| {
            (
                a.item().body().to_string(),
                a.member().to_string(),
                a.certainty(),
            )
        })
        .collect();
    assert_eq!(
        bodies,
        vec![
            ("process CP".to_owned(), "state LKA".to_owned(), Truth::Yes),
            ("process ADD".to_owned(), "state LKA".to_owned(), Truth::Yes),
        ]
    );
    // The Philippines only observe the Colombo Process: not in the group.
    let phl = CountryCode::from_alpha3("PHL").unwrap();
    let bodies: Vec<String> = d
        .processes_of(phl, date("2012"))
        .map(|a| a.item().body().to_string())
        .collect();
    assert_eq!(bodies, vec!["process CP".to_owned()]);
    // memberships_of follows the group too (no date: every group membership
    // whose period may overlap the state's).
    let of_lka: Vec<String> = d
        .memberships_of(&state("LKA"))
        .map(|m| format!("{} in {}", m.member(), m.body()))
        .collect();
    assert_eq!(
        of_lka,
        vec![
            "state LKA in process CP".to_owned(),
            "the members of process CP in process ADD".to_owned(),
        ]
    );
    let of_group: Vec<_> = d
        .memberships_of(&Party::MembersOf(Body::Process(pid("CP"))))
        .collect();
    assert_eq!(of_group.len(), 1);
}

#[test]
fn a_group_round_trips_through_json() {
    let d = load(&colombo_and_add());
    let text = d.to_json_string();
    assert!(
        text.contains(r#""member":{"members_of":{"process":"CP"}}"#)
            || text.contains(r#""members_of": {"#),
        "{text}"
    );
    let back = load(&text);
    assert_eq!(back, d);
    assert_eq!(back.to_json_string(), text);
    // The party on its own, both ways.
    let group = Party::MembersOf(Body::Process(pid("CP")));
    let json = serde_json::to_string(&group).unwrap();
    assert_eq!(json, r#"{"members_of":{"process":"CP"}}"#);
    assert_eq!(serde_json::from_str::<Party>(&json).unwrap(), group);
    // A state or a group is not a body of a group.
    for bad in [
        r#"{"members_of":{"state":"LKA"}}"#,
        r#"{"members_of":{"members_of":{"process":"CP"}}}"#,
    ] {
        assert!(serde_json::from_str::<Party>(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_group_of_a_missing_body_is_a_dangling_reference_at_its_identifier() {
    let memberships = format!(
        r#"[{{"member": {{"members_of": {{"partner": "GCC"}}}}, "body": {{"process": "ADD"}}, "role": "member", "sources": ["{IOM}"]}}]"#
    );
    let text = doc(&format!("[{}]", process("ADD")), "[]", &memberships);
    let err = Dataset::from_json_str(&text).unwrap_err();
    let errors: Vec<_> = err.errors().collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert_eq!(errors[0].rule(), Rule::DanglingReference);
    assert_eq!(
        errors[0].pointer(),
        "/memberships/0/member/members_of/partner"
    );
    assert!(errors[0].message().contains("\"GCC\""), "{}", errors[0]);
    // With the partner, it loads.
    let partners =
        format!(r#"[{{"id": "GCC", "name": "Gulf Cooperation Council", "sources": ["{IOM}"]}}]"#);
    load(&doc(
        &format!("[{}]", process("ADD")),
        &partners,
        &memberships,
    ));
}

#[test]
fn groups_are_members_never_bodies_and_never_of_themselves() {
    let cp = Party::Process(pid("CP"));
    let group = Party::MembersOf(Body::Process(pid("CP")));
    let as_body = Membership::builder(state("LKA"), group.clone(), MembershipRole::Member)
        .build()
        .unwrap_err();
    assert!(as_body.errors().any(|i| i.rule() == Rule::InvalidValue));
    let of_itself = Membership::builder(group, cp, MembershipRole::Member)
        .build()
        .unwrap_err();
    assert!(of_itself.errors().any(|i| i.rule() == Rule::SelfMembership));
}

#[test]
fn a_group_of_a_body_that_has_a_group_among_its_members_is_refused() {
    let processes = format!("[{}, {}, {}]", process("A"), process("B"), process("C"));
    let memberships = format!(
        r#"[
        {{"member": {{"members_of": {{"process": "C"}}}}, "body": {{"process": "B"}}, "role": "member", "sources": ["{IOM}"]}},
        {{"member": {{"members_of": {{"process": "B"}}}}, "body": {{"process": "A"}}, "role": "member", "sources": ["{IOM}"]}}
    ]"#
    );
    let err = Dataset::from_json_str(&doc(&processes, "[]", &memberships)).unwrap_err();
    let errors: Vec<_> = err.errors().collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert_eq!(errors[0].rule(), Rule::NestedGroup);
    // The group of B's members (in A) is the refused one.
    assert!(
        errors[0].message().starts_with("the members of process B"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_chair_who_is_a_member_through_a_group_is_not_reported() {
    let processes = format!("[{}, {}]", process("ADD"), process("CP"));
    let memberships = format!(
        r#"[
        {{"member": {{"state": "LKA"}}, "body": {{"process": "CP"}}, "role": "member", "start": "2003", "sources": ["{IOM}"]}},
        {{"member": {{"members_of": {{"process": "CP"}}}}, "body": {{"process": "ADD"}}, "role": "member", "start": "2008", "sources": ["{IOM}"]}},
        {{"member": {{"state": "ARE"}}, "body": {{"process": "ADD"}}, "role": "member", "start": "2008", "sources": ["{IOM}"]}},
        {{"member": {{"state": "LKA"}}, "body": {{"process": "ADD"}}, "role": "chair", "start": "2012", "end": "2013", "sources": ["{IOM}"]}},
        {{"member": {{"state": "KEN"}}, "body": {{"process": "ADD"}}, "role": "chair", "start": "2014", "end": "2015", "sources": ["{IOM}"]}}
    ]"#
    );
    let d = load(&doc(&processes, "[]", &memberships));
    let chair_warnings: Vec<String> = d
        .warnings()
        .iter()
        .filter(|w| w.rule() == Rule::ChairNotListedMember)
        .map(|w| w.message().to_owned())
        .collect();
    // Sri Lanka is a member through the group; Kenya is not a member at all.
    assert_eq!(chair_warnings.len(), 1, "{chair_warnings:?}");
    assert!(chair_warnings[0].starts_with("state KEN"));
}

// ------------------------------------------------------- property: hand fold

/// A small world: states 0..4 in body G (process "G") and directly in body
/// T (process "T"), and groups of G in T, with periods from a few years.
#[derive(Clone, Debug)]
struct Spec {
    /// (state, body: 0 = G, 1 = T, role: 0 member / 1 observer, period)
    direct: Vec<(usize, usize, usize, Period)>,
    /// (role in T: 0 member / 1 observer, period)
    groups: Vec<(usize, Period)>,
}

const STATES: [&str; 4] = ["SEN", "MLI", "GHA", "NER"];

fn period() -> impl Strategy<Value = Period> {
    let bound = prop_oneof![
        Just(None),
        (2000i32..2006).prop_map(|y| Some(PartialDate::year_only(y).unwrap())),
        (2000i32..2006, 1u32..13).prop_map(|(y, m)| Some(PartialDate::year_month(y, m).unwrap())),
    ];
    (bound.clone(), bound).prop_filter_map("end before start", |(a, b)| Period::new(a, b).ok())
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec((0usize..4, 0usize..2, 0usize..2, period()), 0..10),
        prop::collection::vec((0usize..2, period()), 0..3),
    )
        .prop_map(|(direct, groups)| Spec { direct, groups })
}

fn role(r: usize) -> MembershipRole {
    if r == 0 {
        MembershipRole::Member
    } else {
        MembershipRole::Observer
    }
}

fn build(spec: &Spec) -> Option<Dataset> {
    let mut b = Dataset::builder();
    for id in ["G", "T"] {
        b.add_process(Rcp::builder(pid(id), id).build().unwrap())
            .unwrap();
    }
    let body = |k: usize| Party::Process(pid(if k == 0 { "G" } else { "T" }));
    for (s, k, r, p) in &spec.direct {
        b.add_membership(
            Membership::builder(state(STATES[*s]), body(*k), role(*r))
                .period(*p)
                .build()
                .unwrap(),
        );
    }
    for (r, p) in &spec.groups {
        b.add_membership(
            Membership::builder(Party::MembersOf(Body::Process(pid("G"))), body(1), role(*r))
                .period(*p)
                .build()
                .unwrap(),
        );
    }
    // Member and observer at once is refused: such worlds are skipped.
    b.build().ok()
}

/// An answer as the fold gives it: (member, item, through, certainty).
type Answer = (Party, Membership, Option<Membership>, Truth);

fn answers<'a>(it: impl Iterator<Item = migov::AsOf<'a, Membership>>) -> Vec<Answer> {
    let mut v: Vec<Answer> = it
        .map(|a| {
            (
                a.member().clone(),
                a.item().clone(),
                a.through().cloned(),
                a.certainty(),
            )
        })
        .collect();
    v.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    v
}

proptest! {
    /// `members_of` and `processes_of` agree with a fold over every
    /// membership, done by hand: direct memberships as recorded; for each
    /// group's membership, each member of the group's body on the date,
    /// with the lesser certainty of the two.
    #[test]
    fn group_answers_agree_with_a_hand_fold(spec in spec(), year in 1999i32..2008, r in 0usize..2) {
        let Some(d) = build(&spec) else { return Ok(()) };
        let on = PartialDate::year_only(year).unwrap();
        let role_asked = role(r);
        let t = Party::Process(pid("T"));
        let g = Party::Process(pid("G"));
        let holds = |m: &Membership| d.effective_period(m).contains(on);
        let all: Vec<&Membership> = d.memberships().iter().collect();

        let mut expected: Vec<Answer> = Vec::new();
        for m in &all {
            if m.body() != &t || m.role() != &role_asked || holds(m).is_no() {
                continue;
            }
            if m.member().is_group() {
                for inner in &all {
                    if inner.body() == &g && inner.role() == &MembershipRole::Member && holds(inner).is_possible() {
                        expected.push((inner.member().clone(), (*m).clone(), Some((*inner).clone()), holds(m).and(holds(inner))));
                    }
                }
            } else {
                expected.push((m.member().clone(), (*m).clone(), None, holds(m)));
            }
        }
        expected.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        prop_assert_eq!(answers(d.members_of(&t, &role_asked, on)), expected);

        for s in STATES {
            let code = CountryCode::from_alpha3(s).unwrap();
            let me = state(s);
            let mut expected: Vec<Answer> = Vec::new();
            for m in &all {
                if m.member() == &me && holds(m).is_possible() {
                    expected.push((me.clone(), (*m).clone(), None, holds(m)));
                }
                if m.member().is_group() && holds(m).is_possible() {
                    for inner in &all {
                        if inner.member() == &me && inner.body() == &g && inner.role() == &MembershipRole::Member && holds(inner).is_possible() {
                            expected.push((me.clone(), (*m).clone(), Some((*inner).clone()), holds(m).and(holds(inner))));
                        }
                    }
                }
            }
            expected.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            prop_assert_eq!(answers(d.processes_of(code, on)), expected);
        }
    }
}
