//! Dates known to the year, the month or the day: [`PartialDate`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::Excerpt;

/// How much of a [`PartialDate`] is known.
///
/// # Ordering
///
/// Coarser first: `Year` < `Month` < `Day`.
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, Precision};
///
/// let d: PartialDate = "2001-10".parse()?;
/// assert_eq!(d.precision(), Precision::Month);
/// assert!(Precision::Year < Precision::Day);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known: `2001`.
    Year,
    /// The year and the month are known: `2001-10`.
    Month,
    /// The exact day is known: `2001-10-03`.
    Day,
}

/// A date known to the year, the month or the day: `2001`, `2001-10`, `2001-10-03`.
///
/// Sources often give only a year ("MIDWA was launched in 2001") or a month. A
/// `PartialDate` keeps exactly what the source says and never pads: `2001` stays a
/// year and is not turned into `2001-01-01`. It stands for a span of days, from
/// [`first_day`](PartialDate::first_day) to [`last_day`](PartialDate::last_day).
///
/// # Syntax
///
/// Exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601 calendar dates and their
/// reduced precisions), with ASCII digits, years `0001` to `9999`, and no signs,
/// spaces or other separators. [`Display`](fmt::Display) prints the same form, and
/// serde reads and writes it as a JSON string.
///
/// # Ordering
///
/// `Ord` is a total order that sorts by first day, coarser first:
/// `2001` < `2001-01` < `2001-01-01` < `2001-01-02` < `2001-02` < `2002`.
/// It is meant for sorting and for `BTreeMap` keys. It does **not** answer "was this
/// before that?": `2001` sorts before `2001-06-15`, yet the year 2001 does not lie
/// wholly before that day. Ask [`PartialDate::cmp_known`] for that.
///
/// # Examples
///
/// ```
/// use migov::{PartialDate, Precision};
///
/// let d: PartialDate = "2001".parse()?;
/// assert_eq!(d.precision(), Precision::Year);
/// assert_eq!(d.to_string(), "2001");
/// assert_eq!(d.last_day().to_string(), "2001-12-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct PartialDate {
    // Invariant: year in 1..=9999; the first day of its year (Year) or month (Month).
    // Field order gives the documented `Ord`.
    first: NaiveDate,
    precision: Precision,
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
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PartialDateErrorKind {
    /// The input is empty.
    Empty,
    /// The input is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`2001-1`, `2001/10`, ` 2001`).
    Shape,
    /// The year is outside `0001` to `9999` (`0000`, `10000`).
    YearOutOfRange,
    /// The month is outside `01` to `12` (`2001-13`).
    MonthOutOfRange,
    /// The day does not exist in its month (`2001-02-29`, `2001-04-31`).
    DayOutOfRange,
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
            (PartialDateErrorKind::Shape, _) => f.write_str("expected YYYY, YYYY-MM or YYYY-MM-DD"),
            (PartialDateErrorKind::YearOutOfRange, _) => f.write_str("year must be 0001 to 9999"),
            (PartialDateErrorKind::MonthOutOfRange, _) => f.write_str("month must be 01 to 12"),
            (PartialDateErrorKind::DayOutOfRange, Some(max)) => {
                write!(f, "day must be 01 to {max:02}")
            }
            (PartialDateErrorKind::DayOutOfRange, None) => {
                f.write_str("day does not exist in that month")
            }
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

impl PartialDate {
    /// The one validating path: every constructor and `FromStr` end here.
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
        Ok(Self { first, precision })
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

    /// How much of the date is known.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{PartialDate, Precision};
    ///
    /// assert_eq!("2001-10-03".parse::<PartialDate>()?.precision(), Precision::Day);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The year, `1..=9999`.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// assert_eq!("2001-10".parse::<PartialDate>()?.year(), 2001);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year(&self) -> i32 {
        self.first.year()
    }

    /// The month, `1..=12`, if known.
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

    /// The day of the month, if known.
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

    /// The first day this date may stand for: `2001` → 2001-01-01.
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

    /// The last day this date may stand for: `2001` → 2001-12-31, `2004-02` → 2004-02-29.
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

    /// The exact day, if the date is known to the day.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::PartialDate;
    ///
    /// let d: PartialDate = "2001-10-03".parse()?;
    /// assert_eq!(d.to_date().map(|d| d.to_string()), Some("2001-10-03".to_owned()));
    /// assert_eq!("2001-10".parse::<PartialDate>()?.to_date(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_date(&self) -> Option<NaiveDate> {
        (self.precision == Precision::Day).then_some(self.first)
    }

    /// Whether `day` is one of the days this date may stand for.
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
    ///   (`self.last_day() < other.first_day()`): `2001` vs `2002-03`.
    /// - `Some(Greater)` when every day of `self` is after every day of `other`.
    /// - `Some(Equal)` only for the same date known to the day: `2001-10-03` vs `2001-10-03`.
    /// - `None` otherwise, when the spans overlap and the answer depends on the
    ///   unknown part: `2001` vs `2001-06`, and also `2001` vs `2001`.
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
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cmp_known(&self, other: &Self) -> Option<Ordering> {
        // Each date's days lie within its year: different years decide alone.
        let (year, other_year) = (self.first.year(), other.first.year());
        if year != other_year {
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
            Precision::Year => write!(f, "{y:04}"),
            Precision::Month => write!(f, "{y:04}-{m:02}"),
            Precision::Day => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

impl FromStr for PartialDate {
    type Err = PartialDateError;

    /// Parses exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// [`PartialDateError`] with kind
    /// - [`Empty`](PartialDateErrorKind::Empty) for `""`;
    /// - [`Shape`](PartialDateErrorKind::Shape) for any other form: `2001-1`,
    ///   `2001-1-1`, `01-2001`, `2001/10`, `" 2001-01-01"`, `+2001-01-01`,
    ///   non-ASCII digits;
    /// - [`YearOutOfRange`](PartialDateErrorKind::YearOutOfRange) for `0000`, `10000`;
    /// - [`MonthOutOfRange`](PartialDateErrorKind::MonthOutOfRange) for `2001-13`;
    /// - [`DayOutOfRange`](PartialDateErrorKind::DayOutOfRange) for `2001-02-29`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        if bytes.is_empty() {
            return Err(PartialDateError::new(s, PartialDateErrorKind::Empty));
        }
        let shape = || PartialDateError::new(s, PartialDateErrorKind::Shape);
        let year_len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let (year_digits, rest) = bytes.split_at_checked(year_len).ok_or_else(shape)?;
        let (month, day) = match *rest {
            [] => (None, None),
            [b'-', m0, m1] if m0.is_ascii_digit() && m1.is_ascii_digit() => {
                (Some(digits_value(&[m0, m1])), None)
            }
            [b'-', m0, m1, b'-', d0, d1] if [m0, m1, d0, d1].iter().all(u8::is_ascii_digit) => {
                (Some(digits_value(&[m0, m1])), Some(digits_value(&[d0, d1])))
            }
            _ => return Err(shape()),
        };
        match year_len {
            4 => {}
            0..4 => return Err(shape()),
            _ => {
                return Err(PartialDateError::new(
                    s,
                    PartialDateErrorKind::YearOutOfRange,
                ));
            }
        }
        let year = i32::try_from(digits_value(year_digits)).map_err(|_| shape())?;
        Self::build(year, month, day).map_err(|(kind, max_day)| PartialDateError {
            input: Excerpt::new(s),
            kind,
            max_day,
        })
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

    use super::{PartialDate, days_in_month};
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

    /// Any valid partial date, at any precision.
    pub(crate) fn partial_date() -> impl Strategy<Value = PartialDate> {
        let by_year = year().prop_map(|y| PartialDate::year_only(y).unwrap());
        let by_month =
            (year(), 1..=12u32).prop_map(|(y, m)| PartialDate::year_month(y, m).unwrap());
        let by_day = (year(), 1..=12u32)
            .prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in_month(y, m)))
            .prop_map(|(y, m, d)| PartialDate::ymd(y, m, d).unwrap());
        prop_oneof![by_year, by_month, by_day]
    }

    /// Any valid period: unknown or known start, open or known end, never ending
    /// definitely before it starts (such pairs are swapped, not filtered out).
    pub(crate) fn period() -> impl Strategy<Value = Period> {
        (
            proptest::option::of(partial_date()),
            proptest::option::of(partial_date()),
        )
            .prop_map(|(start, end)| match (start, end) {
                (Some(s), Some(e)) if e.cmp_known(&s) == Some(std::cmp::Ordering::Less) => {
                    Period::new(Some(e), Some(s)).unwrap()
                }
                _ => Period::new(start, end).unwrap(),
            })
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
            let message = format!("invalid date {input:?}: expected YYYY, YYYY-MM or YYYY-MM-DD");
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
        assert!(err.to_string().len() < 200);
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
    fn public_types_are_send_sync_debug() {
        fn check<T: Send + Sync + std::fmt::Debug>() {}
        check::<PartialDate>();
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
            let expected = if a.last_day() < b.first_day() {
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
