//! The findings a builder collects while it checks its record.

use std::fmt;

use crate::problem::{Bounded, BuildError, FieldPath, Issue, MAX_PER_RECORD, Rule, more_problems};

/// Collects findings while a builder checks its record: at most
/// [`MAX_PER_RECORD`], errors kept before warnings, the rest counted.
#[derive(Debug)]
pub(crate) struct Findings {
    issues: Bounded,
}

impl Default for Findings {
    fn default() -> Self {
        Self {
            issues: Bounded::new(MAX_PER_RECORD),
        }
    }
}

impl Findings {
    pub(crate) fn push(&mut self, rule: Rule, path: FieldPath, message: impl Into<String>) {
        self.issues.push(Issue::new(rule, path, message));
    }

    /// Checks that required text is not blank and holds no hidden
    /// character (see [`Findings::hidden`]); newlines and tabs are allowed
    /// in notes, descriptions, items and topics.
    /// (The path is built only when there is something to report.)
    pub(crate) fn text(&mut self, path: impl FnOnce() -> FieldPath, value: &str) {
        if value.trim().is_empty() {
            self.push(
                Rule::BlankText,
                path(),
                "text is empty; expected a non-blank value",
            );
        } else if value
            .chars()
            // Newline and tab count here; whether they are allowed is
            // decided below, by the field.
            .any(|c| crate::text::hidden_character(c, false).is_some())
        {
            let path = path();
            let multiline = matches!(
                path.segments().iter().rev().find_map(|s| match s {
                    crate::problem::Segment::Key(k) => Some(k.as_ref()),
                    crate::problem::Segment::Index(_) => None,
                }),
                Some("notes" | "note" | "description" | "items" | "topic" | "theme")
            );
            self.hidden(path, value, multiline);
        }
    }

    /// Warns (`text.hidden_character`) when `value` holds a character a
    /// reader cannot see or that changes how the text around it shows,
    /// naming the first such character and its place.
    fn hidden(&mut self, path: FieldPath, value: &str, multiline: bool) {
        let found = value
            .chars()
            .enumerate()
            .find_map(|(i, c)| Some((i, c, crate::text::hidden_character(c, multiline)?)));
        if let Some((i, c, kind)) = found {
            let more = value
                .chars()
                .filter(|&c| crate::text::hidden_character(c, multiline).is_some())
                .count()
                - 1;
            let more = if more > 0 {
                format!(" (and {more} more)")
            } else {
                String::new()
            };
            self.push(
                Rule::HiddenCharacter,
                path,
                format!(
                    "text holds U+{:04X}, {kind}, at character {}{more}; it is kept as written",
                    u32::from(c),
                    i + 1
                ),
            );
        }
    }

    /// Checks every entry of a list of texts.
    pub(crate) fn texts(&mut self, field: &'static str, values: &[String]) {
        for (i, v) in values.iter().enumerate() {
            self.text(|| FieldPath::key(field).join(i), v);
        }
    }

    /// Warns when a code-list field holds a value this version does not
    /// know (`code.unknown`), naming the list, the value (an excerpt) and
    /// the closest known spelling when one is close.
    /// (The path is built only when there is something to report.)
    pub(crate) fn code<C: crate::codelist::Code>(
        &mut self,
        path: impl FnOnce() -> FieldPath,
        value: &C,
    ) {
        let Some(unknown) = value.unknown() else {
            return;
        };
        let text = unknown.as_str();
        let shown = crate::text::Excerpt::new(text);
        let message = match C::suggestion(text) {
            Some((spelling, code)) if spelling == code => format!(
                "{shown} is not a known {}; it is kept as written (did you mean {spelling:?}?)",
                C::LIST_NAME
            ),
            Some((spelling, code)) => format!(
                "{shown} is not a known {}; it is kept as written (did you mean {spelling:?}, that is {code:?}?)",
                C::LIST_NAME
            ),
            None => format!(
                "{shown} is not a known {}; it is kept as written",
                C::LIST_NAME
            ),
        };
        self.push(Rule::UnknownCode, path(), message);
    }

