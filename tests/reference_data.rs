//! The embedded reference dataset, checked through the public API against the
//! facts of the source pages (expected values are copied from the sources, not
//! recomputed by the code under test).

#![cfg(feature = "reference-data")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../tools/reference_convert.rs"]
#[allow(dead_code)]
mod convert;

use std::path::PathBuf;

use migov::codelist::{
    Coverage, EventRelation, EventRole, MembershipRole, OutcomeKind, ProjectRole, ProjectStatus,
};
use migov::{CountryCode, Dataset, IomStatus, PartnerId, Party, ProcessId, ProjectFilter, Truth};

fn data() -> &'static Dataset {
    match migov::reference::dataset() {
        Ok(d) => d,
        Err(e) => panic!("the reference dataset does not load:\n{e}"),
    }
}

fn codes(list: &[&str]) -> Vec<CountryCode> {
    list.iter()
        .map(|c| CountryCode::from_alpha3(c).unwrap())
        .collect()
}

#[test]
fn loads_without_errors_and_every_record_has_a_source() {
    let d = data();
    assert!(d.member_states().iter().all(|r| !r.sources().is_empty()));
    assert!(d.processes().iter().all(|r| !r.sources().is_empty()));
    assert!(d.partners().iter().all(|r| !r.sources().is_empty()));
    assert!(d.projects().iter().all(|r| !r.sources().is_empty()));
    assert!(d.events().iter().all(|r| !r.sources().is_empty()));
    assert!(d.memberships().iter().all(|r| !r.sources().is_empty()));
    assert!(
        d.warnings()
            .iter()
            .all(|w| w.rule() != migov::Rule::NoSource)
    );
}

#[test]
fn committed_file_is_what_the_converter_produces() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let reference_dir = root.join("../shared/reference");
    if !reference_dir.is_dir() {
        eprintln!("skipped: {} is not present", reference_dir.display());
        return;
    }
    let built = convert::build(&root, &reference_dir).unwrap();
    assert!(
        built == migov::reference::JSON,
        "data/reference.json is stale: run `cargo run --example build_reference`"
    );
}

#[test]
fn committed_file_is_canonical() {
    assert_eq!(data().to_json_string(), migov::reference::JSON);
}

#[test]
fn counts_per_kind() {
    let d = data();
    let members = d
        .member_states()
        .iter()
        .filter(|s| s.current_status() == Some(IomStatus::Member))
        .count();
    let observers = d
        .member_states()
        .iter()
        .filter(|s| s.current_status() == Some(IomStatus::Observer))
        .count();
    assert_eq!(members, 175);
    assert_eq!(observers, 8);
    assert_eq!(d.processes().len(), 26);
    // 26 partner records of the reference files, plus those created for
    // organisations that the processes and the seed pages name.
    assert!(d.partners().len() >= 26);
    for id in [
        "UNODC", "UNDP", "UNICEF", "UNHCR", "WFP", "UNFPA", "UN-WOMEN", "ILO", "UNAIDS", "OHCHR",
        "ECOWAS", "ECCAS", "G5-SAHEL", "GOV-JPN", "PRM", "GOV-NLD", "IOM",
    ] {
        let id = migov::PartnerId::new(id).unwrap();
        assert!(d.partner(&id).is_some(), "partner {id} is missing");
    }
}

#[test]
fn project_e40_800_holds_every_fact_of_its_page() {
    let p = data()
        .project(&migov::ProjectId::new("E40-800").unwrap())
        .unwrap();
    assert_eq!(
        p.title(),
        "International Migration Policy (IMP) Workshop - West Africa"
    );
    assert_eq!(p.idf_code().map(|c| c.as_str()), Some("E40-800"));
    assert_eq!(p.status(), Some(&ProjectStatus::Completed));
    assert_eq!(
        p.project_type().map(|t| t.as_str()),
        Some("migration_policy_activities")
    );
    assert_eq!(p.period().to_string(), "2001");
    assert_eq!(p.year(), Some(2001));
    assert_eq!(
        p.budget().map(|m| m.to_string()).as_deref(),
        Some("32000.00 USD")
    );
    assert_eq!(p.coverage(), Some(&Coverage::Regional));
    assert_eq!(p.idf_region().map(|r| r.as_str()), Some("africa"));
    let expected = codes(&[
        "BEN", "BFA", "CPV", "GMB", "GIN", "GNB", "LBR", "MLI", "SEN", "SLE",
    ]);
    let mut got = p.benefiting_states().to_vec();
    got.sort();
    let mut want = expected.clone();
    want.sort();
    assert_eq!(got, want);
    // Both directions of the index agree for this project.
    for state in expected {
        assert!(
            data()
                .projects_benefiting(state, &ProjectFilter::default())
                .any(|q| q.id() == p.id())
        );
    }
}

