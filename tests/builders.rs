//! The builders' contract: every independent fault is one error at its place,
//! and `build()` succeeds exactly when no rule is broken.
//!
//! The property tests compute what to expect from the rules' *specification*
//! (the `Rule` table and the builders' documentation), not from the code under
//! test: an error where the data contradicts itself or is malformed (an end
//! definitely before its start, an entry listed twice, a negative amount, a
//! session that does not end after it starts, sessions or days out of order,
//! a year of one record with no year in the other), a warning where it is
//! merely incomplete, and warnings never refuse a build.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use migov::codelist::{AmountKind, Coverage, EventRelation, OutcomeKind, ProjectStatus};
use migov::{
    AgendaDay, Amount, BuildError, CountryCode, Currency, Event, EventDate, EventId, LocalTime,
    MemberState, Money, MonthDay, Outcome, PartialDate, Period, PeriodErrorKind, Person, Project,
    ProjectId, RelatedEvent, Rule, Session, Severity, Source,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn c(alpha3: &str) -> CountryCode {
    CountryCode::from_alpha3(alpha3).unwrap()
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

fn time(s: &str) -> LocalTime {
    s.parse().unwrap()
}

/// `(path, rule id)` of every error, in the order found.
fn errors(e: &BuildError) -> Vec<(String, &'static str)> {
    e.errors()
        .map(|i| (i.path().to_string(), i.rule().id()))
        .collect()
}

/// `(path, rule id)` of every warning, in the order found.
fn warnings(issues: &[migov::Issue]) -> Vec<(String, &'static str)> {
    issues
        .iter()
        .filter(|i| !i.is_error())
        .map(|i| (i.path().to_string(), i.rule().id()))
        .collect()
}

fn owned(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    list.iter().map(|(p, r)| ((*p).to_owned(), *r)).collect()
}

// ------------------------------------------------------------------ three faults, three errors

#[test]
fn project_with_three_faults_gives_exactly_three_errors() {
    let err = Project::builder(
        ProjectId::new("E40-800").unwrap(),
        "IMP Workshop - West Africa",
    )
    .period(Period::new(Some(date("2001")), Some(date("2001"))).unwrap())
    // Fault 1: a year that no date can have.
    .year(20_001)
    .amount(Amount::new(
        AmountKind::Budget,
        "32000.00 USD".parse().unwrap(),
    ))
    // Fault 2: a negative amount, the second one.
    .amount(Amount::new(
        AmountKind::IdfContribution,
        "-500.00 USD".parse().unwrap(),
    ))
    // Incomplete, not wrong: national coverage with four states (a warning).
    .coverage(Coverage::National)
    // Fault 3: Benin named twice, the second time in fourth place.
    .benefiting([c("BEN"), c("BFA"), c("SEN"), c("BEN")])
    .build()
    .unwrap_err();
    assert_eq!(
        errors(&err),
        owned(&[
            ("benefiting_states[3]", "list.duplicate"),
            ("amounts[1].amount", "project.negative_amount"),
            ("year", "value.invalid"),
        ])
    );
    assert_eq!(
        err.errors()
            .map(|i| i.path().to_pointer())
            .collect::<Vec<_>>(),
        ["/benefiting_states/3", "/amounts/1/amount", "/year"]
    );
    // The warnings travel with the errors; they do not count as errors.
    assert_eq!(
        warnings(err.issues()),
        owned(&[
            ("sources", "record.no_source"),
            ("benefiting_states", "project.national_many_states"),
        ])
    );
    assert_eq!((err.what(), err.label()), ("project", "E40-800"));
    assert!(
        err.to_string()
            .starts_with("invalid project \"E40-800\": 3 errors\n"),
        "{err}"
    );
    let messages: Vec<&str> = err.errors().map(migov::Issue::message).collect();
    assert!(messages[0].contains("BEN"), "{}", messages[0]);
    assert!(messages[1].contains("-500.00 USD"), "{}", messages[1]);
    assert!(messages[2].contains("20001"), "{}", messages[2]);
}

/// A project's end before its start never reaches `build()`: `Period` refuses
/// it. Read from JSON, the same fault is one of the record's errors.
#[test]
fn project_end_before_start_is_refused_by_period_and_reported_by_serde() {
    let err = Period::new(Some(date("2001")), Some(date("2000"))).unwrap_err();
    assert!(matches!(
        err.kind(),
        PeriodErrorKind::EndBeforeStart { start, end }
            if start.to_string() == "2001" && end.to_string() == "2000"
    ));
    let json = r#"{
        "id": "E40-800", "title": "IMP Workshop - West Africa",
        "start": "2001", "end": "2000",
        "amounts": [{"kind": "budget", "amount": "-1.00", "currency": "USD"}],
        "benefiting_states": ["BEN", "SEN", "SEN"],
        "sources": ["https://www.iom.int/"]
    }"#;
    let message = serde_json::from_str::<Project>(json)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("invalid project: "), "{message}");
    for expected in [
        "error [period.end_before_start] end: end 2000 is before start 2001",
        "error [list.duplicate] benefiting_states[2]: ",
        "error [project.negative_amount] amounts[0].amount: ",
    ] {
        assert_eq!(message.matches(expected).count(), 1, "{message}");
    }
    assert_eq!(message.matches("error [").count(), 3, "{message}");
}

