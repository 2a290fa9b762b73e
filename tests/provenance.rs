//! Provenance in answers: each answer gives the sources of the claims that
//! back it (never a parent record's whole list) and its certainty; a
//! "certain only" view of every date query is a subset of it, all certain.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use migov::codelist::MembershipRole;
use migov::{
    Alternative, Answer, Certain, Change, Claimed, CountryCode, Dataset, Dispute, IomStatus,
    MemberState, Membership, PartialDate, Party, ProcessId, Rcp, Source, StatusChange, Truth,
};

fn src(url: &str) -> Source {
    Source::new(url).unwrap()
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

/// Every source of `answer` is one of `allowed`, and every answer is sure
/// or possible, never "no".
fn backed_by<'a>(answer: &impl Answer<'a>, allowed: &[&Source], what: &str) {
    assert_ne!(answer.certainty(), Truth::No, "{what}");
    for s in answer.sources() {
        assert!(
            allowed.contains(&s),
            "{what}: {s:?} is not among {allowed:?}"
        );
    }
}

/// The certain answers are among all the answers, and all certain.
fn certain_subset<'a, A: Answer<'a> + PartialEq + std::fmt::Debug>(all: &[A], certain: &[A]) {
    for a in certain {
        assert_eq!(a.certainty(), Truth::Yes, "{a:?}");
        assert!(all.contains(a), "{a:?} is certain but not an answer");
    }
    let sure = all.iter().filter(|a| a.certainty().is_yes()).count();
    assert_eq!(certain.len(), sure);
}

/// MIDWA: a process record with its own source, two memberships with their
/// own, one of them contradicted, a group, and an establishment date that
/// sources give differently.
fn small() -> Dataset {
    let mut b = Dataset::builder();
    let midwa = ProcessId::new("MIDWA").unwrap();
    let ecowas = ProcessId::new("ECOWAS-P").unwrap();
    b.add_process(
        Rcp::builder(midwa.clone(), "Migration Dialogue for West Africa")
            .established(
                Claimed::new(date("2001")).with_alternative(
                    Alternative::new(date("2000-12"), vec![src("https://midwa.org/")])
                        .with_note("inaugurated in December 2000"),
                ),
            )
            .source(src("https://www.iom.int/midwa"))
            .source(src("https://midwa.org/"))
            .build()
            .unwrap(),
    )
    .unwrap();
    b.add_process(
        Rcp::builder(ecowas.clone(), "A group body")
            .source(src("https://example.org/group-body"))
            .build()
            .unwrap(),
    )
    .unwrap();
    let sen = Party::State(CountryCode::from_alpha3("SEN").unwrap());
    let gmb = Party::State(CountryCode::from_alpha3("GMB").unwrap());
    b.add_membership(
        Membership::builder(
            sen.clone(),
            Party::Process(midwa.clone()),
            MembershipRole::Member,
        )
        .period("2001/..".parse().unwrap())
        .source(src("https://www.iom.int/midwa-members"))
        .build()
        .unwrap(),
    );
    b.add_membership(
        Membership::builder(
            gmb.clone(),
            Party::Process(ecowas.clone()),
            MembershipRole::Member,
        )
        .period("2005/..".parse().unwrap())
        .source(src("https://example.org/gmb-in-group"))
        .build()
        .unwrap(),
    );
    b.add_membership(
        Membership::builder(
            Party::MembersOf(migov::Body::Process(ecowas)),
            Party::Process(midwa.clone()),
            MembershipRole::Observer,
        )
        .period("2010/..".parse().unwrap())
        .source(src("https://example.org/group-observes"))
        .source(src("https://example.org/contradicts"))
        .dispute(Dispute::new(
            "another page says the group does not observe",
            vec![src("https://example.org/contradicts")],
        ))
        .build()
        .unwrap(),
    );
    b.add_membership(
        Membership::builder(sen, Party::Process(midwa), MembershipRole::Chair)
            .period("2019/2019".parse().unwrap())
            .source(src("https://example.org/chair-2019"))
            .build()
            .unwrap(),
    );
    b.add_member_state(
        MemberState::builder(CountryCode::from_alpha3("SEN").unwrap())
            .status_change(
                StatusChange::new(IomStatus::Member, Some(date("1976")))
                    .with_source(src("https://www.iom.int/senegal-admission")),
            )
            .source(src("https://www.iom.int/senegal-admission"))
            .source(src("https://iom.int/eligible-member-states-line-2"))
            .build()
            .unwrap(),
    )
    .unwrap();
    b.build().unwrap()
}

