//! Loading the files in `tests/data/`: a valid canonical file, a file with many faults, a cut file.

use migov::{Dataset, Rule};

use crate::util::{data, found, refused};

/// Asserts two texts are equal, naming the first line that differs (not two 15 KB strings).
#[track_caller]
fn assert_same_text(actual: &str, expected: &str) {
    if actual == expected {
        return;
    }
    let mut a = actual.lines();
    let mut e = expected.lines();
    for n in 1.. {
        match (a.next(), e.next()) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => panic!("texts differ at line {n}:\n  actual:   {x:?}\n  expected: {y:?}"),
        }
    }
}

#[test]
fn valid_file_loads_without_problems() {
    let text = data("valid.json");
    let d = Dataset::from_json_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert!(d.warnings().is_empty(), "{:#?}", d.warnings());
    assert_eq!(d.member_states().len(), 10);
    assert_eq!(d.processes().len(), 2);
    assert_eq!(d.partners().len(), 4);
    assert_eq!(d.memberships().len(), 5);
    let project = d.project("E40-800").unwrap();
    assert_eq!(project.benefiting_states().len(), 10);
    let budget = project.budget().unwrap();
    assert_eq!(budget.to_string(), "32000.00 USD");
    let midwa = d.process("MIDWA").unwrap();
    let established = midwa.established().unwrap();
    assert_eq!(established.value().to_string(), "2001");
    assert_eq!(established.alternatives()[0].value().to_string(), "2000-12");
    let event = &d.events()[0];
    assert_eq!(event.agenda().len(), 2);
    assert_eq!(event.agenda()[0].sessions()[1].panel()[0].panellists().len(), 2);
}

#[test]
fn valid_file_is_canonical() {
    let text = data("valid.json");
    let d = Dataset::from_json_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_same_text(&d.to_json_string(), &text);
    let mut written = Vec::new();
    d.to_json_writer(&mut written).unwrap();
    assert_same_text(std::str::from_utf8(&written).unwrap(), &text);
}

#[test]
fn valid_file_loads_from_slice_and_reader() {
    let text = data("valid.json");
    let from_str = Dataset::from_json_str(&text).unwrap();
    assert_eq!(Dataset::from_json_slice(text.as_bytes()).unwrap(), from_str);
    assert_eq!(Dataset::from_json_reader(text.as_bytes()).unwrap(), from_str);
}
