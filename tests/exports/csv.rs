//! CSV tables, read back with the `csv` crate's reader and compared with the
//! dataset they came from.

use std::collections::BTreeMap;

use migov::export::csv::{Table, write_dir, write_table};
use migov::{Dataset, Money};

use crate::small;

/// The table as the csv reader sees it: header and rows.
fn read(data: &Dataset, table: Table) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut out = Vec::new();
    let written = write_table(data, table, &mut out).unwrap();
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<BTreeMap<String, String>> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            assert_eq!(rec.len(), header.len(), "{table}: ragged row");
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), written, "{table}: count returned");
    (header, rows)
}

fn column(rows: &[BTreeMap<String, String>], name: &str) -> Vec<String> {
    rows.iter().map(|r| r[name].clone()).collect()
}

/// Checks every table of `data` against the dataset's own records.
fn check_round_trip(data: &Dataset) {
    for table in Table::ALL {
        let (header, _) = read(data, table);
        assert_eq!(header, table.columns(), "{table}: header");
    }

    let (_, rows) = read(data, Table::MemberStates);
    let want: Vec<String> = data
        .member_states()
        .iter()
        .map(|s| s.country().alpha3().to_owned())
        .collect();
    assert_eq!(column(&rows, "country"), want);
    for (row, s) in rows.iter().zip(data.member_states()) {
        assert_eq!(row["name"], s.name());
        assert_eq!(row["source_count"], s.sources().len().to_string());
        assert_eq!(
            row["current_status"],
            s.current_status()
                .map(|x| x.to_string())
                .unwrap_or_default()
        );
    }

    let (_, rows) = read(data, Table::Processes);
    let want: Vec<&str> = data.processes().iter().map(|p| p.id().as_str()).collect();
    assert_eq!(column(&rows, "id"), want);
    for (row, p) in rows.iter().zip(data.processes()) {
        assert_eq!(row["name"], p.name());
        if let Some(e) = p.established() {
            assert_eq!(
                row["established"].parse::<migov::PartialDate>().unwrap(),
                *e.value()
            );
        }
    }

    let (_, rows) = read(data, Table::Partners);
    let want: Vec<&str> = data.partners().iter().map(|p| p.id().as_str()).collect();
    assert_eq!(column(&rows, "id"), want);

    let (_, rows) = read(data, Table::Projects);
    let want: Vec<&str> = data.projects().iter().map(|p| p.id().as_str()).collect();
    assert_eq!(column(&rows, "id"), want);
    for (row, p) in rows.iter().zip(data.projects()) {
        assert_eq!(row["title"], p.title());
        assert_eq!(
            row["start"],
            p.period()
                .start()
                .map(|d| d.to_string())
                .unwrap_or_default()
        );
        assert_eq!(
            row["end"],
            p.period().end().map(|d| d.to_string()).unwrap_or_default()
        );
    }

    let (_, rows) = read(data, Table::ProjectBenefitingStates);
    let want: Vec<(String, String)> = data
        .projects()
        .iter()
        .flat_map(|p| {
            p.benefiting_states()
                .iter()
                .map(move |c| (p.id().to_string(), c.alpha3().to_owned()))
        })
        .collect();
    let got: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r["project_id"].clone(), r["country"].clone()))
        .collect();
    assert_eq!(got, want);

    let (_, rows) = read(data, Table::ProjectAmounts);
    let want: Vec<Money> = data
        .projects()
        .iter()
        .flat_map(|p| p.amounts().iter().map(|a| *a.money()))
        .collect();
    let got: Vec<Money> = rows
        .iter()
        .map(|r| {
            format!("{} {}", r["amount"], r["currency"])
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(got, want);
    // Exact: the scale survives, not just the value.
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.amount().scale(), w.amount().scale());
    }

    let (_, rows) = read(data, Table::ProjectOrganizations);
    let n: usize = data
        .projects()
        .iter()
        .map(|p| p.organizations().len())
        .sum();
    assert_eq!(rows.len(), n);

    let (_, rows) = read(data, Table::Events);
    let want: Vec<&str> = data.events().iter().map(|e| e.id().as_str()).collect();
    assert_eq!(column(&rows, "id"), want);
    for (row, e) in rows.iter().zip(data.events()) {
        let start = e.start().map(|s| s.value().to_string()).unwrap_or_default();
        assert_eq!(row["start"], start);
    }

    let (_, rows) = read(data, Table::EventParties);
    let want: Vec<(String, String, String)> = data
        .events()
        .iter()
        .flat_map(|e| {
            e.parties().iter().map(move |p| {
                (
                    e.id().to_string(),
                    p.party().kind().to_owned(),
                    p.party().id_str().to_owned(),
                )
            })
        })
        .collect();
    let got: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["event_id"].clone(),
                r["party_kind"].clone(),
                r["party_id"].clone(),
            )
        })
        .collect();
    assert_eq!(got, want);

    let (_, rows) = read(data, Table::Memberships);
    assert_eq!(rows.len(), data.memberships().len());
    for (i, (row, m)) in rows.iter().zip(data.memberships()).enumerate() {
        assert_eq!(row["membership"], i.to_string());
        assert_eq!(row["member_id"], m.member().id_str());
        assert_eq!(row["body_id"], m.body().id_str());
        assert_eq!(row["role"], m.role().as_str());
    }

    let (_, rows) = read(data, Table::Sources);
    let want = data
        .member_states()
        .iter()
        .map(|s| s.sources().len())
        .sum::<usize>()
        + data
            .processes()
            .iter()
            .map(|s| s.sources().len())
            .sum::<usize>()
        + data
            .partners()
            .iter()
            .map(|s| s.sources().len())
            .sum::<usize>()
        + data
            .projects()
            .iter()
            .map(|s| s.sources().len())
            .sum::<usize>()
        + data
            .events()
            .iter()
            .map(|s| s.sources().len())
            .sum::<usize>()
        + data
            .memberships()
            .iter()
            .map(|m| m.sources().len() + m.dispute().map_or(0, |d| d.sources().len()))
            .sum::<usize>();
    assert_eq!(rows.len(), want);
    let urls: Vec<String> = data
        .projects()
        .iter()
        .flat_map(|p| p.sources().iter().map(|s| s.url().to_owned()))
        .collect();
    let got: Vec<String> = rows
        .iter()
        .filter(|r| r["record_kind"] == "project")
        .map(|r| r["url"].clone())
        .collect();
    assert_eq!(got, urls);
}