#[test]
fn a_membership_answer_gives_the_membership_sources_not_the_body() {
    let data = small();
    let sen = CountryCode::from_alpha3("SEN").unwrap();
    let answers: Vec<_> = data.processes_of(sen, date("2019")).collect();
    assert_eq!(answers.len(), 2);
    for a in &answers {
        assert_eq!(a.sources(), a.item().sources().iter().collect::<Vec<_>>());
        assert!(!a.sources().contains(&&src("https://www.iom.int/midwa")));
    }
    let chair: Vec<_> = data
        .members_of(
            &Party::Process(ProcessId::new("MIDWA").unwrap()),
            &MembershipRole::Chair,
            date("2019"),
        )
        .collect();
    assert_eq!(chair.len(), 1);
    assert_eq!(chair[0].sources(), [&src("https://example.org/chair-2019")]);
    // A service's JSON answer carries the same sources.
    let json = serde_json::to_value(chair[0]).unwrap();
    assert_eq!(
        json["sources"],
        serde_json::to_value(chair[0].sources()).unwrap()
    );
    assert_eq!(json["sources"][0], "https://example.org/chair-2019");
}

#[test]
fn through_a_group_both_memberships_back_the_answer_less_the_contradicting_page() {
    let data = small();
    let midwa = Party::Process(ProcessId::new("MIDWA").unwrap());
    let observers: Vec<_> = data
        .members_of(&midwa, &MembershipRole::Observer, date("2015"))
        .collect();
    assert_eq!(observers.len(), 1);
    assert_eq!(
        observers[0].sources(),
        [
            &src("https://example.org/group-observes"),
            &src("https://example.org/gmb-in-group")
        ]
    );
    // The path answer says the same, link by link.
    let gmb = Party::State(CountryCode::from_alpha3("GMB").unwrap());
    let reached = data.bodies_of(&gmb, date("2015"), 2);
    let to_midwa = reached.iter().find(|r| r.body() == &midwa).unwrap();
    assert_eq!(to_midwa.sources().len(), 2);
    assert!(
        !to_midwa
            .sources()
            .contains(&&src("https://example.org/contradicts"))
    );
}

#[test]
fn a_claim_with_competing_values_keeps_each_value_sources() {
    let data = small();
    let changes = data.changes_between(date("2000"), date("2001"));
    let established = changes
        .iter()
        .find(|c| matches!(c, Change::Established { .. }))
        .unwrap();
    // The IOM page gives 2001; midwa.org gives December 2000 and is not
    // counted for 2001.
    assert_eq!(established.sources(), [&src("https://www.iom.int/midwa")]);
    let disputes = data.disputes();
    let midwa = disputes
        .iter()
        .find(|d| d.field() == "established")
        .unwrap();
    assert_eq!(
        midwa.claims()[0].sources(),
        [&src("https://www.iom.int/midwa")]
    );
    assert_eq!(midwa.claims()[1].sources(), [&src("https://midwa.org/")]);
    // The contested membership: its own page for it, the other page against.
    let contested = disputes.iter().find(|d| d.field() == "membership").unwrap();
    assert_eq!(
        contested.claims()[0].sources(),
        [&src("https://example.org/group-observes")]
    );
    assert_eq!(
        contested.claims()[1].sources(),
        [&src("https://example.org/contradicts")]
    );
}

#[test]
fn an_admission_gives_the_step_sources_not_the_state_record() {
    let data = small();
    let sen = data
        .member_state(CountryCode::from_alpha3("SEN").unwrap())
        .unwrap();
    let taken: Vec<_> = data
        .took_status_between(IomStatus::Member, date("1970"), date("1980"))
        .collect();
    assert_eq!(taken.len(), 1);
    assert_eq!(
        taken[0].sources(),
        [&src("https://www.iom.int/senegal-admission")]
    );
    assert!(sen.sources().len() > taken[0].sources().len());
    let held: Vec<_> = sen.status_on(IomStatus::Member, date("1976-05")).collect();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].certainty(), Truth::Maybe);
    assert_eq!(held[0].sources(), taken[0].sources());
    assert_eq!(sen.is_member_on(date("1976-05")), Truth::Maybe);
    assert_eq!(
        sen.status_on(IomStatus::Member, date("1976-05"))
            .certain()
            .count(),
        0
    );
    assert_eq!(
        sen.status_on(IomStatus::Member, date("1990"))
            .certain()
            .count(),
        1
    );
    // A step's own sources survive the dataset format.
    let again = Dataset::from_json_str(&data.to_json_string()).unwrap();
    assert_eq!(again, data);
    let step = &again
        .member_state(CountryCode::from_alpha3("SEN").unwrap())
        .unwrap()
        .status_history()[0];
    assert_eq!(
        step.sources(),
        [src("https://www.iom.int/senegal-admission")]
    );
}

