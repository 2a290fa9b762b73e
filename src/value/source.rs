//! Where a record's facts come from: a web page, when it was read, a note.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::PartialDate;
use crate::text::Excerpt;

/// The longest URL accepted, in bytes.
const MAX_URL_BYTES: usize = 2048;

/// A source for a record: the URL of a page, and optionally when it was
/// retrieved and a note (such as which section of the page to read).
///
/// # Syntax
///
/// The URL is absolute, starts with `http://` or `https://` (lowercase),
/// has a host of at least one character, holds no whitespace or control
/// characters and is at most 2048 bytes long. It names no user or password,
/// its host is not percent-encoded, its port (if any) is at most 65535, and
/// it parses as a URL under the WHATWG URL standard. The text is checked,
/// never rewritten: `Display` and serde give it back exactly as written. `Display` prints the URL only;
/// `FromStr` is [`Source::new`].
///
/// # Serde
///
/// A plain JSON string when only the URL is set:
/// `"https://www.iom.int/midwa"`. Otherwise an object
/// `{"url": "...", "retrieved": "2026-11", "note": "..."}` with the unset
/// fields left out; unknown and duplicate fields are errors. Both forms go
/// through [`Source::new`].
///
/// # Examples
///
/// ```
/// use migov::Source;
///
/// let plain: Source = serde_json::from_str(r#""https://www.iom.int/midwa""#)?;
/// assert_eq!(plain.url(), "https://www.iom.int/midwa");
///
/// let dated = plain.with_retrieved("2026-11".parse()?).with_note("section \"Members\"");
/// assert_eq!(
///     serde_json::to_string(&dated)?,
///     r#"{"url":"https://www.iom.int/midwa","retrieved":"2026-11","note":"section \"Members\""}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Source {
    url: String,
    /// Set only when there is a retrieval date or a note (most sources are
    /// a bare URL: this keeps them small).
    details: Option<Box<Details>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Details {
    retrieved: Option<PartialDate>,
    note: Option<String>,
}

impl Source {
    /// A source with only a URL.
    ///
    /// # Errors
    ///
    /// [`SourceError`] when the URL is empty, longer than 2048 bytes, holds
    /// whitespace (`https://iom.int/a b`) or control characters, does not
    /// start with `http://` or `https://` (`ftp://iom.int`, `www.iom.int`,
    /// `HTTPS://iom.int`), or has no host (`https:///midwa`).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = migov::Source::new("https://www.iom.int/midwa")?;
    /// assert_eq!(s.to_string(), "https://www.iom.int/midwa");
    /// assert!(migov::Source::new("www.iom.int").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(url: &str) -> Result<Self, SourceError> {
        check_url(url)?;
        Ok(Self {
            url: url.to_owned(),
            details: None,
        })
    }

    fn details_mut(&mut self) -> &mut Details {
        self.details.get_or_insert_with(Box::default)
    }

    /// Records when the page was retrieved: a year, a month or a day.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = migov::Source::new("https://www.iom.int/midwa")?.with_retrieved("2026-11".parse()?);
    /// assert_eq!(s.retrieved().map(|d| d.to_string()).as_deref(), Some("2026-11"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_retrieved(mut self, retrieved: PartialDate) -> Self {
        self.details_mut().retrieved = Some(retrieved);
        self
    }

    /// Adds a note, such as which part of the page supports the record.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = migov::Source::new("https://www.iom.int/midwa")?.with_note("see \"Members\"");
    /// assert_eq!(s.note(), Some("see \"Members\""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.details_mut().note = Some(note.into());
        self
    }

    /// The page's URL.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = migov::Source::new("http://example.org")?;
    /// assert_eq!(s.url(), "http://example.org");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

    /// When the page was retrieved (a year, month or day), if recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = migov::Source::new("http://example.org")?;
    /// assert_eq!(s.retrieved(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn retrieved(&self) -> Option<PartialDate> {
        self.details.as_ref().and_then(|d| d.retrieved)
    }

    /// The note, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = migov::Source::new("http://example.org")?;
    /// assert_eq!(s.note(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.note.as_deref())
    }
}

