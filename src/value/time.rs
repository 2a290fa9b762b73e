//! Times of day ([`LocalTime`]) and days of the year ([`MonthDay`]).

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::Serialize;

use crate::text::Excerpt;

/// The value of two ASCII digits.
fn two_digits(tens: u8, ones: u8) -> u32 {
    u32::from(tens - b'0') * 10 + u32::from(ones - b'0')
}

/// A time of day to the minute, local to wherever it happens: `09:30`.
///
/// Agendas give times at the venue; migov keeps them as written and invents no
/// time zone.
///
/// # Syntax
///
/// Exactly `HH:MM` with ASCII digits, `00:00` to `23:59`. No seconds, no leap
/// second, no `24:00`, no single-digit hour. [`Display`](fmt::Display) prints the
/// same form, and serde reads and writes it as a JSON string.
///
/// # Ordering
///
/// Chronological within a day.
///
/// # Examples
///
/// ```
/// use migov::LocalTime;
///
/// let t: LocalTime = "09:30".parse()?;
/// assert_eq!((t.hour(), t.minute()), (9, 30));
/// assert_eq!(t.to_string(), "09:30");
/// assert!("9:30".parse::<LocalTime>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct LocalTime(
    // Invariant: whole minutes (no seconds, no leap second).
    NaiveTime,
);

/// The kind of problem a [`LocalTimeError`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LocalTimeErrorKind {
    /// The input is empty.
    Empty,
    /// The input is not `HH:MM` (`9:00`, `10:00:00`, `23:59:60`, ` 10:00`).
    Shape,
    /// The hour is above 23 (`24:00`).
    HourOutOfRange,
    /// The minute is above 59 (`10:60`).
    MinuteOutOfRange,
}

/// The error from parsing or building a [`LocalTime`].
///
/// # Examples
///
/// ```
/// use migov::{LocalTime, LocalTimeErrorKind};
///
/// let err = "24:00".parse::<LocalTime>().err().ok_or("accepted")?;
/// assert_eq!(err.kind(), LocalTimeErrorKind::HourOutOfRange);
/// assert_eq!(err.to_string(), r#"invalid time "24:00": hour must be 00 to 23"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid time {input}: {}", match kind {
    LocalTimeErrorKind::Empty => "empty, expected HH:MM",
    LocalTimeErrorKind::Shape => "expected HH:MM",
    LocalTimeErrorKind::HourOutOfRange => "hour must be 00 to 23",
    LocalTimeErrorKind::MinuteOutOfRange => "minute must be 00 to 59",
})]
pub struct LocalTimeError {
    input: Excerpt,
    kind: LocalTimeErrorKind,
}

impl LocalTimeError {
    /// The kind of problem.
    pub fn kind(&self) -> LocalTimeErrorKind {
        self.kind
    }

    /// The rejected input, cut to its first 64 characters if it was longer; for
    /// [`LocalTime::new`], the time it was given, written as `HH:MM`.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl LocalTime {
    fn build(hour: u32, minute: u32) -> Result<Self, LocalTimeErrorKind> {
        if hour > 23 {
            return Err(LocalTimeErrorKind::HourOutOfRange);
        }
        if minute > 59 {
            return Err(LocalTimeErrorKind::MinuteOutOfRange);
        }
        NaiveTime::from_hms_opt(hour, minute, 0)
            .map(Self)
            .ok_or(LocalTimeErrorKind::MinuteOutOfRange)
    }

