//! Exports of a [`Dataset`](crate::dataset::Dataset) into the formats neighbouring
//! tools speak: flat CSV tables, Popolo JSON, schema.org / W3C ORG JSON-LD and
//! IATI Activity Standard 2.03 XML.
//!
//! | module | format | what it holds | checked against |
//! | --- | --- | --- | --- |
//! | [`csv`] (feature `csv`) | CSV (RFC 4180), one table per file | every collection, memberships, benefiting states, amounts, parties and sources | round trip through the `csv` reader |
//! | [`popolo`] | Popolo JSON | organizations, memberships, posts and persons | the Popolo project's JSON Schemas |
//! | [`jsonld`] | JSON-LD (schema.org and W3C ORG) | organisations, memberships and events | the graph's own references and the types of the vocabularies |
//! | [`iati`] | IATI Activity Standard 2.03 XML | projects | the IATI 2.03 XML Schema (`xmllint --schema`) |
//!
//! Each module documents its mapping field by field, including what the
//! format cannot hold. The JSON dataset format ([`crate::json`]) is the only
//! lossless one: every export drops something, and each says what.
//!
//! Every export writes to any [`std::io::Write`] (or returns a `String`) and
//! fails with an [`ExportError`] that names the format, and for a value that
//! cannot be written, the record and field it belongs to.
//!
//! # What every export keeps
//!
//! - **Partial dates** keep their precision where the format allows it
//!   (`2001`, `2001-10`, `2001-10-05`); where a format needs a full day (IATI's
//!   `xsd:date`), the day written is the first (for a start) or last (for an
//!   end) day of the period the partial date stands for, and the date as
//!   known is written beside it.
//! - **Money** is written as the exact decimal with the scale it was recorded
//!   with (`32000.00`), never as a floating-point number, with its ISO 4217
//!   currency code.
//! - **Sources** are written with their URL, and their retrieval date and
//!   note where the format has room (otherwise the module says they are lost).

#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
pub mod csv;
pub mod iati;
pub mod jsonld;
pub mod popolo;

use std::fmt;

/// The failure of an export.
///
/// # Examples
///
/// ```
/// use migov::export::ExportError;
///
/// let err = ExportError::InvalidOption {
///     option: "reporting_org.ref",
///     value: String::new(),
///     reason: "expected an IATI organisation identifier",
/// };
/// assert_eq!(
///     err.to_string(),
///     r#"invalid export option reporting_org.ref "": expected an IATI organisation identifier"#
/// );
/// // Like every migov error, it converts into `migov::Error` with `?`.
/// let any: migov::Error = err.into();
/// assert!(matches!(any, migov::Error::Export(_)));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The writer failed.
    #[error("could not write the {format} export: {source}")]
    Io {
        /// The format being written, such as `"IATI XML"`.
        format: &'static str,
        /// The writer's error.
        #[source]
        source: std::io::Error,
    },
    /// The CSV writer failed on a table.
    #[error("could not write CSV table {table}: {source}")]
    Csv {
        /// The table's name, such as `"memberships"`.
        table: &'static str,
        /// The CSV writer's error (its type is private to migov).
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A value holds a character that XML 1.0 cannot carry, even escaped
    /// (a control character other than tab, line feed and carriage return).
    #[error(
        "{record}: {field} {value:?} holds the character U+{code:04X}, which XML 1.0 does not allow; remove it from the record"
    )]
    NotXmlText {
        /// The record, such as `project E40-800`.
        record: String,
        /// The field, such as `title`.
        field: &'static str,
        /// The offending value.
        value: String,
        /// The offending character's code point.
        code: u32,
    },
    /// An option given to an export is not usable.
    #[error("invalid export option {option} {value:?}: {reason}")]
    InvalidOption {
        /// The option's name, such as `reporting_org.ref`.
        option: &'static str,
        /// The value given.
        value: String,
        /// What was expected.
        reason: &'static str,
    },
    /// No record of the dataset can be written in a format that needs at
    /// least one (an IATI file holds one activity or more).
    #[error("no {what} can be written as {format}: {reasons}")]
    Nothing {
        /// The format, such as `"IATI XML"`.
        format: &'static str,
        /// What was looked for, such as `"project"`.
        what: &'static str,
        /// Why each record was left out, such as `project X: no dates`.
        reasons: Reasons,
    },
}

/// Why records were left out of an export, one line per record (the
/// [`Display`](fmt::Display) joins them with `; `).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reasons(pub Vec<String>);

impl fmt::Display for Reasons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("the dataset holds none");
        }
        for (i, reason) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(reason)?;
        }
        Ok(())
    }
}

impl ExportError {
    pub(crate) fn io(format: &'static str) -> impl FnOnce(std::io::Error) -> Self {
        move |source| Self::Io { format, source }
    }
}

/// The text of an optional value, empty when absent.
#[cfg(feature = "csv")]
pub(crate) fn opt<T: fmt::Display>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The values joined with ` | ` (the separator of multi-valued cells).
#[cfg(feature = "csv")]
pub(crate) fn join<I, T>(values: I) -> String
where
    I: IntoIterator<Item = T>,
    T: fmt::Display,
{
    let mut out = String::new();
    for (i, v) in values.into_iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        out.push_str(&v.to_string());
    }
    out
}

/// The name of a party as the dataset records it (a state's ISO name when the
/// dataset has no record of it).
pub(crate) fn party_name<'a>(
    data: &'a crate::dataset::Dataset,
    party: &'a crate::entity::Party,
) -> Option<&'a str> {
    match party {
        crate::entity::Party::State(c) => {
            Some(data.member_state(*c).map_or(c.name(), |s| s.name()))
        }
        crate::entity::Party::Partner(p) => data.partner(p).map(|p| p.name()),
        crate::entity::Party::Process(p) => data.process(p).map(|p| p.name()),
        // A group has no name of its own; its body's name stands for it.
        crate::entity::Party::MembersOf(crate::entity::Body::Partner(p)) => {
            data.partner(p).map(|p| p.name())
        }
        crate::entity::Party::MembersOf(crate::entity::Body::Process(p)) => {
            data.process(p).map(|p| p.name())
        }
    }
}
