//! Loading the files in `tests/data/`: a valid canonical file, files with many faults
//! (one per record, and several per record), a cut file.

use migov::{Dataset, Rule, Truth};

use crate::util::{data, found, refused};

/// Asserts two texts are equal, naming the first line that differs (not two 15 KB strings).
#[track_caller]
fn assert_same_text(actual: &str, expected: &str) {
    if actual == expected {
        return;
    }
    let mut a = actual.lines();
    let mut e = expected.lines();
    for n in 1.. {
        match (a.next(), e.next()) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => panic!("texts differ at line {n}:\n  actual:   {x:?}\n  expected: {y:?}"),
        }
    }
}

#[test]
fn valid_file_loads_without_problems() {
    let text = data("valid.json");
    let d = Dataset::from_json_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(d.warnings().is_empty(), "{:#?}", d.warnings());
    assert_eq!(d.member_states().len(), 10);
    assert_eq!(d.processes().len(), 2);
    assert_eq!(d.partners().len(), 4);
    assert_eq!(d.memberships().len(), 5);
    let project = d
        .project(&migov::ProjectId::new("E40-800").unwrap())
        .unwrap();
    assert_eq!(project.benefiting_states().len(), 10);
    let budget = project.budget().unwrap();
    assert_eq!(budget.to_string(), "32000.00 USD");
    let midwa = d.process(&migov::ProcessId::new("MIDWA").unwrap()).unwrap();
    let established = midwa.established().unwrap();
    assert_eq!(established.value().to_string(), "2001");
    assert_eq!(established.alternatives()[0].value().to_string(), "2000-12");
    let event = &d.events()[0];
    assert_eq!(event.agenda().len(), 2);
    assert_eq!(
        event.agenda()[0].sessions()[1].panel()[0]
            .panellists()
            .len(),
        2
    );
}

#[test]
fn valid_file_is_canonical() {
    let text = data("valid.json");
    let d = Dataset::from_json_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_same_text(&d.to_json_string(), &text);
    let mut written = Vec::new();
    d.to_json_writer(&mut written).unwrap();
    assert_same_text(std::str::from_utf8(&written).unwrap(), &text);
}

#[test]
fn valid_file_loads_from_slice_and_reader() {
    let text = data("valid.json");
    let from_str = Dataset::from_json_str(&text).unwrap();
    assert_eq!(Dataset::from_json_slice(text.as_bytes()).unwrap(), from_str);
    assert_eq!(
        Dataset::from_json_reader(text.as_bytes()).unwrap(),
        from_str
    );
}

/// `tests/data/many_faults.json`: one fault per record, each of a different kind.
/// For each: the JSON Pointer the loader must report and the rule id.
const MANY_FAULTS: &[(&str, &str, &str)] = &[
    // (what is wrong, pointer, rule id)
    (
        "date \"2001-13\"",
        "/member_states/0/status/0/since",
        "value.invalid",
    ),
    (
        "country \"ZZZ\"",
        "/member_states/1/country",
        "value.invalid",
    ),
    ("id with a space", "/processes/0/id", "value.invalid"),
    (
        "dangling partner reference",
        "/processes/1/linked_organizations/0",
        "ref.dangling",
    ),
    ("duplicate id", "/partners/1/id", "id.duplicate"),
    (
        "currency \"usd\"",
        "/projects/0/amounts/0/currency",
        "value.invalid",
    ),
    (
        "amount as a JSON number",
        "/projects/1/amounts/0/amount",
        "json.wrong_type",
    ),
    (
        "amount \"32,000.00\"",
        "/projects/2/amounts/0/amount",
        "value.invalid",
    ),
    (
        "unknown field",
        "/projects/3/benefitting_states",
        "json.unknown_field",
    ),
    // A pointer to a missing key cannot resolve: the loader names the object that lacks it.
    ("missing title", "/projects/4", "json.missing_field"),
    (
        "string for a list",
        "/projects/5/benefiting_states",
        "json.wrong_type",
    ),
    (
        "negative amount",
        "/projects/6/amounts/0/amount",
        "project.negative_amount",
    ),
    (
        "end before start",
        "/projects/7/end",
        "period.end_before_start",
    ),
    ("date \"2001-02-30\"", "/events/0/start", "value.invalid"),
    (
        "session end before start",
        "/events/1/agenda/0/sessions/0/end",
        "event.session_end_before_start",
    ),
    (
        "dangling party",
        "/events/2/parties/0/party",
        "ref.dangling",
    ),
    (
        "membership end before start",
        "/memberships/0/end",
        "period.end_before_start",
    ),
    (
        "number for a date",
        "/memberships/1/start",
        "json.wrong_type",
    ),
];