#[test]
fn event_with_three_agenda_faults_gives_exactly_three_errors() {
    let err = Event::builder(
        EventId::new("IOM-COUNCIL-96").unwrap(),
        "96th Session of the IOM Council",
    )
    .start(EventDate::Known(date("2008-12-02")))
    .end(EventDate::Known(date("2008-12-05")))
    // Fault 1: a session that ends before it starts.
    .agenda_day(
        AgendaDay::new(date("2008-12-02")).with_session(
            Session::new(time("10:00"), "Opening procedures").with_end(time("09:30")),
        ),
    )
    // Fault 2: the afternoon session listed before the morning one.
    .agenda_day(
        AgendaDay::new(date("2008-12-04"))
            .with_session(
                Session::new(time("15:00"), "b) Migration Highlights").with_end(time("18:00")),
            )
            .with_session(
                Session::new(time("10:00"), "a) Return Migration").with_end(time("13:00")),
            ),
    )
    // Fault 3: 3 December after 4 December.
    .agenda_day(
        AgendaDay::new(date("2008-12-03"))
            .with_session(Session::new(time("10:00"), "Special Panel").with_end(time("11:30")))
            .with_session(Session::new(time("11:30"), "General Debate").with_end(time("13:00"))),
    )
    .build()
    .unwrap_err();
    assert_eq!(
        errors(&err),
        owned(&[
            (
                "agenda[0].sessions[0].end",
                "event.session_end_before_start"
            ),
            ("agenda[1].sessions[1].start", "event.session_order"),
            ("agenda[2].date", "event.agenda_day_order"),
        ])
    );
    assert_eq!(
        err.errors()
            .map(|i| i.path().to_pointer())
            .collect::<Vec<_>>(),
        [
            "/agenda/0/sessions/0/end",
            "/agenda/1/sessions/1/start",
            "/agenda/2/date"
        ]
    );
    assert_eq!(
        warnings(err.issues()),
        owned(&[("sources", "record.no_source")])
    );
    assert_eq!((err.what(), err.label()), ("event", "IOM-COUNCIL-96"));
    let messages: Vec<&str> = err.errors().map(migov::Issue::message).collect();
    assert!(messages[0].contains("09:30") && messages[0].contains("10:00"));
    assert!(messages[1].contains("18:00"), "{}", messages[1]);
    assert!(messages[2].contains("2008-12-03") && messages[2].contains("2008-12-04"));
}

#[test]
fn event_with_three_record_faults_gives_exactly_three_errors() {
    let err = Event::builder(
        EventId::new("NIAMEY-CBM-WORKSHOP").unwrap(),
        "Regional workshop on coordinated border management",
    )
    // Fault 1: an end before the start, both without a year.
    .start(EventDate::YearUnknown(MonthDay::new(7, 30).unwrap()))
    .end(EventDate::YearUnknown(MonthDay::new(7, 29).unwrap()))
    // Fault 2: held online, yet in a city.
    .online(true)
    .city("Niamey")
    // Fault 3: a malformed email address.
    .contact(Person::new("Paloma Casaseca").with_email("pcasaseca at iom.int"))
    .source(Source::new("https://www.iom.int/").unwrap())
    .build()
    .unwrap_err();
    assert_eq!(
        errors(&err),
        owned(&[
            ("city", "value.invalid"),
            ("end", "period.end_before_start"),
            ("contacts[0].email", "value.invalid"),
        ])
    );
    assert!(warnings(err.issues()).is_empty());
    assert!(err.issues()[1].message().contains("--07-29"));
}

// ------------------------------------------------------------------ dates, by the specification

/// A day as (year, month, day), ordered as the calendar.
type Day = (i32, u32, u32);

/// A partial date as the generator sees it: year, and month and day if known.
#[derive(Clone, Copy, Debug)]
struct D {
    y: i32,
    m: Option<u32>,
    d: Option<u32>,
}

