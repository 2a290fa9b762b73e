//! Events and consultative-process chairs of the embedded reference dataset,
//! pinned to their source pages (#22): exact dates at the precision the pages
//! print, places, chairs and the page each fact cites. Expected values are
//! copied from the pages, not recomputed by the code under test.

#![cfg(feature = "reference-data")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use migov::codelist::{EventRole, MembershipRole};
use migov::{CountryCode, Dataset, Party, ProcessId};

fn data() -> &'static Dataset {
    match migov::reference::dataset() {
        Ok(d) => d,
        Err(e) => panic!("the reference dataset does not load:\n{e}"),
    }
}

fn country(alpha3: &str) -> CountryCode {
    CountryCode::from_alpha3(alpha3).unwrap()
}

/// (start, end, city, country, sources) of an event, as text.
fn event_facts(id: &str) -> (String, String, String, String, Vec<String>) {
    let e = data()
        .event(&migov::EventId::new(id).unwrap())
        .unwrap_or_else(|| panic!("no event {id}"));
    (
        e.start().map(|s| s.value().to_string()).unwrap_or_default(),
        e.end().map(|s| s.to_string()).unwrap_or_default(),
        e.city().unwrap_or_default().to_owned(),
        e.country()
            .map(|c| c.alpha3().to_owned())
            .unwrap_or_default(),
        e.sources().iter().map(|s| s.url().to_owned()).collect(),
    )
}

