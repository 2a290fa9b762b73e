//! The serde forms of the types a service returns: findings and load reports.

use migov::{Dataset, LoadErrors};

fn report_of(text: &str) -> Result<LoadErrors, String> {
    match Dataset::from_json_str(text) {
        Ok(_) => Err("the file loaded, but it has faults".to_owned()),
        Err(report) => Ok(report),
    }
}

#[test]
fn a_load_report_comes_back_from_json_and_its_pointers_resolve() {
    for name in ["many_faults.json", "record_faults.json", "truncated.json"] {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let report = report_of(&text).unwrap();
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["errors"], report.errors().count(), "{name}");
        assert_eq!(json["warnings"], report.warnings().count(), "{name}");
        let problems = json["problems"].as_array().unwrap();
        assert_eq!(problems.len(), report.problems().len(), "{name}");
        let document: Option<serde_json::Value> = serde_json::from_str(&text).ok();
        for (wire, problem) in problems.iter().zip(report.problems()) {
            assert_eq!(wire["rule"], problem.rule().id());
            assert_eq!(wire["message"], problem.message());
            assert_eq!(
                wire["line"].as_u64().map(|n| n as usize),
                problem.line_column().map(|(line, _)| line)
            );
            // Where the document parses, each pointer names a place in it
            // (or, for a missing field, a place whose parent exists).
            if let Some(document) = &document {
                let pointer = wire["pointer"].as_str().unwrap();
                let parent = pointer.rsplit_once('/').map_or("", |(head, _)| head);
                assert!(
                    document.pointer(pointer).is_some() || document.pointer(parent).is_some(),
                    "{name}: {pointer} does not resolve"
                );
            }
        }
        let back: LoadErrors = serde_json::from_value(json).unwrap();
        assert_eq!(back, report, "{name}");
    }
}

#[test]
fn a_report_whose_counts_disagree_is_refused() {
    let report = report_of(r#"{"schema_version": "2"}"#).unwrap();
    let mut json = serde_json::to_value(&report).unwrap();
    json["errors"] = 5.into();
    let err = serde_json::from_value::<LoadErrors>(json).unwrap_err();
    assert!(err.to_string().contains("counts disagree"), "{err}");
}

#[cfg(feature = "reference-data")]
mod answers {
    use migov::codelist::MembershipRole;
    use migov::{Membership, Party, ProcessId, Truth};

    #[test]
    fn membership_answers_carry_the_record_and_its_certainty() {
        let data = migov::reference::dataset().unwrap();
        let body = Party::Process(ProcessId::new("MIDWA").unwrap());
        let answers: Vec<_> = data
            .members_of(&body, &MembershipRole::Member, "2020".parse().unwrap())
            .collect();
        assert!(!answers.is_empty());
        for answer in answers {
            let json = serde_json::to_value(answer).unwrap();
            let certainty: Truth = serde_json::from_value(json["certainty"].clone()).unwrap();
            assert_eq!(certainty, answer.certainty());
            // The item is the record in its dataset form: it reads back as itself.
            let back: Membership = serde_json::from_value(json["item"].clone()).unwrap();
            assert_eq!(&back, answer.item());
        }
    }

    #[test]
    fn disputes_and_name_matches_serialise_with_every_claim() {
        let data = migov::reference::dataset().unwrap();
        let disputes = data.disputes();
        assert!(!disputes.is_empty());
        let json = serde_json::to_value(&disputes).unwrap();
        for (wire, fact) in json.as_array().unwrap().iter().zip(&disputes) {
            assert_eq!(wire["subject"], fact.subject());
            assert_eq!(wire["field"], fact.field());
            let claims = wire["claims"].as_array().unwrap();
            assert_eq!(claims.len(), fact.claims().len());
            for (c, claim) in claims.iter().zip(fact.claims()) {
                assert_eq!(c["value"], claim.value());
                assert_eq!(
                    c["sources"].as_array().unwrap().len(),
                    claim.sources().len()
                );
                assert_eq!(c.get("note").and_then(|n| n.as_str()), claim.note());
            }
        }
        let matches = data.resolve_name("Senegal");
        let json = serde_json::to_value(&matches).unwrap();
        assert_eq!(json[0]["kind"], "state");
        assert_eq!(json[0]["country"], "SEN");
        assert_eq!(json[0]["member_state"]["country"], "SEN");
    }

    #[test]
    fn membership_changes_name_the_change() {
        let data = migov::reference::dataset().unwrap();
        let changes: Vec<_> = data
            .membership_changes("1990".parse().unwrap(), "2030".parse().unwrap())
            .collect();
        assert!(!changes.is_empty());
        for change in changes {
            let json = serde_json::to_value(change).unwrap();
            let expected = match change {
                migov::MembershipChange::Began(_) => "began",
                migov::MembershipChange::Ended(_) => "ended",
                _ => continue,
            };
            assert_eq!(json["change"], expected);
            let back: Membership = serde_json::from_value(json["membership"].clone()).unwrap();
            assert_eq!(&back, change.membership());
        }
    }
}

#[cfg(feature = "reference-data")]
mod values_of_records {
    use migov::{Claimed, EventDate, Party};

    #[test]
    fn parties_dates_and_claims_come_back_from_json() {
        let data = migov::reference::dataset().unwrap();
        let mut parties = 0;
        for membership in data.memberships() {
            for party in [membership.member(), membership.body()] {
                let json = serde_json::to_value(party).unwrap();
                // The same one-key object the dataset format writes.
                let record = serde_json::to_value(membership).unwrap();
                assert!(record["member"] == json || record["body"] == json);
                assert_eq!(&serde_json::from_value::<Party>(json).unwrap(), party);
                parties += 1;
            }
        }
        assert!(parties > 0);
        let mut claims = 0;
        for event in data.events() {
            let Some(start) = event.start() else { continue };
            let json = serde_json::to_value(start).unwrap();
            let back: Claimed<EventDate> = serde_json::from_value(json.clone()).unwrap();
            assert_eq!(&back, start, "{json}");
            let date: EventDate = serde_json::from_value(json["value"].clone()).unwrap();
            assert_eq!(&date, start.value());
            claims += usize::from(start.is_disputed());
        }
        assert!(claims > 0, "the reference data has a disputed start");
        assert!(serde_json::from_str::<Party>(r#"{"country": "SEN"}"#).is_err());
        assert!(serde_json::from_str::<EventDate>(r#""2024-13""#).is_err());
    }

    #[test]
    fn people_and_agenda_days_serialise_as_their_event_writes_them() {
        let data = migov::reference::dataset().unwrap();
        let (mut people, mut days) = (0, 0);
        for event in data.events() {
            let record = serde_json::to_value(event).unwrap();
            for (i, person) in event.speakers().iter().enumerate() {
                assert_eq!(serde_json::to_value(person).unwrap(), record["speakers"][i]);
                people += 1;
            }
            for (i, day) in event.agenda().iter().enumerate() {
                assert_eq!(serde_json::to_value(day).unwrap(), record["agenda"][i]);
                days += 1;
            }
        }
        assert!(people > 0 && days > 0);
    }
}
