//! Amounts of money in one currency, and per-currency totals.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Currency, CurrencyError};
use crate::text::Excerpt;

/// The most digits an amount may have after the decimal point
/// ([`Decimal`]'s largest scale).
const MAX_FRACTION_DIGITS: usize = 28;

const EMPTY: &str = "must not be empty";
const SHAPE: &str = r#"expected digits with an optional leading "-" and one ".", as "32000.00""#;
const LEADING_ZERO: &str = "leading zeros are not allowed";
const NEGATIVE_ZERO: &str = "negative zero is not allowed";
const TOO_PRECISE: &str = "more than 28 digits after the decimal point";
const OUT_OF_RANGE: &str = "does not fit a 96-bit decimal without rounding";

/// An amount of money in one currency, such as `32000.00 USD`.
///
/// The amount is a [`Decimal`] (never a float) and keeps the scale it was
/// written with: `32000.00` stays `32000.00`, not `32000`. Negative amounts
/// are representable (see [`Money::is_negative`]); rules that forbid them,
/// such as for budgets, live with the records that hold money.
///
/// # Syntax
///
/// `Display` and `FromStr` use the amount, one space and the currency code:
/// `32000.00 USD`. The amount matches `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at
/// most 28 digits after the point; see [`Money::parse_amount`].
///
/// # Serde
///
/// `{"amount": "32000.00", "currency": "USD"}`. The amount is a JSON
/// *string*: a JSON number is rejected, because it may have gone through a
/// float and lost its scale. Unknown, duplicate and missing fields are errors.
///
/// # Equality
///
/// `Eq` and `Hash` follow [`Decimal`], which ignores scale:
/// `32000.00 USD == 32000 USD`. Compare [`ToString::to_string`] to tell them apart.
///
/// # Examples
///
/// ```
/// use migov::{Currency, Money};
///
/// let budget: Money = "32000.00 USD".parse()?;
/// assert_eq!(budget.currency(), Currency::USD);
/// assert_eq!(budget.to_string(), "32000.00 USD");
/// assert_eq!(
///     serde_json::to_string(&budget)?,
///     r#"{"amount":"32000.00","currency":"USD"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An amount in a currency. A negative zero amount is stored as zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{Currency, Money};
    ///
    /// let amount = Money::parse_amount("32000.00")?;
    /// let budget = Money::new(amount, Currency::USD);
    /// assert_eq!(budget.to_string(), "32000.00 USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        let mut amount = amount;
        if amount.is_zero() {
            amount.set_sign_positive(true);
        }
        Self { amount, currency }
    }

    /// Parses an amount as the dataset writes it: `32000.00`, `-5`, `0.5`.
    ///
    /// The text must match `-?(0|[1-9][0-9]*)(\.[0-9]+)?` exactly, and the
    /// value must be exact in a [`Decimal`]: nothing is rounded. The scale is
    /// kept (`"32000.00"` prints back as `32000.00`).
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidAmount`] for empty text, another shape (`1e3`,
    /// `1_000`, `32,000.00`, `USD 32000`, `NaN`, ` 12`, `1.`, `.5`, `+5`),
    /// a leading zero (`01`), negative zero (`-0.00`), more than 28 digits
    /// after the point, or a value too large for a [`Decimal`].
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{Money, MoneyError};
    ///
    /// assert_eq!(Money::parse_amount("32000.00")?.to_string(), "32000.00");
    /// assert!(matches!(
    ///     Money::parse_amount("1e3"),
    ///     Err(MoneyError::InvalidAmount { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_amount(s: &str) -> Result<Decimal, MoneyError> {
        let invalid = |reason| MoneyError::InvalidAmount {
            input: Excerpt::new(s).to_string(),
            reason,
        };
        if s.is_empty() {
            return Err(invalid(EMPTY));
        }
        let (negative, unsigned) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = match unsigned.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (unsigned, None),
        };
        let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(int) || !frac.is_none_or(all_digits) {
            return Err(invalid(SHAPE));
        }
        if int.len() > 1 && int.starts_with('0') {
            return Err(invalid(LEADING_ZERO));
        }
        if frac.is_some_and(|f| f.len() > MAX_FRACTION_DIGITS) {
            return Err(invalid(TOO_PRECISE));
        }
        let value = Decimal::from_str_exact(s).map_err(|_| invalid(OUT_OF_RANGE))?;
        if negative && value.is_zero() {
            return Err(invalid(NEGATIVE_ZERO));
        }
        Ok(value)
    }

    /// The amount, with the scale it was written with.
    ///
    /// # Examples
    ///
    /// ```
    /// let m: migov::Money = "32000.00 USD".parse()?;
    /// assert_eq!(m.amount().scale(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The currency.
    ///
    /// # Examples
    ///
    /// ```
    /// let m: migov::Money = "100 CHF".parse()?;
    /// assert_eq!(m.currency(), migov::Currency::CHF);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Whether the amount is below zero. Zero is not negative.
    ///
    /// # Examples
    ///
    /// ```
    /// let refund: migov::Money = "-5 USD".parse()?;
    /// assert!(refund.is_negative());
    /// assert!(!"0.00 USD".parse::<migov::Money>()?.is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    /// Adds two amounts in the same currency. The sum's scale is the larger
    /// of the two (`1.5 + 2.25 = 3.75`, `1.50 + 2 = 3.50`, `0 + 0.0 = 0.0`),
    /// so addition is commutative and associative in value and in text.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] when the currencies differ (`USD` +
    /// `EUR`), [`MoneyError::Overflow`] when the exact sum does not fit in a
    /// [`Decimal`] at that scale (nothing is rounded). Neither operand changes
    /// either way.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{Money, MoneyError};
    ///
    /// let a: Money = "32000.00 USD".parse()?;
    /// let b: Money = "500 USD".parse()?;
    /// assert_eq!(a.checked_add(&b)?.to_string(), "32500.00 USD");
    ///
    /// let c: Money = "10 EUR".parse()?;
    /// assert!(matches!(a.checked_add(&c), Err(MoneyError::CurrencyMismatch { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            });
        }
        // Exact, in the integers: both amounts in units of the larger scale,
        // added in an `i128` (`Decimal`'s own addition rounds when the sum
        // does not fit at that scale, and is slower).
        let scale = self.amount.scale().max(other.amount.scale());
        let units = |d: Decimal| match scale - d.scale() {
            // The usual case, and no (slow) checked `i128` multiplication.
            0 => Some(d.mantissa()),
            widen => 10i128
                .checked_pow(widen)
                .and_then(|p| d.mantissa().checked_mul(p)),
        };
        units(self.amount)
            .zip(units(other.amount))
            .and_then(|(a, b)| a.checked_add(b))
            .and_then(|sum| Decimal::try_from_i128_with_scale(sum, scale).ok())
            .map(|sum| Money::new(sum, self.currency))
            .ok_or(MoneyError::Overflow {
                currency: self.currency,
            })
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    /// Parses `<amount> <currency>`, as `32000.00 USD`, with exactly one space.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let Some((amount, code)) = s.split_once(' ') else {
            return Err(MoneyError::InvalidFormat {
                input: Excerpt::new(s).to_string(),
            });
        };
        let amount = Money::parse_amount(amount)?;
        let currency: Currency = code.parse()?;
        Ok(Money::new(amount, currency))
    }
}