#[test]
fn the_dakar_ministerial_meeting_of_october_2000_is_recorded() {
    let d = data();
    let meeting = d
        .events_in_country(CountryCode::from_alpha3("SEN").unwrap())
        .find(|e| e.start().map(|s| s.value().to_string()) == Some("2000-10".to_owned()));
    let meeting = meeting.expect("no event in Senegal in October 2000");
    // It produced the Dakar declaration and follow-up documents: outcomes, not notes.
    let outcomes: Vec<_> = meeting
        .outcomes()
        .iter()
        .map(|o| (o.title(), o.kind()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("Dakar declaration", Some(&OutcomeKind::Declaration)),
            ("Follow-up documents", Some(&OutcomeKind::FollowUpDocument)),
        ]
    );
    assert!(meeting.notes().is_empty());
}

#[test]
fn the_imp_seminar_follows_up_the_dakar_meeting() {
    let d = data();
    let seminar = d
        .event(&migov::EventId::new("IMP-SEMINAR-WEST-AFRICA").unwrap())
        .unwrap();
    let followed: Vec<_> = seminar
        .related_events_in(&EventRelation::FollowUpOf)
        .collect();
    assert_eq!(followed.len(), 1);
    // The reference resolves to the meeting of October 2000 in Dakar.
    let meeting = d.event(followed[0]).unwrap();
    assert_eq!(meeting.city(), Some("Dakar"));
    assert_eq!(
        meeting.period().map(|p| p.to_string()).as_deref(),
        Some("2000-10")
    );
    // "in cooperation with the Government of Senegal".
    let senegal = Party::State(CountryCode::from_alpha3("SEN").unwrap());
    assert!(
        d.events_with(&senegal, Some(&EventRole::Collaborator))
            .any(|e| e.id() == seminar.id())
    );
    assert!(
        d.events_with(&senegal, Some(&EventRole::Supporter))
            .all(|e| e.id() != seminar.id())
    );
}

#[test]
fn niamey_workshop_belongs_to_the_japan_funded_project() {
    let d = data();
    let niamey = d
        .events_in_country(CountryCode::from_alpha3("NER").unwrap())
        .find(|e| e.city() == Some("Niamey"))
        .unwrap();
    // "a two-day regional workshop", 29-30 July 2015: no mismatch warning.
    assert_eq!(niamey.duration_days(), Some(2));
    assert_eq!(
        niamey.period().map(|p| p.to_string()).as_deref(),
        Some("2015-07-29/2015-07-30")
    );
    assert!(niamey.warnings().is_empty(), "{:?}", niamey.warnings());
    let casaseca = niamey
        .contacts()
        .iter()
        .find(|p| p.name() == "Paloma Casaseca")
        .unwrap();
    assert_eq!(casaseca.phones(), ["+227 20 75 25 07", "+227 98 87 17 31"]);
    let project = d.project(&niamey.related_projects()[0]).unwrap();
    // "The 12-month IOM project", April 2015 to March 2016.
    assert_eq!(project.duration_months(), Some(12));
    assert_eq!(project.period().to_string(), "2015-04/2016-03");
    assert!(project.warnings().is_empty(), "{:?}", project.warnings());
    let funders: Vec<_> = project
        .partners_in_role(&ProjectRole::Funder)
        .map(|p| p.as_str())
        .collect();
    assert_eq!(funders, ["GOV-JPN"]);
    let mut states = project.benefiting_states().to_vec();
    states.sort();
    let mut want = codes(&["MLI", "NER", "MRT", "BFA"]);
    want.sort();
    assert_eq!(states, want);
    assert!(
        d.events_of_project(project.id())
            .any(|e| e.id() == niamey.id())
    );
}