fn check_url(url: &str) -> Result<(), SourceError> {
    let fail = |kind| Err(SourceError::new(url, kind));
    if url.is_empty() {
        return fail(SourceErrorKind::Empty);
    }
    if url.len() > MAX_URL_BYTES {
        return fail(SourceErrorKind::TooLong);
    }
    // Nearly every URL is printable ASCII: one pass over the bytes, with no
    // early exit so that it runs on whole words at once, settles it.
    // Otherwise look at the characters.
    let suspect = url
        .bytes()
        .fold(false, |suspect, b| suspect | (b <= b' ') | (b >= 0x7f));
    if suspect && url.chars().any(char::is_whitespace) {
        return fail(SourceErrorKind::Whitespace);
    }
    if suspect && url.chars().any(char::is_control) {
        return fail(SourceErrorKind::Control);
    }
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return fail(SourceErrorKind::Scheme);
    };
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or_default();
    if authority.is_empty() {
        return fail(SourceErrorKind::NoHost);
    }
    // A page's address has no user name or password: `user:pass@` or a
    // disguise such as `https://www.iom.int@evil.example/`.
    if authority.contains('@') {
        return fail(SourceErrorKind::UserInfo);
    }
    // A host is written as itself: `%69om.int` would be read as `iom.int`.
    if authority.contains('%') {
        return fail(SourceErrorKind::EncodedHost);
    }
    // The text is only checked, never rewritten: the parser normalises hosts
    // and paths, and a source keeps the URL exactly as its page gave it.
    match url::Url::parse(url) {
        Ok(parsed) if parsed.host_str().is_none_or(str::is_empty) => fail(SourceErrorKind::NoHost),
        Ok(_) => Ok(()),
        Err(url::ParseError::EmptyHost) => fail(SourceErrorKind::NoHost),
        Err(url::ParseError::InvalidPort) => fail(SourceErrorKind::BadPort),
        Err(_) => fail(SourceErrorKind::Malformed),
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

impl FromStr for Source {
    type Err = SourceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<&str> for Source {
    type Error = SourceError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::new(s)
    }
}

impl TryFrom<String> for Source {
    type Error = SourceError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        check_url(&s)?;
        Ok(Self {
            url: s,
            details: None,
        })
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (retrieved, note) = (self.retrieved(), self.note());
        if retrieved.is_none() && note.is_none() {
            return serializer.serialize_str(&self.url);
        }
        let len = 1 + usize::from(retrieved.is_some()) + usize::from(note.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        map.serialize_entry("url", &self.url)?;
        if let Some(retrieved) = retrieved {
            map.serialize_entry("retrieved", &retrieved)?;
        }
        if let Some(note) = note {
            map.serialize_entry("note", note)?;
        }
        map.end()
    }
}

const FIELDS: &[&str] = &["url", "retrieved", "note"];

enum Field {
    Url,
    Retrieved,
    Note,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#""url", "retrieved" or "note""#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
                match v {
                    "url" => Ok(Field::Url),
                    "retrieved" => Ok(Field::Retrieved),
                    "note" => Ok(Field::Note),
                    other => Err(E::unknown_field(other, FIELDS)),
                }
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SourceVisitor;
        impl<'de> Visitor<'de> for SourceVisitor {
            type Value = Source;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    r#"a URL string or an object {"url": ..., "retrieved": ..., "note": ...}"#,
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Source, E> {
                Source::new(v).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Source, A::Error> {
                let mut url: Option<String> = None;
                let mut retrieved: Option<String> = None;
                let mut note: Option<String> = None;
                while let Some(key) = map.next_key::<Field>()? {
                    let (slot, name) = match key {
                        Field::Url => (&mut url, "url"),
                        Field::Retrieved => (&mut retrieved, "retrieved"),
                        Field::Note => (&mut note, "note"),
                    };
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field(name));
                    }
                    *slot = Some(map.next_value()?);
                }
                let url = url.ok_or_else(|| de::Error::missing_field("url"))?;
                let mut source = Source::new(&url).map_err(de::Error::custom)?;
                if let Some(r) = retrieved {
                    let date = r
                        .parse::<PartialDate>()
                        .map_err(|e| de::Error::custom(format!("invalid retrieval date: {e}")))?;
                    source = source.with_retrieved(date);
                }
                if let Some(n) = note {
                    source = source.with_note(n);
                }
                Ok(source)
            }
        }
        deserializer.deserialize_any(SourceVisitor)
    }
}

/// The sources of a record: the first one kept inline, the others in a
/// `Vec` (most records cite one source, which then needs no list of its own).
///
/// Behaves as a slice of sources (`Deref`), compares, hashes and orders as
/// one, and is written and read as a JSON array.
#[derive(Clone, Default)]
pub(crate) struct Sources(SourcesRepr);

#[derive(Clone, Default)]
enum SourcesRepr {
    #[default]
    Empty,
    One(Source),
    Many(Vec<Source>),
}

