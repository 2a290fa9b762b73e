//! [`CountryCode`]: an ISO 3166-1 country code (plus Kosovo), with UN/IOM short names.

mod i18n;
mod names;

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::text::Excerpt;

/// A country or territory: an ISO 3166-1 code, or the user-assigned code of Kosovo.
///
/// Every one of the 249 ISO 3166-1 codes is known, plus `XKX`/`XK` for Kosovo (see
/// [`CountryCode::is_user_assigned`]). A `CountryCode` is always valid: it can only be built from
/// a known code, number or name.
///
/// # Syntax
///
/// [`FromStr`], [`TryFrom<&str>`](TryFrom) and serde take an uppercase alpha-3 code (`"SEN"`) or
/// alpha-2 code (`"SN"`), without surrounding whitespace. [`Display`](fmt::Display) and serde
/// print the alpha-3 code, so `code.to_string().parse()` gives `code` back. Country *names* go
/// through [`CountryCode::from_name`] instead.
///
/// # Names
///
/// [`CountryCode::name`] gives the short name in current UN and IOM usage, from migov's own table:
/// `TUR` is "Türkiye", `SWZ` is "Eswatini", `MKD` is "North Macedonia", `KOR` is
/// "Republic of Korea". For IOM member and observer states it is the name in migov's reference data.
///
/// # Ordering
///
/// `Ord` sorts by alpha-3 code text: `ASM < CIV < CZE < DZA < TUR < XKX`.
///
/// # Kosovo
///
/// ISO 3166-1 has no code for Kosovo. migov uses the user-assigned code `XKX` (alpha-2 `XK`),
/// as UN agencies and IOM do; it has no numeric code. References to Kosovo in UN documents are
/// understood to be in the context of United Nations Security Council resolution 1244 (1999).
///
/// # Examples
///
/// ```
/// use migov::CountryCode;
///
/// let tr: CountryCode = "TUR".parse()?;
/// assert_eq!(tr.name(), "Türkiye");
/// assert_eq!(tr.alpha2(), "TR");
/// assert_eq!(tr.to_string(), "TUR");
/// assert_eq!(CountryCode::from_name("Turkey")?, tr);
/// assert_eq!(serde_json::to_string(&tr)?, r#""TUR""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode(Inner);

/// The code table behind [`CountryCode`]; isocountry never appears in migov's public API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Inner {
    Iso(isocountry::CountryCode),
    Kosovo,
}

impl CountryCode {
    /// Kosovo, under the user-assigned code `XKX`.
    const KOSOVO: Self = Self(Inner::Kosovo);
    const KOSOVO_ALPHA3: &'static str = "XKX";
    const KOSOVO_ALPHA2: &'static str = "XK";

    /// How many values [`CountryCode::ordinal`] takes: one per code.
    pub(crate) const ORDINALS: usize = isocountry::CountryCode::ZWE as usize + 2;

    /// A dense number for this code, below [`CountryCode::ORDINALS`] (for tables indexed by country).
    pub(crate) fn ordinal(self) -> usize {
        match self.0 {
            Inner::Iso(code) => code as usize,
            Inner::Kosovo => Self::ORDINALS - 1,
        }
    }

    /// A number in the order of the alpha-3 codes (the order of `Ord`).
    pub(crate) fn alpha3_rank(self) -> usize {
        alpha3_slot(self.alpha3()).unwrap_or(usize::MAX)
    }

    /// Wraps an isocountry code (used by the name tables).
    const fn from_iso(code: isocountry::CountryCode) -> Self {
        Self(Inner::Iso(code))
    }

