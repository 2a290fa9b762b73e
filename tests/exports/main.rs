//! The exports of `migov::export`, checked against the standards' own
//! schemas and validators where there are such (see each module).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[cfg(feature = "csv")]
mod csv;
mod iati;
mod jsonld;
mod popolo;
mod small;
