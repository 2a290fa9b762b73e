//! Country names in French and Spanish, from the Unicode CLDR (see `names_fr_es.tsv`).

use std::sync::LazyLock;

use crate::value::{CountryCode, Language};

/// The vendored table: code, French name, Spanish name, French and Spanish variants.
const TABLE: &str = include_str!("names_fr_es.tsv");

/// One row of the table, for a code [`CountryCode`] knows.
pub(crate) struct LocalNames {
    pub(crate) code: CountryCode,
    pub(crate) french: &'static str,
    pub(crate) spanish: &'static str,
    pub(crate) variants: Vec<&'static str>,
}

/// The rows, sorted by code. Rows whose code `CountryCode` does not know (CLDR's
/// `AC`, `DG`, `EA`, `IC`, `TA`, which are not ISO 3166-1 codes) are left out.
pub(crate) static LOCAL: LazyLock<Vec<LocalNames>> = LazyLock::new(|| {
    let mut rows: Vec<LocalNames> = TABLE
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let code = CountryCode::from_alpha2(cols.next()?).ok()?;
            let french = cols.next()?;
            let spanish = cols.next()?;
            let variants = cols
                .flat_map(|c| c.split(';'))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .collect();
            Some(LocalNames {
                code,
                french,
                spanish,
                variants,
            })
        })
        .collect();
    rows.sort_by_key(|r| r.code);
    rows
});

/// The name of `code` in French or Spanish, if the table has it.
pub(crate) fn local_name(code: CountryCode, language: Language) -> Option<&'static str> {
    let at = LOCAL.binary_search_by_key(&code, |r| r.code).ok()?;
    let row = LOCAL.get(at)?;
    match language {
        Language::French => Some(row.french),
        Language::Spanish => Some(row.spanish),
        Language::English => None,
    }
}

/// Every French and Spanish name and variant, with its code, for the name index.
pub(crate) fn all_local_names() -> impl Iterator<Item = (&'static str, CountryCode)> {
    LOCAL.iter().flat_map(|r| {
        [r.french, r.spanish]
            .into_iter()
            .chain(r.variants.iter().copied())
            .map(move |name| (name, r.code))
    })
}
