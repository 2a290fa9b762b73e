//! Spans of time known to partial dates, [`Period`], and three-valued answers, [`Truth`].

use std::cmp::Ordering;
use std::fmt;
use std::ops::Not;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::partial_date::{PartialDate, PartialDateError};
use crate::text::Excerpt;

/// A three-valued answer: `No`, `Maybe` or `Yes`.
///
/// Questions about periods known only to the year ("was Senegal a member in
/// March 2001?") often have no certain answer; `Maybe` says so honestly.
///
/// # Ordering
///
/// `No` < `Maybe` < `Yes`, so [`Truth::and`] is the minimum and [`Truth::or`] the
/// maximum (Kleene's logic).
///
/// # Syntax
///
/// [`Display`](fmt::Display), [`FromStr`] and serde use `no`, `maybe`, `yes`.
///
/// # Examples
///
/// ```
/// use migov::Truth;
///
/// assert_eq!(Truth::Yes.and(Truth::Maybe), Truth::Maybe);
/// assert_eq!(Truth::No.or(Truth::Maybe), Truth::Maybe);
/// assert_eq!(!Truth::Maybe, Truth::Maybe);
/// assert_eq!("yes".parse::<Truth>()?, Truth::Yes);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub enum Truth {
    /// Certainly not.
    No,
    /// Possibly: what is known allows both answers.
    Maybe,
    /// Certainly.
    Yes,
}

impl Truth {
    /// Whether the answer is certainly yes.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Truth;
    ///
    /// assert!(Truth::Yes.is_yes());
    /// assert!(!Truth::Maybe.is_yes());
    /// ```
    pub fn is_yes(self) -> bool {
        self == Truth::Yes
    }

    /// Whether the answer is certainly no.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Truth;
    ///
    /// assert!(Truth::No.is_no());
    /// assert!(!Truth::Maybe.is_no());
    /// ```
    pub fn is_no(self) -> bool {
        self == Truth::No
    }

    /// Whether the answer may be yes (`Maybe` or `Yes`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Truth;
    ///
    /// assert!(Truth::Maybe.is_possible());
    /// assert!(!Truth::No.is_possible());
    /// ```
    pub fn is_possible(self) -> bool {
        self != Truth::No
    }

    /// Both: the lesser of the two answers.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Truth;
    ///
    /// assert_eq!(Truth::Yes.and(Truth::No), Truth::No);
    /// ```
    #[must_use]
    pub fn and(self, other: Truth) -> Truth {
        self.min(other)
    }

    /// Either: the greater of the two answers.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Truth;
    ///
    /// assert_eq!(Truth::Maybe.or(Truth::Yes), Truth::Yes);
    /// ```
    #[must_use]
    pub fn or(self, other: Truth) -> Truth {
        self.max(other)
    }

    /// The text form: `"no"`, `"maybe"` or `"yes"`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::Truth::Maybe.as_str(), "maybe");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Truth::No => "no",
            Truth::Maybe => "maybe",
            Truth::Yes => "yes",
        }
    }
}

impl Not for Truth {
    type Output = Truth;

    /// Swaps `Yes` and `No`; `Maybe` stays `Maybe`.
    fn not(self) -> Truth {
        match self {
            Truth::No => Truth::Yes,
            Truth::Maybe => Truth::Maybe,
            Truth::Yes => Truth::No,
        }
    }
}

impl From<bool> for Truth {
    /// `true` is `Yes`, `false` is `No`.
    fn from(b: bool) -> Self {
        if b { Truth::Yes } else { Truth::No }
    }
}

impl fmt::Display for Truth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error from parsing a [`Truth`]: the text is not `no`, `maybe` or `yes`.
///
/// # Examples
///
/// ```
/// let err = "Yes".parse::<migov::Truth>().err().ok_or("accepted")?;
/// assert_eq!(err.to_string(), r#"invalid truth value "Yes": expected no, maybe or yes"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid truth value {input}: expected no, maybe or yes")]
pub struct TruthError {
    input: Excerpt,
}

impl TruthError {
    /// The rejected input, cut to its first 64 characters if it was longer.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl FromStr for Truth {
    type Err = TruthError;

    /// Parses exactly `no`, `maybe` or `yes` (lowercase).
    ///
    /// # Errors
    ///
    /// [`TruthError`] for any other text (`Yes`, `true`, `""`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "no" => Ok(Truth::No),
            "maybe" => Ok(Truth::Maybe),
            "yes" => Ok(Truth::Yes),
            _ => Err(TruthError {
                input: Excerpt::new(s),
            }),
        }
    }
}

impl TryFrom<&str> for Truth {
    type Error = TruthError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`Truth::from_str`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for Truth {
    type Error = TruthError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`Truth::from_str`].
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Truth> for String {
    fn from(t: Truth) -> Self {
        t.as_str().to_owned()
    }
}

/// How a [`Period`] ends: on a date, at a time nobody states, or not yet.
///
/// # Ordering
///
/// For sorting: a date first (by [`PartialDate`]'s `Ord`), then `Unknown`,
/// then `Open`.
///
/// # Examples
///
/// ```
/// use migov::{Period, PeriodEnd};
///
/// assert_eq!("2001/".parse::<Period>()?.ending(), PeriodEnd::Unknown);
/// assert_eq!("2001/..".parse::<Period>()?.ending(), PeriodEnd::Open);
/// assert_eq!("2001/2003".parse::<Period>()?.ending(), PeriodEnd::On("2003".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodEnd {
    /// It ended on some day of this date (`2001/2003`).
    On(PartialDate),
    /// The end is not known (`2001/`): the period may have ended on any day
    /// from its start on, or may still be running. A page that gives a start
    /// and no end says this much.
    Unknown,
    /// It has not ended: still running (`2001/..`). Only a source that says
    /// so ("ongoing", a list of current members) justifies it.
    Open,
}

impl PeriodEnd {
    /// The end date, for [`PeriodEnd::On`].
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::PeriodEnd::Open.date(), None);
    /// ```
    pub fn date(self) -> Option<PartialDate> {
        match self {
            Self::On(d) => Some(d),
            Self::Unknown | Self::Open => None,
        }
    }
}