    /// The country with this ISO 3166-1 alpha-3 code, such as `"SEN"`, or Kosovo for `"XKX"`.
    ///
    /// The match is exact: uppercase, no whitespace.
    ///
    /// # Errors
    ///
    /// [`CountryCodeError`] of kind [`CountryCodeErrorKind::Code`] for an unknown code (`"ZZZ"`),
    /// lowercase (`"sen"`) or an alpha-2 code (`"SN"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// assert_eq!(CountryCode::from_alpha3("SEN")?.name(), "Senegal");
    /// assert_eq!(CountryCode::from_alpha3("XKX")?.name(), "Kosovo");
    /// assert!(CountryCode::from_alpha3("sen").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_alpha3(code: &str) -> Result<Self, CountryCodeError> {
        Self::parse_alpha3(code).ok_or_else(|| CountryCodeError::code(code, Expected::Alpha3))
    }

    /// The country with this ISO 3166-1 alpha-2 code, such as `"SN"`, or Kosovo for `"XK"`.
    ///
    /// The match is exact: uppercase, no whitespace.
    ///
    /// # Errors
    ///
    /// [`CountryCodeError`] of kind [`CountryCodeErrorKind::Code`] for an unknown code (`"XX"`),
    /// lowercase (`"sn"`) or an alpha-3 code (`"SEN"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// assert_eq!(CountryCode::from_alpha2("SN")?.alpha3(), "SEN");
    /// assert_eq!(CountryCode::from_alpha2("XK")?.alpha3(), "XKX");
    /// assert!(CountryCode::from_alpha2("XX").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_alpha2(code: &str) -> Result<Self, CountryCodeError> {
        Self::parse_alpha2(code).ok_or_else(|| CountryCodeError::code(code, Expected::Alpha2))
    }

    /// The country with this ISO 3166-1 numeric code, such as `686` for Senegal.
    ///
    /// Kosovo has no numeric code, so it is never the result.
    ///
    /// # Errors
    ///
    /// [`CountryCodeError`] of kind [`CountryCodeErrorKind::Numeric`] for a number that is not
    /// an ISO 3166-1 code (`0`, `999`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// assert_eq!(CountryCode::from_numeric(686)?.alpha3(), "SEN");
    /// assert_eq!(CountryCode::from_numeric(4)?.alpha3(), "AFG");
    /// assert!(CountryCode::from_numeric(999).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_numeric(code: u16) -> Result<Self, CountryCodeError> {
        isocountry::CountryCode::for_id(u32::from(code))
            .map(Self::from_iso)
            .map_err(|_| CountryCodeError::numeric(code))
    }

    /// The country with this name: its [name](CountryCode::name) or a known alias.
    ///
    /// Names are compared after folding case, accents, apostrophe kinds, punctuation and
    /// whitespace, and after dropping a leading "the": "cote d'ivoire", "Côte d’Ivoire",
    /// "The Gambia" and "TÜRKIYE" all match. Aliases include older and common forms ("Cape Verde",
    /// "Ivory Coast", "Turkey", "Swaziland", "Democratic Republic of Congo", "South Korea",
    /// "Czech Republic", "Vietnam", "Russia", "USA", "UK") and the ISO 3166-1 English short names.
    /// Codes are not names: `from_name("SEN")` fails.
    ///
    /// # Errors
    ///
    /// [`CountryCodeError`] of kind [`CountryCodeErrorKind::Name`] for an unknown name. When a
    /// known name is close, [`CountryCodeError::suggestion`] gives it ("Senegall" suggests
    /// Senegal).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// assert_eq!(CountryCode::from_name("Cote d’Ivoire")?.alpha3(), "CIV");
    /// assert_eq!(CountryCode::from_name("the Gambia")?.alpha3(), "GMB");
    /// assert_eq!(CountryCode::from_name("Cape Verde")?.name(), "Cabo Verde");
    ///
    /// let err = CountryCode::from_name("Senegall").unwrap_err();
    /// assert_eq!(err.suggestion(), Some(CountryCode::from_alpha3("SEN")?));
    /// assert_eq!(err.to_string(), r#"unknown country name "Senegall" (did you mean "Senegal"?)"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_name(name: &str) -> Result<Self, CountryCodeError> {
        let key = normalize_name(name);
        Self::find_name(&key).ok_or_else(|| CountryCodeError::name(name, suggest_name(&key)))
    }

    /// The country whose name or alias folds to `key` (a [`normalize_name`] output): the
    /// lookup of [`CountryCode::from_name`] without the search for a suggestion.
    pub(crate) fn find_name(key: &str) -> Option<Self> {
        let index = &*NAME_INDEX;
        let at = index.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        index.get(at).map(|&(_, code)| code)
    }

    /// The ISO 3166-1 alpha-3 code, such as `"SEN"` (`"XKX"` for Kosovo).
    ///
    /// # Examples
    ///
    /// ```
    /// let sn = migov::CountryCode::from_alpha2("SN")?;
    /// assert_eq!(sn.alpha3(), "SEN");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn alpha3(self) -> &'static str {
        match self.0 {
            Inner::Iso(code) => code.alpha3(),
            Inner::Kosovo => Self::KOSOVO_ALPHA3,
        }
    }

    /// The ISO 3166-1 alpha-2 code, such as `"SN"` (`"XK"` for Kosovo).
    ///
    /// # Examples
    ///
    /// ```
    /// let tr = migov::CountryCode::from_alpha3("TUR")?;
    /// assert_eq!(tr.alpha2(), "TR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn alpha2(self) -> &'static str {
        match self.0 {
            Inner::Iso(code) => code.alpha2(),
            Inner::Kosovo => Self::KOSOVO_ALPHA2,
        }
    }

    /// The ISO 3166-1 numeric code, such as `686` for Senegal; `None` for Kosovo.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// assert_eq!(CountryCode::from_alpha3("SEN")?.numeric(), Some(686));
    /// assert_eq!(CountryCode::from_alpha3("XKX")?.numeric(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn numeric(self) -> Option<u16> {
        match self.0 {
            Inner::Iso(code) => u16::try_from(code.numeric_id()).ok(),
            Inner::Kosovo => None,
        }
    }

    /// The short name in current UN and IOM usage, such as "Türkiye" or "Cabo Verde".
    ///
    /// The names come from migov's own table: the reference data for IOM member and observer
    /// states, the UN M49 short name or the ISO 3166-1 English short name for other codes, and
    /// "Kosovo" for `XKX`. Each name is unique and [`CountryCode::from_name`] maps it back.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// assert_eq!(CountryCode::from_alpha3("SWZ")?.name(), "Eswatini");
    /// assert_eq!(CountryCode::from_alpha3("MKD")?.name(), "North Macedonia");
    /// assert_eq!(CountryCode::from_alpha3("KOR")?.name(), "Republic of Korea");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(self) -> &'static str {
        match names::NAMES.binary_search_by(|(code, _)| code.cmp(&self)) {
            Ok(at) => names::NAMES
                .get(at)
                .map_or(self.alpha3(), |&(_, name)| name),
            // Unreachable: a test checks that the table covers every code.
            Err(_) => self.alpha3(),
        }
    }

    /// The short name in `language`: [`name`](Self::name) in English; in French
    /// and Spanish, the Unicode CLDR territory name (such as "Allemagne",
    /// "Alemania", "Côte d’Ivoire", "Türkiye" is CLDR's variant and "Turquie"
    /// its name in French). Where the table has no name for a code, the
    /// English name is returned. [`CountryCode::from_name`] accepts the French
    /// and Spanish names too, where they do not spell another country's
    /// English name.
    ///
    /// The table is vendored from the `unicode-org/cldr-json` repository
    /// (Unicode License v3); its header names the commit.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{CountryCode, Language};
    ///
    /// let de = CountryCode::from_alpha3("DEU")?;
    /// assert_eq!(de.name_in(Language::English), "Germany");
    /// assert_eq!(de.name_in(Language::French), "Allemagne");
    /// assert_eq!(de.name_in(Language::Spanish), "Alemania");
    /// assert_eq!(CountryCode::from_name("Sénégal")?.alpha3(), "SEN");
    /// assert_eq!(CountryCode::from_name("Costa de Marfil")?.alpha3(), "CIV");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name_in(self, language: crate::value::Language) -> &'static str {
        i18n::local_name(self, language).unwrap_or_else(|| self.name())
    }

    /// Whether this is a user-assigned code rather than an ISO 3166-1 one: true only for Kosovo
    /// (`XKX`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// assert!(CountryCode::from_alpha3("XKX")?.is_user_assigned());
    /// assert!(!CountryCode::from_alpha3("SRB")?.is_user_assigned());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_user_assigned(self) -> bool {
        self.0 == Inner::Kosovo
    }

    /// Every known code (the 249 ISO 3166-1 codes and Kosovo), in alpha-3 order.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// assert_eq!(CountryCode::all().count(), 250);
    /// assert_eq!(CountryCode::all().next().map(CountryCode::alpha3), Some("ABW"));
    /// assert!(CountryCode::all().any(|c| c.is_user_assigned()));
    /// ```
    pub fn all() -> impl Iterator<Item = Self> {
        names::NAMES.iter().map(|&(code, _)| code)
    }

    fn parse_alpha3(code: &str) -> Option<Self> {
        if code == Self::KOSOVO_ALPHA3 {
            return Some(Self::KOSOVO);
        }
        // A table over every three-letter uppercase code: one lookup
        // instead of comparing against each code in turn.
        static TABLE: std::sync::LazyLock<Vec<Option<isocountry::CountryCode>>> =
            std::sync::LazyLock::new(|| {
                let mut table = vec![None; 26 * 26 * 26];
                for code in isocountry::CountryCode::iter() {
                    if let Some(slot) = alpha3_slot(code.alpha3()).and_then(|i| table.get_mut(i)) {
                        *slot = Some(*code);
                    }
                }
                table
            });
        let slot = alpha3_slot(code)?;
        TABLE.get(slot).copied().flatten().map(Self::from_iso)
    }

    fn parse_alpha2(code: &str) -> Option<Self> {
        if code == Self::KOSOVO_ALPHA2 {
            Some(Self::KOSOVO)
        } else {
            isocountry::CountryCode::for_alpha2(code)
                .ok()
                .map(Self::from_iso)
        }
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CountryCode").field(&self.alpha3()).finish()
    }
}

