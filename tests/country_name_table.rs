//! `read_country` against a table of country names generated from public lists (ISO 3166-1 and
//! 3166-3 as Debian iso-codes prints them, UNTERM and CLDR names from datasets/country-codes,
//! World Bank names): `tests/data/country_names/table.csv`, made by
//! `tools/country_name_table.py`; its README names each source, commit and licence.
//!
//! Every name with a code resolves to exactly that code (ISO 3166-3 names with a note naming the
//! successor), every name without one is refused as a former state with several successors, and
//! no error or suggestion names another country.

// A test binary: helpers outside `#[test]` functions may panic on bad data too.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::sync::LazyLock;

use migov::CountryCode;
use migov::printed::{Normalisation, ReadCountryErrorKind, read_country};

/// One row of the table.
struct Row {
    name: String,
    alpha3: Option<String>,
    historic: bool,
    source: String,
}

/// Splits one CSV line (RFC 4180 quoting; the table has no line breaks inside fields).
fn fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

/// The table, read once.
static ROWS: LazyLock<Vec<Row>> = LazyLock::new(read_table);

fn table() -> &'static [Row] {
    &ROWS
}

fn read_table() -> Vec<Row> {
    let text = include_str!("data/country_names/table.csv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("name,alpha3,historic,source"),
        "table header"
    );
    lines
        .map(|line| {
            let f = fields(line);
            assert_eq!(f.len(), 4, "row {line:?}");
            Row {
                name: f[0].clone(),
                alpha3: (!f[1].is_empty()).then(|| f[1].clone()),
                historic: match f[2].as_str() {
                    "yes" => true,
                    "" => false,
                    other => panic!("historic column {other:?} in {line:?}"),
                },
                source: f[3].clone(),
            }
        })
        .collect()
}

/// The forms of a name that name the same country: as listed, upper case, lower case, and with
/// extra space around it.
fn forms(name: &str) -> [String; 4] {
    [
        name.to_owned(),
        name.to_uppercase(),
        name.to_lowercase(),
        format!("  {name} "),
    ]
}

#[test]
fn the_table_is_large_and_covers_every_list() {
    let rows = table();
    assert!(rows.len() > 600, "{} rows", rows.len());
    for source in [
        "iso-codes iso_3166-1 name",
        "iso-codes iso_3166-1 official_name",
        "iso-codes iso_3166-1 common_name",
        "iso-codes iso_3166-1 former",
        "iso-codes iso_3166-3 name",
        "country-codes UNTERM English Short",
        "country-codes UNTERM English Formal",
        "country-codes CLDR display name",
        "World Bank CLASS.xlsx",
        "World Bank API",
        "CLDR short",
        "CLDR variant",
    ] {
        assert!(
            rows.iter().any(|r| r.source.contains(source)),
            "no row from {source}"
        );
    }
    for refused in [
        "Czechoslovakia",
        "Yugoslavia",
        "USSR",
        "Serbia and Montenegro",
    ] {
        assert!(
            rows.iter()
                .any(|r| r.name == refused && r.alpha3.is_none() && r.historic),
            "{refused} is not a refused row"
        );
    }
}

#[test]
fn every_name_resolves_to_its_code_or_is_refused() {
    let rows = table();
    let (mut resolved, mut refused) = (0_usize, 0_usize);
    let mut wrong = Vec::new();
    let mut unread = Vec::new();
    for row in rows {
        for form in forms(&row.name) {
            let reading = read_country(&form);
            match (&row.alpha3, reading) {
                (Some(expected), Ok(reading)) => {
                    let got = reading.value().alpha3();
                    if got != expected {
                        wrong.push(format!("{form:?} read as {got}, not {expected}"));
                        continue;
                    }
                    let noted = reading.notes().iter().any(|note| {
                        matches!(note, Normalisation::HistoricName { successor, .. }
                            if successor.alpha3() == expected)
                    });
                    if row.historic && !noted {
                        wrong.push(format!(
                            "{form:?} read as {got} with no historic note: {:?}",
                            reading.notes()
                        ));
                        continue;
                    }
                    resolved += 1;
                }
                (Some(expected), Err(err)) => {
                    unread.push(format!("{form:?} ({expected}, {}): {err}", row.source));
                }
                (None, Ok(reading)) => wrong.push(format!(
                    "{form:?} read as {}, but names a former state with several successors",
                    reading.value().alpha3()
                )),
                (None, Err(err)) => match err.kind() {
                    ReadCountryErrorKind::HistoricWithSeveralSuccessors { successors }
                        if successors.len() >= 2 =>
                    {
                        assert!(err.to_string().contains("several successors"), "{err}");
                        refused += 1;
                    }
                    other => wrong.push(format!("{form:?} refused as {other:?}")),
                },
            }
        }
    }
    println!(
        "{} names, {} forms: resolved {resolved}, refused {refused}, wrong {}, unread {}",
        rows.len(),
        rows.len() * 4,
        wrong.len(),
        unread.len()
    );
    assert!(
        wrong.is_empty() && unread.is_empty(),
        "wrong answers:\n{}\nnames not read:\n{}",
        wrong.join("\n"),
        unread.join("\n")
    );
    assert_eq!(resolved + refused, rows.len() * 4);
}

