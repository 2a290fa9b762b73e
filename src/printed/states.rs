//! Lists of state names as pages print them: `Benin, Burkina Faso and Togo`,
//! one name a line with bullets, `15 States: …`, `Kosovo*`.

use std::fmt;

use crate::printed::country::read_country;
use crate::printed::{Normalisation, ReadCountryError, Reading};
use crate::text::Excerpt;
use crate::value::CountryCode;

/// The states a printed list names, in the order printed, and the count the
/// list states of itself ("15 States"), if any.
///
/// The stated count is kept as printed: it may differ from the number of
/// names (a page that lists 4 of a process's 15 members); the reader then
/// adds [`Normalisation::CountDiffers`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateList {
    codes: Vec<CountryCode>,
    stated_count: Option<u32>,
}

impl StateList {
    /// The states, in the order printed, each once.
    #[must_use]
    pub fn codes(&self) -> &[CountryCode] {
        &self.codes
    }

    /// The count the text states ("15 States", "(15 Member States)"), if any.
    #[must_use]
    pub fn stated_count(&self) -> Option<u32> {
        self.stated_count
    }
}

/// A list that [`read_state_list`] could not read: the whole text and why.
///
/// # Examples
///
/// ```
/// use migov::printed::{ReadStateListErrorKind, read_state_list};
///
/// let err = read_state_list("Benin, Atlantis and Yugoslavia").unwrap_err();
/// let ReadStateListErrorKind::Unread(names) = err.kind() else { panic!("{err}") };
/// let unread: Vec<&str> = names.iter().map(|e| e.input()).collect();
/// assert_eq!(unread, ["Atlantis", "Yugoslavia"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot read list of states {input}: {kind}")]
pub struct ReadStateListError {
    input: Excerpt,
    kind: ReadStateListErrorKind,
}

impl ReadStateListError {
    /// The text given to [`read_state_list`] (at most its first 64 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// Why the list was refused.
    #[must_use]
    pub fn kind(&self) -> &ReadStateListErrorKind {
        &self.kind
    }
}

/// Why [`read_state_list`] refused a text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadStateListErrorKind {
    /// Neither a name nor a count in the text.
    Empty,
    /// Names that [`read_country`] could not read, each with its error (whose
    /// [`input`](ReadCountryError::input) is the name as printed), in the
    /// order printed. The names that were read are not returned: a list is
    /// read whole or not at all.
    Unread(Vec<ReadCountryError>),
}

impl fmt::Display for ReadStateListErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("no state names and no count"),
            Self::Unread(errors) => {
                write!(f, "{} name(s) not read: ", errors.len())?;
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{:?} ({})", e.input(), e.kind())?;
                }
                Ok(())
            }
        }
    }
}

/// Words that join the last two names: English, French, Spanish.
const JOINING_WORDS: [&str; 4] = ["and", "et", "y", "&"];

/// Marks that start a line of a bulleted list.
const BULLETS: [char; 10] = ['•', '·', '‣', '◦', '▪', '●', '-', '–', '—', '*'];

/// What a count counts, lower case: "15 States", "15 Member States".
const COUNTED: [&str; 16] = [
    "states",
    "member states",
    "participating states",
    "countries",
    "member countries",
    "participating countries",
    "états",
    "états membres",
    "etats",
    "etats membres",
    "pays",
    "pays membres",
    "estados",
    "estados miembros",
    "países",
    "paises",
];

/// How two pieces of the list are separated: pieces joined by a comma or a
/// joining word may be one name ("Congo, Dem. Rep.", "Trinidad and Tobago");
/// pieces on different lines or after a semicolon or colon never are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// `,` (rejoined as `, `).
    Comma,
    /// A joining word, as printed.
    Word(&'static str),
    /// A line break, `;` or `:`.
    Hard,
}

/// The count a piece states, if the whole piece is one ("15 States", "the 15
/// Member States", "(15 States)").
fn count_of(piece: &str) -> Option<u32> {
    let lower = piece.trim().to_lowercase();
    let lower = lower
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(&lower)
        .trim();
    let lower = lower.strip_prefix("the ").unwrap_or(lower).trim();
    let (number, rest) = lower.split_once(' ')?;
    let count = number.parse::<u32>().ok()?;
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    COUNTED.contains(&rest.as_str()).then_some(count)
}