#[test]
fn certain_only_on_the_small_dataset() {
    let data = small();
    let midwa = Party::Process(ProcessId::new("MIDWA").unwrap());
    // "from 2001" is only possible in June 2001 (it may have begun later),
    // certain in 2002.
    let sen = CountryCode::from_alpha3("SEN").unwrap();
    assert_eq!(data.processes_of(sen, date("2001-06")).count(), 1);
    assert_eq!(data.processes_of(sen, date("2001-06")).certain().count(), 0);
    assert_eq!(data.processes_of(sen, date("2002")).certain().count(), 1);
    let all = data.members_through(&midwa, &MembershipRole::Observer, date("2010"), 3);
    let certain: Vec<_> = all.clone().into_iter().certain().collect();
    assert!(!all.is_empty());
    certain_subset(&all, &certain);
}

#[cfg(feature = "reference-data")]
mod reference {
    use super::*;

    fn years() -> impl Iterator<Item = PartialDate> {
        [
            "1995", "2001", "2005", "2010", "2015", "2019", "2021", "2024", "2024-06",
        ]
        .into_iter()
        .map(date)
    }

    /// The membership's sources, less those of its dispute.
    fn own(m: &Membership) -> Vec<&Source> {
        m.sources()
            .iter()
            .filter(|s| m.dispute().is_none_or(|d| !d.sources().contains(s)))
            .collect()
    }

    #[test]
    fn membership_answers_cite_their_memberships_only() {
        let data = migov::reference::dataset().unwrap();
        let mut answers = 0;
        let mut cited = 0;
        let mut states: Vec<CountryCode> = data
            .memberships()
            .iter()
            .filter_map(|m| match m.member() {
                Party::State(c) => Some(*c),
                _ => None,
            })
            .collect();
        states.sort();
        states.dedup();
        for on in years() {
            for &state in &states {
                let all: Vec<_> = data.processes_of(state, on).collect();
                for a in &all {
                    let mut allowed = own(a.item());
                    allowed.extend(a.through().map(own).unwrap_or_default());
                    backed_by(a, &allowed, &format!("{state} {on}"));
                    answers += 1;
                    cited += usize::from(!a.sources().is_empty());
                }
                let certain: Vec<_> = data.processes_of(state, on).certain().collect();
                certain_subset(&all, &certain);
            }
            for p in data.processes() {
                let body = Party::Process(p.id().clone());
                for role in [
                    MembershipRole::Member,
                    MembershipRole::Chair,
                    MembershipRole::Observer,
                ] {
                    let all: Vec<_> = data.members_of(&body, &role, on).collect();
                    for a in &all {
                        let mut allowed = own(a.item());
                        allowed.extend(a.through().map(own).unwrap_or_default());
                        backed_by(a, &allowed, &format!("{body} {role} {on}"));
                        // The body's record is never cited for it, unless
                        // the membership names the same page.
                        for s in a.sources() {
                            assert!(
                                !p.sources().contains(s)
                                    || a.item().sources().contains(s)
                                    || a.through().is_some_and(|t| t.sources().contains(s))
                            );
                        }
                        answers += 1;
                        cited += usize::from(!a.sources().is_empty());
                    }
                    let certain: Vec<_> = data.members_of(&body, &role, on).certain().collect();
                    certain_subset(&all, &certain);
                }
                let reached = data.members_through(&body, &MembershipRole::Member, on, 3);
                for r in &reached {
                    let allowed: Vec<&Source> = r.path().iter().flat_map(|m| own(m)).collect();
                    backed_by(r, &allowed, &r.to_string());
                }
                let certain: Vec<_> = reached.clone().into_iter().certain().collect();
                certain_subset(&reached, &certain);
            }
        }
        assert!(answers > 100, "{answers} answers");
        // Every record of the reference dataset names a source, so every
        // answer cites one.
        assert_eq!(cited, answers, "{cited} of {answers} answers cite a source");
    }

    #[test]
    fn chair_terms_cite_the_chair_membership() {
        let data = migov::reference::dataset().unwrap();
        let mut terms = 0;
        for p in data.processes() {
            for term in data.chair_history(&Party::Process(p.id().clone())) {
                match term {
                    migov::ChairTerm::Chair(m) => {
                        assert_eq!(term.sources(), own(m));
                        terms += 1;
                    }
                    _ => assert!(term.sources().is_empty()),
                }
            }
        }
        assert!(terms > 0);
    }

