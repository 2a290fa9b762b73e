//! Finding every malformed value of one record, not only the first (slow path only).
//!
//! serde stops reading a record at its first error. When a record fails, the
//! loader hands its raw text here together with that first finding. The text
//! is read again into a [`Value`] (noting duplicate keys on the way, which a
//! `Value` would otherwise collapse), and the record type is read from that
//! value over and over: each time it fails, the finding is kept and the
//! offending member or element is removed, until the record reads, nothing
//! more can be removed, or a bound is reached.
//!
//! Every finding names its place in the *original* record: removing an array
//! element shifts the later elements, so positions are translated back.
//! A removal can itself cause a failure (a required field that had to be
//! removed is then missing; a one-key party object emptied of its key no
//! longer names a party): such a failure is a consequence of a problem already
//! reported, so it is not reported again; the enclosing value is removed in
//! turn instead.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::load::{classify, path_of};
use crate::problem::Segment;
use crate::problem::{FieldPath, Issue, Rule};

/// The most problems reported for one record; past it, the rest of the record is not examined.
pub(super) const MAX_PROBLEMS: usize = 64;

/// The most times one record is read again (including reads whose failure
/// is only a consequence of a removal).
const MAX_READS: usize = 2 * MAX_PROBLEMS;

/// The most text (in bytes, summed over the reads) that one record is read
/// again from, so that a huge record is not read 128 times.
const MAX_REREAD_BYTES: usize = 256 << 20;

/// The deepest nesting (objects and arrays, the record itself included) that
/// is read again. The format's deepest record (an event's agenda down to a
/// panellist's other names) nests 11 levels; deeper text is a fault already
/// reported, and is not walked again (keeping the stack small).
const MAX_DEPTH: usize = 32;

/// Every problem of a record that failed to read: `first` (as the fast path
/// found it), then the record's other malformed values, each at its place in
/// the original text, at most [`MAX_PROBLEMS`] in all.
///
/// `raw` is the record's JSON text and `at` its place in the document; every
/// path returned starts with `at`. When the text cannot be read as a JSON
/// value (a number out of range, nesting deeper than [`MAX_DEPTH`]), or
/// `first` is not inside the record, only `first` is returned.
pub(super) fn record_issues<T: DeserializeOwned>(
    raw: &str,
    at: &FieldPath,
    first: Issue,
) -> Vec<Issue> {
    let Some(first_place) = relative(first.path(), at) else {
        return vec![first];
    };
    if first.rule() == Rule::Syntax || nesting_exceeds(raw, MAX_DEPTH) {
        return vec![first];
    }
    let Some((value, duplicates)) = walk(raw) else {
        return vec![first];
    };
    let mut r = Recovery {
        value,
        duplicates: duplicates.iter().cloned().collect(),
        removed: BTreeSet::new(),
        removed_elements: BTreeSet::new(),
        found: Vec::new(),
    };
    // The first finding is reported whatever was removed: it was found in the text itself.
    r.report(
        first.rule(),
        first_place.clone(),
        first.message().to_owned(),
    );
    if !r.clear(first.rule(), first_place) {
        return vec![first];
    }
    let max_reads = MAX_READS.min(MAX_REREAD_BYTES / raw.len().max(1)).max(1);
    let mut reads = 0;
    while r.found.len() < MAX_PROBLEMS && reads < max_reads {
        reads += 1;
        let Err(e) = serde_path_to_error::deserialize::<_, T>(&r.value) else {
            break;
        };
        let issue = classify(e.inner(), path_of(e.path()));
        let place = r.original(issue.path());
        if !r.step(issue.rule(), place, issue.message().to_owned()) {
            break;
        }
    }
    // A duplicate key inside a value already reported (an unknown field, a
    // list given as an object) is part of that problem.
    let reported: Vec<FieldPath> = r.found.iter().map(|(_, p, _)| p.clone()).collect();
    for dup in duplicates {
        if r.found.len() >= MAX_PROBLEMS {
            break;
        }
        let covered = r
            .found
            .iter()
            .any(|(rule, p, _)| *rule == Rule::DuplicateField && *p == dup)
            || reported
                .iter()
                .any(|p| p.segments().len() < dup.segments().len() && starts_with(&dup, p));
        if !covered {
            let key = match dup.segments().last() {
                Some(Segment::Key(k)) => k.to_string(),
                _ => String::new(),
            };
            r.report(
                Rule::DuplicateField,
                dup,
                format!("duplicate field `{key}`"),
            );
        }
    }
    let mut issues: Vec<Issue> = Vec::with_capacity(r.found.len());
    let mut found = r.found.into_iter();
    // The first finding keeps its own words and its place exactly as found.
    if found.next().is_some() {
        issues.push(first);
    }
    issues.extend(
        found
            .take(MAX_PROBLEMS.saturating_sub(1))
            .map(|(rule, path, message)| Issue::new(rule, path.prefixed(at), message)),
    );
    issues
}

