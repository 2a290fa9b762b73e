//! Dates as pages print them, in English, French and Spanish:
//! `26 TO 28 NOVEMBER 2024`, `October 15th, 2020`, `07th November`,
//! `29-30 July`, `30 November - 2 December 2024`, `15 de octubre de 2020`,
//! `du 3 au 5 mars 2021`, `in June this year`, and hedged or coarse dates:
//! `c. 1990`, `circa 1990`, `around 2004`, `the 1990s`.

use std::fmt;

use crate::printed::{Normalisation, Reading};
use crate::text::Excerpt;
use crate::value::{MonthDay, PartialDate, Qualifier};

/// How [`read_dates`] fills in what the text leaves out.
///
/// # Examples
///
/// ```
/// use migov::printed::{DateOptions, read_dates};
///
/// // "29-30 July" on a page dated 2015: the caller gives the year.
/// let dates = read_dates("29-30 July", &DateOptions::default().year(2015))?;
/// assert_eq!(dates.value().to_string(), "2015-07-29/2015-07-30");
///
/// // Without a year, the days are read as days of a month in no known year.
/// let dates = read_dates("29-30 July", &DateOptions::default())?;
/// assert_eq!(dates.value().to_string(), "--07-29/--07-30");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateOptions {
    year: Option<i32>,
}

impl DateOptions {
    /// The year the page speaks of (its own date, say): used where the text
    /// prints no year, and for "this year", "last year" and "next year".
    #[must_use]
    pub fn year(mut self, year: i32) -> Self {
        self.year = Some(year);
        self
    }
}

/// A date read from words: with its year, or a day of a month in no known year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateInWords {
    /// A date at the precision printed (`2020-10-15`, `2024-06`, `2024`).
    Date(PartialDate),
    /// A day of a month, the year neither printed nor given.
    NoYear(MonthDay),
}

impl fmt::Display for DateInWords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(date) => date.fmt(f),
            Self::NoYear(day) => day.fmt(f),
        }
    }
}

/// One date or a range of dates read by [`read_dates`].
///
/// `Display` prints one date as its strict form, a range as `start/end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DatesInWords {
    start: DateInWords,
    end: Option<DateInWords>,
}

impl DatesInWords {
    /// The first (or only) date.
    #[must_use]
    pub fn start(&self) -> DateInWords {
        self.start
    }

    /// The last date of a range; `None` for a single date.
    #[must_use]
    pub fn end(&self) -> Option<DateInWords> {
        self.end
    }
}

impl fmt::Display for DatesInWords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.start.fmt(f)?;
        if let Some(end) = self.end {
            write!(f, "/{end}")?;
        }
        Ok(())
    }
}

/// A text that [`read_dates`] could not read: the whole text, the word at
/// fault and why.
///
/// # Examples
///
/// ```
/// use migov::printed::{DateOptions, ReadDateErrorKind, read_dates};
///
/// let err = read_dates("07/11/2024", &DateOptions::default()).unwrap_err();
/// assert_eq!(*err.kind(), ReadDateErrorKind::NumericDate);
/// assert_eq!(err.part(), "07/11/2024");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot read date {input} at {part}: {kind}")]
pub struct ReadDateError {
    input: Excerpt,
    part: Excerpt,
    kind: ReadDateErrorKind,
}

impl ReadDateError {
    fn new(input: &str, part: &str, kind: ReadDateErrorKind) -> Self {
        Self {
            input: Excerpt::new(input),
            part: Excerpt::new(part),
            kind,
        }
    }

    /// The text given to [`read_dates`] (at most its first 64 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// The word at fault (at most its first 64 characters).
    #[must_use]
    pub fn part(&self) -> &str {
        self.part.as_str()
    }

    /// Why the text was refused.
    #[must_use]
    pub fn kind(&self) -> &ReadDateErrorKind {
        &self.kind
    }
}

/// Why [`read_dates`] refused a text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadDateErrorKind {
    /// No date in the text.
    Empty,
    /// A word that is not part of a date.
    UnknownWord,
    /// A date in digits only (`07/11/2024`): day and month could be either way round.
    NumericDate,
    /// Two days, two months or two years in one date, or a day with no month.
    Shape,
    /// The day does not exist in its month (`31 June 2024`) or the year is out of range.
    NoSuchDate,
    /// "this year" and the like, and the caller gave no year ([`DateOptions::year`]).
    NoYearGiven,
    /// The range ends before it starts.
    Reversed,
    /// A decade printed as `2000s` or `1900s`: ten years (`200X`) or a hundred
    /// (`20XX`)? Print the years or use the strict form.
    AmbiguousDecade,
    /// A hedged decade (`c. 1990s`): EDTF level 1, and so [`PartialDate`],
    /// has no form for an approximate decade.
    ApproximateDecade,
}