    /// As [`Findings::code`], for a field that may be absent.
    pub(crate) fn code_opt<C: crate::codelist::Code>(
        &mut self,
        path: impl FnOnce() -> FieldPath,
        value: Option<&C>,
    ) {
        if let Some(value) = value {
            self.code(path, value);
        }
    }

    /// Warns when a record names no source.
    pub(crate) fn sources(&mut self, sources: &[crate::value::Source]) {
        if sources.is_empty() {
            self.push(
                Rule::NoSource,
                FieldPath::key("sources"),
                "no source is named; expected at least one URL",
            );
        }
    }

    /// Reports each value that appears twice in a list.
    pub(crate) fn unique<T: Ord + fmt::Display>(&mut self, field: &'static str, values: &[T]) {
        // Short lists (nearly all) are compared pairwise, without a set.
        const SHORT: usize = 16;
        let mut seen = (values.len() > SHORT).then(std::collections::BTreeSet::new);
        for (i, v) in values.iter().enumerate() {
            let repeated = match &mut seen {
                Some(seen) => !seen.insert(v),
                None => values.get(..i).is_some_and(|before| before.contains(v)),
            };
            if repeated {
                self.push(
                    Rule::DuplicateEntry,
                    FieldPath::key(field).join(i),
                    format!("{v} is listed twice; expected each entry once"),
                );
            }
        }
    }

    /// `Ok(warnings)` when no finding is an error, else the whole report.
    /// The warnings, or every finding when one is an error (the label,
    /// naming the record, is built only then).
    pub(crate) fn finish(
        self,
        what: &'static str,
        label: impl FnOnce() -> String,
    ) -> Result<Vec<Issue>, BuildError> {
        let failed = self.issues.has_error();
        let (mut issues, omitted) = self.issues.into_parts();
        if omitted > 0 {
            issues.push(more_problems(omitted, MAX_PER_RECORD, "this record"));
        }
        if failed {
            Err(BuildError::new(what, label(), issues))
        } else {
            Ok(issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_finish_keeps_warnings_and_fails_on_errors() {
        let mut f = Findings::default();
        f.sources(&[]);
        let warnings = f.finish("project", || "X".into()).unwrap();
        assert_eq!(warnings.len(), 1);
        let mut f = Findings::default();
        f.text(|| FieldPath::key("title"), "  ");
        f.unique("benefiting_states", &["SEN", "BEN", "SEN"]);
        let err = f.finish("project", || "X".into()).unwrap_err();
        assert_eq!(err.errors().count(), 2);
        assert_eq!(err.issues()[1].path().to_string(), "benefiting_states[2]");
        assert!(
            err.to_string()
                .starts_with("invalid project \"X\": 2 errors\n")
        );
    }

    proptest::proptest! {
        /// Each entry equal to an earlier one is reported, at its own index,
        /// and no other: for short lists (compared pairwise) and long ones.
        #[test]
        fn unique_reports_exactly_the_repeats(values in proptest::collection::vec(0u8..24, 0..40)) {
            let mut f = Findings::default();
            f.unique("list", &values);
            let (issues, omitted) = f.issues.into_parts();
            proptest::prop_assert_eq!(omitted, 0);
            let reported: Vec<String> = issues.iter().map(|i| i.path().to_string()).collect();
            let expected: Vec<String> = values
                .iter()
                .enumerate()
                .filter(|(i, v)| values.iter().take(*i).any(|w| w == *v))
                .map(|(i, _)| format!("list[{i}]"))
                .collect();
            proptest::prop_assert_eq!(reported, expected);
            proptest::prop_assert!(issues.iter().all(|i| i.rule() == Rule::DuplicateEntry));
        }
    }
}
