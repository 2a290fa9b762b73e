//! Budget totals: project amounts summed per currency, each kind of amount
//! apart, grouped by and filtered on any of year, IOM Development Fund
//! region, benefiting state, project type, project status and funder.
//!
//! Every call computes its answer (nothing is kept between calls) from the
//! dataset's budget table (built once with the dataset): one row per
//! project amount with a small integer code for each dimension, and a
//! posting list per dimension and value. A filtered total visits only the
//! projects of its most selective filter's posting lists; sums are exact,
//! in integer units (`i128`) per group, kind and currency, turned into
//! [`Money`] at the end.

use std::collections::BTreeMap;
use std::collections::HashMap;

use rust_decimal::Decimal;

use super::Dataset;
use super::index::{BudgetTable, DIMENSIONS, FUNDER, Groups, REGION, STATE, STATUS, TYPE, YEAR};
use crate::codelist::{AmountKind, IdfRegion, ProjectStatus, ProjectType};
use crate::value::{CountryCode, Currency, Money, MoneyError, PartnerId, Totals};

/// A dimension budget totals can be grouped by (see [`BudgetQuery::group_by`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BudgetDimension {
    /// The project's "Year", else the year of its start (unknown for a
    /// start known only to the decade, `199X`; a qualified start, `2004~`,
    /// counts under its stated year).
    Year,
    /// The project's IOM Development Fund region.
    IdfRegion,
    /// Each benefiting state of the project: a project's whole amount counts
    /// for each of its states (amounts are not split between states), so the
    /// totals over states exceed the total of the projects.
    BenefitingState,
    /// The project's type.
    ProjectType,
    /// The project's status.
    ProjectStatus,
    /// Each partner the project names as a funder ([`ProjectRole::Funder`](crate::codelist::ProjectRole::Funder)):
    /// like states, a project's whole amount counts for each of its funders.
    Funder,
}

impl BudgetDimension {
    /// Every dimension, in the order of a [`BudgetKey`]'s parts.
    pub const ALL: [BudgetDimension; 6] = [
        BudgetDimension::Year,
        BudgetDimension::IdfRegion,
        BudgetDimension::BenefitingState,
        BudgetDimension::ProjectType,
        BudgetDimension::ProjectStatus,
        BudgetDimension::Funder,
    ];

    fn place(self) -> usize {
        match self {
            BudgetDimension::Year => YEAR,
            BudgetDimension::IdfRegion => REGION,
            BudgetDimension::BenefitingState => STATE,
            BudgetDimension::ProjectType => TYPE,
            BudgetDimension::ProjectStatus => STATUS,
            BudgetDimension::Funder => FUNDER,
        }
    }
}

/// A question for [`Dataset::budget_totals`]: which dimensions to group by,
/// which projects and which kinds of amounts to count.
///
/// Filters on different dimensions all apply (and); several values of one
/// dimension are alternatives (or): `.status(Completed).status(Ongoing)`
/// keeps projects that are completed or ongoing. A project passes a
/// benefiting-state (or funder) filter when one of its states (or funders)
/// is asked for; grouped by that dimension too, it then counts only under
/// the states (or funders) asked for. Without a kind filter every kind of
/// amount is summed, each kind apart.
///
/// # Examples
///
/// ```
/// use migov::codelist::{AmountKind, IdfRegion, ProjectStatus};
/// use migov::{BudgetDimension, BudgetQuery};
///
/// // Budgets of completed IDF projects in Africa, by year and status.
/// let query = BudgetQuery::new()
///     .kind(AmountKind::Budget)
///     .idf_region(IdfRegion::Africa)
///     .status(ProjectStatus::Completed)
///     .idf_only()
///     .group_by(BudgetDimension::Year)
///     .group_by(BudgetDimension::ProjectStatus);
/// assert!(query.is_grouped_by(BudgetDimension::Year));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[must_use]
pub struct BudgetQuery {
    group_by: [bool; DIMENSIONS],
    years: Vec<i32>,
    regions: Vec<IdfRegion>,
    states: Vec<CountryCode>,
    types: Vec<ProjectType>,
    statuses: Vec<ProjectStatus>,
    funders: Vec<PartnerId>,
    kinds: Vec<AmountKind>,
    idf_only: bool,
}

impl BudgetQuery {
    /// Every amount of every project, each kind apart, in one group.
    pub fn new() -> Self {
        Self::default()
    }