impl D {
    fn to_partial(self) -> PartialDate {
        match (self.m, self.d) {
            (None, _) => PartialDate::year_only(self.y).unwrap(),
            (Some(m), None) => PartialDate::year_month(self.y, m).unwrap(),
            (Some(m), Some(d)) => PartialDate::ymd(self.y, m, d).unwrap(),
        }
    }

    /// The first day the date allows.
    fn first(self) -> Day {
        (self.y, self.m.unwrap_or(1), self.d.unwrap_or(1))
    }

    /// The last day the date allows.
    fn last(self) -> Day {
        let m = self.m.unwrap_or(12);
        (
            self.y,
            m,
            self.d.unwrap_or_else(|| days_in_month(self.y, m)),
        )
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "Definitely before": every day `end` allows comes before every day `start` allows.
fn definitely_before(end: D, start: D) -> bool {
    end.last() < start.first()
}

fn partial(
    years: std::ops::RangeInclusive<i32>,
    months: std::ops::RangeInclusive<u32>,
) -> impl Strategy<Value = D> {
    (years, 0..3_u8, months, 1..=28_u32).prop_map(|(y, p, m, d)| match p {
        0 => D {
            y,
            m: None,
            d: None,
        },
        1 => D {
            y,
            m: Some(m),
            d: None,
        },
        _ => D {
            y,
            m: Some(m),
            d: Some(d),
        },
    })
}

// ------------------------------------------------------------------ projects

#[derive(Clone, Debug)]
struct ProjectInput {
    blank_title: bool,
    start: Option<D>,
    end: Option<D>,
    status: Option<ProjectStatus>,
    coverage: Option<Coverage>,
    /// Positions in [`POOL`]; a position may repeat.
    states: Vec<usize>,
    year: Option<i32>,
    /// Amounts in cents (may be negative).
    amounts: Vec<i64>,
    sourced: bool,
}

const POOL: [&str; 5] = ["BEN", "BFA", "SEN", "MLI", "NER"];

fn project_input() -> impl Strategy<Value = ProjectInput> {
    (
        prop::bool::weighted(0.1),
        proptest::option::of(partial(1999..=2002, 1..=12)),
        proptest::option::of(partial(1999..=2002, 1..=12)),
        proptest::option::of(proptest::sample::select(
            ProjectStatus::known().collect::<Vec<_>>(),
        )),
        proptest::option::of(proptest::sample::select(
            Coverage::known().collect::<Vec<_>>(),
        )),
        prop::collection::vec(0..POOL.len(), 0..5),
        proptest::option::of(prop_oneof![
            8 => 1998..=2003_i32,
            1 => Just(0),
            1 => Just(10_000),
        ]),
        prop::collection::vec(-300..3_000_000_i64, 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(blank_title, start, end, status, coverage, states, year, amounts, sourced)| {
                ProjectInput {
                    blank_title,
                    start,
                    end,
                    status,
                    coverage,
                    states,
                    year,
                    amounts,
                    sourced,
                }
            },
        )
}

impl ProjectInput {
    fn build(&self, period: Period) -> Result<Project, BuildError> {
        let title = if self.blank_title { " \t" } else { "A project" };
        let mut b = Project::builder(ProjectId::new("P-1").unwrap(), title).period(period);
        if let Some(s) = &self.status {
            b = b.status(s.clone());
        }
        if let Some(c) = &self.coverage {
            b = b.coverage(c.clone());
        }
        b = b.benefiting(self.states.iter().map(|&i| c(POOL[i])));
        if let Some(y) = self.year {
            b = b.year(y);
        }
        for &cents in &self.amounts {
            let money = Money::new(Decimal::new(cents, 2), Currency::USD);
            b = b.amount(Amount::new(AmountKind::Budget, money));
        }
        if self.sourced {
            b = b.source(Source::new("https://www.iom.int/").unwrap());
        }
        b.build()
    }

    /// Whether the dates contradict each other.
    fn end_before_start(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if definitely_before(e, s))
    }

    /// The errors the specification calls for, other than the dates', sorted.
    fn expected_errors(&self) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        if self.blank_title {
            out.push(("title".to_owned(), "text.blank"));
        }
        for (i, s) in self.states.iter().enumerate() {
            if self.states[..i].contains(s) {
                out.push((format!("benefiting_states[{i}]"), "list.duplicate"));
            }
        }
        for (i, cents) in self.amounts.iter().enumerate() {
            if *cents < 0 {
                out.push((format!("amounts[{i}].amount"), "project.negative_amount"));
            }
        }
        if let Some(y) = self.year
            && !(1..=9999).contains(&y)
        {
            out.push(("year".to_owned(), "value.invalid"));
        }
        out.sort();
        out
    }

    /// The warnings the specification calls for on an accepted project, sorted.
    fn expected_warnings(&self) -> BTreeSet<&'static str> {
        let mut out = BTreeSet::new();
        let n = self.states.len();
        if !self.sourced {
            out.insert("record.no_source");
        }
        if self.status == Some(ProjectStatus::Completed) && self.end.is_none() {
            out.insert("project.completed_without_end");
        }
        match self.coverage {
            Some(Coverage::Regional) if n < 2 => {
                out.insert("project.regional_few_states");
            }
            Some(Coverage::National) if n > 1 => {
                out.insert("project.national_many_states");
            }
            _ => {}
        }
        if n == 0 {
            out.insert("project.no_benefiting_state");
        }
        // An allocation year may precede the start; only one after the end warns.
        if let Some(y) = self.year
            && self.end.is_some_and(|e| y > e.y)
        {
            out.insert("project.year_outside_period");
        }
        out
    }
}

