//! Budget totals (`Dataset::budget_totals`): every grouping and filter
//! against a plain sum over the projects, and the cases the documentation
//! promises (kinds apart, currencies apart, IDF projects only, funders,
//! states counted for each project they benefit from).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use migov::codelist::{AmountKind, IdfRegion, ProjectRole, ProjectStatus, ProjectType};
use migov::{
    Amount, BudgetDimension, BudgetQuery, CountryCode, Currency, Dataset, ExternalId, KeyPart,
    Money, MoneyError, Partner, PartnerId, Period, Project, ProjectId, ProjectParty, Source,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const STATES: [&str; 4] = ["SEN", "MLI", "BEN", "FRA"];
const FUNDERS: [&str; 3] = ["GOV-A", "GOV-B", "GOV-C"];
const STARTS: [&str; 5] = ["2001", "2002-05", "199X", "2003~", "2004-02-10"];
const YEARS: [i32; 5] = [2001, 2002, 2003, 2004, 2005];

fn regions() -> [IdfRegion; 3] {
    [IdfRegion::Africa, IdfRegion::Europe, IdfRegion::Global]
}
fn types() -> [ProjectType; 3] {
    [
        ProjectType::MigrationPolicyActivities,
        ProjectType::LabourMigration,
        "a_new_type".parse().unwrap(),
    ]
}
fn statuses() -> [ProjectStatus; 3] {
    [
        ProjectStatus::Completed,
        ProjectStatus::Ongoing,
        "paused".parse().unwrap(),
    ]
}
fn kinds() -> [AmountKind; 3] {
    [
        AmountKind::Budget,
        AmountKind::IdfContribution,
        "co_funding".parse().unwrap(),
    ]
}
const CURRENCIES: [Currency; 3] = [Currency::USD, Currency::EUR, Currency::CHF];

fn state(i: usize) -> CountryCode {
    CountryCode::from_alpha3(STATES[i]).unwrap()
}
fn funder(i: usize) -> PartnerId {
    PartnerId::new(FUNDERS[i]).unwrap()
}
fn src() -> Source {
    Source::new("https://developmentfund.iom.int/").unwrap()
}

/// A project as indices into the pools above.
#[derive(Clone, Debug)]
struct Spec {
    year: Option<usize>,
    start: Option<usize>,
    region: Option<usize>,
    states: Vec<usize>,
    project_type: Option<usize>,
    status: Option<usize>,
    funders: Vec<usize>,
    implementer: Option<usize>,
    idf: bool,
    /// (kind, currency, units, scale)
    amounts: Vec<(usize, usize, i64, u32)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        (
            proptest::option::of(0..YEARS.len()),
            proptest::option::of(0..STARTS.len()),
            proptest::option::of(0..3usize),
            proptest::sample::subsequence((0..STATES.len()).collect::<Vec<_>>(), 0..=3),
            proptest::option::of(0..3usize),
        ),
        (
            proptest::option::of(0..3usize),
            proptest::sample::subsequence((0..FUNDERS.len()).collect::<Vec<_>>(), 0..=2),
            proptest::option::of(0..FUNDERS.len()),
            any::<bool>(),
            proptest::collection::vec((0..3usize, 0..3usize, 0..1_000_000_000i64, 0..4u32), 0..4),
        ),
    )
        .prop_map(
            |(
                (year, start, region, states, project_type),
                (status, funders, implementer, idf, amounts),
            )| Spec {
                year,
                start,
                region,
                states,
                project_type,
                status,
                funders,
                implementer,
                idf,
                amounts,
            },
        )
}

fn project(i: usize, s: &Spec) -> Project {
    let mut b =
        Project::builder(ProjectId::new(&format!("P-{i:03}")).unwrap(), "A project").source(src());
    if let Some(y) = s.year {
        b = b.year(YEARS[y]);
    }
    if let Some(d) = s.start {
        b = b.period(Period::new(Some(STARTS[d].parse().unwrap()), None).unwrap());
    }
    if let Some(r) = s.region {
        b = b.idf_region(regions()[r].clone());
    }
    for &st in &s.states {
        b = b.benefiting_state(state(st));
    }
    if let Some(t) = s.project_type {
        b = b.project_type(types()[t].clone());
    }
    if let Some(t) = s.status {
        b = b.status(statuses()[t].clone());
    }
    for &f in &s.funders {
        b = b.organization(ProjectParty::new(funder(f), ProjectRole::Funder));
    }
    // An implementer is no funder: a funder filter must not see it.
    if let Some(f) = s.implementer.filter(|f| !s.funders.contains(f)) {
        b = b.organization(ProjectParty::new(funder(f), ProjectRole::Implementer));
    }
    if s.idf {
        b = b.external_id(ExternalId::Idf(format!("AB.{i:04}").parse().unwrap()));
    }
    for &(k, c, units, scale) in &s.amounts {
        let money = Money::new(Decimal::new(units, scale), CURRENCIES[c]);
        b = b.amount(Amount::new(kinds()[k].clone(), money));
    }
    b.build().unwrap()
}