/// Whether a piece is a heading for the list ("Member States", "Participating
/// States") without a count.
fn is_heading(piece: &str) -> bool {
    let lower = piece.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    COUNTED.contains(&lower)
}

/// Cuts a trailing bracketed footnote reference (`Kosovo[a]`, `Chad[1]`).
fn without_bracket_note(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(']')?;
    let (stem, note) = stem.rsplit_once('[')?;
    (!note.is_empty() && note.chars().count() <= 3 && note.chars().all(char::is_alphanumeric))
        .then_some(stem.trim_end())
}

/// Reads a list of state names as a page prints it.
///
/// Accepted:
///
/// - names separated by commas, semicolons or new lines, the last two
///   joined by `and`, `et`, `y` or `&` (also after a comma, "Mali, Niger,
///   and Chad");
/// - one name a line, after a bullet (`•`, `·`, `-`, `–`, `*`, …) or a
///   number (`1.`, `2)`), which are dropped with a note;
/// - each name as [`read_country`] reads it, with its notes: long forms,
///   World Bank forms, footnote marks (`Kosovo*`), and also bracketed
///   footnote references (`Kosovo[a]`). A name that holds a comma or a
///   joining word (`Congo, Dem. Rep.`, `Korea, Rep.`, `Trinidad and
///   Tobago`, `Bosnia and Herzegovina`) is read whole: where pieces joined
///   by a comma or a joining word read together as one state, that reading
///   wins over reading them apart; pieces on different lines or across a
///   semicolon are never joined;
/// - a count the list states of itself, kept as
///   [`StateList::stated_count`]: `15 States: …`, `the 15 Member States`,
///   `… (15 States)`, `États membres`, `Estados miembros` (English, French,
///   Spanish); a heading without a count (`Member States:`) is dropped;
/// - a state named twice is kept once, with a note.
///
/// The [`Reading`]'s notes say what was dropped or rewritten, each name's
/// notes wrapped in [`Normalisation::InName`].
///
/// # Errors
///
/// [`ReadStateListError`]: [`ReadStateListErrorKind::Unread`] naming every
/// name that could not be read, each with [`read_country`]'s error (a list
/// is read whole or not at all), or [`ReadStateListErrorKind::Empty`].
///
/// # Examples
///
/// ```
/// use migov::printed::read_state_list;
///
/// let list = read_state_list("15 States: Benin, Burkina Faso, Côte d'Ivoire and Kosovo*")?;
/// let codes: Vec<&str> = list.value().codes().iter().map(|c| c.alpha3()).collect();
/// assert_eq!(codes, ["BEN", "BFA", "CIV", "XKX"]);
/// assert_eq!(list.value().stated_count(), Some(15));
///
/// let list = read_state_list("• Congo, Dem. Rep.\n• Korea, Rep.\n• Trinidad and Tobago")?;
/// let codes: Vec<&str> = list.value().codes().iter().map(|c| c.alpha3()).collect();
/// assert_eq!(codes, ["COD", "KOR", "TTO"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_state_list(text: &str) -> Result<Reading<StateList>, ReadStateListError> {
    let fail = |kind| ReadStateListError {
        input: Excerpt::new(text),
        kind,
    };
    let mut notes = Vec::new();
    let mut stated_count = None;

    // Pieces of text and the gap after each.
    let mut pieces: Vec<(String, Gap)> = Vec::new();
    let mut bullet_noted = false;
    for line in text.lines() {
        let mut line = line.trim();
        // A bullet or a number at the start of a line.
        if let Some(rest) = line.strip_prefix(|c| BULLETS.contains(&c)) {
            line = rest.trim_start();
            if !bullet_noted {
                notes.push(Normalisation::BulletDropped);
                bullet_noted = true;
            }
        } else if let Some((number, rest)) = line.split_once(['.', ')'])
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with(' ')
        {
            line = rest.trim_start();
            if !bullet_noted {
                notes.push(Normalisation::BulletDropped);
                bullet_noted = true;
            }
        }
        for hard_chunk in line.split([';', ':']) {
            for comma_chunk in hard_chunk.split(',') {
                // Joining words split a comma chunk further.
                let mut current = String::new();
                for word in comma_chunk.split_whitespace() {
                    let lower = word.to_lowercase();
                    if let Some(&joining) = JOINING_WORDS.iter().find(|w| **w == lower) {
                        pieces.push((std::mem::take(&mut current), Gap::Word(joining)));
                        continue;
                    }
                    if !current.is_empty() {
                        current.push(' ');
                    }
                    current.push_str(word);
                }
                pieces.push((current, Gap::Comma));
            }
            if let Some(last) = pieces.last_mut() {
                last.1 = Gap::Hard;
            }
        }
    }

    // Counts and headings; empty pieces (", and") merge their gaps away.
    let mut kept: Vec<(String, Gap)> = Vec::new();
    for (piece, gap) in pieces {
        let mut piece = piece;
        // "Benin (15 States)": a count in brackets after the last name.
        if let Some((name, bracket)) = piece.rsplit_once('(')
            && let Some(count) = count_of(&format!("({bracket}"))
        {
            stated_count = Some(count);
            notes.push(Normalisation::StatedCount { count });
            piece = name.trim_end().to_owned();
        }
        if let Some(count) = count_of(&piece) {
            stated_count = Some(count);
            notes.push(Normalisation::StatedCount { count });
            piece.clear();
        } else if is_heading(&piece) {
            notes.push(Normalisation::HeadingDropped {
                heading: piece.trim().to_owned(),
            });
            piece.clear();
        }
        if piece.trim().is_empty() {
            // Keep the harder gap on the piece before.
            if let Some(last) = kept.last_mut()
                && gap == Gap::Hard
            {
                last.1 = Gap::Hard;
            }
            continue;
        }
        kept.push((piece.trim().to_owned(), gap));
    }
    if kept.is_empty() && stated_count.is_none() {
        return Err(fail(ReadStateListErrorKind::Empty));
    }

    let mut codes: Vec<CountryCode> = Vec::new();
    let mut unread = Vec::new();
    let mut i = 0;
    while i < kept.len() {
        // The longest run of softly joined pieces that reads as one state.
        let mut taken = None;
        for len in (2..=4).rev() {
            let Some(run) = kept.get(i..i + len) else {
                continue;
            };
            let soft = run
                .get(..len - 1)
                .is_some_and(|r| r.iter().all(|(_, g)| *g != Gap::Hard));
            if !soft {
                continue;
            }
            let mut joined = String::new();
            for (k, (piece, gap)) in run.iter().enumerate() {
                joined.push_str(piece);
                if k + 1 < len {
                    match gap {
                        Gap::Comma => joined.push_str(", "),
                        Gap::Word(w) => {
                            joined.push(' ');
                            joined.push_str(w);
                            joined.push(' ');
                        }
                        Gap::Hard => {}
                    }
                }
            }
            if let Ok(reading) = read_name(&joined) {
                taken = Some((len, joined, Ok(reading)));
                break;
            }
        }
        let (len, name, reading) = match taken {
            Some(t) => t,
            None => {
                let name = kept.get(i).map(|(p, _)| p.clone()).unwrap_or_default();
                let reading = read_name(&name);
                (1, name, reading)
            }
        };
        i += len;
        match reading {
            Ok((code, name_notes)) => {
                notes.extend(name_notes.into_iter().map(|note| Normalisation::InName {
                    name: name.clone(),
                    note: Box::new(note),
                }));
                if codes.contains(&code) {
                    notes.push(Normalisation::DuplicateDropped { code });
                } else {
                    codes.push(code);
                }
            }
            Err(err) => unread.push(err),
        }
    }
    if !unread.is_empty() {
        return Err(fail(ReadStateListErrorKind::Unread(unread)));
    }
    if let Some(stated) = stated_count
        && usize::try_from(stated).ok() != Some(codes.len())
        && !codes.is_empty()
    {
        notes.push(Normalisation::CountDiffers {
            stated,
            named: codes.len(),
        });
    }
    Ok(Reading::new(
        StateList {
            codes,
            stated_count,
        },
        notes,
    ))
}

