//! The embedded reference dataset, built from public IOM pages and other
//! public sources; every record names its sources.
//!
//! The data file (`data/reference.json`, in migov's own format) is embedded
//! in the library. It is parsed and validated once, on first use, by the same
//! loader users call, and then shared. Leave it out with
//! `default-features = false` if you bring your own data.
//!
//! # Examples
//!
//! ```
//! let data = migov::reference::dataset()?;
//! assert_eq!(data.project(&migov::ProjectId::new("E40-800")?).map(|p| p.benefiting_states().len()), Some(10));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `?` also converts its error into [`migov::Error`](crate::error::Error):
//!
//! ```
//! fn states() -> Result<usize, migov::Error> {
//!     Ok(migov::reference::dataset()?.member_states().len())
//! }
//! assert!(states()? > 100);
//! # Ok::<(), migov::Error>(())
//! ```

use std::sync::LazyLock;

use crate::dataset::Dataset;
use crate::json::LoadErrors;

/// The reference dataset as embedded, in canonical JSON form.
pub const JSON: &str = include_str!("../data/reference.json");

/// The date the reference data was compiled (sources were read up to then).
pub const COMPILED: &str = "2026-11-25";

static DATASET: LazyLock<Result<Dataset, LoadErrors>> =
    LazyLock::new(|| Dataset::from_json_str(JSON));

/// The reference dataset, loaded and validated on first use, then shared.
///
/// # Errors
///
/// The [`LoadErrors`] of the embedded file. The crate's tests check that it
/// loads without error, so this is an error only in a broken build.
pub fn dataset() -> Result<&'static Dataset, &'static LoadErrors> {
    DATASET.as_ref()
}