fn dataset(specs: &[Spec]) -> Dataset {
    let mut b = Dataset::builder();
    for f in FUNDERS {
        b.add_partner(
            Partner::builder(PartnerId::new(f).unwrap(), format!("Government {f}"))
                .source(src())
                .build()
                .unwrap(),
        )
        .unwrap();
    }
    for (i, s) in specs.iter().enumerate() {
        b.add_project(project(i, s)).unwrap();
    }
    b.build().unwrap()
}

/// A query as indices: groupings, filter values, kinds, IDF only.
#[derive(Clone, Debug)]
struct Ask {
    group: [bool; 6],
    years: Vec<usize>,
    regions: Vec<usize>,
    states: Vec<usize>,
    types: Vec<usize>,
    statuses: Vec<usize>,
    funders: Vec<usize>,
    kinds: Vec<usize>,
    idf_only: bool,
}

fn some_of(n: usize) -> impl Strategy<Value = Vec<usize>> {
    // Mostly no filter, sometimes one or two values.
    prop_oneof![
        3 => Just(Vec::new()),
        2 => proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 1..=2),
    ]
}

fn ask() -> impl Strategy<Value = Ask> {
    (
        any::<[bool; 6]>(),
        (some_of(YEARS.len()), some_of(3), some_of(STATES.len())),
        (some_of(3), some_of(3), some_of(FUNDERS.len())),
        some_of(3),
        any::<bool>(),
    )
        .prop_map(
            |(group, (years, regions, states), (types, statuses, funders), kinds, idf_only)| Ask {
                group,
                years,
                regions,
                states,
                types,
                statuses,
                funders,
                kinds,
                idf_only,
            },
        )
}

fn query(a: &Ask) -> BudgetQuery {
    let mut q = BudgetQuery::new();
    for (on, d) in a.group.iter().zip(BudgetDimension::ALL) {
        if *on {
            q = q.group_by(d);
        }
    }
    for &y in &a.years {
        q = q.year(YEARS[y]);
    }
    for &r in &a.regions {
        q = q.idf_region(regions()[r].clone());
    }
    for &s in &a.states {
        q = q.benefiting_state(state(s));
    }
    for &t in &a.types {
        q = q.project_type(types()[t].clone());
    }
    for &s in &a.statuses {
        q = q.status(statuses()[s].clone());
    }
    for &f in &a.funders {
        q = q.funder(funder(f));
    }
    for &k in &a.kinds {
        q = q.kind(kinds()[k].clone());
    }
    if a.idf_only {
        q = q.idf_only();
    }
    q
}

/// A key part as text: `None` when not grouped, `Some(None)` when unknown.
type Part = Option<Option<String>>;
/// Group key parts (year, region, state, type, status, funder) and kind.
type Key = ([Part; 6], String);
/// Sums per currency code, as text.
type Expected = BTreeMap<Key, BTreeMap<String, String>>;

/// The answer, as text.
fn answered(data: &Dataset, q: &BudgetQuery) -> Expected {
    fn text<T: ToString>(p: KeyPart<T>) -> Part {
        match p {
            KeyPart::All => None,
            KeyPart::Unknown => Some(None),
            KeyPart::Known(v) => Some(Some(v.to_string())),
        }
    }
    let totals = data.budget_totals(q).unwrap();
    let mut out: Expected = BTreeMap::new();
    for t in totals.iter() {
        let k = t.key();
        let parts = [
            text(k.year()),
            text(k.idf_region().map_known(|r| r.as_str())),
            text(k.benefiting_state().map_known(|s| s.alpha3())),
            text(k.project_type().map_known(|t| t.as_str())),
            text(k.status().map_known(|s| s.as_str())),
            text(k.funder().map_known(|f| f.as_str())),
        ];
        let previous = out
            .entry((parts, t.kind().as_str().to_owned()))
            .or_default()
            .insert(
                t.money().currency().code().to_owned(),
                t.money().to_string(),
            );
        assert!(previous.is_none(), "a currency twice in one group: {t:?}");
    }
    out
}