#[test]
fn many_faults_are_each_reported_at_their_place() {
    let text = data("many_faults.json");
    let errors = refused(Dataset::from_json_str(&text));
    let mut actual = found(&errors);
    actual.sort();
    let mut expected: Vec<(String, &'static str)> = MANY_FAULTS
        .iter()
        .map(|&(_, pointer, rule)| (pointer.to_owned(), crate::util::rule_id(rule)))
        .collect();
    expected.sort();
    assert_eq!(actual, expected, "\n{errors}");
    assert_eq!(errors.problems().len(), MANY_FAULTS.len());
    assert_eq!(
        errors.errors().count(),
        MANY_FAULTS.len(),
        "no warnings expected"
    );
    // Each kind of fault once.
    let kinds: std::collections::HashSet<&str> = MANY_FAULTS.iter().map(|f| f.0).collect();
    assert_eq!(kinds.len(), MANY_FAULTS.len());
}

/// Asserts that every pointer reported for the file `name` resolves in its text.
#[track_caller]
fn assert_pointers_resolve(name: &str) -> (serde_json::Value, migov::LoadErrors) {
    let text = data(name);
    let input: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors = refused(Dataset::from_json_str(&text));
    assert!(!errors.problems().is_empty());
    for problem in errors.problems() {
        let pointer = problem.pointer();
        let value = input.pointer(&pointer);
        assert!(
            value.is_some(),
            "{name}: {pointer} ({}) does not resolve in the input",
            problem.rule()
        );
        if problem.rule() == Rule::MissingField {
            // The missing key cannot be pointed at: its object is.
            assert!(value.unwrap().is_object(), "{name}: {pointer}");
        }
    }
    (input, errors)
}

#[test]
fn many_faults_pointers_find_the_offending_values() {
    for name in ["many_faults.json", "record_faults.json"] {
        assert_pointers_resolve(name);
    }
    let (input, _) = assert_pointers_resolve("many_faults.json");
    // Spot checks: the pointer leads to the very value that is wrong.
    for (pointer, value) in [
        (
            "/member_states/0/status/0/since",
            serde_json::json!("2001-13"),
        ),
        ("/member_states/1/country", serde_json::json!("ZZZ")),
        ("/processes/0/id", serde_json::json!("MID WA")),
        ("/projects/0/amounts/0/currency", serde_json::json!("usd")),
        ("/projects/1/amounts/0/amount", serde_json::json!(32000.0)),
        (
            "/projects/2/amounts/0/amount",
            serde_json::json!("32,000.00"),
        ),
        ("/projects/5/benefiting_states", serde_json::json!("SEN")),
        ("/partners/1/id", serde_json::json!("ECOWAS")),
        (
            "/processes/1/linked_organizations/0",
            serde_json::json!("ECCAS"),
        ),
    ] {
        assert_eq!(input.pointer(pointer), Some(&value), "{pointer}");
    }
}

#[test]
fn many_faults_messages_quote_the_value() {
    let text = data("many_faults.json");
    let errors = refused(Dataset::from_json_str(&text));
    let message = |pointer: &str| {
        errors
            .problems()
            .iter()
            .find(|p| p.pointer() == pointer)
            .unwrap_or_else(|| panic!("no problem at {pointer}"))
            .message()
            .to_owned()
    };
    assert!(message("/member_states/0/status/0/since").contains("\"2001-13\""));
    assert!(message("/member_states/1/country").contains("\"ZZZ\""));
    assert!(message("/projects/0/amounts/0/currency").contains("\"usd\""));
    assert!(message("/projects/2/amounts/0/amount").contains("\"32,000.00\""));
    assert!(message("/processes/0/id").contains("\"MID WA\""));
    assert!(message("/processes/1/linked_organizations/0").contains("\"ECCAS\""));
    assert!(message("/projects/4").contains("title"));
    assert!(message("/projects/3/benefitting_states").contains("benefitting_states"));
}

/// `tests/data/record_faults.json`: several faults inside one record, in
/// every collection. For each: the JSON Pointer the loader must report and the rule id.
const RECORD_FAULTS: &[(&str, &str)] = &[
    // A status whose value is refused, then the next status's code.
    ("/member_states/0/country", "value.invalid"),
    ("/member_states/0/status/0/since", "value.invalid"),
    ("/member_states/0/status/1/status", "value.invalid"),
    ("/member_states/0/gcm_champion/value", "json.wrong_type"),
    ("/processes/0/id", "value.invalid"),
    ("/processes/0/established", "value.invalid"),
    ("/processes/0/stated_member_count", "value.invalid"),
    ("/processes/0/secretary", "json.unknown_field"),
    // A duplicate key after the first fault of the record.
    ("/partners/0/kind", "json.wrong_type"),
    ("/partners/0/name", "json.duplicate_field"),
    // The example of the requirement: a bad date, a bad list entry, a misspelt key.
    ("/projects/0/start", "value.invalid"),
    ("/projects/0/benefiting_states/2", "value.invalid"),
    ("/projects/0/benefitting_states", "json.unknown_field"),
    // Positions counted in the file, after earlier elements were set aside.
    ("/projects/1/year", "json.wrong_type"),
    ("/projects/1/amounts/0/amount", "value.invalid"),
    ("/projects/1/amounts/1/currency", "value.invalid"),
    ("/projects/1/benefiting_states/1", "value.invalid"),
    ("/projects/1/benefiting_states/3", "value.invalid"),
    // A wrong type, then the missing title (named at its object).
    ("/projects/2/coverage", "json.wrong_type"),
    ("/projects/2", "json.missing_field"),
    ("/events/0/start", "value.invalid"),
    ("/events/0/online", "json.wrong_type"),
    ("/events/0/agenda/0/sessions/0/start", "value.invalid"),
    ("/events/0/agenda/0/sessions/1", "json.missing_field"),
    ("/events/0/sources/0", "value.invalid"),
    ("/memberships/0/member/state", "value.invalid"),
    ("/memberships/0/role", "json.wrong_type"),
    ("/memberships/0/start", "value.invalid"),
];

#[test]
fn record_faults_are_all_reported_in_one_load() {
    let text = data("record_faults.json");
    let errors = refused(Dataset::from_json_str(&text));
    let mut actual = found(&errors);
    actual.sort();
    let mut expected: Vec<(String, &'static str)> = RECORD_FAULTS
        .iter()
        .map(|&(pointer, rule)| (pointer.to_owned(), crate::util::rule_id(rule)))
        .collect();
    expected.sort();
    assert_eq!(actual, expected, "\n{errors}");
    // Each at its own place: no fault is reported twice.
    let places: std::collections::HashSet<&str> = RECORD_FAULTS.iter().map(|f| f.0).collect();
    assert_eq!(places.len(), RECORD_FAULTS.len());
    assert_eq!(errors.errors().count(), RECORD_FAULTS.len(), "no warnings");
}

#[test]
fn record_faults_pointers_and_messages_name_the_offending_values() {
    let (input, errors) = assert_pointers_resolve("record_faults.json");
    let problem = |pointer: &str| {
        errors
            .problems()
            .iter()
            .find(|p| p.pointer() == pointer)
            .unwrap_or_else(|| panic!("no problem at {pointer}:\n{errors}"))
    };
    // The translated positions lead to the very values that are wrong.
    for (pointer, value) in [
        ("/projects/0/benefiting_states/2", "ZZZ"),
        ("/projects/1/benefiting_states/1", "XX"),
        ("/projects/1/benefiting_states/3", "sen"),
        ("/projects/1/amounts/1/currency", "usd"),
        ("/member_states/0/status/1/status", "members"),
        ("/events/0/agenda/0/sessions/0/start", "25:00"),
        ("/memberships/0/member/state", "ZZZ"),
    ] {
        assert_eq!(input.pointer(pointer), Some(&serde_json::json!(value)));
        let message = problem(pointer).message();
        assert!(
            message.contains(&format!("{value:?}")),
            "{pointer}: {message}"
        );
    }
    assert!(
        problem("/projects/0/benefitting_states")
            .message()
            .contains("unknown field")
    );
    assert!(problem("/projects/2").message().contains("`title`"));
    assert!(
        problem("/events/0/agenda/0/sessions/1")
            .message()
            .contains("`title`")
    );
    assert!(
        problem("/partners/0/name")
            .message()
            .contains("duplicate field `name`")
    );
    // The record without faults loads as part of the dataset it would be in.
    assert!(
        !errors
            .problems()
            .iter()
            .any(|p| p.pointer().starts_with("/projects/3"))
    );
}

#[test]
fn truncated_file_is_a_syntax_error_with_line_and_column() {
    let text = data("truncated.json");
    assert!(data("valid.json").starts_with(&text));
    let errors = refused(Dataset::from_json_str(&text));
    assert_eq!(errors.problems().len(), 1, "{errors}");
    let problem = &errors.problems()[0];
    assert_eq!(problem.rule(), Rule::Syntax);
    assert_eq!(problem.severity(), migov::Severity::Error);
    // The file is cut in the middle of a string on its last line.
    let lines = text.lines().count();
    let last_line_chars = text.lines().last().unwrap().chars().count();
    assert_eq!(problem.line_column(), Some((lines, last_line_chars)));
    assert!(problem.message().contains("EOF"), "{}", problem.message());
    assert!(
        errors
            .to_string()
            .contains(&format!("(line {lines}, column {last_line_chars})"))
    );
    // The same through bytes and a reader.
    assert_eq!(refused(Dataset::from_json_slice(text.as_bytes())), errors);
    assert_eq!(refused(Dataset::from_json_reader(text.as_bytes())), errors);
}

/// The fields for facts without dates or with a shape of their own: each
/// fault at its pointer, and a valid file with all of them loads and saves
/// back unchanged.
#[test]
fn durations_links_outcomes_and_contact_details_load_and_are_checked() {
    let valid = r#"{
  "schema_version": "1",
  "member_states": [
    {
      "country": "GMB",
      "gcm_champion": {
        "value": true
      },
      "iom_presence_since": "2001",
      "sources": [
        "https://gambia.iom.int/"
      ]
    }
  ],
  "processes": [],
  "partners": [],
  "projects": [
    {
      "id": "CBM-SAHEL",
      "title": "Coordinated Border Management",
      "duration_months": 12,
      "benefiting_states": [
        "NER"
      ],
      "sources": [
        "https://iom.int/"
      ]
    }
  ],
  "events": [
    {
      "id": "DAKAR-2000",
      "title": "Ministerial meeting",
      "start": "2000-10",
      "outcomes": [
        {
          "title": "Dakar declaration",
          "kind": "declaration",
          "url": "https://iom.int/dakar"
        }
      ],
      "sources": [
        "https://iom.int/"
      ]
    },
    {
      "id": "SEMINAR",
      "title": "Seminar",
      "duration_days": 2,
      "parties": [
        {
          "party": {
            "state": "SEN"
          },
          "role": "collaborator"
        }
      ],
      "related_events": [
        {
          "event": "DAKAR-2000",
          "relation": "follow_up_of"
        }
      ],
      "contacts": [
        {
          "name": "Paloma Casaseca",
          "honorific": "Ms",
          "phones": [
            "+227 20 75 25 07"
          ]
        }
      ],
      "sources": [
        "https://iom.int/"
      ]
    }
  ],
  "memberships": []
}
"#;
    let d = Dataset::from_json_str(valid).unwrap_or_else(|e| panic!("{e}"));
    assert_same_text(&d.to_json_string(), valid);
    let seminar = d.event(&migov::EventId::new("SEMINAR").unwrap()).unwrap();
    assert_eq!(seminar.duration_days(), Some(2));
    assert_eq!(seminar.related_events()[0].event().as_str(), "DAKAR-2000");
    assert_eq!(seminar.contacts()[0].phones(), ["+227 20 75 25 07"]);
    let gambia = &d.member_states()[0];
    assert_eq!(gambia.gcm_champion().unwrap().as_of(), None);

    // Faults of different records: each record's own, and the dataset's reference.
    let broken = valid
        .replace("\"event\": \"DAKAR-2000\"", "\"event\": \"DAKAR-2001\"")
        .replace("\"duration_months\": 12", "\"duration_months\": 0")
        .replace("https://iom.int/dakar", "iom.int/dakar")
        .replace(
            "\"role\": \"collaborator\"",
            "\"role\": \"In cooperation with\"",
        );
    let errors = refused(Dataset::from_json_str(&broken));
    let mut actual = found(&errors);
    actual.sort();
    assert_eq!(
        actual,
        [
            ("/events/0/outcomes/0/url", "value.invalid"),
            ("/events/1/related_events/0/event", "ref.dangling"),
            ("/projects/0/duration_months", "value.invalid"),
        ]
        .map(|(p, r)| (p.to_owned(), r)),
        "{errors}"
    );
    // Two rules of one record, and a value that does not parse.
    let broken = valid
        .replace("\"duration_days\": 2", "\"duration_days\": 0")
        .replace("+227 20 75 25 07", "+227 20 75 25 07 (office)");
    let errors = refused(Dataset::from_json_str(&broken));
    assert_eq!(
        found(&errors),
        [
            ("/events/1/contacts/0/phones/0", "value.invalid"),
            ("/events/1/duration_days", "value.invalid"),
        ]
        .map(|(p, r)| (p.to_owned(), r)),
        "{errors}"
    );
    let broken = valid.replace("\"duration_days\": 2", "\"duration_days\": -2");
    crate::util::assert_one(&broken, "/events/1/duration_days", "value.invalid");
}

/// `valid.json` with the organisations of its event's speaker and second
/// panellist replaced (`None` keeps the original).
fn with_people_organizations(speaker: Option<&str>, panellist: Option<&str>) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(&data("valid.json")).unwrap();
    let places = [
        ("/events/0/speakers/0/organization", speaker),
        (
            "/events/0/agenda/0/sessions/1/panel/0/panellists/1/person/organization",
            panellist,
        ),
    ];
    for (place, org) in places {
        if let Some(org) = org {
            *doc.pointer_mut(place).unwrap() = serde_json::Value::from(org);
        }
    }
    doc.to_string()
}