    /// Groups the totals by `dimension` as well (the order of calls does
    /// not matter: keys always list year, region, state, type, status,
    /// funder).
    pub fn group_by(mut self, dimension: BudgetDimension) -> Self {
        if let Some(g) = self.group_by.get_mut(dimension.place()) {
            *g = true;
        }
        self
    }

    /// Whether the totals are grouped by `dimension`.
    #[must_use]
    pub fn is_grouped_by(&self, dimension: BudgetDimension) -> bool {
        self.group_by.get(dimension.place()).copied().unwrap_or(false)
    }

    /// Keeps projects of this year (see [`BudgetDimension::Year`]).
    pub fn year(mut self, year: i32) -> Self {
        self.years.push(year);
        self
    }

    /// Keeps projects of this IOM Development Fund region.
    pub fn idf_region(mut self, region: IdfRegion) -> Self {
        self.regions.push(region);
        self
    }

    /// Keeps projects that benefit this state.
    pub fn benefiting_state(mut self, state: CountryCode) -> Self {
        self.states.push(state);
        self
    }

    /// Keeps projects of this type.
    pub fn project_type(mut self, project_type: ProjectType) -> Self {
        self.types.push(project_type);
        self
    }

    /// Keeps projects with this status.
    pub fn status(mut self, status: ProjectStatus) -> Self {
        self.statuses.push(status);
        self
    }

    /// Keeps projects that name `funder` as a funder.
    pub fn funder(mut self, funder: PartnerId) -> Self {
        self.funders.push(funder);
        self
    }

    /// Sums amounts of this kind (by default: every kind, each apart).
    pub fn kind(mut self, kind: AmountKind) -> Self {
        self.kinds.push(kind);
        self
    }

    /// Keeps IOM Development Fund projects only: those with an IDF code.
    pub fn idf_only(mut self) -> Self {
        self.idf_only = true;
        self
    }
}

/// One part of a [`BudgetKey`]: the dimension's value, or why there is none.
///
/// Ordered `All`, `Unknown`, then the values in their own order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyPart<T> {
    /// The totals are not grouped by this dimension.
    All,
    /// The project gives no value (no year, region, state, funder...).
    Unknown,
    /// This value.
    Known(T),
}

impl<T> KeyPart<T> {
    /// The value, if the part is one.
    pub fn known(self) -> Option<T> {
        match self {
            KeyPart::Known(v) => Some(v),
            _ => None,
        }
    }

    /// The part with `f` applied to its value.
    pub fn map_known<U>(self, f: impl FnOnce(T) -> U) -> KeyPart<U> {
        match self {
            KeyPart::Known(v) => KeyPart::Known(f(v)),
            KeyPart::Unknown => KeyPart::Unknown,
            KeyPart::All => KeyPart::All,
        }
    }
}

/// The group a budget total is for: one [`KeyPart`] per dimension.
///
/// Keys sort by year, region, state, type, status, then funder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BudgetKey<'a> {
    year: KeyPart<i32>,
    idf_region: KeyPart<&'a IdfRegion>,
    benefiting_state: KeyPart<CountryCode>,
    project_type: KeyPart<&'a ProjectType>,
    status: KeyPart<&'a ProjectStatus>,
    funder: KeyPart<&'a PartnerId>,
}

impl<'a> BudgetKey<'a> {
    /// The year (see [`BudgetDimension::Year`]).
    pub fn year(&self) -> KeyPart<i32> {
        self.year
    }

    /// The IOM Development Fund region.
    pub fn idf_region(&self) -> KeyPart<&'a IdfRegion> {
        self.idf_region
    }

    /// The benefiting state.
    pub fn benefiting_state(&self) -> KeyPart<CountryCode> {
        self.benefiting_state
    }

    /// The project type.
    pub fn project_type(&self) -> KeyPart<&'a ProjectType> {
        self.project_type
    }

    /// The project status.
    pub fn status(&self) -> KeyPart<&'a ProjectStatus> {
        self.status
    }

    /// The funder.
    pub fn funder(&self) -> KeyPart<&'a PartnerId> {
        self.funder
    }
}

/// One total: a group, a kind of amount, and the sum in one currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BudgetTotal<'a> {
    key: BudgetKey<'a>,
    kind: &'a AmountKind,
    money: Money,
}

