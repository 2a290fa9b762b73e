//! Query latency on a generated dataset: migov's index versus a linear scan
//! over the same records versus an indexed in-memory SQLite database of the
//! same data (prepared statements).
//!
//! `cargo bench --bench query` measures S1 (and S10 with `MIGOV_BENCH_S10=1`);
//! `cargo test --benches` runs each bench once on a tiny dataset.
#![allow(
    clippy::explicit_auto_deref,
    clippy::suspicious_map,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use criterion::Criterion;
use migov::codelist::{AmountKind, IdfRegion, MembershipRole, ProjectRole};
use migov::{
    BudgetDimension, BudgetQuery, BudgetTotals, CountryCode, Dataset, KeyPart, PartialDate,
    PartnerId, Party, ProcessId, Project, ProjectFilter, Truth,
};
use rusqlite::{Connection, params};

use generate::Scale;

fn days(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// Budget amounts in hundredths, exact for the generated two-decimal amounts.
fn cents(m: &migov::Money) -> i64 {
    let mut a = m.amount();
    a.rescale(2);
    i64::try_from(a.mantissa()).unwrap()
}

const SCHEMA: &str = "
CREATE TABLE states (country TEXT PRIMARY KEY, name TEXT NOT NULL, idf_region TEXT) WITHOUT ROWID;
CREATE TABLE processes (id TEXT PRIMARY KEY, name TEXT NOT NULL, established INTEGER, dissolved INTEGER) WITHOUT ROWID;
CREATE TABLE partners (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT) WITHOUT ROWID;
CREATE TABLE projects (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    status TEXT, coverage TEXT, idf_region TEXT, earliest_start INTEGER, latest_end INTEGER,
    year INTEGER, project_type TEXT, idf INTEGER NOT NULL);
CREATE TABLE project_states (project INTEGER NOT NULL, state TEXT NOT NULL);
CREATE TABLE project_partners (project INTEGER NOT NULL, partner TEXT NOT NULL, role TEXT NOT NULL);
CREATE TABLE project_amounts (project INTEGER NOT NULL, kind TEXT NOT NULL, currency TEXT NOT NULL, cents INTEGER NOT NULL);
CREATE TABLE memberships (rid INTEGER PRIMARY KEY, member_kind TEXT NOT NULL, member TEXT NOT NULL,
    body_kind TEXT NOT NULL, body TEXT NOT NULL, role TEXT NOT NULL,
    earliest_start INTEGER, latest_end INTEGER);
";

const INDEXES: &str = "
CREATE INDEX project_states_state ON project_states (state, project);
CREATE INDEX project_partners_partner ON project_partners (partner, role, project);
CREATE INDEX memberships_member ON memberships (member_kind, member, body_kind);
CREATE INDEX memberships_body ON memberships (body_kind, body, role);
CREATE INDEX project_amounts_project ON project_amounts (project, kind, currency, cents);
CREATE INDEX project_partners_role ON project_partners (role, partner, project);
CREATE INDEX projects_region ON projects (idf_region, year, status, project_type);
CREATE INDEX projects_idf ON projects (idf, project_type);
";

fn kind_id(p: &Party) -> (&'static str, &str) {
    match p {
        Party::State(c) => ("state", c.alpha3()),
        Party::Partner(id) => ("partner", id.as_str()),
        Party::Process(id) => ("process", id.as_str()),
        _ => ("other", ""),
    }
}

/// An indexed in-memory SQLite database of the dataset (memberships carry
/// their effective period, as migov computes it).
fn build_sqlite(data: &Dataset) -> Connection {
    let mut db = Connection::open_in_memory().unwrap();
    db.execute_batch(SCHEMA).unwrap();
    let tx = db.transaction().unwrap();
    {
        let mut st = tx
            .prepare("INSERT INTO states VALUES (?1, ?2, ?3)")
            .unwrap();
        for s in data.member_states() {
            st.execute(params![
                s.country().alpha3(),
                s.name(),
                s.idf_region().map(|r| r.as_str())
            ])
            .unwrap();
        }
        let mut st = tx
            .prepare("INSERT INTO processes VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        for p in data.processes() {
            let life = p.lifetime();
            st.execute(params![
                p.id().as_str(),
                p.name(),
                life.earliest_start().map(days),
                life.latest_end().map(days)
            ])
            .unwrap();
        }
        let mut st = tx
            .prepare("INSERT INTO partners VALUES (?1, ?2, ?3)")
            .unwrap();
        for p in data.partners() {
            st.execute(params![
                p.id().as_str(),
                p.name(),
                p.kind().map(|k| k.as_str())
            ])
            .unwrap();
        }
        let mut project = tx
            .prepare("INSERT INTO projects VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
            .unwrap();
        let mut state = tx
            .prepare("INSERT INTO project_states VALUES (?1, ?2)")
            .unwrap();
        let mut partner = tx
            .prepare("INSERT INTO project_partners VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut amount = tx
            .prepare("INSERT INTO project_amounts VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        for (rid, p) in data.projects().iter().enumerate() {
            let rid = rid as i64;
            project
                .execute(params![
                    rid,
                    p.id().as_str(),
                    p.title(),
                    p.status().map(|s| s.as_str()),
                    p.coverage().map(|c| c.as_str()),
                    p.idf_region().map(|r| r.as_str()),
                    p.period().earliest_start().map(days),
                    p.period().latest_end().map(days),
                    budget_year(p),
                    p.project_type().map(|t| t.as_str()),
                    p.idf_code().is_some()
                ])
                .unwrap();
            for s in p.benefiting_states() {
                state.execute(params![rid, s.alpha3()]).unwrap();
            }
            for o in p.organizations() {
                partner
                    .execute(params![rid, o.partner().as_str(), o.role().as_str()])
                    .unwrap();
            }
            for a in p.amounts() {
                amount
                    .execute(params![
                        rid,
                        a.kind().as_str(),
                        a.money().currency().code(),
                        cents(a.money())
                    ])
                    .unwrap();
            }
        }
        let mut st = tx
            .prepare("INSERT INTO memberships VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .unwrap();
        for (rid, m) in data.memberships().iter().enumerate() {
            let (mk, mi) = kind_id(m.member());
            let (bk, bi) = kind_id(m.body());
            let period = data.effective_period(m);
            st.execute(params![
                rid as i64,
                mk,
                mi,
                bk,
                bi,
                m.role().as_str(),
                period.earliest_start().map(days),
                period.latest_end().map(days)
            ])
            .unwrap();
        }
    }
    tx.commit().unwrap();
    db.execute_batch(INDEXES).unwrap();
    db.execute_batch("ANALYZE").unwrap();
    db
}

const SQL_PROCESSES_OF: &str = "SELECT body FROM memberships
    WHERE member_kind = 'state' AND member = ?1 AND body_kind = 'process'
      AND (earliest_start IS NULL OR earliest_start <= ?3)
      AND (latest_end IS NULL OR latest_end >= ?2)";
const SQL_MEMBERS_OF: &str = "SELECT member FROM memberships
    WHERE body_kind = 'process' AND body = ?1 AND role = 'member'
      AND (earliest_start IS NULL OR earliest_start <= ?3)
      AND (latest_end IS NULL OR latest_end >= ?2)";
const SQL_BENEFITING: &str =
    "SELECT p.id FROM project_states s JOIN projects p ON p.rid = s.project
    WHERE s.state = ?1";
const SQL_WITH_PARTNER: &str =
    "SELECT p.id FROM project_partners pp JOIN projects p ON p.rid = pp.project
    WHERE pp.partner = ?1 AND pp.role = 'funder'";
/// Runs a prepared one-parameter-or-more statement, counting rows and
/// touching the first column without copying it.
fn sql_count(st: &mut rusqlite::Statement<'_>, params: impl rusqlite::Params) -> usize {
    let mut rows = st.query(params).unwrap();
    let mut n = 0;
    while let Some(row) = rows.next().unwrap() {
        black_box(row.get_ref(0).unwrap());
        n += 1;
    }
    n
}

/// The year budget totals file a project under: its "Year", else the
/// known year of its start.
fn budget_year(p: &Project) -> Option<i32> {
    p.year()
        .or_else(|| p.period().start().and_then(|d| d.known_year()))
}

/// Budget totals, as lines `grouped parts | kind | currency | cents`
/// (`NULL` for an unknown part), sorted.
fn budget_lines(totals: &BudgetTotals<'_>) -> Vec<String> {
    fn part<T: ToString>(out: &mut Vec<String>, p: KeyPart<T>) {
        match p {
            KeyPart::All => {}
            KeyPart::Unknown => out.push("NULL".to_owned()),
            KeyPart::Known(v) => out.push(v.to_string()),
        }
    }
    let mut lines: Vec<String> = totals
        .iter()
        .map(|t| {
            let k = t.key();
            let mut cells = Vec::new();
            part(&mut cells, k.year());
            part(&mut cells, k.idf_region().map_known(|r| r.as_str()));
            part(&mut cells, k.benefiting_state().map_known(|s| s.alpha3()));
            part(&mut cells, k.project_type().map_known(|t| t.as_str()));
            part(&mut cells, k.status().map_known(|s| s.as_str()));
            part(&mut cells, k.funder().map_known(|f| f.as_str()));
            cells.push(t.kind().as_str().to_owned());
            cells.push(t.money().currency().code().to_owned());
            cells.push(cents(&t.money()).to_string());
            cells.join("|")
        })
        .collect();
    lines.sort();
    lines
}

/// The rows of a prepared statement, as lines of cells joined by `|`, sorted.
fn sql_lines(st: &mut rusqlite::Statement<'_>, params: impl rusqlite::Params) -> Vec<String> {
    use rusqlite::types::ValueRef;
    let n = st.column_count();
    let mut rows = st.query(params).unwrap();
    let mut lines = Vec::new();
    while let Some(row) = rows.next().unwrap() {
        let cells: Vec<String> = (0..n)
            .map(|i| match row.get_ref(i).unwrap() {
                ValueRef::Null => "NULL".to_owned(),
                ValueRef::Integer(v) => v.to_string(),
                ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                other => format!("{other:?}"),
            })
            .collect();
        lines.push(cells.join("|"));
    }
    lines.sort();
    lines
}

const SQL_AMOUNTS: &str = "FROM project_amounts a JOIN projects p ON p.rid = a.project";
const SQL_KIND_CURRENCY: &str = "a.kind, a.currency";

/// Budget totals: migov's `budget_totals` against the same GROUP BY in
/// SQLite, each query answered afresh on every call (nothing kept).
fn budgets(c: &mut Criterion, scale: &str, data: &Dataset, db: &Connection, partner: &PartnerId) {
    use BudgetDimension as D;
    let q = BudgetQuery::new;
    let sen = CountryCode::from_alpha3("SEN").unwrap();
    let kc = SQL_KIND_CURRENCY;
    let sum = "SUM(a.cents)";
    let queries: Vec<(&str, BudgetQuery, String)> = vec![
        (
            "by_region",
            q().group_by(D::IdfRegion),
            format!("SELECT p.idf_region, {kc}, {sum} {SQL_AMOUNTS} GROUP BY p.idf_region, {kc}"),
        ),
        (
            "by_year",
            q().group_by(D::Year),
            format!("SELECT p.year, {kc}, {sum} {SQL_AMOUNTS} GROUP BY p.year, {kc}"),
        ),
        (
            "by_state",
            q().group_by(D::BenefitingState),
            format!(
                "SELECT s.state, {kc}, {sum} FROM project_states s
                 JOIN project_amounts a ON a.project = s.project GROUP BY s.state, {kc}"
            ),
        ),
        (
            "funder_x_type",
            q().group_by(D::Funder).group_by(D::ProjectType),
            format!(
                "SELECT p.project_type, pp.partner, {kc}, {sum} FROM project_partners pp
                 JOIN projects p ON p.rid = pp.project JOIN project_amounts a ON a.project = pp.project
                 WHERE pp.role = 'funder' GROUP BY pp.partner, p.project_type, {kc}"
            ),
        ),
        (
            "region_x_status",
            q().group_by(D::IdfRegion).group_by(D::ProjectStatus),
            format!(
                "SELECT p.idf_region, p.status, {kc}, {sum} {SQL_AMOUNTS}
                 GROUP BY p.idf_region, p.status, {kc}"
            ),
        ),
        (
            "africa_year_x_status_x_type",
            q().idf_region(IdfRegion::Africa)
                .group_by(D::Year)
                .group_by(D::ProjectStatus)
                .group_by(D::ProjectType),
            format!(
                "SELECT p.year, p.project_type, p.status, {kc}, {sum} {SQL_AMOUNTS}
                 WHERE p.idf_region = 'africa' GROUP BY p.year, p.status, p.project_type, {kc}"
            ),
        ),
        (
            "idf_only_by_type",
            q().idf_only().group_by(D::ProjectType),
            format!(
                "SELECT p.project_type, {kc}, {sum} {SQL_AMOUNTS}
                 WHERE p.idf = 1 GROUP BY p.project_type, {kc}"
            ),
        ),
        (
            "state_by_year",
            q().benefiting_state(sen).group_by(D::Year),
            format!(
                "SELECT p.year, {kc}, {sum} FROM project_states s
                 JOIN projects p ON p.rid = s.project JOIN project_amounts a ON a.project = s.project
                 WHERE s.state = 'SEN' GROUP BY p.year, {kc}"
            ),
        ),
        (
            "funder_budget_by_year",
            q().funder(partner.clone())
                .kind(AmountKind::Budget)
                .group_by(D::Year),
            format!(
                "SELECT p.year, {kc}, {sum} FROM project_partners pp
                 JOIN projects p ON p.rid = pp.project JOIN project_amounts a ON a.project = pp.project
                 WHERE pp.partner = '{}' AND pp.role = 'funder' AND a.kind = 'budget'
                 GROUP BY p.year, {kc}",
                partner.as_str()
            ),
        ),
    ];
    for (name, query, sql) in &queries {
        let mut st = db.prepare(sql).unwrap();
        let ours = budget_lines(&data.budget_totals(query).unwrap());
        let theirs = sql_lines(&mut st, params![]);
        eprintln!("{scale}: budget/{name}: {} totals", ours.len());
        // (The tiny smoke-run dataset may have no project of the funder.)
        assert!(!ours.is_empty() || scale == "tiny", "{name}: no totals");
        assert_eq!(ours, theirs, "{name}: SQLite disagrees");

        let mut g = c.benchmark_group(format!("query/{scale}/budget/{name}"));
        g.measurement_time(Duration::from_secs(3));
        g.bench_function("migov", |b| {
            b.iter(|| data.budget_totals(black_box(query)).unwrap().len());
        });
        g.bench_function("sqlite", |b| {
            b.iter(|| sql_count(&mut st, params![]));
        });
        g.finish();
    }
}

fn configure(c: Criterion) -> Criterion {
    c.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

fn main() {
    let mut c = configure(Criterion::default()).configure_from_args();
    for scale in Scale::from_env() {
        let text = generate::generate(&scale, 0x5EED_2026);
        let data = generate::check_loads(&text);
        drop(text);

        let t = Instant::now();
        let db = build_sqlite(&data);
        eprintln!(
            "{}: building the indexed in-memory SQLite database took {:?}",
            scale.name,
            t.elapsed()
        );

        // The arguments: a state, a process, a partner and a year.
        let sen = CountryCode::from_alpha3("SEN").unwrap();
        let process = Party::Process(ProcessId::new("RCP-00001").unwrap());
        let process_id = "RCP-00001";
        let partner = data.partners()[1].id().clone();
        let on: PartialDate = "2010".parse().unwrap();
        let (first, last) = (days(on.first_day()), days(on.last_day()));
        let all = ProjectFilter::default();
        let member = MembershipRole::Member;
        let funder = ProjectRole::Funder;

        let mut q_processes = db.prepare(SQL_PROCESSES_OF).unwrap();
        let mut q_members = db.prepare(SQL_MEMBERS_OF).unwrap();
        let mut q_benefiting = db.prepare(SQL_BENEFITING).unwrap();
        let mut q_partner = db.prepare(SQL_WITH_PARTNER).unwrap();

        let possible = |m: &migov::Membership| data.effective_period(m).contains(on) != Truth::No;

        // The three answers agree.
        let counts = [
            (
                "processes_of",
                data.processes_of(sen, on).count(),
                data.memberships()
                    .iter()
                    .filter(|m| {
                        *m.member() == Party::State(sen)
                            && matches!(m.body(), Party::Process(_))
                            && possible(m)
                    })
                    .count(),
                sql_count(&mut q_processes, params!["SEN", first, last]),
            ),
            (
                "members_of",
                data.members_of(&process, &member, on).count(),
                data.memberships()
                    .iter()
                    .filter(|m| *m.body() == process && *m.role() == member && possible(m))
                    .count(),
                sql_count(&mut q_members, params![process_id, first, last]),
            ),
            (
                "projects_benefiting",
                data.projects_benefiting(sen, &all).count(),
                data.projects()
                    .iter()
                    .filter(|p| p.benefiting_states().contains(&sen))
                    .count(),
                sql_count(&mut q_benefiting, params!["SEN"]),
            ),
            (
                "projects_with_partner",
                data.projects_with_partner(&partner, Some(&funder)).count(),
                data.projects()
                    .iter()
                    .filter(|p| {
                        p.organizations()
                            .iter()
                            .any(|o| *o.partner() == partner && *o.role() == funder)
                    })
                    .count(),
                sql_count(&mut q_partner, params![partner.as_str()]),
            ),
        ];
        for (name, m, l, s) in counts {
            eprintln!("{}: {name}: {m} answers", scale.name);
            assert_eq!((m, l), (m, m), "{name}: linear scan disagrees");
            assert_eq!((m, s), (m, m), "{name}: SQLite disagrees");
        }

        let mut g = c.benchmark_group(format!("query/{}/processes_of", scale.name));
        g.bench_function("migov", |b| {
            b.iter(|| {
                data.processes_of(black_box(sen), black_box(on))
                    .inspect(|a| {
                        black_box(a.certainty());
                    })
                    .count()
            });
        });
        g.bench_function("linear_scan", |b| {
            b.iter(|| {
                let sen = black_box(sen);
                data.memberships()
                    .iter()
                    .filter(|m| {
                        *m.member() == Party::State(sen)
                            && matches!(m.body(), Party::Process(_))
                            && possible(m)
                    })
                    .count()
            });
        });
        g.bench_function("sqlite", |b| {
            b.iter(|| sql_count(&mut q_processes, params![black_box("SEN"), first, last]));
        });
        g.finish();

        let mut g = c.benchmark_group(format!("query/{}/members_of", scale.name));
        g.bench_function("migov", |b| {
            b.iter(|| {
                data.members_of(black_box(&process), &member, black_box(on))
                    .inspect(|a| {
                        black_box(a.certainty());
                    })
                    .count()
            });
        });
        g.bench_function("linear_scan", |b| {
            b.iter(|| {
                let process = black_box(&process);
                data.memberships()
                    .iter()
                    .filter(|m| m.body() == process && *m.role() == member && possible(m))
                    .count()
            });
        });
        g.bench_function("sqlite", |b| {
            b.iter(|| sql_count(&mut q_members, params![black_box(process_id), first, last]));
        });
        g.finish();

        let mut g = c.benchmark_group(format!("query/{}/projects_benefiting", scale.name));
        g.bench_function("migov", |b| {
            b.iter(|| {
                data.projects_benefiting(black_box(sen), &all)
                    .inspect(|p| {
                        black_box(p.id());
                    })
                    .count()
            });
        });
        g.bench_function("linear_scan", |b| {
            b.iter(|| {
                let sen = black_box(sen);
                data.projects()
                    .iter()
                    .filter(|p| p.benefiting_states().contains(&sen))
                    .inspect(|p| {
                        black_box(p.id());
                    })
                    .count()
            });
        });
        g.bench_function("sqlite", |b| {
            b.iter(|| sql_count(&mut q_benefiting, params![black_box("SEN")]));
        });
        g.finish();

        let mut g = c.benchmark_group(format!("query/{}/projects_with_partner", scale.name));
        g.bench_function("migov", |b| {
            b.iter(|| {
                data.projects_with_partner(black_box(&partner), Some(&funder))
                    .inspect(|p| {
                        black_box(p.id());
                    })
                    .count()
            });
        });
        g.bench_function("linear_scan", |b| {
            b.iter(|| {
                let partner = black_box(&partner);
                data.projects()
                    .iter()
                    .filter(|p| {
                        p.organizations()
                            .iter()
                            .any(|o| o.partner() == partner && *o.role() == funder)
                    })
                    .inspect(|p| {
                        black_box(p.id());
                    })
                    .count()
            });
        });
        g.bench_function("sqlite", |b| {
            b.iter(|| sql_count(&mut q_partner, params![black_box(partner.as_str())]));
        });
        g.finish();

        budgets(&mut c, scale.name, &data, &db, &partner);

        // Lookups: a record by key, and the first answer of a relation.
        let mut g = c.benchmark_group(format!("query/{}/lookup", scale.name));
        g.bench_function("member_state", |b| {
            b.iter(|| data.member_state(black_box(sen)).map(|s| s.country()));
        });
        g.bench_function("partner", |b| {
            b.iter(|| {
                data.partner(black_box(&partner))
                    .map(|p| p.id().as_str().len())
            });
        });
        g.bench_function("projects_benefiting_first", |b| {
            b.iter(|| {
                data.projects_benefiting(black_box(sen), &all)
                    .next()
                    .map(|p| p.id().as_str().len())
            });
        });
        g.bench_function("projects_with_partner_first", |b| {
            b.iter(|| {
                data.projects_with_partner(black_box(&partner), Some(&funder))
                    .next()
                    .map(|p| p.id().as_str().len())
            });
        });
        g.finish();
    }
    c.final_summary();
}