impl fmt::Display for ReadDateErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "no date",
            Self::UnknownWord => "not a word of a date",
            Self::NumericDate => {
                "a date in digits only is ambiguous (day and month); print the month in words or use the strict form YYYY-MM-DD"
            }
            Self::Shape => "expected a day, a month and a year at most once each, a day only with its month",
            Self::NoSuchDate => "no such date",
            Self::NoYearGiven => "a relative year needs the page's year (DateOptions::year)",
            Self::Reversed => "the range ends before it starts",
            Self::AmbiguousDecade => {
                "a year ending in 00 with s may be a decade or a century; print the years or use 200X or 20XX"
            }
            Self::ApproximateDecade => {
                "an approximate decade cannot be written as a date (EDTF level 1 has no 199X~)"
            }
        })
    }
}

/// Month names in English (with abbreviations), French and Spanish, lower case.
const MONTHS: [(&str, u32); 51] = [
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("enero", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("marzo", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("junio", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("julio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("diciembre", 12),
];

/// Words that join the two ends of a range.
const RANGE_WORDS: [&str; 8] = ["to", "until", "through", "au", "à", "al", "a", "hasta"];

/// Words with no meaning for the date itself.
const FILLER: [&str; 13] = [
    "from", "on", "in", "of", "the", "du", "le", "les", "en", "de", "del", "el", "la",
];

/// Relative years: the word before "year", and its offset.
const RELATIVE: [(&str, &str, i32); 6] = [
    ("this", "year", 0),
    ("last", "year", -1),
    ("next", "year", 1),
    ("cette", "année", 0),
    ("este", "año", 0),
    ("l'année", "dernière", -1),
];

/// Words that hedge the date after them: read as EDTF `~` (approximate).
/// "c" is "c." with its point dropped, "ca" is "ca.".
const APPROXIMATE: [&str; 11] = [
    "c",
    "ca",
    "circa",
    "around",
    "about",
    "approximately",
    "approx",
    "vers",
    "environ",
    "hacia",
    "alrededor",
];

/// Words before a year that make it a decade: "les années 1990", "la década de 1990".
const DECADE_WORDS: [&str; 2] = ["années", "década"];

/// A date as the words give it: each part at most once.
#[derive(Clone, Copy, Debug, Default)]
struct Parts {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    /// The year stands for its decade ("1990s").
    decade: bool,
    /// A hedging word came before the date ("c. 1990").
    approximate: bool,
}

/// Reads a date or a range of dates printed in words.
///
/// Accepted: a day (with `st`, `nd`, `rd`, `th`, `er` or `º`), a month name
/// (English, abbreviated English, French or Spanish, in any case, with or
/// without accents) and a four-digit year, in either order (`15 October 2020`,
/// `October 15th, 2020`, `15 de octubre de 2020`); a month and year, or a
/// year, alone; two such dates joined by `-`, `–`, `—`, `to`, `until`,
/// `au`, `al`, `a` or `hasta`, where the first takes the month and year it
/// leaves out from the second (`26 TO 28 NOVEMBER 2024`,
/// `30 November - 2 December 2024`); "this year", "last year", "next year",
/// "cette année", "este año" with [`DateOptions::year`]. A date with no year
/// takes [`DateOptions::year`] if given, and is otherwise a
/// [`DateInWords::NoYear`].
///
/// Hedged and coarse dates map to the EDTF forms of [`PartialDate`]:
///
/// - a hedging word before a date (`c.`, `ca.`, `circa`, `around`, `about`,
///   `approximately`, `approx.`, `vers`, `environ`, `hacia`, `alrededor de`)
///   makes it approximate: `c. 1990` → `1990~`, `around June 2004` →
///   `2004-06~`. Only the date the word comes before is hedged: in
///   `c. 1990 to 1995` the end `1995` stays exact.
/// - a decade: `1990s`, `1990's`, `les années 1990`, `la década de 1990` →
///   `199X` (1990 to 1999). `2000s` and `1900s` are refused
///   ([`ReadDateErrorKind::AmbiguousDecade`]): the ten years or the hundred?
///   `c. 1990s` is refused too ([`ReadDateErrorKind::ApproximateDecade`]), as
///   EDTF level 1 has no approximate decade. `the 90s` (no century) is not
///   read.
///
/// The [`Reading`] says what was assumed (a year taken from the other end of
/// the range or from the caller) and what was read as approximate or as a
/// decade.
///
/// # Errors
///
/// A [`ReadDateError`] naming the word at fault: no date, an unknown word, a
/// date in digits only (ambiguous), a part given twice, a day that does not
/// exist, a relative year with no year given, or a range that ends before it
/// starts.
///
/// # Examples
///
/// ```
/// use migov::printed::{DateOptions, read_dates};
///
/// let options = DateOptions::default();
/// for (printed, read) in [
///     ("26 TO 28 NOVEMBER 2024", "2024-11-26/2024-11-28"),
///     ("October 15th, 2020", "2020-10-15"),
///     ("30 November - 2 December 2024", "2024-11-30/2024-12-02"),
///     ("15 de octubre de 2020", "2020-10-15"),
///     ("du 3 au 5 mars 2021", "2021-03-03/2021-03-05"),
///     ("June 2024", "2024-06"),
///     ("c. 1990", "1990~"),
///     ("the 1990s", "199X"),
/// ] {
///     assert_eq!(read_dates(printed, &options)?.value().to_string(), read);
/// }
/// let this_year = DateOptions::default().year(2019);
/// assert_eq!(read_dates("in June this year", &this_year)?.value().to_string(), "2019-06");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_dates(
    text: &str,
    options: &DateOptions,
) -> Result<Reading<DatesInWords>, ReadDateError> {
    let fail = |part: &str, kind| ReadDateError::new(text, part, kind);
    let mut notes = Vec::new();
    let lower = text.to_lowercase();
    // Punctuation that only separates words.
    let spaced: String = lower
        .chars()
        .map(|c| {
            if matches!(c, ',' | '.') || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    // Dashes join a range: make them words of their own.
    let spaced = spaced.replace(['-', '–', '—'], " - ");
    let words: Vec<&str> = spaced.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Err(fail(text, ReadDateErrorKind::Empty));
    }

    let mut sides = vec![Parts::default()];
    let mut i = 0;
    while let Some(&word) = words.get(i) {
        i += 1;
        let Some(side) = sides.last_mut() else { break };
        if word == "-" || RANGE_WORDS.contains(&word) {
            if sides.len() > 1 {
                return Err(fail(word, ReadDateErrorKind::Shape));
            }
            sides.push(Parts::default());
            continue;
        }
        if FILLER.contains(&word) {
            continue;
        }
        if APPROXIMATE.contains(&word) {
            if side.approximate {
                return Err(fail(word, ReadDateErrorKind::Shape));
            }
            side.approximate = true;
            notes.push(Normalisation::Approximate {
                word: word.to_owned(),
            });
            continue;
        }
        if DECADE_WORDS.contains(&word) {
            side.decade = true;
            continue;
        }
        // "1990s", "1990's": a decade.
        if let Some(digits) = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .or_else(|| word.strip_suffix('s'))
            && digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            let year: i32 = digits
                .parse()
                .map_err(|_| fail(word, ReadDateErrorKind::NoSuchDate))?;
            if year % 100 == 0 {
                return Err(fail(word, ReadDateErrorKind::AmbiguousDecade));
            }
            if year % 10 != 0 {
                return Err(fail(word, ReadDateErrorKind::UnknownWord));
            }
            set(&mut side.year, year).map_err(|()| fail(word, ReadDateErrorKind::Shape))?;
            side.decade = true;
            continue;
        }
        if let Some(&(_, _, offset)) = RELATIVE
            .iter()
            .find(|(first, second, _)| *first == word && words.get(i) == Some(second))
        {
            i += 1;
            let year = options
                .year
                .ok_or_else(|| fail(word, ReadDateErrorKind::NoYearGiven))?;
            set(&mut side.year, year + offset)
                .map_err(|()| fail(word, ReadDateErrorKind::Shape))?;
            notes.push(Normalisation::YearFromCaller {
                year: year + offset,
            });
            continue;
        }
        if let Some(&(_, month)) = MONTHS.iter().find(|(name, _)| *name == word) {
            set(&mut side.month, month).map_err(|()| fail(word, ReadDateErrorKind::Shape))?;
            continue;
        }
        if word.contains('/') && word.chars().all(|c| c.is_ascii_digit() || c == '/') {
            return Err(fail(word, ReadDateErrorKind::NumericDate));
        }
        let digits = word
            .strip_suffix("st")
            .or_else(|| word.strip_suffix("nd"))
            .or_else(|| word.strip_suffix("rd"))
            .or_else(|| word.strip_suffix("th"))
            .or_else(|| word.strip_suffix("er"))
            .or_else(|| word.strip_suffix('º'))
            .or_else(|| word.strip_suffix('°'))
            .unwrap_or(word);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(fail(word, ReadDateErrorKind::UnknownWord));
        }
        let Ok(number) = digits.parse::<u32>() else {
            return Err(fail(word, ReadDateErrorKind::NoSuchDate));
        };
        if digits.len() == 4 && digits.len() == word.len() {
            let year =
                i32::try_from(number).map_err(|_| fail(word, ReadDateErrorKind::NoSuchDate))?;
            set(&mut side.year, year).map_err(|()| fail(word, ReadDateErrorKind::Shape))?;
        } else if digits.len() <= 2 && (1..=31).contains(&number) {
            set(&mut side.day, number).map_err(|()| fail(word, ReadDateErrorKind::Shape))?;
        } else {
            return Err(fail(word, ReadDateErrorKind::NoSuchDate));
        }
    }

    // The first end of a range takes what it leaves out from the second.
    if let [first, second] = sides.as_mut_slice() {
        if first.day.is_some() && first.month.is_none() {
            first.month = second.month;
        }
        if first.year.is_none()
            && let Some(year) = second.year
        {
            first.year = Some(year);
            notes.push(Normalisation::YearFromRange { year });
        }
    }
    let mut dates = Vec::with_capacity(2);
    for side in &mut sides {
        if side.year.is_none()
            && side.month.is_some()
            && let Some(year) = options.year
        {
            side.year = Some(year);
            notes.push(Normalisation::YearFromCaller { year });
        }
        let date = to_date(*side).map_err(|kind| fail(text, kind))?;
        if side.decade
            && let DateInWords::Date(d) = date
        {
            notes.push(Normalisation::Decade { decade: d });
        }
        dates.push(date);
    }
    let (start, end) = match dates.as_slice() {
        [one] => (*one, None),
        [start, end] => (*start, Some(*end)),
        _ => return Err(fail(text, ReadDateErrorKind::Shape)),
    };
    if let Some(end) = end {
        let reversed = match (start, end) {
            (DateInWords::Date(a), DateInWords::Date(b)) => {
                a.last_day() > b.last_day() && a.first_day() > b.first_day()
            }
            (DateInWords::NoYear(a), DateInWords::NoYear(b)) => a > b,
            _ => return Err(fail(text, ReadDateErrorKind::Shape)),
        };
        if reversed {
            return Err(fail(text, ReadDateErrorKind::Reversed));
        }
    }
    notes.dedup();
    Ok(Reading::new(DatesInWords { start, end }, notes))
}

/// Sets a part once: a second value is an error.
fn set<T>(slot: &mut Option<T>, value: T) -> Result<(), ()> {
    if slot.is_some() {
        return Err(());
    }
    *slot = Some(value);
    Ok(())
}

fn to_date(parts: Parts) -> Result<DateInWords, ReadDateErrorKind> {
    if parts.decade {
        return match parts {
            Parts {
                day: None,
                month: None,
                year: Some(year),
                approximate: false,
                ..
            } if year % 10 == 0 && year % 100 != 0 => PartialDate::decade_of(year)
                .map(DateInWords::Date)
                .map_err(|_| ReadDateErrorKind::NoSuchDate),
            Parts {
                year: Some(year), ..
            } if year % 100 == 0 => Err(ReadDateErrorKind::AmbiguousDecade),
            Parts {
                approximate: true,
                day: None,
                month: None,
                ..
            } => Err(ReadDateErrorKind::ApproximateDecade),
            _ => Err(ReadDateErrorKind::Shape),
        };
    }
    let qualifier = parts.approximate.then_some(Qualifier::Approximate);
    let date = match parts {
        Parts {
            day: Some(day),
            month: Some(month),
            year: Some(year),
            ..
        } => PartialDate::ymd(year, month, day),
        Parts {
            day: None,
            month: Some(month),
            year: Some(year),
            ..
        } => PartialDate::year_month(year, month),
        Parts {
            day: None,
            month: None,
            year: Some(year),
            ..
        } => PartialDate::year_only(year),
        Parts {
            day: Some(day),
            month: Some(month),
            year: None,
            approximate: false,
            ..
        } => {
            return MonthDay::new(month, day)
                .map(DateInWords::NoYear)
                .map_err(|_| ReadDateErrorKind::NoSuchDate);
        }
        Parts {
            day: None,
            month: None,
            year: None,
            ..
        } => return Err(ReadDateErrorKind::Empty),
        _ => return Err(ReadDateErrorKind::Shape),
    };
    date.and_then(|d| d.with_qualifier(qualifier))
        .map(DateInWords::Date)
        .map_err(|_| ReadDateErrorKind::NoSuchDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, options: &DateOptions) -> Result<String, (String, ReadDateErrorKind)> {
        read_dates(text, options)
            .map(|r| r.value().to_string())
            .map_err(|e| (e.part().to_owned(), e.kind().clone()))
    }

    #[test]
    fn printed_dates_from_event_pages_read_as_their_dates() {
        let none = DateOptions::default();
        for (printed, expected) in [
            ("26 TO 28 NOVEMBER 2024", "2024-11-26/2024-11-28"),
            ("October 15th, 2020", "2020-10-15"),
            ("07th  November", "--11-07"),
            ("29-30 July", "--07-29/--07-30"),
            ("29–30 July 2015", "2015-07-29/2015-07-30"),
            ("30 November - 2 December 2024", "2024-11-30/2024-12-02"),
            ("15 de octubre de 2020", "2020-10-15"),
            ("1er décembre 2008", "2008-12-01"),
            ("du 3 au 5 mars 2021", "2021-03-03/2021-03-05"),
            ("del 3 al 5 de marzo de 2021", "2021-03-03/2021-03-05"),
            ("Sept. 2019", "2019-09"),
            ("2001", "2001"),
            ("December 2007 to March 2008", "2007-12/2008-03"),
        ] {
            assert_eq!(read(printed, &none).as_deref(), Ok(expected), "{printed}");
        }
    }

    #[test]
    fn the_callers_year_fills_what_the_page_leaves_out() {
        let y = DateOptions::default().year(2015);
        assert_eq!(
            read("29-30 July", &y).as_deref(),
            Ok("2015-07-29/2015-07-30")
        );
        assert_eq!(read("in June this year", &y).as_deref(), Ok("2015-06"));
        assert_eq!(read("last year", &y).as_deref(), Ok("2014"));
        // A printed year wins over the caller's: nothing is assumed.
        let reading = read_dates("3 May 2010", &y).unwrap();
        assert_eq!(reading.value().to_string(), "2010-05-03");
        assert!(reading.notes().is_empty());
        let assumed = read_dates("3 May", &y).unwrap();
        assert_eq!(
            assumed.notes(),
            [Normalisation::YearFromCaller { year: 2015 }]
        );
        let ranged = read_dates("26 to 28 November 2024", &DateOptions::default()).unwrap();
        assert_eq!(
            ranged.notes(),
            [Normalisation::YearFromRange { year: 2024 }]
        );
    }

    #[test]
    fn what_cannot_be_read_is_refused_with_the_word_at_fault() {
        let none = DateOptions::default();
        assert_eq!(
            read("07/11/2024", &none),
            Err(("07/11/2024".into(), ReadDateErrorKind::NumericDate))
        );
        assert_eq!(
            read("31 June 2024", &none),
            Err(("31 June 2024".into(), ReadDateErrorKind::NoSuchDate))
        );
        assert_eq!(
            read("in June this year", &none),
            Err(("this".into(), ReadDateErrorKind::NoYearGiven))
        );
        assert_eq!(
            read("soon", &none),
            Err(("soon".into(), ReadDateErrorKind::UnknownWord))
        );
        assert_eq!(
            read("3 May 2010 2011", &none),
            Err(("2011".into(), ReadDateErrorKind::Shape))
        );
        assert_eq!(
            read("5 to 3 March 2021", &none),
            Err(("5 to 3 March 2021".into(), ReadDateErrorKind::Reversed))
        );
        assert_eq!(
            read("  ", &none),
            Err(("  ".into(), ReadDateErrorKind::Empty))
        );
        assert_eq!(
            read("1 - 2 - 3 May", &none).map_err(|e| e.1),
            Err(ReadDateErrorKind::Shape)
        );
        assert_eq!(
            read("15", &none).map_err(|e| e.1),
            Err(ReadDateErrorKind::Shape)
        );
    }

    #[test]
    fn hedged_dates_read_as_approximate_edtf_dates() {
        let none = DateOptions::default();
        for (printed, expected) in [
            ("c. 1990", "1990~"),
            ("C. 1990", "1990~"),
            ("ca. 1990", "1990~"),
            ("circa 1990", "1990~"),
            ("around 2004", "2004~"),
            ("about 2004", "2004~"),
            ("approximately June 2004", "2004-06~"),
            ("around 15 June 2004", "2004-06-15~"),
            ("vers 1990", "1990~"),
            ("hacia 1990", "1990~"),
            ("alrededor de 1990", "1990~"),
            ("c. 1990 to 1995", "1990~/1995"),
        ] {
            assert_eq!(read(printed, &none).as_deref(), Ok(expected), "{printed}");
        }
        let reading = read_dates("circa 1990", &none).unwrap();
        let DateInWords::Date(d) = reading.value().start() else {
            panic!("no year")
        };
        assert_eq!(d.qualifier(), Some(Qualifier::Approximate));
        assert_eq!(d.year(), 1990);
        assert_eq!(
            reading.notes(),
            [Normalisation::Approximate {
                word: "circa".into()
            }]
        );
    }

    #[test]
    fn printed_decades_read_as_edtf_decades() {
        let none = DateOptions::default();
        for (printed, expected) in [
            ("1990s", "199X"),
            ("the 1990s", "199X"),
            ("in the 1980's", "198X"),
            ("1970’s", "197X"),
            ("les années 1990", "199X"),
            ("la década de 1990", "199X"),
            ("1990s to 2010s", "199X/201X"),
        ] {
            assert_eq!(read(printed, &none).as_deref(), Ok(expected), "{printed}");
        }
        let reading = read_dates("the 1990s", &none).unwrap();
        let decade: PartialDate = "199X".parse().unwrap();
        assert_eq!(reading.value().start(), DateInWords::Date(decade));
        assert_eq!(reading.notes(), [Normalisation::Decade { decade }]);
        assert_eq!(
            reading.notes().first().map(ToString::to_string).as_deref(),
            Some("read the decade as 199X (1990 to 1999)")
        );
        // The ten years or the hundred? Refused, naming the word.
        assert_eq!(
            read("the 2000s", &none),
            Err(("2000s".into(), ReadDateErrorKind::AmbiguousDecade))
        );
        assert_eq!(
            read("les années 1900", &none).map_err(|e| e.1),
            Err(ReadDateErrorKind::AmbiguousDecade)
        );
        assert_eq!(
            read("c. 1990s", &none).map_err(|e| e.1),
            Err(ReadDateErrorKind::ApproximateDecade)
        );
        assert_eq!(
            read("1995s", &none),
            Err(("1995s".into(), ReadDateErrorKind::UnknownWord))
        );
        assert_eq!(
            read("June 1990s", &none).map_err(|e| e.1),
            Err(ReadDateErrorKind::Shape)
        );
        assert_eq!(
            read("the 90s", &none).map_err(|e| e.1),
            Err(ReadDateErrorKind::UnknownWord)
        );
    }

    proptest::proptest! {
        #[test]
        fn a_date_printed_in_english_words_reads_as_itself(
            year in 1900i32..2100, month in 1u32..=12, day in 1u32..=28, month_first in proptest::bool::ANY,
        ) {
            let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
            let name = names.get(month as usize - 1).copied().unwrap_or("January");
            let printed = if month_first { format!("{name} {day}, {year}") } else { format!("{day} {name} {year}") };
            let expected = PartialDate::ymd(year, month, day).unwrap();
            let read = read_dates(&printed, &DateOptions::default()).unwrap();
            proptest::prop_assert_eq!(read.value().start(), DateInWords::Date(expected));
            proptest::prop_assert_eq!(read.value().end(), None);
        }

        #[test]
        fn reading_never_panics_and_errors_stay_one_line(text in "\\PC{0,40}") {
            if let Err(err) = read_dates(&text, &DateOptions::default().year(2020)) {
                let shown = err.to_string();
                proptest::prop_assert!(!shown.contains('\n') && !shown.contains('\r'));
            }
        }
    }
}