impl Sources {
    /// The sources, in order.
    pub(crate) fn as_slice(&self) -> &[Source] {
        match &self.0 {
            SourcesRepr::Empty => &[],
            SourcesRepr::One(s) => std::slice::from_ref(s),
            SourcesRepr::Many(v) => v,
        }
    }

    /// Adds a source at the end.
    pub(crate) fn push(&mut self, source: Source) {
        self.0 = match std::mem::take(&mut self.0) {
            SourcesRepr::Empty => SourcesRepr::One(source),
            SourcesRepr::One(first) => SourcesRepr::Many(vec![first, source]),
            SourcesRepr::Many(mut v) => {
                v.push(source);
                SourcesRepr::Many(v)
            }
        };
    }

    /// Adds `other`'s sources at the end (taking them whole when this list is empty).
    pub(crate) fn append(&mut self, other: Sources) {
        if self.is_empty() {
            *self = other;
            return;
        }
        match other.0 {
            SourcesRepr::Empty => {}
            SourcesRepr::One(s) => self.push(s),
            SourcesRepr::Many(v) => v.into_iter().for_each(|s| self.push(s)),
        }
    }
}

impl std::ops::Deref for Sources {
    type Target = [Source];
    fn deref(&self) -> &[Source] {
        self.as_slice()
    }
}

impl From<Vec<Source>> for Sources {
    fn from(mut v: Vec<Source>) -> Self {
        Self(match v.len() {
            0 => SourcesRepr::Empty,
            1 => v.pop().map_or(SourcesRepr::Empty, SourcesRepr::One),
            _ => SourcesRepr::Many(v),
        })
    }
}

impl FromIterator<Source> for Sources {
    fn from_iter<I: IntoIterator<Item = Source>>(iter: I) -> Self {
        let mut out = Sources::default();
        for s in iter {
            out.push(s);
        }
        out
    }
}

impl fmt::Debug for Sources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

impl PartialEq for Sources {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Sources {}

impl PartialOrd for Sources {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sources {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl std::hash::Hash for Sources {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl Serialize for Sources {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Sources {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SourcesVisitor;
        impl<'de> Visitor<'de> for SourcesVisitor {
            type Value = Sources;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Sources, A::Error> {
                let mut out = Sources::default();
                while let Some(s) = seq.next_element()? {
                    out.push(s);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_seq(SourcesVisitor)
    }
}

/// Why a [`Source`] could not be built.
///
/// # Examples
///
/// ```
/// use migov::{Source, SourceErrorKind};
///
/// let err = Source::new("ftp://iom.int").err().ok_or("expected an error")?;
/// assert_eq!(err.kind(), SourceErrorKind::Scheme);
/// assert_eq!(err.input(), "ftp://iom.int");
/// assert_eq!(
///     err.to_string(),
///     r#"invalid source URL "ftp://iom.int": expected an absolute http:// or https:// URL"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct SourceError {
    input: Excerpt,
    kind: SourceErrorKind,
}

impl SourceError {
    fn new(input: &str, kind: SourceErrorKind) -> Self {
        Self {
            input: Excerpt::new(input),
            kind,
        }
    }

    /// The rejected text (at most its first 64 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    #[must_use]
    pub fn kind(&self) -> SourceErrorKind {
        self.kind
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid source URL {}: {}", self.input, self.kind)
    }
}

/// What is wrong with a rejected [`Source`] (see [`SourceError`]).
///
/// `Display` gives the part of the message after the quoted input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SourceErrorKind {
    /// The URL is empty.
    Empty,
    /// The URL is longer than 2048 bytes.
    TooLong,
    /// The URL holds whitespace.
    Whitespace,
    /// The URL holds a control character.
    Control,
    /// The URL does not start with `http://` or `https://`.
    Scheme,
    /// The URL has nothing between the scheme and the path, or an empty
    /// host (`https://:80/`).
    NoHost,
    /// The URL names a user or a password before its host
    /// (`https://user:pass@iom.int/`, `https://www.iom.int@evil.example/`).
    UserInfo,
    /// The host is percent-encoded (`https://%69om.int/`).
    EncodedHost,
    /// The port is not a number from 0 to 65535.
    BadPort,
    /// The URL does not parse as a URL (a malformed host such as
    /// `http://[::1/`, an invalid domain name).
    Malformed,
}

impl fmt::Display for SourceErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("must not be empty"),
            Self::TooLong => write!(f, "must be at most {MAX_URL_BYTES} bytes long"),
            Self::Whitespace => f.write_str("whitespace is not allowed"),
            Self::Control => f.write_str("control characters are not allowed"),
            Self::Scheme => f.write_str("expected an absolute http:// or https:// URL"),
            Self::NoHost => f.write_str("has no host"),
            Self::UserInfo => f.write_str("a user name or password before the host is not allowed"),
            Self::EncodedHost => f.write_str("a percent-encoded host is not allowed"),
            Self::BadPort => f.write_str("the port must be a number from 0 to 65535"),
            Self::Malformed => f.write_str("is not a well-formed URL"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MIDWA: &str = "https://www.iom.int/midwa";

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<Source>();
        assert_send_sync::<SourceError>();
    }