#[test]
fn banjul_dialogue_has_co_chairs_funders_processes_and_speakers() {
    let d = data();
    let banjul = d
        .events_in_country(CountryCode::from_alpha3("GMB").unwrap())
        .find(|e| e.city() == Some("Banjul"))
        .unwrap();
    // The page gives "25 July" without a year; the year 2024 is only an inferred alternative.
    let start = banjul.start().unwrap();
    assert_eq!(start.value().to_string(), "--07-25");
    assert!(start.is_disputed());
    let co_chairs: Vec<_> = banjul
        .parties_in_role(&EventRole::CoChair)
        .map(|p| p.party().id_str().to_owned())
        .collect();
    assert_eq!(co_chairs.len(), 2);
    assert!(co_chairs.contains(&"IOM".to_owned()) && co_chairs.contains(&"OHCHR".to_owned()));
    let funders: Vec<_> = banjul.parties_in_role(&EventRole::Funder).collect();
    assert_eq!(funders.len(), 2);
    let programmes: Vec<_> = funders.iter().filter_map(|f| f.programme()).collect();
    assert!(programmes.contains(&"PROMIS"));
    let processes = banjul
        .parties()
        .iter()
        .filter(|p| matches!(p.party(), Party::Process(_)))
        .count();
    assert!(
        processes >= 8,
        "the page names eight processes and the ARCP through LAS"
    );
    assert_eq!(banjul.speakers().len(), 3);
    assert!(
        banjul
            .parties()
            .iter()
            .any(|p| p.party() == &Party::State(CountryCode::from_alpha3("GMB").unwrap()))
    );
    let ohchr = Party::Partner(PartnerId::new("OHCHR").unwrap());
    assert!(
        d.events_with(&ohchr, Some(&EventRole::CoChair))
            .any(|e| e.id() == banjul.id())
    );
    // "a two-day dialogue": the length, without an end date.
    assert_eq!(banjul.duration_days(), Some(2));
    assert_eq!(banjul.end(), None);
    // "in coordination with the Government of the Gambia".
    let gambia = Party::State(CountryCode::from_alpha3("GMB").unwrap());
    assert!(
        d.events_with(&gambia, Some(&EventRole::Collaborator))
            .any(|e| e.id() == banjul.id())
    );
    let yabou = banjul
        .speakers()
        .iter()
        .find(|p| p.name() == "Lang Yabou")
        .unwrap();
    assert_eq!(
        (yabou.honorific(), yabou.title()),
        (Some("Ambassador"), Some("Permanent Secretary"))
    );
    let [report] = banjul.outcomes() else {
        panic!("one outcome expected");
    };
    assert_eq!(report.kind(), Some(&OutcomeKind::Report));
}

#[test]
fn the_gambia_hosts_iom_since_2001_and_is_a_gcm_champion() {
    let gambia = data()
        .member_state(CountryCode::from_alpha3("GMB").unwrap())
        .unwrap();
    assert_eq!(
        gambia
            .iom_presence_since()
            .map(|d| d.to_string())
            .as_deref(),
        Some("2001")
    );
    // The champion list of November 2023 dates the flag; the Banjul page
    // (undated) agrees with it.
    let champion = gambia.gcm_champion().unwrap();
    assert!(champion.value());
    assert_eq!(
        champion.as_of().map(|d| d.to_string()).as_deref(),
        Some("2023-11")
    );
    // IOM's presence is on the member state, not in a note of IOM.
    let iom = data()
        .partner(&migov::PartnerId::new("IOM").unwrap())
        .unwrap();
    assert!(iom.notes().iter().all(|n| !n.contains("since 2001")));
}