/// A span of time whose start and end are [`PartialDate`]s, each possibly unknown.
///
/// - `start: None`: the start is unknown (the period began at some time, not
///   after its end).
/// - the end ([`PeriodEnd`]) is a date, unknown, or open (still running).
///
/// A start `2001` with an end `2001-03` means: began on some day of 2001, ended on
/// some day of March 2001, and not after it began. Every question asked of a period
/// considers all the concrete start and end days its dates allow, with the start
/// not after the end. An unknown end allows every end day from the start on and
/// also "not ended"; an open end allows only "not ended". A qualified start or
/// end (`2001~`, `2003?`) is read like an unknown one wherever an answer would
/// rest on it (see [`PartialDate`]).
///
/// # Syntax
///
/// The EDTF (ISO 8601-2) level 1 interval form `START/END`, each side a
/// [`PartialDate`]:
///
/// | text        | start    | end                           |
/// |-------------|----------|-------------------------------|
/// | `2001/2003` | 2001     | 2003                          |
/// | `2001/`     | 2001     | unknown ([`PeriodEnd::Unknown`]) |
/// | `2001/..`   | 2001     | still running ([`PeriodEnd::Open`]) |
/// | `/2003`     | unknown  | 2003                          |
/// | `/..`       | unknown  | still running                 |
/// | `/`         | unknown  | unknown (all unknown; EDTF has no such form) |
/// | `1984?/2004-06~` | qualified dates on either side       |
///
/// An open start (`../2003`) is not supported. [`Display`](fmt::Display)
/// prints this form, [`FromStr`] parses exactly it, and serde reads and writes
/// it as a JSON string. (The dataset format writes a period as its own `start`
/// and `end` fields instead: see [`crate::json`].)
///
/// # Ordering
///
/// `Ord` is a total order for sorting: by start (unknown first), then by end
/// (dates, then unknown, then open last), each by [`PartialDate`]'s `Ord`.
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, Period, Truth};
///
/// let membership: Period = "2001/..".parse()?;
/// assert_eq!(membership.contains("2010".parse()?), Truth::Yes);
/// assert_eq!(membership.contains("2001-03".parse()?), Truth::Maybe);
/// assert_eq!(membership.contains("2000".parse()?), Truth::No);
///
/// // A project page gives a start and no end: not "still running".
/// let project: Period = "2001/".parse()?;
/// assert_eq!(project.contains("2024".parse()?), Truth::Maybe);
/// assert_eq!(project.contains("2001".parse()?), Truth::Yes);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct Period {
    // Invariant: not `end.cmp_known(start) == Some(Less)` for an end date.
    start: Option<PartialDate>,
    end: PeriodEnd,
}

/// The kind of problem a [`PeriodError`] reports.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PeriodErrorKind {
    /// The text is not `START/END` (no `/`, two `/`, `..` as start).
    Shape,
    /// The start is not a valid [`PartialDate`].
    Start(PartialDateError),
    /// The end is not a valid [`PartialDate`] (nor empty, nor `..`).
    End(PartialDateError),
    /// The end is certainly before the start: every day of `end` comes before
    /// every day of `start` (start `2001`, end `2000`).
    EndBeforeStart {
        /// The start.
        start: PartialDate,
        /// The end.
        end: PartialDate,
    },
}

/// The error from building or parsing a [`Period`].
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, Period, PeriodErrorKind};
///
/// let err = Period::new(Some("2001".parse()?), Some("2000".parse()?)).err().ok_or("accepted")?;
/// assert!(matches!(err.kind(), PeriodErrorKind::EndBeforeStart { .. }));
/// assert_eq!(err.to_string(), "end 2000 is before start 2001");
///
/// let err = "2001-13/2003".parse::<Period>().err().ok_or("accepted")?;
/// assert_eq!(
///     err.to_string(),
///     r#"invalid period "2001-13/2003": start "2001-13": month must be 01 to 12"#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct PeriodError {
    /// The parsed text, if the error comes from parsing.
    input: Option<Excerpt>,
    kind: PeriodErrorKind,
}

impl PeriodError {
    /// The kind of problem.
    pub fn kind(&self) -> &PeriodErrorKind {
        &self.kind
    }

    /// The rejected text (cut to its first 64 characters if it was longer), or
    /// `None` when the error comes from [`Period::new`].
    pub fn input(&self) -> Option<&str> {
        self.input.as_ref().map(Excerpt::as_str)
    }
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(input) = &self.input {
            write!(f, "invalid period {input}: ")?;
        }
        match &self.kind {
            PeriodErrorKind::Shape => f.write_str(
                r#"expected START/END, such as "2001/2003", "2001/" (end unknown), "2001/.." (still running), "/2003" or "/..", or a single date such as "2001""#,
            ),
            PeriodErrorKind::Start(e) => write!(f, "start {}: {}", e.excerpt(), e.reason()),
            PeriodErrorKind::End(e) => write!(f, "end {}: {}", e.excerpt(), e.reason()),
            PeriodErrorKind::EndBeforeStart { start, end } => {
                write!(f, "end {end} is before start {start}")
            }
        }
    }
}

/// A bound that no day of `PartialDate` (years 1 to 9999) reaches from below:
/// stands for -∞ in the period's bounds.
const MINUS_INFINITY: NaiveDate = NaiveDate::MIN;
/// Stands for +∞ in the period's bounds.
const PLUS_INFINITY: NaiveDate = NaiveDate::MAX;

/// A finite bound as `Some`, an infinite one as `None`.
fn finite(day: NaiveDate) -> Option<NaiveDate> {
    (day != MINUS_INFINITY && day != PLUS_INFINITY).then_some(day)
}