#[test]
fn people_organizations_must_be_partners_of_the_dataset() {
    // Both known (IOM, ECOWAS are partners of the file): it loads.
    Dataset::from_json_str(&with_people_organizations(None, None)).unwrap();
    // A speaker's unknown organisation, then a panellist's, then both.
    let speaker = (
        "/events/0/speakers/0/organization".to_owned(),
        "ref.dangling",
    );
    let panellist = (
        "/events/0/agenda/0/sessions/1/panel/0/panellists/1/person/organization".to_owned(),
        "ref.dangling",
    );
    let text = with_people_organizations(Some("GHOST-1"), None);
    assert_eq!(
        found(&refused(Dataset::from_json_str(&text))),
        std::slice::from_ref(&speaker)
    );
    let text = with_people_organizations(None, Some("GHOST-2"));
    assert_eq!(
        found(&refused(Dataset::from_json_str(&text))),
        std::slice::from_ref(&panellist)
    );
    let text = with_people_organizations(Some("GHOST-1"), Some("GHOST-2"));
    let errors = refused(Dataset::from_json_str(&text));
    assert_eq!(found(&errors), [panellist, speaker]);
    // Each pointer resolves, in the document, to the unknown identifier.
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let named: Vec<_> = errors
        .problems()
        .iter()
        .map(|p| doc.pointer(&p.pointer()).and_then(|v| v.as_str()))
        .collect();
    assert_eq!(named, [Some("GHOST-2"), Some("GHOST-1")]);
}