impl<'a> BudgetTotal<'a> {
    /// The group.
    pub fn key(&self) -> BudgetKey<'a> {
        self.key
    }

    /// The kind of the amounts summed.
    pub fn kind(&self) -> &'a AmountKind {
        self.kind
    }

    /// The exact sum, in one currency; its scale is the largest of the
    /// amounts summed (as [`Money::checked_add`]).
    pub fn money(&self) -> Money {
        self.money
    }
}

/// A row of the answer: the group's codes, the kind's code, the sum.
#[derive(Clone, Copy, Debug)]
struct Row {
    codes: [u32; DIMENSIONS],
    kind: u32,
    money: Money,
}

/// The answer of [`Dataset::budget_totals`]: one total per group, kind of
/// amount and currency, sorted by group ([`BudgetKey`]'s order), then kind,
/// then currency code.
#[derive(Clone, Debug)]
pub struct BudgetTotals<'a> {
    table: &'a BudgetTable,
    grouped: [bool; DIMENSIONS],
    rows: Vec<Row>,
}

impl<'a> BudgetTotals<'a> {
    /// The totals, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = BudgetTotal<'a>> + '_ {
        self.rows.iter().map(|r| self.total(r))
    }

    /// How many totals (groups × kinds × currencies) there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no amount was counted.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The totals as a map from group and kind to the sums per currency.
    pub fn to_map(&self) -> BTreeMap<(BudgetKey<'a>, &'a AmountKind), Totals> {
        let mut out: BTreeMap<(BudgetKey<'a>, &'a AmountKind), Totals> = BTreeMap::new();
        for t in self.iter() {
            // Each group and kind has each currency at most once: adding
            // to an empty total of that currency cannot fail.
            let added = out.entry((t.key, t.kind)).or_default().add(&t.money);
            debug_assert!(added.is_ok());
        }
        out
    }

    fn total(&self, r: &Row) -> BudgetTotal<'a> {
        let t = self.table;
        let part = |d: usize| -> KeyPart<usize> {
            match (self.grouped.get(d), r.codes.get(d)) {
                (Some(true), Some(0)) => KeyPart::Unknown,
                (Some(true), Some(&c)) => KeyPart::Known(c as usize - 1),
                _ => KeyPart::All,
            }
        };
        fn pick<T>(part: KeyPart<usize>, dictionary: &[T]) -> KeyPart<&T> {
            match part {
                KeyPart::Known(i) => dictionary.get(i).map_or(KeyPart::Unknown, KeyPart::Known),
                KeyPart::Unknown => KeyPart::Unknown,
                KeyPart::All => KeyPart::All,
            }
        }
        BudgetTotal {
            key: BudgetKey {
                year: pick(part(YEAR), &t.years).map_known(|y| *y),
                idf_region: pick(part(REGION), &t.regions),
                benefiting_state: pick(part(STATE), &t.states).map_known(|s| *s),
                project_type: pick(part(TYPE), &t.types),
                status: pick(part(STATUS), &t.statuses),
                funder: pick(part(FUNDER), &t.funders),
            },
            kind: t.kinds.get(r.kind as usize).unwrap_or(&BUDGET),
            money: r.money,
        }
    }
}

/// One running sum: a group's total of one kind in one currency, in units
/// of `10^-scale`, and the next sum of the same group.
#[derive(Clone, Copy, Debug)]
struct Sum {
    units: i128,
    kind: u32,
    currency: u32,
    next: u32,
    scale: u8,
}

const NONE: u32 = u32::MAX;

/// Where groups are found: a dense table over every combination of codes
/// when it is small, else a hash map.
enum Heads {
    /// Group number + 1 (0: none) by slot, with the strides of each
    /// dimension's code in the slot.
    Dense {
        heads: Vec<u32>,
        strides: [usize; DIMENSIONS],
    },
    Map(HashMap<[u32; DIMENSIONS], u32>),
}

/// The running sums of every group.
struct Sums {
    heads: Heads,
    /// Each group's codes and first sum.
    groups: Vec<([u32; DIMENSIONS], u32)>,
    sums: Vec<Sum>,
}

