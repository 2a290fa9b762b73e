//! Dates known to the century, the decade, the year, the month or the day, exact
//! or qualified as uncertain or approximate: [`PartialDate`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::text::Excerpt;

/// How much of a [`PartialDate`] is known.
///
/// # Ordering
///
/// Coarser first: `Century` < `Decade` < `Year` < `Month` < `Day`.
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, Precision};
///
/// let d: PartialDate = "2001-10".parse()?;
/// assert_eq!(d.precision(), Precision::Month);
/// assert_eq!("199X".parse::<PartialDate>()?.precision(), Precision::Decade);
/// assert!(Precision::Year < Precision::Day);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the first two digits of the year are known: `19XX` (1900 to 1999).
    Century,
    /// Only the first three digits of the year are known: `199X` (1990 to 1999).
    Decade,
    /// Only the year is known: `2001` (also `2001-XX`, `2001-XX-XX`).
    Year,
    /// The year and the month are known: `2001-10` (also `2001-10-XX`).
    Month,
    /// The exact day is known: `2001-10-03`.
    Day,
}

/// An EDTF qualifier on a whole [`PartialDate`]: `?`, `~` or `%`.
///
/// A qualified date says where the source puts the date, not where it surely
/// lies: its true day may be outside the stated span, by an amount nobody
/// states. Three-valued answers therefore never rest on a qualified date: see
/// [`PartialDate::earliest_day`].
///
/// # Ordering
///
/// `Uncertain` < `Approximate` < `UncertainApproximate` (for sorting only).
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, Qualifier};
///
/// let d: PartialDate = "1984?".parse()?;
/// assert_eq!(d.qualifier(), Some(Qualifier::Uncertain));
/// assert_eq!(Qualifier::Approximate.symbol(), '~');
/// assert!(Qualifier::UncertainApproximate.is_uncertain());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    /// `?`: the source is not sure of the date ("1984?").
    Uncertain,
    /// `~`: the date is approximate ("circa 1984", "around 1984").
    Approximate,
    /// `%`: both uncertain and approximate.
    UncertainApproximate,
}

impl Qualifier {
    /// The EDTF symbol: `?`, `~` or `%`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::Qualifier::UncertainApproximate.symbol(), '%');
    /// ```
    pub fn symbol(self) -> char {
        match self {
            Self::Uncertain => '?',
            Self::Approximate => '~',
            Self::UncertainApproximate => '%',
        }
    }

    /// The qualifier an EDTF symbol stands for; `None` for any other character.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Qualifier;
    ///
    /// assert_eq!(Qualifier::from_symbol('~'), Some(Qualifier::Approximate));
    /// assert_eq!(Qualifier::from_symbol('*'), None);
    /// ```
    pub fn from_symbol(symbol: char) -> Option<Self> {
        match symbol {
            '?' => Some(Self::Uncertain),
            '~' => Some(Self::Approximate),
            '%' => Some(Self::UncertainApproximate),
            _ => None,
        }
    }

    /// Whether the source is unsure of the date (`?` or `%`).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!migov::Qualifier::Approximate.is_uncertain());
    /// ```
    pub fn is_uncertain(self) -> bool {
        matches!(self, Self::Uncertain | Self::UncertainApproximate)
    }

    /// Whether the date is approximate (`~` or `%`).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(migov::Qualifier::Approximate.is_approximate());
    /// ```
    pub fn is_approximate(self) -> bool {
        matches!(self, Self::Approximate | Self::UncertainApproximate)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.symbol())
    }
}

/// A date known to the century, decade, year, month or day, as a source gives
/// it: `2001`, `2001-10`, `2001-10-03`, and the EDTF level 1 forms `199X`,
/// `19XX`, `2004-XX`, `1984?`, `2004-06~`, `2004-06-11%`.
///
/// Sources often give only a year ("MIDWA was launched in 2001"), a month, a
/// decade ("in the 1990s") or a hedged date ("c. 1990"). A `PartialDate` keeps
/// exactly what the source says and never pads: `2001` stays a year and is not
/// turned into `2001-01-01`. It stands for a span of days, from
/// [`first_day`](PartialDate::first_day) to [`last_day`](PartialDate::last_day).
///
/// # Syntax: the EDTF subset supported
///
/// The [Extended Date/Time Format](https://www.loc.gov/standards/datetime/)
/// (ISO 8601-2) level 0 calendar dates and these level 1 features, exactly:
///
/// | form          | example      | meaning                                   | [`Precision`] |
/// |---------------|--------------|-------------------------------------------|---------------|
/// | `YYYY`        | `2001`       | some day of 2001                          | `Year`        |
/// | `YYYY-MM`     | `2001-10`    | some day of October 2001                  | `Month`       |
/// | `YYYY-MM-DD`  | `2001-10-03` | that day                                  | `Day`         |
/// | `YYYX`        | `199X`       | some day of 1990 to 1999 (a decade)       | `Decade`      |
/// | `YYXX`        | `19XX`       | some day of 1900 to 1999                  | `Century`     |
/// | `YYYY-XX`     | `2004-XX`    | some day of 2004, month unspecified       | `Year`        |
/// | `YYYY-XX-XX`  | `2004-XX-XX` | some day of 2004, month and day unspecified | `Year`      |
/// | `YYYY-MM-XX`  | `2004-06-XX` | some day of June 2004, day unspecified    | `Month`       |
/// | date + `?`    | `1984?`      | uncertain: perhaps 1984                   | as the date   |
/// | date + `~`    | `2004-06~`   | approximate: about June 2004              | as the date   |
/// | date + `%`    | `2004-06-11%`| uncertain and approximate                 | as the date   |
///
/// Digits are ASCII; `X` is upper case; years run from `0001` to `9999` (so
/// `000X` and `00XX`, which include the year 0, are refused). The qualifier
/// applies to the **whole date** and comes last; it is accepted on `YYYY`,
/// `YYYY-MM` and `YYYY-MM-DD` only, not on a form with `X` (as in EDTF level 1).
///
/// Not supported (refused): qualifiers on one component (`2004-?06-11`, level
/// 2), `X` in other places (`XXXX-12`, `199X-05`, `2004-XX-05`, level 2),
/// lowercase `x` or `u`, negative years and years of more than four digits
/// (`-0100`, `Y170000002`), seasons (`2001-21`), times, and sets or lists
/// (`[1667, 1668]`). Intervals are [`Period`](crate::value::Period)'s.
///
/// [`Display`](fmt::Display) prints the same form it parsed (`2004-XX` stays
/// `2004-XX`, not `2004`), and serde reads and writes it as a JSON string.
///
/// # Meaning in three-valued answers
///
/// `2004-XX` stands for the same days as `2004`, and `199X` for every day of
/// 1990 to 1999. A qualified date (`?`, `~`, `%`) keeps its stated span for
/// display and sorting ([`first_day`](PartialDate::first_day)), but its true
/// day is not bounded: [`earliest_day`](PartialDate::earliest_day) and
/// [`latest_day`](PartialDate::latest_day) are `None`,
/// [`cmp_known`](PartialDate::cmp_known) is `None`, and a
/// [`Period`](crate::value::Period) treats it like an unknown start or end. So an
/// approximate or uncertain date never turns a "maybe" into a definite yes or no.
///
/// # Ordering
///
/// `Ord` is a total order that sorts by first day, coarser first, then the
/// written form, then the qualifier (none first):
/// `19XX` < `199X` < `1990` < `1990~` < `1990-XX` < `1990-01` < `1991`.
/// It is meant for sorting and for `BTreeMap`
/// keys. It does **not** answer "was this before that?": `2001` sorts before
/// `2001-06-15`, yet the year 2001 does not lie wholly before that day. Ask
/// [`PartialDate::cmp_known`] for that.
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, Precision, Qualifier};
///
/// let d: PartialDate = "2001".parse()?;
/// assert_eq!(d.precision(), Precision::Year);
/// assert_eq!(d.to_string(), "2001");
/// assert_eq!(d.last_day().to_string(), "2001-12-31");
///
/// let nineties: PartialDate = "199X".parse()?;
/// assert_eq!(nineties.last_day().to_string(), "1999-12-31");
///
/// let about: PartialDate = "2004-06~".parse()?;
/// assert_eq!(about.qualifier(), Some(Qualifier::Approximate));
/// assert_eq!(about.earliest_day(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct PartialDate {
    // Invariants: the year is in 1..=9999; `first` is the first day of its
    // century, decade, year or month (for those precisions); `written` is
    // `Year`, `Month` or `Day`, not below `precision`, and `Year` for a
    // century or decade; `qualifier` is `None` when `written != precision`
    // or the precision is a century or decade (EDTF level 1 keeps the two
    // features apart). Field order gives the documented `Ord`.
    first: NaiveDate,
    precision: Precision,
    /// How many components the text has (`2004-XX-XX`: `Day`).
    written: Precision,
    qualifier: Option<Qualifier>,
}

