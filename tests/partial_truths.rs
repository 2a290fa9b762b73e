//! A model that takes partial truths (#24): facts as real pages give them,
//! fed through the dataset format, and what the dataset then answers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use migov::{Dataset, Rule};

const IOM: &str = "https://www.iom.int/";

/// A dataset document with the given collections (JSON arrays, as text).
fn doc(parts: &[(&str, &str)]) -> String {
    let get = |k: &str| {
        parts
            .iter()
            .find(|(name, _)| *name == k)
            .map_or("[]", |(_, v)| *v)
            .to_owned()
    };
    format!(
        r#"{{"schema_version": "1", "member_states": {}, "processes": {}, "partners": {}, "projects": {}, "events": {}, "memberships": {}}}"#,
        get("member_states"),
        get("processes"),
        get("partners"),
        get("projects"),
        get("events"),
        get("memberships"),
    )
}

#[track_caller]
fn load(text: &str) -> Dataset {
    match Dataset::from_json_str(text) {
        Ok(d) => d,
        Err(e) => panic!("refused:\n{e}"),
    }
}

/// `load(save(d)) == d`, and saving again gives the same text.
#[track_caller]
fn round_trips(d: &Dataset) {
    let text = d.to_json_string();
    let back = load(&text);
    assert_eq!(&back, d);
    assert_eq!(back.to_json_string(), text);
}

fn rules(d: &Dataset) -> Vec<Rule> {
    d.warnings().iter().map(migov::Issue::rule).collect()
}

// ------------------------------------------------------------ item: allocation year

#[test]
fn an_allocation_year_before_the_start_loads_without_a_warning() {
    // As on Development Fund pages: "Year: 2019", "Start date: March 2020".
    let d = load(&doc(&[(
        "projects",
        &format!(
            r#"[{{"id": "P-1", "title": "A project", "year": 2019, "start": "2020-03", "end": "2021-02",
                 "benefiting_states": ["SEN"], "sources": ["{IOM}"]}},
                {{"id": "P-2", "title": "Another", "year": 2022, "start": "2020-03", "end": "2021-02",
                 "benefiting_states": ["SEN"], "sources": ["{IOM}"]}}]"#
        ),
    )]));
    let late: Vec<String> = d
        .warnings()
        .iter()
        .filter(|w| w.rule() == Rule::YearOutsidePeriod)
        .map(|w| w.path().to_string())
        .collect();
    assert_eq!(late, ["projects[1].year"]);
    round_trips(&d);
}

// ------------------------------------------------------------ item: claims credit their own sources

#[test]
fn each_claim_is_credited_with_its_own_sources_only() {
    let a = "https://www.iom.int/midwa";
    let b = "https://midwa.org/";
    let c = "https://news.example.org/midwa";
    let d = load(&doc(&[(
        "processes",
        &format!(
            r#"[{{"id": "MIDWA", "name": "Migration Dialogue for West Africa", "established": "2001",
                 "established_alternatives": [{{"value": "2000-12", "sources": ["{b}"]}}],
                 "stated_member_count": 15,
                 "stated_member_count_sources": ["{a}"],
                 "stated_member_count_alternatives": [{{"value": 16, "sources": ["{c}"]}}],
                 "sources": ["{a}", "{b}", "{c}"]}}]"#
        ),
    )]));
    let disputes = d.disputes();
    let claims = |field: &str| -> Vec<(String, Vec<String>)> {
        disputes
            .iter()
            .find(|f| f.field() == field)
            .unwrap()
            .claims()
            .iter()
            .map(|c| {
                let sources = c.sources().iter().map(|s| s.to_string()).collect();
                (c.value().to_owned(), sources)
            })
            .collect()
    };
    // The page that gives December 2000 does not back 2001; the other
    // record source (which gives no other claim) does.
    assert_eq!(
        claims("established"),
        [
            ("2001".to_owned(), vec![a.to_owned(), c.to_owned()]),
            ("2000-12".to_owned(), vec![b.to_owned()]),
        ]
    );
    // Sources named for the preferred value are exactly its sources.
    assert_eq!(
        claims("stated_member_count"),
        [
            ("15".to_owned(), vec![a.to_owned()]),
            ("16".to_owned(), vec![c.to_owned()]),
        ]
    );
    round_trips(&d);
}

#[test]
fn preferred_sources_without_a_value_are_refused() {
    let text = doc(&[(
        "processes",
        &format!(
            r#"[{{"id": "X", "name": "X", "established_sources": ["{IOM}"], "sources": ["{IOM}"]}}]"#
        ),
    )]);
    let e = Dataset::from_json_str(&text).unwrap_err();
    assert!(
        e.problems()
            .iter()
            .any(|p| p.rule() == Rule::MissingField && p.message().contains("established_sources")),
        "{e}"
    );
}