    #[test]
    fn hostile_urls_are_refused_with_the_reason() {
        let cases = [
            ("https://user:pass@iom.int/", SourceErrorKind::UserInfo),
            (
                "https://www.iom.int@evil.example/",
                SourceErrorKind::UserInfo,
            ),
            ("https://:80/", SourceErrorKind::NoHost),
            ("http://[::1/", SourceErrorKind::Malformed),
            ("https://iom.int:65536/", SourceErrorKind::BadPort),
            ("https://iom.int:99999999/", SourceErrorKind::BadPort),
            ("https://%69om.int/", SourceErrorKind::EncodedHost),
            ("https://iom%2Eint/", SourceErrorKind::EncodedHost),
            // Digits only are an IPv4 address, and 08 is not a valid one.
            ("http://08/", SourceErrorKind::Malformed),
            ("http://256.1.1.1/", SourceErrorKind::Malformed),
            // Punycode that does not decode.
            ("http://xn--000/", SourceErrorKind::Malformed),
        ];
        for (url, kind) in cases {
            let err = url_err(url);
            assert_eq!(err.kind(), kind, "{url}");
            assert!(err.to_string().contains(&kind.to_string()), "{err}");
        }
    }

    #[test]
    fn accepted_urls_are_kept_exactly_as_written() {
        // The parser would rewrite each of these (case of the host, a default
        // port, dot segments, an IDN host); the source keeps the text.
        for url in [
            "https://WWW.IOM.INT/Midwa",
            "https://www.iom.int:443/a/../b",
            "https://www.iom.int/search?q=a@b&x=%20",
            "https://fr.wikipédia.org/wiki/OIM",
            "http://[::1]:8080/",
            "https://www.iom.int/#top",
        ] {
            let source = Source::new(url).unwrap();
            assert_eq!(source.url(), url);
            assert_eq!(source.to_string(), url);
        }
    }

    fn url_err(url: &str) -> SourceError {
        Source::new(url).unwrap_err()
    }

    #[test]
    fn accepts_http_and_https() {
        assert_eq!(Source::new(MIDWA).unwrap().url(), MIDWA);
        assert_eq!(
            Source::new("http://example.org").unwrap().to_string(),
            "http://example.org"
        );
        assert!(Source::new("https://example.org?q=1").is_ok());
        assert!(Source::new("https://ex.org/Côte").is_ok());
    }