/// The kind of problem a [`PartialDateError`] reports.
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, PartialDateErrorKind};
///
/// let err = "2001-13".parse::<PartialDate>().err().ok_or("accepted")?;
/// assert_eq!(err.kind(), PartialDateErrorKind::MonthOutOfRange);
/// let err = "199X~".parse::<PartialDate>().err().ok_or("accepted")?;
/// assert_eq!(err.kind(), PartialDateErrorKind::QualifiedUnspecified);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PartialDateErrorKind {
    /// The input is empty.
    Empty,
    /// The input is none of the supported forms (`2001-1`, `2001/10`, ` 2001`,
    /// `199X-05`, `2004-XX-05`, `2001x`).
    Shape,
    /// The year is outside `0001` to `9999` (`0000`, `10000`, `000X`).
    YearOutOfRange,
    /// The month is outside `01` to `12` (`2001-13`).
    MonthOutOfRange,
    /// The day does not exist in its month (`2001-02-29`, `2001-04-31`).
    DayOutOfRange,
    /// A qualifier on a form with unspecified digits (`199X~`, `2004-XX?`):
    /// EDTF level 1 keeps the two apart.
    QualifiedUnspecified,
}

/// The error from parsing or building a [`PartialDate`].
///
/// The message names the input (at most the first
/// 64 characters of it) and the reason, such as
/// `invalid date "2001-13": month must be 01 to 12`.
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, PartialDateErrorKind};
///
/// let err = "2001-02-29".parse::<PartialDate>().err().ok_or("accepted")?;
/// assert_eq!(err.kind(), PartialDateErrorKind::DayOutOfRange);
/// assert_eq!(err.input(), "2001-02-29");
/// assert_eq!(err.to_string(), r#"invalid date "2001-02-29": day must be 01 to 28"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {input}: {}", self.reason())]
pub struct PartialDateError {
    input: Excerpt,
    kind: PartialDateErrorKind,
    /// The month's length, for [`PartialDateErrorKind::DayOutOfRange`].
    max_day: Option<u32>,
}

impl PartialDateError {
    fn new(input: &str, kind: PartialDateErrorKind) -> Self {
        Self {
            input: Excerpt::new(input),
            kind,
            max_day: None,
        }
    }

    /// The kind of problem.
    pub fn kind(&self) -> PartialDateErrorKind {
        self.kind
    }

    /// The rejected input, cut to its first 64 characters if it was longer.
    ///
    /// For the numeric constructors ([`PartialDate::ymd`] and the like) this is
    /// the date they were given, written as `YYYY-MM-DD`.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// The bounded input, for messages of the layers above.
    pub(crate) fn excerpt(&self) -> &Excerpt {
        &self.input
    }

    /// Why the input was rejected, without the input (`month must be 01 to 12`).
    pub(crate) fn reason(&self) -> Reason {
        Reason {
            kind: self.kind,
            max_day: self.max_day,
        }
    }
}

/// The reason part of a [`PartialDateError`] message (shared with `PeriodError`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reason {
    kind: PartialDateErrorKind,
    max_day: Option<u32>,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.max_day) {
            (PartialDateErrorKind::Empty, _) => {
                f.write_str("empty, expected YYYY, YYYY-MM or YYYY-MM-DD")
            }
            (PartialDateErrorKind::Shape, _) => f.write_str(
                "expected YYYY, YYYY-MM or YYYY-MM-DD, X for unspecified digits (199X, 19XX, 2004-XX) or a final ?, ~ or %",
            ),
            (PartialDateErrorKind::YearOutOfRange, _) => f.write_str("year must be 0001 to 9999"),
            (PartialDateErrorKind::MonthOutOfRange, _) => f.write_str("month must be 01 to 12"),
            (PartialDateErrorKind::DayOutOfRange, Some(max)) => {
                write!(f, "day must be 01 to {max:02}")
            }
            (PartialDateErrorKind::DayOutOfRange, None) => {
                f.write_str("day does not exist in that month")
            }
            (PartialDateErrorKind::QualifiedUnspecified, _) => f.write_str(
                "a date with unspecified digits (X) cannot also take ?, ~ or %",
            ),
        }
    }
}

/// The number of days in `month` of `year` (proleptic Gregorian); 0 for a month
/// outside 1..=12.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The value of a run of ASCII digits (at most 4 of them here, so no overflow).
fn digits_value(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0'))
}

/// One `-MM` or `-DD` component as written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Component {
    Absent,
    Digits(u32),
    Unspecified,
}

impl Component {
    /// Reads two bytes: two ASCII digits or `XX`.
    fn read(pair: [u8; 2]) -> Option<Self> {
        match pair {
            [b'X', b'X'] => Some(Self::Unspecified),
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                Some(Self::Digits(digits_value(&[a, b])))
            }
            _ => None,
        }
    }

    fn digits(self) -> Option<u32> {
        match self {
            Self::Digits(n) => Some(n),
            _ => None,
        }
    }
}

impl PartialDate {
    /// The one validating path for dates with digits: every constructor and
    /// `FromStr` end here.
    fn build(
        year: i32,
        month: Option<u32>,
        day: Option<u32>,
    ) -> Result<Self, (PartialDateErrorKind, Option<u32>)> {
        if !(1..=9999).contains(&year) {
            return Err((PartialDateErrorKind::YearOutOfRange, None));
        }
        let m = month.unwrap_or(1);
        if !(1..=12).contains(&m) {
            return Err((PartialDateErrorKind::MonthOutOfRange, None));
        }
        let max = days_in_month(year, m);
        let d = day.unwrap_or(1);
        let out_of_range = (PartialDateErrorKind::DayOutOfRange, Some(max));
        if !(1..=max).contains(&d) {
            return Err(out_of_range);
        }
        let first = NaiveDate::from_ymd_opt(year, m, d).ok_or(out_of_range)?;
        let precision = match (month, day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        };
        Ok(Self {
            first,
            precision,
            written: precision,
            qualifier: None,
        })
    }

    /// A decade or century starting at `first_year` (a multiple of 10 or 100).
    fn span(first_year: i32, precision: Precision) -> Result<Self, PartialDateErrorKind> {
        let last_year = match precision {
            Precision::Century => first_year + 99,
            _ => first_year + 9,
        };
        if first_year < 1 || last_year > 9999 {
            return Err(PartialDateErrorKind::YearOutOfRange);
        }
        let first = NaiveDate::from_ymd_opt(first_year, 1, 1)
            .ok_or(PartialDateErrorKind::YearOutOfRange)?;
        Ok(Self {
            first,
            precision,
            written: Precision::Year,
            qualifier: None,
        })
    }

