//! Claimed values: a value with the other values that other sources give.

use std::fmt;

use super::Source;

/// A value that other sources give differently.
///
/// Public sources disagree: MIDWA was established in 2001 according to IOM
/// and in December 2000 according to MIDWA's own site. migov never resolves
/// such a conflict silently: the record keeps its preferred value (the one
/// its own sources support) and every alternative with the sources that
/// support it.
///
/// # Examples
///
/// ```
/// use migov::{Alternative, Claimed, PartialDate, Source};
///
/// let established = Claimed::new("2001".parse::<PartialDate>()?).with_alternative(
///     Alternative::new("2000-12".parse()?, vec![Source::new("https://midwa.org/")?])
///         .with_note("inaugurated in December 2000 per MIDWA"),
/// );
/// assert!(established.is_disputed());
/// assert_eq!(established.value().to_string(), "2001");
/// assert_eq!(established.values().count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The preferred value may name the sources that give it
/// ([`Claimed::with_source`]), for when the record's sources also back
/// other facts, or one page gives both values: otherwise its sources are
/// the record's sources that give no alternative.
///
/// # Serde
///
/// `{"value": …, "sources": [...], "alternatives": [{"value": …, "sources":
/// [...], "note": "…"}]}`, empty lists and a missing note left out; unknown
/// fields are errors. (Inside a dataset file a claimed field is written
/// flat instead, as `start` with `start_sources` and `start_alternatives`.)
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: serde::Deserialize<'de>"))]
pub struct Claimed<T> {
    value: T,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<Alternative<T>>,
}

impl<T> Claimed<T> {
    /// An undisputed value.
    pub fn new(value: T) -> Self {
        Self {
            value,
            sources: Vec::new(),
            alternatives: Vec::new(),
        }
    }

    /// This claim with one more source that gives the preferred value.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// The sources named for the preferred value (empty: the record's
    /// sources that give no alternative stand for it).
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The sources credited with the preferred value, given `record`, the
    /// sources of the record that holds the claim: those the claim names
    /// ([`Claimed::with_source`]); where it names none, the record's
    /// sources that give no alternative (a page that gives another value is
    /// not counted for this one). Each alternative keeps its own
    /// ([`Alternative::sources`]). O(r + a) for r record sources and a
    /// sources of alternatives.
    ///
    /// ```
    /// use migov::{Alternative, Claimed, PartialDate, Source};
    ///
    /// let iom = Source::new("https://www.iom.int/midwa")?;
    /// let midwa = Source::new("https://midwa.org/")?;
    /// let established = Claimed::new("2001".parse::<PartialDate>()?)
    ///     .with_alternative(Alternative::new("2000-12".parse()?, vec![midwa.clone()]));
    /// let record = [iom.clone(), midwa.clone()];
    /// assert_eq!(established.sources_for(&record), [&iom]);
    /// assert_eq!(established.alternatives()[0].sources(), [midwa]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sources_for<'a>(&'a self, record: &'a [Source]) -> Vec<&'a Source> {
        if !self.sources.is_empty() {
            return self.sources.iter().collect();
        }
        let others: std::collections::HashSet<&Source> = self
            .alternatives
            .iter()
            .flat_map(|a| a.sources.iter())
            .collect();
        record.iter().filter(|s| !others.contains(s)).collect()
    }

    /// This claim with one more alternative.
    #[must_use]
    pub fn with_alternative(mut self, alternative: Alternative<T>) -> Self {
        self.alternatives.push(alternative);
        self
    }

    /// The preferred value: the one the record's own sources give.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The values that other sources give.
    pub fn alternatives(&self) -> &[Alternative<T>] {
        &self.alternatives
    }

    /// Whether any source gives another value.
    pub fn is_disputed(&self) -> bool {
        !self.alternatives.is_empty()
    }

    /// The preferred value, then each alternative value.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        std::iter::once(&self.value).chain(self.alternatives.iter().map(Alternative::value))
    }
}

impl<T> From<T> for Claimed<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: fmt::Display> fmt::Display for Claimed<T> {
    /// The preferred value, then the alternatives in brackets:
    /// `2001 (also claimed: 2000-12)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)?;
        if let Some((first, rest)) = self.alternatives.split_first() {
            write!(f, " (also claimed: {}", first.value)?;
            for alt in rest {
                write!(f, "; {}", alt.value)?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// Another value for a [`Claimed`] fact, with the sources that give it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: serde::Deserialize<'de>"))]
pub struct Alternative<T> {
    value: T,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl<T> Alternative<T> {
    /// An alternative value and the sources that give it.
    pub fn new(value: T, sources: Vec<Source>) -> Self {
        Self {
            value,
            sources,
            note: None,
        }
    }

    /// This alternative with a note on where or why a source gives it.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The value this alternative claims.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The sources that give this value.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// A note on the claim, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}
