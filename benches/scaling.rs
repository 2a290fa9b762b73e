//! Growth of loading, checking and the first name look-up on hostile shapes.
//!
//! Each shape is a file whose size grows with N: the loader, the rules or the
//! index would go quadratic on it if a loop nested over its records. Each is
//! timed at N and 2N (best of several runs) and the growth exponent
//! `log2(t(2N) / t(N))` printed: 1.0 is linear, 2.0 quadratic. The goal is
//! at most 1.15 for every shape.
//!
//! `cargo bench --bench scaling` measures N = 64,000 (or `MIGOV_SCALING_N`);
//! `taskset -c 0 cargo bench --bench scaling` for one core.
//! `cargo test --benches` runs every shape once at a tiny N, checking that
//! each file gives the outcome the shape is built for.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_precision_loss,
    missing_docs
)]

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use migov::{LoadOptions, Rule};
use serde_json::{Value, json};

fn day(n: usize) -> String {
    (NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(n as i64))
        .format("%Y-%m-%d")
        .to_string()
}

fn doc(parts: Value) -> String {
    let mut d = json!({"schema_version": "1"});
    for (k, v) in parts.as_object().unwrap() {
        d[k] = v.clone();
    }
    serde_json::to_string(&d).unwrap()
}

fn process() -> Value {
    json!({"id": "RCP", "name": "A process", "kind": "regional_consultative_process", "sources": ["https://www.iom.int/"]})
}

fn spell(role: &str, from: usize, to: usize) -> Value {
    json!({"member": {"state": "SEN"}, "body": {"process": "RCP"}, "role": role,
           "start": day(from), "end": day(to), "sources": ["https://www.iom.int/"]})
}

/// What a shape's file must give, so that a timing measures what it says.
#[derive(Clone, Copy)]
enum Outcome {
    Loads,
    Fails(Rule),
}

struct Shape {
    name: &'static str,
    make: fn(usize) -> String,
    outcome: Outcome,
    /// A name to look up once the dataset is loaded.
    look_up: Option<&'static str>,
}

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "failed records named by as many memberships",
            make: |n| {
                let partners: Vec<Value> = (0..n)
                    .map(|i| json!({"id": format!("P{i}"), "kind": "regional_economic_community"}))
                    .collect();
                let memberships: Vec<Value> = (0..n)
                    .map(|i| json!({"member": {"state": "SEN"}, "body": {"partner": format!("P{i}")}, "role": "member"}))
                    .collect();
                doc(json!({"partners": partners, "memberships": memberships}))
            },
            outcome: Outcome::Fails(Rule::MissingField),
            look_up: None,
        },
        Shape {
            name: "dangling references",
            make: |n| {
                let memberships: Vec<Value> = (0..n)
                    .map(|i| json!({"member": {"state": "SEN"}, "body": {"partner": format!("P{i}")}, "role": "member"}))
                    .collect();
                doc(json!({"memberships": memberships}))
            },
            outcome: Outcome::Fails(Rule::DanglingReference),
            look_up: None,
        },
        Shape {
            name: "one state's alternating member and observer spells",
            make: |n| {
                let spells: Vec<Value> = (0..n)
                    .map(|i| {
                        spell(
                            if i % 2 == 0 { "member" } else { "observer" },
                            3 * i,
                            3 * i + 1,
                        )
                    })
                    .collect();
                doc(json!({"processes": [process()], "memberships": spells}))
            },
            outcome: Outcome::Loads,
            look_up: None,
        },
        Shape {
            name: "one state's alternating member and chair spells",
            make: |n| {
                let spells: Vec<Value> = (0..n)
                    .map(|i| {
                        if i % 2 == 0 {
                            spell("member", 2 * i, 2 * i + 3)
                        } else {
                            spell("chair", 2 * i, 2 * i)
                        }
                    })
                    .collect();
                doc(json!({"processes": [process()], "memberships": spells}))
            },
            outcome: Outcome::Loads,
            look_up: None,
        },
        Shape {
            name: "partners sharing one name, then a look-up",
            make: |n| {
                let partners: Vec<Value> = (0..n)
                    .map(|i| json!({"id": format!("P{i}"), "name": "Same Name", "kind": "regional_economic_community", "sources": ["https://www.iom.int/"]}))
                    .collect();
                doc(json!({"partners": partners}))
            },
            outcome: Outcome::Loads,
            look_up: Some("Same Name"),
        },
        Shape {
            name: "one project listing one state N times",
            make: |n| {
                let states = vec!["SEN"; n];
                doc(
                    json!({"projects": [{"id": "P", "title": "T", "benefiting_states": states, "sources": ["https://www.iom.int/"]}]}),
                )
            },
            outcome: Outcome::Fails(Rule::DuplicateEntry),
            look_up: None,
        },
        Shape {
            name: "records each with its own fault",
            make: |n| {
                let projects: Vec<Value> = (0..n)
                    .map(|i| json!({"id": format!("P{i}"), "title": "T", "start": format!("20{:02}-13", i % 100)}))
                    .collect();
                doc(json!({"projects": projects}))
            },
            outcome: Outcome::Fails(Rule::InvalidValue),
            look_up: None,
        },
        Shape {
            name: "unknown code-list values (did-you-mean)",
            make: |n| {
                let projects: Vec<Value> = (0..n)
                    .map(|i| json!({"id": format!("P{i}"), "title": "T", "status": format!("complet{i}"), "benefiting_states": ["SEN"], "sources": ["https://www.iom.int/"]}))
                    .collect();
                doc(json!({"projects": projects}))
            },
            outcome: Outcome::Loads,
            look_up: None,
        },
        Shape {
            name: "one event with N agenda days",
            make: |n| {
                let days: Vec<Value> = (0..n)
                    .map(|i| json!({"date": day(i), "sessions": [{"start": "09:00", "end": "10:00", "title": "S"}]}))
                    .collect();
                doc(
                    json!({"events": [{"id": "E", "title": "T", "kind": "workshop", "start": day(0), "end": day(n), "agenda": days, "sources": ["https://www.iom.int/"]}]}),
                )
            },
            outcome: Outcome::Loads,
            look_up: None,
        },
        Shape {
            name: "a chain of N related events",
            make: |n| {
                let events: Vec<Value> = (0..n)
                    .map(|i| {
                        let mut e = json!({"id": format!("E{i}"), "title": "T", "kind": "workshop", "start": day(i), "sources": ["https://www.iom.int/"]});
                        if i > 0 {
                            e["related_events"] = json!([{"event": format!("E{}", i - 1), "relation": "follow_up_of"}]);
                        }
                        e
                    })
                    .collect();
                doc(json!({"events": events}))
            },
            outcome: Outcome::Loads,
            look_up: None,
        },
        Shape {
            name: "generated dataset (every rule), N projects",
            make: |n| {
                let scale = generate::Scale {
                    name: "scaling",
                    projects: n,
                    memberships: 5 * n,
                    events: n / 2,
                    partners: (n / 5).max(10),
                    processes: (n / 20).max(5),
                };
                generate::generate(&scale, 7)
            },
            outcome: Outcome::Loads,
            look_up: None,
        },
    ]
}

