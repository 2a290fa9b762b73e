//! Project identifiers of IOM's PRIMA system, as IOM Development Fund pages print them.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::text::Excerpt;

/// A project's identifier in PRIMA, IOM's project information system, as
/// IOM Development Fund pages print it under "Prima ID": `HN10P0503`.
///
/// # Syntax
///
/// Nine ASCII characters: two letters, two digits, the letter `P`, four
/// digits (`HN10P0503`, `CR99P0513`, `IN20P0511`): the form of all 44 Prima
/// ids on the project pages gathered for the reference data. Input is read
/// without regard to case and kept in capitals (`hn10p0503` → `HN10P0503`);
/// nothing else is changed: no surrounding whitespace, no separators.
///
/// The first two letters are often the country of the office that manages
/// the project, but not always (`US10P0521`, `CH10P0002` for projects
/// elsewhere), so migov does not read them as a country.
///
/// # Ordering
///
/// By text.
///
/// # Examples
///
/// ```
/// use migov::PrimaId;
///
/// let id: PrimaId = "HN10P0503".parse()?;
/// assert_eq!(id.as_str(), "HN10P0503");
/// assert_eq!("hn10p0503".parse::<PrimaId>()?, id);
/// assert!("HN10-P0503".parse::<PrimaId>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct PrimaId([u8; 9]);

impl PrimaId {
    /// Checks, normalises and wraps an id; same as [`str::parse`].
    ///
    /// # Errors
    ///
    /// [`PrimaIdError`] when the text is not two letters, two digits, `P`,
    /// four digits (`HN10P053`, `HN10X0503`, ` HN10P0503`).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::PrimaId::new("Cr99p0513")?.as_str(), "CR99P0513");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(s: &str) -> Result<Self, PrimaIdError> {
        s.parse()
    }

    /// The id's text, in capitals.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(migov::PrimaId::new("HN10P0503")?.as_str(), "HN10P0503");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (checked by `from_str`).
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl FromStr for PrimaId {
    type Err = PrimaIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let error = || PrimaIdError {
            input: Excerpt::new(s),
        };
        let mut bytes: [u8; 9] = s.as_bytes().try_into().map_err(|_| error())?;
        bytes.make_ascii_uppercase();
        let digits = |ds: &[u8]| ds.iter().all(u8::is_ascii_digit);
        match bytes {
            [a, b, c, d, b'P', e, f, g, h]
                if a.is_ascii_uppercase()
                    && b.is_ascii_uppercase()
                    && digits(&[c, d, e, f, g, h]) =>
            {
                Ok(Self(bytes))
            }
            _ => Err(error()),
        }
    }
}

impl TryFrom<&str> for PrimaId {
    type Error = PrimaIdError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for PrimaId {
    type Error = PrimaIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<PrimaId> for String {
    fn from(id: PrimaId) -> Self {
        id.as_str().to_owned()
    }
}

impl fmt::Display for PrimaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for PrimaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrimaId({:?})", self.as_str())
    }
}

crate::value::deserialize_from_str!(PrimaId, "a string");

/// Why a text is not a [`PrimaId`].
///
/// # Examples
///
/// ```
/// let err = migov::PrimaId::new("HN10P053").err().ok_or("expected an error")?;
/// assert_eq!(err.input(), "HN10P053");
/// assert_eq!(
///     err.to_string(),
///     r#"invalid Prima ID "HN10P053": expected 2 letters, 2 digits, "P", 4 digits (HN10P0503)"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(r#"invalid Prima ID {input}: expected 2 letters, 2 digits, "P", 4 digits (HN10P0503)"#)]
pub struct PrimaIdError {
    input: Excerpt,
}

impl PrimaIdError {
    /// The rejected text (at most its first 64 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The Prima ids printed on the gathered IOM Development Fund pages
    /// (data/gathered/idf_projects.json, `prima_id_as_printed`), a sample.
    const PRINTED: [&str; 8] = [
        "HN10P0503",
        "CR99P0513",
        "AR99P0510",
        "US10P0521",
        "IN20P0511",
        "CH10P0641",
        "ZW10P0006",
        "FM10P0527",
    ];

    #[test]
    fn printed_prima_ids_read_as_themselves() {
        for printed in PRINTED {
            let id: PrimaId = printed.parse().unwrap();
            assert_eq!(id.as_str(), printed);
            assert_eq!(id.to_string(), printed);
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{printed}\""));
            assert_eq!(serde_json::from_str::<PrimaId>(&json).unwrap(), id);
        }
    }

    #[test]
    fn input_is_read_without_regard_to_case() {
        assert_eq!(
            PrimaId::new("hn10p0503").unwrap(),
            PrimaId::new("HN10P0503").unwrap()
        );
        assert_eq!(PrimaId::new("Hn10p0503").unwrap().as_str(), "HN10P0503");
    }

    #[test]
    fn other_shapes_are_refused_naming_the_input() {
        for bad in [
            "",
            "HN10P053",
            "HN10P05033",
            "HN10X0503",
            "H110P0503",
            "HN1AP0503",
            " HN10P0503",
            "HN10P0503 ",
            "HN-10P0503",
            "ÉN10P0503",
        ] {
            let err = PrimaId::new(bad).unwrap_err();
            assert_eq!(err.input(), bad);
            assert!(err.to_string().contains("expected 2 letters"), "{err}");
        }
        assert!(serde_json::from_str::<PrimaId>("\"HN10P053\"").is_err());
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_accepted_text_is_the_capitals(s in "\\PC{0,12}") {
            if let Ok(id) = s.parse::<PrimaId>() {
                prop_assert_eq!(id.as_str(), s.to_ascii_uppercase());
            }
        }

        #[test]
        fn display_round_trips(a in "[A-Za-z]{2}", n in 0u32..100, m in 0u32..10_000) {
            let text = format!("{a}{n:02}p{m:04}");
            let id: PrimaId = text.parse().unwrap();
            prop_assert_eq!(id.to_string(), text.to_ascii_uppercase());
            prop_assert_eq!(id.to_string().parse::<PrimaId>().unwrap(), id);
        }
    }
}
