//! Every report is clean and points at real places: `Display` prints a
//! header and exactly one line per problem, no control, bidirectional or
//! line-separator character of the input reaches it, and every pointer of a
//! document that parses as JSON resolves in it (a missing field: its parent).
#![no_main]

use libfuzzer_sys::fuzz_target;

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}' | '\u{FEFF}'
        )
}

fuzz_target!(|data: &[u8]| {
    let Err(report) = migov::Dataset::from_json_slice(data) else {
        return;
    };
    let shown = report.to_string();
    assert_eq!(shown.lines().count(), report.problems().len() + 1, "{shown:?}");
    assert!(!shown.chars().any(|c| c != '\n' && is_unsafe(c)), "{shown:?}");
    let Ok(document) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    // With a key repeated in an object, a pointer is ambiguous: migov reads
    // the first value (and reports the repeat), `serde_json::Value` keeps the
    // last, so pointers are only checked in documents without repeats.
    if report
        .problems()
        .iter()
        .any(|p| p.rule() == migov::Rule::DuplicateField)
    {
        return;
    }
    for p in report.problems() {
        let pointer = p.pointer();
        let parent = pointer.rsplit_once('/').map_or("", |(head, _)| head);
        assert!(
            document.pointer(&pointer).is_some() || document.pointer(parent).is_some(),
            "{pointer:?} does not resolve ({})",
            p.rule()
        );
    }
});