fn sorted_errors(e: &BuildError) -> Vec<(String, &'static str)> {
    let mut v = errors(e);
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A project is accepted exactly when no rule is broken; what is refused
    /// names each fault once, at its place; warnings never refuse it and are
    /// kept on the accepted project.
    #[test]
    fn project_builds_exactly_when_no_rule_is_broken(input in project_input()) {
        let dates_contradict = input.end_before_start();
        let expected = input.expected_errors();
        let start = input.start.map(D::to_partial);
        let end = input.end.map(D::to_partial);
        let accepted = match Period::new(start, end) {
            // An end definitely before its start is refused before `build()`:
            // `Period` cannot hold it.
            Err(e) => {
                prop_assert!(dates_contradict, "refused {:?}: {}", input, e);
                let end_before_start = matches!(e.kind(), PeriodErrorKind::EndBeforeStart { .. });
                prop_assert!(end_before_start);
                // The other faults are still each reported by `build()`.
                let rest = input.build(Period::new(start, None).unwrap());
                prop_assert_eq!(rest.is_ok(), expected.is_empty());
                if let Err(e) = &rest {
                    prop_assert_eq!(sorted_errors(e), expected.clone());
                }
                false
            }
            Ok(period) => {
                prop_assert!(!dates_contradict, "accepted dates {:?}", input);
                let result = input.build(period);
                prop_assert_eq!(result.is_ok(), expected.is_empty(), "{:?}", result.as_ref().err().map(ToString::to_string));
                match &result {
                    Ok(project) => {
                        let found: BTreeSet<&str> = project.warnings().iter().map(|w| w.rule().id()).collect();
                        prop_assert_eq!(found, input.expected_warnings());
                        prop_assert!(project.warnings().iter().all(|w| w.severity() == Severity::Warning));
                    }
                    Err(e) => {
                        prop_assert_eq!(sorted_errors(e), expected.clone());
                        prop_assert!(e.errors().count() >= 1);
                    }
                }
                result.is_ok()
            }
        };
        prop_assert_eq!(accepted, !dates_contradict && expected.is_empty());
    }
}

// ------------------------------------------------------------------ events

/// An event date as the generator sees it.
#[derive(Clone, Copy, Debug)]
enum When {
    Known(D),
    /// Month and day, year unknown.
    NoYear(u32, u32),
}

impl When {
    fn to_event_date(self) -> EventDate {
        match self {
            Self::Known(d) => EventDate::Known(d.to_partial()),
            Self::NoYear(m, d) => EventDate::YearUnknown(MonthDay::new(m, d).unwrap()),
        }
    }
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        3 => partial(2007..=2009, 11..=12).prop_map(|d| When::Known(D {
            // Days early in the month, where the agenda days are.
            d: d.d.map(|x| x % 8 + 1),
            ..d
        })),
        1 => (11..=12_u32, 1..=8_u32).prop_map(|(m, d)| When::NoYear(m, d)),
    ]
}

/// A session: start and optional end, in minutes after midnight.
type SessionIn = (u32, Option<u32>);

#[derive(Clone, Debug)]
struct EventInput {
    start: Option<When>,
    end: Option<When>,
    online: bool,
    city: bool,
    /// Agenda days: day of December 2008, and sessions.
    days: Vec<(u32, Vec<SessionIn>)>,
    sourced: bool,
}

