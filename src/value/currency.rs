//! ISO 4217 currencies.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text::Excerpt;

/// Every currency `iso_currency` knows, sorted by code; built once, so that
/// [`Currency::name`] can hand out `&'static str` (the crate's own `name`
/// borrows from its receiver).
static ALL: LazyLock<Vec<iso_currency::Currency>> = LazyLock::new(|| {
    let letters = b'A'..=b'Z';
    let mut all = Vec::with_capacity(200);
    for a in letters.clone() {
        for b in letters.clone() {
            for c in letters.clone() {
                let code = [a, b, c];
                if let Some(found) = std::str::from_utf8(&code)
                    .ok()
                    .and_then(iso_currency::Currency::from_code)
                {
                    all.push(found);
                }
            }
        }
    }
    all
});

/// An ISO 4217 currency, such as `USD` or `CHF`.
///
/// # Syntax
///
/// Exactly three capital ASCII letters naming a currency in ISO 4217
/// (`USD`, `EUR`, `XDR`). Lowercase (`usd`), surrounding whitespace and
/// unassigned codes (`XYZ`) are rejected.
///
/// `Display` prints the code, never the English name, so
/// `c.to_string().parse() == Ok(c)`. Serde uses the same string.
///
/// # Ordering
///
/// By code: `CHF` < `EUR` < `USD`.
///
/// # Examples
///
/// ```
/// use migov::Currency;
///
/// let usd: Currency = "USD".parse()?;
/// assert_eq!(usd, Currency::USD);
/// assert_eq!(usd.to_string(), "USD");
/// assert_eq!(usd.name(), "United States dollar");
/// assert_eq!(usd.minor_units(), Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// The United States dollar.
    pub const USD: Self = Self(iso_currency::Currency::USD);
    /// The euro.
    pub const EUR: Self = Self(iso_currency::Currency::EUR);
    /// The Swiss franc (IOM is headquartered in Geneva).
    pub const CHF: Self = Self(iso_currency::Currency::CHF);
    /// The Japanese yen (no minor units).
    pub const JPY: Self = Self(iso_currency::Currency::JPY);
    /// The pound sterling.
    pub const GBP: Self = Self(iso_currency::Currency::GBP);

    /// Parses an ISO 4217 alphabetic code; same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// [`CurrencyError`] when the text is not three capital letters (`usd`,
    /// `US`, ` USD`) or names no ISO 4217 currency (`XYZ`).
    ///
    /// # Examples
    ///
    /// ```
    /// let chf = migov::Currency::new("CHF")?;
    /// assert_eq!(chf.code(), "CHF");
    /// assert!(migov::Currency::new("chf").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(code: &str) -> Result<Self, CurrencyError> {
        code.parse()
    }

    /// The three-letter ISO 4217 code, such as `"USD"`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::Currency::EUR.code(), "EUR");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        self.0.code()
    }

    /// The number of digits after the decimal point in the currency's minor
    /// unit (ISO 4217 "exponent"): `Some(2)` for USD, `Some(0)` for JPY,
    /// `None` where ISO 4217 gives none (XDR, XAU).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::Currency;
    /// assert_eq!(Currency::USD.minor_units(), Some(2));
    /// assert_eq!(Currency::JPY.minor_units(), Some(0));
    /// assert_eq!(Currency::new("XDR")?.minor_units(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn minor_units(self) -> Option<u16> {
        self.0.exponent()
    }

    /// The English name from ISO 4217, such as `"Swiss franc"`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::Currency::CHF.name(), "Swiss franc");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        ALL.iter().find(|c| **c == self.0).map_or("", |c| c.name())
    }
}

impl PartialOrd for Currency {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Currency {
    fn cmp(&self, other: &Self) -> Ordering {
        self.code().cmp(other.code())
    }
}

impl Hash for Currency {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code().hash(state);
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = CurrencyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let shape_ok = matches!(s.as_bytes(), [a, b, c]
            if [a, b, c].iter().all(|x| x.is_ascii_uppercase()));
        if !shape_ok {
            return Err(CurrencyError::new(s, CurrencyErrorKind::Shape));
        }
        iso_currency::Currency::from_code(s)
            .map(Self)
            .ok_or_else(|| CurrencyError::new(s, CurrencyErrorKind::Unknown))
    }
}

