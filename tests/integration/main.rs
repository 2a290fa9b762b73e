//! Integration tests of migov, in one binary (STYLE.md section 11): one module per area.

// A test binary: helpers outside `#[test]` functions may panic on bad data too.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod auto_traits;
mod budget_totals;
mod entity_serde;
// The benches' seeded generator of datasets at any scale.
#[path = "../../benches/support/generate.rs"]
mod generate;
mod hostile_input;
mod json_load;
mod large;
mod roundtrip;
mod util;
