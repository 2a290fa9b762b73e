//! Value types: countries, partial dates, periods, money, identifiers and sources.

/// Implements `Deserialize` from a JSON string through `FromStr`, reading the
/// borrowed text (no allocation); errors carry the `FromStr` error's message.
macro_rules! deserialize_from_str {
    ($ty:ty, $expecting:literal) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct TextVisitor;
                impl serde::de::Visitor<'_> for TextVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(TextVisitor)
            }
        }
    };
}
pub(crate) use deserialize_from_str;

mod claim;
mod country;
mod currency;
mod id;
mod idf_code;
mod language;
mod money;
mod partial_date;
mod period;
mod prima_id;
mod source;
mod time;

// Re-exports (each module adds its public types here).
pub use claim::{Alternative, Claimed};
pub use country::{CountryCode, CountryCodeError, CountryCodeErrorKind};
// Generic name folding, shared with the dataset's name index.
pub(crate) use country::normalize_name;
pub use currency::{Currency, CurrencyError};
pub use id::{EventId, IdError, IdErrorReason, PartnerId, ProcessId, ProjectId};
pub use idf_code::{IdfCode, IdfCodeError, IdfCodeForm};
pub use language::{Language, LanguageError};
pub(crate) use money::AmountText;
pub use money::{Money, MoneyError, Totals};
pub use partial_date::{PartialDate, PartialDateError, PartialDateErrorKind, Precision, Qualifier};
pub use period::{Period, PeriodEnd, PeriodError, PeriodErrorKind, Truth, TruthError};
pub use prima_id::{PrimaId, PrimaIdError};
pub(crate) use source::Sources;
pub use source::{Source, SourceError, SourceErrorKind};
pub use time::{
    LocalTime, LocalTimeError, LocalTimeErrorKind, MonthDay, MonthDayError, MonthDayErrorKind,
};

use std::fmt;

/// A bounded excerpt of user input, for error messages.
///
/// Hostile input can be megabytes long; an error message shows at most
/// [`Excerpt::MAX_CHARS`] characters of it, then how long the whole input was.
/// `Display` and `Debug` both print the excerpt quoted, as `{:?}` prints a string.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Excerpt {
    head: String,
    total_bytes: usize,
}

impl Excerpt {
    /// The most characters of an input that an error message shows.
    pub(crate) const MAX_CHARS: usize = 64;

    /// Keeps at most [`Excerpt::MAX_CHARS`] characters of `input`.
    pub(crate) fn new(input: &str) -> Self {
        let head: String = input.chars().take(Self::MAX_CHARS).collect();
        Self {
            head,
            total_bytes: input.len(),
        }
    }

    /// Whether the whole input is kept.
    pub(crate) fn is_whole(&self) -> bool {
        self.head.len() == self.total_bytes
    }

    /// The kept text (the whole input when [`Excerpt::is_whole`]).
    pub(crate) fn as_str(&self) -> &str {
        &self.head
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_whole() {
            write!(f, "{:?}", self.head)
        } else {
            write!(f, "{:?}… ({} bytes in all)", self.head, self.total_bytes)
        }
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Whether `c` must not reach a message as itself: a control character
/// (C0, DEL and C1, NEL among them), a line or paragraph separator, a
/// bidirectional control or mark, or an invisible format character. Any of
/// these could forge a line of a report, hide text or reorder it.
pub(crate) fn is_unsafe_in_messages(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// `text` with every character that [`is_unsafe_in_messages`] names written
/// as `\u{XXXX}`, so that a message built from input is one visible line.
/// Text without such characters is returned as it is.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_in_messages) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_in_messages(c) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::Excerpt;

    #[test]
    fn excerpt_keeps_short_input_whole() {
        let e = Excerpt::new("E40-800");
        assert!(e.is_whole());
        assert_eq!(e.to_string(), "\"E40-800\"");
    }

    #[test]
    fn excerpt_bounds_long_input() {
        let long = "é".repeat(10_000);
        let e = Excerpt::new(&long);
        assert!(!e.is_whole());
        assert_eq!(e.as_str().chars().count(), Excerpt::MAX_CHARS);
        assert!(e.to_string().ends_with("(20000 bytes in all)"));
        assert!(e.to_string().len() < 200);
    }
}
