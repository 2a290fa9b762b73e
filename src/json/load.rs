//! Loading a dataset: parse once, read each record on its own, collect every problem.

use std::collections::HashSet;
use std::fmt;
use std::io;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::SCHEMA_VERSION;
use super::strict::Strict;
use super::wire::{
    EventRecord, MemberStateRecord, MembershipRecord, PartnerRecord, ProcessRecord, ProjectRecord,
};
use crate::dataset::builder::{
    Prepared, Preparer, Records, Settlement, on_two_threads_told, thread_min,
};
use crate::dataset::{Dataset, DatasetBuilder, DuplicateIdError};
use crate::problem::Segment;
use crate::problem::{Bounded, FieldPath, Issue, MAX_PER_RECORD, Rule, Severity, more_problems};

/// The longest message a load error keeps, in characters.
const MAX_MESSAGE_CHARS: usize = 400;

/// The most characters of a pointer that `Display` prints.
const MAX_POINTER_CHARS: usize = 200;

/// One problem found while loading, at its place in the document.
///
/// `Display` prints `pointer: severity [rule] message`, with `(document)`
/// for the whole document. Syntax errors also carry a line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    issue: Issue,
    line_column: Option<(usize, usize)>,
}

impl LoadError {
    fn new(issue: Issue, line_column: Option<(usize, usize)>) -> Self {
        let message = issue.message();
        let issue = if message.chars().count() > MAX_MESSAGE_CHARS {
            let short: String = message.chars().take(MAX_MESSAGE_CHARS).collect();
            Issue::new(
                issue.rule(),
                issue.path().clone(),
                format!("{short}… (message cut)"),
            )
        } else {
            issue
        };
        Self { issue, line_column }
    }

    /// The place, as an RFC 6901 JSON Pointer (`""` for the whole document).
    pub fn pointer(&self) -> String {
        self.issue.path().to_pointer()
    }

    /// The place, as a field path.
    pub fn path(&self) -> &FieldPath {
        self.issue.path()
    }

    /// The rule that was broken.
    pub fn rule(&self) -> Rule {
        self.issue.rule()
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.issue.severity()
    }

    /// What is wrong and what was expected.
    pub fn message(&self) -> &str {
        self.issue.message()
    }

    /// The finding itself.
    pub fn issue(&self) -> &Issue {
        &self.issue
    }

    /// Line and column (from 1) of a syntax error.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        self.line_column
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pointer()` keeps the place exactly, so that it resolves; printed,
        // characters that could forge or hide a line are escaped.
        let pointer = crate::text::printable(&self.pointer()).into_owned();
        // A key of the input can be megabytes long: print a bounded excerpt
        // (`pointer()` keeps the whole place, so that it still resolves).
        let place = if pointer.is_empty() {
            "(document)".to_owned()
        } else if pointer.chars().count() > MAX_POINTER_CHARS {
            let head: String = pointer.chars().take(MAX_POINTER_CHARS).collect();
            format!("{head}… ({} bytes in all)", pointer.len())
        } else {
            pointer
        };
        write!(
            f,
            "{place}: {} [{}] {}",
            self.severity(),
            self.rule().id(),
            self.message()
        )?;
        if let Some((line, column)) = self.line_column {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Why a dataset was not loaded: every problem found, errors first.
///
/// `Display` lists them one per line. Warnings found alongside the errors are
/// included, after the errors.
///
/// # Examples
///
/// ```
/// use migov::{Dataset, Severity};
///
/// let text = r#"{"schema_version": "1", "projects": [{"id": "P1"}]}"#;
/// let report = Dataset::from_json_str(text).unwrap_err();
/// let first = &report.problems()[0];
/// assert_eq!(first.severity(), Severity::Error);
/// assert_eq!(first.rule().id(), "json.missing_field");
/// // The place is the record that lacks the field; the message names it.
/// assert_eq!(first.pointer(), "/projects/0");
/// assert!(first.message().contains("title"));
/// assert!(report.to_string().contains("/projects/0: error [json.missing_field]"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadErrors {
    problems: Vec<LoadError>,
    /// Problems found past the report's limit, counted but not kept.
    omitted: usize,
}

impl LoadErrors {
    fn new(mut problems: Vec<LoadError>) -> Self {
        problems.sort_by_key(|p| std::cmp::Reverse(p.severity()));
        Self {
            problems,
            omitted: 0,
        }
    }

    /// How many problems were found past the report's limit (see
    /// [`LoadOptions::max_problems`]) and are counted, not listed. The last
    /// problem listed then says so (`report.more_problems`).
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    fn one(issue: Issue, line_column: Option<(usize, usize)>) -> Self {
        Self::new(vec![LoadError::new(issue, line_column)])
    }

    /// Every problem, errors first, each group in document order.
    pub fn problems(&self) -> &[LoadError] {
        &self.problems
    }

    /// The errors (the problems that refused the dataset).
    pub fn errors(&self) -> impl Iterator<Item = &LoadError> {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
    }

    /// The warnings found alongside.
    pub fn warnings(&self) -> impl Iterator<Item = &LoadError> {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Warning)
    }
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        write!(
            f,
            "dataset not loaded: {errors} error(s), {} warning(s)",
            self.problems.len() - errors
        )?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

/// No [`source`](std::error::Error::source): `Display` already lists every
/// problem, so an error-chain printer shows each one once.
impl std::error::Error for LoadErrors {}

/// The wire form of a [`LoadError`]: the [`Issue`]'s fields, then `line` and
/// `column` for a syntax error.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LoadErrorWire {
    rule: Rule,
    #[serde(default)]
    severity: Option<Severity>,
    path: FieldPath,
    #[serde(default)]
    pointer: Option<String>,
    message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refers_to: Option<crate::problem::RecordRef>,
}

/// An object with `rule`, `severity`, `path` (list of steps), `pointer`
/// (JSON Pointer), `message` and, for a syntax error, `line` and `column`:
/// the fields of [`Issue`]'s serde form, plus the position.
impl serde::Serialize for LoadError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LoadErrorWire {
            rule: self.rule(),
            severity: Some(self.severity()),
            path: self.path().clone(),
            pointer: Some(self.pointer()),
            message: self.message().to_owned(),
            line: self.line_column.map(|(line, _)| line),
            column: self.line_column.map(|(_, column)| column),
            refers_to: self.issue.record_ref().cloned(),
        }
        .serialize(serializer)
    }
}

/// Reads what `Serialize` writes; `severity` and `pointer` may be left out and
/// must agree with `rule` and `path`; `line` and `column` come together.
impl<'de> serde::Deserialize<'de> for LoadError {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = LoadErrorWire::deserialize(deserializer)?;
        let line_column = match (wire.line, wire.column) {
            (Some(line), Some(column)) => Some((line, column)),
            (None, None) => None,
            _ => return Err(de::Error::custom("line and column come together")),
        };
        let issue = Issue::deserialize(serde_json::json!({
            "rule": wire.rule,
            "severity": wire.severity,
            "path": wire.path,
            "pointer": wire.pointer,
            "message": wire.message,
        }))
        .map_err(de::Error::custom)?
        .with_record_ref(wire.refers_to);
        // Not `LoadError::new`: a message that was cut is kept as written.
        Ok(LoadError { issue, line_column })
    }
}

/// The wire form of [`LoadErrors`].
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LoadErrorsWire {
    #[serde(default)]
    errors: Option<usize>,
    #[serde(default)]
    warnings: Option<usize>,
    problems: Vec<LoadError>,
    /// Problems past the report's limit, counted, not listed.
    #[serde(default, skip_serializing_if = "is_zero")]
    omitted: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// An object with the counts `errors` and `warnings` and the `problems`, errors
/// first, each as [`LoadError`] writes it, and `omitted` (the problems past
/// the report's limit, counted, not listed) when there are any.
///
/// # Examples
///
/// ```
/// let report = migov::Dataset::from_json_str(r#"{"schema_version": "2"}"#).unwrap_err();
/// let json = serde_json::to_value(&report)?;
/// assert_eq!(json["errors"], 1);
/// assert_eq!(json["problems"][0]["pointer"], "/schema_version");
/// assert_eq!(serde_json::from_value::<migov::LoadErrors>(json)?, report);
/// # Ok::<(), serde_json::Error>(())
/// ```
impl serde::Serialize for LoadErrors {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let errors = self.errors().count();
        LoadErrorsWire {
            errors: Some(errors),
            warnings: Some(self.problems.len() - errors),
            problems: self.problems.clone(),
            omitted: self.omitted,
        }
        .serialize(serializer)
    }
}

/// Reads what `Serialize` writes; the counts may be left out and must agree
/// with the problems when given. The problems are put errors first.
impl<'de> serde::Deserialize<'de> for LoadErrors {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = LoadErrorsWire::deserialize(deserializer)?;
        let mut report = LoadErrors::new(wire.problems);
        report.omitted = wire.omitted;
        let errors = report.errors().count();
        let warnings = report.problems.len() - errors;
        if wire.errors.is_some_and(|n| n != errors) || wire.warnings.is_some_and(|n| n != warnings)
        {
            return Err(de::Error::custom(format_args!(
                "the counts disagree with the problems: {errors} error(s) and {warnings} warning(s) listed"
            )));
        }
        Ok(report)
    }
}

/// The top level, with each record kept as raw text to be read on its own,
/// and the document's own faults (unknown or repeated keys, a collection
/// that is not a list), found in the same pass as every record's.
#[derive(Default)]
struct Top<'a> {
    schema_version: Option<&'a RawValue>,
    /// The records of each collection, in the order of [`COLLECTIONS`].
    collections: [Vec<&'a RawValue>; 6],
    /// The document's faults, in the order of the text.
    issues: Vec<Issue>,
    /// The top-level keys, in the order of the text.
    keys: Vec<String>,
}

impl<'de> Deserialize<'de> for Top<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // As a struct, so that a list is read (and a list cut short is a
        // syntax error); its fields are the format's top-level keys.
        const FIELDS: &[&str] = &[
            "schema_version",
            "member_states",
            "processes",
            "partners",
            "projects",
            "events",
            "memberships",
        ];
        deserializer.deserialize_struct("Top", FIELDS, TopVisitor)
    }
}