/// No suggestion names another country than the one the input names: neither
/// [`CountryCode::from_name`]'s, for names it does not know as printed, nor the one inside a
/// [`read_country`] error.
#[test]
fn suggestions_never_name_another_country() {
    let mut bad = Vec::new();
    for row in table() {
        let allowed: Vec<String> = match &row.alpha3 {
            Some(code) => vec![code.clone()],
            None => match read_country(&row.name).map_err(|e| e.kind().clone()) {
                Err(ReadCountryErrorKind::HistoricWithSeveralSuccessors { successors }) => {
                    successors.iter().map(|c| c.alpha3().to_owned()).collect()
                }
                _ => Vec::new(),
            },
        };
        for form in forms(&row.name) {
            let mut suggestions = Vec::new();
            match CountryCode::from_name(&form) {
                Ok(code) if row.alpha3.as_deref() != Some(code.alpha3()) => bad.push(format!(
                    "from_name({form:?}) is {}, expected {:?}",
                    code.alpha3(),
                    row.alpha3
                )),
                Ok(_) => {}
                Err(err) => suggestions.extend(err.suggestion()),
            }
            if let Err(err) = read_country(&form)
                && let ReadCountryErrorKind::Unknown(inner) = err.kind()
            {
                suggestions.extend(inner.suggestion());
            }
            for suggested in suggestions {
                if !allowed.iter().any(|a| a == suggested.alpha3()) {
                    bad.push(format!(
                        "{form:?} suggests {} ({}), expected one of {allowed:?}",
                        suggested.alpha3(),
                        suggested.name()
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The refusal says why and names the successors; the former name with one successor
/// says which state it was read as.
#[test]
fn historic_names_say_what_happened() {
    let err = read_country("Czechoslovakia").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("CZE") && text.contains("SVK"),
        "message {text:?}"
    );
    let reading = read_country("Zaire").unwrap();
    let note = reading
        .notes()
        .iter()
        .find(|n| matches!(n, Normalisation::HistoricName { .. }))
        .unwrap();
    assert!(
        note.to_string()
            .contains("Democratic Republic of the Congo"),
        "{note}"
    );
}

proptest::proptest! {
    /// A listed name with a footnote mark, a possessive, a leading "the", a UNTERM "(the)" or
    /// any mix of case is still never read as, nor suggested as, another country; a former
    /// state with several successors is never read as one of them.
    #[test]
    fn decorated_names_are_never_read_as_another_country(
        pick in proptest::prelude::any::<proptest::sample::Index>(),
        decoration in 0_usize..6,
        upper in proptest::collection::vec(proptest::prelude::any::<bool>(), 0..80),
    ) {
        let rows = table();
        let row = pick.get(rows);
        let cased: String = row
            .name
            .chars()
            .zip(upper.iter().chain(std::iter::repeat(&false)))
            .map(|(c, &up)| if up { c.to_uppercase().collect::<String>() } else { c.to_lowercase().collect() })
            .collect();
        let text = match decoration {
            0 => format!("{cased}*"),
            1 => format!("{cased}'s"),
            2 => format!("the {cased}"),
            3 => format!("{cased} (the)"),
            4 => format!("{cased}¹"),
            _ => cased,
        };
        match (&row.alpha3, read_country(&text)) {
            (Some(expected), Ok(reading)) => {
                proptest::prop_assert_eq!(reading.value().alpha3(), expected.as_str(), "{:?}", text);
            }
            (None, Ok(reading)) => {
                proptest::prop_assert!(false, "{:?} read as {}", text, reading.value().alpha3());
            }
            (expected, Err(err)) => {
                if let ReadCountryErrorKind::Unknown(inner) = err.kind()
                    && let Some(suggested) = inner.suggestion()
                {
                    proptest::prop_assert_eq!(
                        Some(suggested.alpha3()),
                        expected.as_deref(),
                        "{:?} suggests {}", text, suggested.name()
                    );
                }
            }
        }
    }
}
