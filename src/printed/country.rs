//! Country names as pages and tables print them: official long forms
//! ("Republic of Kenya"), World Bank forms ("Congo, Dem. Rep.", "Korea, Rep."),
//! footnote marks ("Kosovo*"), possessives ("Tunisia's"), common
//! abbreviations ("BiH") and historic names.

use std::fmt;

use crate::printed::{Normalisation, Reading};
use crate::text::Excerpt;
use crate::value::{CountryCode, CountryCodeError};

/// A country name that [`read_country`] could not read.
///
/// # Examples
///
/// ```
/// use migov::printed::{ReadCountryErrorKind, read_country};
///
/// let err = read_country("Yugoslavia").unwrap_err();
/// assert!(matches!(err.kind(), ReadCountryErrorKind::HistoricWithSeveralSuccessors { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot read country {input}: {kind}")]
pub struct ReadCountryError {
    input: Excerpt,
    kind: ReadCountryErrorKind,
}

impl ReadCountryError {
    /// The text given to [`read_country`] (at most its first 64 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// Why the text was refused.
    #[must_use]
    pub fn kind(&self) -> &ReadCountryErrorKind {
        &self.kind
    }
}

/// Why [`read_country`] refused a text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadCountryErrorKind {
    /// A state that no longer exists and has several successors
    /// (Czechoslovakia, Yugoslavia, the USSR): which one is meant cannot be told.
    HistoricWithSeveralSuccessors {
        /// The successor states.
        successors: Vec<CountryCode>,
    },
    /// No reading of the text names a country ([`CountryCode::from_name`]'s
    /// error for the text as printed, with its suggestion if any).
    Unknown(CountryCodeError),
}

impl fmt::Display for ReadCountryErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::HistoricWithSeveralSuccessors { successors } => {
                f.write_str("a former state with several successors (")?;
                for (i, code) in successors.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(code.alpha3())?;
                }
                f.write_str("); name the successor meant")
            }
            Self::Unknown(err) => err.fmt(f),
        }
    }
}

/// World Bank designators after a comma, and the form they stand for before the name.
const DESIGNATORS: [(&str, &str); 10] = [
    ("dem. people's rep.", "Democratic People's Republic of"),
    ("dem. rep.", "Democratic Republic of the"),
    ("islamic rep.", "Islamic Republic of"),
    ("arab rep.", "Arab Republic of"),
    ("rep.", "Republic of"),
    ("republic of", "Republic of"),
    ("the", "The"),
    ("fed. sts.", "Federated States of"),
    ("rb", ""),
    ("pdr", ""),
];

/// Official long-form prefixes, longest first, dropped when the rest names a country.
const LONG_FORMS: [&str; 16] = [
    "democratic socialist republic of",
    "bolivarian republic of",
    "plurinational state of",
    "federative republic of",
    "people's republic of",
    "federal democratic republic of",
    "federal republic of",
    "islamic republic of",
    "united republic of",
    "arab republic of",
    "kingdom of the",
    "republic of the",
    "kingdom of",
    "republic of",
    "state of",
    "commonwealth of",
];

/// Names that reading the long form would get wrong, or that no rule reaches.
const TABLE: [(&str, &str); 14] = [
    ("slovak republic", "SVK"),
    ("kyrgyz republic", "KGZ"),
    ("hong kong sar, china", "HKG"),
    ("macao sar, china", "MAC"),
    ("west bank and gaza", "PSE"),
    ("bih", "BIH"),
    ("venezuela, rb", "VEN"),
    ("lao pdr", "LAO"),
    ("micronesia, fed. sts.", "FSM"),
    ("french republic", "FRA"),
    ("hellenic republic", "GRC"),
    ("czech republic", "CZE"),
    ("swiss confederation", "CHE"),
    ("russian federation", "RUS"),
];

/// Names that must never be read through a rule, because the rule would name
/// another state ("Republic of China" is not China's official name).
const NEVER_BY_RULE: [&str; 1] = ["republic of china"];

/// Former names with one successor (read with a note) and former states with several.
const HISTORIC: [(&str, &[&str]); 9] = [
    ("zaire", &["COD"]),
    ("fyrom", &["MKD"]),
    ("upper volta", &["BFA"]),
    ("dahomey", &["BEN"]),
    ("ceylon", &["LKA"]),
    ("czechoslovakia", &["CZE", "SVK"]),
    (
        "yugoslavia",
        &["BIH", "HRV", "MKD", "MNE", "SRB", "SVN", "XKX"],
    ),
    (
        "ussr",
        &[
            "ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK",
            "TKM", "UKR", "UZB",
        ],
    ),
    (
        "soviet union",
        &[
            "ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK",
            "TKM", "UKR", "UZB",
        ],
    ),
];