/// Reads [`Top`]: every key is looked at, so that one fault of the document
/// hides neither another nor the records' own.
struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    /// A list is not a dataset; it is read to its end first, so that a
    /// list cut short is reported as the syntax error it is.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top<'de>, A::Error> {
        while seq.next_element::<&'de RawValue>()?.is_some() {}
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top<'de>, A::Error> {
        let mut top = Top::default();
        let mut seen = [false; 7];
        while let Some(key) = map.next_key::<String>()? {
            let raw: &'de RawValue = map.next_value()?;
            top.keys.push(key.clone());
            let Some((slot, at)) = top_key(key, &mut seen, &mut top.issues) else {
                continue;
            };
            if slot == TOP_VERSION {
                top.schema_version = Some(raw);
                continue;
            }
            match serde_json::from_str::<Vec<&'de RawValue>>(raw.get()) {
                Ok(records) => {
                    if let Some(c) = top.collections.get_mut(slot) {
                        *c = records;
                    }
                }
                Err(_) => top.issues.push(Issue::new(
                    Rule::WrongType,
                    at,
                    format!(
                        "invalid type: {}, expected a list of records",
                        json_kind(raw.get())
                    ),
                )),
            }
        }
        Ok(top)
    }
}

/// Where a top-level key goes: its slot (a place in [`COLLECTIONS`], or
/// [`TOP_VERSION`] for `schema_version`) and its path, or `None` after
/// pushing to `issues` why it goes nowhere (an unknown key, or one `seen`
/// already).
fn top_key(
    key: String,
    seen: &mut [bool; 7],
    issues: &mut Vec<Issue>,
) -> Option<(usize, FieldPath)> {
    let slot = match key.as_str() {
        "schema_version" => Some(TOP_VERSION),
        k => COLLECTIONS.iter().position(|c| *c == k),
    };
    let shown = crate::text::Excerpt::new(&key);
    let at = FieldPath::root().join(key);
    let Some(slot) = slot else {
        issues.push(Issue::new(
            Rule::UnknownField,
            at,
            format!(
                "unknown field {shown}, expected one of `schema_version`, `{}`",
                COLLECTIONS.join("`, `")
            ),
        ));
        return None;
    };
    let seen = seen.get_mut(slot)?;
    if *seen {
        issues.push(Issue::new(
            Rule::DuplicateField,
            at,
            format!("duplicate field {shown}; a dataset gives each of its fields once"),
        ));
        return None;
    }
    *seen = true;
    Some((slot, at))
}

/// The slot of `schema_version` among the top-level keys, after the
/// collections.
const TOP_VERSION: usize = 6;

/// The kind of JSON value `text` holds, as serde names them.
fn json_kind(text: &str) -> &'static str {
    match text.trim_start().chars().next() {
        Some('{') => "map",
        Some('[') => "sequence",
        Some('"') => "string",
        Some('t' | 'f') => "boolean",
        Some('n') => "null",
        _ => "number",
    }
}

/// Reads `id` from a record that failed, so references to it are not reported as dangling.
#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
    country: Option<String>,
}

/// Turns a serde error into a finding: its rule, its path, its message.
pub(super) fn classify(err: &serde_json::Error, path: FieldPath) -> Issue {
    let mut message = err.to_string();
    if err.line() > 0 {
        let suffix = format!(" at line {} column {}", err.line(), err.column());
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message = stripped.to_owned();
        }
    }
    if err.is_syntax() || err.is_eof() {
        return Issue::new(Rule::Syntax, path, message);
    }
    let mut path = path;
    let rule = if message.starts_with("invalid type") {
        Rule::WrongType
    } else if message.starts_with("unknown field") || message.starts_with("unknown variant") {
        // Point at the offending key's value: serde names it between backticks.
        if message.starts_with("unknown field") {
            if let Some(name) = quoted_name(&message, "unknown field") {
                path = join_key_once(path, name);
            }
            Rule::UnknownField
        } else {
            Rule::InvalidValue
        }
    } else if message.starts_with("missing field") {
        Rule::MissingField
    } else if message.starts_with("duplicate field") {
        if let Some(name) = quoted_name(&message, "duplicate field") {
            path = join_key_once(path, name);
        }
        Rule::DuplicateField
    } else if message.starts_with("recursion limit") {
        Rule::Syntax
    } else {
        Rule::InvalidValue
    };
    Issue::new(rule, path, message)
}

/// The name that serde quotes in `message` after `what` (`"unknown field"`,
/// `"duplicate field"`, `"missing field"`), whatever it holds, backticks
/// included: serde writes `` what `NAME`, expected … ``,
/// `` what `NAME`, there are no fields `` or `` what `NAME` `` and never
/// escapes the name.
pub(super) fn quoted_name<'m>(message: &'m str, what: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(what)?.strip_prefix(" `")?;
    if let Some(end) = rest.rfind("`, expected ") {
        return rest.get(..end);
    }
    if let Some(end) = rest.rfind("`, there are no fields") {
        return rest.get(..end);
    }
    rest.strip_suffix('`')
}

/// `path` ending in the key `name`: `serde_path_to_error` has often already
/// recorded the key whose value was being read, so it is added only if missing.
fn join_key_once(path: FieldPath, name: &str) -> FieldPath {
    match path.segments().last() {
        Some(Segment::Key(last)) if last.as_ref() == name => path,
        _ => path.join(name.to_owned()),
    }
}

/// A `serde_path_to_error` path as a field path.
pub(super) fn path_of(p: &serde_path_to_error::Path) -> FieldPath {
    p.iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(Segment::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Segment::from(key.clone())),
            serde_path_to_error::Segment::Enum { variant } => Some(Segment::from(variant.clone())),
            serde_path_to_error::Segment::Unknown => None,
        })
        .collect()
}

/// A `wrong_type` finding when well-formed JSON `text` is an array, not an object.
///
/// serde's derived structs also accept an array of the fields in order,
/// which would let `["1"]` pass for a whole dataset and `["E40-800", "x"]`
/// for a project, bypassing field names and `deny_unknown_fields`.
fn not_an_object(text: &str, at: &FieldPath) -> Option<Issue> {
    text.trim_start().starts_with('[').then(|| {
        Issue::new(
            Rule::WrongType,
            at.clone(),
            "invalid type: sequence, expected a JSON object",
        )
    })
}

/// Reads one record; on failure, finds where with `serde_path_to_error`,
/// then every other malformed value of the record (slow path only).
fn read<T: DeserializeOwned>(raw: &RawValue, at: &FieldPath) -> Result<T, Vec<Issue>> {
    if let Some(issue) = not_an_object(raw.get(), at) {
        return Err(vec![issue]);
    }
    match serde_json::from_str(raw.get()) {
        Ok(t) => Ok(t),
        Err(_) => {
            let mut de = serde_json::Deserializer::from_str(raw.get());
            match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Ok(t) => Ok(t),
                Err(e) => {
                    let path = path_of(e.path()).prefixed(at);
                    let mut issue = classify(e.inner(), path);
                    // The record's text already parsed as JSON: what serde_json
                    // calls a syntax error here is a value that does not fit
                    // (a number out of range, a party object with two keys).
                    if issue.rule() == Rule::Syntax {
                        issue =
                            Issue::new(Rule::InvalidValue, issue.path().clone(), issue.message());
                    }
                    Err(super::recover::record_issues::<T>(raw.get(), at, issue))
                }
            }
        }
    }
}

/// One record as read: the wire record, or its problems and (if it could
/// be read) its identifier.
type Read<R> = Result<R, (Vec<Issue>, Option<String>)>;

/// Reads one raw record of collection `name` at position `i` (slow path).
fn read_raw<R: DeserializeOwned>(raw: &RawValue, name: &'static str, i: usize) -> Read<R> {
    let at = FieldPath::key(name).join(i);
    read(raw, &at).map_err(|issues| {
        let id = serde_json::from_str::<IdOnly>(raw.get())
            .ok()
            .and_then(|ids| ids.id.or(ids.country));
        (issues, id)
    })
}

/// A collection of the format: its record type and how a record joins the builder.
trait Kind: DeserializeOwned {
    /// The collection's key in the document.
    const NAME: &'static str;
    /// The collection's place in [`COLLECTIONS`].
    const SLOT: usize;
    /// The record's identifier (to keep references to a broken record quiet).
    type Id: fmt::Display;
    /// The record's identifier, cheap to take (written out only if the record fails).
    fn id(&self) -> Option<Self::Id>;
    /// Converts the record and adds it: its findings, or a duplicate identifier.
    fn add(self, b: &mut DatasetBuilder) -> Result<Result<(), DuplicateIdError>, Vec<Issue>>;
}

/// The collections, in the order of [`Kind::SLOT`].
const COLLECTIONS: [&str; 6] = [
    "member_states",
    "processes",
    "partners",
    "projects",
    "events",
    "memberships",
];

macro_rules! kind {
    ($record:ty, $slot:literal, $id_type:ty, |$r:ident| $id:expr, |$e:ident, $b:ident| $add:expr) => {
        impl Kind for $record {
            const NAME: &'static str = COLLECTIONS[$slot];
            const SLOT: usize = $slot;
            type Id = $id_type;
            fn id(&self) -> Option<$id_type> {
                let $r = self;
                $id
            }
            fn add(
                self,
                $b: &mut DatasetBuilder,
            ) -> Result<Result<(), DuplicateIdError>, Vec<Issue>> {
                let $e = self.into_entity().map_err(IntoIssues::into_issues)?;
                Ok($add)
            }
        }
    };
}

kind!(
    MemberStateRecord,
    0,
    crate::value::CountryCode,
    |r| Some(r.id()),
    |e, b| b.add_member_state(e).map(drop)
);
kind!(
    ProcessRecord,
    1,
    crate::value::ProcessId,
    |r| Some(r.id()),
    |e, b| b.add_process(e).map(drop)
);
kind!(
    PartnerRecord,
    2,
    crate::value::PartnerId,
    |r| Some(r.id()),
    |e, b| b.add_partner(e).map(drop)
);
kind!(
    ProjectRecord,
    3,
    crate::value::ProjectId,
    |r| Some(r.id()),
    |e, b| b.add_project(e).map(drop)
);
kind!(
    EventRecord,
    4,
    crate::value::EventId,
    |r| Some(r.id()),
    |e, b| b.add_event(e).map(drop)
);
kind!(MembershipRecord, 5, String, |_r| None, |e, b| {
    b.add_membership(e);
    Ok(())
});

/// Conversion findings as a list.
trait IntoIssues {
    fn into_issues(self) -> Vec<Issue>;
}

impl IntoIssues for Vec<Issue> {
    fn into_issues(self) -> Vec<Issue> {
        self
    }
}