#[test]
fn a_contested_membership_credits_its_sources_not_the_dispute_s() {
    let a = "https://www.iom.int/abu-dhabi-dialogue";
    let b = "https://www.abudhabidialogue.org/";
    let d = load(&doc(&[
        (
            "processes",
            &format!(r#"[{{"id": "ADD", "name": "Abu Dhabi Dialogue", "sources": ["{a}"]}}]"#),
        ),
        (
            "memberships",
            &format!(
                r#"[{{"member": {{"state": "CHN"}}, "body": {{"process": "ADD"}}, "role": "observer",
                     "dispute": {{"note": "not listed on the dialogue's own site", "sources": ["{b}"]}},
                     "sources": ["{a}", "{b}"]}}]"#
            ),
        ),
    ]));
    let disputes = d.disputes();
    let fact = disputes.iter().find(|f| f.field() == "membership").unwrap();
    let sources: Vec<Vec<String>> = fact
        .claims()
        .iter()
        .map(|c| c.sources().iter().map(|s| s.to_string()).collect())
        .collect();
    assert_eq!(sources, [vec![a.to_owned()], vec![b.to_owned()]]);
}

// ------------------------------------------------------------ items: agendas as printed

/// An IOM Council agenda as printed: numbered sessions without times, a
/// theme, a moderator and opening remarks, the session's number and the
/// participant count.
fn council_agenda(sessions: &str) -> String {
    doc(&[(
        "events",
        &format!(
            r#"[{{"id": "COUNCIL-114", "title": "114th Session of the Council", "kind": "council_session",
                 "number": 114, "theme": "Migration and sustainable development", "participant_count": 60,
                 "start": "2023-11-28", "end": "2023-11-30",
                 "agenda": [{{"date": "2023-11-28", "sessions": {sessions}}}],
                 "sources": ["{IOM}"]}}]"#
        ),
    )])
}

#[test]
fn untimed_numbered_sessions_with_roles_load_in_their_order() {
    use migov::codelist::ContributionRole;
    let d = load(&council_agenda(
        r#"[{"title": "Opening of the session", "number": 1,
             "panel": [{"role": "Opening remarks", "panellists": [{"person": {"name": "Amy Pope"}}]}]},
            {"start": "10:00", "end": "11:00", "title": "General debate", "number": 2},
            {"title": "Special panel", "number": 3, "theme": "Regular pathways",
             "panel": [{"panellists": [{"person": {"name": "A. Moderator"}, "role": "Moderated by"},
                                       {"person": {"name": "B. Speaker"}}],
                        "role": "speaker", "topic": "Labour mobility"}]}]"#,
    ));
    let e = d
        .event(&migov::EventId::new("COUNCIL-114").unwrap())
        .unwrap();
    assert_eq!(e.number(), Some(114));
    assert_eq!(e.theme(), Some("Migration and sustainable development"));
    assert_eq!(e.participant_count(), Some(60));
    let sessions = e.agenda()[0].sessions();
    let order: Vec<(Option<u32>, Option<String>, &str)> = sessions
        .iter()
        .map(|s| (s.number(), s.start().map(|t| t.to_string()), s.title()))
        .collect();
    assert_eq!(
        order,
        [
            (Some(1), None, "Opening of the session"),
            (Some(2), Some("10:00".to_owned()), "General debate"),
            (Some(3), None, "Special panel"),
        ]
    );
    assert_eq!(sessions[2].theme(), Some("Regular pathways"));
    let opening = &sessions[0].panel()[0];
    assert_eq!(opening.role(), Some(&ContributionRole::OpeningRemarks));
    assert_eq!(
        opening.role_of(&opening.panellists()[0]),
        Some(&ContributionRole::OpeningRemarks)
    );
    let panel = &sessions[2].panel()[0];
    let roles: Vec<Option<&ContributionRole>> = panel
        .panellists()
        .iter()
        .map(|p| panel.role_of(p))
        .collect();
    assert_eq!(
        roles,
        [
            Some(&ContributionRole::Moderator),
            Some(&ContributionRole::Speaker)
        ]
    );
    assert_eq!(panel.panellists()[1].role(), None);
    assert!(e.warnings().is_empty(), "{:?}", e.warnings());
    round_trips(&d);
    // Saved with the codes, not the labels as printed.
    assert!(d.to_json_string().contains(r#""role": "moderator""#));
}

#[test]
fn timed_sessions_around_untimed_ones_are_still_in_time_order() {
    let text = council_agenda(
        r#"[{"start": "10:00", "end": "11:00", "title": "First"},
            {"title": "Untimed"},
            {"start": "10:30", "title": "Overlaps the first"}]"#,
    );
    let e = Dataset::from_json_str(&text).unwrap_err();
    let found: Vec<(String, &str)> = e
        .problems()
        .iter()
        .map(|p| (p.pointer(), p.rule().id()))
        .collect();
    assert_eq!(
        found,
        [(
            "/events/0/agenda/0/sessions/2/start".to_owned(),
            "event.session_order"
        )]
    );
}