#[test]
fn the_small_dataset_round_trips() {
    check_round_trip(&small::dataset());
}

#[cfg(feature = "reference-data")]
#[test]
fn the_reference_dataset_round_trips() {
    check_round_trip(&small::reference());
}

#[test]
fn text_with_commas_quotes_and_markup_survives() {
    let data = small::dataset();
    let (_, rows) = read(&data, Table::Processes);
    assert_eq!(rows[0]["notes"], data.processes()[0].notes()[0]);
    assert!(rows[0]["notes"].contains("\"MIDWA\""));
    let (_, rows) = read(&data, Table::Projects);
    assert_eq!(rows[0]["title"], data.projects()[0].title());
}

#[test]
fn partial_dates_keep_their_precision() {
    let data = small::dataset();
    let (_, rows) = read(&data, Table::Memberships);
    let chair = rows.iter().find(|r| r["role"] == "chair").unwrap();
    assert_eq!(
        (chair["start"].as_str(), chair["end"].as_str()),
        ("2019-06", "2020-12-31")
    );
    assert_eq!(chair["dispute"], "another page gives 2018 for the start");
    let (_, rows) = read(&data, Table::Processes);
    assert_eq!(rows[0]["established"], "2001");
    assert_eq!(rows[0]["established_alternatives"], "2000-10");
    let (_, rows) = read(&data, Table::Events);
    let banjul = rows.iter().find(|r| r["id"] == "BANJUL-DIALOGUE").unwrap();
    assert_eq!(banjul["start"], "--07-25");
    let (_, rows) = read(&data, Table::MemberStates);
    let rus = rows.iter().find(|r| r["country"] == "RUS").unwrap();
    assert_eq!(rus["status_history"], "observer@1992 | member@2020");
}

#[test]
fn sources_keep_retrieval_dates_and_notes() {
    let data = small::dataset();
    let (_, rows) = read(&data, Table::Sources);
    let page = rows
        .iter()
        .find(|r| r["url"] == "https://developmentfund.iom.int/projects/e40-800")
        .unwrap();
    assert_eq!(page["record_kind"], "project");
    assert_eq!(page["record_key"], "E40-800");
    assert_eq!(page["retrieved"], "2024-06-02");
    assert_eq!(page["note"], "project page");
    let dispute: Vec<_> = rows
        .iter()
        .filter(|r| r["record_kind"] == "membership_dispute")
        .collect();
    assert_eq!(dispute.len(), 1);
    assert_eq!(dispute[0]["url"], "https://example.org/midwa-2018");
}

#[test]
fn the_same_dataset_gives_the_same_bytes() {
    let a = small::dataset();
    let b = small::dataset();
    for t in Table::ALL {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        write_table(&a, t, &mut x).unwrap();
        write_table(&b, t, &mut y).unwrap();
        assert_eq!(x, y, "{t}");
    }
}

#[test]
fn write_dir_writes_every_table_as_a_file() {
    let dir = std::env::temp_dir().join(format!("migov-csv-{}", std::process::id()));
    let data = small::dataset();
    let written = write_dir(&data, &dir).unwrap();
    assert_eq!(written.len(), Table::ALL.len());
    for (table, rows) in written {
        let text = std::fs::read_to_string(dir.join(format!("{}.csv", table.name()))).unwrap();
        let n = csv::Reader::from_reader(text.as_bytes()).records().count();
        assert_eq!(n, rows, "{table}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failing_writer_is_reported_with_the_table() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = write_table(&small::dataset(), Table::Projects, Full).unwrap_err();
    assert!(
        matches!(
            err,
            migov::export::ExportError::Csv {
                table: "projects",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("projects"), "{err}");
    let err: migov::Error = err.into();
    assert!(matches!(err, migov::Error::Export(_)));
}