fn session() -> impl Strategy<Value = SessionIn> {
    (0..=20_u32, proptest::option::of(-2..=6_i32)).prop_map(|(k, len)| {
        let start = 8 * 60 + 30 * k;
        let end = len.map(|l| start.checked_add_signed(30 * l).unwrap());
        (start, end)
    })
}

fn event_input() -> impl Strategy<Value = EventInput> {
    (
        proptest::option::of(when()),
        proptest::option::of(when()),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec((1..=8_u32, prop::collection::vec(session(), 0..4)), 0..4),
        any::<bool>(),
    )
        .prop_map(|(start, end, online, city, days, sourced)| EventInput {
            start,
            end,
            online,
            city,
            days,
            sourced,
        })
}

fn hhmm(minutes: u32) -> LocalTime {
    LocalTime::new(minutes / 60, minutes % 60).unwrap()
}

impl EventInput {
    fn build(&self) -> Result<Event, BuildError> {
        let mut b = Event::builder(EventId::new("E-1").unwrap(), "An event").online(self.online);
        if let Some(s) = self.start {
            b = b.start(s.to_event_date());
        }
        if let Some(e) = self.end {
            b = b.end(e.to_event_date());
        }
        if self.city {
            b = b.city("Geneva");
        }
        for (day, sessions) in &self.days {
            let mut a = AgendaDay::new(PartialDate::ymd(2008, 12, *day).unwrap());
            for (i, (start, end)) in sessions.iter().enumerate() {
                let mut s = Session::new(hhmm(*start), format!("Session {i}"));
                if let Some(end) = end {
                    s = s.with_end(hhmm(*end));
                }
                a = a.with_session(s);
            }
            b = b.agenda_day(a);
        }
        if self.sourced {
            b = b.source(Source::new("https://www.iom.int/").unwrap());
        }
        b.build()
    }

    /// The first and last day the event's dates allow, when its year is known
    /// and its dates agree (a missing end: a one-day event).
    fn days_allowed(&self) -> Option<(Day, Day)> {
        let Some(When::Known(s)) = self.start else {
            return None;
        };
        match self.end {
            None => Some((s.first(), s.last())),
            Some(When::Known(e)) if !definitely_before(e, s) => Some((s.first(), e.last())),
            Some(_) => None,
        }
    }

    /// The errors the specification calls for, sorted.
    fn expected_errors(&self) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        if self.online && self.city {
            out.push(("city".to_owned(), "value.invalid"));
        }
        match (self.start, self.end) {
            (Some(When::Known(s)), Some(When::Known(e))) if definitely_before(e, s) => {
                out.push(("end".to_owned(), "period.end_before_start"));
            }
            (Some(When::NoYear(sm, sd)), Some(When::NoYear(em, ed))) if (em, ed) < (sm, sd) => {
                out.push(("end".to_owned(), "period.end_before_start"));
            }
            (Some(When::Known(_)), Some(When::NoYear(..)))
            | (Some(When::NoYear(..)), Some(When::Known(_))) => {
                out.push(("end".to_owned(), "value.invalid"));
            }
            _ => {}
        }
        let allowed = self.days_allowed();
        for (i, (day, sessions)) in self.days.iter().enumerate() {
            let at = format!("agenda[{i}]");
            if i > 0 && *day <= self.days[i - 1].0 {
                out.push((format!("{at}.date"), "event.agenda_day_order"));
            }
            if let Some((first, last)) = allowed {
                let d = (2008, 12, *day);
                if d < first || d > last {
                    out.push((format!("{at}.date"), "event.agenda_day_outside_event"));
                }
            }
            for (j, (start, end)) in sessions.iter().enumerate() {
                if end.is_some_and(|e| e <= *start) {
                    out.push((
                        format!("{at}.sessions[{j}].end"),
                        "event.session_end_before_start",
                    ));
                }
                if j > 0 {
                    let (ps, pe) = sessions[j - 1];
                    // A session starts no earlier than the one before it ends
                    // (or, lacking an end, starts).
                    if *start < pe.unwrap_or(ps) {
                        out.push((format!("{at}.sessions[{j}].start"), "event.session_order"));
                    }
                }
            }
        }
        out.sort();
        out
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// An event is accepted exactly when no rule is broken; each fault is one
    /// error at its place; warnings are kept on the accepted event.
    #[test]
    fn event_builds_exactly_when_no_rule_is_broken(input in event_input()) {
        let expected = input.expected_errors();
        let result = input.build();
        prop_assert_eq!(result.is_ok(), expected.is_empty(), "{:?}", result.as_ref().err().map(ToString::to_string));
        match result {
            Ok(event) => {
                let found: Vec<&str> = event.warnings().iter().map(|w| w.rule().id()).collect();
                let wanted: Vec<&str> = if input.sourced { vec![] } else { vec!["record.no_source"] };
                prop_assert_eq!(found, wanted);
                prop_assert!(event.warnings().iter().all(|w| !w.is_error()));
                // Known, agreeing dates give a period; no year never does.
                prop_assert_eq!(event.period().is_some(), input.days_allowed().is_some());
            }
            Err(e) => prop_assert_eq!(sorted_errors(&e), expected),
        }
    }
}

