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

mod answer;
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
pub use answer::Answer;
pub(crate) use answer::distinct;
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