/// The state of one record's recovery.
struct Recovery {
    /// The record as read so far, with the offending values removed.
    value: Value,
    /// The keys given twice in one object, removed with all their values.
    duplicates: BTreeSet<FieldPath>,
    /// Every other value removed, at its place in the original record.
    removed: BTreeSet<FieldPath>,
    /// The array elements removed, at their place in the original record.
    removed_elements: BTreeSet<FieldPath>,
    /// The findings, at their place in the original record, first one first.
    found: Vec<(Rule, FieldPath, String)>,
}

impl Recovery {
    /// Handles one failure at `place` (original coordinates): reports it
    /// unless it is a consequence of a removal, then clears the value there.
    /// `false` when reading cannot go on.
    fn step(&mut self, rule: Rule, place: FieldPath, message: String) -> bool {
        if !self.is_consequence(rule, &place, &message) {
            if self.found.iter().any(|(r, p, _)| *r == rule && *p == place) {
                // The same problem again: removing did not help.
                return false;
            }
            self.report(rule, place.clone(), message);
        }
        self.clear(rule, place)
    }

    /// Removes the value at `place` (original coordinates) so that reading
    /// can go past it; `false` when it cannot be removed (the whole record).
    fn clear(&mut self, rule: Rule, place: FieldPath) -> bool {
        if place.is_root() || rule == Rule::Syntax {
            return false;
        }
        match self.current(&place) {
            Some(now) if remove(&mut self.value, &now) => {
                if matches!(place.segments().last(), Some(Segment::Index(_))) {
                    self.removed_elements.insert(place.clone());
                }
                self.removed.insert(place);
                true
            }
            // Already gone with a duplicate key: nothing more to remove.
            _ => self.under_removed(&place),
        }
    }

    fn report(&mut self, rule: Rule, place: FieldPath, message: String) {
        self.found.push((rule, place, message));
    }

    /// Whether a failure at `place` only follows from values removed before:
    /// a missing field that was removed, or an object or array that failed
    /// after something inside it was set aside. (An object that fails once
    /// its duplicate keys are gone, such as a list given as an object, is
    /// reported: the duplicates inside it are then part of that problem.)
    fn is_consequence(&self, rule: Rule, place: &FieldPath, message: &str) -> bool {
        if rule == Rule::MissingField {
            return super::load::quoted_name(message, "missing field").is_some_and(|name| {
                let field = place.clone().join(name.to_owned());
                self.removed.contains(&field) || self.duplicates.contains(&field)
            });
        }
        self.removed
            .range(place.clone()..)
            .next()
            .is_some_and(|r| r != place && starts_with(r, place))
    }

    /// Whether `place` lies at or under a removed value.
    fn under_removed(&self, place: &FieldPath) -> bool {
        (0..=place.segments().len()).any(|n| {
            let prefix: FieldPath = place.segments().iter().take(n).cloned().collect();
            self.removed.contains(&prefix) || self.duplicates.contains(&prefix)
        })
    }

    /// `path` in the current value, translated to the original record:
    /// each position counts the elements removed before it.
    fn original(&self, path: &FieldPath) -> FieldPath {
        let mut out = FieldPath::root();
        for segment in path.segments() {
            let next = match segment {
                Segment::Index(i) => {
                    let mut orig = *i;
                    let start = out.clone().join(0usize);
                    let depth = out.segments().len() + 1;
                    let siblings = self
                        .removed_elements
                        .range(start..)
                        .take_while(|gone| starts_with(gone, &out))
                        .filter(|gone| gone.segments().len() == depth);
                    for gone in siblings {
                        if let Some(Segment::Index(g)) = gone.segments().last()
                            && *g <= orig
                        {
                            orig += 1;
                        }
                    }
                    Segment::Index(orig)
                }
                key @ Segment::Key(_) => key.clone(),
            };
            out = out.join(next);
        }
        out
    }