/// The chairs of a process: (member, role, period, sources), sorted.
fn chairs(process: &str) -> Vec<(String, String, String, Vec<String>)> {
    let body = Party::Process(ProcessId::new(process).unwrap());
    let mut out: Vec<_> = data()
        .memberships_in(&body)
        .filter(|m| {
            matches!(
                m.role(),
                MembershipRole::Chair | MembershipRole::CoChair | MembershipRole::PermanentChair
            )
        })
        .map(|m| {
            (
                m.member().id_str().to_owned(),
                m.role().to_string(),
                m.period().to_string(),
                m.sources().iter().map(|s| s.url().to_owned()).collect(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn at_least_forty_events_each_with_a_source() {
    let d = data();
    assert!(d.events().len() >= 40, "{} events", d.events().len());
    assert!(d.events().iter().all(|e| !e.sources().is_empty()));
}

#[test]
fn idm_sessions_keep_their_printed_dates_and_places() {
    let (start, end, city, c, sources) = event_facts("IDM-2019-NEW-YORK");
    assert_eq!((start.as_str(), end.as_str()), ("2019-02-28", "2019-02-28"));
    assert_eq!((city.as_str(), c.as_str()), ("New York", "USA"));
    assert!(sources.contains(
        &"https://www.iom.int/youth-and-migration-engaging-youth-key-partners-migration-governance"
            .to_owned()
    ));

    let (start, end, city, c, _) = event_facts("IDM-2023-GENEVA");
    assert_eq!((start.as_str(), end.as_str()), ("2023-10-05", "2023-10-06"));
    assert_eq!((city.as_str(), c.as_str()), ("Geneva", "CHE"));

    // Online session: no place.
    let e = data()
        .event(&migov::EventId::new("IDM-2021-1").unwrap())
        .unwrap();
    assert_eq!(e.start().unwrap().value().to_string(), "2021-05-25");
    assert_eq!(e.end().unwrap().to_string(), "2021-05-27");
    assert!(e.city().is_none() && e.country().is_none());
}

#[test]
fn a_year_the_page_does_not_print_stays_an_alternative() {
    // The IOM news item gives "yesterday (03/11)" without a year.
    let e = data()
        .event(&migov::EventId::new("SACM-16").unwrap())
        .unwrap();
    let start = e.start().unwrap();
    assert_eq!(start.value().to_string(), "--11-03");
    let alternatives: Vec<String> = start
        .alternatives()
        .iter()
        .map(|a| a.value().to_string())
        .collect();
    assert_eq!(alternatives, ["2016-11-03"]);
    assert!(
        start.alternatives()[0]
            .note()
            .unwrap()
            .starts_with("inference:")
    );
}

#[test]
fn a_year_another_page_prints_replaces_the_inference() {
    // The IOM news item gives "18 and 19 July" without a year; the IOM event page
    // prints "18 - 19 July 2017", so the year is a fact, not an inference.
    let e = data()
        .event(&migov::EventId::new("IDM-2017-GENEVA").unwrap())
        .unwrap();
    let start = e.start().unwrap();
    assert_eq!(start.value().to_string(), "2017-07-18");
    assert!(start.alternatives().is_empty());
    assert_eq!(e.end().unwrap().to_string(), "2017-07-19");
    assert!(
        e.sources().iter().any(|s| s.url().contains(
            "international-dialogue-migration-2017-understanding-migrant-vulnerabilities"
        ))
    );
}

#[test]
fn ministerial_meetings_have_their_chairs_and_hosts() {
    let d = data();
    // Sixth Bali Process Ministerial Conference, co-chaired by Indonesia and Australia.
    let bali = d
        .event(&migov::EventId::new("BALI-BRMC-6").unwrap())
        .unwrap();
    let mut co_chairs: Vec<String> = bali
        .parties_in_role(&EventRole::CoChair)
        .map(|p| p.party().id_str().to_owned())
        .collect();
    co_chairs.sort();
    assert_eq!(co_chairs, ["AUS", "IDN"]);
    assert_eq!(bali.city(), Some("Nusa Dua"));

    // The 5th Colombo Process Ministerial Consultation, chaired by Sri Lanka, 25 August 2016.
    let (start, end, city, c, _) = event_facts("COLOMBO-MC-5");
    assert_eq!((start.as_str(), end.as_str()), ("2016-08-25", "2016-08-25"));
    assert_eq!((city.as_str(), c.as_str()), ("Colombo", "LKA"));
    let colombo = d
        .event(&migov::EventId::new("COLOMBO-MC-5").unwrap())
        .unwrap();
    let chair: Vec<&str> = colombo
        .parties_in_role(&EventRole::Chair)
        .map(|p| p.party().id_str())
        .collect();
    assert_eq!(chair, ["LKA"]);

    // 3rd Ministerial Conference of the Almaty Process, Baku, 24 April 2025.
    let (start, _, city, c, sources) = event_facts("ALMATY-MC-3");
    assert_eq!(start, "2025-04-24");
    assert_eq!((city.as_str(), c.as_str()), ("Baku", "AZE"));
    assert_eq!(sources[0], "https://en.trend.az/business/4035123.html");

    // MIDSA 2023 in Kinshasa, hosted by the DR Congo.
    let (start, end, city, c, _) = event_facts("MIDSA-2023-KINSHASA");
    assert_eq!((start.as_str(), end.as_str()), ("2023-10-03", "2023-10-06"));
    assert_eq!((city.as_str(), c.as_str()), ("Kinshasa", "COD"));
    assert!(
        d.events_in_country(country("COD"))
            .any(|e| e.id().as_str() == "MIDSA-2023-KINSHASA")
    );
}

#[test]
fn colombo_process_chair_is_india_from_may_2024() {
    let cp = chairs("COLOMBO-PROCESS");
    let india = cp.iter().find(|(m, ..)| m == "IND").unwrap();
    assert_eq!(india.1, "chair");
    assert_eq!(india.2, "2024-05/2026");
    assert!(
        india.3.contains(
            &"https://neherald.com/national/india-chairs-first-meeting-as-chair-of-colombo-process"
                .to_owned()
        )
    );
    // No chair record keeps the contradicted 2023.
    assert!(cp.iter().all(|(_, _, period, _)| !period.contains("2023")));
    // The member list is dated by the page it comes from (June 2024).
    let body = Party::Process(ProcessId::new("COLOMBO-PROCESS").unwrap());
    let afg = data()
        .memberships_in(&body)
        .find(|m| m.member().id_str() == "AFG" && *m.role() == MembershipRole::Member)
        .unwrap();
    assert!(
        afg.note().unwrap().contains("June 2024"),
        "{:?}",
        afg.note()
    );
    assert_eq!(afg.sources().len(), 1);
    assert!(afg.sources()[0].url().contains("tribuneindia.com"));
}

#[test]
fn almaty_process_chairs_at_the_precision_of_their_pages() {
    let unhcr = "https://www.unhcr.org/centralasia/members-and-governance".to_owned();
    let ap = chairs("ALMATY-PROCESS");
    let periods: Vec<(&str, &str)> = ap
        .iter()
        .map(|(m, _, p, _)| (m.as_str(), p.as_str()))
        .collect();
    for expected in [
        ("KAZ", "2013-06/2016-11"),
        ("KGZ", "2016-11/2018-11"),
        ("TJK", "2018-11/2021-01"),
        // Azerbaijan chaired after Türkiye, but no page dates the handover:
        // the end is unknown, not "still running".
        ("TUR", "2021-01/"),
        ("AZE", "2023/2024"),
        // Kazakhstan "was to assume the chairmanship": no page says it still holds it.
        ("KAZ", "2025-04-24/"),
    ] {
        assert!(
            periods.contains(&expected),
            "missing {expected:?} in {periods:?}"
        );
    }
    // The UNHCR page is the only source of the four first chairs.
    for (m, _, p, sources) in &ap {
        if [
            "2013-06/2016-11",
            "2016-11/2018-11",
            "2018-11/2021-01",
            "2021-01/",
        ]
        .contains(&p.as_str())
        {
            assert_eq!(sources, std::slice::from_ref(&unhcr), "{m} {p}");
        }
    }
}

#[test]
fn yemen_in_the_abu_dhabi_dialogue_cites_the_colombo_process_page() {
    let body = Party::Process(ProcessId::new("ADD").unwrap());
    let yemen = data()
        .memberships_in(&body)
        .find(|m| m.member().id_str() == "YEM")
        .unwrap();
    assert!(!yemen.note().unwrap().contains("only"));
    assert!(
        yemen
            .sources()
            .iter()
            .any(|s| s.url()
                == "http://www.colomboprocess.org/rcp-meetings/detail/abu-dhabi-dialogue")
    );
}

#[test]
fn budapest_and_rabat_chairs_are_dated_by_their_pages() {
    let bp = chairs("BUDAPEST-PROCESS");
    let gov = "https://budapestprocess.org/budapest-process/governance";
    assert!(
        bp.iter()
            .any(|(m, r, p, s)| m == "HUN" && r == "chair" && p == "1993/2006-01" && s[0] == gov)
    );
    assert!(
        bp.iter()
            .any(|(m, r, p, _)| m == "TUR" && r == "chair" && p == "2006-01/..")
    );
    assert!(
        bp.iter()
            .any(|(m, r, p, _)| m == "HUN" && r == "co_chair" && p == "2006/..")
    );

    let rp = chairs("RABAT-PROCESS");
    assert!(
        rp.iter()
            .any(|(m, _, p, _)| m == "BFA" && p == "2018-05-02/")
    );
    assert!(
        rp.iter()
            .any(|(m, _, p, _)| m == "MAR" && p == "2022-12-14/")
    );
}

#[test]
fn generated_chairs_cite_only_the_pages_that_name_them() {
    // MIDSA chairs come from the IOM MIDSA page, not from every source of MIDSA.
    for (m, _, _, sources) in chairs("MIDSA") {
        assert_eq!(
            sources,
            ["https://www.iom.int/migration-dialogue-southern-africa-midsa"],
            "{m}"
        );
    }
    // RMFM chairs: the People Daily report that names all three.
    for (m, _, _, sources) in chairs("RMFM") {
        assert_eq!(sources, ["https://peopledaily.digital/?p=226004"], "{m}");
    }
}

#[test]
fn every_partner_has_a_kind() {
    let missing: Vec<&str> = data()
        .partners()
        .iter()
        .filter(|p| p.kind().is_none())
        .map(|p| p.id().as_str())
        .collect();
    assert!(missing.is_empty(), "partners without a kind: {missing:?}");
}