impl TryFrom<&str> for Currency {
    type Error = CurrencyError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for Currency {
    type Error = CurrencyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> Self {
        c.code().to_owned()
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl serde::de::Visitor<'_> for CodeVisitor {
            type Value = Currency;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 4217 currency code such as \"USD\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Currency, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(CodeVisitor)
    }
}

/// Why a text is not a [`Currency`].
///
/// # Examples
///
/// ```
/// let err = "usd".parse::<migov::Currency>().err().ok_or("expected an error")?;
/// assert_eq!(err.input(), "usd");
/// assert_eq!(
///     err.to_string(),
///     r#"invalid currency code "usd": expected three capital letters (ISO 4217)"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid currency code {input}: {kind}")]
pub struct CurrencyError {
    input: Excerpt,
    kind: CurrencyErrorKind,
}

impl CurrencyError {
    fn new(input: &str, kind: CurrencyErrorKind) -> Self {
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

    /// Whether the text had the shape of a code (three capital letters) but
    /// names no ISO 4217 currency, as `XYZ`.
    #[must_use]
    pub fn is_unknown_code(&self) -> bool {
        self.kind == CurrencyErrorKind::Unknown
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CurrencyErrorKind {
    Shape,
    Unknown,
}

impl fmt::Display for CurrencyErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Shape => "expected three capital letters (ISO 4217)",
            Self::Unknown => "not an ISO 4217 currency",
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<Currency>();
        assert_send_sync::<CurrencyError>();
    }

    #[test]
    fn parse_accepts_iso_codes() {
        assert_eq!("USD".parse::<Currency>().unwrap(), Currency::USD);
        assert_eq!("XDR".parse::<Currency>().unwrap().code(), "XDR");
    }

    #[test]
    fn display_is_code_not_name() {
        assert_eq!(Currency::CHF.to_string(), "CHF");
        assert_eq!(format!("{:?}", Currency::CHF), "Currency(CHF)");
    }

    #[test]
    fn name_and_minor_units() {
        assert_eq!(Currency::EUR.name(), "Euro");
        assert_eq!(Currency::JPY.minor_units(), Some(0));
        assert_eq!(Currency::GBP.minor_units(), Some(2));
    }

    #[test]
    fn parse_rejects_lowercase() {
        let err = "usd".parse::<Currency>().unwrap_err();
        assert!(!err.is_unknown_code());
        assert_eq!(
            err.to_string(),
            r#"invalid currency code "usd": expected three capital letters (ISO 4217)"#
        );
    }

    #[test]
    fn parse_rejects_unknown_code() {
        let err = "XYZ".parse::<Currency>().unwrap_err();
        assert!(err.is_unknown_code());
        assert_eq!(err.input(), "XYZ");
        assert_eq!(
            err.to_string(),
            r#"invalid currency code "XYZ": not an ISO 4217 currency"#
        );
    }

    #[test]
    fn parse_rejects_other_shapes() {
        for bad in ["", "US", "USDD", " USD", "USD ", "U$D", "ÜSD"] {
            let err = bad.parse::<Currency>().unwrap_err();
            assert_eq!(err.kind, CurrencyErrorKind::Shape, "{bad:?}");
        }
    }

    #[test]
    fn ord_is_by_code() {
        // iso_currency's own enum order is not alphabetical (AOA before ALL).
        let all = "AOA".parse::<Currency>().unwrap();
        let l = "ALL".parse::<Currency>().unwrap();
        assert!(l < all);
        assert!(Currency::CHF < Currency::EUR && Currency::EUR < Currency::USD);
    }

    #[test]
    fn serde_is_the_code() {
        assert_eq!(serde_json::to_string(&Currency::USD).unwrap(), r#""USD""#);
        let c: Currency = serde_json::from_str(r#""EUR""#).unwrap();
        assert_eq!(c, Currency::EUR);
        let err = serde_json::from_str::<Currency>(r#""eur""#).unwrap_err();
        assert!(err.to_string().starts_with(
            r#"invalid currency code "eur": expected three capital letters (ISO 4217)"#
        ));
        assert!(serde_json::from_str::<Currency>("840").is_err());
    }

    pub(crate) fn currency() -> impl Strategy<Value = Currency> {
        proptest::sample::select(ALL.clone()).prop_map(Currency)
    }

    proptest! {
        #[test]
        fn display_round_trips(c in currency()) {
            let back: Currency = c.to_string().parse().unwrap();
            prop_assert_eq!(back, c);
            prop_assert_eq!(back.to_string(), c.to_string());
        }

        #[test]
        fn json_round_trips(c in currency()) {
            let json = serde_json::to_string(&c).unwrap();
            let back: Currency = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, c);
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }

        #[test]
        fn ord_agrees_with_eq(a in currency(), b in currency()) {
            prop_assert_eq!(a.cmp(&b).is_eq(), a == b);
            prop_assert_eq!(a.cmp(&b), a.code().cmp(b.code()));
        }
    }
}