#[test]
fn process_and_partner_profiles_report_every_problem_at_once() {
    let mut doc: serde_json::Value = serde_json::from_str(&data("valid.json")).unwrap();
    for collection in ["processes", "partners"] {
        let record = doc
            .pointer_mut(&format!("/{collection}/0"))
            .and_then(serde_json::Value::as_object_mut)
            .unwrap();
        // Alternatives without the preferred value, and a date for a status
        // that is not given.
        let alternatives = serde_json::json!([{"value": 12}]);
        record.insert("stated_member_count_alternatives".into(), alternatives);
        record.remove("status");
        record.insert("status_since".into(), "2015".into());
    }
    let errors = refused(Dataset::from_json_str(&doc.to_string()));
    let expected: Vec<(String, &str)> = ["processes", "partners"]
        .iter()
        .flat_map(|c| {
            [
                (format!("/{c}/0/stated_member_count"), "json.missing_field"),
                (format!("/{c}/0/status"), "json.missing_field"),
            ]
        })
        .collect();
    let mut found = found(&errors);
    found.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(found, expected);
}

/// `valid.json` plus a process established in 2010 and dissolved in 2015,
/// and `memberships` (member state, process, start, end).
fn with_lifetimes(memberships: &[(&str, &str, &str, Option<&str>)]) -> (String, usize) {
    let mut doc: serde_json::Value = serde_json::from_str(&data("valid.json")).unwrap();
    let processes = doc["processes"].as_array_mut().unwrap();
    processes.push(serde_json::json!({
        "id": "OLD-RCP",
        "name": "A dissolved process",
        "established": "2010",
        "status": "dissolved",
        "status_since": "2015",
        "sources": ["https://www.iom.int/"]
    }));
    let list = doc["memberships"].as_array_mut().unwrap();
    let first = list.len();
    for (state, process, start, end) in memberships {
        let mut m = serde_json::json!({
            "member": {"state": state},
            "body": {"process": process},
            "role": "member",
            "start": start,
            "sources": ["https://www.iom.int/"]
        });
        if let Some(end) = end {
            m["end"] = serde_json::Value::from(*end);
        }
        list.push(m);
    }
    (doc.to_string(), first)
}