impl Period {
    /// A period from `start` to `end`; `None` for an unknown start or an
    /// unknown end (`2001/`). For a period still running, see
    /// [`Period::ongoing`] and [`Period::with_end`].
    ///
    /// # Errors
    ///
    /// [`PeriodErrorKind::EndBeforeStart`] when the end is certainly before the
    /// start (`end.cmp_known(&start) == Some(Less)`): start `2001`, end `2000`.
    /// Overlapping dates are fine: start `2001`, end `2001-03`; start `2001-06`,
    /// end `2001`.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// let p = Period::new(Some("2001".parse()?), Some("2001-03".parse()?))?;
    /// assert_eq!(p.to_string(), "2001/2001-03");
    /// assert_eq!(Period::new(Some("2001".parse()?), None)?.to_string(), "2001/");
    /// assert!(Period::new(Some("2001".parse()?), Some("2000".parse()?)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: Option<PartialDate>, end: Option<PartialDate>) -> Result<Self, PeriodError> {
        Self::with_end(start, end.map_or(PeriodEnd::Unknown, PeriodEnd::On))
    }

    /// A period from `start` (`None`: unknown) with the given end.
    ///
    /// # Errors
    ///
    /// As [`Period::new`], for an end date certainly before the start.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{Period, PeriodEnd};
    ///
    /// let p = Period::with_end(Some("2001".parse()?), PeriodEnd::Open)?;
    /// assert_eq!(p.to_string(), "2001/..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_end(start: Option<PartialDate>, end: PeriodEnd) -> Result<Self, PeriodError> {
        if let (Some(start), PeriodEnd::On(end)) = (start, end)
            && end.cmp_known(&start) == Some(Ordering::Less)
        {
            return Err(PeriodError {
                input: None,
                kind: PeriodErrorKind::EndBeforeStart { start, end },
            });
        }
        Ok(Self { start, end })
    }

    /// A period still running, from `start` (`None`: unknown): `2001/..`, `/..`.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// assert_eq!(Period::ongoing(Some("2001".parse()?)).to_string(), "2001/..");
    /// assert_eq!(Period::ongoing(None).to_string(), "/..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ongoing(start: Option<PartialDate>) -> Self {
        Self {
            start,
            end: PeriodEnd::Open,
        }
    }

    /// A period from `start`, still running: `2001/..` (the same as
    /// [`Period::ongoing`] with a start). For a start with an end nobody
    /// states, use `Period::new(Some(start), None)` (`2001/`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// assert_eq!(Period::from_start("2001".parse()?).to_string(), "2001/..");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_start(start: PartialDate) -> Self {
        Self::ongoing(Some(start))
    }

    /// A period of which nothing is known, neither start nor end: `/`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::Period::unknown().to_string(), "/");
    /// ```
    pub fn unknown() -> Self {
        Self {
            start: None,
            end: PeriodEnd::Unknown,
        }
    }

    /// The start, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// let p: Period = "/2003".parse()?;
    /// assert_eq!(p.start(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start(&self) -> Option<PartialDate> {
        self.start
    }

    /// The end date, if one is stated (`None` for an unknown or an open end:
    /// ask [`Period::ending`] which).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// let p: Period = "2001/2003".parse()?;
    /// assert_eq!(p.end().map(|d| d.to_string()), Some("2003".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end(&self) -> Option<PartialDate> {
        self.end.date()
    }

    /// How the period ends: on a date, unknown, or still running.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{Period, PeriodEnd};
    ///
    /// assert_eq!("/2003".parse::<Period>()?.ending(), PeriodEnd::On("2003".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ending(&self) -> PeriodEnd {
        self.end
    }

    /// Whether no date is stated for either end (`/`, `/..`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// assert!(migov::Period::unknown().is_unknown());
    /// assert!("/..".parse::<Period>()?.is_unknown());
    /// assert!(!"2001/".parse::<Period>()?.is_unknown());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_unknown(&self) -> bool {
        self.start.is_none() && self.end.date().is_none()
    }

    /// Whether the period is still running (`2001/..`). An unknown end
    /// (`2001/`) is not open-ended.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// assert!("2001/..".parse::<Period>()?.is_open_ended());
    /// assert!(!"2001/".parse::<Period>()?.is_open_ended());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_open_ended(&self) -> bool {
        self.end == PeriodEnd::Open
    }

    /// Whether the end is unknown (`2001/`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// assert!("2001/".parse::<Period>()?.is_end_unknown());
    /// assert!(!"2001/..".parse::<Period>()?.is_end_unknown());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_end_unknown(&self) -> bool {
        self.end == PeriodEnd::Unknown
    }

    /// The earliest day the period can have started: the start's first day;
    /// `None` if the start is unknown or qualified (`2001~`: its true day has no
    /// stated bound).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// let p: Period = "2001/2003".parse()?;
    /// assert_eq!(p.earliest_start().map(|d| d.to_string()), Some("2001-01-01".to_owned()));
    /// assert_eq!("2001~/2003".parse::<Period>()?.earliest_start(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn earliest_start(&self) -> Option<NaiveDate> {
        finite(self.start_low())
    }

    /// The latest day the period can have started: the start's last day, or the
    /// end's last day if that is earlier (a period does not start after it ends);
    /// `None` if the start is unknown or qualified.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// let p: Period = "2001/2001-03".parse()?;
    /// assert_eq!(p.latest_start().map(|d| d.to_string()), Some("2001-03-31".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn latest_start(&self) -> Option<NaiveDate> {
        self.start_high()
    }

    /// The earliest day the period can have ended: the end's first day, or the
    /// start's first day if that is later. For an unknown or a qualified end
    /// (`2001/`, `2001/2003~`), the end may be as early as the start: the
    /// start's first day. `None` if the period is open-ended (it has not
    /// ended), or if the end is unknown or qualified and the start unknown or
    /// qualified (no day bounds it).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// let p: Period = "2001-06/2001".parse()?;
    /// assert_eq!(p.earliest_end().map(|d| d.to_string()), Some("2001-06-01".to_owned()));
    /// let q: Period = "2001/2003~".parse()?;
    /// assert_eq!(q.earliest_end().map(|d| d.to_string()), Some("2001-01-01".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn earliest_end(&self) -> Option<NaiveDate> {
        finite(self.end_low())
    }

    /// The latest day the period can have ended: the end's last day; `None` if
    /// the period is open-ended or its end is unknown or qualified.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Period;
    ///
    /// let p: Period = "2001/2003".parse()?;
    /// assert_eq!(p.latest_end().map(|d| d.to_string()), Some("2003-12-31".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn latest_end(&self) -> Option<NaiveDate> {
        finite(self.end_high())
    }

    /// The earliest start, -∞ when unknown or qualified.
    #[inline]
    pub(crate) fn start_low(&self) -> NaiveDate {
        self.start
            .and_then(|s| s.earliest_day())
            .unwrap_or(MINUS_INFINITY)
    }

    /// The latest start, when the start is known and not qualified (an
    /// unknown start gives no certainty: `None`).
    #[inline]
    pub(crate) fn start_high(&self) -> Option<NaiveDate> {
        let start = self.start?.latest_day()?;
        Some(start.min(self.end_high()))
    }

    /// The earliest end: +∞ for an open end; the earliest start for an
    /// unknown or qualified end (it may have ended as soon as it started).
    #[inline]
    pub(crate) fn end_low(&self) -> NaiveDate {
        match self.end {
            PeriodEnd::Open => PLUS_INFINITY,
            PeriodEnd::Unknown => self.start_low(),
            PeriodEnd::On(e) => match e.earliest_day() {
                Some(first) => first.max(self.start_low()),
                None => self.start_low(),
            },
        }
    }

    /// The latest end: +∞ for an open, unknown or qualified end.
    #[inline]
    pub(crate) fn end_high(&self) -> NaiveDate {
        self.end
            .date()
            .and_then(|e| e.latest_day())
            .unwrap_or(PLUS_INFINITY)
    }

    /// Whether the period holds at some time during `date`, that is, on at least
    /// one of the days `date` stands for.
    ///
    /// The answer considers every concrete start day and end day that the
    /// period's dates allow (start not after end; an open end never ends; an
    /// unknown end may be any day from the start on, or never):
    ///
    /// - `Yes` when the period holds during `date` whatever those days are: the
    ///   [latest start](Period::latest_start) is on or before `date`'s last day,
    ///   and the [earliest end](Period::earliest_end) (if any) is on or after its
    ///   first day.
    /// - `No` when it holds during `date` for none of them: the earliest start is
    ///   after `date`'s last day, or the latest end is before its first day.
    /// - `Maybe` otherwise.
    ///
    /// An unknown start gives at most `Maybe` (nothing is certain about it), unless
    /// the end rules `date` out, which gives `No`. A qualified start or end
    /// (`2001~`, `2003?`) counts as unknown wherever the answer would rest on
    /// it, and a qualified `date` (`2010~`) always gives `Maybe`.
    ///
    /// | period      | `date`    | answer  | why                                       |
    /// |-------------|-----------|---------|-------------------------------------------|
    /// | `2001/..`   | `2001-03` | `Maybe` | it may have started after March           |
    /// | `2001/..`   | `2010`    | `Yes`   | started by 2001-12-31, never ended        |
    /// | `2001/..`   | `2000`    | `No`    | started 2001-01-01 at the earliest        |
    /// | `2001/`     | `2010`    | `Maybe` | the end is unknown: it may have ended     |
    /// | `2001/`     | `2001`    | `Yes`   | it held on its first day, in 2001         |
    /// | `2001/2003` | `2004`    | `No`    | ended 2003-12-31 at the latest            |
    /// | `2001/2003` | `2002-05` | `Yes`   |                                           |
    /// | `2001/2003` | `2003`    | `Yes`   | it ended on some day of 2003              |
    /// | `/2003`     | `2002`    | `Maybe` | start unknown                             |
    /// | `/2003`     | `2004`    | `No`    | the end rules it out                      |
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{Period, Truth};
    ///
    /// let p: Period = "2001/2003".parse()?;
    /// assert_eq!(p.contains("2004".parse()?), Truth::No);
    /// assert_eq!(p.contains("2002-05".parse()?), Truth::Yes);
    /// let q: Period = "/2003".parse()?;
    /// assert_eq!(q.contains("2002".parse()?), Truth::Maybe);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn contains(&self, date: PartialDate) -> Truth {
        let (Some(first), Some(last)) = (date.earliest_day(), date.latest_day()) else {
            // A qualified date may be any day: nothing is certain.
            return Truth::Maybe;
        };
        if self.start_low() > last || self.end_high() < first {
            return Truth::No;
        }
        match self.start_high() {
            Some(latest_start) if latest_start <= last && self.end_low() >= first => Truth::Yes,
            _ => Truth::Maybe,
        }
    }

    /// Whether the two periods share at least one day.
    ///
    /// As for [`Period::contains`], the answer considers every concrete start and
    /// end day that each period allows:
    ///
    /// - `Yes` when both periods have known starts, each latest start is on or
    ///   before the other's earliest end (an open end never ends);
    /// - `No` when one period's earliest start is after the other's latest end;
    /// - `Maybe` otherwise (in particular, an unknown start gives at most `Maybe`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{Period, Truth};
    ///
    /// let a: Period = "2001/2003".parse()?;
    /// assert_eq!(a.overlaps(&"2002/..".parse()?), Truth::Yes);
    /// // It may have ended in January 2003 and the other begun in December.
    /// assert_eq!(a.overlaps(&"2003/..".parse()?), Truth::Maybe);
    /// assert_eq!(a.overlaps(&"2004/..".parse()?), Truth::No);
    /// assert_eq!(a.overlaps(&"2003-06/..".parse()?), Truth::Maybe);
    /// assert_eq!(a.overlaps(&"/2001".parse()?), Truth::Maybe);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overlaps(&self, other: &Period) -> Truth {
        if self.start_low() > other.end_high() || other.start_low() > self.end_high() {
            return Truth::No;
        }
        let certain = |a: &Period, b: &Period| a.start_high().is_some_and(|s| s <= b.end_low());
        if certain(self, other) && certain(other, self) {
            Truth::Yes
        } else {
            Truth::Maybe
        }
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start
            .cmp(&other.start)
            .then_with(|| self.end.cmp(&other.end))
    }
}