#[test]
fn council_session_of_december_2008_has_its_agenda() {
    let council = data()
        .event(&migov::EventId::new("IOM-COUNCIL-96").unwrap())
        .unwrap();
    assert_eq!(
        council.period().map(|p| p.to_string()).as_deref(),
        Some("2008-12-02/2008-12-05")
    );
    let days: Vec<_> = council
        .agenda()
        .iter()
        .map(|d| d.date().to_string())
        .collect();
    assert_eq!(
        days,
        ["2008-12-02", "2008-12-03", "2008-12-04", "2008-12-05"]
    );
    let thursday = &council.agenda()[2];
    let morning = &thursday.sessions()[0];
    assert_eq!(
        (
            morning.start().unwrap().to_string(),
            morning.end().map(|e| e.to_string())
        ),
        ("10:00".to_owned(), Some("13:00".to_owned()))
    );
    let names: Vec<_> = morning
        .panellists()
        .map(|p| p.person().name().to_owned())
        .collect();
    assert_eq!(names, ["Vandi Minah", "Alfonso Lopez", "Lolita Maguigad"]);
    let afternoon = &thursday.sessions()[1];
    // The first line of the afternoon panel names two people and one topic.
    assert_eq!(afternoon.panel()[0].panellists().len(), 2);
    assert_eq!(
        afternoon.panel()[0].topic(),
        Some("Global Forum on Migration and Development")
    );
    let friday = &council.agenda()[3];
    assert_eq!(
        friday.sessions()[0].end().map(|t| t.to_string()).as_deref(),
        Some("12:45")
    );
}

#[test]
fn nine_un_partners_of_iom_in_west_and_central_africa() {
    let d = data();
    let iom = Party::Partner(PartnerId::new("IOM").unwrap());
    let mut partners: Vec<_> = d
        .memberships_in(&iom)
        .filter(|m| {
            *m.role() == MembershipRole::Partner && m.scope() == Some("West and Central Africa")
        })
        .map(|m| m.member().id_str().to_owned())
        .collect();
    partners.sort();
    assert_eq!(
        partners,
        [
            "ILO", "UN-WOMEN", "UNAIDS", "UNDP", "UNFPA", "UNHCR", "UNICEF", "UNODC", "WFP"
        ]
    );
}

#[test]
fn midwa_and_midcas_are_linked_to_ecowas_and_eccas() {
    let d = data();
    assert_eq!(
        d.process(&migov::ProcessId::new("MIDWA").unwrap())
            .unwrap()
            .linked_organizations()[0]
            .as_str(),
        "ECOWAS"
    );
    assert_eq!(
        d.process(&migov::ProcessId::new("MIDCAS").unwrap())
            .unwrap()
            .linked_organizations()[0]
            .as_str(),
        "ECCAS"
    );
    // ECOWAS is a member organisation of MIDWA.
    let midwa = Party::Process(ProcessId::new("MIDWA").unwrap());
    assert!(
        d.memberships_in(&midwa)
            .any(|m| m.member() == &Party::Partner(PartnerId::new("ECOWAS").unwrap()))
    );
    // IOM works on the implementation of both: a partner of each.
    let iom = Party::Partner(PartnerId::new("IOM").unwrap());
    for process in ["MIDWA", "MIDCAS"] {
        let body = Party::Process(ProcessId::new(process).unwrap());
        assert!(
            d.memberships_in(&body)
                .any(|m| m.member() == &iom && *m.role() == MembershipRole::Partner),
            "IOM is no partner of {process}"
        );
    }
}

#[test]
fn names_and_aliases_resolve() {
    let d = data();
    let one = |name: &str| -> String {
        match d.resolve_name(name).first() {
            Some(migov::NameMatch::Process(p)) => p.id().to_string(),
            Some(migov::NameMatch::Partner(p)) => p.id().to_string(),
            Some(migov::NameMatch::State(c, _)) => c.to_string(),
            _ => String::new(),
        }
    };
    assert_eq!(one("Puebla Process"), "RCM");
    assert_eq!(one("DIMAC"), "MIDCAS");
    assert_eq!(one("Ivory Coast"), "CIV");
    assert_eq!(one("  the gambia "), "GMB");
}