#[test]
fn contribution_roles_read_as_agendas_print_them() {
    use migov::Language;
    use migov::codelist::ContributionRole;
    for (printed, role) in [
        ("Moderator", ContributionRole::Moderator),
        ("Moderated by", ContributionRole::Moderator),
        ("Keynote address", ContributionRole::Keynote),
        ("Opening remarks", ContributionRole::OpeningRemarks),
        ("Welcome remarks", ContributionRole::OpeningRemarks),
        ("Closing remarks", ContributionRole::ClosingRemarks),
        ("Rapporteur", ContributionRole::Rapporteur),
        ("Chaired by", ContributionRole::Chair),
        ("Panelist", ContributionRole::Speaker),
    ] {
        assert_eq!(
            printed.parse::<ContributionRole>().unwrap(),
            role,
            "{printed}"
        );
    }
    let other: ContributionRole = "Discussant".parse().unwrap();
    assert!(!other.is_known());
    assert_eq!(other.label(Language::French), "Discussant");
    assert_eq!(
        ContributionRole::OpeningRemarks.label(Language::French),
        "Allocution d'ouverture"
    );
    assert_eq!(
        ContributionRole::ClosingRemarks.label(Language::Spanish),
        "Palabras de clausura"
    );
}

// ------------------------------------------------------------ items: memberships as pages give them