/// Reads a country name as a page or a table prints it.
///
/// The name is first read by [`CountryCode::from_name`] (names, aliases, case
/// and accents folded). If that fails, the reader drops footnote marks
/// (`Kosovo*`, `Chad†`, `Mali¹`) and a possessive `'s`, expands `St.` to
/// `Saint`, turns World Bank forms round (`Congo, Dem. Rep.` is
/// `Democratic Republic of the Congo`, `Gambia, The` is `The Gambia`), tries
/// a table of forms no rule reaches (`Slovak Republic`, `Hong Kong SAR, China`,
/// `West Bank and Gaza`, `BiH`), and drops an official long-form prefix
/// (`Republic of Kenya`, `Islamic Republic of Iran`, `State of Kuwait`) when
/// the rest names a country. A former name with one successor (`Zaire`,
/// `FYROM`) is read as the successor with a note; a former state with
/// several (Czechoslovakia, Yugoslavia, the USSR) is refused. Each step taken
/// is in the [`Reading`]'s notes.
///
/// # Errors
///
/// [`ReadCountryError`]: a former state with several successors, or a text
/// that no reading resolves (with [`CountryCode::from_name`]'s error and
/// suggestion for the text as printed).
///
/// # Examples
///
/// ```
/// use migov::printed::read_country;
///
/// for (printed, code) in [
///     ("Republic of Kenya", "KEN"),
///     ("Congo, Dem. Rep.", "COD"),
///     ("Korea, Rep.", "KOR"),
///     ("Gambia, The", "GMB"),
///     ("Kosovo*", "XKX"),
///     ("Tunisia's", "TUN"),
/// ] {
///     assert_eq!(read_country(printed)?.value().alpha3(), code);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_country(text: &str) -> Result<Reading<CountryCode>, ReadCountryError> {
    let first_error = match CountryCode::from_name(text) {
        Ok(code) => return Ok(Reading::new(code, Vec::new())),
        Err(err) => err,
    };
    let fail = |kind| ReadCountryError {
        input: Excerpt::new(text),
        kind,
    };
    let mut notes = Vec::new();
    let mut name = text.trim().to_owned();

    let marks = |c: char| {
        matches!(
            c,
            '*' | '†'
                | '‡'
                | '§'
                | '¹'
                | '²'
                | '³'
                | '⁴'
                | '⁵'
                | '⁶'
                | '⁷'
                | '⁸'
                | '⁹'
                | '⁰'
        )
    };
    let unmarked = name.trim_end_matches(marks).trim_end().to_owned();
    if unmarked != name {
        notes.push(Normalisation::FootnoteMarkDropped);
        name = unmarked;
    }
    for suffix in ["'s", "’s"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            notes.push(Normalisation::PossessiveDropped);
            name = stem.to_owned();
        }
    }
    if name.starts_with("St. ") || name.contains(" St. ") {
        name = name.replace("St. ", "Saint ");
        notes.push(Normalisation::NameRewritten { form: name.clone() });
    }
    let lower = name.to_lowercase();
    let found = |code: CountryCode, notes: Vec<Normalisation>| Ok(Reading::new(code, notes));

    if let Ok(code) = CountryCode::from_name(&name) {
        return found(code, notes);
    }
    if let Some(&(_, code)) = TABLE.iter().find(|(form, _)| *form == lower)
        && let Ok(code) = CountryCode::from_alpha3(code)
    {
        notes.push(Normalisation::NameRewritten {
            form: code.name().to_owned(),
        });
        return found(code, notes);
    }
    if let Some(&(_, successors)) = HISTORIC.iter().find(|(former, _)| *former == lower) {
        let codes: Vec<CountryCode> = successors
            .iter()
            .filter_map(|c| CountryCode::from_alpha3(c).ok())
            .collect();
        return match codes.as_slice() {
            [one] => {
                notes.push(Normalisation::HistoricName {
                    former: name.clone(),
                    successor: *one,
                });
                found(*one, notes)
            }
            _ => Err(fail(ReadCountryErrorKind::HistoricWithSeveralSuccessors {
                successors: codes,
            })),
        };
    }
    if NEVER_BY_RULE.contains(&lower.as_str()) {
        return Err(fail(ReadCountryErrorKind::Unknown(first_error)));
    }
    // "X, Designator" turned round.
    if let Some((stem, designator)) = lower.rsplit_once(',')
        && let Some(&(_, before)) = DESIGNATORS.iter().find(|(d, _)| *d == designator.trim())
    {
        let stem_printed = name.get(..stem.len()).unwrap_or(stem).trim();
        let turned = if before.is_empty() {
            stem_printed.to_owned()
        } else {
            format!("{before} {stem_printed}")
        };
        if let Ok(code) = CountryCode::from_name(&turned) {
            notes.push(Normalisation::NameRewritten { form: turned });
            return found(code, notes);
        }
        if let Some(code) = without_long_form(&turned) {
            notes.push(Normalisation::NameRewritten { form: turned });
            return found(code, notes);
        }
    }
    if let Some(code) = without_long_form(&name) {
        notes.push(Normalisation::NameRewritten {
            form: code.name().to_owned(),
        });
        return found(code, notes);
    }
    Err(fail(ReadCountryErrorKind::Unknown(first_error)))
}