impl TryFrom<&str> for Money {
    type Error = MoneyError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for Money {
    type Error = MoneyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Money> for String {
    fn from(m: Money) -> Self {
        m.to_string()
    }
}

const FIELDS: &[&str] = &["amount", "currency"];

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Money", 2)?;
        s.serialize_field("amount", &self.amount.to_string())?;
        s.serialize_field("currency", &self.currency)?;
        s.end()
    }
}

enum Field {
    Amount,
    Currency,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#""amount" or "currency""#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
                match v {
                    "amount" => Ok(Field::Amount),
                    "currency" => Ok(Field::Currency),
                    other => Err(E::unknown_field(other, FIELDS)),
                }
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// An amount read from a JSON string (never a number).
pub(crate) struct AmountText(pub(crate) Decimal);

impl<'de> Deserialize<'de> for AmountText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = AmountText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"an amount as a JSON string, such as "32000.00""#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AmountText, E> {
                Money::parse_amount(v).map(AmountText).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(AmountVisitor)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MoneyVisitor;
        impl<'de> Visitor<'de> for MoneyVisitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(r#"an object {"amount": "32000.00", "currency": "USD"}"#)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Money, A::Error> {
                let mut amount: Option<Decimal> = None;
                let mut currency: Option<Currency> = None;
                while let Some(key) = map.next_key::<Field>()? {
                    match key {
                        Field::Amount => {
                            if amount.is_some() {
                                return Err(de::Error::duplicate_field("amount"));
                            }
                            amount = Some(map.next_value::<AmountText>()?.0);
                        }
                        Field::Currency => {
                            if currency.is_some() {
                                return Err(de::Error::duplicate_field("currency"));
                            }
                            currency = Some(map.next_value()?);
                        }
                    }
                }
                let amount = amount.ok_or_else(|| de::Error::missing_field("amount"))?;
                let currency = currency.ok_or_else(|| de::Error::missing_field("currency"))?;
                Ok(Money::new(amount, currency))
            }
        }
        deserializer.deserialize_struct("Money", FIELDS, MoneyVisitor)
    }
}