    #[test]
    fn events_cite_their_date_and_changes_their_claims() {
        let data = migov::reference::dataset().unwrap();
        for on in years() {
            let all: Vec<_> = data.events_during(on).collect();
            for a in &all {
                let e = a.item();
                // Never a page that gives only another date.
                let others: Vec<&Source> = e
                    .start()
                    .map(|c| c.alternatives().iter().flat_map(|x| x.sources()).collect())
                    .unwrap_or_default();
                let named: Vec<&Source> = e
                    .start()
                    .map(|c| c.sources().iter().collect())
                    .unwrap_or_default();
                let allowed: Vec<&Source> = e
                    .sources()
                    .iter()
                    .chain(named.iter().copied())
                    .filter(|s| named.contains(s) || !others.contains(s))
                    .collect();
                backed_by(a, &allowed, e.id().as_str());
            }
            let certain: Vec<_> = data.events_during(on).certain().collect();
            certain_subset(&all, &certain);
        }
        let changes = data.changes_between(date("1950"), date("2026"));
        assert!(changes.len() > 50, "{}", changes.len());
        for c in &changes {
            let allowed: Vec<&Source> = match c {
                Change::Iom(t) => t.step().sources().iter().collect(),
                Change::Established { body, .. } | Change::Status { body, .. } => {
                    let (record, claim) = match body {
                        Party::Process(id) => {
                            let p = data.process(id).unwrap();
                            (p.sources(), p.established())
                        }
                        Party::Partner(id) => {
                            let p = data.partner(id).unwrap();
                            (p.sources(), p.established())
                        }
                        other => panic!("{other}"),
                    };
                    let others: Vec<&Source> = claim
                        .map(|c| c.alternatives().iter().flat_map(|a| a.sources()).collect())
                        .unwrap_or_default();
                    match c {
                        Change::Established { .. } => record
                            .iter()
                            .filter(|s| !others.contains(s))
                            .chain(claim.map(|c| c.sources()).unwrap_or_default())
                            .collect(),
                        _ => record.iter().collect(),
                    }
                }
                Change::ChairHandover { from, to, .. } => {
                    let mut v = own(to);
                    v.extend(from.map(own).unwrap_or_default());
                    v
                }
                Change::Membership(m) => own(m.membership()),
                _ => Vec::new(),
            };
            backed_by(c, &allowed, &c.to_string());
        }
        let certain: Vec<_> = changes.clone().into_iter().certain().collect();
        certain_subset(&changes, &certain);
        let window: Vec<_> = data
            .membership_changes(date("2000"), date("2020"))
            .collect();
        for c in &window {
            backed_by(c, &own(c.membership()), "membership change");
        }
        let certain: Vec<_> = data
            .membership_changes(date("2000"), date("2020"))
            .certain()
            .collect();
        certain_subset(&window, &certain);
        let admitted: Vec<_> = data
            .took_status_between(IomStatus::Member, date("1950"), date("2026"))
            .collect();
        assert!(!admitted.is_empty());
        for t in &admitted {
            let step: Vec<&Source> = t.step().sources().iter().collect();
            backed_by(t, &step, t.state().name());
        }
        let certain: Vec<_> = data
            .took_status_between(IomStatus::Member, date("1950"), date("2026"))
            .certain()
            .collect();
        certain_subset(&admitted, &certain);
    }

    #[test]
    fn disputed_facts_keep_each_value_sources() {
        let data = migov::reference::dataset().unwrap();
        let disputes = data.disputes();
        let mut checked = 0;
        for p in data.processes() {
            let Some(claim) = p.established().filter(|c| c.is_disputed()) else {
                continue;
            };
            let subject = format!("process {}", p.id());
            let fact = disputes
                .iter()
                .find(|d| d.subject() == subject && d.field() == "established")
                .unwrap();
            let others: Vec<&Source> = claim
                .alternatives()
                .iter()
                .flat_map(|a| a.sources())
                .collect();
            for s in fact.claims()[0].sources() {
                assert!(p.sources().contains(s) || claim.sources().contains(s));
                assert!(
                    claim.sources().contains(s) || !others.contains(s),
                    "{subject}: {s:?} gives another value"
                );
            }
            assert_eq!(fact.claims().len(), claim.alternatives().len() + 1);
            for (view, alt) in fact.claims()[1..].iter().zip(claim.alternatives()) {
                assert_eq!(view.sources(), alt.sources().iter().collect::<Vec<_>>());
            }
            checked += 1;
        }
        assert!(checked >= 2, "{checked} disputed establishment dates");
    }

    #[test]
    fn the_reference_dataset_has_no_cycle_of_related_events() {
        let data = migov::reference::dataset().unwrap();
        let cycles: Vec<_> = data
            .warnings()
            .iter()
            .filter(|w| w.rule() == migov::Rule::EventRelatedCycle)
            .map(|w| w.message().to_owned())
            .collect();
        assert!(cycles.is_empty(), "{cycles:#?}");
        // Not for want of links: the reference relates events to each other.
        assert!(data.events().iter().any(|e| !e.related_events().is_empty()));
    }
}
