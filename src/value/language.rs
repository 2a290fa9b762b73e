//! The languages migov labels its values in: IOM's official languages.

use std::fmt;
use std::str::FromStr;

/// One of IOM's three official languages, English, French and Spanish: the
/// languages in which [code-list](crate::codelist) values and [`Truth`](crate::value::Truth)
/// answers have human labels.
///
/// `Display` and `FromStr` use the ISO 639-1 code (`en`, `fr`, `es`);
/// parsing ignores ASCII case.
///
/// # Examples
///
/// ```
/// use migov::{Language, Truth};
///
/// let fr: Language = "fr".parse()?;
/// assert_eq!(fr, Language::French);
/// assert_eq!(Truth::Maybe.label(fr), "peut-être");
/// assert_eq!(Truth::Maybe.label(Language::Spanish), "quizá");
/// # Ok::<(), migov::LanguageError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[non_exhaustive]
pub enum Language {
    /// English (`en`), the default.
    #[default]
    English,
    /// French (`fr`).
    French,
    /// Spanish (`es`).
    Spanish,
}

impl Language {
    /// The three languages, in the order English, French, Spanish.
    pub const ALL: [Language; 3] = [Language::English, Language::French, Language::Spanish];

    /// The ISO 639-1 code: `en`, `fr` or `es`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::Spanish => "es",
        }
    }

    /// Picks the label of this language from an `(English, French, Spanish)` triple.
    pub(crate) fn pick<'a>(self, (en, fr, es): (&'a str, &'a str, &'a str)) -> &'a str {
        match self {
            Language::English => en,
            Language::French => fr,
            Language::Spanish => es,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is not `en`, `fr` or `es`.
///
/// # Examples
///
/// ```
/// let err = "de".parse::<migov::Language>().unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown language "de": expected "en", "fr" or "es""#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {input}: expected \"en\", \"fr\" or \"es\"")]
pub struct LanguageError {
    input: crate::text::Excerpt,
}

impl FromStr for Language {
    type Err = LanguageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::ALL
            .into_iter()
            .find(|l| s.eq_ignore_ascii_case(l.code()))
            .ok_or_else(|| LanguageError {
                input: crate::text::Excerpt::new(s),
            })
    }
}

impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl crate::value::Truth {
    /// The answer in words, in `language`: "yes", "no", "maybe" (English),
    /// "oui", "non", "peut-être" (French), "sí", "no", "quizá" (Spanish).
    /// [`Display`](std::fmt::Display) prints the machine code (`yes`, `no`, `maybe`).
    #[must_use]
    pub fn label(self, language: Language) -> &'static str {
        use crate::value::Truth;
        language.pick(match self {
            Truth::Yes => ("yes", "oui", "sí"),
            Truth::No => ("no", "non", "no"),
            Truth::Maybe => ("maybe", "peut-être", "quizá"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Language;
    use crate::value::Truth;

    #[test]
    fn codes_round_trip_and_ignore_case() {
        for l in Language::ALL {
            assert_eq!(l.code().parse::<Language>(), Ok(l));
            assert_eq!(l.code().to_uppercase().parse::<Language>(), Ok(l));
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(serde_json::from_str::<Language>(&json).unwrap(), l);
        }
        assert!("english".parse::<Language>().is_err());
        assert!("".parse::<Language>().is_err());
    }

    #[test]
    fn truth_labels_differ_within_a_language() {
        for l in Language::ALL {
            let labels = [
                Truth::Yes.label(l),
                Truth::No.label(l),
                Truth::Maybe.label(l),
            ];
            assert!(labels.iter().all(|s| !s.is_empty()));
            assert_ne!(labels[0], labels[1]);
            assert_ne!(labels[0], labels[2]);
            assert_ne!(labels[1], labels[2]);
        }
    }
}