/// Why money could not be parsed or added.
///
/// # Examples
///
/// ```
/// use migov::{Money, MoneyError};
///
/// let err = "32,000.00 USD".parse::<Money>().err().ok_or("expected an error")?;
/// assert!(matches!(err, MoneyError::InvalidAmount { .. }));
/// assert_eq!(
///     err.to_string(),
///     r#"invalid amount "32,000.00": expected digits with an optional leading "-" and one ".", as "32000.00""#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The amount text is not a plain decimal (see [`Money::parse_amount`]).
    #[error("invalid amount {input}: {reason}")]
    InvalidAmount {
        /// The rejected text, quoted and bounded as in the message
        /// (at most 64 characters, then the whole length).
        input: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// The text is not `<amount> <currency>`.
    #[error(r#"invalid money {input}: expected an amount, one space and a currency code, as "32000.00 USD""#)]
    InvalidFormat {
        /// The rejected text, quoted and bounded as in the message.
        input: String,
    },
    /// The currency code is invalid.
    #[error(transparent)]
    InvalidCurrency(#[from] CurrencyError),
    /// Amounts in different currencies were added.
    #[error("cannot add {right} to {left}: the currencies differ")]
    CurrencyMismatch {
        /// The currency of the left operand (or of the running total).
        left: Currency,
        /// The currency of the right operand.
        right: Currency,
    },
    /// An exact sum does not fit in a [`Decimal`] at the larger scale of
    /// its amounts.
    #[error("sum of {currency} amounts is out of range")]
    Overflow {
        /// The currency being summed.
        currency: Currency,
    },
}

/// Sums of money kept per currency: adding `USD` and `EUR` amounts gives two
/// totals, never one.
///
/// # Serde
///
/// A JSON array of [`Money`] sorted by currency code, each currency at most once:
/// `[{"amount":"10.5","currency":"EUR"},{"amount":"32000.00","currency":"USD"}]`.
///
/// # Examples
///
/// ```
/// use migov::{Currency, Money, Totals};
///
/// let budgets: Vec<Money> = vec!["32000.00 USD".parse()?, "10 EUR".parse()?, "500 USD".parse()?];
/// let totals = Totals::try_from_iter(&budgets)?;
/// assert_eq!(totals.get(Currency::USD).map(|m| m.to_string()).as_deref(), Some("32500.00 USD"));
/// let listed: Vec<String> = totals.iter().map(|m| m.to_string()).collect();
/// assert_eq!(listed, ["10 EUR", "32500.00 USD"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Totals {
    sums: BTreeMap<Currency, Money>,
}

