//! Lists of nested records (agenda days, sessions, panellists, parties,
//! amounts...) read straight into their values.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::strict::Strict;

/// A nested record of the format and the value it stands for.
pub(crate) trait Nest: Sized {
    /// The value the record is read into.
    type Value;
    /// The value of a record that was read (infallible: nested values are
    /// checked with the entity that holds them).
    fn into_value(self) -> Self::Value;
    /// The record that writes `value`.
    fn from_value(value: &Self::Value) -> Self;
}

/// A list of nested records `R`, written as a JSON array of objects.
///
/// Read, it holds the values: each record becomes its value as soon as it
/// is read, so the list is allocated once and never copied into another.
/// Made from an entity for writing, it holds the records.
pub(crate) enum Nested<R: Nest> {
    /// As read.
    Values(Vec<R::Value>),
    /// As made for writing.
    Records(Vec<R>),
}

impl<R: Nest> Nested<R> {
    /// The records for writing `values`.
    pub(crate) fn from_values(values: &[R::Value]) -> Self {
        Self::Records(values.iter().map(R::from_value).collect())
    }

    /// The values, in order.
    pub(crate) fn into_values(self) -> Vec<R::Value> {
        match self {
            Self::Values(values) => values,
            Self::Records(records) => records.into_iter().map(R::into_value).collect(),
        }
    }

    /// Whether the list is empty.
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Self::Values(values) => values.is_empty(),
            Self::Records(records) => records.is_empty(),
        }
    }
}

impl<R: Nest> Default for Nested<R> {
    fn default() -> Self {
        Self::Values(Vec::new())
    }
}

impl<R: Nest + Clone> Clone for Nested<R>
where
    R::Value: Clone,
{
    fn clone(&self) -> Self {
        match self {
            Self::Values(values) => Self::Values(values.clone()),
            Self::Records(records) => Self::Records(records.clone()),
        }
    }
}

impl<R: Nest + fmt::Debug> fmt::Debug for Nested<R>
where
    R::Value: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Values(values) => values.fmt(f),
            Self::Records(records) => records.fmt(f),
        }
    }
}

impl<R: Nest + Serialize> Serialize for Nested<R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Records(records) => records.serialize(s),
            Self::Values(values) => s.collect_seq(values.iter().map(R::from_value)),
        }
    }
}

impl<'de, R: Nest + Deserialize<'de>> Deserialize<'de> for Nested<R> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SeqVisitor<R>(PhantomData<R>);

        impl<'de, R: Nest + Deserialize<'de>> Visitor<'de> for SeqVisitor<R> {
            type Value = Nested<R>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of JSON objects")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Nested<R>, A::Error> {
                // Never trust a size hint from the input for the allocation.
                let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(Strict(record)) = seq.next_element::<Strict<R>>()? {
                    values.push(R::into_value(record));
                }
                Ok(Nested::Values(values))
            }
        }

        d.deserialize_seq(SeqVisitor(PhantomData))
    }
}
