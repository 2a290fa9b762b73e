//! Loading a dataset: parse once, read each record on its own, collect every problem.

use std::collections::HashSet;
use std::fmt;
use std::io;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::SCHEMA_VERSION;
use super::strict::Strict;
use super::wire::{
    EventRecord, MemberStateRecord, MembershipRecord, PartnerRecord, ProcessRecord, ProjectRecord,
};
use crate::entity::issue::Segment;
use crate::{Dataset, DatasetBuilder, FieldPath, Issue, Rule, Severity};

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
        let pointer = self.pointer();
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadErrors {
    problems: Vec<LoadError>,
}

impl LoadErrors {
    fn new(mut problems: Vec<LoadError>) -> Self {
        problems.sort_by_key(|p| std::cmp::Reverse(p.severity()));
        Self { problems }
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

impl std::error::Error for LoadErrors {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.problems
            .first()
            .map(|p| p as &(dyn std::error::Error + 'static))
    }
}

/// The top level, with each record kept as raw text to be read on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Top<'a> {
    #[serde(borrow)]
    schema_version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    member_states: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    processes: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    partners: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    projects: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    memberships: Vec<&'a RawValue>,
}

/// The whole document, read in one pass when it is valid.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    schema_version: Option<String>,
    #[serde(default, deserialize_with = "super::strict::vec")]
    member_states: Vec<MemberStateRecord>,
    #[serde(default, deserialize_with = "super::strict::vec")]
    processes: Vec<ProcessRecord>,
    #[serde(default, deserialize_with = "super::strict::vec")]
    partners: Vec<PartnerRecord>,
    #[serde(default, deserialize_with = "super::strict::vec")]
    projects: Vec<ProjectRecord>,
    #[serde(default, deserialize_with = "super::strict::vec")]
    events: Vec<EventRecord>,
    #[serde(default, deserialize_with = "super::strict::vec")]
    memberships: Vec<MembershipRecord>,
}

/// The records of one collection, each read on its own (slow path).
fn raw_records<'a, R: DeserializeOwned>(
    raws: &'a [&'a RawValue],
    name: &'static str,
) -> impl Iterator<Item = Read<R>> + 'a {
    raws.iter()
        .enumerate()
        .map(move |(i, raw)| read_raw(raw, name, i))
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
            if let Some(name) = message.split('`').nth(1) {
                path = join_key_once(path, name);
            }
            Rule::UnknownField
        } else {
            Rule::InvalidValue
        }
    } else if message.starts_with("missing field") {
        Rule::MissingField
    } else if message.starts_with("duplicate field") {
        if let Some(name) = message.split('`').nth(1) {
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

/// Collects records of one collection into the builder.
struct Collector {
    issues: Vec<Issue>,
    /// Identifiers of records that failed, per collection.
    broken_ids: HashSet<(&'static str, String)>,
}

impl Collector {
    fn collection<R, E>(
        &mut self,
        name: &'static str,
        records: impl Iterator<Item = Read<R>>,
        id_of: impl Fn(&R) -> Option<String>,
        convert: impl Fn(R) -> Result<E, Vec<Issue>>,
        mut add: impl FnMut(E) -> Result<usize, crate::DuplicateIdError>,
    ) -> Vec<u32> {
        let mut origin = Vec::with_capacity(records.size_hint().0);
        for (i, read) in records.enumerate() {
            let at = || FieldPath::key(name).join(i);
            let record = match read {
                Ok(r) => r,
                Err((issues, id)) => {
                    self.issues.extend(issues);
                    if let Some(id) = id {
                        self.broken_ids.insert((name, id));
                    }
                    continue;
                }
            };
            let id = id_of(&record);
            match convert(record) {
                Ok(entity) => match add(entity) {
                    Ok(_) => origin.push(u32::try_from(i).unwrap_or(u32::MAX)),
                    Err(dup) => self.issues.push(Issue::new(
                        Rule::DuplicateId,
                        at().join(if name == "member_states" {
                            "country"
                        } else {
                            "id"
                        }),
                        format!("{dup}"),
                    )),
                },
                Err(issues) => {
                    let errors = issues.iter().any(Issue::is_error);
                    let at = at();
                    self.issues
                        .extend(issues.into_iter().map(|x| x.prefixed(&at)));
                    if errors && let Some(id) = id {
                        self.broken_ids.insert((name, id));
                    }
                }
            }
        }
        origin
    }
}

fn builder_err(e: crate::BuildError) -> Vec<Issue> {
    e.into_issues()
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
    /// # Examples
    ///
    /// ```
    /// let err = migov::Dataset::from_json_str(r#"{"schema_version": "1", "projects": [{"id": "E40 800", "title": "x"}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.problems()[0].pointer(), "/projects/0/id");
    /// ```
    pub fn from_json_str(text: &str) -> Result<Dataset, LoadErrors> {
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
        // A valid document is read in one pass, straight into records.
        if let Ok(Strict(doc)) = serde_json::from_str::<Strict<Document>>(text)
            && doc.schema_version.as_deref() == Some(SCHEMA_VERSION)
        {
            return load_records(Records {
                member_states: doc.member_states.into_iter().map(Ok),
                processes: doc.processes.into_iter().map(Ok),
                partners: doc.partners.into_iter().map(Ok),
                projects: doc.projects.into_iter().map(Ok),
                events: doc.events.into_iter().map(Ok),
                memberships: doc.memberships.into_iter().map(Ok),
            });
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
                let at = (inner.line() > 0).then(|| (inner.line(), inner.column()));
                return Err(LoadErrors::one(classify(inner, path_of(e.path())), at));
            }
        };
        if let Err(e) = de.end() {
            return Err(LoadErrors::one(
                classify(&e, FieldPath::root()),
                Some((e.line(), e.column())),
            ));
        }
        if let Some(issue) = not_an_object(text, &FieldPath::root()) {
            return Err(LoadErrors::one(issue, None));
        }
        match top.schema_version.map(RawValue::get) {
            Some(v) if v == format!("\"{SCHEMA_VERSION}\"") => {}
            Some(v) => {
                return Err(LoadErrors::one(
                    Issue::new(
                        Rule::SchemaVersion,
                        FieldPath::key("schema_version"),
                        format!(
                            "unsupported schema version {}: this version of migov reads \"{SCHEMA_VERSION}\"",
                            crate::value::Excerpt::new(v)
                        ),
                    ),
                    None,
                ));
            }
            None => {
                return Err(LoadErrors::one(
                    Issue::new(
                        Rule::MissingField,
                        FieldPath::key("schema_version"),
                        format!("missing field `schema_version`; expected \"{SCHEMA_VERSION}\""),
                    ),
                    None,
                ));
            }
        }
        load_records(Records {
            member_states: raw_records(&top.member_states, "member_states"),
            processes: raw_records(&top.processes, "processes"),
            partners: raw_records(&top.partners, "partners"),
            projects: raw_records(&top.projects, "projects"),
            events: raw_records(&top.events, "events"),
            memberships: raw_records(&top.memberships, "memberships"),
        })
    }

    /// Loads and validates a dataset from JSON bytes (UTF-8).
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_json_str`]; bytes that are not UTF-8 are a syntax
    /// error at their line and column.
    pub fn from_json_slice(bytes: &[u8]) -> Result<Dataset, LoadErrors> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::from_json_str(text),
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
    pub fn from_json_reader<R: io::Read>(mut reader: R) -> Result<Dataset, LoadErrors> {
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
        Self::from_json_slice(&bytes)
    }
}

/// Every collection of a document, as read.
struct Records<A, B, C, D, E, F> {
    member_states: A,
    processes: B,
    partners: C,
    projects: D,
    events: E,
    memberships: F,
}

/// Converts, checks and indexes every record.
fn load_records<A, B, C, D, E, F>(records: Records<A, B, C, D, E, F>) -> Result<Dataset, LoadErrors>
where
    A: Iterator<Item = Read<MemberStateRecord>>,
    B: Iterator<Item = Read<ProcessRecord>>,
    C: Iterator<Item = Read<PartnerRecord>>,
    D: Iterator<Item = Read<ProjectRecord>>,
    E: Iterator<Item = Read<EventRecord>>,
    F: Iterator<Item = Read<MembershipRecord>>,
{
    let mut builder = DatasetBuilder::new();
    let mut c = Collector {
        issues: Vec::new(),
        broken_ids: HashSet::new(),
    };
    let origins = [
        c.collection(
            "member_states",
            records.member_states,
            |r: &MemberStateRecord| Some(r.id()),
            |r| r.into_entity().map_err(builder_err),
            |e| builder.add_member_state(e),
        ),
        c.collection(
            "processes",
            records.processes,
            |r: &ProcessRecord| Some(r.id()),
            ProcessRecord::into_entity,
            |e| builder.add_process(e),
        ),
        c.collection(
            "partners",
            records.partners,
            |r: &PartnerRecord| Some(r.id()),
            PartnerRecord::into_entity,
            |e| builder.add_partner(e),
        ),
        c.collection(
            "projects",
            records.projects,
            |r: &ProjectRecord| Some(r.id()),
            ProjectRecord::into_entity,
            |e| builder.add_project(e),
        ),
        c.collection(
            "events",
            records.events,
            |r: &EventRecord| Some(r.id()),
            EventRecord::into_entity,
            |e| builder.add_event(e),
        ),
        c.collection(
            "memberships",
            records.memberships,
            |_: &MembershipRecord| None,
            MembershipRecord::into_entity,
            |e| Ok(builder.add_membership(e)),
        ),
    ];
    let mut issues = match builder.build_with_issues() {
        Ok(dataset) if c.issues.is_empty() => return Ok(dataset),
        Ok(dataset) => dataset.warnings().to_vec(),
        Err(issues) => issues,
    };
    // Dataset findings name records by the order they were added: renumber
    // them to their place in the file, and drop dangling references to
    // records that exist in the file but failed on their own.
    let collections = [
        "member_states",
        "processes",
        "partners",
        "projects",
        "events",
        "memberships",
    ];
    issues.retain(|issue| {
        if issue.rule() != Rule::DanglingReference {
            return true;
        }
        !c.broken_ids.iter().any(|(kind, id)| {
            let kind_word = match *kind {
                "partners" => "partner",
                "processes" => "process",
                "projects" => "project",
                _ => "",
            };
            !kind_word.is_empty() && issue.message().contains(&format!("{kind_word} {id:?}"))
        })
    });
    for issue in &mut issues {
        let segments = issue.path_mut().segments_mut();
        if let [Segment::Key(name), Segment::Index(i), ..] = segments.as_mut_slice()
            && let Some(k) = collections.iter().position(|c| *c == name.as_ref())
            && let Some(orig) = origins.get(k).and_then(|o| o.get(*i))
        {
            *i = *orig as usize;
        }
    }
    let mut all = c.issues;
    all.extend(issues);
    all.sort_by(|a, b| a.path().cmp(b.path()));
    Err(LoadErrors::new(
        all.into_iter().map(|i| LoadError::new(i, None)).collect(),
    ))
}