    fn build_described(
        year: i32,
        month: Option<u32>,
        day: Option<u32>,
    ) -> Result<Self, PartialDateError> {
        Self::build(year, month, day).map_err(|(kind, max_day)| {
            let text = match (month, day) {
                (None, _) => format!("{year:04}"),
                (Some(m), None) => format!("{year:04}-{m:02}"),
                (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            };
            PartialDateError {
                input: Excerpt::new(&text),
                kind,
                max_day,
            }
        })
    }

    /// A date known only to the year.
    ///
    /// # Errors
    ///
    /// [`PartialDateErrorKind::YearOutOfRange`] for a year outside `1..=9999`
    /// (`PartialDate::year_only(0)`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// let d = PartialDate::year_only(2001)?;
    /// assert_eq!(d.to_string(), "2001");
    /// assert!(PartialDate::year_only(10_000).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year_only(year: i32) -> Result<Self, PartialDateError> {
        Self::build_described(year, None, None)
    }

    /// A date known to the month.
    ///
    /// # Errors
    ///
    /// [`PartialDateErrorKind::YearOutOfRange`] for a year outside `1..=9999`;
    /// [`PartialDateErrorKind::MonthOutOfRange`] for a month outside `1..=12`
    /// (`PartialDate::year_month(2001, 13)`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// let d = PartialDate::year_month(2001, 10)?;
    /// assert_eq!(d.to_string(), "2001-10");
    /// assert!(PartialDate::year_month(2001, 13).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year_month(year: i32, month: u32) -> Result<Self, PartialDateError> {
        Self::build_described(year, Some(month), None)
    }

    /// A date known to the day.
    ///
    /// # Errors
    ///
    /// [`PartialDateErrorKind::YearOutOfRange`] for a year outside `1..=9999`;
    /// [`PartialDateErrorKind::MonthOutOfRange`] for a month outside `1..=12`;
    /// [`PartialDateErrorKind::DayOutOfRange`] for a day the month does not have
    /// (`PartialDate::ymd(2001, 2, 29)`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// let d = PartialDate::ymd(2004, 2, 29)?;
    /// assert_eq!(d.to_string(), "2004-02-29");
    /// assert!(PartialDate::ymd(2001, 2, 29).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ymd(year: i32, month: u32, day: u32) -> Result<Self, PartialDateError> {
        Self::build_described(year, Some(month), Some(day))
    }

    /// The decade that holds `year`, as EDTF writes it: `decade_of(1994)` is
    /// `199X`, 1990 to 1999.
    ///
    /// # Errors
    ///
    /// [`PartialDateErrorKind::YearOutOfRange`] for a year outside `10..=9999`
    /// (the decade `000X` would include the year 0).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!(PartialDate::decade_of(1994)?.to_string(), "199X");
    /// assert!(PartialDate::decade_of(5).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decade_of(year: i32) -> Result<Self, PartialDateError> {
        let first = if year < 0 { year } else { year - year % 10 };
        Self::span(first, Precision::Decade)
            .map_err(|kind| PartialDateError::new(&format!("{year:04}"), kind))
    }

    /// The hundred years whose first two digits are `year`'s, as EDTF writes
    /// them: `century_of(1950)` is `19XX`, 1900 to 1999.
    ///
    /// # Errors
    ///
    /// [`PartialDateErrorKind::YearOutOfRange`] for a year outside `100..=9999`
    /// (`00XX` would include the year 0).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!(PartialDate::century_of(1950)?.to_string(), "19XX");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn century_of(year: i32) -> Result<Self, PartialDateError> {
        let first = if year < 0 { year } else { year - year % 100 };
        Self::span(first, Precision::Century)
            .map_err(|kind| PartialDateError::new(&format!("{year:04}"), kind))
    }

    /// The same date with `qualifier` (or none): `1984` → `1984?`.
    ///
    /// # Errors
    ///
    /// [`PartialDateErrorKind::QualifiedUnspecified`] for a qualifier on a date
    /// with unspecified digits (`199X`, `2004-XX`), which EDTF level 1 does not
    /// allow.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{PartialDate, Qualifier};
    ///
    /// let d: PartialDate = "1990".parse()?;
    /// assert_eq!(d.with_qualifier(Some(Qualifier::Approximate))?.to_string(), "1990~");
    /// assert!(PartialDate::decade_of(1990)?.with_qualifier(Some(Qualifier::Uncertain)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_qualifier(self, qualifier: Option<Qualifier>) -> Result<Self, PartialDateError> {
        if qualifier.is_some() && self.has_unspecified_digits() {
            let text = match qualifier {
                Some(q) => format!("{}{q}", self.without_qualifier()),
                None => self.to_string(),
            };
            return Err(PartialDateError::new(
                &text,
                PartialDateErrorKind::QualifiedUnspecified,
            ));
        }
        Ok(Self { qualifier, ..self })
    }

    /// The same date without its qualifier: `2004-06~` → `2004-06`.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// let d: PartialDate = "2004-06~".parse()?;
    /// assert_eq!(d.without_qualifier().to_string(), "2004-06");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn without_qualifier(self) -> Self {
        Self {
            qualifier: None,
            ..self
        }
    }

    /// How much of the date is known.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{PartialDate, Precision};
    ///
    /// assert_eq!("2001-10-03".parse::<PartialDate>()?.precision(), Precision::Day);
    /// assert_eq!("2001-XX".parse::<PartialDate>()?.precision(), Precision::Year);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// How many components the text writes, known or `X`: `Day` for
    /// `2004-XX-XX`, `Year` for `199X`; the same as
    /// [`precision`](PartialDate::precision) when no component is unspecified.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{PartialDate, Precision};
    ///
    /// assert_eq!("2004-06-XX".parse::<PartialDate>()?.written_precision(), Precision::Day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn written_precision(&self) -> Precision {
        self.written
    }

    /// Whether the text has unspecified digits (`X`): `199X`, `19XX`,
    /// `2004-XX`, `2004-06-XX`.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert!("2004-XX".parse::<PartialDate>()?.has_unspecified_digits());
    /// assert!(!"2004".parse::<PartialDate>()?.has_unspecified_digits());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn has_unspecified_digits(&self) -> bool {
        self.written != self.precision
    }

    /// The qualifier (`?`, `~`, `%`), if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{PartialDate, Qualifier};
    ///
    /// assert_eq!("2004-06-11%".parse::<PartialDate>()?.qualifier(), Some(Qualifier::UncertainApproximate));
    /// assert_eq!("2004-06-11".parse::<PartialDate>()?.qualifier(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qualifier(&self) -> Option<Qualifier> {
        self.qualifier
    }

    /// Whether the date is qualified as uncertain or approximate.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert!("1984?".parse::<PartialDate>()?.is_qualified());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn is_qualified(&self) -> bool {
        self.qualifier.is_some()
    }

    /// The year, `1..=9999`; for a decade or century (`199X`, `19XX`), its
    /// first year (1990, 1900). See [`known_year`](PartialDate::known_year)
    /// for the year only when it is known.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!("2001-10".parse::<PartialDate>()?.year(), 2001);
    /// assert_eq!("199X".parse::<PartialDate>()?.year(), 1990);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year(&self) -> i32 {
        self.first.year()
    }

    /// The year, if the date is known at least to the year (`None` for `199X`
    /// and `19XX`). A qualified year (`1984?`) is given as stated.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!("2004-XX".parse::<PartialDate>()?.known_year(), Some(2004));
    /// assert_eq!("199X".parse::<PartialDate>()?.known_year(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn known_year(&self) -> Option<i32> {
        (self.precision >= Precision::Year).then(|| self.first.year())
    }

    /// The month, `1..=12`, if known (`None` for `2001-XX`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!("2001-10".parse::<PartialDate>()?.month(), Some(10));
    /// assert_eq!("2001".parse::<PartialDate>()?.month(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn month(&self) -> Option<u32> {
        (self.precision >= Precision::Month).then(|| self.first.month())
    }

    /// The day of the month, if known (`None` for `2001-10-XX`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!("2001-10-03".parse::<PartialDate>()?.day(), Some(3));
    /// assert_eq!("2001-10".parse::<PartialDate>()?.day(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn day(&self) -> Option<u32> {
        (self.precision == Precision::Day).then(|| self.first.day())
    }

    /// The first day of the stated span: `2001` → 2001-01-01, `199X` →
    /// 1990-01-01. For a qualified date the true day may be earlier: see
    /// [`earliest_day`](PartialDate::earliest_day).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// let d: PartialDate = "2001-10".parse()?;
    /// assert_eq!(d.first_day().to_string(), "2001-10-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    /// The last day of the stated span: `2001` → 2001-12-31, `2004-02` →
    /// 2004-02-29, `19XX` → 1999-12-31. For a qualified date the true day may
    /// be later: see [`latest_day`](PartialDate::latest_day).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// let d: PartialDate = "2004-02".parse()?;
    /// assert_eq!(d.last_day().to_string(), "2004-02-29");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn last_day(&self) -> NaiveDate {
        // Counted in days of the year from `first` (cheap: no calendar
        // lookup), as queries ask this of every membership they look at.
        let length = match self.precision {
            Precision::Century | Precision::Decade => {
                let years = if self.precision == Precision::Century {
                    99
                } else {
                    9
                };
                // Always `Some`: the span ends by 9999-12-31 (checked when built).
                return NaiveDate::from_ymd_opt(self.first.year() + years, 12, 31)
                    .unwrap_or(self.first);
            }
            Precision::Year if is_leap_year(self.first.year()) => 366,
            Precision::Year => 365,
            Precision::Month => days_in_month(self.first.year(), self.first.month()),
            Precision::Day => 1,
        };
        // Always `Some`: `first` begins its year or month; `first` keeps
        // this total without a panic.
        self.first
            .with_ordinal(self.first.ordinal() + length - 1)
            .unwrap_or(self.first)
    }

    /// The earliest day the date can be: [`first_day`](PartialDate::first_day),
    /// or `None` for a qualified date, whose true day has no stated bound.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!("199X".parse::<PartialDate>()?.earliest_day().map(|d| d.to_string()), Some("1990-01-01".to_owned()));
    /// assert_eq!("1990~".parse::<PartialDate>()?.earliest_day(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn earliest_day(&self) -> Option<NaiveDate> {
        (!self.is_qualified()).then_some(self.first)
    }

    /// The latest day the date can be: [`last_day`](PartialDate::last_day), or
    /// `None` for a qualified date.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!("19XX".parse::<PartialDate>()?.latest_day().map(|d| d.to_string()), Some("1999-12-31".to_owned()));
    /// assert_eq!("1984?".parse::<PartialDate>()?.latest_day(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn latest_day(&self) -> Option<NaiveDate> {
        (!self.is_qualified()).then(|| self.last_day())
    }

    /// The exact day, if the date is known to the day and not qualified.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// let d: PartialDate = "2001-10-03".parse()?;
    /// assert_eq!(d.to_date().map(|d| d.to_string()), Some("2001-10-03".to_owned()));
    /// assert_eq!("2001-10".parse::<PartialDate>()?.to_date(), None);
    /// assert_eq!("2001-10-03?".parse::<PartialDate>()?.to_date(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_date(&self) -> Option<NaiveDate> {
        (self.precision == Precision::Day && !self.is_qualified()).then_some(self.first)
    }

    /// Whether `day` lies in the stated span, from
    /// [`first_day`](PartialDate::first_day) to [`last_day`](PartialDate::last_day)
    /// (for a qualified date, the true day may lie outside it).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use migov::PartialDate;
    ///
    /// let d: PartialDate = "2001".parse()?;
    /// let day = NaiveDate::from_ymd_opt(2001, 6, 15).ok_or("no such day")?;
    /// assert!(d.contains_day(day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains_day(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last_day()
    }

    /// Compares what is known: is this date certainly before, certainly after, or
    /// certainly the same day as `other`?
    ///
    /// - `Some(Less)` when every day of `self` is before every day of `other`
    ///   (`self.last_day() < other.first_day()`): `2001` vs `2002-03`, `199X`
    ///   vs `2001`.
    /// - `Some(Greater)` when every day of `self` is after every day of `other`.
    /// - `Some(Equal)` only for the same date known to the day: `2001-10-03` vs `2001-10-03`.
    /// - `None` otherwise, when the spans overlap and the answer depends on the
    ///   unknown part: `2001` vs `2001-06`, and also `2001` vs `2001`; and
    ///   always when either date is qualified (`1984?` vs `2020`), as its true
    ///   day has no stated bound.
    ///
    /// Whenever it is `Some`, it agrees with [`Ord`], and
    /// `a.cmp_known(&b) == b.cmp_known(&a).map(Ordering::reverse)`.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::cmp::Ordering;
    /// use migov::PartialDate;
    ///
    /// let y2001: PartialDate = "2001".parse()?;
    /// let june: PartialDate = "2001-06".parse()?;
    /// let y2002: PartialDate = "2002-03".parse()?;
    /// assert_eq!(y2001.cmp_known(&y2002), Some(Ordering::Less));
    /// assert_eq!(y2001.cmp_known(&june), None);
    /// assert_eq!(y2001.cmp_known(&y2001), None);
    /// assert_eq!("2001~".parse::<PartialDate>()?.cmp_known(&"2030".parse()?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cmp_known(&self, other: &Self) -> Option<Ordering> {
        if self.is_qualified() || other.is_qualified() {
            return None;
        }
        // Dates within a year: different years decide alone.
        let (year, other_year) = (self.first.year(), other.first.year());
        if year != other_year
            && self.precision >= Precision::Year
            && other.precision >= Precision::Year
        {
            return Some(year.cmp(&other_year));
        }
        if self.last_day() < other.first {
            Some(Ordering::Less)
        } else if other.last_day() < self.first {
            Some(Ordering::Greater)
        } else if self == other && self.precision == Precision::Day {
            Some(Ordering::Equal)
        } else {
            None
        }
    }
}

