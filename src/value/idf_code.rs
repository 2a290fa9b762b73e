//! IOM Development Fund project codes.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::text::Excerpt;

/// An IOM Development Fund (IDF) project code, such as `E40-800` or `LM.0123`.
///
/// # Syntax
///
/// Exactly one of two forms (see [`IdfCodeForm`]), seven ASCII characters:
///
/// - legacy: three capital letters or digits, `-`, three digits: `E40-800`,
///   and, as Fund pages print them, `TB2-805`, `TC4-805`, `614-800`;
/// - current: two capital letters, `.`, four digits: `LM.0123`.
///
/// Input is read without regard to case and kept in capitals: `e40-800` is
/// `E40-800`, `lm.0123` is `LM.0123` (the JSON format reads it the same way
/// and writes the capitals). Nothing else is changed or accepted: no
/// surrounding whitespace, no other separator (`E40 800`, `LM-0123`).
///
/// # Ordering
///
/// By text.
///
/// # Examples
///
/// ```
/// use migov::{IdfCode, IdfCodeForm};
///
/// let code: IdfCode = "E40-800".parse()?;
/// assert_eq!(code.form(), IdfCodeForm::Legacy);
/// assert_eq!(code.to_string(), "E40-800");
/// assert_eq!("LM.0123".parse::<IdfCode>()?.form(), IdfCodeForm::Current);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct IdfCode([u8; 7]);

/// Which of the two IDF code forms a code has.
///
/// # Examples
///
/// ```
/// let code = migov::IdfCode::new("E40-800")?;
/// assert_eq!(code.form(), migov::IdfCodeForm::Legacy);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdfCodeForm {
    /// The older form: three capital letters or digits, `-`, three digits
    /// (`E40-800`, `TB2-805`, `614-800`).
    Legacy,
    /// The newer form: two capital letters, `.`, four digits (`LM.0123`).
    Current,
}

impl IdfCode {
    /// Checks and wraps a code; same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// [`IdfCodeError`] when the text has neither form, in any case:
    /// `E40800`, ` E40-800`, `LM-0123`, `LM.123`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::IdfCode::new("LM.0123")?.as_str(), "LM.0123");
    /// assert_eq!(migov::IdfCode::new("lm.0123")?.as_str(), "LM.0123");
    /// assert!(migov::IdfCode::new("E40800").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(s: &str) -> Result<Self, IdfCodeError> {
        s.parse()
    }

    /// The code's text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::IdfCode::new("E40-800")?.as_str(), "E40-800");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (checked by `form_of`).
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Which form the code has.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{IdfCode, IdfCodeForm};
    /// assert_eq!(IdfCode::new("LM.0123")?.form(), IdfCodeForm::Current);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn form(&self) -> IdfCodeForm {
        if self.0.get(3) == Some(&b'-') {
            IdfCodeForm::Legacy
        } else {
            IdfCodeForm::Current
        }
    }
}

fn form_of(bytes: &[u8]) -> Option<IdfCodeForm> {
    let digits = |ds: &[&u8]| ds.iter().all(|d| d.is_ascii_digit());
    match bytes {
        [l, a, b, b'-', c, d, e]
            if [l, a, b]
                .iter()
                .all(|x| x.is_ascii_uppercase() || x.is_ascii_digit())
                && digits(&[c, d, e]) =>
        {
            Some(IdfCodeForm::Legacy)
        }
        [l, m, b'.', a, b, c, d]
            if l.is_ascii_uppercase() && m.is_ascii_uppercase() && digits(&[a, b, c, d]) =>
        {
            Some(IdfCodeForm::Current)
        }
        _ => None,
    }
}

impl FromStr for IdfCode {
    type Err = IdfCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes: Option<[u8; 7]> = s.as_bytes().try_into().ok().map(|mut b: [u8; 7]| {
            b.make_ascii_uppercase();
            b
        });
        match bytes {
            Some(b) if form_of(&b).is_some() => Ok(Self(b)),
            _ => Err(IdfCodeError {
                input: Excerpt::new(s),
            }),
        }
    }
}

impl TryFrom<String> for IdfCode {
    type Error = IdfCodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<&str> for IdfCode {
    type Error = IdfCodeError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<IdfCode> for String {
    fn from(c: IdfCode) -> Self {
        c.as_str().to_owned()
    }
}

impl fmt::Display for IdfCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for IdfCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdfCode({:?})", self.as_str())
    }
}

/// Why a text is not an [`IdfCode`].
///
/// # Examples
///
/// ```
/// let err = migov::IdfCode::new("E40800").err().ok_or("expected an error")?;
/// assert_eq!(err.input(), "E40800");
/// assert_eq!(
///     err.to_string(),
///     r#"invalid IDF code "E40800": expected 3 letters or digits, "-", 3 digits (E40-800) or 2 letters, ".", 4 digits (LM.0123), in any case"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    r#"invalid IDF code {input}: expected 3 letters or digits, "-", 3 digits (E40-800) or 2 letters, ".", 4 digits (LM.0123), in any case"#
)]
pub struct IdfCodeError {
    input: Excerpt,
}

