//! Load and save throughput on generated datasets.
//!
//! On the same file in the same run: migov's `Dataset::from_json_str` (parse,
//! validate every record and rule, sort, index) versus serde_json into plain
//! mirror structs of the format (no validation) versus `serde_json::Value`.
//! Also saving (`to_json_string`) and the first load of the embedded
//! reference dataset.
//!
//! Each scale is measured on the file as migov saves it (records in
//! canonical order) and on the generator's unsorted text. Criterion's
//! `iter` drops each result inside the timing; on the canonical file the
//! two loads are also timed without the drop.
//!
//! Criterion measures each function in its own stretch of time, so a busy
//! shared machine can favour one side. Each file is therefore also timed
//! *paired*: migov and the mirror structs alternate on the same text, round
//! after round, and the median of the per-round ratios is printed
//! (`paired: ...` lines), with the drop timed and not timed.
//!
//! `cargo bench --bench load` measures S1 (and S10 with `MIGOV_BENCH_S10=1`);
//! `cargo test --benches` runs each bench once on a tiny dataset.
#![allow(
    clippy::explicit_auto_deref,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};

use generate::Scale;

/// Plain mirror structs of the JSON format: every field, owned strings, no
/// validation (dates, codes, amounts stay text).
#[allow(dead_code)]
mod mirror {
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer};
    use std::fmt;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Document {
        pub schema_version: String,
        #[serde(default)]
        pub member_states: Vec<MemberState>,
        #[serde(default)]
        pub processes: Vec<Body>,
        #[serde(default)]
        pub partners: Vec<Body>,
        #[serde(default)]
        pub projects: Vec<Project>,
        #[serde(default)]
        pub events: Vec<Event>,
        #[serde(default)]
        pub memberships: Vec<Membership>,
    }

    /// A source: a URL string or `{"url", "retrieved", "note"}`.
    #[allow(dead_code)]
    pub enum Source {
        Url(String),
        Full(SourceObject),
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct SourceObject {
        pub url: String,
        pub retrieved: Option<String>,
        pub note: Option<String>,
    }

    impl<'de> Deserialize<'de> for Source {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Source;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a URL or a source object")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Source, E> {
                    Ok(Source::Url(v.to_owned()))
                }
                fn visit_string<E: de::Error>(self, v: String) -> Result<Source, E> {
                    Ok(Source::Url(v))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Source, A::Error> {
                    SourceObject::deserialize(de::value::MapAccessDeserializer::new(map))
                        .map(Source::Full)
                }
            }
            d.deserialize_any(V)
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Status {
        pub status: String,
        pub since: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Flag {
        pub value: bool,
        pub as_of: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct MemberState {
        pub country: String,
        pub name: Option<String>,
        #[serde(default)]
        pub other_names: Vec<String>,
        #[serde(default)]
        pub status: Vec<Status>,
        pub idf_region: Option<String>,
        pub idf_line2_eligibility: Option<Flag>,
        pub gcm_champion: Option<Flag>,
        #[serde(default)]
        pub notes: Vec<String>,
        #[serde(default)]
        pub sources: Vec<Source>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Alternative<T> {
        pub value: T,
        #[serde(default)]
        pub sources: Vec<Source>,
        pub note: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Figure {
        pub metric: String,
        pub value: u64,
        pub bound: String,
        pub as_of: Option<String>,
        #[serde(default)]
        pub sources: Vec<Source>,
    }

    /// A process or a partner (the partner-only fields are optional).
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Body {
        pub id: String,
        pub name: String,
        #[serde(default)]
        pub other_names: Vec<String>,
        pub kind: Option<String>,
        pub region: Option<String>,
        pub headquarters: Option<String>,
        pub established: Option<String>,
        #[serde(default)]
        pub established_alternatives: Vec<Alternative<String>>,
        pub secretariat: Option<String>,
        #[serde(default)]
        pub linked_organizations: Vec<String>,
        pub status: Option<String>,
        pub status_since: Option<String>,
        pub stated_member_count: Option<u32>,
        #[serde(default)]
        pub stated_member_count_alternatives: Vec<Alternative<u32>>,
        pub iom_relationship: Option<String>,
        #[serde(default)]
        pub figures: Vec<Figure>,
        #[serde(default)]
        pub notes: Vec<String>,
        #[serde(default)]
        pub sources: Vec<Source>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ExternalId {
        pub scheme: String,
        pub value: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Amount {
        pub kind: String,
        pub amount: String,
        pub currency: String,
        pub note: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ProjectParty {
        pub partner: String,
        pub role: String,
        pub note: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Project {
        pub id: String,
        pub title: String,
        pub description: Option<String>,
        #[serde(default)]
        pub external_ids: Vec<ExternalId>,
        pub status: Option<String>,
        pub project_type: Option<String>,
        pub start: Option<String>,
        pub end: Option<String>,
        pub year: Option<i32>,
        #[serde(default)]
        pub amounts: Vec<Amount>,
        pub coverage: Option<String>,
        pub idf_region: Option<String>,
        #[serde(default)]
        pub benefiting_states: Vec<String>,
        #[serde(default)]
        pub organizations: Vec<ProjectParty>,
        #[serde(default)]
        pub related_processes: Vec<String>,
        #[serde(default)]
        pub notes: Vec<String>,
        #[serde(default)]
        pub sources: Vec<Source>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Person {
        pub name: String,
        #[serde(default)]
        pub other_names: Vec<String>,
        pub title: Option<String>,
        pub affiliation: Option<String>,
        pub organization: Option<String>,
        pub country: Option<String>,
        pub email: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Panellist {
        pub person: Person,
        #[serde(default)]
        pub documents: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Contribution {
        pub panellists: Vec<Panellist>,
        pub topic: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Session {
        pub start: String,
        pub end: Option<String>,
        pub title: String,
        pub format: Option<String>,
        #[serde(default)]
        pub items: Vec<String>,
        #[serde(default)]
        pub panel: Vec<Contribution>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct AgendaDay {
        pub date: String,
        pub title: Option<String>,
        #[serde(default)]
        pub sessions: Vec<Session>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    pub enum Party {
        State(String),
        Partner(String),
        Process(String),
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct EventParty {
        pub party: Party,
        pub role: String,
        pub programme: Option<String>,
        pub note: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Event {
        pub id: String,
        pub title: String,
        pub kind: Option<String>,
        pub description: Option<String>,
        pub start: Option<String>,
        #[serde(default)]
        pub start_alternatives: Vec<Alternative<String>>,
        pub end: Option<String>,
        pub city: Option<String>,
        pub country: Option<String>,
        #[serde(default)]
        pub online: bool,
        pub time_zone: Option<String>,
        #[serde(default)]
        pub parties: Vec<EventParty>,
        #[serde(default)]
        pub related_projects: Vec<String>,
        #[serde(default)]
        pub speakers: Vec<Person>,
        #[serde(default)]
        pub contacts: Vec<Person>,
        #[serde(default)]
        pub agenda: Vec<AgendaDay>,
        #[serde(default)]
        pub notes: Vec<String>,
        #[serde(default)]
        pub sources: Vec<Source>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Dispute {
        pub note: String,
        #[serde(default)]
        pub sources: Vec<Source>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Membership {
        pub member: Party,
        pub body: Party,
        pub role: String,
        pub scope: Option<String>,
        pub start: Option<String>,
        pub end: Option<String>,
        pub note: Option<String>,
        pub dispute: Option<Dispute>,
        #[serde(default)]
        pub sources: Vec<Source>,
    }
}

/// Throughput of migov relative to the mirror structs, from `rounds`
/// alternating loads of `text`: the medians of the per-round ratios with the
/// result dropped inside the timing and outside it.
fn paired_ratios(text: &str, rounds: usize) -> (f64, f64) {
    use std::time::Instant;
    fn timed<T>(load: impl FnOnce() -> T) -> (f64, f64) {
        let start = Instant::now();
        let loaded = black_box(load());
        let parsed = start.elapsed().as_secs_f64();
        drop(loaded);
        (parsed, start.elapsed().as_secs_f64())
    }
    let (mut with_drop, mut without_drop) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (mirror_load, mirror_total) =
            timed(|| serde_json::from_str::<mirror::Document>(black_box(text)).unwrap());
        let (migov_load, migov_total) =
            timed(|| migov::Dataset::from_json_str(black_box(text)).unwrap());
        with_drop.push(mirror_total / migov_total);
        without_drop.push(mirror_load / migov_load);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    (median(with_drop), median(without_drop))
}

fn configure(c: Criterion) -> Criterion {
    c.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

fn main() {
    // The true first access (parse, validate and index once, then shared).
    let t = std::time::Instant::now();
    let reference = migov::reference::dataset().expect("reference dataset");
    eprintln!(
        "reference: first access of migov::reference::dataset() took {:?} ({} bytes, {} projects)",
        t.elapsed(),
        migov::reference::JSON.len(),
        reference.projects().len()
    );
    let mut c = configure(Criterion::default()).configure_from_args();
    for scale in Scale::from_env() {
        let text = generate::generate(&scale, 0x5EED_2026);
        // Smoke check: the generated file loads, without errors or warnings.
        let data = generate::check_loads(&text);
        let doc: mirror::Document = serde_json::from_str(&text).expect("mirror structs");
        assert_eq!(doc.schema_version, "1");
        assert_eq!(doc.projects.len(), data.projects().len());
        assert_eq!(doc.memberships.len(), data.memberships().len());
        eprintln!(
            "{}: {:.1} MB, {} member states, {} processes, {} partners, {} projects, {} events, {} memberships",
            scale.name,
            text.len() as f64 / 1e6,
            data.member_states().len(),
            data.processes().len(),
            data.partners().len(),
            data.projects().len(),
            data.events().len(),
            data.memberships().len()
        );
        drop(doc);

        // The file as migov writes it (records in canonical order), and the
        // generator's own text (partners, projects and memberships out of
        // order, so that loading also sorts them).
        let canonical = data.to_json_string();
        for (variant, text) in [("", &canonical), ("unsorted", &text)] {
            let name = if variant.is_empty() {
                format!("load/{}", scale.name)
            } else {
                format!("load/{}/{variant}", scale.name)
            };
            let rounds = if scale.name == "S10" { 7 } else { 15 };
            let (with_drop, without_drop) = paired_ratios(text, rounds);
            eprintln!(
                "paired: {name}: migov / mirror structs throughput, median of {rounds} alternating rounds: \
                 {with_drop:.2}x with the drop timed, {without_drop:.2}x without"
            );
            let mut g = c.benchmark_group(name);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function("migov_from_json_str", |b| {
                b.iter(|| migov::Dataset::from_json_str(black_box(text)).unwrap());
            });
            g.bench_function("serde_mirror_structs", |b| {
                b.iter(|| serde_json::from_str::<mirror::Document>(black_box(text)).unwrap());
            });
            if variant.is_empty() {
                // The same, with the result dropped outside the timing:
                // freeing costs the plain structs more than migov's
                // entities, so this is the stricter comparison.
                g.bench_function("migov_from_json_str_without_drop", |b| {
                    b.iter_with_large_drop(|| {
                        migov::Dataset::from_json_str(black_box(text)).unwrap()
                    });
                });
                g.bench_function("serde_mirror_structs_without_drop", |b| {
                    b.iter_with_large_drop(|| {
                        serde_json::from_str::<mirror::Document>(black_box(text)).unwrap()
                    });
                });
                g.bench_function("serde_json_value", |b| {
                    b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(text)).unwrap());
                });
            }
            g.finish();
        }

        let saved = data.to_json_string();
        let mut g = c.benchmark_group(format!("save/{}", scale.name));
        g.throughput(Throughput::Bytes(saved.len() as u64));
        g.bench_function("migov_to_json_string", |b| {
            b.iter(|| black_box(&data).to_json_string());
        });
        g.finish();
        // Saving then loading gives an equal dataset.
        assert!(migov::Dataset::from_json_str(&saved).unwrap() == data);
    }

    let reference = migov::reference::JSON;
    let mut g = c.benchmark_group("reference");
    g.throughput(Throughput::Bytes(reference.len() as u64));
    g.bench_function("first_load", |b| {
        b.iter(|| migov::Dataset::from_json_str(black_box(reference)).unwrap());
    });
    g.finish();

    c.final_summary();
}
