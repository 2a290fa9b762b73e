//! migov: typed, validated data on how international migration is governed.
//!
//! The International Organization for Migration (IOM) publishes its world as
//! web pages: member and observer states, regional consultative processes on
//! migration (MIDWA, MIDCAS, the Abu Dhabi Dialogue, the Puebla Process...),
//! projects of the IOM Development Fund, partner agencies and events. migov
//! turns that world into a library: typed entities that can only be built
//! through validation, value types that tell the truth about messy public
//! data, a dataset with one relationship index and queries that understand
//! partial dates, a JSON format that reports every problem at its JSON path,
//! and an embedded reference dataset in which every record names its sources.
//!
//! # Example
//!
//! ```
//! # #[cfg(feature = "reference-data")] {
//! use migov::codelist::MembershipRole;
//! use migov::{CountryCode, Party};
//!
//! let data = migov::reference::dataset()?;
//! let senegal = CountryCode::from_name("Senegal")?;
//! for answer in data.processes_of(senegal, "2024".parse()?) {
//!     if *answer.item().role() == MembershipRole::Member {
//!         let process = answer.item().body();
//!         println!("{process} ({})", answer.certainty());
//!     }
//! }
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Map of the crate
//!
//! - **Values**: [`CountryCode`] (ISO 3166-1 with current UN/IOM names and
//!   lenient name lookup), [`PartialDate`] (`2001`, `2001-10`, `2001-10-05`,
//!   never padded), [`Period`] and the three-valued [`Truth`], [`Money`]
//!   (exact decimal with a [`Currency`]), [`LocalTime`], [`MonthDay`],
//!   identifiers ([`ProcessId`], [`PartnerId`], [`ProjectId`], [`EventId`],
//!   [`IdfCode`]), [`Source`], and [`Claimed`] values with alternatives.
//! - **Code lists**: [`codelist`], open enumerations that keep unknown values verbatim.
//! - **Entities**: [`MemberState`], [`RegionalConsultativeProcess`] (alias
//!   [`Rcp`]), [`Partner`], [`Membership`], [`Project`], [`Event`], each with a
//!   builder whose `build()` reports every [`Issue`] at once.
//! - **Dataset**: [`Dataset`], built by a [`DatasetBuilder`] that checks every
//!   reference and cross-record [`Rule`], and queried through its index.
//! - **JSON**: [`Dataset::from_json_str`], [`Dataset::to_json_string`] and
//!   friends; the [`json`] module documents the format.
//! - **Exports**: [`export`], flat CSV tables (feature `csv`), Popolo JSON,
//!   schema.org / W3C ORG JSON-LD and IATI 2.03 XML, each mapping documented.
//! - **Printed forms**: [`printed`], readers for values as pages print them
//!   (`USD 1.2 million`, `26 TO 28 NOVEMBER 2024`, `c. 1990`, `the 1990s`,
//!   `15 States: Benin, Togo and Kosovo*`), returning the value and what they
//!   normalised; hedged and coarse dates map to EDTF level 1 [`PartialDate`]s.
//! - **Reference data**: [`reference::dataset`] (feature `reference-data`, on by default).
//!
//! # Public dependencies
//!
//! Two third-party types appear in migov's signatures, so their crates are
//! public dependencies: a migov release that moved to a new major version of
//! either would be a breaking release.
//!
//! | crate | version | where it appears |
//! | --- | --- | --- |
//! | [`chrono`] | 0.4 | `NaiveDate` from [`PartialDate::first_day`], [`PartialDate::last_day`], [`PartialDate::to_date`], [`PartialDate::contains_day`], [`Period::earliest_start`] and its three siblings, [`MonthDay::in_year`] |
//! | [`rust_decimal`] | 1 | `Decimal` in [`Money::new`], [`Money::amount`], [`Money::parse_amount`] |
//!
//! Both are re-exported ([`migov::chrono`](crate::chrono),
//! [`migov::rust_decimal`](crate::rust_decimal)) so that a caller can name
//! the exact versions migov was built with. Every other dependency
//! (isocountry, iso_currency, serde_path_to_error) stays private: no type of
//! theirs is part of the API. serde's traits are implemented on the public
//! types; serde itself is the format's foundation.
//!
//! # Out of scope
//!
//! migov does not scrape web pages, fetch data over the network, or hold
//! personal data beyond what public pages name (speakers, panellists and
//! contacts). It does not model IOM's internal finances or operations.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod codelist;
mod dataset;
mod entity;
mod error;
pub mod export;
pub mod json;
pub mod printed;
mod problem;
#[cfg(feature = "reference-data")]
#[cfg_attr(docsrs, doc(cfg(feature = "reference-data")))]
pub mod reference;
mod text;
mod value;

pub use dataset::{
    AsOf, BudgetDimension, BudgetKey, BudgetQuery, BudgetTotal, BudgetTotals, Certain, ChairTerm,
    Change, ClaimView, CollectionCoverage, Conflict, CoverageReport, Dataset, DatasetBuilder,
    DatasetDiff, DatasetError, DisputedFact, DuplicateIdError, FieldChange, KeyPart,
    MembershipChange, MergeError, MergePolicy, Merged, NameMatch, ProjectFilter, Reached,
    RecordChange, RecordId, StatusTaken,
};
pub use entity::{
    AgendaDay, Amount, Body, Bound, Contribution, DatedFlag, Dispute, Event, EventBuilder,
    EventDate, EventParty, ExternalId, Figure, IomStatus, MemberState, MemberStateBuilder,
    Membership, MembershipBuilder, Outcome, Panellist, Partner, PartnerBuilder, Party, Person,
    Project, ProjectBuilder, ProjectParty, Rcp, RcpBuilder, RegionalConsultativeProcess,
    RelatedEvent, Session, StatusChange, StatusHeld,
};
pub use error::Error;
pub use problem::{BuildError, FieldPath, Issue, Rule, Segment, Severity};

/// The date library behind [`PartialDate`]'s day conversions (a public dependency).
pub use chrono;
pub use json::{LoadError, LoadErrors, LoadOptions};
/// The exact decimal behind [`Money`] (a public dependency).
pub use rust_decimal;
pub use value::{
    Alternative, Answer, Claimed, CountryCode, CountryCodeError, CountryCodeErrorKind, Currency,
    CurrencyError, EventId, IdError, IdErrorReason, IdfCode, IdfCodeError, IdfCodeForm, Language,
    LanguageError, LocalTime, LocalTimeError, LocalTimeErrorKind, Money, MoneyError, MonthDay,
    MonthDayError, MonthDayErrorKind, PartialDate, PartialDateError, PartialDateErrorKind,
    PartnerId, Period, PeriodEnd, PeriodError, PeriodErrorKind, Precision, PrimaId, PrimaIdError,
    ProcessId, ProjectId, Qualifier, Source, SourceError, SourceErrorKind, Totals, Truth,
    TruthError,
};

/// The README's examples, compiled and run as documentation tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
