//! Objects read only as JSON objects.
//!
//! A struct derived with serde also accepts an array of its fields in order
//! (`["E40-800", "title"]` for a project), which would bypass field names and
//! `deny_unknown_fields`. [`Strict`] asks the deserialiser for a map, so an
//! array is a type error; the functions serve `#[serde(deserialize_with)]`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A `T` that was given as a JSON object.
pub(crate) struct Strict<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Strict<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }

        d.deserialize_map(ObjectVisitor(PhantomData)).map(Strict)
    }
}

/// One object.
pub(crate) fn one<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Strict::deserialize(d).map(|s| s.0)
}

/// An optional object (`null` is absent, like a missing field).
pub(crate) fn option<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Option::<Strict<T>>::deserialize(d).map(|o| o.map(|s| s.0))
}

/// An array of objects.
pub(crate) fn vec<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    struct SeqVisitor<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for SeqVisitor<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an array of JSON objects")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            // Never trust a size hint from the input for the allocation.
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(Strict(t)) = seq.next_element()? {
                out.push(t);
            }
            Ok(out)
        }
    }

    d.deserialize_seq(SeqVisitor(PhantomData))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        a: u8,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        #[serde(deserialize_with = "super::one")]
        one: Inner,
        #[serde(default, deserialize_with = "super::option")]
        maybe: Option<Inner>,
        #[serde(default, deserialize_with = "super::vec")]
        many: Vec<Inner>,
    }

    #[test]
    fn objects_are_read() {
        let o: Outer =
            serde_json::from_str(r#"{"one": {"a": 1}, "maybe": {"a": 2}, "many": [{"a": 3}]}"#)
                .unwrap();
        assert_eq!(o.one, Inner { a: 1 });
        assert_eq!(o.maybe, Some(Inner { a: 2 }));
        assert_eq!(o.many, vec![Inner { a: 3 }]);
        let o: Outer = serde_json::from_str(r#"{"one": {"a": 1}, "maybe": null}"#).unwrap();
        assert_eq!(o.maybe, None);
        assert!(o.many.is_empty());
    }

    #[test]
    fn arrays_for_objects_are_refused_at_every_level() {
        for text in [
            r#"{"one": [1]}"#,
            r#"{"one": {"a": 1}, "maybe": [2]}"#,
            r#"{"one": {"a": 1}, "many": [[3]]}"#,
        ] {
            let err = serde_json::from_str::<Outer>(text).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("invalid type: sequence, expected a JSON object"),
                "{text}: {err}"
            );
        }
    }
}
