//! A deterministic generator of synthetic datasets in migov's JSON format,
//! shared by the benchmarks (`#[path = "support/generate.rs"] mod generate;`).
//!
//! Same scale and seed, same bytes: the PRNG is a SplitMix64 written here (no
//! dependency). The data has the shapes of the real thing (partial dates of
//! all three precisions, open-ended memberships, decimal budgets, 1–15
//! benefiting states, chairs and observers, agendas with sessions) and keeps
//! every rule of the format, so it loads without errors or warnings.

#![allow(dead_code)]

use std::fmt::Write as _;

use migov::CountryCode;

/// How many records of each kind to generate.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    /// A short name for bench ids ("S1", "S10", "tiny").
    pub name: &'static str,
    pub projects: usize,
    pub memberships: usize,
    pub events: usize,
    pub partners: usize,
    pub processes: usize,
}

impl Scale {
    /// About 10,000 projects, 50,000 memberships, 5,000 events, 2,000 partners, 500 processes.
    pub const S1: Scale = Scale {
        name: "S1",
        projects: 10_000,
        memberships: 50_000,
        events: 5_000,
        partners: 2_000,
        processes: 500,
    };
    /// Ten times S1 (the member states stay all country codes).
    pub const S10: Scale = Scale {
        name: "S10",
        projects: 100_000,
        memberships: 500_000,
        events: 50_000,
        partners: 20_000,
        processes: 5_000,
    };
    /// A small scale for smoke runs (`cargo test --benches`).
    pub const TINY: Scale = Scale {
        name: "tiny",
        projects: 200,
        memberships: 1_000,
        events: 100,
        partners: 40,
        processes: 10,
    };

    /// The scales a bench run measures: S1 when criterion runs for real
    /// (`cargo bench`, which passes `--bench`), TINY in test mode
    /// (`cargo test --benches`), plus S10 when `MIGOV_BENCH_S10=1`.
    pub fn from_env() -> Vec<Scale> {
        let real = std::env::args().any(|a| a == "--bench");
        if !real {
            return vec![Scale::TINY];
        }
        let mut out = vec![Scale::S1];
        if std::env::var("MIGOV_BENCH_S10").is_ok_and(|v| v == "1") {
            out.push(Scale::S10);
        }
        out
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as usize) as i32
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// `k` distinct positions from `0..n`, in random order (k <= n).
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k.min(n));
        all
    }
}

// ------------------------------------------------------------------ JSON writer

/// A pretty JSON writer (two-space indentation, like the canonical form).
struct Json {
    out: String,
    /// For each open container: whether nothing was written in it yet.
    first: Vec<bool>,
}

impl Json {
    fn new() -> Self {
        Json {
            out: String::with_capacity(1 << 20),
            first: Vec::new(),
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.first.len() {
            self.out.push_str("  ");
        }
    }

    /// Starts a value inside the current container (an array element).
    fn elem(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if !*first {
                self.out.push(',');
            }
            *first = false;
            self.newline();
        }
    }

    fn key(&mut self, k: &str) {
        self.elem();
        self.out.push('"');
        self.out.push_str(k);
        self.out.push_str("\": ");
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.first.push(true);
    }

    fn close(&mut self, c: char) {
        let empty = self.first.pop().unwrap_or(true);
        if !empty {
            self.newline();
        }
        self.out.push(c);
    }

