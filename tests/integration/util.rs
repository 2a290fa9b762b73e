//! Shared helpers: the data files and assertions on load results.

use std::path::PathBuf;

use migov::{Dataset, LoadErrors};

/// The path of a file in `tests/data/`.
pub fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data")
        .join(name)
}

/// The text of a file in `tests/data/`.
pub fn data(name: &str) -> String {
    std::fs::read_to_string(data_path(name)).unwrap()
}

/// The loader's answer, which must be a refusal.
#[track_caller]
pub fn refused(result: Result<Dataset, LoadErrors>) -> LoadErrors {
    match result {
        Ok(d) => panic!(
            "expected the input to be refused; it loaded:\n{}",
            d.to_json_string()
        ),
        Err(e) => e,
    }
}

/// `(pointer, rule id)` of every problem, in the loader's order.
pub fn found(errors: &LoadErrors) -> Vec<(String, &'static str)> {
    errors
        .problems()
        .iter()
        .map(|p| (p.pointer(), p.rule().id()))
        .collect()
}

/// Asserts that loading `text` fails with exactly one problem: `rule` at `pointer`.
#[track_caller]
pub fn assert_one(text: &str, pointer: &str, rule: &str) -> LoadErrors {
    let errors = refused(Dataset::from_json_str(text));
    assert_eq!(
        found(&errors),
        vec![(pointer.to_owned(), rule_id(rule))],
        "unexpected problems for input {:?}:\n{errors}",
        excerpt(text)
    );
    errors
}

/// The `&'static str` id of a rule given by id, checking that it exists.
#[track_caller]
pub fn rule_id(id: &str) -> &'static str {
    migov::Rule::from_id(id)
        .unwrap_or_else(|| panic!("no rule {id:?}"))
        .id()
}

/// At most 200 characters of `text`, for failure messages.
pub fn excerpt(text: &str) -> String {
    text.chars().take(200).collect()
}
