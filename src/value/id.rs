//! Identifiers of the dataset's records: processes, partners, projects, events.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::Excerpt;

/// The longest identifier, in characters (all ASCII, so also in bytes).
const MAX_LEN: usize = 64;

/// The characters an identifier may hold, as shown in error messages.
const ALLOWED: &str = "A-Z a-z 0-9 - _ . +";

/// Checks the identifier syntax shared by every id type.
fn validate(id_name: &'static str, s: &str) -> Result<(), IdError> {
    let fail = |reason| {
        Err(IdError {
            id_name,
            input: Excerpt::new(s),
            reason,
        })
    };
    let Some(first) = s.chars().next() else {
        return fail(IdErrorReason::Empty);
    };
    for c in s.chars() {
        let reason = if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '+') {
            continue;
        } else if c.is_whitespace() {
            IdErrorReason::Whitespace
        } else if c.is_control() {
            IdErrorReason::Control
        } else if !c.is_ascii() {
            IdErrorReason::NonAscii(c)
        } else {
            IdErrorReason::Forbidden(c)
        };
        return fail(reason);
    }
    if !first.is_ascii_alphanumeric() {
        return fail(IdErrorReason::BadFirst(first));
    }
    if s.len() > MAX_LEN {
        return fail(IdErrorReason::TooLong);
    }
    Ok(())
}

/// The most bytes an identifier keeps inline, without an allocation.
const INLINE: usize = 22;

/// The text of a valid identifier (ASCII, at most [`MAX_LEN`] bytes).
///
/// Identifiers are short and numerous (every reference holds one), so the
/// common ones, up to [`INLINE`] bytes, sit inline in the same 24 bytes a
/// `String` takes; only longer ones are allocated. Equality, order and hash
/// are those of the text.
#[derive(Clone)]
enum IdText {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl IdText {
    /// Stores `s`, which [`validate`] accepted.
    fn new(s: &str) -> Self {
        let mut bytes = [0u8; INLINE];
        match (bytes.get_mut(..s.len()), u8::try_from(s.len())) {
            (Some(head), Ok(len)) => {
                head.copy_from_slice(s.as_bytes());
                Self::Inline { len, bytes }
            }
            _ => Self::Heap(s.into()),
        }
    }

    /// Stores `s`, which [`validate`] accepted, keeping its allocation when long.
    fn from_string(s: String) -> Self {
        if s.len() <= INLINE {
            Self::new(&s)
        } else {
            Self::Heap(s.into_boxed_str())
        }
    }

    #[inline]
    fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Self::Heap(s) => s.as_bytes(),
        }
    }

    #[inline]
    fn as_str(&self) -> &str {
        match self {
            // Only validated ASCII is stored: the check cannot fail.
            Self::Inline { .. } => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Self::Heap(s) => s,
        }
    }
}