impl IntoIssues for crate::problem::BuildError {
    fn into_issues(self) -> Vec<Issue> {
        crate::problem::BuildError::into_issues(self)
    }
}

/// Takes records one by one into a builder, keeping every problem (up to
/// the report's limit, counting the rest).
struct Loader {
    builder: DatasetBuilder,
    issues: Bounded,
    /// Identifiers of records that failed, per collection.
    broken_ids: HashSet<(&'static str, String)>,
    /// The line and column of each syntax fault found inside a record.
    syntax_at: Vec<(FieldPath, (usize, usize))>,
    /// The top-level keys in the order of the document, so that the report
    /// lists problems in document order.
    key_order: Vec<String>,
    /// For each collection, the file position of each record added.
    origins: [Vec<u32>; 6],
    /// The records other than memberships, settled on a second thread while
    /// the memberships were read.
    settled: Option<(Records, Settlement)>,
    /// The memberships' keys and facts, worked out against `settled`.
    prepared: Option<Prepared>,
}

impl Default for Loader {
    fn default() -> Self {
        Self::new(LoadOptions::DEFAULT_MAX_PROBLEMS)
    }
}

impl Loader {
    /// A loader whose report keeps at most `limit` problems.
    fn new(limit: usize) -> Self {
        Self {
            builder: DatasetBuilder::default(),
            issues: Bounded::new(limit),
            broken_ids: HashSet::new(),
            syntax_at: Vec::new(),
            key_order: Vec::new(),
            origins: Default::default(),
            settled: None,
            prepared: None,
        }
    }

    /// Takes record `i` of its collection, as read.
    fn accept<R: Kind>(&mut self, i: usize, read: Read<R>) {
        let name = R::NAME;
        let at = || FieldPath::key(name).join(i);
        let record = match read {
            Ok(r) => r,
            Err((issues, id)) => {
                match &id {
                    Some(id) => self
                        .issues
                        .extend(issues.into_iter().map(|issue| issue.in_record(id))),
                    None => self.issues.extend(issues),
                }
                if let Some(id) = id {
                    self.broken_ids.insert((name, id));
                }
                return;
            }
        };
        let id = record.id();
        match record.add(&mut self.builder) {
            Ok(Ok(())) => {
                if let Some(origin) = self.origins.get_mut(R::SLOT) {
                    origin.push(u32::try_from(i).unwrap_or(u32::MAX));
                }
            }
            Ok(Err(dup)) => self.issues.push(Issue::new(
                Rule::DuplicateId,
                at().join(if R::SLOT == 0 { "country" } else { "id" }),
                format!("{dup}"),
            )),
            Err(issues) => {
                let errors = issues.iter().any(Issue::is_error);
                let at = at();
                self.issues
                    .extend(issues.into_iter().map(|x| x.prefixed(&at)));
                if errors && let Some(id) = id {
                    self.broken_ids.insert((name, id.to_string()));
                }
            }
        }
    }

    /// Takes the records of `chunk`, the first at position `first`, leaving
    /// it empty.
    fn accept_all<R: Kind>(&mut self, first: usize, chunk: &mut Vec<R>) {
        for (i, record) in (first..).zip(chunk.drain(..)) {
            self.accept::<R>(i, Ok(record));
        }
    }

    /// Takes in what the second thread of a pipelined load did: the
    /// projects and events it added (or settled, with every other record
    /// but the memberships), and the memberships it converted, after those
    /// added here.
    fn absorb(&mut self, worked: Worked) {
        let Worked {
            loader,
            settled,
            converted,
            prepared,
            unread: _,
        } = worked;
        let Loader {
            mut builder,
            issues,
            broken_ids,
            origins,
            ..
        } = loader;
        self.issues.absorb(issues);
        self.broken_ids.extend(broken_ids);
        for (here, there) in self.origins.iter_mut().zip(origins) {
            here.extend(there);
        }
        // Records the second thread added and did not settle (none when it
        // settled: every other record was read before the memberships).
        self.builder.put_records(builder.take_records());
        self.settled = settled;
        self.prepared = prepared;
        // After those added here (none once they were handed over).
        self.builder.append_memberships(converted.memberships);
        if let Some(origin) = self.origins.get_mut(MembershipRecord::SLOT) {
            origin.extend(converted.origins);
        }
        self.issues.extend(converted.issues);
    }

    /// Reads each raw record of a collection on its own (slow path).
    fn accept_raw<R: Kind>(&mut self, raws: &[&RawValue]) {
        for (i, raw) in raws.iter().enumerate() {
            self.accept::<R>(i, read_raw(raw, R::NAME, i));
        }
    }

    /// As [`Loader::accept_raw`], for records found around syntax faults:
    /// a record that does not parse is a syntax fault at its place (its
    /// identifier, when it can be read, keeps references to it quiet).
    fn accept_pieces<R: Kind>(&mut self, pieces: &[super::resync::Piece<'_>], lines: &Lines) {
        for (i, piece) in pieces.iter().enumerate() {
            match serde_json::from_str::<&RawValue>(piece.text) {
                Ok(raw) => self.accept::<R>(i, read_raw(raw, R::NAME, i)),
                Err(e) => {
                    let at = FieldPath::key(R::NAME).join(i);
                    self.syntax_at.push((at.clone(), lines.of(piece.at, &e)));
                    let issue = classify(&e, at);
                    self.accept::<R>(i, Err((vec![issue], id_in(piece.text, R::SLOT == 0))));
                }
            }
        }
    }

    /// Builds the dataset, or reports every problem at its place in the file.
    fn finish(self) -> Result<Dataset, LoadErrors> {
        let Loader {
            builder,
            issues: record_issues,
            broken_ids,
            syntax_at,
            key_order,
            origins,
            settled,
            prepared,
        } = self;
        let limit = record_issues.limit();
        let mut issues = match builder.build_settled(settled, prepared) {
            Ok(dataset) if record_issues.is_empty() => return Ok(dataset),
            Ok(dataset) => dataset.warnings().to_vec(),
            Err(issues) => issues,
        };
        // Dataset findings name records by the order they were added: renumber
        // them to their place in the file, and drop dangling references to
        // records that exist in the file but failed on their own.
        // One lookup per finding: the dataset says which record a
        // dangling reference names.
        issues.retain(|issue| {
            issue.rule() != Rule::DanglingReference
                || !issue.refers_to().is_some_and(|(collection, id)| {
                    COLLECTIONS
                        .iter()
                        .find(|c| **c == collection)
                        .is_some_and(|c| broken_ids.contains(&(*c, id.to_owned())))
                })
        });
        for issue in &mut issues {
            let segments = issue.path_mut().segments_mut();
            if let [Segment::Key(name), Segment::Index(i), ..] = segments.as_mut_slice()
                && let Some(k) = COLLECTIONS.iter().position(|c| *c == name.as_ref())
                && let Some(orig) = origins.get(k).and_then(|o| o.get(*i))
            {
                *i = *orig as usize;
            }
        }
        let mut all = record_issues;
        all.extend(per_record(issues));
        let (mut all, omitted) = all.into_parts();
        // In document order: by the place of the top-level key in the
        // document, then by path (record positions are file positions).
        let rank = |issue: &Issue| match issue.path().segments().first() {
            Some(Segment::Key(k)) => key_order
                .iter()
                .position(|o| o == k.as_ref())
                .unwrap_or(usize::MAX),
            _ => 0,
        };
        all.sort_by_cached_key(|i| (rank(i), i.path().clone()));
        let position = |issue: &Issue| {
            (issue.rule() == Rule::Syntax)
                .then(|| syntax_at.iter().find(|(at, _)| at == issue.path()))
                .flatten()
                .map(|(_, lc)| *lc)
        };
        let mut report = LoadErrors::new(
            all.into_iter()
                .map(|i| {
                    let at = position(&i);
                    LoadError::new(i, at)
                })
                .collect(),
        );
        if omitted > 0 {
            report.omitted = omitted;
            report.problems.push(LoadError::new(
                more_problems(omitted, limit, "the document"),
                None,
            ));
        }
        Err(report)
    }
}

/// `issues` with at most [`MAX_PER_RECORD`] findings for any one record
/// (the records named by the first two steps of a path), each record's
/// rest counted in one more finding at the record. Linear in `issues`.
///
fn per_record(issues: Vec<Issue>) -> Vec<Issue> {
    let record_of = |issue: &Issue| match issue.path().segments() {
        [Segment::Key(name), Segment::Index(i), ..] => Some((name.clone(), *i)),
        _ => None,
    };
    let mut per: std::collections::HashMap<(std::borrow::Cow<'static, str>, usize), Bounded> =
        std::collections::HashMap::new();
    let mut order = Vec::new();
    let mut out = Vec::new();
    for issue in issues {
        match record_of(&issue) {
            Some(record) => {
                let bounded = per.entry(record.clone()).or_insert_with(|| {
                    order.push(record);
                    Bounded::new(MAX_PER_RECORD)
                });
                bounded.push(issue);
            }
            None => out.push(issue),
        }
    }
    for record in order {
        let Some(bounded) = per.remove(&record) else {
            continue;
        };
        let (kept, omitted) = bounded.into_parts();
        out.extend(kept);
        if omitted > 0 {
            let at = FieldPath::root()
                .join(Segment::Key(record.0))
                .join(record.1);
            out.push(more_problems(omitted, MAX_PER_RECORD, "this record").prefixed(&at));
        }
    }
    out
}

/// The top-level keys of the format.
#[derive(Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum TopKey {
    SchemaVersion,
    MemberStates,
    Processes,
    Partners,
    Projects,
    Events,
    Memberships,
}

impl TopKey {
    /// The key as written.
    fn name(self) -> &'static str {
        match self {
            Self::SchemaVersion => "schema_version",
            Self::MemberStates => "member_states",
            Self::Processes => "processes",
            Self::Partners => "partners",
            Self::Projects => "projects",
            Self::Events => "events",
            Self::Memberships => "memberships",
        }
    }
}

/// Reads a whole valid document in one pass, handing each record to the
/// loader as soon as it is read (no intermediate list of records). Yields
/// the schema version. Any error sends the caller to the slow path.
///
/// A large document (see [`pipelined`]) is read with a second thread
/// beside the reader (see [`work`]): projects and events go to it in
/// chunks as they are read, to be converted and added there; once every
/// other collection is read, it settles all those records while the reader
/// reads the memberships, then converts the memberships read from then on.
/// Whenever the second thread is short of work, the reader sends it a chunk
/// of records unparsed, only scanned for where each ends, to be parsed there
/// (see [`Sent`]).
struct OnePass<'l> {
    loader: &'l mut Loader,
    pipelined: bool,
}