/// Prints the alpha-3 code, such as `SEN`.
impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha3())
    }
}

impl PartialOrd for CountryCode {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The place of an uppercase three-letter code in a table of every such code.
fn alpha3_slot(code: &str) -> Option<usize> {
    match code.as_bytes() {
        [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => {
            let n = |x: &u8| usize::from(x - b'A');
            Some((n(a) * 26 + n(b)) * 26 + n(c))
        }
        _ => None,
    }
}

/// Orders by alpha-3 code text.
impl Ord for CountryCode {
    fn cmp(&self, other: &Self) -> Ordering {
        self.alpha3().cmp(other.alpha3())
    }
}

/// Parses an uppercase alpha-3 (`"SEN"`) or alpha-2 (`"SN"`) code.
///
/// # Errors
///
/// [`CountryCodeError`] of kind [`CountryCodeErrorKind::Code`] for anything else: `"ZZZ"`,
/// `"xx"`, `"sen"`, `"US "`, `""`, or a name such as `"Senegal"` (use
/// [`CountryCode::from_name`] for names).
///
/// # Examples
///
/// ```
/// use migov::CountryCode;
///
/// let a: CountryCode = "SEN".parse()?;
/// let b: CountryCode = "SN".parse()?;
/// assert_eq!(a, b);
///
/// let err = "ZZZ".parse::<CountryCode>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"unknown country code "ZZZ": expected an ISO 3166-1 alpha-3 or alpha-2 code such as "SEN" or "SN""#,
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for CountryCode {
    type Err = CountryCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parsed = match s.len() {
            3 => Self::parse_alpha3(s),
            2 => Self::parse_alpha2(s),
            _ => None,
        };
        parsed.ok_or_else(|| CountryCodeError::code(s, Expected::Either))
    }
}

impl TryFrom<&str> for CountryCode {
    type Error = CountryCodeError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for CountryCode {
    type Error = CountryCodeError;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> Self {
        code.alpha3().to_owned()
    }
}

/// Serializes as the alpha-3 code string, such as `"SEN"`.
impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.alpha3())
    }
}

/// Deserializes from a string through [`FromStr`]: an uppercase alpha-3 or alpha-2 code.
impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;

        impl Visitor<'_> for CodeVisitor {
            type Value = CountryCode;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 3166-1 alpha-3 or alpha-2 country code string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                v.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_str(CodeVisitor)
    }
}

/// What went wrong when building a [`CountryCode`]: see [`CountryCodeError::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CountryCodeErrorKind {
    /// An unknown alpha-3 or alpha-2 code (from [`FromStr`], serde, [`CountryCode::from_alpha3`]
    /// or [`CountryCode::from_alpha2`]).
    Code,
    /// A number that is not an ISO 3166-1 numeric code ([`CountryCode::from_numeric`]).
    Numeric,
    /// An unknown country name ([`CountryCode::from_name`]).
    Name,
}

/// Which form of input was expected; chooses the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expected {
    Alpha3,
    Alpha2,
    Either,
    Numeric,
    Name,
}

/// The error from building a [`CountryCode`] out of an unknown code, number or name.
///
/// It keeps (a bounded excerpt of) the input and, where one is close, a suggested country.
///
/// # Examples
///
/// ```
/// use migov::{CountryCode, CountryCodeError};
///
/// let err: CountryCodeError = CountryCode::from_name("Senegall").unwrap_err();
/// assert_eq!(err.input(), "Senegall");
/// assert_eq!(err.suggestion().map(CountryCode::name), Some("Senegal"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", Message(self))]
pub struct CountryCodeError {
    expected: Expected,
    input: Excerpt,
    suggestion: Option<CountryCode>,
}

impl CountryCodeError {
    fn code(input: &str, expected: Expected) -> Self {
        Self {
            expected,
            input: Excerpt::new(input),
            suggestion: suggest_code(input, expected),
        }
    }

    fn numeric(input: u16) -> Self {
        Self {
            expected: Expected::Numeric,
            input: Excerpt::new(&input.to_string()),
            suggestion: None,
        }
    }

    fn name(input: &str, suggestion: Option<CountryCode>) -> Self {
        Self {
            expected: Expected::Name,
            input: Excerpt::new(input),
            suggestion,
        }
    }