    fn raw_str(&mut self, v: &str) {
        self.out.push('"');
        for ch in v.chars() {
            match ch {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn s(&mut self, k: &str, v: &str) {
        self.key(k);
        self.raw_str(v);
    }

    fn n(&mut self, k: &str, v: i64) {
        self.key(k);
        let _ = write!(self.out, "{v}");
    }

    fn b(&mut self, k: &str, v: bool) {
        self.key(k);
        self.out.push_str(if v { "true" } else { "false" });
    }

    /// An array of strings under `k` (omitted when empty).
    fn strs<S: AsRef<str>>(&mut self, k: &str, items: &[S]) {
        if items.is_empty() {
            return;
        }
        self.key(k);
        self.open('[');
        for i in items {
            self.elem();
            self.raw_str(i.as_ref());
        }
        self.close(']');
    }

    /// `"k": { ... }`
    fn obj(&mut self, k: &str, f: impl FnOnce(&mut Self)) {
        self.key(k);
        self.open('{');
        f(self);
        self.close('}');
    }

    /// `"k": [ ... ]`, the closure writes elements with `item`.
    fn arr(&mut self, k: &str, f: impl FnOnce(&mut Self)) {
        self.key(k);
        self.open('[');
        f(self);
        self.close(']');
    }

    /// An object element of the current array.
    fn item(&mut self, f: impl FnOnce(&mut Self)) {
        self.elem();
        self.open('{');
        f(self);
        self.close('}');
    }

    fn party(&mut self, k: &str, kind: &str, id: &str) {
        self.obj(k, |j| j.s(kind, id));
    }
}

// ------------------------------------------------------------------ vocabulary

const WORDS: &[&str] = &[
    "migration",
    "border",
    "management",
    "labour",
    "mobility",
    "return",
    "reintegration",
    "diaspora",
    "policy",
    "capacity",
    "building",
    "data",
    "protection",
    "health",
    "climate",
    "displacement",
    "regional",
    "dialogue",
    "cooperation",
    "counter-trafficking",
    "integration",
    "remittances",
    "governance",
    "consular",
    "assistance",
];
const CURRENCIES: &[&str] = &["USD", "USD", "USD", "USD", "EUR", "CHF", "GBP", "JPY"];
const PROJECT_TYPES: &[&str] = &[
    "migration_policy_activities",
    "migration_policy_activities",
    "labour_migration",
    "counter_trafficking",
    "immigration_and_borders",
    "migrant_health",
    "community_development",
    "return_assistance",
    "protection_of_vulnerable_migrants",
];
const REGIONS: &[&str] = &[
    "africa",
    "asia_and_oceania",
    "latin_america_and_the_caribbean",
    "europe",
    "middle_east",
];
const PARTNER_KINDS: &[&str] = &[
    "un_agency",
    "regional_economic_community",
    "intergovernmental_organization",
    "government",
    "government",
    "ngo",
    "academic",
    "private_sector",
];
const PROCESS_KINDS: &[&str] = &[
    "regional_consultative_process",
    "regional_consultative_process",
    "interregional_forum",
    "global_process",
];
const EVENT_KINDS: &[&str] = &[
    "workshop",
    "seminar",
    "council_session",
    "dialogue",
    "ministerial_meeting",
    "conference",
    "meeting",
];
const FORMATS: &[&str] = &[
    "plenary",
    "panel",
    "special_panel",
    "general_debate",
    "opening",
    "presentation",
];
const ZONES: &[&str] = &[
    "Europe/Zurich",
    "Africa/Dakar",
    "Asia/Bangkok",
    "America/Panama",
    "Africa/Nairobi",
    "Asia/Manila",
];
const CITIES: &[&str] = &[
    "Geneva", "Dakar", "Bangkok", "Panama", "Nairobi", "Manila", "Abuja", "Tunis", "Lima",
];

fn title(rng: &mut Rng, words: usize) -> String {
    let mut t = String::new();
    for i in 0..words {
        if i > 0 {
            t.push(' ');
        }
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                t.extend(f.to_uppercase());
                t.push_str(c.as_str());
            }
        } else {
            t.push_str(w);
        }
    }
    t
}

/// A date in `year` at a random precision (day 1..=28, so always valid).
fn partial_date(rng: &mut Rng, year: i32) -> String {
    match rng.below(3) {
        0 => format!("{year}"),
        1 => format!("{year}-{:02}", rng.range(1, 12)),
        _ => format!("{year}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28)),
    }
}

fn source(rng: &mut Rng, path: &str, id: &str) -> String {
    let host = rng.pick(&["www.iom.int", "publications.iom.int", "www.un.org"]);
    format!("https://{host}/{path}/{}", id.to_ascii_lowercase())
}

// ------------------------------------------------------------------ generator

struct State {
    alpha3: &'static str,
    /// Member (since ≤ 1999) and so a valid IOM Development Fund beneficiary.
    member: bool,
    region: usize,
}

struct Body {
    kind: &'static str,
    id: String,
    established: i32,
    dissolved: Option<i32>,
}

struct ProjectSpan {
    id: String,
    start: i32,
    end: Option<i32>,
}

/// Generates a dataset at `scale` from `seed`, in pretty-printed JSON.
pub fn generate(scale: &Scale, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut j = Json::new();
    j.open('{');
    j.s("schema_version", "1");

    // ---------------------------------------------------------- member states
    let mut states = Vec::new();
    j.arr("member_states", |j| {
        for (i, c) in CountryCode::all().enumerate() {
            let alpha3 = c.alpha3();
            let roll = rng.below(100);
            let region = i % REGIONS.len();
            states.push(State {
                alpha3,
                member: roll < 95,
                region,
            });
            j.item(|j| {
                j.s("country", alpha3);
                if rng.chance(10) {
                    j.strs("other_names", &[format!("{} (alias)", c.name())]);
                }
                j.arr("status", |j| {
                    if roll >= 90 {
                        let y = rng.range(1960, 1990);
                        j.item(|j| {
                            j.s("status", "observer");
                            j.s("since", &partial_date(&mut rng, y));
                        });
                        if roll < 95 {
                            let y2 = rng.range(y + 1, 1999);
                            j.item(|j| {
                                j.s("status", "member");
                                j.s("since", &partial_date(&mut rng, y2));
                            });
                        }
                    } else {
                        let y = rng.range(1951, 1999);
                        j.item(|j| {
                            j.s("status", "member");
                            j.s("since", &partial_date(&mut rng, y));
                        });
                    }
                });
                j.s("idf_region", REGIONS[region]);
                if rng.chance(50) {
                    j.obj("idf_line2_eligibility", |j| {
                        j.b("value", rng.chance(60));
                        j.s("as_of", "2024-08");
                    });
                }
                if rng.chance(15) {
                    j.obj("gcm_champion", |j| {
                        j.b("value", true);
                        j.s("as_of", "2023-11");
                    });
                }
                j.strs("sources", &[source(&mut rng, "member-states", alpha3)]);
            });
        }
    });
    let by_region: Vec<Vec<usize>> = (0..REGIONS.len())
        .map(|r| {
            states
                .iter()
                .enumerate()
                .filter(|(_, s)| s.region == r && s.member)
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let members: Vec<usize> = (0..states.len()).filter(|&i| states[i].member).collect();

    // ---------------------------------------------------------- processes
    let mut processes = Vec::with_capacity(scale.processes);
    let process_ids: Vec<String> = (0..scale.processes)
        .map(|i| format!("RCP-{i:05}"))
        .collect();
    let partner_ids: Vec<String> = (0..scale.partners)
        .map(|i| {
            if i % 5 == 0 {
                format!("GOV-{}-{i}", states[i % states.len()].alpha3)
            } else {
                format!("ORG-{i:06}")
            }
        })
        .collect();
    j.arr("processes", |j| {
        for id in &process_ids {
            let established = rng.range(1985, 2012);
            let dissolved = rng
                .chance(10)
                .then(|| established + rng.range(8, 20))
                .filter(|&d| d <= 2025);
            processes.push(Body {
                kind: "process",
                id: id.clone(),
                established,
                dissolved,
            });
            j.item(|j| {
                j.s("id", id);
                j.s("name", &format!("{} Process {id}", title(&mut rng, 2)));
                if rng.chance(40) {
                    j.strs("other_names", &[format!("{id} Dialogue")]);
                }
                j.s("kind", rng.pick(PROCESS_KINDS));
                j.s("region", &format!("{} region", title(&mut rng, 1)));
                let est = partial_date(&mut rng, established);
                j.s("established", &est);
                if rng.chance(10) {
                    j.arr("established_alternatives", |j| {
                        j.item(|j| {
                            j.s("value", &format!("{}", established + 1));
                            j.strs("sources", &[source(&mut rng, "rcp-history", id)]);
                            j.s("note", "date of the first ministerial meeting");
                        });
                    });
                }
                if rng.chance(50) {
                    j.s(
                        "secretariat",
                        &format!("{} secretariat", title(&mut rng, 2)),
                    );
                }
                if rng.chance(60) {
                    let k = 1 + rng.below(2);
                    let links: Vec<&str> = rng
                        .sample(partner_ids.len(), k)
                        .into_iter()
                        .map(|p| partner_ids[p].as_str())
                        .collect();
                    j.strs("linked_organizations", &links);
                }
                match dissolved {
                    Some(d) => {
                        j.s("status", "dissolved");
                        j.s("status_since", &format!("{d}"));
                    }
                    None => j.s("status", if rng.chance(90) { "active" } else { "dormant" }),
                }
                j.n("stated_member_count", rng.range(5, 90).into());
                j.strs("sources", &[source(&mut rng, "rcp", id)]);
            });
        }
    });

    // ---------------------------------------------------------- partners
    let mut partner_bodies = Vec::new();
    j.arr("partners", |j| {
        for (i, id) in partner_ids.iter().enumerate() {
            let established = rng.range(1945, 2010);
            let dissolved = rng
                .chance(3)
                .then(|| established + rng.range(10, 15))
                .filter(|&d| d <= 2025);
            // One partner in four has member states (regional communities...).
            if i % 4 == 1 {
                partner_bodies.push(Body {
                    kind: "partner",
                    id: id.clone(),
                    established,
                    dissolved,
                });
            }
            j.item(|j| {
                j.s("id", id);
                j.s("name", &format!("{} Organization {i}", title(&mut rng, 2)));
                let kind = if i % 5 == 0 {
                    "government"
                } else {
                    rng.pick(PARTNER_KINDS)
                };
                j.s("kind", kind);
                j.s("headquarters", states[rng.below(states.len())].alpha3);
                j.s("established", &partial_date(&mut rng, established));
                if let Some(d) = dissolved {
                    j.s("status", "dissolved");
                    j.s("status_since", &partial_date(&mut rng, d));
                }
                if rng.chance(20) {
                    j.s("iom_relationship", "cooperation agreement");
                }
                if rng.chance(10) {
                    j.arr("figures", |j| {
                        j.item(|j| {
                            j.s("metric", "offices");
                            j.n("value", rng.range(1, 600).into());
                            j.s("bound", "at_least");
                            j.s("as_of", "2024");
                        });
                    });
                }
                j.strs("sources", &[source(&mut rng, "partners", id)]);
            });
        }
    });

    // ---------------------------------------------------------- projects
    let mut spans = Vec::with_capacity(scale.projects);
    j.arr("projects", |j| {
        for i in 0..scale.projects {
            let idf = rng.chance(70);
            let id = if idf {
                let a = (b'A' + (i / 260_000 % 26) as u8) as char;
                let b = (b'A' + (i / 10_000 % 26) as u8) as char;
                format!("{a}{b}.{:04}", i % 10_000)
            } else {
                format!("PRJ-{i:06}")
            };
            let start = rng.range(2000, 2023);
            let status = match rng.below(100) {
                0..60 => "completed",
                60..85 => "ongoing",
                85..92 => "pipeline",
                92..97 => "suspended",
                _ => "cancelled",
            };
            let end = (status != "ongoing" || rng.chance(50)).then(|| start + rng.range(2, 5));
            spans.push(ProjectSpan {
                id: id.clone(),
                start,
                end,
            });
            j.item(|j| {
                j.s("id", &id);
                j.s("title", &format!("{} ({id})", title(&mut rng, 5)));
                if rng.chance(60) {
                    j.s("description", &title(&mut rng, 20));
                }
                if idf {
                    j.arr("external_ids", |j| {
                        j.item(|j| {
                            j.s("scheme", "idf");
                            j.s("value", &id);
                        });
                    });
                } else if rng.chance(30) {
                    j.arr("external_ids", |j| {
                        j.item(|j| {
                            j.s("scheme", "iati");
                            j.s("value", &format!("XM-DAC-47066-{i}"));
                        });
                    });
                }
                j.s("status", status);
                if idf {
                    // From the project's number, so the random draws stay as they were.
                    j.s("project_type", PROJECT_TYPES[i % PROJECT_TYPES.len()]);
                }
                j.s("start", &partial_date(&mut rng, start));
                if let Some(e) = end {
                    j.s("end", &partial_date(&mut rng, e));
                }
                if rng.chance(70) {
                    j.n("year", start.into());
                }
                j.arr("amounts", |j| {
                    let currency = rng.pick(CURRENCIES);
                    let units = rng.range(10_000, 2_000_000);
                    let cents = rng.range(0, 99);
                    j.item(|j| {
                        j.s("kind", "budget");
                        j.s("amount", &format!("{units}.{cents:02}"));
                        j.s("currency", currency);
                    });
                    if idf && rng.chance(40) {
                        j.item(|j| {
                            j.s("kind", "idf_contribution");
                            j.s("amount", &format!("{}.00", units / 2));
                            j.s("currency", currency);
                            j.s("note", "the part the Fund pays");
                        });
                    }
                });
                let (coverage, n) = match rng.below(10) {
                    0..4 => ("national", 1),
                    4..9 => ("regional", 2 + rng.below(14)),
                    _ => ("global", 1 + rng.below(15)),
                };
                j.s("coverage", coverage);
                let region = rng.below(REGIONS.len());
                // IDF projects: member states of one region (global: any member).
                let pool: Vec<usize> = if coverage == "global" {
                    if idf {
                        members.clone()
                    } else {
                        (0..states.len()).collect()
                    }
                } else if idf {
                    by_region[region].clone()
                } else {
                    (0..states.len())
                        .filter(|&s| states[s].region == region)
                        .collect()
                };
                if idf {
                    j.s(
                        "idf_region",
                        if coverage == "global" {
                            "global"
                        } else {
                            REGIONS[region]
                        },
                    );
                }
                let chosen: Vec<&str> = rng
                    .sample(pool.len(), n)
                    .into_iter()
                    .map(|k| states[pool[k]].alpha3)
                    .collect();
                j.strs("benefiting_states", &chosen);
                j.arr("organizations", |j| {
                    let k = 1 + rng.below(4);
                    for (r, p) in rng.sample(partner_ids.len(), k).into_iter().enumerate() {
                        j.item(|j| {
                            j.s("partner", &partner_ids[p]);
                            j.s("role", ["funder", "implementer", "partner", "partner"][r]);
                        });
                    }
                });
                if rng.chance(30) {
                    let k = 1 + rng.below(2);
                    let rel: Vec<&str> = rng
                        .sample(process_ids.len(), k)
                        .into_iter()
                        .map(|p| process_ids[p].as_str())
                        .collect();
                    j.strs("related_processes", &rel);
                }
                if rng.chance(10) {
                    j.strs("notes", &[title(&mut rng, 8)]);
                }
                j.strs("sources", &[source(&mut rng, "projects", &id)]);
            });
        }
    });

    // ---------------------------------------------------------- events
    j.arr("events", |j| {
        for i in 0..scale.events {
            let id = format!("EVT-{i:06}");
            let related = (rng.chance(50) && !spans.is_empty()).then(|| rng.below(spans.len()));
            // Strictly inside the related project's years, so the event overlaps it.
            let year = match related.map(|r| &spans[r]) {
                Some(p) => rng.range(p.start + 1, p.end.map_or(p.start + 3, |e| e - 1)),
                None => rng.range(2000, 2025),
            };
            let month = rng.range(1, 12);
            let day = rng.range(1, 25);
            let days = 1 + rng.below(4) as i32;
            j.item(|j| {
                j.s("id", &id);
                j.s("title", &format!("{} {}", title(&mut rng, 4), i));
                j.s("kind", rng.pick(EVENT_KINDS));
                if rng.chance(30) {
                    j.s("description", &title(&mut rng, 15));
                }
                j.s("start", &format!("{year}-{month:02}-{day:02}"));
                if days > 1 {
                    j.s("end", &format!("{year}-{month:02}-{:02}", day + days - 1));
                }
                let online = rng.chance(10);
                let country = states[rng.below(states.len())].alpha3;
                if online {
                    j.s("country", country);
                    j.b("online", true);
                    j.s("time_zone", "UTC");
                } else {
                    j.s("city", rng.pick(CITIES));
                    j.s("country", country);
                    j.s("time_zone", rng.pick(ZONES));
                }
                j.arr("parties", |j| {
                    j.item(|j| {
                        j.party(
                            "party",
                            "partner",
                            &partner_ids[rng.below(partner_ids.len())],
                        );
                        j.s("role", "organiser");
                    });
                    if !online {
                        j.item(|j| {
                            j.party("party", "state", country);
                            j.s("role", "host");
                        });
                    }
                    if rng.chance(50) {
                        j.item(|j| {
                            j.party(
                                "party",
                                "process",
                                &process_ids[rng.below(process_ids.len())],
                            );
                            j.s("role", "participant");
                            if rng.chance(20) {
                                j.s("programme", "PROMIS");
                            }
                        });
                    }
                });
                if let Some(r) = related {
                    j.strs("related_projects", &[spans[r].id.as_str()]);
                }
                let speakers = rng.below(4);
                if speakers > 0 {
                    j.arr("speakers", |j| {
                        for s in 0..speakers {
                            j.elem();
                            person(j, &mut rng, &partner_ids, &states, i * 10 + s);
                        }
                    });
                }
                j.arr("agenda", |j| {
                    for d in 0..days {
                        j.item(|j| {
                            j.s("date", &format!("{year}-{month:02}-{:02}", day + d));
                            if rng.chance(50) {
                                j.s("title", &format!("Day {}", d + 1));
                            }
                            j.arr("sessions", |j| {
                                let mut minute = rng.range(8 * 60, 10 * 60);
                                for _ in 0..2 + rng.below(4) {
                                    let len = rng.range(4, 8) * 15;
                                    let end = minute + len;
                                    j.item(|j| {
                                        j.s("start", &hhmm(minute));
                                        j.s("end", &hhmm(end));
                                        j.s("title", &title(&mut rng, 4));
                                        j.s("format", rng.pick(FORMATS));
                                        let items = rng.below(3);
                                        if items > 0 {
                                            let list: Vec<String> =
                                                (0..items).map(|_| title(&mut rng, 6)).collect();
                                            j.strs("items", &list);
                                        }
                                        if rng.chance(20) {
                                            j.arr("panel", |j| {
                                                j.item(|j| {
                                                    j.arr("panellists", |j| {
                                                        j.item(|j| {
                                                            j.key("person");
                                                            person(
                                                                j,
                                                                &mut rng,
                                                                &partner_ids,
                                                                &states,
                                                                i * 100 + d as usize,
                                                            );
                                                            j.strs(
                                                                "documents",
                                                                &["bio", "presentation"],
                                                            );
                                                        });
                                                    });
                                                    j.s("topic", &title(&mut rng, 3));
                                                });
                                            });
                                        }
                                    });
                                    minute = end + rng.range(0, 4) * 15;
                                }
                            });
                        });
                    }
                });
                j.strs("sources", &[source(&mut rng, "events", &id)]);
            });
        }
    });

    // ---------------------------------------------------------- memberships
    // Spread the memberships over the bodies: 90% in processes, 10% in partners.
    let in_processes = scale.memberships * 9 / 10;
    let per_process = (in_processes / processes.len().max(1)).max(4);
    let per_partner = ((scale.memberships - in_processes) / partner_bodies.len().max(1)).max(2);
    j.arr("memberships", |j| {
        for body in &processes {
            memberships_of(j, &mut rng, body, per_process, &states, &partner_ids);
        }
        for body in &partner_bodies {
            memberships_of(j, &mut rng, body, per_partner, &states, &[]);
        }
    });
    j.close('}');
    j.out.push('\n');
    j.out
}

fn hhmm(minutes: i32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A person object, written where a value is expected (after `key` or `elem`).
fn person(j: &mut Json, rng: &mut Rng, partners: &[String], states: &[State], n: usize) {
    j.open('{');
    j.s("name", &format!("Speaker {n}"));
    if rng.chance(50) {
        j.s("title", "Director");
    }
    if rng.chance(70) {
        j.s("organization", &partners[rng.below(partners.len())]);
    }
    j.s("country", states[rng.below(states.len())].alpha3);
    if rng.chance(30) {
        j.s("email", &format!("speaker{n}@example.org"));
    }
    j.close('}');
}

/// About `count` memberships of `body`: members (states, some with a second,
/// later membership), observers (states that are not members), chairs
/// (members, during their membership) and partner organisations.
fn memberships_of(
    j: &mut Json,
    rng: &mut Rng,
    body: &Body,
    count: usize,
    states: &[State],
    partners: &[String],
) {
    let partner_members = if partners.is_empty() { 0 } else { count / 25 };
    let chairs = count / 16;
    let observers = count / 12;
    let members = count
        .saturating_sub(partner_members + chairs + observers)
        .min(states.len() - observers);
    let picked = rng.sample(states.len(), members + observers);
    // The last year a membership may run to.
    let last = body.dissolved.map_or(2025, |d| d - 1);
    let first = body.established + 1;
    let period = |j: &mut Json, rng: &mut Rng, start: i32, end: Option<i32>| {
        j.s("start", &partial_date(rng, start));
        if let Some(e) = end {
            j.s("end", &partial_date(rng, e));
        }
    };
    let mut chair_slots = Vec::new();
    for (n, &s) in picked.iter().enumerate() {
        let is_member = n < members;
        let start = rng.range(first, (first + 10).min(last));
        // Open-ended unless the span allows an end at least a year later.
        let end = (rng.chance(30) && start < last).then(|| rng.range(start + 1, last));
        j.item(|j| {
            j.party("member", "state", states[s].alpha3);
            j.party("body", body.kind, &body.id);
            j.s("role", if is_member { "member" } else { "observer" });
            period(j, rng, start, end);
            if rng.chance(5) {
                j.s("note", "membership confirmed at the ministerial meeting");
            }
            j.strs("sources", &[source(rng, "memberships", &body.id)]);
        });
        // Chairs: a full calendar year strictly inside the membership.
        let chair_end = end.unwrap_or(last + 1);
        if is_member && chair_slots.len() < chairs && start + 2 < chair_end {
            chair_slots.push((s, start + 1));
        }
    }
    for (k, (s, year)) in chair_slots.into_iter().enumerate() {
        j.item(|j| {
            j.party("member", "state", states[s].alpha3);
            j.party("body", body.kind, &body.id);
            j.s("role", ["chair", "vice_chair", "co_chair"][k % 3]);
            j.s("start", &format!("{year}-01-01"));
            j.s("end", &format!("{year}-12-31"));
            j.strs("sources", &[source(rng, "chairs", &body.id)]);
        });
    }
    for p in rng.sample(partners.len(), partner_members) {
        let start = rng.range(first, (first + 10).min(last));
        j.item(|j| {
            j.party("member", "partner", &partners[p]);
            j.party("body", body.kind, &body.id);
            j.s("role", if p % 2 == 0 { "partner" } else { "secretariat" });
            period(j, rng, start, None);
            j.strs("sources", &[source(rng, "memberships", &body.id)]);
        });
    }
}

/// Loads `text` and panics with the first problems unless it loads without
/// errors and warnings.
pub fn check_loads(text: &str) -> migov::Dataset {
    match migov::Dataset::from_json_str(text) {
        Ok(d) => {
            assert!(
                d.warnings().is_empty(),
                "generated data has {} warning(s), first: {}",
                d.warnings().len(),
                d.warnings()[0]
            );
            d
        }
        Err(e) => {
            let shown: Vec<String> = e.problems().iter().take(5).map(|p| p.to_string()).collect();
            panic!(
                "generated data does not load ({} problems):\n{}",
                e.problems().len(),
                shown.join("\n")
            );
        }
    }
}