impl Sums {
    fn new(radices: [usize; DIMENSIONS], candidates: usize) -> Self {
        let mut strides = [1usize; DIMENSIONS];
        let mut slots: Option<usize> = Some(1);
        for d in (0..DIMENSIONS).rev() {
            if let Some(s) = strides.get_mut(d) {
                *s = slots.unwrap_or(0);
            }
            slots = slots.and_then(|n| n.checked_mul(radices.get(d).copied().unwrap_or(1)));
        }
        // A dense table when zeroing it costs no more than the work itself.
        let dense_limit = (1usize << 16).max(candidates.saturating_mul(32)).min(1 << 24);
        let heads = match slots {
            Some(n) if n <= dense_limit => Heads::Dense {
                heads: vec![0; n],
                strides,
            },
            _ => Heads::Map(HashMap::new()),
        };
        Self {
            heads,
            groups: Vec::new(),
            sums: Vec::new(),
        }
    }

    /// The number of the group of `codes`, created if new.
    fn group(&mut self, codes: [u32; DIMENSIONS]) -> usize {
        let next = self.groups.len();
        let found = match &mut self.heads {
            Heads::Dense { heads, strides } => {
                let slot: usize = codes
                    .iter()
                    .zip(strides.iter())
                    .map(|(&c, &s)| c as usize * s)
                    .sum();
                match heads.get_mut(slot) {
                    Some(h) if *h != 0 => Some(*h as usize - 1),
                    Some(h) => {
                        *h = u32::try_from(next + 1).unwrap_or(u32::MAX);
                        None
                    }
                    None => None,
                }
            }
            Heads::Map(map) => match map.entry(codes) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get() as usize),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(u32::try_from(next).unwrap_or(u32::MAX));
                    None
                }
            },
        };
        found.unwrap_or_else(|| {
            self.groups.push((codes, NONE));
            next
        })
    }

    /// Adds `units` at `scale` to group `g`'s sum of `kind` in `currency`.
    /// `None` when the exact sum leaves an `i128`.
    fn add(&mut self, g: usize, kind: u32, currency: u32, units: i128, scale: u8) -> Option<()> {
        let first = self.groups.get(g)?.1;
        let mut at = first;
        let mut last = NONE;
        while at != NONE {
            let sum = self.sums.get_mut(at as usize)?;
            if sum.kind == kind && sum.currency == currency {
                return add_scaled(sum, units, scale);
            }
            last = at;
            at = sum.next;
        }
        let new = u32::try_from(self.sums.len()).ok()?;
        self.sums.push(Sum {
            units,
            kind,
            currency,
            next: NONE,
            scale,
        });
        match self.sums.get_mut(last as usize) {
            Some(prev) if last != NONE => prev.next = new,
            _ => self.groups.get_mut(g)?.1 = new,
        }
        Some(())
    }

    /// The rows, sorted by group, kind and currency.
    fn rows(self, currencies: &[Currency]) -> Result<Vec<Row>, MoneyError> {
        let Sums {
            heads,
            mut groups,
            sums,
        } = self;
        let order: Vec<usize> = match &heads {
            // Scanning the table is the sort when the groups fill it enough.
            Heads::Dense { heads, .. } if heads.len() <= groups.len().saturating_mul(16) => heads
                .iter()
                .filter(|&&h| h != 0)
                .map(|&h| h as usize - 1)
                .collect(),
            _ => {
                groups.sort_unstable_by_key(|g| g.0);
                (0..groups.len()).collect()
            }
        };
        let mut rows = Vec::with_capacity(sums.len());
        let mut own: Vec<Sum> = Vec::new();
        for g in order {
            let Some(&(codes, first)) = groups.get(g) else {
                continue;
            };
            own.clear();
            let mut at = first;
            while let Some(s) = sums.get(at as usize) {
                own.push(*s);
                at = s.next;
            }
            own.sort_unstable_by_key(|s| (s.kind, s.currency));
            for s in &own {
                let currency = currencies
                    .get(s.currency as usize)
                    .copied()
                    .unwrap_or(Currency::USD);
                let amount = Decimal::try_from_i128_with_scale(s.units, u32::from(s.scale))
                    .map_err(|_| MoneyError::Overflow { currency })?;
                rows.push(Row {
                    codes,
                    kind: s.kind,
                    money: Money::new(amount, currency),
                });
            }
        }
        Ok(rows)
    }
}