    /// The time `hour:minute`.
    ///
    /// # Errors
    ///
    /// [`LocalTimeErrorKind::HourOutOfRange`] for an hour above 23
    /// (`LocalTime::new(24, 0)`); [`LocalTimeErrorKind::MinuteOutOfRange`] for a
    /// minute above 59.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::LocalTime;
    ///
    /// assert_eq!(LocalTime::new(9, 5)?.to_string(), "09:05");
    /// assert!(LocalTime::new(24, 0).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(hour: u32, minute: u32) -> Result<Self, LocalTimeError> {
        Self::build(hour, minute).map_err(|kind| LocalTimeError {
            input: Excerpt::new(&format!("{hour:02}:{minute:02}")),
            kind,
        })
    }

    /// The hour, `0..=23`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("14:30".parse::<migov::LocalTime>()?.hour(), 14);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hour(&self) -> u32 {
        self.0.hour()
    }

    /// The minute, `0..=59`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("14:30".parse::<migov::LocalTime>()?.minute(), 30);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn minute(&self) -> u32 {
        self.0.minute()
    }

    /// The same time as a chrono [`NaiveTime`] (seconds zero).
    ///
    /// # Examples
    ///
    /// ```
    /// let t: migov::LocalTime = "14:30".parse()?;
    /// assert_eq!(t.as_naive_time().to_string(), "14:30:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_naive_time(&self) -> NaiveTime {
        self.0
    }
}

impl From<LocalTime> for NaiveTime {
    fn from(t: LocalTime) -> Self {
        t.0
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl FromStr for LocalTime {
    type Err = LocalTimeError;

    /// Parses exactly `HH:MM`.
    ///
    /// # Errors
    ///
    /// [`LocalTimeError`] with kind
    /// - [`Empty`](LocalTimeErrorKind::Empty) for `""`;
    /// - [`Shape`](LocalTimeErrorKind::Shape) for another form: `9:00`, `10:0`,
    ///   `10:00:00`, `23:59:60`, `" 10:00"`;
    /// - [`HourOutOfRange`](LocalTimeErrorKind::HourOutOfRange) for `24:00`;
    /// - [`MinuteOutOfRange`](LocalTimeErrorKind::MinuteOutOfRange) for `10:60`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let error = |kind| LocalTimeError {
            input: Excerpt::new(s),
            kind,
        };
        match *s.as_bytes() {
            [] => Err(error(LocalTimeErrorKind::Empty)),
            [h0, h1, b':', m0, m1] if [h0, h1, m0, m1].iter().all(u8::is_ascii_digit) => {
                Self::build(two_digits(h0, h1), two_digits(m0, m1)).map_err(error)
            }
            _ => Err(error(LocalTimeErrorKind::Shape)),
        }
    }
}

impl TryFrom<&str> for LocalTime {
    type Error = LocalTimeError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`LocalTime::from_str`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for LocalTime {
    type Error = LocalTimeError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`LocalTime::from_str`].
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<LocalTime> for String {
    fn from(t: LocalTime) -> Self {
        t.to_string()
    }
}

/// A day of the year without a year: `--07-25` (25 July).
///
/// For recurring dates, and for sources that give the day and month of an event
/// but not its year. February 29 is allowed; [`MonthDay::in_year`] says whether a
/// given year has it.
///
/// # Syntax
///
/// Exactly `--MM-DD` (ISO 8601), with ASCII digits. [`Display`](fmt::Display)
/// prints the same form, and serde reads and writes it as a JSON string.
///
/// # Ordering
///
/// By month, then day: `--01-31` < `--02-01`.
///
/// # Examples
///
/// ```
/// use migov::MonthDay;
///
/// let d: MonthDay = "--07-25".parse()?;
/// assert_eq!((d.month(), d.day()), (7, 25));
/// assert_eq!(d.to_string(), "--07-25");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct MonthDay {
    // Invariant: month 1..=12, day 1..=days in that month (February: 29).
    month: u8,
    day: u8,
}

/// The kind of problem a [`MonthDayError`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MonthDayErrorKind {
    /// The input is empty.
    Empty,
    /// The input is not `--MM-DD` (`07-25`, `--7-25`, `--07-25 `).
    Shape,
    /// The month is outside `01` to `12` (`--13-01`).
    MonthOutOfRange,
    /// The day does not exist in its month in any year (`--02-30`, `--04-31`).
    DayOutOfRange,
}