impl TryFrom<NaiveDate> for PartialDate {
    type Error = PartialDateError;

    /// A date known to the day.
    ///
    /// # Errors
    ///
    /// [`PartialDateErrorKind::YearOutOfRange`] for a year outside `1..=9999`.
    fn try_from(date: NaiveDate) -> Result<Self, Self::Error> {
        Self::build(date.year(), Some(date.month()), Some(date.day())).map_err(|(kind, max_day)| {
            PartialDateError {
                input: Excerpt::new(&date.to_string()),
                kind,
                max_day,
            }
        })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (self.first.year(), self.first.month(), self.first.day());
        match self.precision {
            Precision::Century => return write!(f, "{:02}XX", y / 100),
            Precision::Decade => return write!(f, "{:03}X", y / 10),
            _ => write!(f, "{y:04}")?,
        }
        if self.written >= Precision::Month {
            if self.precision >= Precision::Month {
                write!(f, "-{m:02}")?;
            } else {
                f.write_str("-XX")?;
            }
        }
        if self.written == Precision::Day {
            if self.precision == Precision::Day {
                write!(f, "-{d:02}")?;
            } else {
                f.write_str("-XX")?;
            }
        }
        if let Some(q) = self.qualifier {
            write!(f, "{q}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = PartialDateError;

    /// Parses exactly the forms listed under [Syntax](PartialDate#syntax-the-edtf-subset-supported).
    ///
    /// # Errors
    ///
    /// [`PartialDateError`] with kind
    /// - [`Empty`](PartialDateErrorKind::Empty) for `""`;
    /// - [`Shape`](PartialDateErrorKind::Shape) for any other form: `2001-1`,
    ///   `2001-1-1`, `01-2001`, `2001/10`, `" 2001-01-01"`, `+2001-01-01`,
    ///   non-ASCII digits, `199X-05`, `2004-XX-05`, `2004-?06`;
    /// - [`YearOutOfRange`](PartialDateErrorKind::YearOutOfRange) for `0000`, `10000`, `000X`;
    /// - [`MonthOutOfRange`](PartialDateErrorKind::MonthOutOfRange) for `2001-13`;
    /// - [`DayOutOfRange`](PartialDateErrorKind::DayOutOfRange) for `2001-02-29`;
    /// - [`QualifiedUnspecified`](PartialDateErrorKind::QualifiedUnspecified) for `199X~`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(PartialDateError::new(s, PartialDateErrorKind::Empty));
        }
        let shape = || PartialDateError::new(s, PartialDateErrorKind::Shape);
        let error = |(kind, max_day)| PartialDateError {
            input: Excerpt::new(s),
            kind,
            max_day,
        };
        let (body, qualifier) = s
            .chars()
            .next_back()
            .and_then(Qualifier::from_symbol)
            .and_then(|q| Some((s.strip_suffix(q.symbol())?, Some(q))))
            .unwrap_or((s, None));
        let bytes = body.as_bytes();
        let year_len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let (year_digits, rest) = bytes.split_at_checked(year_len).ok_or_else(shape)?;
        let x_len = rest.iter().take_while(|&&b| b == b'X').count();
        let (_, rest) = rest.split_at_checked(x_len).ok_or_else(shape)?;
        let (month, day) = match *rest {
            [] => (Component::Absent, Component::Absent),
            [b'-', m0, m1] => (
                Component::read([m0, m1]).ok_or_else(shape)?,
                Component::Absent,
            ),
            [b'-', m0, m1, b'-', d0, d1] => (
                Component::read([m0, m1]).ok_or_else(shape)?,
                Component::read([d0, d1]).ok_or_else(shape)?,
            ),
            _ => return Err(shape()),
        };
        // `2004-XX-05`: a known day in an unspecified month is level 2.
        if month == Component::Unspecified && matches!(day, Component::Digits(_)) {
            return Err(shape());
        }
        if x_len > 0 {
            // `199X`, `19XX`: four characters in all, nothing after.
            if year_len + x_len != 4 || x_len > 2 || month != Component::Absent {
                return Err(shape());
            }
            if qualifier.is_some() {
                return Err(PartialDateError::new(
                    s,
                    PartialDateErrorKind::QualifiedUnspecified,
                ));
            }
            let (first, precision) = if x_len == 1 {
                (digits_value(year_digits) * 10, Precision::Decade)
            } else {
                (digits_value(year_digits) * 100, Precision::Century)
            };
            let first = i32::try_from(first).map_err(|_| shape())?;
            return Self::span(first, precision).map_err(|kind| error((kind, None)));
        }
        match year_len {
            4 => {}
            0..4 => return Err(shape()),
            _ => return Err(error((PartialDateErrorKind::YearOutOfRange, None))),
        }
        let unspecified = month == Component::Unspecified || day == Component::Unspecified;
        if unspecified && qualifier.is_some() {
            return Err(PartialDateError::new(
                s,
                PartialDateErrorKind::QualifiedUnspecified,
            ));
        }
        let year = i32::try_from(digits_value(year_digits)).map_err(|_| shape())?;
        let mut date = Self::build(year, month.digits(), day.digits()).map_err(error)?;
        date.written = match (month, day) {
            (Component::Absent, _) => Precision::Year,
            (_, Component::Absent) => Precision::Month,
            _ => Precision::Day,
        };
        date.qualifier = qualifier;
        Ok(date)
    }
}

impl TryFrom<&str> for PartialDate {
    type Error = PartialDateError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`PartialDate::from_str`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for PartialDate {
    type Error = PartialDateError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`PartialDate::from_str`].
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> Self {
        d.to_string()
    }
}

crate::value::deserialize_from_str!(PartialDate, "a string");

/// proptest strategies for dates and periods, built from valid parts (no filtering).
/// Shared with the other layers' tests.
#[cfg(test)]
pub(crate) mod strategies {
    use proptest::prelude::*;