/// Adds `units · 10^-scale` to `sum`, exactly, at the larger scale.
fn add_scaled(sum: &mut Sum, units: i128, scale: u8) -> Option<()> {
    if scale == sum.scale {
        sum.units = sum.units.checked_add(units)?;
    } else if scale < sum.scale {
        let widened = 10i128
            .checked_pow(u32::from(sum.scale - scale))
            .and_then(|p| units.checked_mul(p))?;
        sum.units = sum.units.checked_add(widened)?;
    } else {
        let widened = 10i128
            .checked_pow(u32::from(scale - sum.scale))
            .and_then(|p| sum.units.checked_mul(p))?;
        sum.units = widened.checked_add(units)?;
        sum.scale = scale;
    }
    Some(())
}

/// A filter resolved to codes: which codes pass, and how many rows their
/// posting lists hold.
struct Allowed {
    pass: Vec<bool>,
    codes: Vec<u32>,
    postings: usize,
}

/// The codes of `values` in `dictionary` (`None`: no filter on this
/// dimension).
fn allowed<T: Ord>(dictionary: &[T], values: &[T], postings: &Groups) -> Option<Allowed> {
    if values.is_empty() {
        return None;
    }
    let mut codes: Vec<u32> = values
        .iter()
        .filter_map(|v| dictionary.binary_search(v).ok())
        .filter_map(|i| u32::try_from(i + 1).ok())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let mut pass = vec![false; dictionary.len() + 1];
    let mut count = 0;
    for &c in &codes {
        if let Some(p) = pass.get_mut(c as usize) {
            *p = true;
        }
        count += postings.get(c as usize).len();
    }
    Some(Allowed {
        pass,
        codes,
        postings: count,
    })
}

impl Dataset {
    /// Project amounts summed per currency, each kind of amount apart, in
    /// the groups and for the projects `query` asks for.
    ///
    /// The answer is computed on each call (nothing is kept): it visits
    /// the projects of the most selective filter's posting lists, or every
    /// project with an amount when no filter is set. O(r + g log g) for r
    /// rows counted and g groups (a dense table over the groups when it is
    /// small: O(r + g)). A project's whole amount counts under each of its
    /// benefiting states and of its funders when grouped by them, so those
    /// totals add up to more than the projects' total.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if an exact total does not fit a
    /// [`Decimal`] (at the largest scale of its amounts).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::codelist::{AmountKind, IdfRegion};
    /// use migov::{Amount, BudgetDimension, BudgetQuery, Dataset, KeyPart, Money, Project, ProjectId, Source};
    ///
    /// let src = Source::new("https://developmentfund.iom.int/")?;
    /// let mut b = Dataset::builder();
    /// for (id, budget, contribution) in [("P-1", "100.00 USD", "40 USD"), ("P-2", "50.50 USD", "10 USD")] {
    ///     b.add_project(Project::builder(ProjectId::new(id)?, "A project")
    ///         .idf_region(IdfRegion::Africa)
    ///         .amount(Amount::new(AmountKind::Budget, budget.parse::<Money>()?))
    ///         .amount(Amount::new(AmountKind::IdfContribution, contribution.parse::<Money>()?))
    ///         .source(src.clone()).build()?)?;
    /// }
    /// let data = b.build()?;
    ///
    /// let totals = data.budget_totals(&BudgetQuery::new().group_by(BudgetDimension::IdfRegion))?;
    /// let rows: Vec<String> = totals
    ///     .iter()
    ///     .map(|t| format!("{:?} {} {}", t.key().idf_region().known().map(|r| r.as_str()), t.kind(), t.money()))
    ///     .collect();
    /// // Each kind apart: budgets and contributions are never added together.
    /// assert_eq!(rows, [
    ///     r#"Some("africa") budget 150.50 USD"#,
    ///     r#"Some("africa") idf_contribution 50 USD"#,
    /// ]);
    /// assert_eq!(totals.iter().next().map(|t| t.key().year()), Some(KeyPart::All));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn budget_totals(&self, query: &BudgetQuery) -> Result<BudgetTotals<'_>, MoneyError> {
        let t = &self.inner.index.budgets;
        let mut answer = BudgetTotals {
            table: t,
            grouped: query.group_by,
            rows: Vec::new(),
        };
        let post = |d: usize| t.postings.get(d).unwrap_or(&EMPTY_GROUPS);
        let filters: [Option<Allowed>; DIMENSIONS] = [
            allowed(&t.years, &query.years, post(YEAR)),
            allowed(&t.regions, &query.regions, post(REGION)),
            allowed(&t.states, &query.states, post(STATE)),
            allowed(&t.types, &query.types, post(TYPE)),
            allowed(&t.statuses, &query.statuses, post(STATUS)),
            allowed(&t.funders, &query.funders, post(FUNDER)),
        ];
        if filters.iter().flatten().any(|f| f.codes.is_empty()) {
            return Ok(answer);
        }
        let kinds: Option<Vec<bool>> = if query.kinds.is_empty() {
            None
        } else {
            let mut pass = vec![false; t.kinds.len()];
            for k in &query.kinds {
                if let Ok(i) = t.kinds.binary_search(k)
                    && let Some(p) = pass.get_mut(i)
                {
                    *p = true;
                }
            }
            if !pass.contains(&true) {
                return Ok(answer);
            }
            Some(pass)
        };