    /// `place` (original coordinates) in the current value: the inverse of
    /// [`Recovery::original`]. `None` when it names a removed element.
    fn current(&self, place: &FieldPath) -> Option<FieldPath> {
        let mut prefix = FieldPath::root();
        let mut now = FieldPath::root();
        for segment in place.segments() {
            let translated = match segment {
                Segment::Index(i) => {
                    let mut shift = 0;
                    let depth = prefix.segments().len() + 1;
                    let siblings = self
                        .removed_elements
                        .range(prefix.clone().join(0usize)..)
                        .take_while(|gone| starts_with(gone, &prefix))
                        .filter(|gone| gone.segments().len() == depth);
                    for gone in siblings {
                        match gone.segments().last() {
                            Some(Segment::Index(g)) if g == i => return None,
                            Some(Segment::Index(g)) if g < i => shift += 1,
                            _ => break,
                        }
                    }
                    Segment::Index(i - shift)
                }
                key @ Segment::Key(_) => key.clone(),
            };
            prefix = prefix.join(segment.clone());
            now = now.join(translated);
        }
        Some(now)
    }
}

/// Whether `path` starts with every segment of `prefix`.
fn starts_with(path: &FieldPath, prefix: &FieldPath) -> bool {
    path.segments().starts_with(prefix.segments())
}

/// `path` without the leading `at`, or `None` when it is not inside `at`.
fn relative(path: &FieldPath, at: &FieldPath) -> Option<FieldPath> {
    path.segments()
        .strip_prefix(at.segments())
        .map(|rest| rest.iter().cloned().collect())
}

/// Removes the member or element at `path`; `false` if there is none (or `path` is the root).
fn remove(value: &mut Value, path: &FieldPath) -> bool {
    let Some((last, parents)) = path.segments().split_last() else {
        return false;
    };
    let mut node = value;
    for segment in parents {
        let child = match (node, segment) {
            (Value::Object(map), Segment::Key(k)) => map.get_mut(k.as_ref()),
            (Value::Array(items), Segment::Index(i)) => items.get_mut(*i),
            _ => None,
        };
        match child {
            Some(c) => node = c,
            None => return false,
        }
    }
    match (node, last) {
        (Value::Object(map), Segment::Key(k)) => map.remove(k.as_ref()).is_some(),
        (Value::Array(items), Segment::Index(i)) if *i < items.len() => {
            items.remove(*i);
            true
        }
        _ => false,
    }
}

