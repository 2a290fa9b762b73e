//! Nothing silent: text holding a character a reader cannot see (controls,
//! bidirectional controls, line separators, invisible characters) is
//! warned about with the character named, and a code-list value that hides
//! what it is (an invisible character, a Cyrillic look-alike of a known
//! value) is refused as an invalid value that names the character.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use migov::{Dataset, Rule};
use serde_json::{Value, json};

fn findings(project: Value) -> Vec<(String, Rule, String)> {
    let text =
        serde_json::to_string(&json!({"schema_version": "1", "projects": [project]})).unwrap();
    match Dataset::from_json_str(&text) {
        Ok(d) => d
            .warnings()
            .iter()
            .map(|i| (i.path().to_pointer(), i.rule(), i.message().to_owned()))
            .collect(),
        Err(r) => r
            .problems()
            .iter()
            .map(|p| (p.pointer(), p.rule(), p.message().to_owned()))
            .collect(),
    }
}

fn project(title: &str) -> Value {
    json!({"id": "P", "title": title, "benefiting_states": ["SEN"], "sources": ["https://www.iom.int/"]})
}

#[test]
fn each_hidden_character_in_a_title_is_warned_with_its_code_point() {
    for c in [
        '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202E}', '\u{2066}', '\u{061C}',
        '\u{2028}', '\u{2029}', '\u{200B}', '\u{FEFF}', '\n', '\t', '\r',
    ] {
        let found = findings(project(&format!("Migration{c} policy")));
        let hidden: Vec<_> = found
            .iter()
            .filter(|f| f.1 == Rule::HiddenCharacter)
            .collect();
        assert_eq!(hidden.len(), 1, "U+{:04X}: {found:?}", u32::from(c));
        assert_eq!(hidden[0].0, "/projects/0/title");
        assert!(
            hidden[0].2.contains(&format!("U+{:04X}", u32::from(c))),
            "{}",
            hidden[0].2
        );
        assert!(hidden[0].2.contains("at character 10"), "{}", hidden[0].2);
    }
}

#[test]
fn newlines_and_tabs_are_fine_in_notes_and_descriptions() {
    let mut p = project("A title");
    p["notes"] = json!(["line one\nline two\tand a tab"]);
    p["description"] = json!("first paragraph\n\nsecond");
    let found = findings(p);
    assert!(
        found.iter().all(|f| f.1 != Rule::HiddenCharacter),
        "{found:?}"
    );
    // A control other than newline or tab is still named there.
    let mut p = project("A title");
    p["notes"] = json!(["bell\u{7}"]);
    let found = findings(p);
    assert!(
        found
            .iter()
            .any(|f| f.1 == Rule::HiddenCharacter && f.0 == "/projects/0/notes/0"),
        "{found:?}"
    );
}

#[test]
fn ordinary_scripts_are_not_hidden_characters() {
    for title in [
        "Migración y desarrollo",
        "Миграция",
        "الهجرة",
        "移民",
        "क्षेत्र",
        "Zero\u{200D}width joiner",
    ] {
        let found = findings(project(title));
        assert!(
            found.iter().all(|f| f.1 != Rule::HiddenCharacter),
            "{title}: {found:?}"
        );
    }
}

#[test]
fn a_look_alike_of_a_known_code_is_an_error_naming_the_character() {
    // "completed" with a Cyrillic о (U+043E).
    let mut p = project("A title");
    p["status"] = json!("c\u{043E}mpleted");
    let found = findings(p);
    let e = found
        .iter()
        .find(|f| f.1 == Rule::InvalidValue)
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(e.0, "/projects/0/status");
    assert!(
        e.2.contains("U+043E") && e.2.contains("\"completed\""),
        "{}",
        e.2
    );
    // Full-width letters too.
    let mut p = project("A title");
    p["status"] = json!("ｃｏｍｐｌｅｔｅｄ");
    assert!(findings(p).iter().any(|f| f.1 == Rule::InvalidValue));
}

#[test]
fn an_invisible_character_in_a_code_is_an_error_even_for_an_unknown_value() {
    for status in ["complet\u{200B}ed", "brand\u{200B}new", "\u{FEFF}ongoing"] {
        let mut p = project("A title");
        p["status"] = json!(status);
        let found = findings(p);
        let e = found
            .iter()
            .find(|f| f.1 == Rule::InvalidValue)
            .unwrap_or_else(|| panic!("{found:?}"));
        assert!(e.2.contains("U+200B") || e.2.contains("U+FEFF"), "{}", e.2);
        assert!(found.iter().all(|f| f.1 != Rule::UnknownCode), "{found:?}");
    }
}

#[test]
fn a_plain_unknown_code_is_still_only_a_warning() {
    let mut p = project("A title");
    p["status"] = json!("paused");
    let found = findings(p);
    assert!(found.iter().any(|f| f.1 == Rule::UnknownCode));
    assert!(found.iter().all(|f| f.1 != Rule::InvalidValue));
}