        // The smallest set of candidate rows: the posting lists of the most
        // selective filter, the IDF projects, or every row.
        let driver = filters
            .iter()
            .enumerate()
            .filter_map(|(d, f)| f.as_ref().map(|f| (f.postings, d)))
            .min();
        let idf_smaller = query.idf_only && driver.is_none_or(|(n, _)| t.idf_rows.len() < n);
        let merged: Vec<u32>;
        let (candidates, driver): (Option<&[u32]>, Option<usize>) = match driver {
            _ if idf_smaller => (Some(&t.idf_rows), None),
            Some((_, d)) => {
                let f = filters.get(d).and_then(Option::as_ref);
                match f.map(|f| f.codes.as_slice()) {
                    Some(&[c]) => (Some(post(d).get(c as usize)), Some(d)),
                    Some(codes) => {
                        let mut all: Vec<u32> = codes
                            .iter()
                            .flat_map(|&c| post(d).get(c as usize).iter().copied())
                            .collect();
                        all.sort_unstable();
                        all.dedup();
                        merged = all;
                        (Some(&merged), Some(d))
                    }
                    None => (None, None),
                }
            }
            None => (None, None),
        };
        let count = candidates.map_or(t.rows(), <[u32]>::len);

        // The checks left for each candidate.
        let check_idf = query.idf_only && !idf_smaller;
        let checks: Vec<(usize, &[bool])> = filters
            .iter()
            .enumerate()
            .filter(|&(d, _)| Some(d) != driver)
            .filter_map(|(d, f)| f.as_ref().map(|f| (d, f.pass.as_slice())))
            .collect();

        let sizes = t.sizes();
        let mut radices = [1usize; DIMENSIONS];
        for (d, r) in radices.iter_mut().enumerate() {
            if query.group_by.get(d).copied().unwrap_or(false) {
                *r = sizes.get(d).copied().unwrap_or(0) + 1;
            }
        }
        let mut sums = Sums::new(radices, count);
        let grouped = |d: usize| query.group_by.get(d).copied().unwrap_or(false);
        let group_states = grouped(STATE);
        let group_funders = grouped(FUNDER);
        let one_valued: Vec<usize> = [YEAR, REGION, TYPE, STATUS]
            .into_iter()
            .filter(|&d| grouped(d))
            .collect();
        let no_code = [0u32];
        let mut states_buf: Vec<u32> = Vec::new();
        let mut funders_buf: Vec<u32> = Vec::new();
        let empty: &[u32] = &[];