    #[test]
    fn rejects_empty_url() {
        let e = url_err("");
        assert_eq!(e.kind(), SourceErrorKind::Empty);
        assert_eq!(e.to_string(), r#"invalid source URL "": must not be empty"#);
    }

    #[test]
    fn rejects_wrong_scheme() {
        for bad in [
            "ftp://iom.int",
            "www.iom.int",
            "HTTPS://iom.int",
            "https:/iom.int",
            "mailto:a@b",
        ] {
            assert_eq!(url_err(bad).kind(), SourceErrorKind::Scheme, "{bad:?}");
        }
        assert_eq!(
            url_err("www.iom.int").to_string(),
            r#"invalid source URL "www.iom.int": expected an absolute http:// or https:// URL"#
        );
    }

    #[test]
    fn rejects_missing_host() {
        for bad in ["https://", "https:///midwa", "http://?q", "http://#x"] {
            assert_eq!(url_err(bad).kind(), SourceErrorKind::NoHost, "{bad:?}");
        }
        assert_eq!(
            url_err("https://").to_string(),
            r#"invalid source URL "https://": has no host"#
        );
    }

    #[test]
    fn rejects_whitespace_and_control() {
        let e = url_err("https://iom.int/a b");
        assert_eq!(e.kind(), SourceErrorKind::Whitespace);
        assert_eq!(
            e.to_string(),
            r#"invalid source URL "https://iom.int/a b": whitespace is not allowed"#
        );
        assert_eq!(
            url_err(" https://iom.int").kind(),
            SourceErrorKind::Whitespace
        );
        let e = url_err("https://iom.int/\u{0}");
        assert_eq!(e.kind(), SourceErrorKind::Control);
        assert_eq!(
            e.to_string(),
            r#"invalid source URL "https://iom.int/\0": control characters are not allowed"#
        );
    }

    #[test]
    fn rejects_too_long() {
        let ok = format!("https://iom.int/{}", "a".repeat(MAX_URL_BYTES - 16));
        assert!(Source::new(&ok).is_ok());
        let long = format!("{ok}a");
        let e = url_err(&long);
        assert_eq!(e.kind(), SourceErrorKind::TooLong);
        assert!(
            e.to_string()
                .ends_with("(2049 bytes in all): must be at most 2048 bytes long"),
            "{e}"
        );
    }

    #[test]
    fn retrieved_keeps_its_precision() {
        for ok in ["2026", "2026-11", "2026-11-30", "2024-02-29", "0001"] {
            let s = Source::new(MIDWA)
                .unwrap()
                .with_retrieved(ok.parse().unwrap());
            assert_eq!(s.retrieved().unwrap().to_string(), ok);
            assert_eq!(s.note(), None);
        }
    }

    #[test]
    fn bad_retrieval_dates_are_refused_in_json() {
        for bad in [
            "26",
            "2026-1",
            "2026-13",
            "2026-11-31",
            "2025-02-29",
            "0000",
            "11/2026",
        ] {
            let json = format!(r#"{{"url":{MIDWA:?},"retrieved":{bad:?}}}"#);
            let e = serde_json::from_str::<Source>(&json).unwrap_err();
            assert!(
                e.to_string().starts_with("invalid retrieval date: "),
                "{bad:?}: {e}"
            );
        }
    }

    #[test]
    fn a_bare_url_is_small() {
        // A URL and one pointer-sized slot for the rare extras.
        assert_eq!(
            std::mem::size_of::<Source>(),
            std::mem::size_of::<String>() + std::mem::size_of::<usize>()
        );
    }

    #[test]
    fn serde_plain_and_object_forms() {
        let plain = Source::new(MIDWA).unwrap();
        assert_eq!(serde_json::to_string(&plain).unwrap(), format!("{MIDWA:?}"));
        let full = plain
            .clone()
            .with_retrieved("2026-11".parse().unwrap())
            .with_note("n");
        let json = serde_json::to_string(&full).unwrap();
        assert_eq!(
            json,
            format!(r#"{{"url":{MIDWA:?},"retrieved":"2026-11","note":"n"}}"#)
        );
        assert_eq!(serde_json::from_str::<Source>(&json).unwrap(), full);
        let note_only = plain.clone().with_note("n");
        assert_eq!(
            serde_json::to_string(&note_only).unwrap(),
            format!(r#"{{"url":{MIDWA:?},"note":"n"}}"#)
        );
        // An object with only the URL is accepted and equals the plain form.
        let obj: Source = serde_json::from_str(&format!(r#"{{"url":{MIDWA:?}}}"#)).unwrap();
        assert_eq!(obj, plain);
    }

    #[test]
    fn serde_rejects_bad_input() {
        let cases = [
            (
                r#""www.iom.int""#,
                r#"invalid source URL "www.iom.int": expected an absolute"#,
            ),
            (
                r#"{"url":"www.iom.int"}"#,
                r#"invalid source URL "www.iom.int""#,
            ),
            (
                r#"{"url":"https://a.org","retrieved":"2026-13"}"#,
                r#"invalid retrieval date: "#,
            ),
            (
                r#"{"url":"https://a.org","page":"3"}"#,
                "unknown field `page`",
            ),
            (
                r#"{"url":"https://a.org","url":"https://b.org"}"#,
                "duplicate field `url`",
            ),
            (r#"{"note":"n"}"#, "missing field `url`"),
            (
                r#"{"url":"https://a.org","note":null}"#,
                "invalid type: null",
            ),
            (
                r#"{"url":"https://a.org","retrieved":2026}"#,
                "invalid type: integer `2026`",
            ),
            (
                "42",
                "invalid type: integer `42`, expected a URL string or an object",
            ),
        ];
        for (json, start) in cases {
            let e = serde_json::from_str::<Source>(json).unwrap_err();
            assert!(e.to_string().starts_with(start), "{json}: {e}");
        }
    }

    fn url() -> impl Strategy<Value = String> {
        (
            prop_oneof![Just("http://"), Just("https://")],
            // A host that starts with a letter: one of digits only is an
            // IPv4 address to the URL standard (`http://08` is refused).
            "[a-z][a-z0-9-]{0,19}(\\.[a-z]{2,6}){0,2}",
            "(/[A-Za-z0-9._~%-]{0,12}){0,4}(\\?[a-z]=[0-9]{1,3})?",
        )
            // A label that starts with `xn--` is punycode, which must decode.
            .prop_filter("no punycode label", |(_, host, _)| !host.contains("xn--"))
            .prop_map(|(scheme, host, path)| format!("{scheme}{host}{path}"))
    }

    fn retrieved() -> impl Strategy<Value = String> {
        (
            1u32..=9999,
            proptest::option::of((1u32..=12, proptest::option::of(1u32..=28))),
        )
            .prop_map(|(y, md)| match md {
                None => format!("{y:04}"),
                Some((m, None)) => format!("{y:04}-{m:02}"),
                Some((m, Some(d))) => format!("{y:04}-{m:02}-{d:02}"),
            })
    }

    fn source() -> impl Strategy<Value = Source> {
        (
            url(),
            proptest::option::of(retrieved()),
            proptest::option::of(".{0,20}"),
        )
            .prop_map(|(u, r, n)| {
                let mut s = Source::new(&u).unwrap();
                if let Some(r) = r {
                    s = s.with_retrieved(r.parse().unwrap());
                }
                if let Some(n) = n {
                    s = s.with_note(n);
                }
                s
            })
    }

    proptest! {
        /// The quick pass over a URL's bytes misses no whitespace and no
        /// control character, ASCII or not, and refuses nothing else.
        #[test]
        fn refuses_exactly_whitespace_and_control(path in proptest::prelude::any::<String>()) {
            let url = format!("https://iom.int/{path}");
            let expected = if path.chars().any(char::is_whitespace) {
                Some(SourceErrorKind::Whitespace)
            } else if path.chars().any(char::is_control) {
                Some(SourceErrorKind::Control)
            } else {
                None
            };
            prop_assert_eq!(Source::new(&url).err().map(|e| e.kind()), expected);
        }

        #[test]
        fn display_round_trips_the_url(u in url()) {
            let s: Source = u.parse().unwrap();
            prop_assert_eq!(s.to_string(), u.clone());
            let back: Source = s.to_string().parse().unwrap();
            prop_assert_eq!(back, s);
        }

        #[test]
        fn json_round_trips(s in source()) {
            let json = serde_json::to_string(&s).unwrap();
            let back: Source = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &s);
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }

        /// Whatever mix of `push`, `append` and `From<Vec>` builds it, a
        /// `Sources` holds what a `Vec` built the same way holds, and
        /// compares, orders, hashes and serialises as that `Vec`'s slice.
        #[test]
        fn sources_behave_as_a_vec(
            first in proptest::collection::vec(source(), 0..4),
            pushed in proptest::collection::vec(source(), 0..4),
            appended in proptest::collection::vec(source(), 0..4),
            other in proptest::collection::vec(source(), 0..4),
        ) {
            use std::hash::{BuildHasher, RandomState};
            let mut list = Sources::from(first.clone());
            let mut expected = first;
            for s in pushed {
                list.push(s.clone());
                expected.push(s);
            }
            list.append(Sources::from(appended.clone()));
            expected.extend(appended);
            prop_assert_eq!(list.as_slice(), expected.as_slice());
            prop_assert_eq!(list.len(), expected.len());

            let json = serde_json::to_string(&list).unwrap();
            prop_assert_eq!(&json, &serde_json::to_string(&expected).unwrap());
            let back: Sources = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &list);

            let other_list: Sources = other.iter().cloned().collect();
            prop_assert_eq!(list == other_list, expected == other);
            prop_assert_eq!(list.cmp(&other_list), expected.cmp(&other));
            let state = RandomState::new();
            prop_assert_eq!(state.hash_one(&list), state.hash_one(expected.as_slice()));
        }
    }

    #[test]
    fn sources_refuse_what_is_not_an_array() {
        let err = serde_json::from_str::<Sources>(r#""https://www.iom.int/""#).unwrap_err();
        assert!(err.to_string().contains("expected a sequence"), "{err}");
        let err = serde_json::from_str::<Sources>(r#"["ftp://iom.int"]"#).unwrap_err();
        assert!(err.to_string().contains("ftp://iom.int"), "{err}");
    }
}