// ------------------------------------------------------------------ warnings alone never refuse

#[test]
fn every_project_warning_at_once_still_builds() {
    // A completed project with no end, and one with an allocation year after
    // its end: between them, every project warning (a year after the end
    // needs an end, which the first has not).
    let no_end = Project::builder(ProjectId::new("P-1").unwrap(), "A project")
        .status(ProjectStatus::Completed)
        .period(Period::new(Some(date("2001")), None).unwrap())
        .coverage(Coverage::Regional)
        .build()
        .unwrap();
    let late_year = Project::builder(ProjectId::new("P-2").unwrap(), "A project")
        .status(ProjectStatus::Completed)
        .period(Period::new(Some(date("2001")), Some(date("2002"))).unwrap())
        .year(2003)
        .coverage(Coverage::Regional)
        .build()
        .unwrap();
    let rules =
        |p: &Project| -> BTreeSet<Rule> { p.warnings().iter().map(migov::Issue::rule).collect() };
    let common = [
        Rule::NoSource,
        Rule::RegionalFewStates,
        Rule::NoBenefitingState,
    ];
    let mut wanted = BTreeSet::from(common);
    wanted.insert(Rule::CompletedWithoutEnd);
    assert_eq!(rules(&no_end), wanted);
    let mut wanted = BTreeSet::from(common);
    wanted.insert(Rule::YearOutsidePeriod);
    assert_eq!(rules(&late_year), wanted);
    assert!(
        rules(&no_end)
            .union(&rules(&late_year))
            .all(|r| r.severity() == Severity::Warning)
    );
}

/// The IOM Development Fund allocates in one year and the project starts in
/// the same or a later one: an allocation year before the start is how the
/// Fund works and gives no warning; a year after the end still does.
#[test]
fn allocation_year_before_the_start_is_not_a_warning() {
    let project = |year: i32, end: Option<&str>| {
        Project::builder(ProjectId::new("P-1").unwrap(), "A project")
            .period(Period::new(Some(date("2020-03")), end.map(date)).unwrap())
            .year(year)
            .benefiting_state(c("SEN"))
            .source(Source::new("https://developmentfund.iom.int/").unwrap())
            .build()
            .unwrap()
    };
    let warned = |p: &Project| {
        p.warnings()
            .iter()
            .any(|w| w.rule() == Rule::YearOutsidePeriod)
    };
    // Allocated in 2019, started in March 2020.
    assert!(!warned(&project(2019, Some("2021-02"))));
    assert!(!warned(&project(2019, None)));
    assert!(!warned(&project(2020, Some("2021-02"))));
    assert!(!warned(&project(2021, Some("2021-02"))));
    // A year after the end cannot be the allocation of this project.
    let late = project(2022, Some("2021-02"));
    assert!(warned(&late));
    let w = late
        .warnings()
        .iter()
        .find(|w| w.rule() == Rule::YearOutsidePeriod)
        .unwrap();
    assert_eq!(w.path().to_string(), "year");
    assert!(
        w.message().contains("2022") && w.message().contains("2021-02"),
        "{}",
        w.message()
    );
}

/// What the builder accepts, the dataset format can write and read back: an
/// `Other` identifier in the `idf` scheme would read back as an IDF code, and
/// a blank scheme or value would not read back at all.
#[test]
fn external_ids_that_would_not_read_back_are_refused() {
    let err = Project::builder(
        ProjectId::new("E40-800").unwrap(),
        "IMP Workshop - West Africa",
    )
    .external_id(migov::ExternalId::Other {
        scheme: "idf".into(),
        value: "E40-800".into(),
    })
    .external_id(migov::ExternalId::Other {
        scheme: " ".into(),
        value: "x".into(),
    })
    .external_id(migov::ExternalId::Other {
        scheme: "iom_reference".into(),
        value: String::new(),
    })
    .external_id(migov::ExternalId::Other {
        scheme: "iom_reference".into(),
        value: "PX.0123".into(),
    })
    .source(Source::new("https://www.iom.int/").unwrap())
    .benefiting_state(c("SEN"))
    .build()
    .unwrap_err();
    assert_eq!(
        errors(&err),
        owned(&[
            ("external_ids[0].scheme", "value.invalid"),
            ("external_ids[1]", "text.blank"),
            ("external_ids[2]", "text.blank"),
        ])
    );
}