        let mut visit = |b: usize| -> Result<(), MoneyError> {
            if check_idf && !t.idf.get(b).copied().unwrap_or(false) {
                return Ok(());
            }
            for &(d, pass) in &checks {
                let ok = match t.codes.get(d).filter(|c| !c.is_empty()) {
                    Some(codes) => codes
                        .get(b)
                        .is_some_and(|&c| pass.get(c as usize).copied().unwrap_or(false)),
                    None => t.many.get(d).map_or(empty, |g| g.get(b)).iter().any(|&c| {
                        pass.get(c as usize).copied().unwrap_or(false)
                    }),
                };
                if !ok {
                    return Ok(());
                }
            }
            let mut codes = [0u32; DIMENSIONS];
            for &d in &one_valued {
                if let (Some(slot), Some(c)) =
                    (codes.get_mut(d), t.codes.get(d).and_then(|c| c.get(b)))
                {
                    *slot = *c;
                }
            }
            let many_codes = |d: usize, on: bool, buf: &mut Vec<u32>| {
                buf.clear();
                if on {
                    let own = t.many.get(d).map_or(empty, |g| g.get(b));
                    match filters.get(d).and_then(Option::as_ref) {
                        Some(f) => buf.extend(
                            own.iter()
                                .copied()
                                .filter(|&c| f.pass.get(c as usize).copied().unwrap_or(false)),
                        ),
                        None => buf.extend_from_slice(own),
                    }
                }
                if buf.is_empty() {
                    buf.extend_from_slice(&no_code);
                }
            };
            many_codes(STATE, group_states, &mut states_buf);
            many_codes(FUNDER, group_funders, &mut funders_buf);
            let lo = t.starts.get(b).copied().unwrap_or(0) as usize;
            let hi = t.starts.get(b + 1).copied().unwrap_or(0) as usize;
            let rows = t.amounts.get(lo..hi).unwrap_or_default();
            let units = t.units.get(lo..hi).unwrap_or_default();
            for &s in &states_buf {
                for &f in &funders_buf {
                    if let Some(c) = codes.get_mut(STATE) {
                        *c = s;
                    }
                    if let Some(c) = codes.get_mut(FUNDER) {
                        *c = f;
                    }
                    let g = sums.group(codes);
                    for (row, &u) in rows.iter().zip(units) {
                        if kinds
                            .as_ref()
                            .is_some_and(|k| !k.get(row.kind as usize).copied().unwrap_or(false))
                        {
                            continue;
                        }
                        sums.add(g, row.kind, row.currency, u, row.scale)
                            .ok_or_else(|| MoneyError::Overflow {
                                currency: t
                                    .currencies
                                    .get(row.currency as usize)
                                    .copied()
                                    .unwrap_or(Currency::USD),
                            })?;
                    }
                }
            }
            Ok(())
        };
        match candidates {
            Some(list) => list.iter().try_for_each(|&b| visit(b as usize))?,
            None => (0..t.rows()).try_for_each(&mut visit)?,
        }
        answer.rows = sums.rows(&t.currencies)?;
        Ok(answer)
    }
}

static EMPTY_GROUPS: Groups = Groups::EMPTY;

/// The kind named for a code out of range (never: every code is a kind's).
static BUDGET: AmountKind = AmountKind::Budget;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::{DIMENSIONS, Heads, Sums};
    use crate::value::Currency;
    use std::collections::HashMap;

    proptest::proptest! {
        /// The hash-map table of groups (for combinations too many for a
        /// dense table) gives the rows the dense table gives, in order.
        #[test]
        fn sparse_and_dense_groups_agree(
            adds in proptest::collection::vec(
                (proptest::array::uniform6(0u32..3), 0u32..2, 0u32..2, 0i128..1000, 0u8..3),
                0..60,
            ),
        ) {
            let radices = [3usize; DIMENSIONS];
            let mut dense = Sums::new(radices, 0);
            let is_dense = matches!(dense.heads, Heads::Dense { .. });
            proptest::prop_assert!(is_dense);
            let mut sparse = Sums {
                heads: Heads::Map(HashMap::new()),
                groups: Vec::new(),
                sums: Vec::new(),
            };
            for &(codes, kind, currency, units, scale) in &adds {
                for s in [&mut dense, &mut sparse] {
                    let g = s.group(codes);
                    proptest::prop_assert!(s.add(g, kind, currency, units, scale).is_some());
                }
            }
            let currencies = [Currency::EUR, Currency::USD];
            let rows = |s: Sums| -> Vec<String> {
                s.rows(&currencies)
                    .unwrap()
                    .iter()
                    .map(|r| format!("{:?} {} {}", r.codes, r.kind, r.money))
                    .collect()
            };
            let (d, m) = (rows(dense), rows(sparse));
            proptest::prop_assert_eq!(&d, &m);
            // One row per distinct group, kind and currency.
            let mut distinct: Vec<_> = adds.iter().map(|a| (a.0, a.1, a.2)).collect();
            distinct.sort_unstable();
            distinct.dedup();
            proptest::prop_assert_eq!(d.len(), distinct.len());
        }
    }

    #[test]
    fn too_many_combinations_go_to_a_hash_map() {
        let s = Sums::new([1 << 12; DIMENSIONS], 10);
        assert!(matches!(s.heads, Heads::Map(_)));
    }
}