/// `START/END` as [`FromStr`] reads it (`2001/2003`, `2001/`, `2001/..`,
/// `/2003`), except that a period that starts and ends on the same date,
/// such as a year (`2001/2001`), prints as that date alone: `2001`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(start), PeriodEnd::On(end)) = (self.start, self.end)
            && start == end
        {
            return write!(f, "{start}");
        }
        if let Some(start) = self.start {
            write!(f, "{start}")?;
        }
        match self.end {
            PeriodEnd::On(end) => write!(f, "/{end}"),
            PeriodEnd::Unknown => f.write_str("/"),
            PeriodEnd::Open => f.write_str("/.."),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    /// Parses exactly `START/END`: `2001/2003`, `2001/`, `2001/..`, `/2003`,
    /// `/..`, `/`; or a single date, the period that starts and ends on it
    /// (`2001` is `2001/2001`), as `Display` writes such a period.
    ///
    /// # Errors
    ///
    /// [`PeriodError`] with kind
    /// - [`Shape`](PeriodErrorKind::Shape) with more than one `/`
    ///   (`2001/2002/2003`), with `..` as start (`../2003`, an open start), or
    ///   for text that is neither a date nor `START/END`;
    /// - [`Start`](PeriodErrorKind::Start) or [`End`](PeriodErrorKind::End) for a
    ///   date that is not a [`PartialDate`] (`2001-13/2003`);
    /// - [`EndBeforeStart`](PeriodErrorKind::EndBeforeStart) for `2001/2000`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let error = |kind| PeriodError {
            input: Some(Excerpt::new(s)),
            kind,
        };
        let Some((start, end)) = s.split_once('/') else {
            let date: PartialDate = s.parse().map_err(|_| error(PeriodErrorKind::Shape))?;
            return Self::with_end(Some(date), PeriodEnd::On(date)).map_err(|e| error(e.kind));
        };
        if end.contains('/') || start == ".." {
            return Err(error(PeriodErrorKind::Shape));
        }
        let start = match start {
            "" => None,
            text => Some(text.parse().map_err(|e| error(PeriodErrorKind::Start(e)))?),
        };
        let end = match end {
            "" => PeriodEnd::Unknown,
            ".." => PeriodEnd::Open,
            text => PeriodEnd::On(text.parse().map_err(|e| error(PeriodErrorKind::End(e)))?),
        };
        Self::with_end(start, end).map_err(|e| error(e.kind))
    }
}