impl IdfCodeError {
    /// The rejected text (at most its first 64 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

crate::value::deserialize_from_str!(IdfCode, "a string");

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<IdfCode>();
        assert_send_sync::<IdfCodeForm>();
        assert_send_sync::<IdfCodeError>();
    }

    #[test]
    fn accepts_both_forms() {
        assert_eq!(IdfCode::new("E40-800").unwrap().form(), IdfCodeForm::Legacy);
        assert_eq!(
            IdfCode::new("LM.0123").unwrap().form(),
            IdfCodeForm::Current
        );
        // Legacy codes as Fund pages print them (iom.int project pages).
        for printed in ["TB2-805", "TC4-805", "614-800"] {
            assert_eq!(IdfCode::new(printed).unwrap().form(), IdfCodeForm::Legacy);
        }
        assert_eq!(
            format!("{:?}", IdfCode::new("E40-800").unwrap()),
            r#"IdfCode("E40-800")"#
        );
    }

    #[test]
    fn rejects_other_shapes_with_message() {
        for bad in [
            "",
            "E40800",
            " E40-800",
            "E40-800 ",
            "E4-800",
            "E40-8000",
            "EE40-800",
            "LM-0123",
            "LM.123",
            "L1.0123",
            "LM.01234",
            "E40.800",
            "É40-800",
            "E40‐800",
        ] {
            let err = IdfCode::new(bad).unwrap_err();
            assert_eq!(err.input(), bad);
            assert_eq!(
                err.to_string(),
                format!(
                    r#"invalid IDF code {bad:?}: expected 3 letters or digits, "-", 3 digits (E40-800) or 2 letters, ".", 4 digits (LM.0123), in any case"#
                )
            );
        }
    }

    #[test]
    fn input_is_read_without_regard_to_case_and_kept_in_capitals() {
        for (printed, code) in [
            ("e40-800", "E40-800"),
            ("E40-800", "E40-800"),
            ("tb2-805", "TB2-805"),
            ("Lm.0123", "LM.0123"),
            ("lm.0123", "LM.0123"),
            ("cd.0039", "CD.0039"),
        ] {
            let c = IdfCode::new(printed).unwrap();
            assert_eq!(c.as_str(), code);
            assert_eq!(c, IdfCode::new(code).unwrap());
        }
        let c: IdfCode = serde_json::from_str(r#""e40-800""#).unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), r#""E40-800""#);
    }

    #[test]
    fn serde_goes_through_validation() {
        let c: IdfCode = serde_json::from_str(r#""E40-800""#).unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), r#""E40-800""#);
        let e = serde_json::from_str::<IdfCode>(r#""E40800""#).unwrap_err();
        assert!(
            e.to_string().starts_with(r#"invalid IDF code "E40800""#),
            "{e}"
        );
    }

    fn idf_code() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::string::string_regex("[A-Z0-9]{3}-[0-9]{3}").unwrap(),
            proptest::string::string_regex("[A-Z]{2}\\.[0-9]{4}").unwrap(),
        ]
    }

    proptest! {
        #[test]
        fn display_and_json_round_trip(s in idf_code()) {
            let c: IdfCode = s.parse().unwrap();
            prop_assert_eq!(c.to_string(), s.clone());
            let back: IdfCode = c.to_string().parse().unwrap();
            prop_assert_eq!(back, c);
            let json = serde_json::to_string(&c).unwrap();
            let back: IdfCode = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, c);
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        }

        #[test]
        fn any_case_reads_as_the_capitals(s in idf_code(), lower in proptest::collection::vec(proptest::bool::ANY, 7)) {
            let mixed: String = s
                .chars()
                .zip(lower)
                .map(|(c, l)| if l { c.to_ascii_lowercase() } else { c })
                .collect();
            prop_assert_eq!(IdfCode::new(&mixed).unwrap(), IdfCode::new(&s).unwrap());
        }

        #[test]
        fn parse_never_panics_and_keeps_capitals(s in "\\PC{0,9}") {
            if let Ok(c) = IdfCode::new(&s) {
                prop_assert_eq!(c.as_str(), s.to_ascii_uppercase());
            }
        }

        #[test]
        fn ord_agrees_with_text(a in idf_code(), b in idf_code()) {
            let (x, y) = (IdfCode::new(&a).unwrap(), IdfCode::new(&b).unwrap());
            prop_assert_eq!(x.cmp(&y), a.cmp(&b));
        }
    }
}