    /// The rejected input (at most its first 64 characters); a
    /// numeric code is given in decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = "ZZZ".parse::<migov::CountryCode>().unwrap_err();
    /// assert_eq!(err.input(), "ZZZ");
    /// ```
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What kind of input was rejected.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{CountryCode, CountryCodeErrorKind};
    ///
    /// let err = CountryCode::from_numeric(999).unwrap_err();
    /// assert_eq!(err.kind(), CountryCodeErrorKind::Numeric);
    /// ```
    pub fn kind(&self) -> CountryCodeErrorKind {
        match self.expected {
            Expected::Alpha3 | Expected::Alpha2 | Expected::Either => CountryCodeErrorKind::Code,
            Expected::Numeric => CountryCodeErrorKind::Numeric,
            Expected::Name => CountryCodeErrorKind::Name,
        }
    }

    /// A country the input was probably meant to be: the closest known name for a misspelt
    /// name, or the code the input becomes once uppercased and trimmed (`"sen"`, `"SEN "`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::CountryCode;
    ///
    /// let err = "sen".parse::<CountryCode>().unwrap_err();
    /// assert_eq!(err.suggestion(), Some(CountryCode::from_alpha3("SEN")?));
    /// assert_eq!(CountryCode::from_name("Atlantis").unwrap_err().suggestion(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn suggestion(&self) -> Option<CountryCode> {
        self.suggestion
    }
}

/// Displays a [`CountryCodeError`].
struct Message<'a>(&'a CountryCodeError);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let err = self.0;
        let input = &err.input;
        match err.expected {
            Expected::Alpha3 => write!(
                f,
                "unknown country code {input}: expected an ISO 3166-1 alpha-3 code such as \"SEN\""
            )?,
            Expected::Alpha2 => write!(
                f,
                "unknown country code {input}: expected an ISO 3166-1 alpha-2 code such as \"SN\""
            )?,
            Expected::Either => write!(
                f,
                "unknown country code {input}: expected an ISO 3166-1 alpha-3 or alpha-2 code \
                 such as \"SEN\" or \"SN\""
            )?,
            Expected::Numeric => write!(
                f,
                "unknown numeric country code {}: expected an ISO 3166-1 numeric code such as 686",
                input.as_str()
            )?,
            Expected::Name => write!(f, "unknown country name {input}")?,
        }
        if let Some(code) = err.suggestion {
            let text = match err.expected {
                Expected::Alpha2 => code.alpha2(),
                Expected::Either if input.as_str().trim().len() == 2 => code.alpha2(),
                Expected::Alpha3 | Expected::Either | Expected::Numeric => code.alpha3(),
                Expected::Name => code.name(),
            };
            write!(f, " (did you mean {text:?}?)")?;
        }
        Ok(())
    }
}

/// The code an almost-right code was meant to be: `"sen"`, `" SEN"`.
fn suggest_code(input: &str, expected: Expected) -> Option<CountryCode> {
    let trimmed = input.trim();
    if trimmed.len() > 3 {
        return None;
    }
    let upper = trimmed.to_ascii_uppercase();
    match expected {
        Expected::Alpha3 => CountryCode::parse_alpha3(&upper),
        Expected::Alpha2 => CountryCode::parse_alpha2(&upper),
        Expected::Either | Expected::Numeric | Expected::Name => match upper.len() {
            3 => CountryCode::parse_alpha3(&upper),
            2 => CountryCode::parse_alpha2(&upper),
            _ => None,
        },
    }
}

/// Normalized names and aliases, sorted by key; one code per key.
static NAME_INDEX: LazyLock<Vec<(String, CountryCode)>> = LazyLock::new(|| {
    let mut index: Vec<(String, CountryCode)> = names::NAMES
        .iter()
        .map(|&(code, name)| (name, code))
        .chain(names::ALIASES.iter().copied())
        // French and Spanish names come last: where one is spelt like an English
        // name or alias (e.g. "Niger"), the English entry is kept.
        .chain(i18n::all_local_names())
        .map(|(name, code)| (normalize_name(name), code))
        .collect();
    // ISO names without their parenthesis ("Falkland Islands (Malvinas)" →
    // "Falkland Islands"), after every other entry, and only where no two
    // countries would share the short form ("Korea (Republic of)" and
    // "Korea (Democratic People's Republic of)" give no "Korea").
    let mut short: Vec<(String, CountryCode)> = names::NAMES
        .iter()
        .filter_map(|&(code, name)| {
            let (before, _) = name.split_once(" (")?;
            Some((normalize_name(before), code))
        })
        .collect();
    short.sort();
    short.dedup();
    let shared: std::collections::HashSet<String> = short
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if a.0 == b.0 => Some(a.0.clone()),
            _ => None,
        })
        .collect();
    index.extend(short.into_iter().filter(|(key, _)| !shared.contains(key)));
    // A stable sort keeps the table order within a key, so a name wins over an alias.
    index.sort_by(|a, b| a.0.cmp(&b.0));
    index.dedup_by(|later, earlier| later.0 == earlier.0);
    index
});

/// Longest normalized input for which a "did you mean" suggestion is sought; longer input is
/// not a misspelt name (the longest name has 52 characters).
const MAX_SUGGEST_CHARS: usize = 80;

/// The country whose name or alias is closest to `key` (a normalized name), if close enough.
fn suggest_name(key: &str) -> Option<CountryCode> {
    let key: Vec<char> = key.chars().collect();
    if key.len() > MAX_SUGGEST_CHARS {
        return None;
    }
    // Short inputs are too ambiguous; longer ones may have one typo per three characters.
    let allowed = if key.len() < 4 {
        0
    } else {
        (key.len().div_ceil(3)).min(3)
    };
    let mut best: Option<(usize, CountryCode)> = None;
    for (candidate, code) in NAME_INDEX.iter() {
        let candidate: Vec<char> = candidate.chars().collect();
        if candidate.len().abs_diff(key.len()) > allowed {
            continue;
        }
        let distance = edit_distance(&key, &candidate);
        if distance <= allowed
            && word_by_word(&key, &candidate)
            && best.is_none_or(|(d, _)| distance < d)
        {
            best = Some((distance, *code));
        }
    }
    best.map(|(_, code)| code)
}