impl TryFrom<&str> for Period {
    type Error = PeriodError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`Period::from_str`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for Period {
    type Error = PeriodError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`Period::from_str`].
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Period> for String {
    fn from(p: Period) -> Self {
        p.to_string()
    }
}

crate::value::deserialize_from_str!(Truth, "a string");

crate::value::deserialize_from_str!(Period, "a string");

#[cfg(test)]
mod tests {
    use chrono::Days;
    use proptest::prelude::*;

    use super::*;
    use crate::value::partial_date::PartialDateErrorKind;
    use crate::value::partial_date::strategies::{partial_date, period};

    fn date(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn per(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[track_caller]
    fn rejects(input: &str, kind: &PeriodErrorKind, message: &str) {
        let err = input.parse::<Period>().unwrap_err();
        assert_eq!(err.kind(), kind, "kind for {input:?}");
        assert_eq!(err.to_string(), message, "message for {input:?}");
        assert_eq!(err.input(), Some(input));
        assert_eq!(Period::try_from(input), Err(err.clone()));
        assert_eq!(Period::try_from(input.to_owned()), Err(err));
    }

    #[test]
    fn truth_logic() {
        use Truth::*;
        assert_eq!(Yes.and(Maybe), Maybe);
        assert_eq!(No.and(Yes), No);
        assert_eq!(No.or(Maybe), Maybe);
        assert_eq!(Yes.or(No), Yes);
        assert_eq!((!Yes, !Maybe, !No), (No, Maybe, Yes));
        assert!(Yes.is_yes() && !Maybe.is_yes());
        assert!(Maybe.is_possible() && Yes.is_possible() && !No.is_possible());
        assert!(No.is_no() && !Maybe.is_no());
        assert_eq!(Truth::from(true), Yes);
        assert_eq!(Truth::from(false), No);
    }

    #[test]
    fn truth_text_round_trips() {
        for t in [Truth::No, Truth::Maybe, Truth::Yes] {
            assert_eq!(t.to_string().parse::<Truth>().unwrap(), t);
            assert_eq!(Truth::try_from(t.to_string()).unwrap(), t);
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{t}\""));
            assert_eq!(serde_json::from_str::<Truth>(&json).unwrap(), t);
        }
        let err = Truth::try_from("Yes").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"invalid truth value "Yes": expected no, maybe or yes"#
        );
        assert_eq!(err.input(), "Yes");
        assert!(serde_json::from_str::<Truth>("true").is_err());
        assert_eq!(String::from(Truth::Maybe), "maybe");
    }

    #[test]
    fn new_rejects_end_certainly_before_start() {
        let err = Period::new(Some(date("2001")), Some(date("2000"))).unwrap_err();
        assert_eq!(
            err.kind(),
            &PeriodErrorKind::EndBeforeStart {
                start: date("2001"),
                end: date("2000")
            }
        );
        assert_eq!(err.input(), None);
        assert_eq!(err.to_string(), "end 2000 is before start 2001");
        let err = Period::new(Some(date("2001-03-02")), Some(date("2001-03-01"))).unwrap_err();
        assert_eq!(err.to_string(), "end 2001-03-01 is before start 2001-03-02");
    }

    #[test]
    fn new_accepts_overlapping_start_and_end() {
        let p = Period::new(Some(date("2001")), Some(date("2001-03"))).unwrap();
        assert_eq!(p.to_string(), "2001/2001-03");
        let p = Period::new(Some(date("2001-06")), Some(date("2001"))).unwrap();
        assert_eq!(p.to_string(), "2001-06/2001");
        // The same date at both ends prints once, and reads back.
        let p = Period::new(Some(date("2001-03-01")), Some(date("2001-03-01"))).unwrap();
        assert_eq!(p.to_string(), "2001-03-01");
        assert_eq!("2001-03-01".parse::<Period>().unwrap(), p);
        let year = Period::new(Some(date("2001")), Some(date("2001"))).unwrap();
        assert_eq!(year.to_string(), "2001");
        assert_eq!("2001/2001".parse::<Period>().unwrap(), year);
        assert_eq!("2001".parse::<Period>().unwrap(), year);
        assert_eq!(
            Period::new(None, Some(date("2001"))).unwrap().to_string(),
            "/2001"
        );
        assert_eq!(
            Period::new(Some(date("2001")), None).unwrap().to_string(),
            "2001/"
        );
        assert_eq!(
            Period::with_end(Some(date("2001")), PeriodEnd::Open).unwrap(),
            Period::from_start(date("2001"))
        );
        assert_eq!(Period::new(None, None).unwrap(), Period::unknown());
    }