/// The error from parsing or building a [`MonthDay`].
///
/// # Examples
///
/// ```
/// use migov::{MonthDay, MonthDayErrorKind};
///
/// let err = "--02-30".parse::<MonthDay>().err().ok_or("accepted")?;
/// assert_eq!(err.kind(), MonthDayErrorKind::DayOutOfRange);
/// assert_eq!(err.to_string(), r#"invalid month-day "--02-30": day must be 01 to 29"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct MonthDayError {
    input: Excerpt,
    kind: MonthDayErrorKind,
    /// The month's greatest day, for [`MonthDayErrorKind::DayOutOfRange`].
    max_day: u32,
}

impl MonthDayError {
    /// The kind of problem.
    pub fn kind(&self) -> MonthDayErrorKind {
        self.kind
    }

    /// The rejected input, cut to its first 64 characters if it was longer; for
    /// [`MonthDay::new`], the day it was given, written as `--MM-DD`.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl fmt::Display for MonthDayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid month-day {}: ", self.input)?;
        match self.kind {
            MonthDayErrorKind::Empty => f.write_str("empty, expected --MM-DD"),
            MonthDayErrorKind::Shape => f.write_str("expected --MM-DD"),
            MonthDayErrorKind::MonthOutOfRange => f.write_str("month must be 01 to 12"),
            MonthDayErrorKind::DayOutOfRange => write!(f, "day must be 01 to {:02}", self.max_day),
        }
    }
}

/// The greatest day of `month` in any year (February: 29); 0 outside 1..=12.
fn max_day_of(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    }
}

impl MonthDay {
    fn build(month: u32, day: u32) -> Result<Self, (MonthDayErrorKind, u32)> {
        let max = max_day_of(month);
        let (Ok(m), true) = (u8::try_from(month), max > 0) else {
            return Err((MonthDayErrorKind::MonthOutOfRange, 0));
        };
        match u8::try_from(day) {
            Ok(d) if (1..=max).contains(&day) => Ok(Self { month: m, day: d }),
            _ => Err((MonthDayErrorKind::DayOutOfRange, max)),
        }
    }

    fn error(input: &str, (kind, max_day): (MonthDayErrorKind, u32)) -> MonthDayError {
        MonthDayError {
            input: Excerpt::new(input),
            kind,
            max_day,
        }
    }

    /// The day `day` of `month`, in no particular year.
    ///
    /// # Errors
    ///
    /// [`MonthDayErrorKind::MonthOutOfRange`] for a month outside `1..=12`;
    /// [`MonthDayErrorKind::DayOutOfRange`] for a day the month never has
    /// (`MonthDay::new(2, 30)`; February 29 is fine).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::MonthDay;
    ///
    /// assert_eq!(MonthDay::new(2, 29)?.to_string(), "--02-29");
    /// assert!(MonthDay::new(2, 30).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(month: u32, day: u32) -> Result<Self, MonthDayError> {
        Self::build(month, day).map_err(|e| Self::error(&format!("--{month:02}-{day:02}"), e))
    }

    /// The month, `1..=12`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("--07-25".parse::<migov::MonthDay>()?.month(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("--07-25".parse::<migov::MonthDay>()?.day(), 25);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn day(&self) -> u32 {
        u32::from(self.day)
    }

    /// This day in `year`; `None` for February 29 in a common year (or a year
    /// chrono cannot represent).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::MonthDay;
    ///
    /// let leap_day: MonthDay = "--02-29".parse()?;
    /// assert_eq!(leap_day.in_year(2004).map(|d| d.to_string()), Some("2004-02-29".to_owned()));
    /// assert_eq!(leap_day.in_year(2001), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_year(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month(), self.day())
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--{:02}-{:02}", self.month, self.day)
    }
}

impl FromStr for MonthDay {
    type Err = MonthDayError;