/// Whether a candidate is close to the input word by word: as many words, and each word within
/// one edit per four characters (none for words under four). "Republic of Kenya" is not a
/// misspelt "Republic of Korea", nor "USSR" a misspelt "USA": a suggestion must never name
/// another country than the one a real name names.
fn word_by_word(key: &[char], candidate: &[char]) -> bool {
    let key_words: Vec<&[char]> = key.split(|c| *c == ' ').collect();
    let candidate_words: Vec<&[char]> = candidate.split(|c| *c == ' ').collect();
    key_words.len() == candidate_words.len()
        && key_words
            .iter()
            .zip(&candidate_words)
            .all(|(a, b)| edit_distance(a, b) <= a.len().max(b.len()) / 4)
}

/// Levenshtein distance between two character sequences.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.iter().enumerate() {
        current.clear();
        current.push(i + 1);
        for (pair, cb) in previous.windows(2).zip(b) {
            let &[diagonal, up] = pair else { continue };
            let left = current.last().copied().unwrap_or(usize::MAX - 1);
            let substitute = diagonal + usize::from(ca != cb);
            current.push(substitute.min(up + 1).min(left + 1));
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

/// Folds text for name matching: lowercase, accents off, apostrophes and dots removed, other
/// punctuation as spaces, `&` as "and", single spaces, no leading "the" (nor "the the").
///
/// Generic text folding (used for country names and for organisation names alike):
/// `"Côte d’Ivoire"` and `"COTE D'IVOIRE"` both become `"cote divoire"`,
/// `"The Gambia"` becomes `"gambia"`, `"Guinea-Bissau"` becomes `"guinea bissau"`,
/// `"U.S.A."` becomes `"usa"`. Letters and digits of any script are kept (lowercased).
pub(crate) fn normalize_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut push = |out: &mut String, piece: Piece| match piece {
        Piece::Space => space = true,
        Piece::Text(t) => {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(t);
        }
        Piece::Char(c) => {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    };
    for c in text.chars() {
        if is_dropped(c) {
            continue;
        }
        if c == '&' {
            push(&mut out, Piece::Space);
            push(&mut out, Piece::Text("and"));
            push(&mut out, Piece::Space);
        } else if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                if is_dropped(lower) {
                    continue;
                }
                match fold_accent(lower) {
                    Some(folded) => push(&mut out, Piece::Text(folded)),
                    None => push(&mut out, Piece::Char(lower)),
                }
            }
        } else {
            push(&mut out, Piece::Space);
        }
    }
    let mut rest = out.as_str();
    while let Some(after) = rest.strip_prefix("the ") {
        rest = after;
    }
    if rest.len() == out.len() {
        out
    } else {
        rest.to_owned()
    }
}

/// A piece of normalized output.
enum Piece {
    Space,
    Text(&'static str),
    Char(char),
}

/// Characters removed without a trace: apostrophes, dots, combining accents, format characters.
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | '′' | '.' | '\u{00AD}' | '\u{200B}'..='\u{200D}'
            | '\u{FEFF}' | '\u{0300}'..='\u{036F}'
    )
}