    #[test]
    fn parse_accepts_the_four_forms() {
        for text in [
            "2001/2003",
            "2001/..",
            "2001/",
            "/2003",
            "/..",
            "/",
            "2001-10-03/2002-01",
            "1984?/2004-06~",
            "199X/2004-XX",
        ] {
            let p = per(text);
            assert_eq!(p.to_string(), text);
        }
        let p = per("2001/..");
        assert_eq!(
            (p.start(), p.end(), p.is_open_ended()),
            (Some(date("2001")), None, true)
        );
        let p = per("/2003");
        assert_eq!(
            (p.start(), p.end(), p.is_open_ended()),
            (None, Some(date("2003")), false)
        );
        let p = per("2001/");
        assert_eq!(
            (
                p.start(),
                p.end(),
                p.ending(),
                p.is_open_ended(),
                p.is_end_unknown()
            ),
            (Some(date("2001")), None, PeriodEnd::Unknown, false, true)
        );
        assert_eq!(per("2001/..").ending(), PeriodEnd::Open);
        assert_eq!(per("/").ending(), PeriodEnd::Unknown);
        assert!(per("/").is_unknown() && per("/..").is_unknown() && !per("/2003").is_unknown());
    }

    #[test]
    fn parse_rejects_other_shapes() {
        let expected = r#"expected START/END, such as "2001/2003", "2001/" (end unknown), "2001/.." (still running), "/2003" or "/..", or a single date such as "2001""#;
        for input in ["", "2001/2002/2003", "../2003", "../..", "//", "2001-2003"] {
            rejects(
                input,
                &PeriodErrorKind::Shape,
                &format!("invalid period {input:?}: {expected}"),
            );
        }
    }

    #[test]
    fn parse_rejects_bad_dates_naming_the_side() {
        let err = "2001-13/2003".parse::<Period>().unwrap_err();
        let PeriodErrorKind::Start(inner) = err.kind() else {
            panic!("{err:?}")
        };
        assert_eq!(inner.kind(), PartialDateErrorKind::MonthOutOfRange);
        assert_eq!(
            err.to_string(),
            r#"invalid period "2001-13/2003": start "2001-13": month must be 01 to 12"#
        );
        let err = "2001/2003-02-29".parse::<Period>().unwrap_err();
        let PeriodErrorKind::End(inner) = err.kind() else {
            panic!("{err:?}")
        };
        assert_eq!(inner.kind(), PartialDateErrorKind::DayOutOfRange);
        assert_eq!(
            err.to_string(),
            r#"invalid period "2001/2003-02-29": end "2003-02-29": day must be 01 to 28"#
        );
        let err = "2001 / 2003".parse::<Period>().unwrap_err();
        assert!(
            matches!(err.kind(), PeriodErrorKind::Start(e) if e.kind() == PartialDateErrorKind::Shape)
        );
        assert_eq!(
            err.to_string(),
            r#"invalid period "2001 / 2003": start "2001 ": expected YYYY, YYYY-MM or YYYY-MM-DD, X for unspecified digits (199X, 19XX, 2004-XX) or a final ?, ~ or %"#
        );
    }

    #[test]
    fn parse_rejects_end_before_start() {
        rejects(
            "2001/2000",
            &PeriodErrorKind::EndBeforeStart {
                start: date("2001"),
                end: date("2000"),
            },
            r#"invalid period "2001/2000": end 2000 is before start 2001"#,
        );
    }

    #[test]
    fn error_message_bounds_huge_input() {
        let huge = format!("{}/2003", "1".repeat(50_000_000));
        let err = huge.parse::<Period>().unwrap_err();
        assert!(err.to_string().len() < 300, "{err}");
    }

    #[test]
    fn contains_documented_cases() {
        assert_eq!(per("2001/..").contains(date("2001-03")), Truth::Maybe);
        assert_eq!(per("2001/..").contains(date("2010")), Truth::Yes);
        assert_eq!(per("2001/..").contains(date("2001")), Truth::Yes);
        assert_eq!(per("2001/..").contains(date("2000")), Truth::No);
        assert_eq!(per("2001/2003").contains(date("2004")), Truth::No);
        assert_eq!(per("2001/2003").contains(date("2002-05")), Truth::Yes);
        assert_eq!(per("2001/2003").contains(date("2003")), Truth::Yes);
        assert_eq!(per("2001/2003").contains(date("2003-06")), Truth::Maybe);
        assert_eq!(per("/2003").contains(date("2002")), Truth::Maybe);
        assert_eq!(per("/2003").contains(date("2003")), Truth::Maybe);
        assert_eq!(per("/2003").contains(date("2004")), Truth::No);
        assert_eq!(per("/..").contains(date("2004")), Truth::Maybe);
        // Start 2001 and end 2001-03: it started by 2001-03-31, so held in March.
        assert_eq!(per("2001/2001-03").contains(date("2001-03")), Truth::Yes);
        assert_eq!(per("2001/2001-03").contains(date("2001-06")), Truth::No);
    }

    #[test]
    fn qualified_and_decade_dates_never_give_a_certain_answer_they_would_decide() {
        // An approximate start: how long after 2001 it began is not bounded.
        assert_eq!(per("2001~/..").contains(date("2010")), Truth::Maybe);
        assert_eq!(per("2001~/..").contains(date("1990")), Truth::Maybe);
        // The exact end still rules out what lies after it.
        assert_eq!(per("2001?/2003").contains(date("2010")), Truth::No);
        // An approximate end: it may have ended soon after the start.
        assert_eq!(per("1990/2003~").contains(date("2002")), Truth::Maybe);
        assert_eq!(per("1990/2003~").contains(date("1990")), Truth::Yes);
        assert_eq!(per("1990/2003~").contains(date("1989")), Truth::No);
        assert_eq!(per("1990/2003~").contains(date("2050")), Truth::Maybe);
        // A qualified date asked about.
        assert_eq!(per("2001/2003").contains(date("2002~")), Truth::Maybe);
        assert_eq!(per("2001/2003").contains(date("1950?")), Truth::Maybe);
        // 199X covers 1990 to 1999.
        assert_eq!(per("199X/..").contains(date("2005")), Truth::Yes);
        assert_eq!(per("199X/..").contains(date("1995")), Truth::Maybe);
        assert_eq!(per("199X/..").contains(date("1989")), Truth::No);
        assert_eq!(per("1985/199X").contains(date("2000")), Truth::No);
        assert_eq!(per("1985/199X").contains(date("1989")), Truth::Yes);
        assert_eq!(per("2001/2003").overlaps(&per("2004~/..")), Truth::Maybe);
        assert_eq!(per("2001/2003").overlaps(&per("2004/..")), Truth::No);
        // A qualified end is not certainly before its start.
        assert_eq!(per("2001/2000~").to_string(), "2001/2000~");
        assert_eq!(
            per("2001/2000~").earliest_end(),
            NaiveDate::from_ymd_opt(2001, 1, 1)
        );
        assert_eq!(per("2001/2000~").latest_end(), None);
    }