/// About how many bytes of text a record takes, for [`pipelined`].
const BYTES_PER_RECORD: usize = 512;

/// The most chunks on their way to the second thread at once.
const QUEUE: usize = 32;

/// How many chunks of raw records the second thread may have to parse
/// before the reader parses the next chunk itself.
const RAW_IN_FLIGHT: usize = 4;

/// About how many bytes of text a chunk of raw records holds (a few records
/// in unit tests, so that small files make many chunks).
const RAW_CHUNK_BYTES: usize = if cfg!(test) { 600 } else { 128 * 1024 };

/// Whether a text of `len` bytes is read with a second thread: when it can
/// hold [`THREAD_MIN`](crate::dataset::builder::THREAD_MIN) records (1 MiB).
fn pipelined(len: usize) -> bool {
    len >= thread_min().saturating_mul(BYTES_PER_RECORD)
}

impl<'de> Visitor<'de> for OnePass<'_> {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a migov dataset object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<String>, A::Error> {
        let OnePass { loader, pipelined } = self;
        let limit = loader.issues.limit();
        if !pipelined {
            return read_keys(loader, map, None);
        }
        let ready = &AtomicBool::new(false);
        let raw_in_flight = &AtomicUsize::new(0);
        let (to_work, queue) = mpsc::sync_channel(QUEUE);
        let (projects, projects_back) = mpsc::channel();
        let (events, events_back) = mpsc::channel();
        let (memberships, memberships_back) = mpsc::channel();
        let empties = Empties {
            projects,
            events,
            memberships,
        };
        let (worked, read) = on_two_threads_told(
            move || work(queue, &empties, ready, raw_in_flight, limit),
            |spawned| {
                let pipe = spawned.then(|| Pipe {
                    work: to_work,
                    ready,
                    raw_in_flight,
                    projects: projects_back,
                    events: events_back,
                    memberships: memberships_back,
                    sent: [0; 6],
                });
                // Dropping the pipe ends the second thread's work.
                read_keys(&mut *loader, map, pipe)
            },
        );
        if let Some(worked) = worked {
            if worked.unread {
                // The slow path reports it.
                return Err(de::Error::custom("a record sent raw did not read"));
            }
            loader.absorb(worked);
        }
        read
    }
}

/// Reads the top-level keys and their values into `loader`, projects,
/// events and memberships through `pipe` if there is one.
fn read_keys<'de, A: MapAccess<'de>>(
    loader: &mut Loader,
    mut map: A,
    mut pipe: Option<Pipe<'_, 'de>>,
) -> Result<Option<String>, A::Error> {
    let mut version = None;
    let mut seen = [false; 7];
    while let Some(key) = map.next_key::<TopKey>()? {
        loader.key_order.push(key.name().to_owned());
        match seen.get_mut(key as usize) {
            Some(s) if !*s => *s = true,
            _ => return Err(de::Error::custom("duplicate field")),
        }
        match (key, &mut pipe) {
            // Borrowed: a version written with escapes does not read here,
            // and the slow path reports it, as for every other file.
            (TopKey::SchemaVersion, _) => version = Some(map.next_value::<&'de str>()?.to_owned()),
            (TopKey::MemberStates, _) => {
                map.next_value_seed(Stream::<MemberStateRecord>::new(loader))?
            }
            (TopKey::Processes, _) => map.next_value_seed(Stream::<ProcessRecord>::new(loader))?,
            (TopKey::Partners, _) => map.next_value_seed(Stream::<PartnerRecord>::new(loader))?,
            (TopKey::Projects, Some(pipe)) => {
                map.next_value_seed(Sent::<ProjectRecord>::new(loader, pipe, false))?
            }
            (TopKey::Projects, None) => {
                map.next_value_seed(Stream::<ProjectRecord>::new(loader))?
            }
            (TopKey::Events, Some(pipe)) => {
                map.next_value_seed(Sent::<EventRecord>::new(loader, pipe, false))?
            }
            (TopKey::Events, None) => map.next_value_seed(Stream::<EventRecord>::new(loader))?,
            // Every other collection is read (a key cannot come twice): the
            // second thread settles those records while the memberships are
            // read, and then converts those sent to it.
            (TopKey::Memberships, Some(pipe))
                if seen.get(1..6).is_some_and(|s| s.iter().all(|&s| s))
                    && DatasetBuilder::worth_settling_apart(
                        loader.builder.counts()[2] + pipe.sent[3] + pipe.sent[4],
                    ) =>
            {
                let records = loader.builder.take_records();
                if let Err(mpsc::SendError(Work::Settle(records))) =
                    pipe.work.send(Work::Settle(records))
                {
                    // The second thread is gone (a panic, carried on
                    // once it is joined): the records stay here.
                    loader.builder.put_records(records);
                }
                map.next_value_seed(Sent::<MembershipRecord>::new(loader, pipe, true))?
            }
            (TopKey::Memberships, _) => {
                map.next_value_seed(Stream::<MembershipRecord>::new(loader))?
            }
        }
    }
    Ok(version)
}

/// Work for the second thread of a pipelined load (see [`OnePass`]), on a
/// text that lives for `'t`.
enum Work<'t> {
    /// Projects still to be parsed, with the file position of the first.
    RawProjects(usize, Vec<&'t RawValue>),
    /// Events still to be parsed, with the file position of the first.
    RawEvents(usize, Vec<&'t RawValue>),
    /// Memberships still to be parsed, with the file position of the first.
    RawMemberships(usize, Vec<&'t RawValue>),
    /// Projects read, with the file position of the first.
    Projects(usize, Vec<ProjectRecord>),
    /// Events read, with the file position of the first.
    Events(usize, Vec<EventRecord>),
    /// Every record but the projects, events and memberships: to be settled
    /// with the projects and events sent before.
    Settle(Records),
    /// Memberships the reader converted and added before the second thread
    /// was ready: they come before every membership sent.
    HandedOver(Vec<crate::entity::Membership>),
    /// Memberships read, with the file position of the first.
    Memberships(usize, Vec<MembershipRecord>),
}

/// The reader's end of a pipelined load of a text that lives for `'t`.
struct Pipe<'p, 't> {
    work: mpsc::SyncSender<Work<'t>>,
    /// Set by the second thread once it has settled the records.
    ready: &'p AtomicBool,
    /// How many chunks of raw records are sent and not yet parsed.
    raw_in_flight: &'p AtomicUsize,
    /// Chunks the second thread is done with, to be filled again.
    projects: mpsc::Receiver<Vec<ProjectRecord>>,
    events: mpsc::Receiver<Vec<EventRecord>>,
    memberships: mpsc::Receiver<Vec<MembershipRecord>>,
    /// How many records of each collection were sent.
    sent: [usize; 6],
}

/// The second thread's end of [`Pipe`]'s emptied chunks.
struct Empties {
    projects: mpsc::Sender<Vec<ProjectRecord>>,
    events: mpsc::Sender<Vec<EventRecord>>,
    memberships: mpsc::Sender<Vec<MembershipRecord>>,
}

impl<'t> Pipe<'_, 't> {
    /// Whether membership `i` goes to the second thread: once it is ready.
    fn ready_for(&self, i: usize) -> bool {
        #[cfg(test)]
        if let Some(from) = TEST_CHUNK_FROM.with(std::cell::Cell::get) {
            return i >= from;
        }
        let _ = i;
        self.ready.load(Ordering::Acquire)
    }

    /// Sends work that gives nothing back.
    fn hand_over(&mut self, work: Work<'t>) {
        // As in `send`, this cannot fail while the second thread works.
        let _ = self.work.send(work);
    }

    /// Sends `chunk`, whose first record is at `first`, and gives an empty
    /// one to fill (an emptied one if any).
    fn send<R: Piped>(&mut self, first: usize, chunk: Vec<R>) -> Vec<R> {
        if let Some(sent) = self.sent.get_mut(R::SLOT) {
            *sent += chunk.len();
        }
        // The receiver lives until the second thread ends, which is after
        // this sender is dropped or with a panic (carried on once it is
        // joined): a send cannot fail otherwise.
        let _ = self.work.send(R::work(first, chunk));
        R::emptied(self)
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(R::CHUNK))
    }

    /// Whether chunk `n` of a collection goes raw, for the second thread to
    /// parse: while that thread has few raw chunks left to parse, so that
    /// it parses whenever it would otherwise wait, and the reader parses
    /// the rest.
    fn raw_wanted(&self, n: usize) -> bool {
        #[cfg(test)]
        if let Some(every) = TEST_RAW_EVERY.with(std::cell::Cell::get) {
            return every > 0 && n.is_multiple_of(every);
        }
        let _ = n;
        self.raw_in_flight.load(Ordering::Acquire) < RAW_IN_FLIGHT
    }

    /// Sends raw records, the first at position `first`.
    fn send_raw<R: Piped>(&mut self, first: usize, chunk: Vec<&'t RawValue>) {
        if let Some(sent) = self.sent.get_mut(R::SLOT) {
            *sent += chunk.len();
        }
        self.raw_in_flight.fetch_add(1, Ordering::AcqRel);
        // As in `send`, this cannot fail while the second thread works.
        let _ = self.work.send(R::raw_work(first, chunk));
    }
}

/// A collection whose records can be sent to the second thread.
trait Piped: Kind + Send {
    /// Records per chunk: about 64 KiB of them (a few in unit tests, so
    /// that small files make many chunks).
    const CHUNK: usize = if cfg!(test) {
        3
    } else {
        64 * 1024 / (std::mem::size_of::<Self>() + 1) + 1
    };
    /// `chunk` as work, its first record at `first`.
    fn work<'t>(first: usize, chunk: Vec<Self>) -> Work<'t>;
    /// Raw records as work, the first at `first`.
    fn raw_work(first: usize, chunk: Vec<&RawValue>) -> Work<'_>;
    /// Where emptied chunks come back.
    fn emptied<'a>(pipe: &'a Pipe<'_, '_>) -> &'a mpsc::Receiver<Vec<Self>>;
    /// What the reader added of this collection before its first chunk is
    /// sent, to go ahead of it (see [`Sent`]'s `gated`).
    fn handed_over<'t>(_loader: &mut Loader) -> Option<Work<'t>> {
        None
    }
}

