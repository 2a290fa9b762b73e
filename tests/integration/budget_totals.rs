//! Budget totals: each query agrees with a plain fold over the projects,
//! gives the same answer on every call, and refuses a sum that does not fit.

use std::collections::BTreeMap;

use migov::codelist::{AmountKind, IdfRegion};
use migov::{Amount, Currency, Dataset, Money, MoneyError, Project, ProjectId, Source, Totals};
use rust_decimal::Decimal;

use crate::generate;

/// The budget amounts of `p` (kind `budget`), added to the totals under
/// each of `keys`.
fn fold<K: Ord + Clone>(data: &Dataset, keys: impl Fn(&Project) -> Vec<K>) -> BTreeMap<K, Totals> {
    let mut out: BTreeMap<K, Totals> = BTreeMap::new();
    for p in data.projects() {
        for a in p
            .amounts()
            .iter()
            .filter(|a| *a.kind() == AmountKind::Budget)
        {
            for k in keys(p) {
                out.entry(k).or_default().add(a.money()).unwrap();
            }
        }
    }
    out
}

#[test]
fn budget_totals_agree_with_a_fold_over_the_projects() {
    let data = Dataset::from_json_str(&generate::generate(&generate::Scale::TINY, 21)).unwrap();
    let by_region = data.budget_totals_by_region().unwrap();
    let expected = fold(&data, |p| {
        vec![p.idf_region().map(|r| r.as_str().to_owned())]
    });
    assert_eq!(by_region, expected);
    // Several regions, projects without one, and several currencies.
    assert!(by_region.len() > 3, "{by_region:?}");
    assert!(by_region.contains_key(&None));
    assert!(by_region.values().any(|t| t.len() > 1));

    let by_year = data.budget_totals_by_year().unwrap();
    let expected = fold(&data, |p| {
        vec![
            p.year()
                .or_else(|| p.period().start().and_then(|d| d.known_year())),
        ]
    });
    assert_eq!(by_year, expected);

    let by_state = data.budget_totals_by_state().unwrap();
    assert_eq!(by_state, fold(&data, |p| p.benefiting_states().to_vec()));

    // Later calls, and clones, give the same answer (computed again).
    assert_eq!(data.budget_totals_by_region().unwrap(), by_region);
    assert_eq!(data.clone().budget_totals_by_state().unwrap(), by_state);
}

#[test]
fn budget_totals_that_do_not_fit_are_refused_each_time() {
    // Two budgets in one region whose exact sum leaves a `Decimal`.
    let huge = Money::new(Decimal::MAX, Currency::USD);
    let project = |id: &str| {
        Project::builder(ProjectId::new(id).unwrap(), "A project")
            .idf_region(IdfRegion::Africa)
            .amount(Amount::new(AmountKind::Budget, huge))
            .source(Source::new("https://www.iom.int/").unwrap())
            .build()
            .unwrap()
    };
    let mut b = Dataset::builder();
    b.add_project(project("P-1")).unwrap();
    b.add_project(project("P-2")).unwrap();
    let data = b.build().unwrap();
    let overflow = MoneyError::Overflow {
        currency: Currency::USD,
    };
    assert_eq!(data.budget_totals_by_region(), Err(overflow.clone()));
    assert_eq!(data.budget_totals_by_region(), Err(overflow));
}
