//! Identifiers of the dataset's records: processes, partners, projects, events.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::text::Excerpt;

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

/// The most characters of a title slug kept before a hash replaces the rest.
const SLUG_HEAD: usize = 45;

/// FNV-1a, 64 bits: a fixed, documented hash (not `std`'s, which may change
/// between Rust versions), so derived ids stay the same.
fn fnv1a_64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Derived project ids, for project pages that give no IOM Development Fund code.
///
/// A project page with an IDF code takes the code as its id (`E40-800`), as
/// the reference data does. A page without one still needs an id that is the
/// same each time the page is read: [`ProjectId::for_page`] derives it, in
/// this order:
///
/// 1. an IDF code: the code itself, `E40-800` ([`ProjectId::from_idf_code`]);
/// 2. a Prima id: `PRIMA-` and the id, `PRIMA-HN10P0503`
///    ([`ProjectId::from_prima_id`]);
/// 3. the title ([`ProjectId::from_title`]): `T-` and the title's words,
///    folded as names are matched (lower case, accents removed, `&` as
///    "and", other punctuation as spaces, a leading "the" dropped), in
///    capitals, joined by `-`: "Migration Profiles in West & Central Africa"
///    → `T-MIGRATION-PROFILES-IN-WEST-AND-CENTRAL-AFRICA`.
///
/// **Long titles are hashed, never silently cut.** When the title's id would
/// be longer than 64 characters (the id limit), or the title has letters
/// outside A-Z once folded (another script), the id is `T-`, the first
/// whole words of at most 45 characters, `-`, and 16 hexadecimal digits of
/// the FNV-1a 64-bit hash of the *whole* folded title. Two titles that
/// share their first words still get different ids, and the same title
/// (whatever its case, accents or punctuation) always gets the same one.
impl ProjectId {
    /// The id of a project page: its IDF code, else `PRIMA-` and its Prima
    /// id, else `T-` and its title (see [`ProjectId`]'s derived ids above).
    ///
    /// # Errors
    ///
    /// [`IdError`] with [`IdErrorReason::Empty`] when only the title is given
    /// and it has no letter or digit.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{IdfCode, PrimaId, ProjectId};
    ///
    /// let code = IdfCode::new("CD.0039")?;
    /// let prima = PrimaId::new("HN10P0503")?;
    /// let title = "Développement communautaire et économique";
    /// assert_eq!(ProjectId::for_page(Some(&code), Some(&prima), title)?.as_str(), "CD.0039");
    /// assert_eq!(ProjectId::for_page(None, Some(&prima), title)?.as_str(), "PRIMA-HN10P0503");
    /// assert_eq!(
    ///     ProjectId::for_page(None, None, title)?.as_str(),
    ///     "T-DEVELOPPEMENT-COMMUNAUTAIRE-ET-ECONOMIQUE"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_page(
        idf: Option<&crate::value::IdfCode>,
        prima: Option<&crate::value::PrimaId>,
        title: &str,
    ) -> Result<Self, IdError> {
        match (idf, prima) {
            (Some(code), _) => Ok(Self::from_idf_code(code)),
            (None, Some(id)) => Ok(Self::from_prima_id(id)),
            (None, None) => Self::from_title(title),
        }
    }

    /// The id of a project with an IDF code: the code, `E40-800`.
    ///
    /// # Examples
    ///
    /// ```
    /// let code = migov::IdfCode::new("e40-800")?;
    /// assert_eq!(migov::ProjectId::from_idf_code(&code).as_str(), "E40-800");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_idf_code(code: &crate::value::IdfCode) -> Self {
        Self(IdText::new(code.as_str()))
    }

    /// The id of a project known by its Prima id: `PRIMA-HN10P0503`.
    ///
    /// # Examples
    ///
    /// ```
    /// let prima = migov::PrimaId::new("HN10P0503")?;
    /// assert_eq!(migov::ProjectId::from_prima_id(&prima).as_str(), "PRIMA-HN10P0503");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn from_prima_id(id: &crate::value::PrimaId) -> Self {
        Self(IdText::new(&format!("PRIMA-{id}")))
    }

    /// The id derived from a title: `T-` and its folded words, kept whole
    /// when they fit in 64 characters, otherwise hashed (see [`ProjectId`]'s
    /// derived ids above).
    ///
    /// # Errors
    ///
    /// [`IdError`] with [`IdErrorReason::Empty`] when the title has no letter
    /// or digit (`""`, `"—"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::ProjectId;
    ///
    /// assert_eq!(ProjectId::from_title("Migration profiles")?.as_str(), "T-MIGRATION-PROFILES");
    /// assert_eq!(ProjectId::from_title("MIGRATION PROFILES.")?.as_str(), "T-MIGRATION-PROFILES");
    ///
    /// // 73 characters as words: the first words, then a hash of the whole title.
    /// let long = "Coordinated Border Management in Mali, Niger, Mauritania and Burkina Faso";
    /// let id = ProjectId::from_title(long)?;
    /// let (head, hash) = id.as_str().rsplit_once('-').ok_or("no hash")?;
    /// assert_eq!(head, "T-COORDINATED-BORDER-MANAGEMENT-IN-MALI-NIGER");
    /// assert_eq!(hash.len(), 16);
    /// assert_ne!(id, ProjectId::from_title("Coordinated Border Management in Mali, Niger, Mauritania and Chad")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_title(title: &str) -> Result<Self, IdError> {
        let folded = super::normalize_name(title);
        let words: Vec<String> = folded.split(' ').map(str::to_ascii_uppercase).collect();
        if words.iter().all(|w| w.is_empty()) {
            return Err(IdError {
                id_name: "project id",
                input: Excerpt::new(title),
                reason: IdErrorReason::Empty,
            });
        }
        let ascii = |w: &String| w.bytes().all(|b| b.is_ascii_alphanumeric());
        let whole = format!("T-{}", words.join("-"));
        if words.iter().all(ascii) && whole.len() <= MAX_LEN {
            return Ok(Self(IdText::from_string(whole)));
        }
        let mut head = String::new();
        for word in words.iter().filter(|w| ascii(w) && !w.is_empty()) {
            if head.len() + word.len() + 1 > SLUG_HEAD {
                break;
            }
            head.push('-');
            head.push_str(word);
        }
        let hash = fnv1a_64(folded.as_bytes());
        Ok(Self(IdText::from_string(format!("T{head}-{hash:016x}"))))
    }
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
    fn derived_ids_prefer_the_idf_code_then_the_prima_id_then_the_title() {
        let code = crate::value::IdfCode::new("cd.0039").unwrap();
        let prima = crate::value::PrimaId::new("HN10P0503").unwrap();
        // As printed on iom.int/fr/node/187261 (data/gathered/idf_projects.json).
        let title = "Développement communautaire et économique";
        let id = |idf, prima| ProjectId::for_page(idf, prima, title).unwrap();
        assert_eq!(id(Some(&code), Some(&prima)).as_str(), "CD.0039");
        assert_eq!(id(None, Some(&prima)).as_str(), "PRIMA-HN10P0503");
        assert_eq!(
            id(None, None).as_str(),
            "T-DEVELOPPEMENT-COMMUNAUTAIRE-ET-ECONOMIQUE"
        );
        // Each derived id is a valid id: it parses back as itself.
        for made in [
            id(Some(&code), None),
            id(None, Some(&prima)),
            id(None, None),
        ] {
            assert_eq!(ProjectId::new(made.as_str()).unwrap(), made);
        }
    }

    #[test]
    fn a_title_id_is_the_same_whatever_the_case_accents_or_punctuation() {
        let a = ProjectId::from_title("Migration Profiles in West & Central Africa").unwrap();
        let b = ProjectId::from_title("MIGRATION PROFILES IN WEST AND CENTRAL AFRICA.").unwrap();
        let c = ProjectId::from_title("  migration profiles, in west & central africa ").unwrap();
        assert_eq!(
            a.as_str(),
            "T-MIGRATION-PROFILES-IN-WEST-AND-CENTRAL-AFRICA"
        );
        assert_eq!((&a, &a), (&b, &c));
        assert_eq!(
            ProjectId::from_title("Gestion des frontières (Sénégal)")
                .unwrap()
                .as_str(),
            "T-GESTION-DES-FRONTIERES-SENEGAL"
        );
    }

    #[test]
    fn a_long_title_is_hashed_not_cut() {
        let long = "Strengthening the Capacity of the Government to Manage Labour Migration and Protect Migrant Workers";
        let id = ProjectId::from_title(long).unwrap();
        assert!(id.as_str().len() <= 64, "{id}");
        let (head, hash) = id.as_str().rsplit_once('-').unwrap();
        assert_eq!(head, "T-STRENGTHENING-THE-CAPACITY-OF-THE-GOVERNMENT");
        assert_eq!(hash.len(), 16);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
        // The hash is of the whole title: another ending gives another id.
        let other = ProjectId::from_title(
            "Strengthening the Capacity of the Government to Manage Labour Migration and Protect Migrant Families",
        )
        .unwrap();
        assert_ne!(id, other);
        assert!(
            other
                .as_str()
                .starts_with("T-STRENGTHENING-THE-CAPACITY-OF-THE-GOVERNMENT-")
        );
        // The hash is FNV-1a 64 of the folded title: fixed across versions.
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            hash,
            format!(
                "{:016x}",
                fnv1a_64(crate::value::normalize_name(long).as_bytes())
            )
        );
    }

    #[test]
    fn a_title_in_another_script_is_hashed_and_a_title_without_letters_refused() {
        let id = ProjectId::from_title("Миграционная политика 2020").unwrap();
        let (head, hash) = id.as_str().rsplit_once('-').unwrap();
        assert_eq!((head, hash.len()), ("T-2020", 16));
        let id = ProjectId::from_title("سياسة الهجرة").unwrap();
        assert_eq!(id.as_str().len(), 2 + 16);
        for blank in ["", "  ", "— / —"] {
            let err = ProjectId::from_title(blank).unwrap_err();
            assert_eq!(err.reason(), IdErrorReason::Empty);
            assert_eq!(err.id_name(), "project id");
        }
    }

    proptest! {
        #[test]
        fn title_ids_are_valid_bounded_and_stable(title in "\\PC{0,120}") {
            if let Ok(id) = ProjectId::from_title(&title) {
                prop_assert!(id.as_str().len() <= 64);
                prop_assert_eq!(ProjectId::new(id.as_str()).unwrap(), id.clone());
            }
        }

        #[test]
        fn title_ids_do_not_depend_on_case(title in "[a-zA-Zé ,.&()-]{0,100}") {
            prop_assert_eq!(
                ProjectId::from_title(&title).ok(),
                ProjectId::from_title(&title.to_uppercase()).ok()
            );
        }

        #[test]
        fn title_ids_of_ascii_words_keep_every_word_when_short(words in proptest::collection::vec("[a-z]{1,8}", 1..6)) {
            let title = words.join(" ");
            let id = ProjectId::from_title(&title).unwrap();
            let expected = format!("T-{}", words.join("-").to_ascii_uppercase());
            if expected.len() <= 64 && words.first().map(String::as_str) != Some("the") {
                prop_assert_eq!(id.as_str(), expected);
            }
        }
    }

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
