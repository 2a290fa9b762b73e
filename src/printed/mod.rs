//! Readers for values as public pages print them.
//!
//! The strict parsers of the value types (`"120000 USD".parse::<Money>()`, and the JSON format) accept one
//! written form per value: `120000 USD`, `2024-11-26`. Real pages print
//! `USD 120,000`, `US$ 1.2 million` or `120 000 USD`. The readers of this
//! module are a separate, explicit layer beside the strict parsers: they
//! accept the printed forms, and return the typed value together with every
//! step they took to get there ([`Reading::notes`]), so a caller can show
//! what was normalised or assumed. Where a printed form has more than one
//! reading (`$` alone, a bare `50,000`), the reader refuses it unless the
//! caller says how to read it; it never guesses.
//!
//! | reader | reads | into |
//! |---|---|---|
//! | [`read_amount`] | `USD 120,000`, `US$ 1.2 million`, `CHF 1'000` | [`Money`](crate::value::Money) |
//! | [`read_dates`] | `26 TO 28 NOVEMBER 2024`, `c. 1990` (`1990~`), `the 1990s` (`199X`) | [`DatesInWords`] |
//! | [`read_country`] | `Republic of Kenya`, `Congo, Dem. Rep.`, `Kosovo*` | [`CountryCode`](crate::value::CountryCode) |
//! | [`read_state_list`] | `15 States: Benin, Togo and Kosovo*`, bulleted lines | [`StateList`] (codes and stated count) |
//!
//! # Example
//!
//! ```
//! use migov::printed::{AmountOptions, read_amount};
//!
//! let reading = read_amount("USD 1.2 million", &AmountOptions::default())?;
//! assert_eq!(reading.value().to_string(), "1200000 USD");
//! for note in reading.notes() {
//!     println!("{note}"); // "read \"million\" as × 1000000"
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod amount;
mod country;
mod date;
mod states;

pub use amount::{AmountOptions, DecimalMark, ReadAmountError, ReadAmountErrorKind, read_amount};
pub use country::{ReadCountryError, ReadCountryErrorKind, read_country};
pub use date::{
    DateInWords, DateOptions, DatesInWords, ReadDateError, ReadDateErrorKind, read_dates,
};
pub use states::{ReadStateListError, ReadStateListErrorKind, StateList, read_state_list};

use std::fmt;

/// A value read from printed text, with what the reader normalised or assumed.
///
/// # Examples
///
/// ```
/// use migov::printed::{AmountOptions, Normalisation, read_amount};
///
/// let reading = read_amount("EUR 1,492,457", &AmountOptions::default())?;
/// assert_eq!(reading.value().to_string(), "1492457 EUR");
/// assert!(reading.notes().contains(&Normalisation::GroupingRemoved { separator: ',' }));
/// let (money, notes) = reading.into_parts();
/// assert_eq!(money.currency().code(), "EUR");
/// assert_eq!(notes.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading<T> {
    value: T,
    notes: Vec<Normalisation>,
}

impl<T> Reading<T> {
    pub(crate) fn new(value: T, notes: Vec<Normalisation>) -> Self {
        Self { value, notes }
    }

    /// The typed value.
    #[must_use]
    pub fn value(&self) -> &T {
        &self.value
    }

    /// What the reader normalised or assumed, in the order it did so; empty
    /// when the text was already in the strict form.
    #[must_use]
    pub fn notes(&self) -> &[Normalisation] {
        &self.notes
    }

    /// The value and the notes.
    #[must_use]
    pub fn into_parts(self) -> (T, Vec<Normalisation>) {
        (self.value, self.notes)
    }
}