fn process(id: &str, extra: &str) -> String {
    format!(r#"{{"id": "{id}", "name": "Process {id}", {extra} "sources": ["{IOM}"]}}"#)
}

fn membership(member: &str, body: &str, role: &str, extra: &str, source: &str) -> String {
    format!(
        r#"{{"member": {{"state": "{member}"}}, "body": {{"process": "{body}"}}, "role": "{role}", {extra} "sources": ["{source}"]}}"#
    )
}

#[test]
fn a_chair_missing_from_a_partial_member_list_is_a_warning() {
    // A page lists 4 of the process's 15 members, and names its chair.
    let members = ["KEN", "UGA", "TZA", "RWA"]
        .map(|m| membership(m, "P", "member", "", IOM))
        .join(",");
    let chair = membership(
        "ETH",
        "P",
        "chair",
        r#""start": "2020", "end": "2022","#,
        IOM,
    );
    let d = load(&doc(&[
        (
            "processes",
            &format!("[{}]", process("P", r#""stated_member_count": 15,"#)),
        ),
        ("memberships", &format!("[{members},{chair}]")),
    ]));
    let found: Vec<(String, Rule)> = d
        .warnings()
        .iter()
        .map(|w| (w.path().to_string(), w.rule()))
        .collect();
    assert_eq!(
        found,
        [(
            "memberships[4].member".to_owned(),
            Rule::ChairNotListedMember
        )]
    );
    assert!(
        !Rule::ChairNotListedMember
            .severity()
            .eq(&migov::Severity::Error)
    );
    // The same chair where the list is complete (as many members as the
    // process states it has): an error.
    let text = doc(&[
        (
            "processes",
            &format!("[{}]", process("P", r#""stated_member_count": 4,"#)),
        ),
        ("memberships", &format!("[{members},{chair}]")),
    ]);
    let e = Dataset::from_json_str(&text).unwrap_err();
    let found: Vec<(String, &str)> = e
        .problems()
        .iter()
        .map(|p| (p.pointer(), p.rule().id()))
        .collect();
    assert_eq!(
        found,
        [(
            "/memberships/4/member".to_owned(),
            "membership.chair_not_member"
        )]
    );
    // And where the body states no count, the list is not known complete.
    let d = load(&doc(&[
        ("processes", &format!("[{}]", process("P", ""))),
        ("memberships", &format!("[{members},{chair}]")),
    ]));
    assert_eq!(rules(&d), [Rule::ChairNotListedMember]);
}

#[test]
fn the_same_membership_from_two_pages_is_one_record_with_both_sources() {
    let a = "https://www.iom.int/igad-rcp";
    let b = "https://igad.int/rcp";
    let d = load(&doc(&[
        ("processes", &format!("[{}]", process("P", ""))),
        (
            "memberships",
            &format!(
                "[{}, {}, {}]",
                membership(
                    "KEN",
                    "P",
                    "member",
                    r#""start": "2008", "note": "IOM page","#,
                    a
                ),
                membership("UGA", "P", "member", r#""start": "2008","#, a),
                membership(
                    "KEN",
                    "P",
                    "member",
                    r#""start": "2008", "note": "IGAD page","#,
                    b
                ),
            ),
        ),
    ]));
    assert!(d.warnings().is_empty(), "{:?}", d.warnings());
    assert_eq!(d.memberships().len(), 2);
    let kenya = d
        .memberships()
        .iter()
        .find(|m| m.member().id_str() == "KEN")
        .unwrap();
    let sources: Vec<String> = kenya.sources().iter().map(|s| s.to_string()).collect();
    assert_eq!(sources, [a, b]);
    assert_eq!(kenya.note(), Some("IOM page; IGAD page"));
    // Queries see one membership.
    let members: Vec<&str> = d
        .members_of(
            &migov::Party::Process("P".parse().unwrap()),
            &migov::codelist::MembershipRole::Member,
            "2010".parse().unwrap(),
        )
        .map(|m| m.item().member().id_str())
        .collect();
    assert_eq!(members, ["KEN", "UGA"]);
    round_trips(&d);
    // Different periods are different facts: both kept.
    let d = load(&doc(&[
        ("processes", &format!("[{}]", process("P", ""))),
        (
            "memberships",
            &format!(
                "[{}, {}]",
                membership("KEN", "P", "member", r#""start": "2008","#, a),
                membership("KEN", "P", "member", r#""start": "2009","#, b),
            ),
        ),
    ]));
    assert_eq!(d.memberships().len(), 2);
}

#[test]
fn an_observer_who_becomes_a_member_on_the_same_day_is_accepted() {
    let handover = |observer_end: &str| {
        doc(&[
            ("processes", &format!("[{}]", process("P", ""))),
            (
                "memberships",
                &format!(
                    "[{}, {}]",
                    membership(
                        "SEN",
                        "P",
                        "observer",
                        &format!(r#""start": "1998-06-01", "end": "{observer_end}","#),
                        IOM
                    ),
                    membership("SEN", "P", "member", r#""start": "2001-05-03","#, IOM),
                ),
            ),
        ])
    };
    let d = load(&handover("2001-05-03"));
    assert!(d.warnings().is_empty(), "{:?}", d.warnings());
    // One day of both roles more is two roles at once.
    let e = Dataset::from_json_str(&handover("2001-05-04")).unwrap_err();
    assert!(
        e.problems()
            .iter()
            .all(|p| p.rule() == Rule::MemberAndObserver),
        "{e}"
    );
    assert_eq!(e.problems().len(), 1);
}

#[test]
fn a_current_chair_answers_for_the_date_of_its_page_only() {
    use migov::codelist::MembershipRole;
    use migov::{Party, Truth};
    let page = "https://www.iom.int/p-chair";
    let text = |as_of: &str, period: &str| {
        doc(&[
            ("processes", &format!("[{}]", process("P", ""))),
            (
                "memberships",
                &format!(
                    "[{}]",
                    membership(
                        "ETH",
                        "P",
                        "chair",
                        &format!(r#"{period} "as_of": "{as_of}","#),
                        page
                    )
                ),
            ),
        ])
    };
    let d = load(&text("2024-03", ""));
    let body = Party::Process("P".parse().unwrap());
    let chair_in = |d: &Dataset, on: &str| -> Vec<Truth> {
        d.members_of(&body, &MembershipRole::Chair, on.parse().unwrap())
            .map(|a| a.certainty())
            .collect()
    };
    assert_eq!(chair_in(&d, "2024-03"), [Truth::Yes]);
    assert_eq!(chair_in(&d, "2024"), [Truth::Yes]);
    assert!(chair_in(&d, "2023").is_empty());
    assert!(chair_in(&d, "2025").is_empty());
    assert!(chair_in(&d, "2024-06").is_empty());
    let m = &d.memberships()[0];
    assert_eq!(m.as_of().map(|d| d.to_string()).as_deref(), Some("2024-03"));
    assert_eq!(d.effective_period(m).to_string(), "2024-03");
    // It neither began nor ended at the page's date.
    assert_eq!(
        d.membership_changes("2024".parse().unwrap(), "2024".parse().unwrap())
            .count(),
        0
    );
    round_trips(&d);
    // A start the page gives stays; the date of the page ends what is known.
    let d = load(&text("2024-03", r#""start": "2022","#));
    assert_eq!(
        d.effective_period(&d.memberships()[0]).to_string(),
        "2022/2024-03"
    );
    assert_eq!(chair_in(&d, "2023"), [Truth::Yes]);
    assert!(chair_in(&d, "2025").is_empty());
    // Without the date the same claim matches every year, possibly.
    let undated = load(&doc(&[
        ("processes", &format!("[{}]", process("P", ""))),
        (
            "memberships",
            &format!("[{}]", membership("ETH", "P", "chair", "", page)),
        ),
    ]));
    assert_eq!(chair_in(&undated, "1990"), [Truth::Maybe]);
    // A page's date outside the period it gives contradicts it.
    let e =
        Dataset::from_json_str(&text("2024-03", r#""start": "2010", "end": "2012","#)).unwrap_err();
    let found: Vec<(String, &str)> = e
        .problems()
        .iter()
        .map(|p| (p.pointer(), p.rule().id()))
        .collect();
    assert_eq!(
        found,
        [(
            "/memberships/0/as_of".to_owned(),
            "membership.as_of_outside_period"
        )]
    );
}

/// Thousands of repeats, out of order (loaded in chunks on two threads):
/// each fact once, with the sources of every repeat; the same dataset
/// whether loaded or built.
#[test]
fn many_repeats_merge_the_same_however_the_dataset_is_built() {
    let states: Vec<migov::CountryCode> = migov::CountryCode::all().take(200).collect();
    let processes: Vec<String> = (0..20).map(|i| process(&format!("P{i:02}"), "")).collect();
    let mut memberships = Vec::new();
    for copy in 0..2 {
        for (k, p) in (0..20).rev().enumerate() {
            for s in &states {
                let source = format!("https://example.org/{copy}/{k}");
                memberships.push(membership(
                    s.alpha3(),
                    &format!("P{p:02}"),
                    "member",
                    "",
                    &source,
                ));
            }
        }
    }
    let text = doc(&[
        ("processes", &format!("[{}]", processes.join(","))),
        ("memberships", &format!("[{}]", memberships.join(","))),
    ]);
    let d = load(&text);
    assert_eq!(d.memberships().len(), 20 * states.len());
    assert!(d.memberships().iter().all(|m| m.sources().len() == 2));
    let mut b = Dataset::builder();
    for p in d.processes() {
        b.add_process(p.clone()).unwrap();
    }
    for m in d.memberships().iter().chain(d.memberships()).rev() {
        b.add_membership(m.clone());
    }
    assert_eq!(b.build().unwrap(), d);
    round_trips(&d);
}

// ------------------------------------------------------------ item: admissions name their Council session

#[test]
fn an_admission_names_the_council_session_that_admitted_the_state() {
    let council = format!(
        r#"[{{"id": "IOM-COUNCIL-96", "title": "Ninety-sixth Session of the Council", "kind": "council_session",
             "number": 96, "start": "2008-12-02", "end": "2008-12-05", "sources": ["{IOM}"]}}]"#
    );
    let states = |event: &str| {
        format!(
            r#"[{{"country": "MDV", "status": [{{"status": "observer", "since": "2005"}},
                   {{"status": "member", "since": "2008-12", "decided_at": "{event}"}}],
                 "sources": ["{IOM}"]}}]"#
        )
    };
    let d = load(&doc(&[
        ("member_states", &states("IOM-COUNCIL-96")),
        ("events", &council),
    ]));
    let mdv = d
        .member_state(migov::CountryCode::from_alpha3("MDV").unwrap())
        .unwrap();
    let steps: Vec<Option<&str>> = mdv
        .status_history()
        .iter()
        .map(|s| s.decided_at().map(migov::EventId::as_str))
        .collect();
    assert_eq!(steps, [None, Some("IOM-COUNCIL-96")]);
    let session = d
        .event(&migov::EventId::new(steps[1].unwrap()).unwrap())
        .unwrap();
    assert_eq!(session.number(), Some(96));
    round_trips(&d);
    // A session the dataset does not have is a dangling reference.
    let text = doc(&[
        ("member_states", &states("IOM-COUNCIL-97")),
        ("events", &council),
    ]);
    let e = Dataset::from_json_str(&text).unwrap_err();
    let found: Vec<(String, &str)> = e
        .problems()
        .iter()
        .map(|p| (p.pointer(), p.rule().id()))
        .collect();
    assert_eq!(
        found,
        [(
            "/member_states/0/status/1/decided_at".to_owned(),
            "ref.dangling"
        )]
    );
    assert!(e.problems()[0].message().contains("IOM-COUNCIL-97"));
}