impl Totals {
    /// No totals yet.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(migov::Totals::new().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `money` to the total of its currency.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the total leaves [`Decimal`]'s range;
    /// the totals are then unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut totals = migov::Totals::new();
    /// totals.add(&"1.50 CHF".parse()?)?;
    /// totals.add(&"2 CHF".parse()?)?;
    /// assert_eq!(totals.get(migov::Currency::CHF).map(|m| m.to_string()).as_deref(), Some("3.50 CHF"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, money: &Money) -> Result<(), MoneyError> {
        match self.sums.entry(money.currency) {
            Entry::Occupied(mut total) => {
                let sum = total.get().checked_add(money)?;
                total.insert(sum);
            }
            Entry::Vacant(total) => {
                total.insert(*money);
            }
        }
        Ok(())
    }

    /// Sums a sequence of amounts (owned or borrowed).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when a total leaves [`Decimal`]'s range.
    ///
    /// # Examples
    ///
    /// ```
    /// let amounts: Vec<migov::Money> = vec!["1 USD".parse()?, "2 USD".parse()?];
    /// let totals = migov::Totals::try_from_iter(amounts)?;
    /// assert_eq!(totals.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_from_iter<I>(amounts: I) -> Result<Self, MoneyError>
    where
        I: IntoIterator,
        I::Item: Borrow<Money>,
    {
        let mut totals = Self::new();
        for money in amounts {
            totals.add(money.borrow())?;
        }
        Ok(totals)
    }

    /// The total in `currency`, if any amount in it was added.
    ///
    /// # Examples
    ///
    /// ```
    /// let totals = migov::Totals::new();
    /// assert_eq!(totals.get(migov::Currency::USD), None);
    /// ```
    #[must_use]
    pub fn get(&self, currency: Currency) -> Option<Money> {
        self.sums.get(&currency).copied()
    }

    /// The totals, sorted by currency code.
    ///
    /// # Examples
    ///
    /// ```
    /// let totals = migov::Totals::try_from_iter(["1 USD".parse::<migov::Money>()?, "1 CHF".parse()?])?;
    /// let codes: Vec<&str> = totals.iter().map(|m| m.currency().code()).collect();
    /// assert_eq!(codes, ["CHF", "USD"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Money> + '_ {
        self.sums.values().copied()
    }

    /// How many currencies have a total.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::Totals::new().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.sums.len()
    }

    /// Whether nothing was added.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(migov::Totals::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.sums.is_empty()
    }
}