    use super::{PartialDate, Qualifier, days_in_month};
    use crate::value::period::Period;

    /// A year, usually anywhere in `1..=9999`, often near 2001 so that dates overlap.
    pub(crate) fn year() -> impl Strategy<Value = i32> {
        prop_oneof![
            1..=9999i32,
            1998..=2003i32,
            Just(1),
            Just(9999),
            Just(2000),
            Just(2004)
        ]
    }

    /// Any valid calendar date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), unqualified.
    pub(crate) fn calendar_date() -> impl Strategy<Value = PartialDate> {
        let by_year = year().prop_map(|y| PartialDate::year_only(y).unwrap());
        let by_month =
            (year(), 1..=12u32).prop_map(|(y, m)| PartialDate::year_month(y, m).unwrap());
        let by_day = (year(), 1..=12u32)
            .prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in_month(y, m)))
            .prop_map(|(y, m, d)| PartialDate::ymd(y, m, d).unwrap());
        prop_oneof![by_year, by_month, by_day]
    }

    /// Any valid partial date in the supported EDTF subset: calendar dates,
    /// qualified or not, decades, centuries and unspecified months and days.
    pub(crate) fn partial_date() -> BoxedStrategy<PartialDate> {
        let qualifier = prop_oneof![
            Just(None),
            Just(Some(Qualifier::Uncertain)),
            Just(Some(Qualifier::Approximate)),
            Just(Some(Qualifier::UncertainApproximate)),
        ];
        let qualified =
            (calendar_date(), qualifier).prop_map(|(d, q)| d.with_qualifier(q).unwrap());
        let decade = (10..=9999i32).prop_map(|y| PartialDate::decade_of(y).unwrap());
        let century = (100..=9999i32).prop_map(|y| PartialDate::century_of(y).unwrap());
        // `YYYY-XX`, `YYYY-XX-XX`, `YYYY-MM-XX`, through the parser.
        let unspecified = (year(), 1..=12u32, 0..3u8).prop_map(|(y, m, form)| {
            let text = match form {
                0 => format!("{y:04}-XX"),
                1 => format!("{y:04}-XX-XX"),
                _ => format!("{y:04}-{m:02}-XX"),
            };
            text.parse::<PartialDate>().unwrap()
        });
        prop_oneof![
            4 => qualified,
            1 => decade,
            1 => century,
            1 => unspecified,
        ]
        .boxed()
    }

    /// Any valid period: unknown or known start; an end date, an unknown end
    /// or an open end; never ending definitely before it starts (such pairs
    /// are swapped, not filtered out).
    pub(crate) fn period() -> BoxedStrategy<Period> {
        (
            proptest::option::of(partial_date()),
            proptest::option::of(partial_date()),
            proptest::bool::ANY,
        )
            .prop_map(|(start, end, open)| match (start, end) {
                (Some(s), Some(e)) if e.cmp_known(&s) == Some(std::cmp::Ordering::Less) => {
                    Period::new(Some(e), Some(s)).unwrap()
                }
                (_, None) if open => Period::ongoing(start),
                _ => Period::new(start, end).unwrap(),
            })
            .boxed()
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use proptest::prelude::*;

    use super::strategies::partial_date;
    use super::*;

    fn date(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[track_caller]
    fn rejects(input: &str, kind: PartialDateErrorKind, message: &str) {
        let err = input.parse::<PartialDate>().unwrap_err();
        assert_eq!(err.kind(), kind, "kind for {input:?}");
        assert_eq!(err.to_string(), message, "message for {input:?}");
        assert_eq!(PartialDate::try_from(input), Err(err.clone()));
        assert_eq!(PartialDate::try_from(input.to_owned()), Err(err));
    }

    #[test]
    fn parse_accepts_the_three_precisions_without_padding() {
        let y = date("2001");
        assert_eq!(
            (y.precision(), y.year(), y.month(), y.day()),
            (Precision::Year, 2001, None, None)
        );
        assert_eq!(y.to_string(), "2001");
        let m = date("2001-10");
        assert_eq!(
            (m.precision(), m.month(), m.day()),
            (Precision::Month, Some(10), None)
        );
        assert_eq!(m.to_string(), "2001-10");
        let d = date("2001-10-03");
        assert_eq!(
            (d.precision(), d.month(), d.day()),
            (Precision::Day, Some(10), Some(3))
        );
        assert_eq!(d.to_string(), "2001-10-03");
        assert_eq!(date("0001").to_string(), "0001");
        assert_eq!(date("9999-12-31").to_string(), "9999-12-31");
    }

    #[test]
    fn parse_accepts_leap_day_in_leap_years() {
        assert_eq!(date("2004-02-29").to_string(), "2004-02-29");
        assert_eq!(date("2000-02-29").to_string(), "2000-02-29");
        rejects(
            "1900-02-29",
            PartialDateErrorKind::DayOutOfRange,
            r#"invalid date "1900-02-29": day must be 01 to 28"#,
        );
    }

    #[test]
    fn parse_rejects_month_13() {
        rejects(
            "2001-13",
            PartialDateErrorKind::MonthOutOfRange,
            r#"invalid date "2001-13": month must be 01 to 12"#,
        );
        rejects(
            "2001-00",
            PartialDateErrorKind::MonthOutOfRange,
            r#"invalid date "2001-00": month must be 01 to 12"#,
        );
    }

    #[test]
    fn parse_rejects_days_the_month_lacks() {
        rejects(
            "2001-02-30",
            PartialDateErrorKind::DayOutOfRange,
            r#"invalid date "2001-02-30": day must be 01 to 28"#,
        );
        rejects(
            "2001-02-29",
            PartialDateErrorKind::DayOutOfRange,
            r#"invalid date "2001-02-29": day must be 01 to 28"#,
        );
        rejects(
            "2001-04-31",
            PartialDateErrorKind::DayOutOfRange,
            r#"invalid date "2001-04-31": day must be 01 to 30"#,
        );
        rejects(
            "2001-01-00",
            PartialDateErrorKind::DayOutOfRange,
            r#"invalid date "2001-01-00": day must be 01 to 31"#,
        );
    }

    #[test]
    fn parse_rejects_empty_input() {
        rejects(
            "",
            PartialDateErrorKind::Empty,
            r#"invalid date "": empty, expected YYYY, YYYY-MM or YYYY-MM-DD"#,
        );
    }

    #[test]
    fn parse_rejects_other_shapes() {
        for input in [
            "01-2001",
            "2001-1",
            "2001-1-1",
            " 2001-01-01",
            "+2001-01-01",
            "2001-01-01 ",
            "2001/10",
            "２００１",
            "-2001",
            "-1",
            "201",
            "2001-",
            "2001-10-",
            "2001-10-03T00:00",
            "2001-W01",
            "2001-10-3",
        ] {
            let message = format!(
                "invalid date {input:?}: expected YYYY, YYYY-MM or YYYY-MM-DD, X for unspecified digits (199X, 19XX, 2004-XX) or a final ?, ~ or %"
            );
            rejects(input, PartialDateErrorKind::Shape, &message);
        }
    }

    #[test]
    fn parse_rejects_years_outside_1_to_9999() {
        rejects(
            "0000",
            PartialDateErrorKind::YearOutOfRange,
            r#"invalid date "0000": year must be 0001 to 9999"#,
        );
        rejects(
            "10000",
            PartialDateErrorKind::YearOutOfRange,
            r#"invalid date "10000": year must be 0001 to 9999"#,
        );
        rejects(
            "0000-01-01",
            PartialDateErrorKind::YearOutOfRange,
            r#"invalid date "0000-01-01": year must be 0001 to 9999"#,
        );
        rejects(
            "20011003",
            PartialDateErrorKind::YearOutOfRange,
            r#"invalid date "20011003": year must be 0001 to 9999"#,
        );
        rejects(
            "10000-01",
            PartialDateErrorKind::YearOutOfRange,
            r#"invalid date "10000-01": year must be 0001 to 9999"#,
        );
        rejects(
            &"9".repeat(40),
            PartialDateErrorKind::YearOutOfRange,
            &format!(
                "invalid date {:?}: year must be 0001 to 9999",
                "9".repeat(40)
            ),
        );
    }

    #[test]
    fn error_message_bounds_huge_input() {
        let huge = format!("2001{}", "x".repeat(50_000_000));
        let err = huge.parse::<PartialDate>().unwrap_err();
        assert_eq!(err.kind(), PartialDateErrorKind::Shape);
        assert!(err.to_string().len() < 300);
        assert!(err.to_string().contains("(50000004 bytes in all)"));
        assert_eq!(err.input().chars().count(), 64);
    }

    #[test]
    fn constructors_check_like_parse() {
        assert_eq!(PartialDate::year_only(2001).unwrap(), date("2001"));
        assert_eq!(PartialDate::year_month(2001, 10).unwrap(), date("2001-10"));
        assert_eq!(PartialDate::ymd(2001, 10, 3).unwrap(), date("2001-10-03"));
        let err = PartialDate::year_only(0).unwrap_err();
        assert_eq!(err.kind(), PartialDateErrorKind::YearOutOfRange);
        assert_eq!(
            err.to_string(),
            r#"invalid date "0000": year must be 0001 to 9999"#
        );
        let err = PartialDate::year_month(2001, 13).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"invalid date "2001-13": month must be 01 to 12"#
        );
        let err = PartialDate::ymd(2001, 2, 29).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"invalid date "2001-02-29": day must be 01 to 28"#
        );
        let err = PartialDate::ymd(-5, 1, 1).unwrap_err();
        assert_eq!(err.kind(), PartialDateErrorKind::YearOutOfRange);
    }

    #[test]
    fn try_from_naive_date_keeps_the_day() {
        let day = NaiveDate::from_ymd_opt(2001, 10, 3).unwrap();
        assert_eq!(PartialDate::try_from(day).unwrap(), date("2001-10-03"));
        let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        let err = PartialDate::try_from(far).unwrap_err();
        assert_eq!(err.kind(), PartialDateErrorKind::YearOutOfRange);
        assert_eq!(
            err.to_string(),
            r#"invalid date "+10000-01-01": year must be 0001 to 9999"#
        );
    }

    #[test]
    fn bounds_of_each_precision() {
        assert_eq!(
            date("2001").first_day(),
            NaiveDate::from_ymd_opt(2001, 1, 1).unwrap()
        );
        assert_eq!(
            date("2001").last_day(),
            NaiveDate::from_ymd_opt(2001, 12, 31).unwrap()
        );
        assert_eq!(
            date("2004-02").last_day(),
            NaiveDate::from_ymd_opt(2004, 2, 29).unwrap()
        );
        assert_eq!(
            date("2001-02").last_day(),
            NaiveDate::from_ymd_opt(2001, 2, 28).unwrap()
        );
        assert_eq!(
            date("2001-10-03").last_day(),
            NaiveDate::from_ymd_opt(2001, 10, 3).unwrap()
        );
        assert_eq!(date("2001").to_date(), None);
        assert!(date("2001-10").contains_day(NaiveDate::from_ymd_opt(2001, 10, 31).unwrap()));
        assert!(!date("2001-10").contains_day(NaiveDate::from_ymd_opt(2001, 11, 1).unwrap()));
    }

    #[test]
    fn ord_sorts_by_first_day_coarser_first() {
        let sorted = [
            "2001",
            "2001-01",
            "2001-01-01",
            "2001-01-02",
            "2001-02",
            "2002",
        ];
        let mut dates: Vec<PartialDate> = sorted.iter().rev().map(|s| date(s)).collect();
        dates.sort();
        let texts: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn cmp_known_is_three_valued() {
        assert_eq!(date("2001").cmp_known(&date("2002")), Some(Ordering::Less));
        assert_eq!(
            date("2002").cmp_known(&date("2001-12-31")),
            Some(Ordering::Greater)
        );
        assert_eq!(date("2001").cmp_known(&date("2001-03")), None);
        assert_eq!(date("2001").cmp_known(&date("2001")), None);
        assert_eq!(date("2001-03").cmp_known(&date("2001-03")), None);
        assert_eq!(
            date("2001-03-01").cmp_known(&date("2001-03-01")),
            Some(Ordering::Equal)
        );
        assert_eq!(
            date("2001-02").cmp_known(&date("2001-03-01")),
            Some(Ordering::Less)
        );
    }

    #[test]
    fn serde_goes_through_the_string_form() {
        let d: PartialDate = serde_json::from_str(r#""2001-10""#).unwrap();
        assert_eq!(d, date("2001-10"));
        assert_eq!(serde_json::to_string(&d).unwrap(), r#""2001-10""#);
        let err = serde_json::from_str::<PartialDate>(r#""2001-13""#).unwrap_err();
        assert!(
            err.to_string()
                .contains(r#"invalid date "2001-13": month must be 01 to 12"#)
        );
        assert!(serde_json::from_str::<PartialDate>("2001").is_err());
        assert_eq!(String::from(d), "2001-10");
    }

    #[test]
    fn edtf_level_1_qualifiers_parse_and_display() {
        for (text, qualifier, precision) in [
            ("1984?", Qualifier::Uncertain, Precision::Year),
            ("2004-06~", Qualifier::Approximate, Precision::Month),
            (
                "2004-06-11%",
                Qualifier::UncertainApproximate,
                Precision::Day,
            ),
        ] {
            let d = date(text);
            assert_eq!(d.qualifier(), Some(qualifier), "{text}");
            assert_eq!(d.precision(), precision, "{text}");
            assert_eq!(d.to_string(), text);
            assert!(d.is_qualified());
            assert_eq!((d.earliest_day(), d.latest_day()), (None, None));
            assert_eq!(
                d.without_qualifier().to_string(),
                text.get(..text.len() - 1).unwrap()
            );
        }
        let d = date("2004-06-11?");
        assert_eq!(
            (d.year(), d.month(), d.day(), d.to_date()),
            (2004, Some(6), Some(11), None)
        );
        assert!(Qualifier::Uncertain.is_uncertain() && !Qualifier::Uncertain.is_approximate());
        assert!(Qualifier::UncertainApproximate.is_uncertain());
        assert!(Qualifier::UncertainApproximate.is_approximate());
    }

    #[test]
    fn edtf_level_1_unspecified_digits_parse_and_display() {
        let nineties = date("199X");
        assert_eq!(nineties.precision(), Precision::Decade);
        assert_eq!(
            nineties.first_day(),
            NaiveDate::from_ymd_opt(1990, 1, 1).unwrap()
        );
        assert_eq!(
            nineties.last_day(),
            NaiveDate::from_ymd_opt(1999, 12, 31).unwrap()
        );
        assert_eq!((nineties.year(), nineties.known_year()), (1990, None));
        assert_eq!(nineties.to_string(), "199X");
        let century = date("19XX");
        assert_eq!(century.precision(), Precision::Century);
        assert_eq!(
            century.first_day(),
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
        );
        assert_eq!(
            century.last_day(),
            NaiveDate::from_ymd_opt(1999, 12, 31).unwrap()
        );
        assert_eq!(
            date("99XX").last_day(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()
        );
        assert_eq!(
            date("001X").first_day(),
            NaiveDate::from_ymd_opt(10, 1, 1).unwrap()
        );
        let month_unknown = date("2004-XX");
        assert_eq!(
            (month_unknown.precision(), month_unknown.written_precision()),
            (Precision::Year, Precision::Month)
        );
        assert_eq!(month_unknown.month(), None);
        assert_eq!(month_unknown.known_year(), Some(2004));
        assert_eq!(month_unknown.last_day(), date("2004").last_day());
        assert_eq!(date("2004-XX-XX").written_precision(), Precision::Day);
        let day_unknown = date("2004-06-XX");
        assert_eq!((day_unknown.month(), day_unknown.day()), (Some(6), None));
        assert_eq!(
            day_unknown.last_day(),
            NaiveDate::from_ymd_opt(2004, 6, 30).unwrap()
        );
        for text in ["199X", "19XX", "2004-XX", "2004-XX-XX", "2004-06-XX"] {
            assert_eq!(date(text).to_string(), text);
            assert!(date(text).has_unspecified_digits() || text.len() == 4);
        }
        assert_eq!(PartialDate::decade_of(1994).unwrap(), nineties);
        assert_eq!(PartialDate::century_of(1950).unwrap(), century);
    }

    #[test]
    fn edtf_forms_outside_the_subset_are_refused() {
        for input in [
            "199X-05",
            "2004-XX-05",
            "XXXX",
            "1XXX",
            "XXXX-12",
            "2004-?06-11",
            "?2004",
            "2004??",
            "?",
            "199x",
            "199u",
            "-0100",
            "Y170000002",
            "[1667,1668]",
        ] {
            let err = input.parse::<PartialDate>().unwrap_err();
            assert_eq!(err.kind(), PartialDateErrorKind::Shape, "{input}");
        }
        for input in ["000X", "00XX", "0000?"] {
            let err = input.parse::<PartialDate>().unwrap_err();
            assert_eq!(err.kind(), PartialDateErrorKind::YearOutOfRange, "{input}");
        }
        // A month of 13 or more, as EDTF seasons (`2001-21`) are written.
        for input in ["2001-13~", "2001-21"] {
            let err = input.parse::<PartialDate>().unwrap_err();
            assert_eq!(err.kind(), PartialDateErrorKind::MonthOutOfRange, "{input}");
        }
        for input in ["199X~", "19XX?", "2004-XX%", "2004-06-XX?"] {
            rejects(
                input,
                PartialDateErrorKind::QualifiedUnspecified,
                &format!(
                    "invalid date {input:?}: a date with unspecified digits (X) cannot also take ?, ~ or %"
                ),
            );
        }
        let err = PartialDate::decade_of(1990)
            .unwrap()
            .with_qualifier(Some(Qualifier::Approximate))
            .unwrap_err();
        assert_eq!(err.input(), "199X~");
        assert!(PartialDate::decade_of(9).is_err());
        assert!(PartialDate::decade_of(10_000).is_err());
        assert!(PartialDate::century_of(99).is_err());
    }

    #[test]
    fn qualified_and_decade_dates_in_cmp_known() {
        assert_eq!(date("199X").cmp_known(&date("2001")), Some(Ordering::Less));
        assert_eq!(date("199X").cmp_known(&date("1995-06")), None);
        assert_eq!(date("19XX").cmp_known(&date("199X")), None);
        assert_eq!(
            date("2001").cmp_known(&date("199X")),
            Some(Ordering::Greater)
        );
        assert_eq!(date("1984?").cmp_known(&date("2020")), None);
        assert_eq!(date("2020").cmp_known(&date("1984~")), None);
        assert_eq!(date("2004-06-11%").cmp_known(&date("2004-06-11%")), None);
    }

    #[test]
    fn ord_sorts_edtf_forms_by_first_day_coarser_first() {
        let sorted = [
            "19XX", "199X", "1990", "1990~", "1990-XX", "1990-01", "1991",
        ];
        let mut dates: Vec<PartialDate> = sorted.iter().rev().map(|s| date(s)).collect();
        dates.sort();
        let texts: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn serde_reads_and_writes_the_edtf_forms() {
        for text in ["1984?", "2004-06~", "199X", "2004-XX"] {
            let json = format!("\"{text}\"");
            let d: PartialDate = serde_json::from_str(&json).unwrap();
            assert_eq!(d, date(text));
            assert_eq!(serde_json::to_string(&d).unwrap(), json);
        }
        let err = serde_json::from_str::<PartialDate>(r#""199X~""#).unwrap_err();
        assert!(err.to_string().contains("cannot also take"), "{err}");
    }

    #[test]
    fn public_types_are_send_sync_debug() {
        fn check<T: Send + Sync + std::fmt::Debug>() {}
        check::<PartialDate>();
        check::<Qualifier>();
        check::<Precision>();
        check::<PartialDateError>();
        check::<PartialDateErrorKind>();
    }

    proptest! {
        #[test]
        fn display_round_trips(d in partial_date()) {
            let back: PartialDate = d.to_string().parse().unwrap();
            prop_assert_eq!(back, d);
            prop_assert_eq!(back.to_string(), d.to_string());
        }

        #[test]
        fn json_round_trips(d in partial_date()) {
            let json = serde_json::to_string(&d).unwrap();
            prop_assert_eq!(&json, &format!("\"{d}\""));
            let back: PartialDate = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, d);
        }

        #[test]
        fn last_day_is_the_day_before_the_next_year_or_month(d in partial_date()) {
            let (y, m) = (d.first_day().year(), d.first_day().month());
            let next = match d.precision() {
                Precision::Century => NaiveDate::from_ymd_opt(y + 100, 1, 1),
                Precision::Decade => NaiveDate::from_ymd_opt(y + 10, 1, 1),
                Precision::Year => NaiveDate::from_ymd_opt(y + 1, 1, 1),
                Precision::Month if m == 12 => NaiveDate::from_ymd_opt(y + 1, 1, 1),
                Precision::Month => NaiveDate::from_ymd_opt(y, m + 1, 1),
                Precision::Day => d.first_day().succ_opt(),
            };
            prop_assert!(next.is_some());
            prop_assert_eq!(d.last_day().succ_opt(), next);
        }

        #[test]
        fn first_day_is_not_after_last_day(d in partial_date()) {
            prop_assert!(d.first_day() <= d.last_day());
            prop_assert!(d.contains_day(d.first_day()) && d.contains_day(d.last_day()));
        }

        #[test]
        fn ord_agrees_with_eq_and_is_antisymmetric(a in partial_date(), b in partial_date()) {
            prop_assert_eq!(a.cmp(&b).is_eq(), a == b);
            prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
            prop_assert_eq!(a.partial_cmp(&b), Some(a.cmp(&b)));
        }

        #[test]
        fn ord_is_transitive(a in partial_date(), b in partial_date(), c in partial_date()) {
            let mut v = [a, b, c];
            v.sort();
            prop_assert!(v[0] <= v[1] && v[1] <= v[2] && v[0] <= v[2]);
            if a <= b && b <= c {
                prop_assert!(a <= c);
            }
        }

        #[test]
        fn cmp_known_agrees_with_ord(a in partial_date(), b in partial_date()) {
            if let Some(known) = a.cmp_known(&b) {
                prop_assert_eq!(known, a.cmp(&b));
            }
            prop_assert_eq!(a.cmp_known(&b), b.cmp_known(&a).map(Ordering::reverse));
        }

        #[test]
        fn cmp_known_matches_its_definition(a in partial_date(), b in partial_date()) {
            let expected = if a.is_qualified() || b.is_qualified() {
                None
            } else if a.last_day() < b.first_day() {
                Some(Ordering::Less)
            } else if b.last_day() < a.first_day() {
                Some(Ordering::Greater)
            } else if a == b && a.precision() == Precision::Day {
                Some(Ordering::Equal)
            } else {
                None
            };
            prop_assert_eq!(a.cmp_known(&b), expected);
        }

        #[test]
        fn parse_never_panics_on_edtf_like_text(s in "[0-9X?~%-]{0,12}") {
            if let Ok(d) = s.parse::<PartialDate>() {
                prop_assert_eq!(d.to_string(), s);
            }
        }

        #[test]
        fn qualified_dates_have_no_bounds_and_compare_unknown(d in partial_date(), e in partial_date()) {
            prop_assert_eq!(d.earliest_day().is_none(), d.is_qualified());
            prop_assert_eq!(d.latest_day().is_none(), d.is_qualified());
            if d.is_qualified() {
                prop_assert_eq!(d.cmp_known(&e), None);
                prop_assert_eq!(d.to_date(), None);
            }
            // The qualifier changes neither the stated span nor the text before it.
            let bare = d.without_qualifier();
            prop_assert_eq!((bare.first_day(), bare.last_day()), (d.first_day(), d.last_day()));
            prop_assert!(d.to_string().starts_with(&bare.to_string()));
        }

        #[test]
        fn unspecified_digits_stand_for_the_same_days_as_the_known_part(y in 1..=9999i32, m in 1..=12u32) {
            let year = PartialDate::year_only(y).unwrap();
            let month = PartialDate::year_month(y, m).unwrap();
            for (text, same) in [
                (format!("{y:04}-XX"), year),
                (format!("{y:04}-XX-XX"), year),
                (format!("{y:04}-{m:02}-XX"), month),
            ] {
                let d: PartialDate = text.parse().unwrap();
                prop_assert_eq!((d.first_day(), d.last_day()), (same.first_day(), same.last_day()));
                prop_assert_eq!(d.precision(), same.precision());
                prop_assert_eq!(d.written_precision() > d.precision(), true);
                prop_assert_ne!(d, same);
            }
        }

        #[test]
        fn a_decade_holds_exactly_its_ten_years(y in 10..=9999i32, other in 1..=9999i32) {
            let decade = PartialDate::decade_of(y).unwrap();
            let year = PartialDate::year_only(other).unwrap();
            let inside = other / 10 == y / 10;
            prop_assert_eq!(decade.contains_day(year.first_day()), inside);
            prop_assert_eq!(decade.cmp_known(&year).is_none(), inside);
            let century = PartialDate::century_of(y.max(100)).unwrap();
            prop_assert_eq!(century.contains_day(year.first_day()), other / 100 == y.max(100) / 100);
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,12}") {
            if let Ok(d) = s.parse::<PartialDate>() {
                prop_assert_eq!(d.to_string(), s);
            }
        }

        #[test]
        fn constructors_agree_with_parse(y in 1..=9999i32, m in 1..=12u32) {
            prop_assert_eq!(PartialDate::year_month(y, m).unwrap(), format!("{y:04}-{m:02}").parse::<PartialDate>().unwrap());
        }
    }
}
