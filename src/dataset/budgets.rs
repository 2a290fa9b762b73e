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
        self.group_by
            .get(dimension.place())
            .copied()
            .unwrap_or(false)
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

/// A group's codes, one per dimension (0 where not grouped).
type Codes = [u32; DIMENSIONS];

/// The most kind-and-currency pairs a group keeps as one block of sums.
const MAX_BLOCK: usize = 64;

/// Where groups are found: a dense table over every combination of codes
/// when it is small, else a hash map.
#[allow(clippy::large_enum_variant)] // on the stack, once per call
enum Heads {
    /// Group number + 1 (0: none) by slot, with the strides of each code in
    /// the slot.
    Dense {
        heads: Table,
        strides: [usize; DIMENSIONS],
    },
    Map(HashMap<Codes, u32>),
}

/// A dense table of group numbers, on the stack when small.
#[allow(clippy::large_enum_variant)] // on the stack, once per call
enum Table {
    Inline([u32; 64]),
    Heap(Vec<u32>),
}

impl Table {
    fn zeroed(n: usize) -> Self {
        if n <= 64 {
            Table::Inline([0; 64])
        } else {
            Table::Heap(vec![0; n])
        }
    }

    fn as_slice(&self) -> &[u32] {
        match self {
            Table::Inline(t) => t,
            Table::Heap(t) => t,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [u32] {
        match self {
            Table::Inline(t) => t,
            Table::Heap(t) => t,
        }
    }
}

/// One sum of a group kept in a list: its pair, units, scale plus one, and
/// the next sum of the group.
#[derive(Clone, Copy, Debug)]
struct Entry {
    units: i128,
    pair: u32,
    next: u32,
    scale: u8,
}

/// How a group keeps its sums.
enum Store {
    /// A block of sums per group, one per kind-and-currency pair: for few
    /// groups, each with many amounts.
    Blocks {
        pairs: usize,
        units: Vec<i128>,
        /// Each sum's scale plus one (0: nothing added yet).
        scales: Vec<u8>,
    },
    /// A list per group of the pairs it has: for many groups with few
    /// amounts each (blocks would be mostly empty), or many pairs.
    Lists { entries: Vec<Entry> },
}

const NONE: u32 = u32::MAX;

/// The running sums of every group.
struct Sums {
    heads: Heads,
    /// Each group's codes, by group number, and (for lists) its first sum.
    codes: Vec<(Codes, u32)>,
    store: Store,
}

impl Sums {
    /// Sums for groups of codes below `radices` with `pairs`
    /// kind-and-currency pairs, for about `work` amounts to add.
    fn new(radices: [usize; DIMENSIONS], pairs: usize, work: usize) -> Self {
        let mut strides = [1usize; DIMENSIONS];
        let mut slots: Option<usize> = Some(1);
        for d in (0..DIMENSIONS).rev() {
            if let Some(s) = strides.get_mut(d) {
                *s = slots.unwrap_or(0);
            }
            slots = slots.and_then(|n| n.checked_mul(radices.get(d).copied().unwrap_or(1)));
        }
        // A dense table when zeroing it costs no more than the work itself.
        let dense_limit = (1usize << 16).max(work.saturating_mul(16)).min(1 << 24);
        let heads = match slots {
            Some(n) if n <= dense_limit => Heads::Dense {
                heads: Table::zeroed(n),
                strides,
            },
            _ => Heads::Map(HashMap::new()),
        };
        let groups = slots.unwrap_or(usize::MAX).min(work.max(1));
        let store = if pairs <= MAX_BLOCK && groups.saturating_mul(pairs) <= work.saturating_mul(4)
        {
            Store::Blocks {
                pairs: pairs.max(1),
                units: Vec::with_capacity(groups.saturating_mul(pairs).min(1 << 16)),
                scales: Vec::with_capacity(groups.saturating_mul(pairs).min(1 << 16)),
            }
        } else {
            Store::Lists {
                entries: Vec::with_capacity(work.min(1 << 16)),
            }
        };
        Self {
            heads,
            codes: Vec::with_capacity(groups.min(1 << 16)),
            store,
        }
    }

    /// The number of the group of `codes`, the group created if new.
    #[inline]
    fn group(&mut self, codes: Codes) -> usize {
        let next = self.codes.len();
        let found = match &mut self.heads {
            Heads::Dense { heads, strides } => {
                let slot: usize = codes
                    .iter()
                    .zip(strides.iter())
                    .map(|(&c, &s)| c as usize * s)
                    .sum();
                match heads.as_mut_slice().get_mut(slot) {
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
            self.codes.push((codes, NONE));
            if let Store::Blocks {
                pairs,
                units,
                scales,
            } = &mut self.store
            {
                units.resize(units.len() + *pairs, 0);
                scales.resize(scales.len() + *pairs, 0);
            }
            next
        })
    }

    /// Adds `units` at `scale` to group `g`'s sum of `pair`. `None` when
    /// the exact sum leaves an `i128`.
    #[inline]
    fn add(&mut self, g: usize, pair: usize, units: i128, scale: u8) -> Option<()> {
        match &mut self.store {
            Store::Blocks {
                pairs,
                units: sums,
                scales,
            } => {
                let at = g * *pairs + pair;
                let (sum, s) = (sums.get_mut(at)?, scales.get_mut(at)?);
                if *s == 0 {
                    *sum = units;
                    *s = scale.saturating_add(1);
                    return Some(());
                }
                let mut had = *s - 1;
                add_scaled(sum, &mut had, units, scale)?;
                *s = had.saturating_add(1);
                Some(())
            }
            Store::Lists { entries } => {
                // Each list is kept in the order of its pairs.
                let pair = u32::try_from(pair).ok()?;
                let head = &mut self.codes.get_mut(g)?.1;
                let mut at = *head;
                let mut last = NONE;
                while at != NONE {
                    let e = entries.get_mut(at as usize)?;
                    if e.pair == pair {
                        return add_scaled(&mut e.units, &mut e.scale, units, scale);
                    }
                    if e.pair > pair {
                        break;
                    }
                    last = at;
                    at = e.next;
                }
                let new = u32::try_from(entries.len()).ok()?;
                entries.push(Entry {
                    units,
                    pair,
                    next: at,
                    scale,
                });
                match entries.get_mut(last as usize) {
                    Some(prev) if last != NONE => prev.next = new,
                    _ => *head = new,
                }
                Some(())
            }
        }
    }

    /// The rows, sorted by group, kind and currency (a pair's code being
    /// kind × currencies + currency).
    fn rows(&self, currencies: &[Currency]) -> Result<Vec<Row>, MoneyError> {
        let Sums {
            heads,
            codes,
            store,
        } = self;
        // Scanning the dense table is the sort when the groups fill it
        // enough; otherwise the groups are sorted by their codes.
        let order: Option<Vec<usize>> = match &heads {
            Heads::Dense { heads, .. }
                if heads.as_slice().len() <= codes.len().saturating_mul(16) =>
            {
                None
            }
            _ => {
                let mut order: Vec<usize> = (0..codes.len()).collect();
                order.sort_unstable_by_key(|&g| codes.get(g).map(|c| c.0));
                Some(order)
            }
        };
        let scan: &[u32] = match (&heads, &order) {
            (Heads::Dense { heads, .. }, None) => heads.as_slice(),
            _ => &[],
        };
        let order = scan
            .iter()
            .filter(|&&h| h != 0)
            .map(|&h| h as usize - 1)
            .chain(order.iter().flatten().copied());
        let n = currencies.len().max(1);
        let row = |codes: Codes, pair: usize, units: i128, scale: u8| -> Result<Row, MoneyError> {
            let currency = currencies.get(pair % n).copied().unwrap_or(Currency::USD);
            let amount = Decimal::try_from_i128_with_scale(units, u32::from(scale))
                .map_err(|_| MoneyError::Overflow { currency })?;
            Ok(Row {
                codes,
                kind: u32::try_from(pair / n).unwrap_or(u32::MAX),
                money: Money::new(amount, currency),
            })
        };
        let mut rows = Vec::with_capacity(codes.len());
        match store {
            Store::Blocks {
                pairs,
                units,
                scales,
            } => {
                for g in order {
                    let Some(&(c, _)) = codes.get(g) else {
                        continue;
                    };
                    let lo = g * pairs;
                    let sums = units.get(lo..lo + pairs).unwrap_or_default();
                    let marks = scales.get(lo..lo + pairs).unwrap_or_default();
                    for (pair, (&u, &s)) in sums.iter().zip(marks).enumerate() {
                        if s != 0 {
                            rows.push(row(c, pair, u, s - 1)?);
                        }
                    }
                }
            }
            Store::Lists { entries } => {
                for g in order {
                    let Some(&(c, head)) = codes.get(g) else {
                        continue;
                    };
                    let mut at = head;
                    while let Some(e) = entries.get(at as usize) {
                        rows.push(row(c, e.pair as usize, e.units, e.scale)?);
                        at = e.next;
                    }
                }
            }
        }
        Ok(rows)
    }
}

/// Adds `units · 10^-scale` to `sum · 10^-had`, exactly, at the larger
/// scale (`had` becomes it). `None` when the sum leaves an `i128`.
#[inline]
fn add_scaled(sum: &mut i128, had: &mut u8, units: i128, scale: u8) -> Option<()> {
    if scale == *had {
        *sum = sum.checked_add(units)?;
    } else if scale < *had {
        let widened = 10i128
            .checked_pow(u32::from(*had - scale))
            .and_then(|p| units.checked_mul(p))?;
        *sum = sum.checked_add(widened)?;
    } else {
        let widened = 10i128
            .checked_pow(u32::from(scale - *had))
            .and_then(|p| sum.checked_mul(p))?;
        *sum = widened.checked_add(units)?;
        *had = scale;
    }
    Some(())
}

/// The kinds of amounts a query sums.
enum KindPass {
    All,
    /// By kind code, for at most 64 kinds.
    Mask(u64),
    Table(Vec<bool>),
}

impl KindPass {
    #[inline]
    fn passes(&self, kind: u32) -> bool {
        match self {
            KindPass::All => true,
            KindPass::Mask(m) => kind < 64 && (m >> kind) & 1 == 1,
            KindPass::Table(t) => t.get(kind as usize).copied().unwrap_or(false),
        }
    }
}

/// A filter resolved to codes: the codes asked for, and how many rows their
/// posting lists hold.
struct Allowed {
    /// Sorted, distinct: the first `few_len` of `few`, or `many` when there
    /// are more than eight.
    few: [u32; 8],
    few_len: usize,
    many: Vec<u32>,
    /// By code, for many codes (else `codes` is searched).
    pass: Option<Vec<bool>>,
    postings: usize,
}

impl Allowed {
    /// The codes asked for, sorted.
    fn codes(&self) -> &[u32] {
        if self.many.is_empty() {
            self.few.get(..self.few_len).unwrap_or_default()
        } else {
            &self.many
        }
    }

    #[inline]
    fn contains(&self, code: u32) -> bool {
        match &self.pass {
            Some(pass) => pass.get(code as usize).copied().unwrap_or(false),
            None => self.codes().contains(&code),
        }
    }
}

/// The codes of `values` in `dictionary` (`None`: no filter on this
/// dimension).
fn allowed<T: Ord>(dictionary: &[T], values: &[T], postings: &Groups) -> Option<Allowed> {
    allowed_by(values, postings, |v| {
        dictionary
            .binary_search(v)
            .ok()
            .and_then(|i| u32::try_from(i + 1).ok())
    })
}

/// The codes `code` gives `values` (`None`: no filter on this dimension).
fn allowed_by<T>(
    values: &[T],
    postings: &Groups,
    code: impl Fn(&T) -> Option<u32>,
) -> Option<Allowed> {
    if values.is_empty() {
        return None;
    }
    let mut few = [0u32; 8];
    let mut few_len = 0;
    let mut many: Vec<u32> = Vec::new();
    if values.len() <= few.len() {
        for c in values.iter().filter_map(code) {
            if let Some(slot) = few.get_mut(few_len) {
                *slot = c;
                few_len += 1;
            }
        }
        let kept = few.get_mut(..few_len).unwrap_or_default();
        kept.sort_unstable();
        // Distinct codes, in place.
        let mut n = 0;
        for i in 0..kept.len() {
            let c = kept.get(i).copied().unwrap_or(0);
            if n == 0 || kept.get(n - 1) != Some(&c) {
                if let Some(slot) = kept.get_mut(n) {
                    *slot = c;
                }
                n += 1;
            }
        }
        few_len = n;
    } else {
        many = values.iter().filter_map(code).collect();
        many.sort_unstable();
        many.dedup();
    }
    let codes: &[u32] = if many.is_empty() {
        few.get(..few_len).unwrap_or_default()
    } else {
        &many
    };
    let pass = (codes.len() > 8).then(|| {
        let mut pass = vec![false; codes.last().map_or(0, |&c| c as usize + 1)];
        for &c in codes {
            if let Some(p) = pass.get_mut(c as usize) {
                *p = true;
            }
        }
        pass
    });
    let postings = codes.iter().map(|&c| postings.get(c as usize).len()).sum();
    Some(Allowed {
        few,
        few_len,
        many,
        pass,
        postings,
    })
}

impl Dataset {
    /// Project amounts summed per currency, each kind of amount apart, in
    /// the groups and for the projects `query` asks for.
    ///
    /// The answer is computed on each call (nothing is kept): it visits
    /// the projects of the most selective filter's posting lists, or every
    /// project with an amount when no filter is set. O(r + g log g) for r
    /// amounts counted and g groups (a dense table over the groups when it
    /// is small: O(r + g)); where groups are many and sparse, each keeps a
    /// sorted list of its kind-and-currency pairs, so an amount costs up
    /// to the number of pairs its group has. A project's whole amount counts under each of
    /// its benefiting states and of its funders when grouped by them, so
    /// those totals add up to more than the projects' total.
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
            // A funder's code through the partners' integer keys, rather
            // than comparing identifiers; a funder that is not among the
            // dataset's partners is looked up in the dictionary.
            allowed_by(&query.funders, post(FUNDER), |f| {
                let inner = &*self.inner;
                let at = inner
                    .index
                    .partner_ids
                    .find(&inner.partners, f.as_bytes(), |p| p.id().as_bytes());
                match at {
                    Some(at) => t.funder_of_partner.get(at).copied().filter(|&c| c != 0),
                    None => t
                        .funders
                        .binary_search(f)
                        .ok()
                        .and_then(|i| u32::try_from(i + 1).ok()),
                }
            }),
        ];
        if filters.iter().flatten().any(|f| f.codes().is_empty()) {
            return Ok(answer);
        }
        // Kind-and-currency pairs: kind × currencies + currency.
        let currencies = t.currencies.len().max(1);
        let pairs = t.kinds.len() * currencies;
        let kinds = if query.kinds.is_empty() {
            KindPass::All
        } else {
            let found = query
                .kinds
                .iter()
                .filter_map(|k| t.kinds.binary_search(k).ok());
            let pass = if t.kinds.len() <= 64 {
                KindPass::Mask(found.fold(0u64, |m, i| m | (1u64 << i)))
            } else {
                let mut pass = vec![false; t.kinds.len()];
                for i in found {
                    if let Some(p) = pass.get_mut(i) {
                        *p = true;
                    }
                }
                KindPass::Table(pass)
            };
            if matches!(&pass, KindPass::Mask(0))
                || matches!(&pass, KindPass::Table(p) if !p.contains(&true))
            {
                return Ok(answer);
            }
            pass
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
                match f.map(Allowed::codes) {
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

        // The checks left for each candidate: one-valued dimensions read
        // one code, many-valued ones a list.
        let check_idf = query.idf_only && !idf_smaller;
        let mut one_checks: [(usize, Option<&Allowed>); 4] = [(0, None); 4];
        let mut many_checks: [(usize, Option<&Allowed>); 2] = [(0, None); 2];
        let (mut n_one, mut n_many) = (0, 0);
        for (d, f) in filters.iter().enumerate() {
            let Some(f) = f.as_ref().filter(|_| Some(d) != driver) else {
                continue;
            };
            let one_valued = t.codes.get(d).is_some_and(|c| !c.is_empty());
            let (list, n) = if one_valued {
                (&mut one_checks[..], &mut n_one)
            } else {
                (&mut many_checks[..], &mut n_many)
            };
            if let Some(slot) = list.get_mut(*n) {
                *slot = (d, Some(f));
                *n += 1;
            }
        }
        let one_checks = one_checks.get(..n_one).unwrap_or_default();
        let many_checks = many_checks.get(..n_many).unwrap_or_default();

        let grouped = |d: usize| query.group_by.get(d).copied().unwrap_or(false);
        let sizes = t.sizes();
        let mut radices = [1usize; DIMENSIONS];
        for (d, r) in radices.iter_mut().enumerate() {
            if grouped(d) {
                *r = sizes.get(d).copied().unwrap_or(0) + 1;
            }
        }
        let mut sums = Sums::new(radices, pairs, count);
        let mut one_valued = [0usize; 4];
        let mut n_grouped = 0;
        for d in [YEAR, REGION, TYPE, STATUS] {
            if grouped(d)
                && let Some(slot) = one_valued.get_mut(n_grouped)
            {
                *slot = d;
                n_grouped += 1;
            }
        }
        let one_valued = one_valued.get(..n_grouped).unwrap_or_default();
        let one_codes: [&[u32]; DIMENSIONS] =
            std::array::from_fn(|d| t.codes.get(d).map_or(&[][..], Vec::as_slice));
        let many_of = |d: usize, b: usize| t.many.get(d).map_or(&[][..], |g| g.get(b));
        let (group_states, group_funders) = (grouped(STATE), grouped(FUNDER));
        let state_filter = filters.get(STATE).and_then(Option::as_ref);
        let funder_filter = filters.get(FUNDER).and_then(Option::as_ref);
        let unknown = [0u32];
        let mut states_buf: Vec<u32> = Vec::new();
        let mut funders_buf: Vec<u32> = Vec::new();
        let overflow = |currency: u32| MoneyError::Overflow {
            currency: t
                .currencies
                .get(currency as usize)
                .copied()
                .unwrap_or(Currency::USD),
        };

        let mut visit = |b: usize| -> Result<(), MoneyError> {
            if check_idf && !t.idf.get(b).copied().unwrap_or(false) {
                return Ok(());
            }
            for &(d, f) in one_checks {
                let code = one_codes.get(d).and_then(|c| c.get(b)).copied();
                if !code.is_some_and(|c| f.is_some_and(|f| f.contains(c))) {
                    return Ok(());
                }
            }
            for &(d, f) in many_checks {
                if !many_of(d, b)
                    .iter()
                    .any(|&c| f.is_some_and(|f| f.contains(c)))
                {
                    return Ok(());
                }
            }
            let mut codes: Codes = [0; DIMENSIONS];
            for &d in one_valued {
                if let (Some(slot), Some(c)) =
                    (codes.get_mut(d), one_codes.get(d).and_then(|c| c.get(b)))
                {
                    *slot = *c;
                }
            }
            // The codes of a many-valued dimension this project counts under.
            let pick = |d: usize, on: bool, filter: Option<&Allowed>, buf: &'_ mut Vec<u32>| {
                if !on {
                    return false;
                }
                let own = many_of(d, b);
                match filter {
                    Some(f) => {
                        buf.clear();
                        buf.extend(own.iter().copied().filter(|&c| f.contains(c)));
                        true
                    }
                    None if own.is_empty() => false,
                    None => {
                        buf.clear();
                        buf.extend_from_slice(own);
                        true
                    }
                }
            };
            let states: &[u32] = if pick(STATE, group_states, state_filter, &mut states_buf) {
                &states_buf
            } else {
                &unknown
            };
            let funders: &[u32] = if pick(FUNDER, group_funders, funder_filter, &mut funders_buf) {
                &funders_buf
            } else {
                &unknown
            };
            let lo = t.starts.get(b).copied().unwrap_or(0) as usize;
            let hi = t.starts.get(b + 1).copied().unwrap_or(0) as usize;
            let rows = t.amounts.get(lo..hi).unwrap_or_default();
            let units = t.units.get(lo..hi).unwrap_or_default();
            for &s in states {
                for &f in funders {
                    if let Some(c) = codes.get_mut(STATE) {
                        *c = s;
                    }
                    if let Some(c) = codes.get_mut(FUNDER) {
                        *c = f;
                    }
                    let mut group = None;
                    for (row, &u) in rows.iter().zip(units) {
                        if !kinds.passes(row.kind) {
                            continue;
                        }
                        let pair = row.kind as usize * currencies + row.currency as usize;
                        let g = *group.get_or_insert_with(|| sums.group(codes));
                        sums.add(g, pair, u, row.scale)
                            .ok_or_else(|| overflow(row.currency))?;
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
    use super::{DIMENSIONS, Heads, Store, Sums};
    use crate::value::Currency;
    use std::collections::HashMap;

    proptest::proptest! {
        /// Groups found through a hash map (for combinations too many for
        /// a dense table), and sums kept in lists (for sparse groups), give
        /// the rows that a dense table with blocks of sums gives, in order.
        #[test]
        fn every_layout_of_sums_agrees(
            adds in proptest::collection::vec(
                (proptest::array::uniform6(0u32..3), 0usize..4, 0i128..1000, 0u8..3),
                0..60,
            ),
        ) {
            let radices = [3usize; DIMENSIONS];
            let mut blocks = Sums::new(radices, 4, 1 << 12);
            let is_dense = matches!(blocks.heads, Heads::Dense { .. });
            let is_blocks = matches!(blocks.store, Store::Blocks { .. });
            proptest::prop_assert!(is_dense && is_blocks);
            let mut lists = Sums::new(radices, 4, 0);
            let is_lists = matches!(lists.store, Store::Lists { .. });
            proptest::prop_assert!(is_lists);
            lists.heads = Heads::Map(HashMap::new());
            for &(codes, pair, units, scale) in &adds {
                for s in [&mut blocks, &mut lists] {
                    let g = s.group(codes);
                    proptest::prop_assert!(s.add(g, pair, units, scale).is_some());
                }
            }
            // Two kinds, two currencies.
            let currencies = [Currency::EUR, Currency::USD];
            let rows = |s: Sums| -> Vec<String> {
                s.rows(&currencies)
                    .unwrap()
                    .iter()
                    .map(|r| format!("{:?} {} {}", r.codes, r.kind, r.money))
                    .collect()
            };
            let (b, l) = (rows(blocks), rows(lists));
            proptest::prop_assert_eq!(&b, &l);
            // One row per distinct group and pair.
            let mut distinct: Vec<_> = adds.iter().map(|a| (a.0, a.1)).collect();
            distinct.sort_unstable();
            distinct.dedup();
            proptest::prop_assert_eq!(b.len(), distinct.len());
        }
    }

    #[test]
    fn too_many_combinations_go_to_a_hash_map() {
        let s = Sums::new([1 << 12; DIMENSIONS], 1, 10);
        assert!(matches!(s.heads, Heads::Map(_)));
    }
}