// ------------------------------------------------------------------ durations, links, outcomes, people

fn src() -> Source {
    Source::new("https://www.iom.int/").unwrap()
}

/// The warnings of a project of `months` months over `start`..`end`.
fn project_duration_warnings(months: u32, start: &str, end: &str) -> Vec<(String, &'static str)> {
    let p = Project::builder(ProjectId::new("P-1").unwrap(), "A project")
        .period(Period::new(Some(date(start)), Some(date(end))).unwrap())
        .duration_months(months)
        .benefiting_state(c("NER"))
        .source(src())
        .build()
        .unwrap();
    warnings(p.warnings())
}

#[test]
fn a_project_duration_is_checked_against_dates_known_to_the_month() {
    let mismatch = owned(&[("duration_months", "period.duration_mismatch")]);
    // April 2015 to March 2016 is 12 calendar months; mid-month to mid-month 13.
    assert!(project_duration_warnings(12, "2015-04", "2016-03").is_empty());
    assert!(project_duration_warnings(12, "2015-04-15", "2016-04-14").is_empty());
    assert!(project_duration_warnings(11, "2015-04", "2016-03").is_empty());
    assert_eq!(
        project_duration_warnings(13, "2015-04", "2016-03"),
        mismatch
    );
    assert_eq!(project_duration_warnings(6, "2015-04", "2016-03"), mismatch);
    // Years only: not fully known, never a warning.
    assert!(project_duration_warnings(40, "2001", "2001").is_empty());
    // Without dates, the length alone is kept.
    let p = Project::builder(ProjectId::new("CBM-SAHEL").unwrap(), "A project")
        .duration_months(12)
        .benefiting_state(c("NER"))
        .source(src())
        .build()
        .unwrap();
    assert_eq!(p.duration_months(), Some(12));
    assert!(p.warnings().is_empty());
    // Zero months is no length.
    let err = Project::builder(ProjectId::new("P-0").unwrap(), "A project")
        .duration_months(0)
        .build()
        .unwrap_err();
    assert_eq!(errors(&err), owned(&[("duration_months", "value.invalid")]));
}

#[test]
fn an_event_duration_is_checked_against_days_and_extends_a_missing_end() {
    let event = |start: &str, end: Option<&str>, days: u32| {
        let mut b = Event::builder(EventId::new("E-1").unwrap(), "An event")
            .start(start.parse::<EventDate>().unwrap())
            .duration_days(days)
            .source(src());
        if let Some(e) = end {
            b = b.end(e.parse().unwrap());
        }
        b.build()
    };
    let mismatch = owned(&[("duration_days", "period.duration_mismatch")]);
    let niamey = event("2015-07-29", Some("2015-07-30"), 2).unwrap();
    assert!(niamey.warnings().is_empty());
    assert_eq!(
        warnings(
            event("2015-07-29", Some("2015-07-30"), 3)
                .unwrap()
                .warnings()
        ),
        mismatch
    );
    // No year: counted in any year (28 February to 1 March is 2 or 3 days).
    assert!(
        event("--07-29", Some("--07-30"), 2)
            .unwrap()
            .warnings()
            .is_empty()
    );
    assert!(
        event("--02-28", Some("--03-01"), 3)
            .unwrap()
            .warnings()
            .is_empty()
    );
    assert!(
        event("--02-28", Some("--03-01"), 2)
            .unwrap()
            .warnings()
            .is_empty()
    );
    assert_eq!(
        warnings(event("--02-28", Some("--03-01"), 4).unwrap().warnings()),
        mismatch
    );
    // A month is not a day: nothing to compare.
    assert!(
        event("2000-10", Some("2000-11"), 2)
            .unwrap()
            .warnings()
            .is_empty()
    );
    // A first day and a length give the last day; without a day, the start's own span.
    let two_days = event("2024-07-25", None, 2).unwrap();
    assert_eq!(two_days.end(), None);
    assert_eq!(
        two_days.period().map(|p| p.to_string()).as_deref(),
        Some("2024-07-25/2024-07-26")
    );
    let month = event("2000-10", None, 3).unwrap();
    assert_eq!(
        month.period().map(|p| p.to_string()).as_deref(),
        Some("2000-10")
    );
    assert_eq!(event("--07-25", None, 2).unwrap().period(), None);
    assert_eq!(
        errors(&event("2024-07-25", None, 0).unwrap_err()),
        owned(&[("duration_days", "value.invalid")])
    );
}