/// One name: [`read_country`], after a bracketed footnote reference is cut.
fn read_name(name: &str) -> Result<(CountryCode, Vec<Normalisation>), ReadCountryError> {
    match read_country(name) {
        Ok(reading) => {
            let (code, notes) = reading.into_parts();
            Ok((code, notes))
        }
        Err(err) => match without_bracket_note(name).map(read_country) {
            Some(Ok(reading)) => {
                let (code, mut notes) = reading.into_parts();
                notes.insert(0, Normalisation::FootnoteMarkDropped);
                Ok((code, notes))
            }
            _ => Err(err),
        },
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn codes(text: &str) -> Result<Vec<&'static str>, String> {
        read_state_list(text)
            .map(|r| r.value().codes().iter().map(|c| c.alpha3()).collect())
            .map_err(|e| e.to_string())
    }

    #[track_caller]
    fn reads(text: &str, expected: &[&str]) {
        assert_eq!(codes(text).as_deref(), Ok(expected), "{text:?}");
    }

    #[test]
    fn separators_as_printed() {
        reads("Benin, Burkina Faso and Togo", &["BEN", "BFA", "TGO"]);
        reads("Mali; Niger; Chad", &["MLI", "NER", "TCD"]);
        reads("Mali, Niger, and Chad", &["MLI", "NER", "TCD"]);
        reads("Bénin, Burkina Faso et Togo", &["BEN", "BFA", "TGO"]);
        reads("Colombia, Ecuador y Perú", &["COL", "ECU", "PER"]);
        reads("Ghana & Nigeria", &["GHA", "NGA"]);
        reads("Benin\nTogo\r\nGhana", &["BEN", "TGO", "GHA"]);
        reads("  Benin ,  Togo  ", &["BEN", "TGO"]);
    }

    #[test]
    fn bullets_and_numbers_before_names_are_dropped_with_a_note() {
        for text in [
            "• Benin\n• Togo",
            "- Benin\n- Togo",
            "– Benin\n– Togo",
            "* Benin\n* Togo",
            "1. Benin\n2. Togo",
            "1) Benin\n2) Togo",
        ] {
            let reading = read_state_list(text).unwrap();
            let got: Vec<&str> = reading.value().codes().iter().map(|c| c.alpha3()).collect();
            assert_eq!(got, ["BEN", "TGO"], "{text:?}");
            assert_eq!(reading.notes(), [Normalisation::BulletDropped], "{text:?}");
        }
    }

    #[test]
    fn footnote_marks_are_dropped_for_each_name() {
        reads("Albania, Kosovo* and Serbia", &["ALB", "XKX", "SRB"]);
        let reading = read_state_list("Albania, Kosovo[a] and Serbia").unwrap();
        let got: Vec<&str> = reading.value().codes().iter().map(|c| c.alpha3()).collect();
        assert_eq!(got, ["ALB", "XKX", "SRB"]);
        assert_eq!(
            reading.notes(),
            [Normalisation::InName {
                name: "Kosovo[a]".into(),
                note: Box::new(Normalisation::FootnoteMarkDropped),
            }]
        );
        reads("Chad[1], Mali", &["TCD", "MLI"]);
        // Each name's own notes come wrapped with the name.
        let reading = read_state_list("Tunisia's and Egypt, Arab Rep.").unwrap();
        assert!(reading.notes().contains(&Normalisation::InName {
            name: "Tunisia's".into(),
            note: Box::new(Normalisation::PossessiveDropped),
        }));
        reads("Mali¹, Niger²", &["MLI", "NER"]);
    }

    #[test]
    fn names_with_commas_or_joining_words_are_read_whole() {
        reads(
            "Congo, Dem. Rep., Korea, Rep. and Gambia, The",
            &["COD", "KOR", "GMB"],
        );
        reads(
            "Trinidad and Tobago, Antigua and Barbuda and Bosnia and Herzegovina",
            &["TTO", "ATG", "BIH"],
        );
        reads("Iran, Islamic Rep.; Egypt, Arab Rep.", &["IRN", "EGY"]);
        reads(
            "Saint Kitts and Nevis, Sao Tome and Principe",
            &["KNA", "STP"],
        );
        // Lines and semicolons are never joined: "Congo" then "Dem. Rep." alone.
        assert!(codes("Congo;\nDem. Rep.").is_err());
    }

    #[test]
    fn counts_are_kept_as_a_stated_count() {
        for (text, count) in [
            ("15 States: Benin, Togo", 15),
            ("Benin and Togo (2 States)", 2),
            ("The 15 Member States: Benin, Togo", 15),
            ("15 États membres : Bénin, Togo", 15),
            ("15 Estados miembros: Colombia, Perú", 15),
            ("2 countries\n• Benin\n• Togo", 2),
        ] {
            let reading = read_state_list(text).unwrap();
            assert_eq!(reading.value().stated_count(), Some(count), "{text:?}");
            assert_eq!(reading.value().codes().len(), 2, "{text:?}");
            assert!(
                reading
                    .notes()
                    .contains(&Normalisation::StatedCount { count }),
                "{text:?}"
            );
        }
        let reading = read_state_list("15 States: Benin, Togo").unwrap();
        assert!(reading.notes().contains(&Normalisation::CountDiffers {
            stated: 15,
            named: 2
        }));
        let alone = read_state_list("15 States").unwrap();
        assert_eq!(
            (alone.value().codes().len(), alone.value().stated_count()),
            (0, Some(15))
        );
        let heading = read_state_list("Member States:\nBenin\nTogo").unwrap();
        assert_eq!(heading.value().stated_count(), None);
        assert_eq!(
            heading.notes(),
            [Normalisation::HeadingDropped {
                heading: "Member States".into()
            }]
        );
    }

    #[test]
    fn a_state_named_twice_is_kept_once() {
        let reading = read_state_list("Mali, Niger, Mali").unwrap();
        let got: Vec<&str> = reading.value().codes().iter().map(|c| c.alpha3()).collect();
        assert_eq!(got, ["MLI", "NER"]);
        let mali = CountryCode::from_alpha3("MLI").unwrap();
        assert_eq!(
            reading.notes(),
            [Normalisation::DuplicateDropped { code: mali }]
        );
    }

    #[test]
    fn every_name_that_cannot_be_read_is_named_in_the_error() {
        let err = read_state_list("Benin, Atlantis, Yugoslavia and Togo").unwrap_err();
        let ReadStateListErrorKind::Unread(names) = err.kind() else {
            panic!("{err}")
        };
        let unread: Vec<&str> = names.iter().map(ReadCountryError::input).collect();
        assert_eq!(unread, ["Atlantis", "Yugoslavia"]);
        assert!(matches!(
            names.get(1).map(ReadCountryError::kind),
            Some(crate::printed::ReadCountryErrorKind::HistoricWithSeveralSuccessors { .. })
        ));
        let shown = err.to_string();
        assert!(shown.contains("2 name(s) not read"), "{shown}");
        assert!(
            shown.contains("\"Atlantis\"") && shown.contains("\"Yugoslavia\""),
            "{shown}"
        );
        for empty in ["", "  ", ", ;\n and "] {
            let err = read_state_list(empty).unwrap_err();
            assert_eq!(err.kind(), &ReadStateListErrorKind::Empty, "{empty:?}");
        }
    }

    /// Short English names of states (CountryCode::name) that hold neither a
    /// comma, a joining word nor brackets, so that a list of them is plain.
    fn plain_names() -> &'static [CountryCode] {
        static NAMES: std::sync::LazyLock<Vec<CountryCode>> =
            std::sync::LazyLock::new(plain_names_uncached);
        &NAMES
    }

    fn plain_names_uncached() -> Vec<CountryCode> {
        CountryCode::all()
            .filter(|c| {
                let name = c.name();
                !name.contains([',', '(', ')', ';', ':', '&', '[', '*'])
                    && !name
                        .split_whitespace()
                        .any(|w| JOINING_WORDS.contains(&w.to_lowercase().as_str()))
                    && read_country(name).map(|r| *r.value()) == Ok(*c)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn a_printed_list_of_names_reads_as_its_states(
            picks in proptest::collection::vec(any::<proptest::sample::Index>(), 1..8),
            style in 0..4u8,
        ) {
            let names = plain_names();
            let mut chosen: Vec<CountryCode> = Vec::new();
            for pick in picks {
                let code = *pick.get(names);
                if !chosen.contains(&code) {
                    chosen.push(code);
                }
            }
            let printed: Vec<&str> = chosen.iter().map(|c| c.name()).collect();
            let text = match (style, printed.split_last()) {
                (0, Some((last, rest))) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                (1, _) => printed.join("; "),
                (2, _) => printed.iter().map(|n| format!("• {n}")).collect::<Vec<_>>().join("\n"),
                _ => printed.join(", "),
            };
            let read = read_state_list(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(read.value().codes(), chosen.as_slice(), "{}", text);
        }

        #[test]
        fn reading_never_panics(text in "\\PC{0,60}") {
            let _ = read_state_list(&text);
        }
    }
}
