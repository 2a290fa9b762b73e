//! serde on the entities themselves: every entity kind serialises as its
//! record of the dataset format and deserialises back to an equal entity.

use migov::codelist::{
    AmountKind, Coverage, DocumentKind, EventKind, EventRelation, EventRole, IdfRegion,
    LifecycleStatus, MembershipRole, Metric, OutcomeKind, PartnerKind, ProcessKind, ProjectRole,
    ProjectStatus, ProjectType, SessionFormat,
};
use migov::{
    AgendaDay, Alternative, Amount, Bound, Claimed, Contribution, CountryCode, Currency, Dataset,
    Dispute, Event, EventDate, EventId, EventParty, ExternalId, Figure, IdfCode, IomStatus,
    LocalTime, MemberState, Membership, Money, MonthDay, Outcome, Panellist, PartialDate, Partner,
    PartnerId, Party, Period, Person, ProcessId, Project, ProjectId, ProjectParty, Rcp,
    RelatedEvent, Session, Source,
};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Serialises `entity`, reads it back, and checks that the result is equal
/// and serialises to the same text (equality of amounts ignores their scale;
/// the text does not). Returns the JSON value.
#[track_caller]
fn round_trip<T>(entity: &T) -> Value
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let text = serde_json::to_string(entity).unwrap();
    let back: T =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}\ndoes not deserialise: {e}"));
    assert_eq!(&back, entity, "{text}");
    assert_eq!(serde_json::to_string(&back).unwrap(), text);
    serde_json::from_str(&text).unwrap()
}