#[test]
fn memberships_lie_within_their_body_lifetime() {
    // MIDWA was established in 2001, OLD-RCP lived from 2010 to 2015.
    let (text, first) = with_lifetimes(&[
        ("SEN", "OLD-RCP", "2011", Some("2012")),
        ("GHA", "OLD-RCP", "2001", Some("2004")),
        ("MLI", "MIDWA", "1990", Some("1995")),
        ("NER", "OLD-RCP", "2012", Some("..")),
        ("CPV", "OLD-RCP", "2005", Some("2009")),
    ]);
    let errors = refused(Dataset::from_json_str(&text));
    let outside = |k: usize| {
        (
            format!("/memberships/{}/start", first + k),
            "membership.outside_body_lifetime",
        )
    };
    assert_eq!(found(&errors), [outside(1), outside(2), outside(4)]);

    // Without them, it loads (2010 is within OLD-RCP's life, though before
    // MIDCAS's); the open membership (`..`) ends with the process, while
    // one with an unknown end (no `end`) is not cut: it may have ended before.
    let (text, _) = with_lifetimes(&[
        ("SEN", "OLD-RCP", "2011", Some("2012")),
        ("GIN", "OLD-RCP", "2010", Some("2010")),
        ("NER", "OLD-RCP", "2012", Some("..")),
        ("MLI", "OLD-RCP", "2012", None),
    ]);
    let d = Dataset::from_json_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let ner = migov::CountryCode::from_alpha3("NER").unwrap();
    let in_old = |year: &str| {
        d.processes_of(ner, year.parse().unwrap())
            .filter(|m| m.item().body().to_string().contains("OLD-RCP"))
            .count()
    };
    assert_eq!(in_old("2013"), 1);
    assert_eq!(in_old("2016"), 0);
    let mli = migov::CountryCode::from_alpha3("MLI").unwrap();
    let mli_in_old: Vec<Truth> = d
        .processes_of(mli, "2013".parse().unwrap())
        .filter(|m| m.item().body().to_string().contains("OLD-RCP"))
        .map(|m| m.certainty())
        .collect();
    assert_eq!(mli_in_old, [Truth::Maybe]);
    let ner_membership = d
        .memberships()
        .iter()
        .find(|m| {
            *m.member() == migov::Party::State(ner) && m.body().to_string().contains("OLD-RCP")
        })
        .unwrap();
    assert!(ner_membership.period().is_open_ended());
    assert_eq!(d.effective_period(ner_membership).to_string(), "2012/2015");
}