/// Base letters for the accented lowercase Latin letters found in country and organisation names.
fn fold_accent(c: char) -> Option<&'static str> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    };
    Some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(alpha3: &str) -> CountryCode {
        CountryCode::from_alpha3(alpha3).unwrap()
    }

    #[track_caller]
    fn assert_name(name: &str, alpha3: &str) {
        assert_eq!(
            CountryCode::from_name(name).map(CountryCode::alpha3),
            Ok(alpha3),
            "name {name:?}"
        );
    }

    #[test]
    fn public_types_are_send_sync_debug_and_small() {
        fn check<T: Send + Sync + fmt::Debug + 'static>() {}
        check::<CountryCode>();
        check::<CountryCodeError>();
        check::<CountryCodeErrorKind>();
        assert!(size_of::<CountryCode>() <= 2);
        assert_eq!(size_of::<Option<CountryCode>>(), size_of::<CountryCode>());
    }

    #[test]
    fn table_is_sorted_complete_and_covers_every_iso_code() {
        assert_eq!(
            names::NAMES.len(),
            isocountry::CountryCode::num_country_codes() + 1
        );
        for pair in names::NAMES.windows(2) {
            assert!(
                pair[0].0.alpha3() < pair[1].0.alpha3(),
                "{:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        for iso in isocountry::CountryCode::iter() {
            let ours = CountryCode::from_iso(*iso);
            assert!(
                names::NAMES.iter().any(|(c, _)| *c == ours),
                "{} missing",
                iso.alpha3()
            );
            // name() finds the entry rather than falling back to the code.
            assert_ne!(ours.name(), ours.alpha3());
        }
        assert!(CountryCode::all().any(|c| c == CountryCode::KOSOVO));
        assert_eq!(CountryCode::all().count(), 250);
    }

    #[test]
    fn every_code_parses_from_its_own_text_and_nothing_else_does() {
        let mut ordinals = std::collections::HashSet::new();
        for code in CountryCode::all() {
            assert_eq!(CountryCode::from_alpha3(code.alpha3()), Ok(code));
            assert_eq!(CountryCode::from_alpha2(code.alpha2()), Ok(code));
            assert!(code.ordinal() < CountryCode::ORDINALS);
            assert!(ordinals.insert(code.ordinal()), "{code} shares an ordinal");
        }
        // Ranks follow the order of the codes.
        let mut all: Vec<CountryCode> = CountryCode::all().collect();
        all.sort();
        for pair in all.windows(2) {
            assert!(pair[0].alpha3_rank() < pair[1].alpha3_rank(), "{pair:?}");
        }
        // Every other three-letter uppercase text is refused.
        let known: std::collections::HashSet<&str> =
            CountryCode::all().map(CountryCode::alpha3).collect();
        let letters = b'A'..=b'Z';
        for a in letters.clone() {
            for b in letters.clone() {
                for c in letters.clone() {
                    let text = String::from_utf8(vec![a, b, c]).unwrap();
                    assert_eq!(
                        CountryCode::from_alpha3(&text).is_ok(),
                        known.contains(text.as_str()),
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut keys: Vec<String> = CountryCode::all()
            .map(|c| normalize_name(c.name()))
            .collect();
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before, "two names fold to the same key");
        for c in CountryCode::all() {
            assert_eq!(CountryCode::from_name(c.name()), Ok(c), "{}", c.name());
            assert_eq!(c.name(), c.name().trim());
            assert!(!c.name().is_empty());
        }
    }

    #[test]
    fn aliases_never_contradict_names_or_each_other() {
        let all = names::NAMES
            .iter()
            .map(|&(c, n)| (n, c))
            .chain(names::ALIASES.iter().copied());
        let mut seen: Vec<(String, CountryCode, &str)> = Vec::new();
        for (name, c) in all {
            let key = normalize_name(name);
            assert!(!key.is_empty(), "{name:?}");
            if let Some((_, other, other_name)) = seen.iter().find(|(k, _, _)| *k == key) {
                assert_eq!(*other, c, "{name:?} and {other_name:?} fold alike");
            }
            seen.push((key, c, name));
            assert_eq!(CountryCode::from_name(name), Ok(c), "{name:?}");
        }
    }

    #[test]
    fn codes_round_trip_for_every_country() {
        for c in CountryCode::all() {
            assert_eq!(CountryCode::from_alpha3(c.alpha3()), Ok(c));
            assert_eq!(CountryCode::from_alpha2(c.alpha2()), Ok(c));
            assert_eq!(c.alpha3().parse(), Ok(c));
            assert_eq!(c.alpha2().parse(), Ok(c));
            assert_eq!(c.alpha3().len(), 3);
            assert_eq!(c.alpha2().len(), 2);
            assert!(c.alpha3().bytes().all(|b| b.is_ascii_uppercase()));
            assert!(c.alpha2().bytes().all(|b| b.is_ascii_uppercase()));
            match c.numeric() {
                Some(n) => assert_eq!(CountryCode::from_numeric(n), Ok(c)),
                None => assert!(c.is_user_assigned()),
            }
            assert_eq!(c.is_user_assigned(), c.alpha3() == "XKX");
        }
    }

    #[test]
    fn known_codes_from_sources() {
        assert_eq!(code("SEN").alpha2(), "SN");
        assert_eq!(code("SEN").numeric(), Some(686));
        assert_eq!(code("CIV").alpha2(), "CI");
        assert_eq!(code("COD").numeric(), Some(180));
        assert_eq!(code("GBR").alpha2(), "GB");
        assert_eq!(code("SRB").alpha2(), "RS");
        assert_eq!(
            CountryCode::from_numeric(792).map(CountryCode::alpha3),
            Ok("TUR")
        );
    }

    #[test]
    fn names_follow_un_and_iom_usage() {
        let expected = [
            ("TUR", "Türkiye"),
            ("CZE", "Czechia"),
            ("CIV", "Côte d'Ivoire"),
            ("CPV", "Cabo Verde"),
            ("VNM", "Viet Nam"),
            ("KOR", "Republic of Korea"),
            ("BOL", "Bolivia (Plurinational State of)"),
            ("SWZ", "Eswatini"),
            ("MKD", "North Macedonia"),
            ("COD", "Democratic Republic of the Congo"),
            ("MDA", "Republic of Moldova"),
            ("TZA", "United Republic of Tanzania"),
            ("GBR", "United Kingdom"),
            ("PRK", "Democratic People's Republic of Korea"),
            ("PSE", "State of Palestine"),
            ("XKX", "Kosovo"),
        ];
        for (alpha3, name) in expected {
            assert_eq!(code(alpha3).name(), name);
        }
    }

    #[test]
    fn stale_iso_names_are_never_returned() {
        let stale = [
            "Turkey",
            "Swaziland",
            "Macedonia (the former Yugoslav Republic of)",
            "Korea (Republic of)",
            "Korea (Democratic People's Republic of)",
            "Congo (Democratic Republic of the)",
            "Moldova (Republic of)",
            "Tanzania, United Republic of",
            "Palestine, State of",
        ];
        for c in CountryCode::all() {
            assert!(!stale.contains(&c.name()), "{c} is named {:?}", c.name());
            assert!(!c.name().contains("Swaziland") && !c.name().contains("former Yugoslav"));
        }
    }

    #[test]
    fn kosovo_is_user_assigned() {
        let xk = code("XKX");
        assert_eq!(CountryCode::from_alpha2("XK"), Ok(xk));
        assert_eq!("XK".parse(), Ok(xk));
        assert_eq!(xk.numeric(), None);
        assert_eq!(xk.name(), "Kosovo");
        assert_eq!(xk.to_string(), "XKX");
        assert!(xk.is_user_assigned());
        assert_eq!(CountryCode::from_name("kosovo"), Ok(xk));
        assert_eq!(serde_json::to_string(&xk).unwrap(), r#""XKX""#);
    }

    #[test]
    fn from_name_accepts_aliases_and_spellings() {
        let cases = [
            ("Cabo Verde", "CPV"),
            ("Cape Verde", "CPV"),
            ("Côte d'Ivoire", "CIV"),
            ("Cote d'Ivoire", "CIV"),
            ("Cote d’Ivoire", "CIV"),
            ("CÔTE D’IVOIRE", "CIV"),
            ("Co\u{302}te d'Ivoire", "CIV"),
            ("Ivory Coast", "CIV"),
            ("The Gambia", "GMB"),
            ("the Gambia", "GMB"),
            ("Gambia", "GMB"),
            ("Turkey", "TUR"),
            ("Turkiye", "TUR"),
            ("Swaziland", "SWZ"),
            ("Democratic Republic of Congo", "COD"),
            ("Democratic Republic of the Congo", "COD"),
            ("DR Congo", "COD"),
            ("DRC", "COD"),
            ("Congo-Kinshasa", "COD"),
            ("Congo", "COG"),
            ("The Philippines", "PHL"),
            ("South Korea", "KOR"),
            ("North Korea", "PRK"),
            ("Czech Republic", "CZE"),
            ("Russia", "RUS"),
            ("Vietnam", "VNM"),
            ("Laos", "LAO"),
            ("Syria", "SYR"),
            ("Iran", "IRN"),
            ("Tanzania", "TZA"),
            ("Moldova", "MDA"),
            ("Bolivia", "BOL"),
            ("Venezuela", "VEN"),
            ("Macedonia", "MKD"),
            ("Holy See", "VAT"),
            ("Vatican", "VAT"),
            ("United States", "USA"),
            ("USA", "USA"),
            ("U.S.A.", "USA"),
            ("United Kingdom", "GBR"),
            ("UK", "GBR"),
            ("Great Britain", "GBR"),
            ("Palestine", "PSE"),
            ("Kosovo", "XKX"),
            ("Guinea Bissau", "GNB"),
            ("Guinea–Bissau", "GNB"),
            ("Trinidad & Tobago", "TTO"),
            ("  sierra   leone ", "SLE"),
            ("SAO TOME AND PRINCIPE", "STP"),
            ("São Tomé and Príncipe", "STP"),
            ("Korea (Republic of)", "KOR"),
        ];
        for (name, alpha3) in cases {
            assert_name(name, alpha3);
        }
    }

    #[test]
    fn from_name_resolves_seed_page_names() {
        // As written in /work/shared/seeds (IOM project and news pages).
        let cases = [
            ("Benin", "BEN"),
            ("Burkina Faso", "BFA"),
            ("Cabo Verde", "CPV"),
            ("Cape Verde", "CPV"),
            ("Gambia", "GMB"),
            ("the Gambia", "GMB"),
            ("The Gambia", "GMB"),
            ("Guinea", "GIN"),
            ("Guinea-Bissau", "GNB"),
            ("Liberia", "LBR"),
            ("Mali", "MLI"),
            ("Senegal", "SEN"),
            ("Sierra Leone", "SLE"),
            ("Cote d’Ivoire", "CIV"),
            ("Democratic Republic of Congo", "COD"),
            ("Cameroon", "CMR"),
            ("Ghana", "GHA"),
            ("Mauritania", "MRT"),
            ("Niger", "NER"),
            ("Nigeria", "NGA"),
            ("Chad", "TCD"),
            ("Togo", "TGO"),
            ("The Philippines", "PHL"),
            ("Greece", "GRC"),
            ("Ecuador", "ECU"),
            ("Mexico", "MEX"),
            ("France", "FRA"),
            ("Japan", "JPN"),
        ];
        for (name, alpha3) in cases {
            assert_name(name, alpha3);
        }
        let g5 = "Sahel G5 countries – Mali, Niger, Mauritania, Burkina Faso and Chad";
        let list = g5.split(" – ").nth(1).unwrap();
        let found: Vec<&str> = list
            .split(", ")
            .flat_map(|part| part.split(" and "))
            .map(|name| CountryCode::from_name(name).unwrap().alpha3())
            .collect();
        assert_eq!(found, ["MLI", "NER", "MRT", "BFA", "TCD"]);
    }

    #[test]
    fn from_name_rejects_codes_and_unknown_names() {
        for bad in ["SEN", "", "   ", "Atlantis", "Korea", "Senegal Republic of"] {
            let err = CountryCode::from_name(bad).unwrap_err();
            assert_eq!(err.kind(), CountryCodeErrorKind::Name, "{bad:?}");
        }
    }

    #[test]
    fn from_str_rejects_anything_but_exact_uppercase_codes() {
        for bad in [
            "xx", "ZZZ", "US ", " US", "", "sen", "Sen", "SENN", "S", "Senegal", "XKX ", "X K",
        ] {
            let err = bad.parse::<CountryCode>().unwrap_err();
            assert_eq!(err.kind(), CountryCodeErrorKind::Code, "{bad:?}");
            assert_eq!(err.input(), bad);
        }
        assert!(CountryCode::from_alpha3("SN").is_err());
        assert!(CountryCode::from_alpha2("SEN").is_err());
        assert!(CountryCode::from_alpha3("tur").is_err());
        assert!(CountryCode::from_numeric(0).is_err());
        assert!(CountryCode::from_numeric(999).is_err());
    }

    #[test]
    fn error_messages_are_exact() {
        let msg = |r: Result<CountryCode, CountryCodeError>| r.unwrap_err().to_string();
        assert_eq!(
            msg("ZZZ".parse()),
            r#"unknown country code "ZZZ": expected an ISO 3166-1 alpha-3 or alpha-2 code such as "SEN" or "SN""#
        );
        assert_eq!(
            msg("sen".parse()),
            r#"unknown country code "sen": expected an ISO 3166-1 alpha-3 or alpha-2 code such as "SEN" or "SN" (did you mean "SEN"?)"#
        );
        assert_eq!(
            msg("US ".parse()),
            r#"unknown country code "US ": expected an ISO 3166-1 alpha-3 or alpha-2 code such as "SEN" or "SN" (did you mean "US"?)"#
        );
        assert_eq!(
            msg(CountryCode::from_alpha3("SN")),
            r#"unknown country code "SN": expected an ISO 3166-1 alpha-3 code such as "SEN""#
        );
        assert_eq!(
            msg(CountryCode::from_alpha2("sn")),
            r#"unknown country code "sn": expected an ISO 3166-1 alpha-2 code such as "SN" (did you mean "SN"?)"#
        );
        assert_eq!(
            msg(CountryCode::from_numeric(999)),
            "unknown numeric country code 999: expected an ISO 3166-1 numeric code such as 686"
        );
        assert_eq!(
            msg(CountryCode::from_name("Senegall")),
            r#"unknown country name "Senegall" (did you mean "Senegal"?)"#
        );
        assert_eq!(
            msg(CountryCode::from_name("Cap Verde")),
            r#"unknown country name "Cap Verde" (did you mean "Cabo Verde"?)"#
        );
        assert_eq!(
            msg(CountryCode::from_name("Atlantis")),
            r#"unknown country name "Atlantis""#
        );
    }

    #[test]
    fn suggestions_are_close_word_by_word() {
        // Misspelt names still get their country.
        for (typo, alpha3) in [
            ("Senegall", "SEN"),
            ("Cap Verde", "CPV"),
            ("Phillipines", "PHL"),
            ("Burkina Fasso", "BFA"),
        ] {
            assert_eq!(
                CountryCode::from_name(typo).unwrap_err().suggestion(),
                Some(code(alpha3)),
                "{typo}"
            );
        }
        // Real names of one country are never suggested as another, close as they are.
        for name in [
            "Republic of Kenya",
            "French Republic",
            "USSR",
            "Cocos Islands Territory",
        ] {
            assert_eq!(
                CountryCode::from_name(name).unwrap_err().suggestion(),
                None,
                "{name}"
            );
        }
    }

    #[test]
    fn error_accessors() {
        let err = CountryCode::from_name("Senegall").unwrap_err();
        assert_eq!(err.input(), "Senegall");
        assert_eq!(err.kind(), CountryCodeErrorKind::Name);
        assert_eq!(err.suggestion(), Some(code("SEN")));
        let err = "ZZZ".parse::<CountryCode>().unwrap_err();
        assert_eq!(err.suggestion(), None);
        let err = CountryCode::from_numeric(999).unwrap_err();
        assert_eq!(
            (err.input(), err.kind()),
            ("999", CountryCodeErrorKind::Numeric)
        );
        // Short inputs get no far-fetched suggestion.
        assert_eq!(CountryCode::from_name("Ux").unwrap_err().suggestion(), None);
    }

    #[test]
    fn errors_bound_hostile_input() {
        let long = "Senegal".repeat(1_000_000);
        let err = CountryCode::from_name(&long).unwrap_err();
        assert_eq!(err.suggestion(), None);
        assert!(err.input().len() <= Excerpt::MAX_CHARS);
        assert!(err.to_string().len() < 200, "{err}");
        assert!(err.to_string().ends_with("(7000000 bytes in all)"), "{err}");
        let err = long.parse::<CountryCode>().unwrap_err();
        assert!(err.to_string().len() < 250, "{err}");
    }

    #[test]
    fn display_debug_and_string_conversions() {
        let tr = code("TUR");
        assert_eq!(tr.to_string(), "TUR");
        assert_eq!(format!("{tr:?}"), r#"CountryCode("TUR")"#);
        assert_eq!(String::from(tr), "TUR");
        assert_eq!(CountryCode::try_from("TR"), Ok(tr));
        assert_eq!(CountryCode::try_from(String::from("TUR")), Ok(tr));
    }

    #[test]
    fn serde_uses_alpha3_and_never_alpha2() {
        for c in CountryCode::all() {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.alpha3()));
            assert_ne!(json, format!("\"{}\"", c.alpha2()));
            assert_eq!(serde_json::from_str::<CountryCode>(&json).unwrap(), c);
        }
        assert_eq!(
            serde_json::from_str::<CountryCode>(r#""TR""#).unwrap(),
            code("TUR")
        );
        for bad in [
            r#""tr""#,
            r#""tur""#,
            r#""Turkey""#,
            r#""ZZZ""#,
            "792",
            "null",
            r#""""#,
        ] {
            assert!(serde_json::from_str::<CountryCode>(bad).is_err(), "{bad}");
        }
        let err = serde_json::from_str::<CountryCode>(r#""ZZZ""#)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(r#"unknown country code "ZZZ": expected"#),
            "{err}"
        );
        let v: Vec<CountryCode> = serde_json::from_str(r#"["SEN","TUR"]"#).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"["SEN","TUR"]"#);
    }

    #[test]
    fn ord_is_by_alpha3_not_isocountry_order() {
        // isocountry orders DZA (Algeria) before ASM (American Samoa).
        let mut v: Vec<CountryCode> = ["DZA", "ASM", "CIV", "CZE", "TUR", "XKX"]
            .map(code)
            .to_vec();
        v.sort();
        let sorted: Vec<&str> = v.iter().map(|c| c.alpha3()).collect();
        assert_eq!(sorted, ["ASM", "CIV", "CZE", "DZA", "TUR", "XKX"]);
        let all: Vec<CountryCode> = CountryCode::all().collect();
        assert!(all.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn normalize_name_folds_text() {
        let cases = [
            ("Côte d’Ivoire", "cote divoire"),
            ("COTE D'IVOIRE", "cote divoire"),
            ("The Gambia", "gambia"),
            ("the the Gambia", "gambia"),
            ("Thailand", "thailand"),
            ("The", "the"),
            ("Guinea-Bissau", "guinea bissau"),
            ("U.S.A.", "usa"),
            ("  Bosnia  &  Herzegovina\t", "bosnia and herzegovina"),
            (
                "Bolivia (Plurinational State of)",
                "bolivia plurinational state of",
            ),
            ("Türkiye", "turkiye"),
            ("Straße", "strasse"),
            ("Œuvre", "oeuvre"),
            (
                "Organisation internationale pour les migrations (OIM)",
                "organisation internationale pour les migrations oim",
            ),
            ("5+5 Dialogue", "5 5 dialogue"),
            ("", ""),
            ("—", ""),
            ("Россия", "россия"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_name(input), expected, "{input:?}");
        }
    }

    #[test]
    fn edit_distance_counts_edits() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("", ""), 0);
        assert_eq!(d("abc", ""), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("senegall", "senegal"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("chda", "chad"), 2);
    }

    fn country() -> impl Strategy<Value = CountryCode> {
        proptest::sample::select(CountryCode::all().collect::<Vec<_>>())
    }

    proptest! {
        #[test]
        fn display_round_trips(c in country()) {
            let text = c.to_string();
            prop_assert_eq!(text.parse::<CountryCode>(), Ok(c));
            prop_assert_eq!(text.as_str(), c.alpha3());
        }

        #[test]
        fn json_round_trips(c in country()) {
            let json = serde_json::to_string(&c).unwrap();
            prop_assert_eq!(serde_json::from_str::<CountryCode>(&json).unwrap(), c);
        }

        #[test]
        fn ord_agrees_with_alpha3_and_eq(a in country(), b in country()) {
            prop_assert_eq!(a.cmp(&b), a.alpha3().cmp(b.alpha3()));
            prop_assert_eq!(a.cmp(&b).is_eq(), a == b);
            prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        }

        #[test]
        fn name_round_trips_in_any_case(c in country(), upper in any::<bool>()) {
            let name = if upper { c.name().to_uppercase() } else { c.name().to_lowercase() };
            prop_assert_eq!(CountryCode::from_name(&name), Ok(c));
        }

        #[test]
        fn normalize_name_is_idempotent_and_tidy(s in "\\PC{0,40}") {
            let once = normalize_name(&s);
            prop_assert_eq!(normalize_name(&once), once.clone());
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
        }
    }
}