/// The country named by `name` once an official long-form prefix is dropped.
fn without_long_form(name: &str) -> Option<CountryCode> {
    let lower = name.to_lowercase();
    if NEVER_BY_RULE.contains(&lower.as_str()) {
        return None;
    }
    let prefix = LONG_FORMS
        .iter()
        .find(|p| lower.starts_with(*p) && lower.len() > p.len())?;
    let rest = name.get(prefix.len()..)?.trim();
    CountryCode::from_name(rest).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Result<&'static str, ReadCountryErrorKind> {
        read_country(text)
            .map(|r| r.value().alpha3())
            .map_err(|e| e.kind().clone())
    }

    #[test]
    fn printed_names_resolve_to_the_country_they_name() {
        for (printed, expected) in [
            ("Republic of Kenya", "KEN"),
            ("Islamic Republic of Iran", "IRN"),
            ("Republic of Cuba", "CUB"),
            ("State of Kuwait", "KWT"),
            ("Congo, Dem. Rep.", "COD"),
            ("Congo, Rep.", "COG"),
            ("Korea, Rep.", "KOR"),
            ("Korea, Dem. People's Rep.", "PRK"),
            ("Iran, Islamic Rep.", "IRN"),
            ("Egypt, Arab Rep.", "EGY"),
            ("Gambia, The", "GMB"),
            ("Bahamas, The", "BHS"),
            ("Yemen, Rep.", "YEM"),
            ("Micronesia, Fed. Sts.", "FSM"),
            ("Slovak Republic", "SVK"),
            ("Kyrgyz Republic", "KGZ"),
            ("Hong Kong SAR, China", "HKG"),
            ("West Bank and Gaza", "PSE"),
            ("Venezuela, RB", "VEN"),
            ("BiH", "BIH"),
            ("Kosovo*", "XKX"),
            ("Tunisia's", "TUN"),
            ("St. Lucia", "LCA"),
            ("French Republic", "FRA"),
            ("Federal Republic of Germany", "DEU"),
            ("Kingdom of the Netherlands", "NLD"),
            ("People's Republic of China", "CHN"),
            ("Zaire", "COD"),
            ("FYROM", "MKD"),
        ] {
            assert_eq!(code(printed), Ok(expected), "{printed}");
        }
    }

    #[test]
    fn former_states_with_several_successors_are_refused() {
        for former in ["Czechoslovakia", "Yugoslavia", "USSR", "Soviet Union"] {
            assert!(
                matches!(code(former), Err(ReadCountryErrorKind::HistoricWithSeveralSuccessors { ref successors }) if successors.len() >= 2),
                "{former}"
            );
        }
    }

    #[test]
    fn rules_never_name_another_country() {
        // Not China: the reader refuses rather than drop "Republic of".
        assert!(matches!(
            code("Republic of China"),
            Err(ReadCountryErrorKind::Unknown(_))
        ));
        // Long-form prefixes that are part of the name itself stay as they are.
        assert_eq!(code("Republic of Korea"), Ok("KOR"));
        assert_eq!(code("Republic of Moldova"), Ok("MDA"));
        assert_eq!(code("Democratic Republic of the Congo"), Ok("COD"));
        assert!(matches!(
            code("Republic of Nowhere"),
            Err(ReadCountryErrorKind::Unknown(_))
        ));
    }

    #[test]
    fn notes_say_what_was_dropped_or_rewritten() {
        assert!(read_country("Senegal").unwrap().notes().is_empty());
        // Marks that from_name folds read as printed, with no note.
        assert!(read_country("Kosovo*").unwrap().notes().is_empty());
        let both = read_country("Tunisia's*").unwrap();
        assert_eq!(both.value().alpha3(), "TUN");
        assert_eq!(
            both.notes(),
            [
                Normalisation::FootnoteMarkDropped,
                Normalisation::PossessiveDropped
            ]
        );
        assert_eq!(
            read_country("Tunisia's").unwrap().notes(),
            [Normalisation::PossessiveDropped]
        );
        let zaire = read_country("Zaire").unwrap();
        assert!(matches!(
            zaire.notes(),
            [Normalisation::HistoricName { .. }]
        ));
    }

    #[test]
    fn every_short_name_reads_as_itself() {
        for alpha3 in [
            "SEN", "TUR", "CIV", "BOL", "FSM", "LAO", "PSE", "XKX", "KOR", "PRK", "COD", "COG",
        ] {
            let country = CountryCode::from_alpha3(alpha3).unwrap();
            assert_eq!(code(country.name()), Ok(alpha3), "{}", country.name());
        }
    }
}