impl PartialEq for IdText {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for IdText {}

impl PartialOrd for IdText {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IdText {
    /// Byte by byte, which for text is the order of `str`.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl std::hash::Hash for IdText {
    /// As the text hashes, so that `Borrow<str>` lookups find it.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for IdText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Generates one identifier newtype; all share [`validate`] and [`IdError`].
macro_rules! id_type {
    (
        $(#[$doc:meta])*
        $name:ident, $id_name:literal, $example:literal
    ) => {
        $(#[$doc])*
        ///
        /// # Syntax
        ///
        /// 1 to 64 ASCII characters from `A-Z a-z 0-9 - _ . +`, the first a
        /// letter or digit. Case is kept and matters. Whitespace, `/`, control
        /// characters and non-ASCII characters are rejected.
        ///
        /// # Ordering
        ///
        /// By text, byte by byte (`Borrow<str>` lets maps keyed by this type be
        /// searched with a `&str`).
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(IdText);

        impl $name {
            /// Checks and wraps an identifier; same as [`str::parse`].
            ///
            /// # Errors
            ///
            #[doc = concat!("[`IdError`] naming the ", $id_name, " when the text is empty, longer")]
            /// than 64 characters, holds a character outside `A-Z a-z 0-9 - _ . +`
            /// (whitespace, `/`, `é`), or starts with `-`, `_`, `.` or `+`.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("let id = migov::", stringify!($name), "::new(\"", $example, "\")?;")]
            #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
            #[doc = concat!("assert!(migov::", stringify!($name), "::new(\"has space\").is_err());")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn new(s: &str) -> Result<Self, IdError> {
                validate($id_name, s)?;
                Ok(Self(IdText::new(s)))
            }

            /// The identifier text.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("let id: migov::", stringify!($name), " = \"", $example, "\".parse()?;")]
            #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// The identifier's bytes (ASCII): compared as they are, they
            /// order as the text does, without a UTF-8 check.
            #[inline]
            pub(crate) fn as_bytes(&self) -> &[u8] {
                self.0.as_bytes()
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                validate($id_name, &s)?;
                Ok(Self(IdText::from_string(s)))
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                match id.0 {
                    IdText::Heap(s) => s.into_string(),
                    inline @ IdText::Inline { .. } => inline.as_str().to_owned(),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                self.as_str()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        super::deserialize_from_str!($name, "a string");
    };
}

id_type! {
    /// Identifies a consultative process on migration, such as `MIDWA` (the
    /// Migration Dialogue for West Africa), `RCM`, `BALI-PROCESS` or
    /// `5+5-DIALOGUE`.
    ProcessId, "process id", "MIDWA"
}

id_type! {
    /// Identifies a partner organisation or government, such as `ECOWAS`,
    /// `UNHCR` or `GOV-JPN`.
    PartnerId, "partner id", "ECOWAS"
}

id_type! {
    /// Identifies a project, such as `E40-800` (an IOM Development Fund code)
    /// or `CBM-SAHEL-2015`.
    ProjectId, "project id", "E40-800"
}

id_type! {
    /// Identifies an event, such as `IOM-COUNCIL-96` (a session of the IOM
    /// Council).
    EventId, "event id", "IOM-COUNCIL-96"
}

/// Why a text is not a valid identifier; names the kind of id.
///
/// # Examples
///
/// ```
/// let err = migov::PartnerId::new("UN Women").err().ok_or("expected an error")?;
/// assert_eq!(err.id_name(), "partner id");
/// assert_eq!(err.input(), "UN Women");
/// assert_eq!(err.reason(), migov::IdErrorReason::Whitespace);
/// assert_eq!(
///     err.to_string(),
///     r#"invalid partner id "UN Women": whitespace is not allowed (allowed: A-Z a-z 0-9 - _ . +)"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {id_name} {input}: {reason}")]
pub struct IdError {
    id_name: &'static str,
    input: Excerpt,
    reason: IdErrorReason,
}

impl IdError {
    /// The kind of identifier: `"process id"`, `"partner id"`, `"project id"`
    /// or `"event id"`.
    #[must_use]
    pub fn id_name(&self) -> &'static str {
        self.id_name
    }

    /// The rejected text (at most its first 64 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    #[must_use]
    pub fn reason(&self) -> IdErrorReason {
        self.reason
    }
}

/// What is wrong with a rejected identifier (see [`IdError`]).
///
/// `Display` gives the part of the message after the quoted input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdErrorReason {
    /// The text is empty.
    Empty,
    /// The text is longer than 64 characters.
    TooLong,
    /// The text holds whitespace.
    Whitespace,
    /// The text holds a control character.
    Control,
    /// The text holds this non-ASCII character.
    NonAscii(char),
    /// The text holds this ASCII character outside `A-Z a-z 0-9 - _ . +`, such as `/`.
    Forbidden(char),
    /// The text starts with this character, not a letter or digit.
    BadFirst(char),
}

impl fmt::Display for IdErrorReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("must not be empty"),
            Self::TooLong => write!(f, "must be at most {MAX_LEN} characters long"),
            Self::Whitespace => write!(f, "whitespace is not allowed (allowed: {ALLOWED})"),
            Self::Control => write!(f, "control characters are not allowed (allowed: {ALLOWED})"),
            Self::NonAscii(c) => {
                write!(
                    f,
                    "non-ASCII character {c:?} is not allowed (allowed: {ALLOWED})"
                )
            }
            Self::Forbidden(c) => write!(f, "character {c:?} is not allowed (allowed: {ALLOWED})"),
            Self::BadFirst(c) => write!(f, "must start with a letter or digit, not {c:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<ProcessId>();
        assert_send_sync::<PartnerId>();
        assert_send_sync::<ProjectId>();
        assert_send_sync::<EventId>();
        assert_send_sync::<IdError>();
    }

    #[test]
    fn accepts_examples_from_the_sources() {
        for s in ["MIDWA", "RCM", "BALI-PROCESS", "5+5-DIALOGUE"] {
            assert_eq!(ProcessId::new(s).unwrap().as_str(), s);
        }
        for s in ["ECOWAS", "UNHCR", "GOV-JPN"] {
            assert_eq!(PartnerId::new(s).unwrap().to_string(), s);
        }
        for s in ["E40-800", "CBM-SAHEL-2015", "a_b.c"] {
            assert_eq!(s.parse::<ProjectId>().unwrap().as_str(), s);
        }
        assert_eq!(
            EventId::try_from("IOM-COUNCIL-96".to_owned())
                .unwrap()
                .as_str(),
            "IOM-COUNCIL-96"
        );
        assert!(ProcessId::new(&"A".repeat(64)).is_ok());
    }

    fn err<T: FromStr<Err = IdError>>(s: &str) -> IdError {
        s.parse::<T>().err().unwrap()
    }

    #[test]
    fn rejects_whitespace_naming_the_kind() {
        let e = err::<PartnerId>("UN Women");
        assert_eq!(e.reason(), IdErrorReason::Whitespace);
        assert_eq!(e.id_name(), "partner id");
        assert_eq!(
            e.to_string(),
            r#"invalid partner id "UN Women": whitespace is not allowed (allowed: A-Z a-z 0-9 - _ . +)"#
        );
        let e = err::<ProcessId>("MID WA");
        assert_eq!(
            e.to_string(),
            r#"invalid process id "MID WA": whitespace is not allowed (allowed: A-Z a-z 0-9 - _ . +)"#
        );
        assert_eq!(
            err::<ProcessId>(" MIDWA").reason(),
            IdErrorReason::Whitespace
        );
        assert_eq!(
            err::<ProcessId>("MIDWA\u{a0}").reason(),
            IdErrorReason::Whitespace
        );
    }

    #[test]
    fn rejects_empty() {
        let e = err::<ProjectId>("");
        assert_eq!(e.reason(), IdErrorReason::Empty);
        assert_eq!(e.to_string(), r#"invalid project id "": must not be empty"#);
    }

    #[test]
    fn rejects_too_long() {
        let s = "A".repeat(65);
        let e = err::<EventId>(&s);
        assert_eq!(e.reason(), IdErrorReason::TooLong);
        assert_eq!(
            e.to_string(),
            format!(
                "invalid event id {:?}… (65 bytes in all): must be at most 64 characters long",
                "A".repeat(64)
            )
        );
    }

    #[test]
    fn rejects_slash() {
        let e = err::<ProjectId>("E40/800");
        assert_eq!(e.reason(), IdErrorReason::Forbidden('/'));
        assert_eq!(
            e.to_string(),
            r#"invalid project id "E40/800": character '/' is not allowed (allowed: A-Z a-z 0-9 - _ . +)"#
        );
    }

    #[test]
    fn rejects_control_characters() {
        let e = err::<EventId>("A\u{7}B");
        assert_eq!(e.reason(), IdErrorReason::Control);
        assert_eq!(
            e.to_string(),
            r#"invalid event id "A\u{7}B": control characters are not allowed (allowed: A-Z a-z 0-9 - _ . +)"#
        );
    }

    #[test]
    fn rejects_non_ascii() {
        let e = err::<PartnerId>("CÔTE");
        assert_eq!(e.reason(), IdErrorReason::NonAscii('Ô'));
        assert_eq!(
            e.to_string(),
            r#"invalid partner id "CÔTE": non-ASCII character 'Ô' is not allowed (allowed: A-Z a-z 0-9 - _ . +)"#
        );
    }

    #[test]
    fn rejects_punctuation_first() {
        let e = err::<ProcessId>("-RCM");
        assert_eq!(e.reason(), IdErrorReason::BadFirst('-'));
        assert_eq!(
            e.to_string(),
            r#"invalid process id "-RCM": must start with a letter or digit, not '-'"#
        );
    }

    #[test]
    fn serde_goes_through_validation() {
        let id: PartnerId = serde_json::from_str(r#""UNHCR""#).unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""UNHCR""#);
        let e = serde_json::from_str::<PartnerId>(r#""UN Women""#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with(r#"invalid partner id "UN Women""#),
            "{e}"
        );
        assert!(serde_json::from_str::<PartnerId>("12").is_err());
    }

    #[test]
    fn maps_can_be_searched_by_str() {
        let mut m = BTreeMap::new();
        m.insert(ProcessId::new("MIDWA").unwrap(), 1);
        assert_eq!(m.get("MIDWA"), Some(&1));
        let h: std::collections::HashSet<ProcessId> = [ProcessId::new("RCM").unwrap()].into();
        assert!(h.contains("RCM"));
    }

    #[test]
    fn ord_is_by_text() {
        let mut ids: Vec<ProcessId> = ["RCM", "5+5-DIALOGUE", "BALI-PROCESS", "MIDWA"]
            .iter()
            .map(|s| ProcessId::new(s).unwrap())
            .collect();
        ids.sort();
        let texts: Vec<&str> = ids.iter().map(ProcessId::as_str).collect();
        assert_eq!(texts, ["5+5-DIALOGUE", "BALI-PROCESS", "MIDWA", "RCM"]);
    }

    fn valid_id() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}").unwrap()
    }

    fn forbidden_char() -> impl Strategy<Value = char> {
        let ascii: Vec<char> = (0u8..128)
            .map(char::from)
            .filter(|c| !(c.is_ascii_alphanumeric() || "-_.+".contains(*c)))
            .collect();
        prop_oneof![
            proptest::sample::select(ascii),
            proptest::char::range('\u{80}', '\u{10FFFF}'),
        ]
    }

    proptest! {
        #[test]
        fn valid_ids_round_trip(s in valid_id()) {
            let id = ProjectId::new(&s).unwrap();
            prop_assert_eq!(id.to_string(), s.clone());
            let back: ProjectId = id.to_string().parse().unwrap();
            prop_assert_eq!(&back, &id);
            let json = serde_json::to_string(&id).unwrap();
            let back: ProjectId = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back.as_str(), s.as_str());
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }

        #[test]
        fn ids_with_a_forbidden_char_are_rejected(
            prefix in valid_id(),
            c in forbidden_char(),
            suffix in "[A-Za-z0-9._+-]{0,8}",
        ) {
            let s = format!("{prefix}{c}{suffix}");
            let e = PartnerId::new(&s).unwrap_err();
            let expected = if c.is_whitespace() {
                IdErrorReason::Whitespace
            } else if c.is_control() {
                IdErrorReason::Control
            } else if c.is_ascii() {
                IdErrorReason::Forbidden(c)
            } else {
                IdErrorReason::NonAscii(c)
            };
            prop_assert_eq!(e.reason(), expected);
            prop_assert_eq!(e.id_name(), "partner id");
        }

        #[test]
        fn ord_agrees_with_text(a in valid_id(), b in valid_id()) {
            let (x, y) = (EventId::new(&a).unwrap(), EventId::new(&b).unwrap());
            prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            prop_assert_eq!(x == y, a == b);
        }

        /// Short ids sit inline and long ones on the heap: either way an
        /// id hashes as its text, so sets of ids are searched by `&str`,
        /// and `String::from` gives the text back.
        #[test]
        fn ids_hash_as_their_text(a in valid_id(), b in valid_id()) {
            let set: std::collections::HashSet<PartnerId> =
                [PartnerId::new(&a).unwrap()].into();
            prop_assert!(set.contains(a.as_str()));
            prop_assert_eq!(set.contains(b.as_str()), a == b);
            prop_assert_eq!(String::from(PartnerId::try_from(a.clone()).unwrap()), a);
        }
    }

    #[test]
    fn ids_take_no_more_room_than_a_string() {
        assert_eq!(size_of::<PartnerId>(), size_of::<String>());
        assert_eq!(size_of::<Option<PartnerId>>(), size_of::<String>());
    }

    #[test]
    fn inline_and_heap_ids_compare_as_text() {
        // 22 bytes fit inline, 23 do not: both sides of the boundary, and the
        // longest id, compare and print as their text.
        let texts = [
            "A".repeat(21),
            "A".repeat(22),
            "A".repeat(23),
            format!("{}B", "A".repeat(21)),
            "Z".repeat(64),
        ];
        let ids: Vec<ProjectId> = texts.iter().map(|t| ProjectId::new(t).unwrap()).collect();
        for (x, tx) in ids.iter().zip(&texts) {
            assert_eq!(x.as_str(), tx.as_str());
            for (y, ty) in ids.iter().zip(&texts) {
                assert_eq!(x.cmp(y), tx.cmp(ty), "{tx} vs {ty}");
            }
        }
    }
}
