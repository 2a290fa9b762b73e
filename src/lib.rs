//! migov: typed, validated data on how international migration is governed.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod codelist;
mod value;

pub use value::{CountryCode, CountryCodeError, CountryCodeErrorKind};
pub use value::{
    LocalTime, LocalTimeError, LocalTimeErrorKind, MonthDay, MonthDayError, MonthDayErrorKind,
    PartialDate, PartialDateError, PartialDateErrorKind, Period, PeriodError, PeriodErrorKind,
    Precision, Truth, TruthError,
};