    #[test]
    fn an_unknown_end_is_maybe_after_the_start_and_an_open_end_is_yes() {
        // A project page with a start and no end: not "still running".
        assert_eq!(per("2001/").contains(date("2024")), Truth::Maybe);
        assert_eq!(per("2001/..").contains(date("2024")), Truth::Yes);
        // It held on its first day, whenever it ended.
        assert_eq!(per("2001/").contains(date("2001")), Truth::Yes);
        assert_eq!(per("2001-03-05/").contains(date("2001-03")), Truth::Yes);
        assert_eq!(per("2001/").contains(date("2001-03")), Truth::Maybe);
        assert_eq!(per("2001/").contains(date("2000")), Truth::No);
        // An unknown start, similarly: maybe before the end, no after it.
        assert_eq!(per("/2005").contains(date("1990")), Truth::Maybe);
        assert_eq!(per("/2005").contains(date("2006")), Truth::No);
        assert_eq!(per("/").contains(date("2006")), Truth::Maybe);
        assert_eq!(per("2001/").overlaps(&per("2024/..")), Truth::Maybe);
        assert_eq!(per("2001/..").overlaps(&per("2024/..")), Truth::Yes);
        assert_eq!(per("2001/").overlaps(&per("1990/2000")), Truth::No);
        assert_eq!(per("2001/").overlaps(&per("1990/2001")), Truth::Maybe);
        assert_eq!(per("2001/").overlaps(&per("1990/2001-01-01")), Truth::Maybe);
        assert_eq!(
            per("2001-01-01/").overlaps(&per("1990/2001-01-01")),
            Truth::Yes
        );
        assert_eq!(
            (per("2001/").earliest_end(), per("2001/").latest_end()),
            (NaiveDate::from_ymd_opt(2001, 1, 1), None)
        );
        assert_eq!(per("2001/..").earliest_end(), None);
    }