impl Piped for ProjectRecord {
    fn work<'t>(first: usize, chunk: Vec<Self>) -> Work<'t> {
        Work::Projects(first, chunk)
    }
    fn raw_work(first: usize, chunk: Vec<&RawValue>) -> Work<'_> {
        Work::RawProjects(first, chunk)
    }
    fn emptied<'a>(pipe: &'a Pipe<'_, '_>) -> &'a mpsc::Receiver<Vec<Self>> {
        &pipe.projects
    }
}

impl Piped for EventRecord {
    fn work<'t>(first: usize, chunk: Vec<Self>) -> Work<'t> {
        Work::Events(first, chunk)
    }
    fn raw_work(first: usize, chunk: Vec<&RawValue>) -> Work<'_> {
        Work::RawEvents(first, chunk)
    }
    fn emptied<'a>(pipe: &'a Pipe<'_, '_>) -> &'a mpsc::Receiver<Vec<Self>> {
        &pipe.events
    }
}

impl Piped for MembershipRecord {
    fn work<'t>(first: usize, chunk: Vec<Self>) -> Work<'t> {
        Work::Memberships(first, chunk)
    }
    fn raw_work(first: usize, chunk: Vec<&RawValue>) -> Work<'_> {
        Work::RawMemberships(first, chunk)
    }
    fn emptied<'a>(pipe: &'a Pipe<'_, '_>) -> &'a mpsc::Receiver<Vec<Self>> {
        &pipe.memberships
    }
    fn handed_over<'t>(loader: &mut Loader) -> Option<Work<'t>> {
        Some(Work::HandedOver(loader.builder.take_memberships()))
    }
}

/// What the second thread of a pipelined load did.
struct Worked {
    /// The projects and events, converted and added (or taken to be settled).
    loader: Loader,
    /// Every record but the memberships, settled.
    settled: Option<(Records, Settlement)>,
    /// The memberships handed over and sent, converted.
    converted: Converted,
    /// The keys and facts of `converted`'s memberships, against `settled`.
    prepared: Option<Prepared>,
    /// Whether a raw record did not read (the slow path then reports it).
    unread: bool,
}

/// The second thread of a pipelined load: does the work sent, in order,
/// until the reader drops its sender; each emptied chunk goes back. Raw
/// records are parsed here first; once one does not read, the others are
/// dropped unread.
///
/// Once the records are settled, each membership that comes is also
/// prepared ([`Preparer`]): its sort key and its facts are worked out, and
/// each run of one body is sorted as soon as it is complete, here, while
/// the reader still reads, rather than after the last membership.
fn work(
    queue: mpsc::Receiver<Work<'_>>,
    empties: &Empties,
    ready: &AtomicBool,
    raw_in_flight: &AtomicUsize,
    limit: usize,
) -> Worked {
    let mut loader = Loader::new(limit);
    let mut converted = Converted::default();
    let mut raw = RawParser::new(raw_in_flight);
    let mut queue = queue.into_iter();
    let mut settled = None;
    for work in queue.by_ref() {
        if let Work::Settle(mut records) = work {
            records.append(loader.builder.take_records());
            let settlement = records.settle();
            settled = Some((records, settlement));
            ready.store(true, Ordering::Release);
            break;
        }
        do_work(work, &mut loader, &mut converted, empties, &mut raw);
    }
    let prepared = settled.as_ref().map(|(records, _)| {
        let mut preparer = Preparer::new(records);
        for work in queue.by_ref() {
            if matches!(work, Work::HandedOver(_)) {
                // The memberships handed over go first (they come before
                // any other by the reader's order): prepare all again.
                preparer.restart(&mut converted.memberships);
            }
            do_work(work, &mut loader, &mut converted, empties, &mut raw);
            preparer.add(&mut converted.memberships);
        }
        preparer.finish(&mut converted.memberships)
    });
    Worked {
        loader,
        settled,
        converted,
        prepared,
        unread: raw.unread,
    }
}

/// Parses raw records on the second thread of a pipelined load, into
/// buffers kept from chunk to chunk.
struct RawParser<'a> {
    /// The reader's count of raw chunks not yet parsed.
    in_flight: &'a AtomicUsize,
    /// Whether a record did not read.
    unread: bool,
    projects: Vec<ProjectRecord>,
    events: Vec<EventRecord>,
    memberships: Vec<MembershipRecord>,
}

impl<'a> RawParser<'a> {
    fn new(in_flight: &'a AtomicUsize) -> Self {
        Self {
            in_flight,
            unread: false,
            projects: Vec::new(),
            events: Vec::new(),
            memberships: Vec::new(),
        }
    }

    /// Parses `raws` into `records` (empty), as the reader would have
    /// parsed them in place; none once a record did not read.
    fn parse<R: Kind>(unread: &mut bool, raws: &[&RawValue], records: &mut Vec<R>) {
        if *unread {
            return;
        }
        for raw in raws {
            match serde_json::from_str::<Strict<R>>(raw.get()) {
                Ok(Strict(record)) => records.push(record),
                Err(_) => {
                    *unread = true;
                    records.clear();
                    return;
                }
            }
        }
    }

    /// One raw chunk parsed.
    fn done(&self) {
        self.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Does one piece of a pipelined load's work but settling.
fn do_work(
    work: Work<'_>,
    loader: &mut Loader,
    converted: &mut Converted,
    empties: &Empties,
    raw: &mut RawParser<'_>,
) {
    // A send fails only when the reader is done and gone: the chunk is
    // then dropped.
    match work {
        Work::RawProjects(first, raws) => {
            RawParser::parse(&mut raw.unread, &raws, &mut raw.projects);
            raw.done();
            loader.accept_all(first, &mut raw.projects);
        }
        Work::RawEvents(first, raws) => {
            RawParser::parse(&mut raw.unread, &raws, &mut raw.events);
            raw.done();
            loader.accept_all(first, &mut raw.events);
        }
        Work::RawMemberships(first, raws) => {
            RawParser::parse(&mut raw.unread, &raws, &mut raw.memberships);
            raw.done();
            converted.convert(first, &mut raw.memberships);
        }
        Work::Projects(first, mut chunk) => {
            loader.accept_all(first, &mut chunk);
            let _ = empties.projects.send(chunk);
        }
        Work::Events(first, mut chunk) => {
            loader.accept_all(first, &mut chunk);
            let _ = empties.events.send(chunk);
        }
        // Settled at most once, by `work`: records sent again are added.
        Work::Settle(records) => loader.builder.put_records(records),
        Work::HandedOver(memberships) => converted.hand_over(memberships),
        Work::Memberships(first, mut chunk) => {
            converted.convert(first, &mut chunk);
            let _ = empties.memberships.send(chunk);
        }
    }
}

/// One collection read as a stream of records (fast path).
struct Stream<'l, R>(&'l mut Loader, PhantomData<R>);

impl<'l, R> Stream<'l, R> {
    fn new(loader: &'l mut Loader) -> Self {
        Self(loader, PhantomData)
    }
}

impl<'de, R: Kind> DeserializeSeed<'de> for Stream<'_, R> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, R: Kind> Visitor<'de> for Stream<'_, R> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while let Some(Strict(record)) = seq.next_element::<Strict<R>>()? {
            self.0.accept::<R>(i, Ok(record));
            i += 1;
        }
        Ok(())
    }
}

/// One collection read as a stream of records sent in chunks to the second
/// thread of a pipelined load. `gated`: records are added here until the
/// second thread is ready for them (memberships, while it settles).
///
/// A chunk goes either parsed, to be converted there, or raw (each record's
/// text, found by a quick scan), to be parsed and converted there: raw
/// whenever the second thread would otherwise soon wait (see
/// [`Pipe::raw_wanted`]). Parsing is most of the reader's work, so the two
/// threads share it, while the records still come in file order.
struct Sent<'s, 'p, 't, R> {
    loader: &'s mut Loader,
    pipe: &'s mut Pipe<'p, 't>,
    gated: bool,
    kind: PhantomData<R>,
}

impl<'s, 'p, 't, R> Sent<'s, 'p, 't, R> {
    fn new(loader: &'s mut Loader, pipe: &'s mut Pipe<'p, 't>, gated: bool) -> Self {
        Self {
            loader,
            pipe,
            gated,
            kind: PhantomData,
        }
    }
}

#[cfg(test)]
thread_local! {
    /// A unit test's own switch point: memberships from this position on go
    /// to the second thread, ready or not.
    static TEST_CHUNK_FROM: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    /// A unit test's own choice of raw chunks: with `Some(k)`, chunk `n` of
    /// a collection goes raw when `n % k == 0` (never with `k == 0`).
    static TEST_RAW_EVERY: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

impl<'de, R: Piped> DeserializeSeed<'de> for Sent<'_, '_, 'de, R> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, R: Piped> Visitor<'de> for Sent<'_, '_, 'de, R> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut chunk = Vec::new();
        let mut first = 0;
        let mut i = 0;
        // Whether records still go to the loader here.
        let mut gated = self.gated;
        // How many chunks were begun.
        let mut chunks = 0;
        loop {
            // Whether record `i` goes to the second thread.
            let sent = !gated || self.pipe.ready_for(i);
            if sent && gated {
                // The records added here go first.
                gated = false;
                if let Some(work) = R::handed_over(self.loader) {
                    self.pipe.hand_over(work);
                }
            }
            if sent && chunk.is_empty() {
                chunks += 1;
                if self.pipe.raw_wanted(chunks - 1) {
                    let (raws, more) = raw_chunk(&mut seq)?;
                    let first = i;
                    i += raws.len();
                    if !raws.is_empty() {
                        self.pipe.send_raw::<R>(first, raws);
                    }
                    if more {
                        continue;
                    }
                    break;
                }
            }
            let Some(Strict(record)) = seq.next_element::<Strict<R>>()? else {
                break;
            };
            if !sent {
                self.loader.accept::<R>(i, Ok(record));
            } else {
                if chunk.is_empty() {
                    first = i;
                    chunk.reserve(R::CHUNK);
                }
                chunk.push(record);
                if chunk.len() >= R::CHUNK {
                    chunk = self.pipe.send(first, chunk);
                }
            }
            i += 1;
        }
        if !chunk.is_empty() {
            self.pipe.send(first, chunk);
        }
        Ok(())
    }
}