    /// Parses exactly `--MM-DD`.
    ///
    /// # Errors
    ///
    /// [`MonthDayError`] with kind
    /// - [`Empty`](MonthDayErrorKind::Empty) for `""`;
    /// - [`Shape`](MonthDayErrorKind::Shape) for another form: `07-25`, `--7-25`,
    ///   `2001-07-25`;
    /// - [`MonthOutOfRange`](MonthDayErrorKind::MonthOutOfRange) for `--13-01`;
    /// - [`DayOutOfRange`](MonthDayErrorKind::DayOutOfRange) for `--02-30`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match *s.as_bytes() {
            [] => Err(Self::error(s, (MonthDayErrorKind::Empty, 0))),
            [b'-', b'-', m0, m1, b'-', d0, d1]
                if [m0, m1, d0, d1].iter().all(u8::is_ascii_digit) =>
            {
                Self::build(two_digits(m0, m1), two_digits(d0, d1)).map_err(|e| Self::error(s, e))
            }
            _ => Err(Self::error(s, (MonthDayErrorKind::Shape, 0))),
        }
    }
}

impl TryFrom<&str> for MonthDay {
    type Error = MonthDayError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`MonthDay::from_str`].
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for MonthDay {
    type Error = MonthDayError;

    /// Same as [`FromStr`].
    ///
    /// # Errors
    ///
    /// As [`MonthDay::from_str`].
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<MonthDay> for String {
    fn from(d: MonthDay) -> Self {
        d.to_string()
    }
}

crate::value::deserialize_from_str!(LocalTime, "a string");

crate::value::deserialize_from_str!(MonthDay, "a string");

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[track_caller]
    fn time_rejects(input: &str, kind: LocalTimeErrorKind, message: &str) {
        let err = input.parse::<LocalTime>().unwrap_err();
        assert_eq!(err.kind(), kind, "kind for {input:?}");
        assert_eq!(err.to_string(), message, "message for {input:?}");
        assert_eq!(LocalTime::try_from(input), Err(err.clone()));
        assert_eq!(LocalTime::try_from(input.to_owned()), Err(err));
    }

    #[track_caller]
    fn month_day_rejects(input: &str, kind: MonthDayErrorKind, message: &str) {
        let err = input.parse::<MonthDay>().unwrap_err();
        assert_eq!(err.kind(), kind, "kind for {input:?}");
        assert_eq!(err.to_string(), message, "message for {input:?}");
        assert_eq!(MonthDay::try_from(input), Err(err.clone()));
        assert_eq!(MonthDay::try_from(input.to_owned()), Err(err));
    }

    #[test]
    fn local_time_accepts_hh_mm() {
        for text in ["00:00", "09:00", "12:30", "23:59"] {
            assert_eq!(text.parse::<LocalTime>().unwrap().to_string(), text);
        }
        let t: LocalTime = "09:05".parse().unwrap();
        assert_eq!((t.hour(), t.minute()), (9, 5));
        assert_eq!(t.as_naive_time(), NaiveTime::from_hms_opt(9, 5, 0).unwrap());
        assert_eq!(NaiveTime::from(t), t.as_naive_time());
        assert_eq!(LocalTime::new(9, 5).unwrap(), t);
    }

    #[test]
    fn local_time_rejects_24_00() {
        time_rejects(
            "24:00",
            LocalTimeErrorKind::HourOutOfRange,
            r#"invalid time "24:00": hour must be 00 to 23"#,
        );
        time_rejects(
            "99:00",
            LocalTimeErrorKind::HourOutOfRange,
            r#"invalid time "99:00": hour must be 00 to 23"#,
        );
    }

    #[test]
    fn local_time_rejects_minute_60() {
        time_rejects(
            "10:60",
            LocalTimeErrorKind::MinuteOutOfRange,
            r#"invalid time "10:60": minute must be 00 to 59"#,
        );
    }

    #[test]
    fn local_time_rejects_other_shapes() {
        for input in [
            "9:00",
            "23:59:60",
            "10:00:00",
            "10:0",
            " 10:00",
            "10:00 ",
            "10h00",
            "1000",
            "+1:00",
            "１０:００",
        ] {
            time_rejects(
                input,
                LocalTimeErrorKind::Shape,
                &format!("invalid time {input:?}: expected HH:MM"),
            );
        }
        time_rejects(
            "",
            LocalTimeErrorKind::Empty,
            r#"invalid time "": empty, expected HH:MM"#,
        );
    }

    #[test]
    fn local_time_new_checks_like_parse() {
        let err = LocalTime::new(24, 0).unwrap_err();
        assert_eq!(err.kind(), LocalTimeErrorKind::HourOutOfRange);
        assert_eq!(err.input(), "24:00");
        assert_eq!(
            err.to_string(),
            r#"invalid time "24:00": hour must be 00 to 23"#
        );
        assert_eq!(
            LocalTime::new(10, 60).unwrap_err().kind(),
            LocalTimeErrorKind::MinuteOutOfRange
        );
    }

    #[test]
    fn local_time_serde_uses_hh_mm() {
        let t: LocalTime = serde_json::from_str(r#""09:00""#).unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), r#""09:00""#);
        let err = serde_json::from_str::<LocalTime>(r#""09:00:00""#).unwrap_err();
        assert!(
            err.to_string()
                .contains(r#"invalid time "09:00:00": expected HH:MM"#),
            "{err}"
        );
        assert_eq!(String::from(t), "09:00");
    }

    #[test]
    fn month_day_accepts_mm_dd() {
        for text in ["--01-01", "--07-25", "--02-29", "--12-31", "--04-30"] {
            assert_eq!(text.parse::<MonthDay>().unwrap().to_string(), text);
        }
        let d: MonthDay = "--07-25".parse().unwrap();
        assert_eq!((d.month(), d.day()), (7, 25));
        assert_eq!(MonthDay::new(7, 25).unwrap(), d);
        assert_eq!(d.in_year(2001), NaiveDate::from_ymd_opt(2001, 7, 25));
        let leap: MonthDay = "--02-29".parse().unwrap();
        assert_eq!(leap.in_year(2001), None);
        assert_eq!(leap.in_year(2000), NaiveDate::from_ymd_opt(2000, 2, 29));
    }

    #[test]
    fn month_day_rejects_days_no_year_has() {
        month_day_rejects(
            "--02-30",
            MonthDayErrorKind::DayOutOfRange,
            r#"invalid month-day "--02-30": day must be 01 to 29"#,
        );
        month_day_rejects(
            "--04-31",
            MonthDayErrorKind::DayOutOfRange,
            r#"invalid month-day "--04-31": day must be 01 to 30"#,
        );
        month_day_rejects(
            "--01-00",
            MonthDayErrorKind::DayOutOfRange,
            r#"invalid month-day "--01-00": day must be 01 to 31"#,
        );
    }

    #[test]
    fn month_day_rejects_month_13() {
        month_day_rejects(
            "--13-01",
            MonthDayErrorKind::MonthOutOfRange,
            r#"invalid month-day "--13-01": month must be 01 to 12"#,
        );
        month_day_rejects(
            "--00-01",
            MonthDayErrorKind::MonthOutOfRange,
            r#"invalid month-day "--00-01": month must be 01 to 12"#,
        );
    }

    #[test]
    fn month_day_rejects_other_shapes() {
        for input in [
            "07-25",
            "--7-25",
            "--07-5",
            "2001-07-25",
            " --07-25",
            "--07-25 ",
            "--0725",
            "-07-25",
        ] {
            month_day_rejects(
                input,
                MonthDayErrorKind::Shape,
                &format!("invalid month-day {input:?}: expected --MM-DD"),
            );
        }
        month_day_rejects(
            "",
            MonthDayErrorKind::Empty,
            r#"invalid month-day "": empty, expected --MM-DD"#,
        );
    }

    #[test]
    fn month_day_new_checks_like_parse() {
        let err = MonthDay::new(2, 30).unwrap_err();
        assert_eq!(err.input(), "--02-30");
        assert_eq!(
            err.to_string(),
            r#"invalid month-day "--02-30": day must be 01 to 29"#
        );
        let err = MonthDay::new(300, 1).unwrap_err();
        assert_eq!(err.kind(), MonthDayErrorKind::MonthOutOfRange);
        let err = MonthDay::new(1, 300).unwrap_err();
        assert_eq!(err.kind(), MonthDayErrorKind::DayOutOfRange);
    }

    #[test]
    fn month_day_serde_uses_iso_form() {
        let d: MonthDay = serde_json::from_str(r#""--07-25""#).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), r#""--07-25""#);
        assert!(serde_json::from_str::<MonthDay>(r#""07-25""#).is_err());
        assert_eq!(String::from(d), "--07-25");
    }

    #[test]
    fn errors_bound_huge_input() {
        let huge = "1".repeat(50_000_000);
        assert!(huge.parse::<LocalTime>().unwrap_err().to_string().len() < 200);
        assert!(huge.parse::<MonthDay>().unwrap_err().to_string().len() < 200);
    }

    #[test]
    fn public_types_are_send_sync_debug() {
        fn check<T: Send + Sync + std::fmt::Debug>() {}
        check::<LocalTime>();
        check::<LocalTimeError>();
        check::<LocalTimeErrorKind>();
        check::<MonthDay>();
        check::<MonthDayError>();
        check::<MonthDayErrorKind>();
    }

    fn local_time() -> impl Strategy<Value = LocalTime> {
        (0..=23u32, 0..=59u32).prop_map(|(h, m)| LocalTime::new(h, m).unwrap())
    }

    fn month_day() -> impl Strategy<Value = MonthDay> {
        (1..=12u32)
            .prop_flat_map(|m| (Just(m), 1..=max_day_of(m)))
            .prop_map(|(m, d)| MonthDay::new(m, d).unwrap())
    }

    proptest! {
        #[test]
        fn local_time_round_trips(t in local_time()) {
            let back: LocalTime = t.to_string().parse().unwrap();
            prop_assert_eq!(back, t);
            prop_assert_eq!(back.to_string(), t.to_string());
            let json = serde_json::to_string(&t).unwrap();
            prop_assert_eq!(serde_json::from_str::<LocalTime>(&json).unwrap(), t);
        }

        #[test]
        fn local_time_order_is_chronological(a in local_time(), b in local_time()) {
            prop_assert_eq!(a.cmp(&b), (a.hour(), a.minute()).cmp(&(b.hour(), b.minute())));
            prop_assert_eq!(a.cmp(&b).is_eq(), a == b);
        }

        #[test]
        fn month_day_round_trips(d in month_day()) {
            let back: MonthDay = d.to_string().parse().unwrap();
            prop_assert_eq!(back, d);
            prop_assert_eq!(back.to_string(), d.to_string());
            let json = serde_json::to_string(&d).unwrap();
            prop_assert_eq!(serde_json::from_str::<MonthDay>(&json).unwrap(), d);
            prop_assert!(d.in_year(2000).is_some());
        }

        #[test]
        fn month_day_order_is_by_month_then_day(a in month_day(), b in month_day()) {
            prop_assert_eq!(a.cmp(&b), (a.month(), a.day()).cmp(&(b.month(), b.day())));
        }

        #[test]
        fn parsers_never_panic(s in "\\PC{0,10}") {
            if let Ok(t) = s.parse::<LocalTime>() {
                prop_assert_eq!(t.to_string(), s.clone());
            }
            if let Ok(d) = s.parse::<MonthDay>() {
                prop_assert_eq!(d.to_string(), s);
            }
        }
    }
}