impl Serialize for Totals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.sums.len()))?;
        for money in self.sums.values() {
            seq.serialize_element(money)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Totals {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let list = Vec::<Money>::deserialize(deserializer)?;
        let mut totals = Totals::new();
        for money in list {
            if totals.sums.insert(money.currency, money).is_some() {
                return Err(de::Error::custom(format_args!(
                    "currency {} appears twice in totals",
                    money.currency
                )));
            }
        }
        Ok(totals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn money(s: &str) -> Money {
        s.parse().unwrap()
    }

    fn amount_err(input: &str) -> MoneyError {
        Money::parse_amount(input).unwrap_err()
    }

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<Money>();
        assert_send_sync::<MoneyError>();
        assert_send_sync::<Totals>();
    }

    #[test]
    fn display_keeps_scale() {
        let m = money("32000.00 USD");
        assert_eq!(m.to_string(), "32000.00 USD");
        assert_eq!(m.amount().scale(), 2);
        // Decimal's Eq ignores scale: the text tells them apart.
        assert_eq!(m, money("32000 USD"));
        assert_ne!(m.to_string(), money("32000 USD").to_string());
    }

    #[test]
    fn serde_keeps_scale_and_uses_strings() {
        let m = money("32000.00 USD");
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"amount":"32000.00","currency":"USD"}"#);
        let back: Money = serde_json::from_str(&json).unwrap();
        assert_eq!(back.to_string(), "32000.00 USD");
    }

    #[test]
    fn parse_accepts_negative_amounts() {
        let m = money("-5 USD");
        assert!(m.is_negative());
        assert_eq!(m.to_string(), "-5 USD");
        assert!(!money("0 USD").is_negative());
        assert!(!money("0.5 USD").is_negative());
    }

    #[test]
    fn parse_accepts_28_fraction_digits() {
        let s = format!("0.{}1", "0".repeat(27));
        assert_eq!(Money::parse_amount(&s).unwrap().to_string(), s);
    }

    #[test]
    fn parse_rejects_bad_shapes() {
        for bad in [
            "1e3",
            "1_000",
            "32,000.00",
            "USD",
            "NaN",
            " 12",
            "12 ",
            "1.",
            ".5",
            "+5",
            "--5",
            "-",
            "1.2.3",
            "١٢",
            "0x10",
            "inf",
        ] {
            let err = amount_err(bad);
            assert_eq!(
                err,
                MoneyError::InvalidAmount {
                    input: format!("{bad:?}"),
                    reason: SHAPE
                },
                "{bad:?}"
            );
        }
        assert_eq!(
            amount_err("1e3").to_string(),
            r#"invalid amount "1e3": expected digits with an optional leading "-" and one ".", as "32000.00""#
        );
    }

    #[test]
    fn parse_rejects_empty() {
        assert_eq!(
            amount_err("").to_string(),
            r#"invalid amount "": must not be empty"#
        );
        assert!(matches!(
            amount_err(""),
            MoneyError::InvalidAmount { reason: EMPTY, .. }
        ));
    }

    #[test]
    fn parse_rejects_leading_zero() {
        for bad in ["01", "-01", "00.5"] {
            assert!(
                matches!(
                    amount_err(bad),
                    MoneyError::InvalidAmount {
                        reason: LEADING_ZERO,
                        ..
                    }
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            amount_err("01").to_string(),
            r#"invalid amount "01": leading zeros are not allowed"#
        );
    }

    #[test]
    fn parse_rejects_negative_zero() {
        for bad in ["-0", "-0.00"] {
            assert!(
                matches!(
                    amount_err(bad),
                    MoneyError::InvalidAmount {
                        reason: NEGATIVE_ZERO,
                        ..
                    }
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            amount_err("-0").to_string(),
            r#"invalid amount "-0": negative zero is not allowed"#
        );
    }

    #[test]
    fn parse_rejects_29_fraction_digits_without_rounding() {
        let s = format!("0.{}1", "0".repeat(28));
        let err = amount_err(&s);
        assert!(matches!(
            err,
            MoneyError::InvalidAmount {
                reason: TOO_PRECISE,
                ..
            }
        ));
        assert_eq!(
            err.to_string(),
            format!("invalid amount {s:?}: more than 28 digits after the decimal point")
        );
    }

    #[test]
    fn parse_rejects_out_of_range() {
        // Decimal::MAX is 79228162514264337593543950335.
        for bad in [
            "79228162514264337593543950336",
            "9.0000000000000000000000000001",
        ] {
            assert!(
                matches!(
                    amount_err(bad),
                    MoneyError::InvalidAmount {
                        reason: OUT_OF_RANGE,
                        ..
                    }
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            amount_err("79228162514264337593543950336").to_string(),
            r#"invalid amount "79228162514264337593543950336": does not fit a 96-bit decimal without rounding"#
        );
    }

    #[test]
    fn error_input_is_bounded() {
        let long = "9".repeat(100_000) + "x";
        let MoneyError::InvalidAmount { input, .. } = amount_err(&long) else {
            panic!("wrong variant");
        };
        assert!(input.len() < 120);
        assert!(input.ends_with("(100001 bytes in all)"));
    }

    #[test]
    fn money_text_rejections() {
        assert_eq!(
            "32000.00USD".parse::<Money>().unwrap_err(),
            MoneyError::InvalidFormat {
                input: r#""32000.00USD""#.to_owned()
            }
        );
        assert_eq!(
            "32000.00USD".parse::<Money>().unwrap_err().to_string(),
            r#"invalid money "32000.00USD": expected an amount, one space and a currency code, as "32000.00 USD""#
        );
        let err = "USD 32000".parse::<Money>().unwrap_err();
        assert!(matches!(
            err,
            MoneyError::InvalidAmount { reason: SHAPE, .. }
        ));
        let err = "32000 usd".parse::<Money>().unwrap_err();
        assert!(matches!(err, MoneyError::InvalidCurrency(_)));
        assert_eq!(
            err.to_string(),
            r#"invalid currency code "usd": expected three capital letters (ISO 4217)"#
        );
        let err = "32000  USD".parse::<Money>().unwrap_err();
        assert!(matches!(err, MoneyError::InvalidCurrency(_)));
    }

    #[test]
    fn json_rejects_number_amount() {
        let err =
            serde_json::from_str::<Money>(r#"{"amount":32000.00,"currency":"USD"}"#).unwrap_err();
        assert!(
            err.to_string().starts_with(
                r#"invalid type: floating point `32000.0`, expected an amount as a JSON string"#
            ),
            "{err}"
        );
        let err =
            serde_json::from_str::<Money>(r#"{"amount":32000,"currency":"USD"}"#).unwrap_err();
        assert!(
            err.to_string().starts_with("invalid type: integer `32000`"),
            "{err}"
        );
    }

    #[test]
    fn json_rejects_bad_amount_text() {
        let err =
            serde_json::from_str::<Money>(r#"{"amount":"1e3","currency":"USD"}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(r#"invalid amount "1e3": expected digits"#),
            "{err}"
        );
    }

    #[test]
    fn json_rejects_unknown_duplicate_and_missing_fields() {
        let err = serde_json::from_str::<Money>(r#"{"amount":"1","currency":"USD","note":"x"}"#)
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("unknown field `note`, expected `amount` or `currency`"),
            "{err}"
        );
        let err = serde_json::from_str::<Money>(r#"{"amount":"1","amount":"2","currency":"USD"}"#)
            .unwrap_err();
        assert!(
            err.to_string().starts_with("duplicate field `amount`"),
            "{err}"
        );
        let err =
            serde_json::from_str::<Money>(r#"{"amount":"1","currency":"USD","currency":"EUR"}"#)
                .unwrap_err();
        assert!(
            err.to_string().starts_with("duplicate field `currency`"),
            "{err}"
        );
        let err = serde_json::from_str::<Money>(r#"{"amount":"1"}"#).unwrap_err();
        assert!(
            err.to_string().starts_with("missing field `currency`"),
            "{err}"
        );
        let err = serde_json::from_str::<Money>(r#"{"currency":"USD"}"#).unwrap_err();
        assert!(
            err.to_string().starts_with("missing field `amount`"),
            "{err}"
        );
    }

    #[test]
    fn json_rejects_non_objects() {
        assert!(serde_json::from_str::<Money>(r#""32000.00 USD""#).is_err());
        assert!(serde_json::from_str::<Money>(r#"["32000.00","USD"]"#).is_err());
        let err = serde_json::from_str::<Money>(r#"{"amount":"1","currency":"usd"}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(r#"invalid currency code "usd""#),
            "{err}"
        );
    }

    #[test]
    fn add_rejects_mixed_currencies() {
        let a = money("1 USD");
        let b = money("1 EUR");
        let err = a.checked_add(&b).unwrap_err();
        assert_eq!(
            err,
            MoneyError::CurrencyMismatch {
                left: Currency::USD,
                right: Currency::EUR
            }
        );
        assert_eq!(
            err.to_string(),
            "cannot add EUR to USD: the currencies differ"
        );
    }

    #[test]
    fn add_rejects_overflow() {
        let max = Money::new(Decimal::MAX, Currency::USD);
        let err = max.checked_add(&money("1 USD")).unwrap_err();
        assert_eq!(
            err,
            MoneyError::Overflow {
                currency: Currency::USD
            }
        );
        assert_eq!(err.to_string(), "sum of USD amounts is out of range");
    }

    #[test]
    fn add_never_rounds() {
        // 7922816251426433759354395033.75 needs 30 digits: it does not fit,
        // and is not rounded to 7922816251426433759354395034 either.
        let err = money("7922816251426433759354395033.5 USD")
            .checked_add(&money("0.25 USD"))
            .unwrap_err();
        assert_eq!(
            err,
            MoneyError::Overflow {
                currency: Currency::USD
            }
        );
        // 10^28 does not fit at one decimal place, but the sum does.
        let big = Money::new(
            Decimal::from_i128_with_scale(10i128.pow(28), 0),
            Currency::USD,
        );
        let half = Money::new(
            Decimal::from_i128_with_scale(-5 * 10i128.pow(28), 1),
            Currency::USD,
        );
        assert_eq!(
            big.checked_add(&half).unwrap().to_string(),
            "5000000000000000000000000000.0 USD"
        );
    }

    #[test]
    fn add_keeps_larger_scale_even_with_zero() {
        assert_eq!(
            money("0 USD")
                .checked_add(&money("0.0 USD"))
                .unwrap()
                .to_string(),
            "0.0 USD"
        );
        assert_eq!(
            money("0.0 USD")
                .checked_add(&money("0 USD"))
                .unwrap()
                .to_string(),
            "0.0 USD"
        );
        assert_eq!(
            money("5 USD")
                .checked_add(&money("0.00 USD"))
                .unwrap()
                .to_string(),
            "5.00 USD"
        );
        assert_eq!(
            money("1.50 USD")
                .checked_add(&money("2 USD"))
                .unwrap()
                .to_string(),
            "3.50 USD"
        );
    }

    #[test]
    fn new_stores_negative_zero_as_zero() {
        let mut z = Decimal::ZERO;
        z.set_sign_negative(true);
        let m = Money::new(z, Currency::USD);
        assert!(!m.is_negative());
        assert_eq!(m.to_string(), "0 USD");
        assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
    }

    #[test]
    fn totals_overflow_leaves_totals_unchanged() {
        let mut totals = Totals::new();
        totals
            .add(&Money::new(Decimal::MAX, Currency::USD))
            .unwrap();
        totals.add(&money("1 EUR")).unwrap();
        let before = totals.clone();
        let err = totals.add(&money("1 USD")).unwrap_err();
        assert_eq!(
            err,
            MoneyError::Overflow {
                currency: Currency::USD
            }
        );
        assert_eq!(totals, before);
    }

    #[test]
    fn totals_json() {
        let totals = Totals::try_from_iter([money("32000.00 USD"), money("10.5 EUR")]).unwrap();
        let json = serde_json::to_string(&totals).unwrap();
        assert_eq!(
            json,
            r#"[{"amount":"10.5","currency":"EUR"},{"amount":"32000.00","currency":"USD"}]"#
        );
        let err = serde_json::from_str::<Totals>(
            r#"[{"amount":"1","currency":"EUR"},{"amount":"2","currency":"EUR"}]"#,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("currency EUR appears twice in totals"),
            "{err}"
        );
    }

    // Strategies: amounts built from valid parts.

    fn amount_text(max_int_digits: usize) -> impl Strategy<Value = String> {
        let int = prop_oneof![
            Just("0".to_owned()),
            (
                1u8..=9,
                proptest::collection::vec(0u8..=9, 0..max_int_digits)
            )
                .prop_map(|(first, rest)| {
                    std::iter::once(first)
                        .chain(rest)
                        .map(|d| char::from(b'0' + d))
                        .collect()
                }),
        ];
        let frac = proptest::option::of(proptest::collection::vec(0u8..=9, 1..=6).prop_map(|ds| {
            ds.into_iter()
                .map(|d| char::from(b'0' + d))
                .collect::<String>()
        }));
        (any::<bool>(), int, frac).prop_map(|(neg, int, frac)| {
            let body = match frac {
                Some(f) => format!("{int}.{f}"),
                None => int,
            };
            let is_zero = body.bytes().all(|b| b == b'0' || b == b'.');
            if neg && !is_zero {
                format!("-{body}")
            } else {
                body
            }
        })
    }

    fn currency() -> impl Strategy<Value = Currency> {
        super::super::currency::tests::currency()
    }

    fn small_money_in(c: Currency) -> impl Strategy<Value = Money> {
        amount_text(12).prop_map(move |a| Money::new(Money::parse_amount(&a).unwrap(), c))
    }

    fn any_money() -> impl Strategy<Value = Money> {
        (amount_text(21), currency())
            .prop_map(|(a, c)| Money::new(Money::parse_amount(&a).unwrap(), c))
    }

    fn few_currencies() -> impl Strategy<Value = Currency> {
        proptest::sample::select(vec![Currency::USD, Currency::EUR, Currency::CHF])
    }

    proptest! {
        #[test]
        fn amount_text_round_trips(s in amount_text(21)) {
            let d = Money::parse_amount(&s).unwrap();
            prop_assert_eq!(d.to_string(), s);
        }

        #[test]
        fn display_round_trips(m in any_money()) {
            let back: Money = m.to_string().parse().unwrap();
            prop_assert_eq!(back, m);
            prop_assert_eq!(back.to_string(), m.to_string());
        }

        #[test]
        fn json_round_trips(m in any_money()) {
            let json = serde_json::to_string(&m).unwrap();
            let back: Money = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, m);
            prop_assert_eq!(back.to_string(), m.to_string());
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }

        /// Over the whole range of amounts: a sum is exact, at the larger
        /// scale, or refused either way round.
        #[test]
        fn addition_is_exact_or_refused(
            (ma, sa, mb, sb) in (any::<i128>(), 0..=28u32, any::<i128>(), 0..=28u32),
            bits_a in 1..=96u32,
            bits_b in 1..=96u32,
        ) {
            let amount = |m: i128, bits: u32, scale: u32| {
                let m = m % (1i128 << bits);
                Money::new(Decimal::from_i128_with_scale(m, scale), Currency::USD)
            };
            let (a, b) = (amount(ma, bits_a, sa), amount(mb, bits_b, sb));
            match a.checked_add(&b) {
                Ok(sum) => {
                    prop_assert_eq!(sum.amount().scale(), sa.max(sb));
                    let minus_b = Money::new(-b.amount(), Currency::USD);
                    // Taking b away again gives a back, unless a itself
                    // cannot be written at the sum's (larger) scale: a sum
                    // can fit in 96 bits where one of its terms, widened,
                    // does not.
                    match sum.checked_add(&minus_b) {
                        Ok(back) => prop_assert_eq!(back.amount(), a.amount()),
                        Err(e) => {
                            prop_assert_eq!(e, MoneyError::Overflow { currency: Currency::USD });
                            let widened = 10i128
                                .checked_pow(sa.max(sb) - sa)
                                .and_then(|p| a.amount().mantissa().checked_mul(p));
                            prop_assert!(widened.is_none_or(|m| m.unsigned_abs() >= 1u128 << 96));
                        }
                    }
                    prop_assert_eq!(b.checked_add(&a).map(|s| s.to_string()), Ok(sum.to_string()));
                }
                Err(e) => {
                    prop_assert_eq!(e, MoneyError::Overflow { currency: Currency::USD });
                    prop_assert!(b.checked_add(&a).is_err());
                }
            }
        }

        #[test]
        fn addition_commutes(a in small_money_in(Currency::USD), b in small_money_in(Currency::USD)) {
            let ab = a.checked_add(&b).unwrap();
            let ba = b.checked_add(&a).unwrap();
            prop_assert_eq!(ab, ba);
            prop_assert_eq!(ab.to_string(), ba.to_string());
        }

        #[test]
        fn addition_associates(
            a in small_money_in(Currency::EUR),
            b in small_money_in(Currency::EUR),
            c in small_money_in(Currency::EUR),
        ) {
            let left = a.checked_add(&b).unwrap().checked_add(&c).unwrap();
            let right = a.checked_add(&b.checked_add(&c).unwrap()).unwrap();
            prop_assert_eq!(left, right);
            prop_assert_eq!(left.to_string(), right.to_string());
        }

        #[test]
        fn failed_cross_currency_add_changes_nothing(
            (a, b) in (proptest::sample::subsequence(
                vec![Currency::USD, Currency::EUR, Currency::CHF, Currency::JPY, Currency::GBP],
                2,
            ), any::<bool>())
                .prop_flat_map(|(pair, swap)| {
                    let (x, y) = if swap { (pair[1], pair[0]) } else { (pair[0], pair[1]) };
                    (small_money_in(x), small_money_in(y))
                })
        ) {
            let (a0, b0) = (a, b);
            let err = a.checked_add(&b).unwrap_err();
            prop_assert_eq!(err, MoneyError::CurrencyMismatch { left: a.currency(), right: b.currency() });
            prop_assert_eq!(a.to_string(), a0.to_string());
            prop_assert_eq!(b.to_string(), b0.to_string());
        }

        #[test]
        fn totals_equal_per_currency_fold(
            list in proptest::collection::vec(
                few_currencies().prop_flat_map(small_money_in), 0..20)
        ) {
            let totals = Totals::try_from_iter(&list).unwrap();
            for c in [Currency::USD, Currency::EUR, Currency::CHF] {
                let fold = list
                    .iter()
                    .filter(|m| m.currency() == c)
                    .copied()
                    .reduce(|acc, m| acc.checked_add(&m).unwrap());
                prop_assert_eq!(totals.get(c).map(|m| m.to_string()), fold.map(|m| m.to_string()));
            }
            let json = serde_json::to_string(&totals).unwrap();
            let back: Totals = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &totals);
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }
    }
}