/// The text of the next records of `seq`, about [`RAW_CHUNK_BYTES`] of it,
/// and whether more may follow.
fn raw_chunk<'de, A: SeqAccess<'de>>(seq: &mut A) -> Result<(Vec<&'de RawValue>, bool), A::Error> {
    let mut raws = Vec::new();
    let mut bytes = 0;
    while bytes < RAW_CHUNK_BYTES {
        let Some(raw) = seq.next_element::<&'de RawValue>()? else {
            return Ok((raws, false));
        };
        bytes += raw.get().len();
        raws.push(raw);
    }
    Ok((raws, true))
}

/// Memberships converted from their records, as [`Loader::accept`] would.
#[derive(Default)]
struct Converted {
    memberships: Vec<crate::entity::Membership>,
    /// The file position of each membership.
    origins: Vec<u32>,
    issues: Vec<Issue>,
}

impl Converted {
    /// Puts `memberships`, added by the reader, before those converted.
    fn hand_over(&mut self, mut memberships: Vec<crate::entity::Membership>) {
        memberships.append(&mut self.memberships);
        self.memberships = memberships;
    }

    /// Converts `chunk`, whose first record is at `first`, leaving it empty.
    /// Chunks come in file order, after every membership the reader added.
    fn convert(&mut self, first: usize, chunk: &mut Vec<MembershipRecord>) {
        for (i, record) in (first..).zip(chunk.drain(..)) {
            match record.into_entity() {
                Ok(m) => {
                    self.memberships.push(m);
                    self.origins.push(u32::try_from(i).unwrap_or(u32::MAX));
                }
                Err(issues) => {
                    let at = FieldPath::key(MembershipRecord::NAME).join(i);
                    self.issues
                        .extend(issues.into_iter().map(|x| x.prefixed(&at)));
                }
            }
        }
    }
}

/// Line starts of a text, to turn offsets into lines and columns.
struct Lines {
    /// The offset of each line's first byte.
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { starts }
    }

    /// The line and column (from 1) of the fault `e` found in a piece of
    /// the text that starts at `at`.
    fn of(&self, at: usize, e: &serde_json::Error) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= at);
        let column = at
            - self
                .starts
                .get(line.saturating_sub(1))
                .copied()
                .unwrap_or(0)
            + 1;
        if e.line() <= 1 {
            (line, column + e.column().max(1) - 1)
        } else {
            (line + e.line() - 1, e.column().max(1))
        }
    }
}

/// The identifier of a record that does not parse, when one can be read:
/// the first `"id"` (`"country"` for member states) key's string value.
fn id_in(text: &str, country: bool) -> Option<String> {
    let key = if country { "\"country\"" } else { "\"id\"" };
    let after = text.get(text.find(key)? + key.len()..)?.trim_start();
    let value = after.strip_prefix(':')?.trim_start();
    let end = value.get(1..)?.find('"')? + 2;
    serde_json::from_str(value.get(..end)?).ok()
}

/// Reads a document whose text does not parse as a whole, around the syntax
/// faults inside its values: each value is parsed on its own (see
/// [`super::resync`]), so a fault inside one record hides no other
/// record's. `None` when the outline of the document cannot be followed,
/// or no value holds a syntax fault.
fn read_around_syntax(text: &str, limit: usize) -> Option<Result<Dataset, LoadErrors>> {
    let entries = super::resync::outline(text)?;
    let lines = Lines::new(text);
    let mut faults = false;
    let mut loader = Loader::new(limit);
    let mut version = None;
    let mut seen = [false; 7];
    let mut lists: [&[super::resync::Piece<'_>]; 6] = [&[]; 6];
    for entry in &entries {
        let key: String = match serde_json::from_str::<String>(entry.key.text) {
            Ok(key) => {
                loader.key_order.push(key.clone());
                key
            }
            Err(e) => {
                faults = true;
                let at = FieldPath::root();
                loader
                    .syntax_at
                    .push((at.clone(), lines.of(entry.key.at, &e)));
                loader.issues.push(classify(&e, at));
                continue;
            }
        };
        let mut found = Vec::new();
        let key = top_key(key, &mut seen, &mut found);
        loader.issues.extend(found);
        let Some((slot, at)) = key else {
            continue;
        };
        match (
            &entry.elements,
            serde_json::from_str::<&RawValue>(entry.value.text),
        ) {
            (_, Ok(raw)) if slot == TOP_VERSION => version = Some(raw),
            (Some(elements), _) if slot != TOP_VERSION => {
                if let Some(list) = lists.get_mut(slot) {
                    *list = elements;
                }
                faults |= elements
                    .iter()
                    .any(|p| serde_json::from_str::<&RawValue>(p.text).is_err());
            }
            (_, Ok(raw)) => loader.issues.push(Issue::new(
                Rule::WrongType,
                at,
                format!(
                    "invalid type: {}, expected a list of records",
                    json_kind(raw.get())
                ),
            )),
            (_, Err(e)) => {
                faults = true;
                loader
                    .syntax_at
                    .push((at.clone(), lines.of(entry.value.at, &e)));
                loader.issues.push(classify(&e, at));
            }
        }
    }
    if !faults {
        return None;
    }
    loader.issues.extend(version_issue(version));
    let [
        member_states,
        processes,
        partners,
        projects,
        events,
        memberships,
    ] = lists;
    loader.accept_pieces::<MemberStateRecord>(member_states, &lines);
    loader.accept_pieces::<ProcessRecord>(processes, &lines);
    loader.accept_pieces::<PartnerRecord>(partners, &lines);
    loader.accept_pieces::<ProjectRecord>(projects, &lines);
    loader.accept_pieces::<EventRecord>(events, &lines);
    loader.accept_pieces::<MembershipRecord>(memberships, &lines);
    Some(loader.finish())
}

/// The problem with a document's `schema_version` (written exactly as
/// `"1"`), if it has one.
fn version_issue(version: Option<&RawValue>) -> Option<Issue> {
    match version.map(RawValue::get) {
        Some(v) if v == format!("\"{SCHEMA_VERSION}\"") => None,
        Some(v) => {
            let escaped =
                serde_json::from_str::<String>(v).is_ok_and(|read| read == SCHEMA_VERSION);
            let message = if escaped {
                format!(
                    "schema version {} is written with escapes; expected exactly \"{SCHEMA_VERSION}\"",
                    crate::text::Excerpt::new(v)
                )
            } else {
                format!(
                    "unsupported schema version {}: this version of migov reads \"{SCHEMA_VERSION}\"",
                    crate::text::Excerpt::new(v)
                )
            };
            Some(Issue::new(
                Rule::SchemaVersion,
                FieldPath::key("schema_version"),
                message,
            ))
        }
        None => Some(Issue::new(
            Rule::MissingField,
            FieldPath::key("schema_version"),
            format!("missing field `schema_version`; expected \"{SCHEMA_VERSION}\""),
        )),
    }
}

/// Loads a valid document in one pass; `None` when anything in it does not
/// read (the slow path then finds every problem).
fn one_pass(text: &str, limit: usize) -> Option<Result<Dataset, LoadErrors>> {
    let mut loader = Loader::new(limit);
    let mut de = serde_json::Deserializer::from_str(text);
    let pass = OnePass {
        loader: &mut loader,
        pipelined: pipelined(text.len()),
    };
    let version = de.deserialize_map(pass).ok()?;
    de.end().ok()?;
    (version.as_deref() == Some(SCHEMA_VERSION)).then(|| loader.finish())
}

impl Dataset {
    /// Loads and validates a dataset from JSON text.
    ///
    /// # Errors
    ///
    /// [`LoadErrors`] with every problem found (see [`crate::json`]): a
    /// syntax error with its line and column, or every wrong type, unknown or
    /// missing field, invalid value, dangling reference and broken rule, each
    /// at its JSON Pointer. No dataset is returned then.
    ///
    /// # Threads
    ///
    /// A text of 1 MiB or more is read with a scoped second thread beside
    /// the reader. Projects and events go to it as they are read, to be
    /// converted and checked there; whenever it is short of work, a chunk of
    /// projects, events or memberships goes to it unparsed, to be parsed
    /// there too. In a file whose memberships come last
    /// (as in every file migov saves), that thread then sorts, indexes and
    /// checks every other record while the memberships are read, and
    /// converts the memberships read from then on; otherwise the dataset is
    /// built on two threads as [`DatasetBuilder::build`] says. The result
    /// does not depend on it, and where no thread can be started all the
    /// work is done on the calling thread.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = migov::Dataset::from_json_str(r#"{"schema_version": "1", "projects": [{"id": "E40 800", "title": "x"}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.problems()[0].pointer(), "/projects/0/id");
    /// ```
    pub fn from_json_str(text: &str) -> Result<Dataset, LoadErrors> {
        LoadOptions::new().load_str(text)
    }

    /// [`Dataset::from_json_str`], keeping at most `limit` problems.
    fn load_text(text: &str, limit: usize) -> Result<Dataset, LoadErrors> {
        if text.starts_with('\u{feff}') {
            return Err(LoadErrors::one(
                Issue::new(
                    Rule::Syntax,
                    FieldPath::root(),
                    "the text starts with a byte-order mark; expected JSON text without one (RFC 8259)",
                ),
                Some((1, 1)),
            ));
        }
        // A valid document is read in one pass, straight into the builder.
        if let Some(loaded) = one_pass(text, limit) {
            return loaded;
        }
        // Otherwise read each record on its own, to find every problem.
        let mut de = serde_json::Deserializer::from_str(text);
        let top: Top<'_> = match serde_path_to_error::deserialize(&mut de) {
            Ok(top) => top,
            Err(e) => {
                let inner = e.inner();
                if !inner.is_syntax()
                    && !inner.is_eof()
                    && let Some(issue) = not_an_object(text, &FieldPath::root())
                {
                    return Err(LoadErrors::one(issue, None));
                }
                // serde_json gives column 0 at the start of a line (an end of
                // file after a newline): that is column 1.
                // A syntax fault inside a record: the records around it are
                // read on their own.
                if inner.is_syntax()
                    && let Some(loaded) = read_around_syntax(text, limit)
                {
                    return loaded;
                }
                let at = (inner.line() > 0).then(|| (inner.line(), inner.column().max(1)));
                return Err(LoadErrors::one(classify(inner, path_of(e.path())), at));
            }
        };
        if let Err(e) = de.end() {
            return Err(LoadErrors::one(
                classify(&e, FieldPath::root()),
                Some((e.line(), e.column().max(1))),
            ));
        }
        if let Some(issue) = not_an_object(text, &FieldPath::root()) {
            return Err(LoadErrors::one(issue, None));
        }
        let Top {
            schema_version,
            collections,
            issues: mut document,
            keys,
        } = top;
        // A wrong or missing version is reported with every other fault; the
        // records are still read as this version reads them.
        document.extend(version_issue(schema_version));
        let [
            member_states,
            processes,
            partners,
            projects,
            events,
            memberships,
        ] = collections;
        let mut loader = Loader::new(limit);
        loader.key_order = keys;
        loader.issues.extend(document);
        loader.accept_raw::<MemberStateRecord>(&member_states);
        loader.accept_raw::<ProcessRecord>(&processes);
        loader.accept_raw::<PartnerRecord>(&partners);
        loader.accept_raw::<ProjectRecord>(&projects);
        loader.accept_raw::<EventRecord>(&events);
        loader.accept_raw::<MembershipRecord>(&memberships);
        loader.finish()
    }

    /// Loads and validates a dataset from JSON bytes (UTF-8).
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_json_str`]; bytes that are not UTF-8 are a syntax
    /// error at their line and column.
    pub fn from_json_slice(bytes: &[u8]) -> Result<Dataset, LoadErrors> {
        LoadOptions::new().load_slice(bytes)
    }

    /// [`Dataset::from_json_slice`], keeping at most `limit` problems.
    fn load_bytes(bytes: &[u8], limit: usize) -> Result<Dataset, LoadErrors> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::load_text(text, limit),
            Err(e) => {
                let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
                let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
                Err(LoadErrors::one(
                    Issue::new(
                        Rule::Syntax,
                        FieldPath::root(),
                        format!(
                            "invalid UTF-8 at byte {}; expected UTF-8 text",
                            e.valid_up_to()
                        ),
                    ),
                    Some((line, column)),
                ))
            }
        }
    }

    /// Loads and validates a dataset from a reader (read whole, then parsed once).
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_json_slice`], plus a read error reported as a
    /// syntax problem of the whole document.
    pub fn from_json_reader<R: io::Read>(reader: R) -> Result<Dataset, LoadErrors> {
        LoadOptions::new().load_reader(reader)
    }

    /// [`Dataset::from_json_reader`], keeping at most `limit` problems.
    fn load_read<R: io::Read>(mut reader: R, limit: usize) -> Result<Dataset, LoadErrors> {
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return Err(LoadErrors::one(
                Issue::new(
                    Rule::Syntax,
                    FieldPath::root(),
                    format!("could not read the input: {e}"),
                ),
                None,
            ));
        }
        Self::load_bytes(&bytes, limit)
    }
}