/// One step a reader took between the printed text and the typed value.
///
/// `Display` gives a short sentence for people, as `read "US$" as USD`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Normalisation {
    /// Space around the text, or runs of spaces (including no-break and thin
    /// spaces) inside it, were dropped or folded.
    SpaceFolded,
    /// A currency symbol or prefixed symbol was read as a currency.
    CurrencySymbol {
        /// The symbol as printed (`US$`, `€`, `$`).
        symbol: String,
        /// The currency it was read as.
        currency: crate::value::Currency,
        /// Whether the reading came from the caller ([`AmountOptions::dollar_means`])
        /// rather than from the symbol alone.
        told_by_caller: bool,
    },
    /// A currency code written in lower or mixed case (`usd`) was read as the code.
    CurrencyCodeCase {
        /// The code as printed.
        printed: String,
    },
    /// The text had no currency; the caller's currency was used
    /// ([`AmountOptions::currency`]), as for a bare amount next to a currency label.
    CurrencyFromCaller {
        /// The currency used.
        currency: crate::value::Currency,
    },
    /// Thousands separators were removed.
    GroupingRemoved {
        /// The separator as printed (`,`, `.`, `'`, `’` or a space).
        separator: char,
    },
    /// A decimal comma was read as the decimal point.
    DecimalComma,
    /// A date with no printed year took the year of the other end of its
    /// range (`26 to 28 November 2024`).
    YearFromRange {
        /// The year taken.
        year: i32,
    },
    /// A date with no printed year, or a relative year ("this year"), took
    /// the caller's year ([`DateOptions::year`]).
    YearFromCaller {
        /// The year used.
        year: i32,
    },
    /// A footnote mark after a name (`Kosovo*`) was dropped.
    FootnoteMarkDropped,
    /// A possessive `'s` after a name (`Tunisia's`) was dropped.
    PossessiveDropped,
    /// A name was read in another form (a World Bank order turned round, an
    /// official long form shortened, `St.` written out).
    NameRewritten {
        /// The form that was read.
        form: String,
    },
    /// A former name was read as the one state that succeeded it, as `Zaire`.
    HistoricName {
        /// The former name as printed.
        former: String,
        /// The successor state.
        successor: crate::value::CountryCode,
    },
    /// A hedging word (`c.`, `circa`, `around`) made the date after it
    /// approximate (EDTF `~`).
    Approximate {
        /// The word as printed, in lower case and without its point (`c`, `circa`).
        word: String,
    },
    /// A decade as printed (`1990s`, `les années 1990`) was read as the
    /// EDTF decade.
    Decade {
        /// The decade read (`199X`).
        decade: crate::value::PartialDate,
    },
    /// A bullet or a number before a name of a list (`•`, `-`, `1.`) was dropped.
    BulletDropped,
    /// A count the list states of itself ("15 States") was kept as its
    /// stated count.
    StatedCount {
        /// The count.
        count: u32,
    },
    /// A heading of a list without a count ("Member States:") was dropped.
    HeadingDropped {
        /// The heading as printed.
        heading: String,
    },
    /// A step taken for one name of a list.
    InName {
        /// The name as printed in the list.
        name: String,
        /// The step.
        note: Box<Normalisation>,
    },
    /// A state the list names twice was kept once.
    DuplicateDropped {
        /// The state.
        code: crate::value::CountryCode,
    },
    /// The list names another number of states than it states ("15 States"
    /// above 4 names); both are kept.
    CountDiffers {
        /// The count stated.
        stated: u32,
        /// The states named.
        named: usize,
    },
    /// A word such as `million` multiplied the number.
    Multiplier {
        /// The word as printed.
        word: String,
        /// The factor it stands for.
        factor: u64,
    },
}

impl fmt::Display for Normalisation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SpaceFolded => f.write_str("folded spaces"),
            Self::CurrencySymbol {
                symbol,
                currency,
                told_by_caller,
            } => {
                write!(f, "read {symbol:?} as {currency}")?;
                if *told_by_caller {
                    f.write_str(" (as the caller said)")?;
                }
                Ok(())
            }
            Self::CurrencyCodeCase { printed } => {
                write!(f, "read {printed:?} as {:?}", printed.to_ascii_uppercase())
            }
            Self::CurrencyFromCaller { currency } => {
                write!(
                    f,
                    "no currency printed: used {currency}, as the caller said"
                )
            }
            Self::GroupingRemoved { separator } => {
                write!(f, "removed the thousands separator {separator:?}")
            }
            Self::DecimalComma => f.write_str("read the decimal comma as a decimal point"),
            Self::YearFromRange { year } => {
                write!(
                    f,
                    "no year printed: took {year} from the other end of the range"
                )
            }
            Self::YearFromCaller { year } => write!(f, "used the year {year}, as the caller said"),
            Self::FootnoteMarkDropped => f.write_str("dropped a footnote mark"),
            Self::PossessiveDropped => f.write_str("dropped a possessive 's"),
            Self::NameRewritten { form } => write!(f, "read the name as {form:?}"),
            Self::HistoricName { former, successor } => {
                write!(
                    f,
                    "{former:?} is a former name: read as its successor, {}",
                    successor.name()
                )
            }
            Self::Multiplier { word, factor } => write!(f, "read {word:?} as × {factor}"),
            Self::BulletDropped => f.write_str("dropped the bullets or numbers before the names"),
            Self::StatedCount { count } => write!(f, "kept the stated count of {count} states"),
            Self::HeadingDropped { heading } => write!(f, "dropped the heading {heading:?}"),
            Self::InName { name, note } => write!(f, "{name:?}: {note}"),
            Self::DuplicateDropped { code } => {
                write!(f, "{} is named twice: kept once", code.alpha3())
            }
            Self::CountDiffers { stated, named } => write!(
                f,
                "the list states {stated} states but names {named}: both kept"
            ),
            Self::Approximate { word } => {
                write!(
                    f,
                    "read {word:?} as approximate: the date after it is marked ~"
                )
            }
            Self::Decade { decade } => write!(
                f,
                "read the decade as {decade} ({} to {})",
                decade.year(),
                decade.year() + 9
            ),
        }
    }
}