#[test]
fn disputed_facts_keep_every_claim() {
    let d = data();
    let disputes = d.disputes();
    let midwa = disputes
        .iter()
        .find(|f| f.subject() == "process MIDWA" && f.field() == "established")
        .unwrap();
    let values: Vec<_> = midwa.claims().iter().map(|c| c.value()).collect();
    assert_eq!(values[0], "2001");
    assert!(values.contains(&"2000-12"));
    assert!(midwa.claims().iter().all(|c| !c.sources().is_empty()));
    // No preferred claim is credited with a page that gives an alternative,
    // unless the record names that page for the preferred value (one page
    // may give both, as the Banjul dialogue's gives 25 July and, inferred, 2024).
    for fact in &disputes {
        let (preferred, others) = fact.claims().split_first().unwrap();
        for s in preferred.sources() {
            let in_other = others.iter().any(|o| o.sources().contains(s));
            let named = match fact.subject().split_once(' ') {
                Some(("process", id)) => {
                    let p = d.process(&migov::ProcessId::new(id).unwrap()).unwrap();
                    p.established().is_some_and(|c| c.sources().contains(s))
                        || p.stated_member_count()
                            .is_some_and(|c| c.sources().contains(s))
                }
                Some(("event", id)) => d
                    .event(&migov::EventId::new(id).unwrap())
                    .and_then(migov::Event::start)
                    .is_some_and(|c| c.sources().contains(s)),
                _ => false,
            };
            assert!(
                !in_other || named,
                "{} / {}: {s} is credited to both claims",
                fact.subject(),
                fact.field()
            );
        }
    }
    // The ARCP's IOM page lists 22 members today; its older version gave 21.
    // Each claim cites the page that states it.
    let arcp = disputes
        .iter()
        .find(|f| f.subject() == "process ARCP" && f.field() == "stated_member_count")
        .unwrap();
    let cited = |i: usize| -> Vec<String> {
        arcp.claims()[i]
            .sources()
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    assert_eq!(
        cited(0),
        [
            "https://www.iom.int/arab-regional-consultative-process-migration-and-refugee-affairs-arcp"
        ]
    );
    assert_eq!(
        cited(1),
        ["https://www.iom.int/arab-regional-consultative-process"]
    );
    // Abu Dhabi Dialogue membership differs between sources.
    assert!(
        disputes
            .iter()
            .any(|f| f.subject().contains("process ADD") && f.field() == "membership")
    );
}

#[test]
fn russian_federation_moved_from_observer_to_member() {
    let rus = data()
        .member_state(CountryCode::from_alpha3("RUS").unwrap())
        .unwrap();
    assert_eq!(rus.is_member_on("2021".parse().unwrap()), Truth::Yes);
    assert_eq!(
        rus.had_status_on(IomStatus::Observer, "2000".parse().unwrap()),
        Truth::Yes
    );
    assert_eq!(rus.is_member_on("2000".parse().unwrap()), Truth::No);
}

#[test]
fn g5_sahel_membership_ends_with_its_dissolution() {
    let d = data();
    let g5 = Party::Partner(PartnerId::new("G5-SAHEL").unwrap());
    let chad = d
        .memberships_in(&g5)
        .find(|m| m.member() == &Party::State(CountryCode::from_alpha3("TCD").unwrap()))
        .unwrap();
    assert!(chad.period().end().is_none());
    assert!(d.effective_period(chad).end().is_some());
    assert_eq!(
        d.members_of(&g5, &MembershipRole::Member, "2025".parse().unwrap())
            .count(),
        0
    );
}

#[test]
fn no_state_keeps_an_undated_step_beside_a_step_of_the_same_status() {
    // A fact file that dates an admission replaces the reference files' undated
    // step (`merge_status_steps` in tools/reference_convert.rs); a leftover
    // undated step would make the history say "member since ?" and "member since
    // 1993" at once.
    for state in data().member_states() {
        let steps = state.status_history();
        for (i, a) in steps.iter().enumerate() {
            for b in steps.iter().skip(i + 1) {
                assert!(
                    a.status() != b.status() || (a.since().is_some() && b.since().is_some()),
                    "{}: two {} steps, one undated: {:?}",
                    state.country(),
                    a.status(),
                    steps
                );
            }
        }
    }
    // The merge did date steps the reference files leave undated.
    let arm = data()
        .member_state(CountryCode::from_alpha3("ARM").unwrap())
        .unwrap();
    assert_eq!(arm.status_history().len(), 1);
    assert_eq!(
        arm.current_since().map(|d| d.to_string()).as_deref(),
        Some("1993")
    );
}