/// What the project-by-project sum gives: each project that passes every
/// filter adds each amount of a kind asked for under each combination of
/// its key parts.
fn brute_force(data: &Dataset, a: &Ask) -> Expected {
    let mut sums: BTreeMap<Key, BTreeMap<String, Money>> = BTreeMap::new();
    for p in data.projects() {
        let year = p
            .year()
            .or_else(|| p.period().start().and_then(|d| d.known_year()));
        let funders: Vec<String> = p
            .organizations()
            .iter()
            .filter(|o| *o.role() == ProjectRole::Funder)
            .map(|o| o.partner().as_str().to_owned())
            .collect();
        let states: Vec<String> = p
            .benefiting_states()
            .iter()
            .map(|s| s.alpha3().to_owned())
            .collect();
        let wanted_years: Vec<i32> = a.years.iter().map(|&y| YEARS[y]).collect();
        let wanted_states: Vec<String> = a.states.iter().map(|&s| STATES[s].to_owned()).collect();
        let wanted_funders: Vec<String> =
            a.funders.iter().map(|&f| FUNDERS[f].to_owned()).collect();
        let pass = (!a.idf_only || p.idf_code().is_some())
            && (a.years.is_empty() || year.is_some_and(|y| wanted_years.contains(&y)))
            && (a.regions.is_empty()
                || a.regions
                    .iter()
                    .any(|&r| p.idf_region() == Some(&regions()[r])))
            && (a.states.is_empty() || states.iter().any(|s| wanted_states.contains(s)))
            && (a.types.is_empty()
                || a.types
                    .iter()
                    .any(|&t| p.project_type() == Some(&types()[t])))
            && (a.statuses.is_empty()
                || a.statuses
                    .iter()
                    .any(|&s| p.status() == Some(&statuses()[s])))
            && (a.funders.is_empty() || funders.iter().any(|f| wanted_funders.contains(f)));
        if !pass {
            continue;
        }
        let one = |on: bool, v: Option<String>| -> Vec<Part> {
            if on { vec![Some(v)] } else { vec![None] }
        };
        let many = |on: bool, own: &[String], wanted: &[String]| -> Vec<Part> {
            if !on {
                return vec![None];
            }
            let mut kept: Vec<Part> = own
                .iter()
                .filter(|v| wanted.is_empty() || wanted.contains(v))
                .map(|v| Some(Some(v.clone())))
                .collect();
            kept.sort();
            kept.dedup();
            if kept.is_empty() {
                kept.push(Some(None));
            }
            kept
        };
        let g = a.group;
        let years = one(g[0], year.map(|y| y.to_string()));
        let region = one(g[1], p.idf_region().map(|r| r.as_str().to_owned()));
        let by_state = many(g[2], &states, &wanted_states);
        let ptype = one(g[3], p.project_type().map(|t| t.as_str().to_owned()));
        let status = one(g[4], p.status().map(|s| s.as_str().to_owned()));
        let by_funder = many(g[5], &funders, &wanted_funders);
        for amount in p.amounts() {
            if !a.kinds.is_empty() && !a.kinds.iter().any(|&k| *amount.kind() == kinds()[k]) {
                continue;
            }
            for y in &years {
                for r in &region {
                    for s in &by_state {
                        for t in &ptype {
                            for st in &status {
                                for f in &by_funder {
                                    let key = [
                                        y.clone(),
                                        r.clone(),
                                        s.clone(),
                                        t.clone(),
                                        st.clone(),
                                        f.clone(),
                                    ];
                                    let per = sums
                                        .entry((key, amount.kind().as_str().to_owned()))
                                        .or_default();
                                    let code = amount.money().currency().code().to_owned();
                                    let sum = match per.get(&code) {
                                        Some(m) => m.checked_add(amount.money()).unwrap(),
                                        None => *amount.money(),
                                    };
                                    per.insert(code, sum);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    sums.into_iter()
        .map(|(k, per)| {
            (
                k,
                per.into_iter().map(|(c, m)| (c, m.to_string())).collect(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every query agrees with the plain sum, and lists its totals in
    /// order (by key, kind, then currency) with no total twice.
    #[test]
    fn budget_totals_agree_with_a_plain_sum(
        specs in proptest::collection::vec(spec(), 0..25),
        asks in proptest::collection::vec(ask(), 1..6),
    ) {
        let data = dataset(&specs);
        for a in &asks {
            let q = query(a);
            prop_assert_eq!(answered(&data, &q), brute_force(&data, a), "{:?}", a);
            let totals = data.budget_totals(&q).unwrap();
            let order: Vec<_> = totals
                .iter()
                .map(|t| (t.key(), t.kind(), t.money().currency()))
                .collect();
            prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", order);
        }
    }
}

fn amount(kind: AmountKind, money: &str) -> Amount {
    Amount::new(kind, money.parse::<Money>().unwrap())
}

fn one(data: &Dataset, q: &BudgetQuery) -> Vec<String> {
    data.budget_totals(q)
        .unwrap()
        .iter()
        .map(|t| format!("{} {}", t.kind(), t.money()))
        .collect()
}

#[test]
fn each_kind_of_amount_is_summed_apart() {
    let mut b = Dataset::builder();
    for (id, budget) in [("P-1", "100.00 USD"), ("P-2", "50 USD")] {
        b.add_project(
            Project::builder(ProjectId::new(id).unwrap(), "A project")
                .amount(amount(AmountKind::Budget, budget))
                .amount(amount(AmountKind::IdfContribution, "30 USD"))
                .amount(amount(AmountKind::TotalBudget, "1000 USD"))
                .source(src())
                .build()
                .unwrap(),
        )
        .unwrap();
    }
    let data = b.build().unwrap();
    assert_eq!(
        one(&data, &BudgetQuery::new()),
        [
            "budget 150.00 USD",
            "idf_contribution 60 USD",
            "total_budget 2000 USD"
        ]
    );
    // A kind filter keeps the kinds asked for, still apart.
    let q = BudgetQuery::new()
        .kind(AmountKind::TotalBudget)
        .kind(AmountKind::Budget);
    assert_eq!(
        one(&data, &q),
        ["budget 150.00 USD", "total_budget 2000 USD"]
    );
    // A kind no project has: nothing.
    let absent: AmountKind = "co_funding".parse().unwrap();
    assert!(
        data.budget_totals(&BudgetQuery::new().kind(absent))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn currencies_are_never_added_together() {
    let mut b = Dataset::builder();
    for (id, m) in [("P-1", "10 USD"), ("P-2", "7.5 EUR"), ("P-3", "2.25 USD")] {
        b.add_project(
            Project::builder(ProjectId::new(id).unwrap(), "A project")
                .idf_region(IdfRegion::Africa)
                .amount(amount(AmountKind::Budget, m))
                .source(src())
                .build()
                .unwrap(),
        )
        .unwrap();
    }
    let data = b.build().unwrap();
    let q = BudgetQuery::new().group_by(BudgetDimension::IdfRegion);
    // Sorted by currency code within the group; the sum keeps the larger scale.
    assert_eq!(one(&data, &q), ["budget 7.5 EUR", "budget 12.25 USD"]);
    let map = data.budget_totals(&q).unwrap().to_map();
    let totals = map.values().next().unwrap();
    assert_eq!(totals.len(), 2);
    assert_eq!(
        totals.get(Currency::USD).map(|m| m.to_string()).as_deref(),
        Some("12.25 USD")
    );
}

#[test]
fn idf_only_keeps_projects_with_an_idf_code() {
    let mut b = Dataset::builder();
    for (id, idf, m) in [("P-1", true, "10 USD"), ("P-2", false, "5 USD")] {
        let mut p = Project::builder(ProjectId::new(id).unwrap(), "A project")
            .amount(amount(AmountKind::Budget, m))
            .source(src());
        if idf {
            p = p.external_id(ExternalId::Idf("AB.0001".parse().unwrap()));
        }
        b.add_project(p.build().unwrap()).unwrap();
    }
    let data = b.build().unwrap();
    assert_eq!(one(&data, &BudgetQuery::new()), ["budget 15 USD"]);
    assert_eq!(
        one(&data, &BudgetQuery::new().idf_only()),
        ["budget 10 USD"]
    );
}

#[test]
fn a_funder_filter_counts_funders_only_and_groups_under_those_asked_for() {
    let mut b = Dataset::builder();
    for f in FUNDERS {
        b.add_partner(
            Partner::builder(PartnerId::new(f).unwrap(), "A government")
                .source(src())
                .build()
                .unwrap(),
        )
        .unwrap();
    }
    // P-1 funded by A and B; P-2 funded by B, implemented by A; P-3 by C.
    type Parties<'a> = (&'a str, &'a [(usize, ProjectRole)], &'a str);
    let parties: [Parties<'_>; 3] = [
        (
            "P-1",
            &[(0, ProjectRole::Funder), (1, ProjectRole::Funder)],
            "100 USD",
        ),
        (
            "P-2",
            &[(1, ProjectRole::Funder), (0, ProjectRole::Implementer)],
            "10 USD",
        ),
        ("P-3", &[(2, ProjectRole::Funder)], "1 USD"),
    ];
    for (id, orgs, m) in parties {
        let mut p = Project::builder(ProjectId::new(id).unwrap(), "A project")
            .amount(amount(AmountKind::Budget, m))
            .source(src());
        for (f, role) in orgs {
            p = p.organization(ProjectParty::new(funder(*f), role.clone()));
        }
        b.add_project(p.build().unwrap()).unwrap();
    }
    let data = b.build().unwrap();
    // Funded by A: P-1 only (A implements P-2).
    assert_eq!(
        one(&data, &BudgetQuery::new().funder(funder(0))),
        ["budget 100 USD"]
    );
    // Funded by A or B: P-1 and P-2, P-1 once.
    assert_eq!(
        one(
            &data,
            &BudgetQuery::new().funder(funder(0)).funder(funder(1))
        ),
        ["budget 110 USD"]
    );
    // Grouped by funder: each funder's projects; with a filter, only the
    // funders asked for.
    let by_funder = |q: BudgetQuery| -> Vec<String> {
        data.budget_totals(&q.group_by(BudgetDimension::Funder))
            .unwrap()
            .iter()
            .map(|t| {
                format!(
                    "{:?} {}",
                    t.key().funder().known().map(|f| f.as_str()),
                    t.money()
                )
            })
            .collect()
    };
    assert_eq!(
        by_funder(BudgetQuery::new()),
        [
            r#"Some("GOV-A") 100 USD"#,
            r#"Some("GOV-B") 110 USD"#,
            r#"Some("GOV-C") 1 USD"#
        ]
    );
    assert_eq!(
        by_funder(BudgetQuery::new().funder(funder(1))),
        [r#"Some("GOV-B") 110 USD"#]
    );
}

#[test]
fn a_project_counts_once_for_each_of_its_states() {
    let (sen, mli) = (state(0), state(1));
    let mut b = Dataset::builder();
    b.add_project(
        Project::builder(ProjectId::new("P-1").unwrap(), "A regional project")
            .benefiting(vec![sen, mli])
            .amount(amount(AmountKind::Budget, "100 USD"))
            .source(src())
            .build()
            .unwrap(),
    )
    .unwrap();
    b.add_project(
        Project::builder(ProjectId::new("P-2").unwrap(), "A project without states")
            .amount(amount(AmountKind::Budget, "1 USD"))
            .source(src())
            .build()
            .unwrap(),
    )
    .unwrap();
    let data = b.build().unwrap();
    let q = BudgetQuery::new().group_by(BudgetDimension::BenefitingState);
    let rows: Vec<(KeyPart<CountryCode>, String)> = data
        .budget_totals(&q)
        .unwrap()
        .iter()
        .map(|t| (t.key().benefiting_state(), t.money().to_string()))
        .collect();
    // The whole budget under each state (MLI before SEN), the project
    // without states under `Unknown` (first): 201 over states, 101 in all.
    let mut expected = vec![
        (KeyPart::Unknown, "1 USD".to_owned()),
        (KeyPart::Known(sen), "100 USD".to_owned()),
        (KeyPart::Known(mli), "100 USD".to_owned()),
    ];
    expected.sort();
    assert_eq!(rows, expected);
    assert_eq!(one(&data, &BudgetQuery::new()), ["budget 101 USD"]);
    // A state filter without grouping counts the project once.
    assert_eq!(
        one(
            &data,
            &BudgetQuery::new()
                .benefiting_state(sen)
                .benefiting_state(mli)
        ),
        ["budget 100 USD"]
    );
    // The wrapper leaves the project without states out.
    let by_state = data.budget_totals_by_state().unwrap();
    assert_eq!(by_state.len(), 2);
}

#[test]
fn a_total_that_does_not_fit_is_a_typed_error_on_every_call() {
    let mut b = Dataset::builder();
    for id in ["P-1", "P-2"] {
        b.add_project(
            Project::builder(ProjectId::new(id).unwrap(), "A project")
                .status(ProjectStatus::Completed)
                .amount(Amount::new(
                    AmountKind::Budget,
                    Money::new(Decimal::MAX, Currency::JPY),
                ))
                .source(src())
                .build()
                .unwrap(),
        )
        .unwrap();
    }
    let data = b.build().unwrap();
    let q = BudgetQuery::new().group_by(BudgetDimension::ProjectStatus);
    let overflow = MoneyError::Overflow {
        currency: Currency::JPY,
    };
    assert_eq!(data.budget_totals(&q).err(), Some(overflow.clone()));
    assert_eq!(data.budget_totals(&q).err(), Some(overflow));
    // Each amount alone fits.
    let alone = BudgetQuery::new().status(ProjectStatus::Ongoing);
    assert!(data.budget_totals(&alone).unwrap().is_empty());
}

#[test]
fn many_kinds_and_currencies_are_each_kept_apart() {
    // 25 kinds × 3 currencies: more pairs than a group keeps in one block.
    let kinds: Vec<AmountKind> = (0..25)
        .map(|k| format!("kind_{k:02}").parse().unwrap())
        .collect();
    let mut b = Dataset::builder();
    let mut expected: BTreeMap<(String, String), BTreeMap<String, Money>> = BTreeMap::new();
    for i in 0..40usize {
        let region = regions()[i % 2].clone();
        let mut p = Project::builder(ProjectId::new(&format!("P-{i:02}")).unwrap(), "A project")
            .idf_region(region.clone())
            .source(src());
        for j in 0..3 {
            let kind = kinds[(i * 7 + j * 3) % kinds.len()].clone();
            let money = Money::new(
                Decimal::new((i * 10 + j) as i64, j as u32),
                CURRENCIES[(i + j) % 3],
            );
            let per = expected
                .entry((region.as_str().to_owned(), kind.as_str().to_owned()))
                .or_default();
            let code = money.currency().code().to_owned();
            let sum = per
                .get(&code)
                .map_or(money, |m| m.checked_add(&money).unwrap());
            per.insert(code, sum);
            p = p.amount(Amount::new(kind, money));
        }
        b.add_project(p.build().unwrap()).unwrap();
    }
    let data = b.build().unwrap();
    let totals = data
        .budget_totals(&BudgetQuery::new().group_by(BudgetDimension::IdfRegion))
        .unwrap();
    let mut got: BTreeMap<(String, String), BTreeMap<String, Money>> = BTreeMap::new();
    for t in totals.iter() {
        let region = t.key().idf_region().known().unwrap().as_str().to_owned();
        got.entry((region, t.kind().as_str().to_owned()))
            .or_default()
            .insert(t.money().currency().code().to_owned(), t.money());
    }
    assert_eq!(got, expected);
    let order: Vec<_> = totals
        .iter()
        .map(|t| (t.key(), t.kind(), t.money().currency()))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn many_values_of_one_filter_are_alternatives() {
    let mut b = Dataset::builder();
    for (i, year) in (1995..2015).enumerate() {
        b.add_project(
            Project::builder(ProjectId::new(&format!("P-{i:02}")).unwrap(), "A project")
                .year(year)
                .amount(amount(AmountKind::Budget, "1 USD"))
                .source(src())
                .build()
                .unwrap(),
        )
        .unwrap();
    }
    let data = b.build().unwrap();
    // Ten years asked for, two of them absent from the data (1990, 1991).
    let mut q = BudgetQuery::new();
    for year in [
        2003, 2001, 1990, 2000, 2002, 2004, 2005, 1991, 2006, 2007, 2003,
    ] {
        q = q.year(year);
    }
    assert_eq!(one(&data, &q), ["budget 8 USD"]);
    let by_year = data
        .budget_totals(&q.group_by(BudgetDimension::Year))
        .unwrap();
    let years: Vec<i32> = by_year
        .iter()
        .filter_map(|t| t.key().year().known())
        .collect();
    assert_eq!(years, (2000..=2007).collect::<Vec<_>>());
}