#[test]
fn related_events_outcomes_and_people_are_checked() {
    let id = || EventId::new("IMP-SEMINAR").unwrap();
    let other = || EventId::new("DAKAR-2000").unwrap();
    let err = Event::builder(id(), "A seminar")
        .related_event(RelatedEvent::new(id(), EventRelation::FollowUpOf))
        .related_event(RelatedEvent::new(other(), EventRelation::FollowUpOf))
        .related_event(RelatedEvent::new(other(), EventRelation::FollowUpOf).with_note("again"))
        // Another relation to the same event is a different link.
        .related_event(RelatedEvent::new(other(), EventRelation::PartOf).with_note(" "))
        .outcome(Outcome::new(" "))
        .outcome(Outcome::new("Dakar declaration").with_url("www.iom.int/declaration"))
        .contact(
            Person::new("Paloma Casaseca")
                .with_honorific("")
                .with_phone("+227 20 75 25 07")
                .with_phone("call +227")
                .with_phone("227+20"),
        )
        .source(src())
        .build()
        .unwrap_err();
    assert_eq!(
        errors(&err),
        owned(&[
            ("related_events[0].event", "value.invalid"),
            ("related_events[2]", "list.duplicate"),
            ("related_events[3].note", "text.blank"),
            ("outcomes[0].title", "text.blank"),
            ("outcomes[1].url", "value.invalid"),
            ("contacts[0].honorific", "text.blank"),
            ("contacts[0].phones[1]", "value.invalid"),
            ("contacts[0].phones[2]", "value.invalid"),
        ])
    );
    let ok = Event::builder(id(), "A seminar")
        .related_event(RelatedEvent::new(other(), EventRelation::FollowUpOf))
        .outcome(
            Outcome::new("Dakar declaration")
                .with_kind(OutcomeKind::Declaration)
                .with_url("https://www.iom.int/declaration"),
        )
        .contact(
            Person::new("Paloma Casaseca")
                .with_phone("+227 20 75 25 07")
                .with_phone("(0)22 717 91 11"),
        )
        .source(src())
        .build()
        .unwrap();
    assert_eq!(ok.related_events()[0].event(), &other());
    assert_eq!(
        ok.outcomes()[0].url(),
        Some("https://www.iom.int/declaration")
    );
    assert!(ok.warnings().is_empty());
}

#[test]
fn a_gcm_champion_flag_may_be_undated_but_line_2_eligibility_may_not() {
    let gambia = MemberState::builder(c("GMB"))
        .gcm_champion(true, None)
        .idf_line2_eligibility(true, date("2024-08"))
        .iom_presence_since(date("2001"))
        .source(src())
        .build()
        .unwrap();
    assert_eq!(
        gambia.gcm_champion().map(|f| (f.value(), f.as_of())),
        Some((true, None))
    );
    assert_eq!(
        gambia.idf_line2_eligibility().and_then(|f| f.as_of()),
        Some(date("2024-08"))
    );
    let json = serde_json::to_value(&gambia).unwrap();
    assert_eq!(json["gcm_champion"], serde_json::json!({"value": true}));
    assert_eq!(json["iom_presence_since"], "2001");
    assert_eq!(serde_json::from_value::<MemberState>(json).unwrap(), gambia);
    // In the format, Line 2 eligibility needs its date.
    let err = serde_json::from_value::<MemberState>(serde_json::json!({
        "country": "GMB",
        "idf_line2_eligibility": {"value": true}
    }))
    .unwrap_err();
    assert!(err.to_string().contains("as_of"), "{err}");
}

#[test]
fn benefiting_states_accumulate_in_the_order_given() {
    let p = Project::builder(ProjectId::new("P-2").unwrap(), "A project")
        .benefiting_state(c("SEN"))
        .benefiting(vec![c("GMB"), c("GIN")])
        .benefiting([c("MLI")])
        .source(src())
        .build()
        .unwrap();
    assert_eq!(
        p.benefiting_states(),
        &[c("SEN"), c("GMB"), c("GIN"), c("MLI")]
    );
    let taken = Project::builder(ProjectId::new("P-3").unwrap(), "A project")
        .benefiting(vec![c("NER"), c("TCD")])
        .benefiting_state(c("BFA"))
        .source(src())
        .build()
        .unwrap();
    assert_eq!(taken.benefiting_states(), &[c("NER"), c("TCD"), c("BFA")]);
}
