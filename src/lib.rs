//! migov: typed, validated data on how international migration is governed.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod codelist;
mod value;

pub use value::{
    Currency, CurrencyError, EventId, IdError, IdErrorReason, IdfCode, IdfCodeError, IdfCodeForm,
    Money, MoneyError, PartnerId, ProcessId, ProjectId, Source, SourceError, SourceErrorKind,
    Totals,
};