    #[test]
    fn ord_sorts_end_dates_then_unknown_then_open() {
        let mut v = [per("2001/.."), per("2001/"), per("2001/2003"), per("/")];
        v.sort();
        let texts: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["/", "2001/2003", "2001/", "2001/.."]);
    }

    #[test]
    fn overlaps_cases() {
        assert_eq!(per("2001/2003").overlaps(&per("2002/..")), Truth::Yes);
        assert_eq!(per("2001/2003").overlaps(&per("2003/..")), Truth::Maybe);
        assert_eq!(per("2001/2003").overlaps(&per("2003-01-01/..")), Truth::Yes);
        assert_eq!(per("2001/2003").overlaps(&per("2004/..")), Truth::No);
        assert_eq!(per("2004/..").overlaps(&per("2001/2003")), Truth::No);
        assert_eq!(per("2001/2003").overlaps(&per("2003-06/..")), Truth::Maybe);
        assert_eq!(per("2001/2003").overlaps(&per("/2001")), Truth::Maybe);
        assert_eq!(per("2001/2003").overlaps(&per("/2000")), Truth::No);
        assert_eq!(per("/..").overlaps(&per("/..")), Truth::Maybe);
        assert_eq!(per("2001/..").overlaps(&per("1990/..")), Truth::Yes);
    }

    #[test]
    fn bounds_account_for_start_not_after_end() {
        let p = per("2001/2001-03");
        assert_eq!(p.latest_start(), NaiveDate::from_ymd_opt(2001, 3, 31));
        assert_eq!(p.earliest_end(), NaiveDate::from_ymd_opt(2001, 3, 1));
        let p = per("2001-06/2001");
        assert_eq!(p.earliest_end(), NaiveDate::from_ymd_opt(2001, 6, 1));
        assert_eq!(p.latest_end(), NaiveDate::from_ymd_opt(2001, 12, 31));
        let p = per("/..");
        assert_eq!(
            (
                p.earliest_start(),
                p.latest_start(),
                p.earliest_end(),
                p.latest_end()
            ),
            (None, None, None, None)
        );
    }

    #[test]
    fn serde_goes_through_the_string_form() {
        let p: Period = serde_json::from_str(r#""2001/..""#).unwrap();
        assert_eq!(p, per("2001/.."));
        assert_eq!(serde_json::to_string(&p).unwrap(), r#""2001/..""#);
        let err = serde_json::from_str::<Period>(r#""2001/2000""#).unwrap_err();
        assert!(
            err.to_string().contains("end 2000 is before start 2001"),
            "{err}"
        );
        assert!(serde_json::from_str::<Period>(r#"{"start":"2001"}"#).is_err());
    }

    #[test]
    fn ord_sorts_unknown_start_first_and_open_end_last() {
        let mut v = [
            per("2001/.."),
            per("2001/2003"),
            per("/.."),
            per("/2003"),
            per("2000/.."),
        ];
        v.sort();
        let texts: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["/2003", "/..", "2000/..", "2001/2003", "2001/.."]);
    }

    #[test]
    fn public_types_are_send_sync_debug() {
        fn check<T: Send + Sync + std::fmt::Debug>() {}
        check::<Period>();
        check::<PeriodError>();
        check::<PeriodErrorKind>();
        check::<Truth>();
        check::<TruthError>();
    }

    // ---- brute-force model -------------------------------------------------

    /// The concrete days a start or end can be: `None` for unknown / open.
    struct Model {
        starts: Vec<NaiveDate>,
        ends: Vec<NaiveDate>,
    }

    /// Candidate days: every bound and its neighbours, plus far sentinels. The
    /// overlap tests only change value at these days, so checking them is exact.
    fn candidates(dates: &[PartialDate]) -> Vec<NaiveDate> {
        let mut v = vec![NaiveDate::MIN, NaiveDate::MAX];
        for d in dates {
            for day in [d.first_day(), d.last_day()] {
                v.push(day);
                v.extend(day.checked_sub_days(Days::new(1)));
                v.extend(day.checked_add_days(Days::new(1)));
            }
        }
        v.sort();
        v.dedup();
        v
    }

    fn model(p: &Period, cands: &[NaiveDate]) -> Model {
        let starts = match p.start() {
            Some(s) if !s.is_qualified() => cands
                .iter()
                .copied()
                .filter(|d| s.contains_day(*d))
                .collect(),
            _ => cands.to_vec(), // unknown or qualified: any day
        };
        let ends = match p.ending() {
            PeriodEnd::On(e) if e.is_qualified() => cands.to_vec(),
            PeriodEnd::On(e) => cands
                .iter()
                .copied()
                .filter(|d| e.contains_day(*d))
                .collect(),
            // Unknown: any day (not before the start), or never (MAX).
            PeriodEnd::Unknown => cands.to_vec(),
            PeriodEnd::Open => vec![NaiveDate::MAX], // never ends
        };
        Model { starts, ends }
    }

    /// Every (start, end) the model allows, start not after end.
    fn choices(m: &Model) -> Vec<(NaiveDate, NaiveDate)> {
        let mut v = Vec::new();
        for &s in &m.starts {
            for &e in &m.ends {
                if s <= e {
                    v.push((s, e));
                }
            }
        }
        v
    }

    /// Whether the start is unknown or qualified: certain answers are withheld.
    fn uncertain_start(p: &Period) -> bool {
        p.start().is_none_or(|s| s.is_qualified())
    }

    fn dates_of(p: &Period) -> Vec<PartialDate> {
        p.start().into_iter().chain(p.end()).collect()
    }

    proptest! {
        #[test]
        fn display_round_trips(p in period()) {
            let back: Period = p.to_string().parse().unwrap();
            prop_assert_eq!(back, p);
            prop_assert_eq!(back.to_string(), p.to_string());
        }

        #[test]
        fn json_round_trips(p in period()) {
            let json = serde_json::to_string(&p).unwrap();
            prop_assert_eq!(&json, &format!("\"{p}\""));
            let back: Period = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, p);
        }

        #[test]
        fn ord_is_total_and_agrees_with_eq(a in period(), b in period(), c in period()) {
            prop_assert_eq!(a.cmp(&b).is_eq(), a == b);
            prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
            if a <= b && b <= c {
                prop_assert!(a <= c);
            }
        }

        #[test]
        fn new_succeeds_exactly_when_end_not_certainly_before_start(
            start in proptest::option::of(partial_date()),
            end in proptest::option::of(partial_date()),
        ) {
            let before = matches!((start, end), (Some(s), Some(e))
                if e.last_day() < s.first_day() && !s.is_qualified() && !e.is_qualified());
            let result = Period::new(start, end);
            prop_assert_eq!(result.is_err(), before);
            if let (Err(err), Some(s), Some(e)) = (result, start, end) {
                prop_assert_eq!(err.kind(), &PeriodErrorKind::EndBeforeStart { start: s, end: e });
                prop_assert_eq!(err.to_string(), format!("end {e} is before start {s}"));
            }
        }

        #[test]
        fn bounds_are_ordered(p in period()) {
            if let (Some(a), Some(b)) = (p.earliest_start(), p.latest_start()) {
                prop_assert!(a <= b);
            }
            if let (Some(a), Some(b)) = (p.earliest_end(), p.latest_end()) {
                prop_assert!(a <= b);
            }
            if let (Some(a), Some(b)) = (p.earliest_start(), p.latest_end()) {
                prop_assert!(a <= b);
            }
        }

        #[test]
        fn contains_agrees_with_brute_force(p in period(), d in partial_date()) {
            if d.is_qualified() {
                prop_assert_eq!(p.contains(d), Truth::Maybe);
                return Ok(());
            }
            let mut dates = dates_of(&p);
            dates.push(d);
            let m = model(&p, &candidates(&dates));
            let all = choices(&m);
            prop_assert!(!all.is_empty());
            let holds = |(s, e): &(NaiveDate, NaiveDate)| *s <= d.last_day() && *e >= d.first_day();
            let always = all.iter().all(holds);
            let ever = all.iter().any(holds);
            let answer = p.contains(d);
            match answer {
                Truth::Yes => prop_assert!(always, "{p} {d}: Yes but not always"),
                Truth::No => prop_assert!(!ever, "{p} {d}: No but possible"),
                Truth::Maybe => {
                    prop_assert!(ever, "{p} {d}: Maybe but impossible");
                    // Certain answers are only withheld for an unknown start.
                    prop_assert!(!always || uncertain_start(&p), "{p} {d}: Maybe but certain");
                }
            }
        }

        #[test]
        fn overlaps_agrees_with_brute_force(a in period(), b in period()) {
            let mut dates = dates_of(&a);
            dates.extend(dates_of(&b));
            let cands = candidates(&dates);
            let (ca, cb) = (choices(&model(&a, &cands)), choices(&model(&b, &cands)));
            let mut always = true;
            let mut ever = false;
            for (s1, e1) in &ca {
                for (s2, e2) in &cb {
                    let meet = s1 <= e2 && s2 <= e1;
                    always &= meet;
                    ever |= meet;
                }
            }
            match a.overlaps(&b) {
                Truth::Yes => prop_assert!(always, "{a} {b}: Yes but not always"),
                Truth::No => prop_assert!(!ever, "{a} {b}: No but possible"),
                Truth::Maybe => {
                    prop_assert!(ever, "{a} {b}: Maybe but impossible");
                    prop_assert!(
                        !always || uncertain_start(&a) || uncertain_start(&b),
                        "{a} {b}: Maybe but certain"
                    );
                }
            }
            prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        }

        #[test]
        fn contains_is_overlap_with_a_fixed_span(p in period(), d in partial_date()) {
            // `d` as a span of whole days, when it is a single day.
            if d.to_date().is_some() {
                let q = Period::new(Some(d), Some(d)).unwrap();
                prop_assert_eq!(p.contains(d), p.overlaps(&q));
            }
        }

        #[test]
        fn truth_and_or_not_follow_kleene(
            a in prop_oneof![Just(Truth::No), Just(Truth::Maybe), Just(Truth::Yes)],
            b in prop_oneof![Just(Truth::No), Just(Truth::Maybe), Just(Truth::Yes)],
        ) {
            prop_assert_eq!(!(a.and(b)), (!a).or(!b));
            prop_assert_eq!(a.and(b), b.and(a));
            prop_assert_eq!(!!a, a);
        }
    }
}