/// Whether `text` nests objects and arrays deeper than `limit` (strings skipped).
fn nesting_exceeds(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Reads `raw` into a [`Value`], removing every key that appears twice in
/// one object (each occurrence) and returning their places.
fn walk(raw: &str) -> Option<(Value, Vec<FieldPath>)> {
    let mut path = Vec::new();
    let mut duplicates = Vec::new();
    let mut de = serde_json::Deserializer::from_str(raw);
    let value = Walk {
        path: &mut path,
        duplicates: &mut duplicates,
    }
    .deserialize(&mut de)
    .ok()?;
    de.end().ok()?;
    Some((value, duplicates))
}

/// Builds a [`Value`] while keeping track of the place, to name duplicate keys.
struct Walk<'a> {
    path: &'a mut Vec<Segment>,
    duplicates: &'a mut Vec<FieldPath>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            self.path.push(Segment::Index(items.len()));
            let item = seq.next_element_seed(Walk {
                path: &mut *self.path,
                duplicates: &mut *self.duplicates,
            });
            self.path.pop();
            match item? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        let mut twice = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            self.path.push(Segment::Key(key.clone().into()));
            let value = map.next_value_seed(Walk {
                path: &mut *self.path,
                duplicates: &mut *self.duplicates,
            });
            self.path.pop();
            let value = value?;
            if members.contains_key(&key) {
                if twice.insert(key.clone()) {
                    let mut at: FieldPath = self.path.iter().cloned().collect();
                    at = at.join(key);
                    self.duplicates.push(at);
                }
            } else {
                members.insert(key, value);
            }
        }
        for key in twice {
            members.remove(&key);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::json::wire::{EventRecord, MembershipRecord, ProjectRecord};

    /// What the loader's fast path finds first in `record`, then every problem.
    fn problems<T: DeserializeOwned>(record: &Value) -> Vec<(String, &'static str)> {
        let text = record.to_string();
        problems_of_text::<T>(&text)
    }

    fn problems_of_text<T: DeserializeOwned>(text: &str) -> Vec<(String, &'static str)> {
        let at = FieldPath::key("projects").join(7usize);
        let mut de = serde_json::Deserializer::from_str(text);
        let e = serde_path_to_error::deserialize::<_, T>(&mut de)
            .err()
            .expect("the record must fail");
        let mut first = classify(e.inner(), path_of(e.path()).prefixed(&at));
        // As `read` does: in a record that parsed, a "syntax" error is a value that does not fit.
        if first.rule() == Rule::Syntax {
            first = Issue::new(Rule::InvalidValue, first.path().clone(), first.message());
        }
        record_issues::<T>(text, &at, first)
            .iter()
            .map(|i| (i.path().to_pointer(), i.rule().id()))
            .collect()
    }

    fn project() -> Value {
        json!({"id": "P-1", "title": "A project", "benefiting_states": ["SEN"], "sources": ["https://www.iom.int/"]})
    }

    fn pairs(expected: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        expected.iter().map(|&(p, r)| (p.to_owned(), r)).collect()
    }

    #[test]
    fn three_faults_in_one_project_give_three_issues() {
        let mut p = project();
        p["start"] = json!("2001-13");
        p["benefiting_states"] = json!(["SEN", "BEN", "ZZZ", "MLI"]);
        p["benefitting_states"] = json!(["SEN"]);
        let found = problems::<ProjectRecord>(&p);
        let mut sorted = found.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            pairs(&[
                ("/projects/7/benefiting_states/2", "value.invalid"),
                ("/projects/7/benefitting_states", "json.unknown_field"),
                ("/projects/7/start", "value.invalid"),
            ])
        );
        // The first is the one the fast path found (keys are read in text order).
        assert_eq!(found[0].0, "/projects/7/benefiting_states/2");
    }

    #[test]
    fn positions_after_a_removed_element_name_the_original_element() {
        let mut p = project();
        p["benefiting_states"] = json!(["SEN", "XX1", "BEN", "XX3", "MLI", "XX5"]);
        assert_eq!(
            problems::<ProjectRecord>(&p),
            pairs(&[
                ("/projects/7/benefiting_states/1", "value.invalid"),
                ("/projects/7/benefiting_states/3", "value.invalid"),
                ("/projects/7/benefiting_states/5", "value.invalid"),
            ])
        );
        // Nested: the second amount's currency, after the first amount was removed.
        p["benefiting_states"] = json!(["SEN"]);
        p["amounts"] = json!([
            {"kind": "budget", "amount": "1,0", "currency": "USD"},
            {"kind": "budget", "amount": "10", "currency": "usd"},
            {"kind": "budget", "amount": "10", "currency": "USD", "extra": 1}
        ]);
        assert_eq!(
            problems::<ProjectRecord>(&p),
            pairs(&[
                ("/projects/7/amounts/0/amount", "value.invalid"),
                ("/projects/7/amounts/1/currency", "value.invalid"),
                ("/projects/7/amounts/2/extra", "json.unknown_field"),
            ])
        );
    }

    #[test]
    fn unknown_field_and_bad_value() {
        let mut p = project();
        p["budget"] = json!("32000");
        p["year"] = json!("2001");
        let mut found = problems::<ProjectRecord>(&p);
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("/projects/7/budget", "json.unknown_field"),
                ("/projects/7/year", "json.wrong_type"),
            ])
        );
    }

    #[test]
    fn a_missing_required_field_is_reported() {
        let mut p = project();
        p.as_object_mut().map(|o| o.remove("title"));
        p["start"] = json!(2001);
        assert_eq!(
            problems::<ProjectRecord>(&p),
            pairs(&[
                ("/projects/7/start", "json.wrong_type"),
                ("/projects/7", "json.missing_field"),
            ])
        );
        // Missing inside a list element: the element is dropped, reading goes on.
        let mut p = project();
        p["amounts"] = json!([{"kind": "budget", "amount": "10"}]);
        p["year"] = json!(true);
        assert_eq!(
            problems::<ProjectRecord>(&p),
            pairs(&[
                ("/projects/7/amounts/0", "json.missing_field"),
                ("/projects/7/year", "json.wrong_type"),
            ])
        );
    }

    #[test]
    fn a_removed_required_value_is_not_reported_missing() {
        let mut p = project();
        p["id"] = json!("P 1");
        p["amounts"] = json!([{"kind": "budget", "amount": "10", "currency": "usd"}]);
        p["year"] = json!(true);
        let mut found = problems::<ProjectRecord>(&p);
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("/projects/7/amounts/0/currency", "value.invalid"),
                ("/projects/7/id", "value.invalid"),
                ("/projects/7/year", "json.wrong_type"),
            ])
        );
        // A party whose one key holds a bad value: one problem, not three.
        let m = json!({"member": {"state": "ZZZ"}, "body": {"partner": "IOM"}, "role": "member", "start": 5});
        let mut found = problems::<MembershipRecord>(&m);
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("/projects/7/member/state", "value.invalid"),
                ("/projects/7/start", "json.wrong_type"),
            ])
        );
    }

    #[test]
    fn duplicate_keys_after_another_fault_are_reported() {
        let text = r#"{"id": "P 1", "title": "t", "notes": ["a"], "notes": ["b"], "year": "x"}"#;
        let mut found = problems_of_text::<ProjectRecord>(text);
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("/projects/7/id", "value.invalid"),
                ("/projects/7/notes", "json.duplicate_field"),
                ("/projects/7/year", "json.wrong_type"),
            ])
        );
        // A duplicate found first is not reported twice, and reading goes on.
        let text = r#"{"id": "P-1", "title": "t", "title": "u", "year": "x"}"#;
        let mut found = problems_of_text::<ProjectRecord>(text);
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("/projects/7/title", "json.duplicate_field"),
                ("/projects/7/year", "json.wrong_type"),
            ])
        );
        // A list given as an object with a duplicate key: one problem, the list's.
        let text = r#"{"id": "P 1", "title": "t", "notes": {"a": "x", "a": "y"}}"#;
        let mut found = problems_of_text::<ProjectRecord>(text);
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("/projects/7/id", "value.invalid"),
                ("/projects/7/notes", "json.wrong_type"),
            ])
        );
        // A party object with its one key twice: one problem, the party's.
        let m = r#"{"member": {"state": "SEN", "state": "BEN"}, "body": {"partner": "IOM"}, "role": 5}"#;
        let mut found = problems_of_text::<MembershipRecord>(m);
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("/projects/7/member", "value.invalid"),
                ("/projects/7/role", "json.wrong_type"),
            ])
        );
        // Inside an unknown field, a duplicate is part of that problem.
        let text = r#"{"id": "P-1", "title": "t", "bogus": {"a": 1, "a": 2}}"#;
        assert_eq!(
            problems_of_text::<ProjectRecord>(text),
            pairs(&[("/projects/7/bogus", "json.unknown_field")])
        );
    }

    #[test]
    fn nested_arrays_for_objects_behave_as_on_the_fast_path() {
        // A nested object given as an array of its fields is refused from
        // text and from a `Value` alike, and recovery goes on past it.
        let mut e = json!({"id": "E-1", "title": "t", "year": 1});
        e["agenda"] = json!([["2001-10-08"]]);
        let text = e.to_string();
        assert!(serde_json::from_str::<EventRecord>(&text).is_err());
        assert!(serde_path_to_error::deserialize::<_, EventRecord>(&e).is_err());
        let mut found = problems::<EventRecord>(&e);
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("/projects/7/agenda/0", "json.wrong_type"),
                ("/projects/7/year", "json.unknown_field"),
            ])
        );
        // A record that is an array is refused before recovery (see `not_an_object`).
    }

    #[test]
    fn hundreds_of_faults_stop_at_the_bound() {
        let mut p = project();
        let bad: Vec<Value> = (0..500).map(|i| json!(format!("X{i}"))).collect();
        p["benefiting_states"] = Value::Array(bad);
        let found = problems::<ProjectRecord>(&p);
        assert_eq!(found.len(), MAX_PROBLEMS);
        for (i, (pointer, rule)) in found.iter().enumerate() {
            assert_eq!(pointer, &format!("/projects/7/benefiting_states/{i}"));
            assert_eq!(*rule, "value.invalid");
        }
        // Hundreds of unknown keys, each with duplicates: bounded too.
        let mut text = String::from(r#"{"id": "P 1", "title": "t""#);
        for i in 0..400 {
            text.push_str(&format!(r#", "k{i}": 1, "k{i}": 2"#));
        }
        text.push('}');
        let found = problems_of_text::<ProjectRecord>(&text);
        assert_eq!(found.len(), MAX_PROBLEMS);
        assert_eq!(found[0], ("/projects/7/id".to_owned(), "value.invalid"));
    }

    #[test]
    fn a_huge_record_is_read_again_fewer_times() {
        let mut p = project();
        p["notes"] = json!(["n".repeat(20 << 20)]);
        let bad: Vec<Value> = (0..100).map(|i| json!(format!("X{i}"))).collect();
        p["benefiting_states"] = Value::Array(bad);
        let text = p.to_string();
        let reads = MAX_REREAD_BYTES / text.len();
        assert!(reads > 1 && reads < MAX_PROBLEMS);
        // The first problem, then one more per read.
        assert_eq!(problems_of_text::<ProjectRecord>(&text).len(), 1 + reads);
    }

    #[test]
    fn unreadable_or_deep_text_gives_only_the_first() {
        let at = FieldPath::key("projects").join(0usize);
        let first = Issue::new(Rule::InvalidValue, at.clone().join("year"), "out of range");
        let text = r#"{"id": "P 1", "title": 5, "year": 1e400}"#;
        assert_eq!(
            record_issues::<ProjectRecord>(text, &at, first.clone()),
            vec![first.clone()]
        );
        let deep = format!(
            r#"{{"id": "P 1", "notes": {}{}}}"#,
            "[".repeat(40),
            "]".repeat(40)
        );
        assert!(nesting_exceeds(&deep, MAX_DEPTH));
        assert_eq!(
            record_issues::<ProjectRecord>(&deep, &at, first.clone()),
            vec![first.clone()]
        );
        // Brackets inside strings do not count.
        assert!(!nesting_exceeds(r#"{"a": "[[[[\"[[[[", "b": [1]}"#, 2));
        // A first finding outside the record is returned alone.
        let elsewhere = Issue::new(Rule::WrongType, FieldPath::key("x"), "m");
        assert_eq!(
            record_issues::<ProjectRecord>("{}", &at, elsewhere.clone()),
            vec![elsewhere]
        );
    }

    #[test]
    fn translation_round_trips() {
        let mut r = Recovery {
            duplicates: BTreeSet::new(),
            value: json!({"a": [0, 1, 2, 3, 4, 5]}),
            removed: BTreeSet::new(),
            removed_elements: BTreeSet::new(),
            found: Vec::new(),
        };
        for orig in [1usize, 3] {
            let place = FieldPath::key("a").join(orig);
            let now = r.current(&place).unwrap();
            assert!(remove(&mut r.value, &now));
            r.removed_elements.insert(place.clone());
            r.removed.insert(place);
        }
        assert_eq!(r.value, json!({"a": [0, 2, 4, 5]}));
        for (now, orig) in [(0usize, 0usize), (1, 2), (2, 4), (3, 5)] {
            let o = r.original(&FieldPath::key("a").join(now));
            assert_eq!(o, FieldPath::key("a").join(orig));
            assert_eq!(r.current(&o).unwrap(), FieldPath::key("a").join(now));
        }
        assert_eq!(r.current(&FieldPath::key("a").join(3usize)), None);

        // A removed element deeper down does not shift, nor hide, its parent's siblings.
        let mut r = Recovery {
            duplicates: BTreeSet::new(),
            value: json!({"a": [{"b": [0, 1, 2]}, 1, 2, 3]}),
            removed: BTreeSet::new(),
            removed_elements: BTreeSet::new(),
            found: Vec::new(),
        };
        let nested = FieldPath::key("a").join(0usize).join("b").join(1usize);
        for place in [nested, FieldPath::key("a").join(1usize)] {
            let now = r.current(&place).unwrap();
            assert!(remove(&mut r.value, &now));
            r.removed_elements.insert(place.clone());
            r.removed.insert(place);
        }
        assert_eq!(r.value, json!({"a": [{"b": [0, 2]}, 2, 3]}));
        let a = |i: usize| FieldPath::key("a").join(i);
        assert_eq!(r.original(&a(1)), a(2));
        assert_eq!(r.current(&a(3)), Some(a(2)));
        let b = |i: usize| a(0).join("b").join(i);
        assert_eq!(r.original(&b(1)), b(2));
    }
}