/// Every entity of `d` round-trips and serialises as its record in `d`'s file.
fn check_dataset(d: &Dataset) {
    let file: Value = serde_json::from_str(&d.to_json_string()).unwrap();
    let records = |key: &str| -> Vec<Value> {
        file.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let (states, processes, partners, projects, events, memberships) = (
        records("member_states"),
        records("processes"),
        records("partners"),
        records("projects"),
        records("events"),
        records("memberships"),
    );
    for s in d.member_states() {
        assert!(states.contains(&round_trip(s)));
    }
    for p in d.processes() {
        assert!(processes.contains(&round_trip(p)));
    }
    for p in d.partners() {
        assert!(partners.contains(&round_trip(p)));
    }
    for p in d.projects() {
        assert!(projects.contains(&round_trip(p)));
    }
    for e in d.events() {
        assert!(events.contains(&round_trip(e)));
    }
    for m in d.memberships() {
        assert!(memberships.contains(&round_trip(m)));
    }
}

#[cfg(feature = "reference-data")]
#[test]
fn every_reference_entity_round_trips_as_its_record() {
    check_dataset(migov::reference::dataset().unwrap());
}

#[test]
fn a_record_that_breaks_a_rule_is_refused_with_every_finding() {
    let json = r#"{
        "id": "E-1", "title": "An event",
        "start": "--07-30", "end": "--07-29",
        "contacts": [{"name": "Paloma Casaseca", "email": "nobody"}]
    }"#;
    let err = serde_json::from_str::<Event>(json).unwrap_err().to_string();
    for part in [
        "invalid event: ",
        "error [period.end_before_start] end: ",
        "error [value.invalid] contacts[0].email: ",
        "warning [record.no_source] sources: ",
    ] {
        assert!(err.contains(part), "{part:?} missing from {err}");
    }
    // A malformed value or an unknown field is serde's own error.
    let err = serde_json::from_str::<MemberState>(r#"{"country": "XXX"}"#).unwrap_err();
    assert!(err.to_string().contains("XXX"), "{err}");
    let err = serde_json::from_str::<Partner>(r#"{"id": "IOM", "name": "IOM", "nmae": "x"}"#)
        .unwrap_err();
    assert!(err.to_string().contains("nmae"), "{err}");
}

// ------------------------------------------------------------------ strategies

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 ,.'’()/-]{0,20}"
}

fn country() -> impl Strategy<Value = CountryCode> {
    select(CountryCode::all().collect::<Vec<_>>())
}

fn id_text() -> impl Strategy<Value = String> {
    "[A-Z][A-Z0-9]{0,4}(-[A-Z0-9]{1,3})?"
}

fn partner_id() -> impl Strategy<Value = PartnerId> {
    id_text().prop_map(|s| PartnerId::new(&s).unwrap())
}

fn process_id() -> impl Strategy<Value = ProcessId> {
    id_text().prop_map(|s| ProcessId::new(&s).unwrap())
}

fn source() -> impl Strategy<Value = Source> {
    (
        "[a-z]{1,8}",
        proptest::option::of(select(vec!["2024", "2024-05", "2026-11-25"])),
        proptest::option::of(text()),
    )
        .prop_map(|(host, retrieved, note)| {
            let mut s = Source::new(&format!("https://{host}.iom.int/page")).unwrap();
            if let Some(r) = retrieved {
                s = s.with_retrieved(r.parse().unwrap());
            }
            if let Some(n) = note {
                s = s.with_note(n);
            }
            s
        })
}

fn sources() -> impl Strategy<Value = Vec<Source>> {
    prop::collection::vec(source(), 0..3)
}

/// A value of a code list that this version does not know (kept as written).
fn code<T>(unknown: &'static str) -> impl Strategy<Value = T>
where
    T: std::str::FromStr + Clone + std::fmt::Debug + 'static,
    T::Err: std::fmt::Debug,
{
    Just(unknown).prop_map(|s| s.parse::<T>().unwrap())
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (1950..=2030_i32, 0..3_u8, 1..=12_u32, 1..=28_u32).prop_map(|(y, p, m, d)| match p {
        0 => PartialDate::year_only(y).unwrap(),
        1 => PartialDate::year_month(y, m).unwrap(),
        _ => PartialDate::ymd(y, m, d).unwrap(),
    })
}

fn period() -> impl Strategy<Value = Period> {
    (
        proptest::option::of(partial_date()),
        proptest::option::of(0..5_i32),
    )
        .prop_map(|(start, later)| {
            let end = match (start, later) {
                (Some(s), Some(n)) => Some(PartialDate::year_only(s.year() + n).unwrap()),
                _ => None,
            };
            Period::new(start, end).unwrap()
        })
}

fn claimed<T: Clone + std::fmt::Debug, S: Strategy<Value = T>>(
    value: impl Fn() -> S,
) -> impl Strategy<Value = Claimed<T>> {
    (
        value(),
        prop::collection::vec(
            (
                value(),
                prop::collection::vec(source(), 1..3),
                proptest::option::of(text()),
            ),
            0..3,
        ),
    )
        .prop_map(|(v, alternatives)| {
            alternatives
                .into_iter()
                .fold(Claimed::new(v), |c, (value, sources, note)| {
                    let mut a = Alternative::new(value, sources);
                    if let Some(n) = note {
                        a = a.with_note(n);
                    }
                    c.with_alternative(a)
                })
        })
}

fn money() -> impl Strategy<Value = Money> {
    (
        0..10_000_000_000_i64,
        0..=4_u32,
        select(vec!["USD", "EUR", "CHF", "JPY", "XOF"]),
    )
        .prop_map(|(units, scale, currency)| {
            Money::new(Decimal::new(units, scale), Currency::new(currency).unwrap())
        })
}

fn sorted_unique<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v.dedup();
    v
}

// ------------------------------------------------------------------ entities

fn member_state() -> impl Strategy<Value = MemberState> {
    (
        country(),
        proptest::option::of(text()),
        prop::collection::vec(text(), 0..2),
        // A history: an undated first step, then steps of increasing years.
        (
            any::<bool>(),
            prop::collection::vec((any::<bool>(), 0..10_i32), 0..3),
        ),
        proptest::option::of(select(IdfRegion::known().collect::<Vec<_>>())),
        proptest::option::of((any::<bool>(), partial_date())),
        // The champion flag's date may be unknown.
        (
            proptest::option::of((any::<bool>(), proptest::option::of(partial_date()))),
            proptest::option::of(partial_date()),
        ),
        prop::collection::vec(text(), 0..2),
        sources(),
    )
        .prop_map(
            |(
                c,
                name,
                other_names,
                (undated, steps),
                region,
                line2,
                (champion, presence),
                notes,
                sources,
            )| {
                let mut b = MemberState::builder(c);
                if let Some(n) = name {
                    b = b.name(n);
                }
                for n in other_names {
                    b = b.other_name(n);
                }
                if undated {
                    b = b.status(IomStatus::Observer, None);
                }
                let mut year = 1951;
                for (member, gap) in steps {
                    year += gap;
                    let status = if member {
                        IomStatus::Member
                    } else {
                        IomStatus::Observer
                    };
                    b = b.status(status, Some(PartialDate::year_only(year).unwrap()));
                }
                if let Some(r) = region {
                    b = b.idf_region(r);
                }
                if let Some((v, d)) = line2 {
                    b = b.idf_line2_eligibility(v, d);
                }
                if let Some((v, d)) = champion {
                    b = b.gcm_champion(v, d);
                }
                if let Some(d) = presence {
                    b = b.iom_presence_since(d);
                }
                for n in notes {
                    b = b.note(n);
                }
                for s in sources {
                    b = b.source(s);
                }
                b.build().unwrap()
            },
        )
}

/// The shared profile of processes and partners: other names, establishment
/// (with alternatives), status since a date after it, stated member count.
type ProfileIn = (
    Vec<String>,
    Option<(Claimed<PartialDate>, Option<(LifecycleStatus, Option<i32>)>)>,
    Option<Claimed<u32>>,
    Vec<String>,
    Vec<Source>,
);

fn profile() -> impl Strategy<Value = ProfileIn> {
    (
        prop::collection::vec(text(), 0..2),
        proptest::option::of((
            claimed(partial_date),
            proptest::option::of((
                prop_oneof![
                    select(LifecycleStatus::known().collect::<Vec<_>>()),
                    code::<LifecycleStatus>("merged"),
                ],
                proptest::option::of(0..30_i32),
            )),
        )),
        proptest::option::of(claimed(|| 0..300_u32)),
        prop::collection::vec(text(), 0..2),
        sources(),
    )
}

macro_rules! apply_profile {
    ($b:expr, $p:expr) => {{
        let (other_names, established, count, notes, sources) = $p;
        let mut b = $b;
        for n in other_names {
            b = b.other_name(n);
        }
        if let Some((established, status)) = established {
            // The status date is never before the latest claimed establishment year.
            let latest = established.values().map(PartialDate::year).max().unwrap();
            b = b.established(established);
            if let Some((status, since)) = status {
                b = b.status(
                    status,
                    since.map(|n| PartialDate::year_only(latest + n).unwrap()),
                );
            }
        }
        if let Some(c) = count {
            b = b.stated_member_count(c);
        }
        for n in notes {
            b = b.note(n);
        }
        for s in sources {
            b = b.source(s);
        }
        b
    }};
}

fn process() -> impl Strategy<Value = Rcp> {
    (
        process_id(),
        text(),
        profile(),
        proptest::option::of(prop_oneof![
            select(ProcessKind::known().collect::<Vec<_>>()),
            code::<ProcessKind>("bilateral dialogue"),
        ]),
        proptest::option::of(text()),
        proptest::option::of(text()),
        prop::collection::vec(partner_id(), 0..3),
    )
        .prop_map(|(id, name, profile, kind, region, secretariat, linked)| {
            let mut b = apply_profile!(Rcp::builder(id, name), profile);
            if let Some(k) = kind {
                b = b.kind(k);
            }
            if let Some(r) = region {
                b = b.region(r);
            }
            if let Some(s) = secretariat {
                b = b.secretariat(s);
            }
            for l in sorted_unique(linked) {
                b = b.linked_organization(l);
            }
            b.build().unwrap()
        })
}

fn figure() -> impl Strategy<Value = Figure> {
    (
        prop_oneof![
            select(Metric::known().collect::<Vec<_>>()),
            code::<Metric>("staff"),
        ],
        any::<u64>(),
        select(vec![Bound::Exact, Bound::AtLeast, Bound::MoreThan]),
        proptest::option::of(partial_date()),
        sources(),
    )
        .prop_map(|(metric, value, bound, as_of, sources)| {
            let mut f = Figure::new(metric, value, bound);
            if let Some(d) = as_of {
                f = f.with_as_of(d);
            }
            sources.into_iter().fold(f, Figure::with_source)
        })
}

fn partner() -> impl Strategy<Value = Partner> {
    (
        partner_id(),
        text(),
        profile(),
        proptest::option::of(prop_oneof![
            select(PartnerKind::known().collect::<Vec<_>>()),
            code::<PartnerKind>("foundation"),
        ]),
        proptest::option::of(country()),
        proptest::option::of(text()),
        prop::collection::vec(figure(), 0..3),
    )
        .prop_map(|(id, name, profile, kind, hq, relationship, figures)| {
            let mut b = apply_profile!(Partner::builder(id, name), profile);
            if let Some(k) = kind {
                b = b.kind(k);
            }
            if let Some(h) = hq {
                b = b.headquarters(h);
            }
            if let Some(r) = relationship {
                b = b.iom_relationship(r);
            }
            for f in figures {
                b = b.figure(f);
            }
            b.build().unwrap()
        })
}

fn external_id() -> impl Strategy<Value = ExternalId> {
    prop_oneof![
        "[A-Z][0-9]{2}-[0-9]{3}".prop_map(|s| ExternalId::Idf(s.parse::<IdfCode>().unwrap())),
        "[A-Z]{2}\\.[0-9]{4}".prop_map(|s| ExternalId::Idf(s.parse::<IdfCode>().unwrap())),
        ("[a-z_]{1,10}", "[A-Za-z0-9/-]{1,10}").prop_map(|(scheme, value)| ExternalId::Other {
            scheme: format!("x_{scheme}"),
            value
        }),
    ]
}

fn project() -> impl Strategy<Value = Project> {
    (
        (
            id_text(),
            text(),
            proptest::option::of(text()),
            prop::collection::vec(external_id(), 0..3),
            proptest::option::of(prop_oneof![
                select(ProjectStatus::known().collect::<Vec<_>>()),
                code::<ProjectStatus>("on hold"),
            ]),
            proptest::option::of(prop_oneof![
                select(ProjectType::known().collect::<Vec<_>>()),
                code::<ProjectType>("Labour Mobility and Human Development"),
            ]),
            period(),
            (
                proptest::option::of(1990..=2030_i32),
                // Any length: one that does not fit the dates is only a warning.
                proptest::option::of(1..=60_u32),
            ),
        ),
        (
            prop::collection::vec(
                (
                    select(AmountKind::known().collect::<Vec<_>>()),
                    money(),
                    proptest::option::of(text()),
                ),
                0..3,
            ),
            proptest::option::of(select(Coverage::known().collect::<Vec<_>>())),
            proptest::option::of(select(IdfRegion::known().collect::<Vec<_>>())),
            prop::collection::btree_set(country(), 0..5),
            prop::collection::vec(
                (
                    partner_id(),
                    select(ProjectRole::known().collect::<Vec<_>>()),
                    proptest::option::of(text()),
                ),
                0..3,
            ),
            prop::collection::vec(process_id(), 0..2),
            prop::collection::vec(text(), 0..2),
            sources(),
        ),
    )
        .prop_map(
            |(
                (id, title, description, external, status, kind, period, (year, months)),
                (amounts, coverage, region, states, orgs, processes, notes, sources),
            )| {
                let mut b = Project::builder(ProjectId::new(&id).unwrap(), title).period(period);
                if let Some(m) = months {
                    b = b.duration_months(m);
                }
                if let Some(d) = description {
                    b = b.description(d);
                }
                for e in sorted_unique(external) {
                    b = b.external_id(e);
                }
                if let Some(s) = status {
                    b = b.status(s);
                }
                if let Some(t) = kind {
                    b = b.project_type(t);
                }
                if let Some(y) = year {
                    b = b.year(y);
                }
                for (kind, money, note) in amounts {
                    let mut a = Amount::new(kind, money);
                    if let Some(n) = note {
                        a = a.with_note(n);
                    }
                    b = b.amount(a);
                }
                if let Some(c) = coverage {
                    b = b.coverage(c);
                }
                if let Some(r) = region {
                    b = b.idf_region(r);
                }
                b = b.benefiting(states);
                let parties = orgs.into_iter().map(|(p, r, n)| {
                    let party = ProjectParty::new(p, r);
                    match n {
                        Some(n) => party.with_note(n),
                        None => party,
                    }
                });
                for p in sorted_unique(parties.collect()) {
                    b = b.organization(p);
                }
                for p in sorted_unique(processes) {
                    b = b.related_process(p);
                }
                for n in notes {
                    b = b.note(n);
                }
                for s in sources {
                    b = b.source(s);
                }
                b.build().unwrap()
            },
        )
}

fn person() -> impl Strategy<Value = Person> {
    (
        text(),
        prop::collection::vec(text(), 0..2),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(partner_id()),
        proptest::option::of(country()),
        proptest::option::of("[a-z]{1,8}@[a-z]{1,8}\\.(org|int)"),
        (
            proptest::option::of(select(vec!["Ambassador", "H.E.", "Dr"])),
            prop::collection::vec("\\+?[0-9]{3}( [0-9]{2}){0,4}", 0..3),
        ),
    )
        .prop_map(
            |(name, others, title, affiliation, org, country, email, (honorific, phones))| {
                let mut p = others
                    .into_iter()
                    .fold(Person::new(name), Person::with_other_name);
                if let Some(h) = honorific {
                    p = p.with_honorific(h);
                }
                p = phones.into_iter().fold(p, Person::with_phone);
                if let Some(t) = title {
                    p = p.with_title(t);
                }
                if let Some(a) = affiliation {
                    p = p.with_affiliation(a);
                }
                if let Some(o) = org {
                    p = p.with_organization(o);
                }
                if let Some(c) = country {
                    p = p.with_country(c);
                }
                if let Some(e) = email {
                    p = p.with_email(e);
                }
                p
            },
        )
}

fn contribution() -> impl Strategy<Value = Contribution> {
    (
        prop::collection::vec(
            (
                person(),
                prop::collection::vec(select(DocumentKind::known().collect::<Vec<_>>()), 0..3),
            ),
            1..3,
        ),
        proptest::option::of(text()),
    )
        .prop_map(|(panellists, topic)| {
            let panellists = panellists
                .into_iter()
                .map(|(p, docs)| {
                    docs.into_iter()
                        .fold(Panellist::new(p), Panellist::with_document)
                })
                .collect();
            let c = Contribution::new(panellists);
            match topic {
                Some(t) => c.with_topic(t),
                None => c,
            }
        })
}

/// Sessions in time order: each starts when or after the one before ends.
fn sessions() -> impl Strategy<Value = Vec<Session>> {
    prop::collection::vec(
        (
            0..=30_u32,
            proptest::option::of(30..=120_u32),
            text(),
            proptest::option::of(prop_oneof![
                select(SessionFormat::known().collect::<Vec<_>>()),
                code::<SessionFormat>("side event"),
            ]),
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(contribution(), 0..3),
        ),
        0..4,
    )
    .prop_map(|specs| {
        let mut at = 8 * 60;
        let mut out = Vec::new();
        for (gap, length, title, format, items, panel) in specs {
            let start = at + gap;
            let t = |m: u32| LocalTime::new(m / 60, m % 60).unwrap();
            let mut s = Session::new(t(start), title);
            at = start;
            if let Some(l) = length {
                s = s.with_end(t(start + l));
                at = start + l;
            }
            if let Some(f) = format {
                s = s.with_format(f);
            }
            for i in items {
                s = s.with_item(i);
            }
            for c in panel {
                s = s.with_contribution(c);
            }
            out.push(s);
        }
        out
    })
}

fn event_date() -> impl Strategy<Value = EventDate> {
    prop_oneof![
        partial_date().prop_map(EventDate::Known),
        (1..=12_u32, 1..=28_u32)
            .prop_map(|(m, d)| EventDate::YearUnknown(MonthDay::new(m, d).unwrap())),
    ]
}

/// An event's dates and agenda, consistent with each other.
#[derive(Clone, Debug)]
enum Dates {
    /// Start (with alternatives) and an end given the same way.
    Plain(Option<(Claimed<EventDate>, Option<u32>)>),
    /// Agenda days from a first day on, the event spanning them (or undated).
    Agenda(bool, Vec<(u32, Option<String>, Vec<Session>)>),
}

fn dates() -> impl Strategy<Value = Dates> {
    prop_oneof![
        proptest::option::of((claimed(event_date), proptest::option::of(0..3_u32)))
            .prop_map(Dates::Plain),
        (
            any::<bool>(),
            prop::collection::vec((1..=3_u32, proptest::option::of(text()), sessions()), 1..4),
        )
            .prop_map(|(dated, days)| Dates::Agenda(dated, days)),
    ]
}

/// `date` moved `years` later (a month-day keeps its form).
fn later(date: EventDate, years: u32) -> EventDate {
    match date {
        EventDate::Known(d) => {
            EventDate::Known(PartialDate::year_only(d.year() + years as i32).unwrap())
        }
        EventDate::YearUnknown(md) => EventDate::YearUnknown(md),
    }
}

fn event() -> impl Strategy<Value = Event> {
    (
        (
            id_text(),
            text(),
            proptest::option::of(prop_oneof![
                select(EventKind::known().collect::<Vec<_>>()),
                code::<EventKind>("summit"),
            ]),
            proptest::option::of(text()),
            dates(),
            (any::<bool>(), proptest::option::of(text())),
            proptest::option::of(country()),
            proptest::option::of(select(vec![
                "UTC",
                "Europe/Zurich",
                "Africa/Banjul",
                "America/Argentina/Buenos_Aires",
            ])),
        ),
        (
            prop::collection::vec(
                (
                    prop_oneof![
                        country().prop_map(Party::State),
                        partner_id().prop_map(Party::Partner),
                        process_id().prop_map(Party::Process),
                    ],
                    prop_oneof![
                        select(EventRole::known().collect::<Vec<_>>()),
                        code::<EventRole>("rapporteur"),
                    ],
                    proptest::option::of(text()),
                    proptest::option::of(text()),
                ),
                0..4,
            ),
            prop::collection::vec(id_text(), 0..2),
            prop::collection::vec(person(), 0..2),
            prop::collection::vec(person(), 0..2),
            prop::collection::vec(text(), 0..2),
            sources(),
            (
                // Any length: one that does not fit the dates is only a warning.
                proptest::option::of(1..=10_u32),
                prop::collection::vec(
                    (
                        id_text(),
                        prop_oneof![
                            select(EventRelation::known().collect::<Vec<_>>()),
                            code::<EventRelation>("successor of"),
                        ],
                        proptest::option::of(text()),
                    ),
                    0..3,
                ),
                prop::collection::vec(
                    (
                        text(),
                        proptest::option::of(prop_oneof![
                            select(OutcomeKind::known().collect::<Vec<_>>()),
                            code::<OutcomeKind>("communiqué"),
                        ]),
                        proptest::option::of("https://[a-z]{1,8}\\.iom\\.int/[a-z0-9-]{0,12}"),
                        proptest::option::of(text()),
                    ),
                    0..3,
                ),
            ),
        ),
    )
        .prop_map(
            |(
                (id, title, kind, description, dates, (online, city), country, tz),
                (parties, projects, speakers, contacts, notes, sources, (days, related, outcomes)),
            )| {
                let mut b = Event::builder(EventId::new(&id).unwrap(), title);
                if let Some(d) = days {
                    b = b.duration_days(d);
                }
                // Each other event once per relation, never the event itself.
                let mut links: Vec<(String, EventRelation, Option<String>)> = related
                    .into_iter()
                    .filter(|(other, ..)| *other != id)
                    .collect();
                links.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
                links.dedup_by(|a, b| (&a.0, &a.1) == (&b.0, &b.1));
                for (other, relation, note) in links {
                    let mut r = RelatedEvent::new(EventId::new(&other).unwrap(), relation);
                    if let Some(n) = note {
                        r = r.with_note(n);
                    }
                    b = b.related_event(r);
                }
                for (title, kind, url, note) in outcomes {
                    let mut o = Outcome::new(title);
                    if let Some(k) = kind {
                        o = o.with_kind(k);
                    }
                    if let Some(u) = url {
                        o = o.with_url(u);
                    }
                    if let Some(n) = note {
                        o = o.with_note(n);
                    }
                    b = b.outcome(o);
                }
                if let Some(k) = kind {
                    b = b.kind(k);
                }
                if let Some(d) = description {
                    b = b.description(d);
                }
                match dates {
                    Dates::Plain(None) => {}
                    Dates::Plain(Some((start, years))) => {
                        let end = years.map(|n| later(*start.value(), n));
                        b = b.start(start);
                        if let Some(e) = end {
                            b = b.end(e);
                        }
                    }
                    Dates::Agenda(dated, days) => {
                        let mut day = 1;
                        let mut first_last = None;
                        for (gap, title, sessions) in days {
                            day += gap;
                            let date = PartialDate::ymd(2008, 12, day).unwrap();
                            first_last = Some((first_last.map_or(date, |(f, _)| f), date));
                            let mut a = AgendaDay::new(date);
                            if let Some(t) = title {
                                a = a.with_title(t);
                            }
                            for s in sessions {
                                a = a.with_session(s);
                            }
                            b = b.agenda_day(a);
                        }
                        if let (true, Some((first, last))) = (dated, first_last) {
                            b = b.start(EventDate::Known(first)).end(EventDate::Known(last));
                        }
                    }
                }
                b = b.online(online);
                if let (false, Some(c)) = (online, city) {
                    b = b.city(c);
                }
                if let Some(c) = country {
                    b = b.country(c);
                }
                if let Some(tz) = tz {
                    b = b.time_zone(tz);
                }
                let parties = parties.into_iter().map(|(party, role, programme, note)| {
                    let mut p = EventParty::new(party, role);
                    if let Some(x) = programme {
                        p = p.with_programme(x);
                    }
                    if let Some(n) = note {
                        p = p.with_note(n);
                    }
                    p
                });
                for p in sorted_unique(parties.collect()) {
                    b = b.party(p);
                }
                for p in sorted_unique(projects) {
                    b = b.related_project(ProjectId::new(&p).unwrap());
                }
                for s in speakers {
                    b = b.speaker(s);
                }
                for c in contacts {
                    b = b.contact(c);
                }
                for n in notes {
                    b = b.note(n);
                }
                for s in sources {
                    b = b.source(s);
                }
                b.build()
                    .unwrap_or_else(|e| panic!("generated an invalid event: {e}"))
            },
        )
}

fn membership() -> impl Strategy<Value = Membership> {
    (
        prop_oneof![
            country().prop_map(Party::State),
            partner_id().prop_map(Party::Partner),
        ],
        prop_oneof![
            process_id().prop_map(Party::Process),
            partner_id().prop_map(Party::Partner),
        ],
        prop_oneof![
            select(MembershipRole::known().collect::<Vec<_>>()),
            code::<MembershipRole>("honorary member"),
        ],
        proptest::option::of(text()),
        period(),
        proptest::option::of(text()),
        proptest::option::of((text(), sources())),
        sources(),
    )
        .prop_filter("nobody is a member of itself", |(m, b, ..)| m != b)
        .prop_map(
            |(member, body, role, scope, period, note, dispute, sources)| {
                let mut b = Membership::builder(member, body, role).period(period);
                if let Some(s) = scope {
                    b = b.scope(s);
                }
                if let Some(n) = note {
                    b = b.note(n);
                }
                if let Some((note, sources)) = dispute {
                    b = b.dispute(Dispute::new(note, sources));
                }
                for s in sources {
                    b = b.source(s);
                }
                b.build().unwrap()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn member_states_round_trip(s in member_state()) {
        round_trip(&s);
    }

    #[test]
    fn processes_round_trip(p in process()) {
        round_trip(&p);
    }

    #[test]
    fn partners_round_trip(p in partner()) {
        round_trip(&p);
    }

    #[test]
    fn projects_round_trip(p in project()) {
        let value = round_trip(&p);
        // Amounts keep their scale in the text.
        let back: Project = serde_json::from_value(value).unwrap();
        for (a, b) in back.amounts().iter().zip(p.amounts()) {
            prop_assert_eq!(a.money().to_string(), b.money().to_string());
        }
    }

    #[test]
    fn events_round_trip(e in event()) {
        round_trip(&e);
    }

    #[test]
    fn memberships_round_trip(m in membership()) {
        round_trip(&m);
    }

    /// The entities of random datasets round-trip and serialise exactly as
    /// the dataset file writes their records.
    #[test]
    fn dataset_entities_serialise_as_their_records(d in crate::roundtrip::datasets()) {
        check_dataset(&d);
    }
}