/// Loads `text` (and looks up the shape's name); panics when the file does
/// not give the shape's outcome.
fn run(shape: &Shape, text: &str) -> Duration {
    let started = Instant::now();
    let loaded = LoadOptions::new().load_str(black_box(text));
    if let (Ok(d), Some(name)) = (&loaded, shape.look_up) {
        black_box(d.resolve_name(name).len());
    }
    let took = started.elapsed();
    match (shape.outcome, &loaded) {
        (Outcome::Loads, Ok(_)) => {}
        (Outcome::Fails(rule), Err(report)) => assert!(
            report.problems().iter().any(|p| p.rule() == rule),
            "{}: no {rule} in {report}",
            shape.name
        ),
        (Outcome::Loads, Err(report)) => panic!("{}: did not load: {report}", shape.name),
        (Outcome::Fails(rule), Ok(_)) => panic!("{}: loaded, expected {rule}", shape.name),
    }
    drop(loaded);
    took
}

fn main() {
    let real = std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("MIGOV_SCALING_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if real { 64_000 } else { 200 });
    let rounds = if real { 5 } else { 1 };
    println!("growth exponents, N = {n} and 2N (best of {rounds}); goal: at most 1.15");
    let mut worst: f64 = 0.0;
    for shape in shapes() {
        let small = (shape.make)(n);
        let large = (shape.make)(2 * n);
        // Alternated, so that a busy stretch of the machine falls on both.
        let (mut t1, mut t2) = (Duration::MAX, Duration::MAX);
        for _ in 0..rounds {
            t1 = t1.min(run(&shape, &small));
            t2 = t2.min(run(&shape, &large));
        }
        let exponent = (t2.as_secs_f64() / t1.as_secs_f64().max(1e-9)).log2();
        worst = worst.max(exponent);
        let verdict = if exponent <= 1.15 { "ok" } else { "OVER" };
        println!(
            "{:<52} {:>10} B {:>10.2?} | {:>10} B {:>10.2?}  exponent {exponent:.2}  {verdict}",
            shape.name,
            small.len(),
            t1,
            large.len(),
            t2
        );
    }
    println!("worst exponent: {worst:.2}");
}