/// How to load a dataset: the options of [`Dataset::from_json_str`] and its
/// siblings, which use the defaults.
///
/// A report keeps at most [`LoadOptions::max_problems`] problems (1,000 by
/// default), errors before warnings, and counts the rest
/// ([`LoadErrors::omitted`]); each record's share is at most 64, the rest of
/// a record's counted in one more problem at the record
/// (`report.more_problems`). So a hostile file cannot make a report larger
/// than a fixed size, whatever it holds.
///
/// # Examples
///
/// ```
/// use migov::LoadOptions;
///
/// // Ten projects without a title: ten errors, of which three are listed.
/// let projects: Vec<String> = (0..10).map(|i| format!(r#"{{"id": "P{i}"}}"#)).collect();
/// let text = format!(r#"{{"schema_version": "1", "projects": [{}]}}"#, projects.join(","));
/// let report = LoadOptions::new().max_problems(3).load_str(&text).unwrap_err();
/// assert_eq!(report.errors().count(), 3);
/// assert_eq!(report.omitted(), 7);
/// assert!(report.to_string().contains("7 more problem(s) of the document are not listed"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoadOptions {
    max_problems: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl LoadOptions {
    /// The most problems a report keeps unless told otherwise.
    pub const DEFAULT_MAX_PROBLEMS: usize = 1_000;

    /// The defaults: at most [`LoadOptions::DEFAULT_MAX_PROBLEMS`] problems.
    pub const fn new() -> Self {
        Self {
            max_problems: Self::DEFAULT_MAX_PROBLEMS,
        }
    }

    /// Keeps at most `limit` problems in a report (at least 1), counting the
    /// rest. Errors are kept before warnings: a report that refuses a dataset
    /// always lists an error.
    #[must_use]
    pub const fn max_problems(mut self, limit: usize) -> Self {
        self.max_problems = if limit == 0 { 1 } else { limit };
        self
    }

    /// The most problems a report keeps.
    pub const fn problem_limit(&self) -> usize {
        self.max_problems
    }

    /// As [`Dataset::from_json_str`], with these options.
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_json_str`].
    pub fn load_str(&self, text: &str) -> Result<Dataset, LoadErrors> {
        Dataset::load_text(text, self.max_problems)
    }

    /// As [`Dataset::from_json_slice`], with these options.
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_json_slice`].
    pub fn load_slice(&self, bytes: &[u8]) -> Result<Dataset, LoadErrors> {
        Dataset::load_bytes(bytes, self.max_problems)
    }

    /// As [`Dataset::from_json_reader`], with these options.
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_json_reader`].
    pub fn load_reader<R: io::Read>(&self, reader: R) -> Result<Dataset, LoadErrors> {
        Dataset::load_read(reader, self.max_problems)
    }
}

#[cfg(test)]
mod tests {
    use crate::dataset::Dataset;
    use crate::dataset::builder::{TEST_THREAD_MIN, THREAD_MIN};
    use proptest::prelude::*;

    /// Loads `text` with `min` as the thread threshold (`0`: the records
    /// other than memberships are settled while memberships are read).
    fn load_with(min: usize, text: &str) -> Result<Dataset, super::LoadErrors> {
        TEST_THREAD_MIN.with(|c| c.set(min));
        let loaded = Dataset::from_json_str(text);
        TEST_THREAD_MIN.with(|c| c.set(THREAD_MIN));
        loaded
    }

    /// As [`load_with`] on two threads, with chunk `n` of each collection
    /// sent raw when `n % every == 0` (never with `0`; `None`: as it comes),
    /// and memberships sent from position `from` on (`None`: once the
    /// second thread is ready).
    fn load_raw_every(
        every: Option<usize>,
        from: Option<usize>,
        text: &str,
    ) -> Result<Dataset, super::LoadErrors> {
        super::TEST_RAW_EVERY.with(|c| c.set(every));
        super::TEST_CHUNK_FROM.with(|c| c.set(from));
        let loaded = load_with(0, text);
        super::TEST_CHUNK_FROM.with(|c| c.set(None));
        super::TEST_RAW_EVERY.with(|c| c.set(None));
        loaded
    }

    fn assert_same(text: &str) {
        assert_same_with(text, None, None);
    }

    /// `text` loads the same on one thread and on two, with chunks sent as
    /// [`load_raw_every`] says.
    fn assert_same_with(text: &str, raw_every: Option<usize>, from: Option<usize>) {
        let one = load_with(usize::MAX, text);
        let two = load_raw_every(raw_every, from, text);
        match (&one, &two) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b);
                assert_eq!(a.warnings(), b.warnings());
            }
            (Err(a), Err(b)) => assert_eq!(a, b),
            _ => panic!("one thread and two disagree: {one:?} / {two:?}"),
        }
    }

    const REFERENCE: &str = include_str!("../../data/reference.json");

    #[test]
    fn files_load_the_same_on_one_thread_and_two() {
        for text in [
            REFERENCE,
            include_str!("../../tests/data/valid.json"),
            include_str!("../../tests/data/record_faults.json"),
            include_str!("../../tests/data/many_faults.json"),
        ] {
            assert_same(text);
        }
    }

    /// The reference file with its collections in the order migov saves
    /// them, each passed through `edit` (a JSON value would sort the keys).
    fn reference_with(edit: impl FnMut(&str, &mut Vec<serde_json::Value>)) -> String {
        reference_in(0, edit)
    }

    /// As [`reference_with`], the collections' order rotated by `rotate`
    /// (`1`: memberships first), the schema version last.
    fn reference_in(
        rotate: usize,
        mut edit: impl FnMut(&str, &mut Vec<serde_json::Value>),
    ) -> String {
        let mut doc: serde_json::Value = serde_json::from_str(REFERENCE).unwrap();
        let mut names = super::COLLECTIONS;
        names.rotate_right(rotate % super::COLLECTIONS.len());
        let mut text = String::from("{");
        for name in names {
            let mut list = doc[name].take().as_array().cloned().unwrap_or_default();
            edit(name, &mut list);
            text.push_str(&format!("{name:?}: {}, ", serde_json::Value::from(list)));
        }
        text.push_str(r#""schema_version": "1"}"#);
        text
    }

    #[test]
    fn external_identifiers_are_checked_where_they_are_read() {
        let ids = serde_json::json!([
            {"scheme": "idf", "value": "E40 800"},
            {"scheme": " ", "value": "x"},
            {"scheme": "iati", "value": "XM-DAC-47066-E40-800"},
            {"scheme": "idf", "value": "E40-800"},
        ]);
        let text = reference_with(|name, list| {
            if name == "projects" {
                list[1]["external_ids"] = ids.clone();
            }
        });
        assert_same(&text);
        let errors = load_with(usize::MAX, &text).unwrap_err();
        // The errors (the reference projects' own warnings aside).
        let found: Vec<(String, crate::problem::Rule)> =
            errors.errors().map(|p| (p.pointer(), p.rule())).collect();
        assert_eq!(
            found,
            [
                (
                    "/projects/1/external_ids/0/value".to_owned(),
                    crate::problem::Rule::InvalidValue
                ),
                (
                    "/projects/1/external_ids/1".to_owned(),
                    crate::problem::Rule::BlankText
                ),
            ]
        );
        // The valid ones are kept, in order, and written back as read.
        let text = reference_with(|name, list| {
            if name == "projects" {
                list[1]["external_ids"] = serde_json::json!([ids[3], ids[2]]);
            }
        });
        let d = load_with(usize::MAX, &text).unwrap();
        let project = &d.projects()[1];
        let read: Vec<(&str, &str)> = project
            .external_ids()
            .iter()
            .map(|e| (e.scheme(), e.value()))
            .collect();
        assert_eq!(read, [("idf", "E40-800"), ("iati", "XM-DAC-47066-E40-800")]);
        let saved: serde_json::Value = serde_json::from_str(&d.to_json_string()).unwrap();
        assert_eq!(
            saved["projects"][1]["external_ids"],
            serde_json::json!([ids[3], ids[2]])
        );
    }

    #[test]
    fn records_added_on_the_second_thread_keep_their_places() {
        // Thirty more projects (over several chunks), two with their period
        // reversed and one repeating an identifier; an event repeating one.
        // Project 0 is named by events: being broken, it is not reported as
        // missing there.
        let text = reference_with(|name, list| match name {
            "projects" => {
                for n in 0..30 {
                    let mut project = list[0].clone();
                    project["id"] = format!("GEN-{n:03}").into();
                    list.push(project);
                }
                for at in [0, 7] {
                    list[at]["start"] = "2020".into();
                    list[at]["end"] = "2010".into();
                }
                list[20]["id"] = list[12]["id"].clone();
            }
            "events" => list[3]["id"] = list[0]["id"].clone(),
            _ => {}
        });
        assert_same(&text);
        let errors = load_with(0, &text).unwrap_err();
        let pointers: Vec<String> = errors.problems().iter().map(|p| p.pointer()).collect();
        for place in [
            "/projects/0/end",
            "/projects/7/end",
            "/projects/20/id",
            "/events/3/id",
        ] {
            assert!(pointers.iter().any(|p| p == place), "{place}: {pointers:?}");
        }
        assert!(
            errors
                .problems()
                .iter()
                .all(|p| p.rule() != crate::problem::Rule::DanglingReference),
            "{pointers:?}"
        );
        // Without the faults: the same dataset as on one thread.
        let mut base = 0;
        let text = reference_with(|name, list| {
            if name == "projects" {
                base = list.len();
                for n in 0..30 {
                    let mut project = list[0].clone();
                    project["id"] = format!("GEN-{n:03}").into();
                    list.push(project);
                }
            }
        });
        let two = load_with(0, &text).unwrap();
        assert_eq!(two, load_with(usize::MAX, &text).unwrap());
        assert_eq!(two.projects().len(), base + 30);
    }

    /// Reads `text` in one pass with a second thread, whatever its size:
    /// the loader, and what the pass gave.
    fn one_pass_on_two_threads(
        text: &str,
    ) -> (super::Loader, Result<Option<String>, serde_json::Error>) {
        TEST_THREAD_MIN.with(|c| c.set(0));
        let mut loader = super::Loader::default();
        let mut de = serde_json::Deserializer::from_str(text);
        let read = serde::Deserializer::deserialize_map(
            &mut de,
            super::OnePass {
                loader: &mut loader,
                pipelined: true,
            },
        );
        TEST_THREAD_MIN.with(|c| c.set(THREAD_MIN));
        (loader, read)
    }

    #[test]
    fn memberships_are_prepared_on_the_second_thread_once_it_is_ready() {
        // From which membership on the other thread converts them: then
        // those the reader added are handed over, and every membership is
        // prepared there; if none is sent, none is prepared.
        // Memberships in their order and reversed (every run of a body to
        // be sorted, the runs to be put in order).
        let reversed = reference_with(|name, list| {
            if name == "memberships" {
                list.reverse();
            }
        });
        let cases = [
            (Some(0), true),
            (Some(150), true),
            (Some(usize::MAX), false),
        ];
        for ((from, all_prepared), text) in cases
            .into_iter()
            .flat_map(|case| [(case, REFERENCE), (case, reversed.as_str())])
        {
            super::TEST_CHUNK_FROM.with(|c| c.set(from));
            let (loader, read) = one_pass_on_two_threads(text);
            super::TEST_CHUNK_FROM.with(|c| c.set(None));
            assert_eq!(read.expect("reads").as_deref(), Some("1"));
            let memberships = loader.builder.counts()[5];
            assert!(memberships > 150);
            let prepared = loader.prepared.as_ref().map_or(0, |p| p.len());
            assert_eq!(prepared == memberships, all_prepared, "from {from:?}");
            // The prepared memberships build what the others build.
            let two = loader.finish().expect("valid");
            let one = load_with(usize::MAX, text).expect("valid");
            assert!(two.memberships().is_sorted_by_key(|m| m.key()));
            assert_eq!(two, one);
        }
    }

    #[test]
    fn records_sent_raw_load_as_records_read_by_the_reader() {
        let reversed = reference_with(|name, list| {
            if name == "memberships" || name == "projects" {
                list.reverse();
            }
        });
        // Records that do not read, in each collection sent in chunks: an
        // agenda day's date of the wrong type, a project given as an array,
        // the last membership with a wrong field.
        let unread_event = reference_with(|name, list| {
            if name == "events" {
                list[1]["agenda"] = serde_json::json!([{"date": 5}]);
            }
        });
        let unread_project = reference_with(|name, list| {
            if name == "projects" {
                let first = list[0].clone();
                list.push(serde_json::json!([first["id"], first["title"]]));
            }
        });
        let unread_membership = reference_with(|name, list| {
            if name == "memberships"
                && let Some(last) = list.last_mut()
            {
                last["since"] = serde_json::json!("2001");
            }
        });
        for text in [
            REFERENCE,
            reversed.as_str(),
            unread_event.as_str(),
            unread_project.as_str(),
            unread_membership.as_str(),
            include_str!("../../tests/data/valid.json"),
            include_str!("../../tests/data/record_faults.json"),
            include_str!("../../tests/data/many_faults.json"),
        ] {
            for every in [0, 1, 2, 3] {
                for from in [None, Some(0), Some(100)] {
                    assert_same_with(text, Some(every), from);
                }
            }
        }
        // Each broken file is refused, at the broken record.
        for (text, at) in [
            (&unread_event, "/events/1/agenda/0/date"),
            (&unread_project, "/projects/"),
            (&unread_membership, "/memberships/"),
        ] {
            let errors =
                load_raw_every(Some(1), Some(0), text).expect_err("a record does not read");
            assert!(
                errors
                    .problems()
                    .iter()
                    .any(|p| p.pointer().starts_with(at)),
                "{at}: {errors}"
            );
        }
    }

    #[test]
    fn a_record_sent_raw_that_does_not_read_sends_the_load_to_the_slow_path() {
        // A project given as an array: the one pass fails either way, but
        // only a record parsed on the second thread fails with this message.
        let text = reference_with(|name, list| {
            if name == "projects" {
                list.insert(0, serde_json::json!(["E40-800", "A title"]));
            }
        });
        let read = |every: usize| {
            super::TEST_RAW_EVERY.with(|c| c.set(Some(every)));
            let (_, read) = one_pass_on_two_threads(&text);
            super::TEST_RAW_EVERY.with(|c| c.set(None));
            read.expect_err("a project does not read").to_string()
        };
        assert!(read(1).contains("sent raw did not read"), "{}", read(1));
        assert!(!read(0).contains("sent raw"), "{}", read(0));
    }

    #[test]
    fn raw_chunks_hold_about_their_size_of_text() {
        let long = format!(r#"{{"b": "{}"}}"#, "x".repeat(super::RAW_CHUNK_BYTES));
        let text = format!(r#"[{{"a": 1}}, {long}, {{"c": [1, 2]}}, {{"d": null}}]"#);
        struct Chunks;
        impl<'de> serde::de::Visitor<'de> for Chunks {
            type Value = Vec<Vec<&'de str>>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut chunks = Vec::new();
                loop {
                    let (raws, more) = super::raw_chunk(&mut seq)?;
                    chunks.push(raws.iter().map(|r| r.get()).collect());
                    if !more {
                        return Ok(chunks);
                    }
                }
            }
        }
        let mut de = serde_json::Deserializer::from_str(&text);
        let chunks = serde::Deserializer::deserialize_seq(&mut de, Chunks).expect("an array");
        // A chunk ends once it holds its size of text: the long record
        // ends the first one.
        assert_eq!(
            chunks,
            [
                vec![r#"{"a": 1}"#, long.as_str()],
                vec![r#"{"c": [1, 2]}"#, r#"{"d": null}"#]
            ]
        );
    }

    #[test]
    fn memberships_converted_on_either_thread_keep_their_places() {
        // Two memberships end before they start: they read, but are not
        // valid memberships.
        let text = reference_with(|name, list| {
            if name == "memberships" {
                for at in [3, 300] {
                    list[at]["start"] = "2020".into();
                    list[at]["end"] = "2010".into();
                }
            }
        });
        // (Other findings follow from their loss: a chair no longer a member.)
        let expected = ["/memberships/3/end", "/memberships/300/end"];
        // From which membership on the other thread converts them: all,
        // from the middle, between the two, none.
        for from in [Some(0), Some(150), Some(301), Some(usize::MAX), None] {
            super::TEST_CHUNK_FROM.with(|c| c.set(from));
            assert_same(&text);
            let errors = load_with(0, &text).unwrap_err();
            super::TEST_CHUNK_FROM.with(|c| c.set(None));
            let pointers: Vec<String> = errors.problems().iter().map(|p| p.pointer()).collect();
            for place in expected {
                assert!(
                    pointers.iter().any(|p| p == place),
                    "from {from:?}: {pointers:?}"
                );
            }
        }
        // Valid memberships split between the threads: the same dataset.
        for from in [0, 1, 150, 442, 443] {
            super::TEST_CHUNK_FROM.with(|c| c.set(Some(from)));
            assert_same(REFERENCE);
            let two = load_with(0, &reference_with(|_, _| {})).unwrap();
            super::TEST_CHUNK_FROM.with(|c| c.set(None));
            assert_eq!(
                two,
                load_with(usize::MAX, REFERENCE).unwrap(),
                "from {from}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Any part of the reference file, its records in file order or
        /// reversed, its collections in any rotation of their order, loads
        /// the same on one thread and on two: the same
        /// dataset, or the same problems at the same places.
        #[test]
        fn any_part_of_a_file_loads_the_same_on_one_thread_and_two(
            keep in proptest::collection::vec(0u8..8, 6),
            reverse in any::<bool>(),
            rotate in 0usize..6,
            raw_every in proptest::option::of(0usize..4),
            from in proptest::option::of(0usize..200),
        ) {
            let text = reference_in(rotate, |name, list| {
                let c = super::COLLECTIONS.iter().position(|n| *n == name).unwrap_or(0);
                let mut i = 0;
                list.retain(|_| {
                    i += 1;
                    ((i - 1) % 8) < usize::from(keep[c])
                });
                if reverse {
                    list.reverse();
                }
            });
            assert_same_with(&text, raw_every, from);
        }
    }
}
