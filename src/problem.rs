//! Validation findings: rules, severities, field paths and issues.

use std::borrow::Cow;
use std::fmt;

/// How serious a finding is.
///
/// migov's principle for every rule: an **error** where the data contradicts
/// itself or is malformed, a **warning** where it is merely incomplete or
/// unusual, so that no faithful transcription of a real page is ever refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Incomplete or unusual data: reported, but the record is kept.
    Warning,
    /// Malformed or self-contradicting data: the record is refused.
    Error,
}

impl Severity {
    /// `"warning"` or `"error"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident = ($id:literal, $sev:ident, $what:literal), )*) => {
        /// A validation rule of migov, with a stable identifier and a severity.
        ///
        /// Every finding that migov reports (while building an entity, building a
        /// dataset or loading a JSON file) names the rule it broke. The
        /// identifiers are stable: tools may match on them.
        ///
        /// # Examples
        ///
        /// ```
        /// use migov::{Rule, Severity};
        ///
        /// let rule = Rule::from_id("period.end_before_start").ok_or("unknown rule")?;
        /// assert_eq!(rule.id(), "period.end_before_start");
        /// assert_eq!(rule.severity(), Severity::Error);
        /// assert!(!rule.description().is_empty());
        /// // Every rule's identifier leads back to it.
        /// assert!(Rule::ALL.iter().all(|r| Rule::from_id(r.id()) == Some(*r)));
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        ///
        /// # Rules
        ///
        /// | rule id | severity | what it checks |
        /// | --- | --- | --- |
        $( #[doc = concat!("| `", $id, "` | ", stringify!($sev), " | ", $what, " |")] )*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $( $(#[$doc])* #[doc = concat!("`", $id, "`: ", $what)] $variant, )*
        }

        impl Rule {
            /// Every rule, in the order of the table above.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The stable identifier, such as `"period.end_before_start"`.
            pub const fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            /// How serious a breach of this rule is.
            pub const fn severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$sev,)* }
            }

            /// What the rule checks, in one sentence.
            pub const fn description(self) -> &'static str {
                match self { $(Rule::$variant => $what,)* }
            }

            /// The rule with this identifier, if any.
            pub fn from_id(id: &str) -> Option<Rule> {
                Rule::ALL.iter().copied().find(|r| r.id() == id)
            }
        }
    };
}

rules! {
    // Format (JSON loading).
    Syntax = ("json.syntax", Error, "the input is well-formed JSON (the error gives line and column)"),
    WrongType = ("json.wrong_type", Error, "each value has the JSON type the format expects"),
    UnknownField = ("json.unknown_field", Error, "no field is unknown to the format (a misspelt key is never dropped silently)"),
    MissingField = ("json.missing_field", Error, "every required field is present"),
    DuplicateField = ("json.duplicate_field", Error, "no key appears twice in one object"),
    SchemaVersion = ("json.schema_version", Error, "the file declares a `schema_version` this version of migov reads"),
    InvalidValue = ("value.invalid", Error, "each value parses: country codes, dates, times, amounts, currencies, identifiers, URLs, codes"),
    // Records.
    BlankText = ("text.blank", Error, "required text (names, titles, notes) is not empty or only whitespace"),
    NoSource = ("record.no_source", Warning, "a record names at least one source"),
    DuplicateId = ("id.duplicate", Error, "no identifier is used twice within one collection"),
    DanglingReference = ("ref.dangling", Error, "every reference (state, partner, process, project, event) names a record of the dataset"),
    EndBeforeStart = ("period.end_before_start", Error, "an end is not definitely before its start"),
    UnknownCode = ("code.unknown", Warning, "each code-list value (a status, kind, type, role, format, relation, metric...) is one this version knows; an unknown one is kept as written, and the warning names the list and the closest known value when one is close"),
    DuplicateEntry = ("list.duplicate", Error, "a list that names states, partners or roles names each one once"),
    StatusHistoryOrder = ("member_state.status_order", Error, "a state's IOM status history is in chronological order"),
    DurationMismatch = ("period.duration_mismatch", Warning, "a stated duration (a project's months, an event's days) agrees with its start and end when both are known (events: to the day; projects: to the month, counting both end months, within one month)"),
    // Projects.
    NegativeBudget = ("project.negative_amount", Error, "project amounts (budgets, contributions) are not negative"),
    CompletedWithoutEnd = ("project.completed_without_end", Warning, "a completed project gives its end date"),
    RegionalFewStates = ("project.regional_few_states", Warning, "a regional project names two or more benefiting states"),
    NationalManyStates = ("project.national_many_states", Warning, "a national project names at most one benefiting state"),
    NoBenefitingState = ("project.no_benefiting_state", Warning, "a project names at least one benefiting state"),
    YearOutsidePeriod = ("project.year_outside_period", Warning, "a project's (allocation) year is not after its end (it may precede the start: the IOM Development Fund allocates before projects start)"),
    BeneficiaryNotMember = ("project.beneficiary_not_member", Warning, "the benefiting states of IOM Development Fund projects are IOM member states at the project's start (the fund allows exceptions)"),
    // Events.
    SessionEndBeforeStart = ("event.session_end_before_start", Error, "a session's end time follows its start time"),
    SessionOrder = ("event.session_order", Error, "the timed sessions of one agenda day are in time order and do not overlap (a session without a start time keeps its place)"),
    AgendaDayOrder = ("event.agenda_day_order", Error, "agenda days are in date order, each day once"),
    AgendaDayOutsideEvent = ("event.agenda_day_outside_event", Error, "agenda days fall within the event's dates"),
    EventOutsideProject = ("event.outside_project", Error, "an event's related project overlaps the event in time"),
    EventRelatedCycle = ("event.related_cycle", Warning, "the links between events (follow-up of, preparatory to, part of) never lead back to the event they start from; each cycle is warned once, naming its events in the order of the links"),
    // Memberships.
    SelfMembership = ("membership.self", Error, "nobody is a member of itself"),
    DuplicateMembership = ("membership.duplicate", Error, "the same membership (member, body, role, scope, period, date of the source) is not recorded twice; no longer reported: the dataset merges such repeats into one record with the sources of both"),
    ChairNotMember = ("membership.chair_not_member", Error, "a chair or vice-chair of a body whose member list is known to be complete (as many members recorded as the body states it has) is a member at that time"),
    ChairNotListedMember = ("membership.chair_not_listed_member", Warning, "a chair or vice-chair of a body is among its recorded members at that time (a warning where the member list is not known to be complete: the chair may be a member the sources do not list)"),
    AsOfOutsidePeriod = ("membership.as_of_outside_period", Error, "the date at which a source states a membership (`as_of`) lies within the period it gives"),
    ChairWithoutMemberList = ("membership.chair_without_member_list", Warning, "a body with a known chair also has a known member list"),
    MemberAndObserver = ("membership.member_and_observer", Error, "nobody is a member and an observer of the same body over overlapping periods"),
    NestedGroup = ("membership.nested_group", Error, "a group of states (`members_of` a body) names a body that has no group among its members: groups of groups are not followed"),
    OutsideBodyLifetime = ("membership.outside_body_lifetime", Error, "memberships lie within the body's lifetime (after its establishment, before its dissolution)"),
    ReachesOutsideBodyLifetime = ("membership.reaches_outside_body_lifetime", Warning, "a membership that overlaps its body's lifetime does not certainly begin before its establishment or end after its dissolution (answers are clipped to the lifetime)"),
    HiddenCharacter = ("text.hidden_character", Warning, "text holds no control character (other than newline and tab in notes, descriptions and other multi-line text), no bidirectional control, line separator or invisible character; such text is kept as written, and the warning names the character and where it is"),
    // Reports.
    MoreProblems = ("report.more_problems", Warning, "a report lists a bounded number of problems (at most 64 per record, and 1,000 per load unless the caller chooses another limit); the rest are counted, never silently dropped, and an error is never left out to list a warning"),
}

/// Keeps at most a fixed number of findings, in the order they came, and
/// counts the rest. An error is never left out to keep a warning: when the
/// list is full, a new error takes the place of the last warning kept.
#[derive(Debug)]
pub(crate) struct Bounded {
    kept: Vec<Issue>,
    limit: usize,
    /// How many of `kept` are warnings.
    warnings: usize,
    omitted: usize,
}

impl Bounded {
    /// Keeps at most `limit` findings (at least one).
    pub(crate) fn new(limit: usize) -> Self {
        Self {
            kept: Vec::new(),
            limit: limit.max(1),
            warnings: 0,
            omitted: 0,
        }
    }

    pub(crate) fn push(&mut self, issue: Issue) {
        if self.kept.len() < self.limit {
            if !issue.is_error() {
                self.warnings += 1;
            }
            self.kept.push(issue);
            return;
        }
        self.omitted += 1;
        // Each such swap removes a warning for good, so the scans cost at
        // most `limit` steps each, `limit` times in all.
        if issue.is_error()
            && self.warnings > 0
            && let Some(at) = self.kept.iter().rposition(|i| !i.is_error())
        {
            self.kept.remove(at);
            self.warnings -= 1;
            self.kept.push(issue);
        }
    }

    pub(crate) fn extend(&mut self, issues: impl IntoIterator<Item = Issue>) {
        for issue in issues {
            self.push(issue);
        }
    }

    /// Takes in what `other` kept, and counts what it left out.
    pub(crate) fn absorb(&mut self, other: Bounded) {
        self.omitted += other.omitted;
        self.extend(other.kept);
    }

    /// The most findings kept.
    pub(crate) fn limit(&self) -> usize {
        self.limit
    }

    /// Whether nothing was found (kept or counted).
    pub(crate) fn is_empty(&self) -> bool {
        self.kept.is_empty() && self.omitted == 0
    }

    /// Whether an error was found (one is always kept when there is one).
    pub(crate) fn has_error(&self) -> bool {
        self.kept.len() > self.warnings
    }

    /// The findings kept, in order, and how many were left out.
    pub(crate) fn into_parts(self) -> (Vec<Issue>, usize) {
        (self.kept, self.omitted)
    }
}

/// The most findings one record's report lists; the rest are counted in a
/// last finding ([`Rule::MoreProblems`]).
pub(crate) const MAX_PER_RECORD: usize = 64;

/// The finding that counts the `omitted` problems of `whose` report, which
/// lists at most `limit`.
pub(crate) fn more_problems(omitted: usize, limit: usize, whose: &str) -> Issue {
    Issue::new(
        Rule::MoreProblems,
        FieldPath::root(),
        format!(
            "{omitted} more problem(s) of {whose} are not listed; its report lists at most {limit}"
        ),
    )
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One step of a [`FieldPath`]: a field name or a list position.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A field (object key).
    Key(Cow<'static, str>),
    /// A position in a list, from 0.
    Index(usize),
}

impl From<&'static str> for Segment {
    fn from(key: &'static str) -> Self {
        Self::Key(Cow::Borrowed(key))
    }
}

impl From<String> for Segment {
    fn from(key: String) -> Self {
        Self::Key(Cow::Owned(key))
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Self::Index(index)
    }
}

/// Where a finding is: a path of field names and list positions.
///
/// Displayed the way a reader names a field, such as
/// `benefiting_states[3]` or `agenda[2].sessions[0].end`; [`FieldPath::to_pointer`]
/// gives the same place as an RFC 6901 JSON Pointer (`/benefiting_states/3`).
/// The field names are the keys of migov's JSON format.
///
/// # Examples
///
/// ```
/// use migov::FieldPath;
///
/// let path = FieldPath::from_iter(["projects".into(), 3.into(), "benefiting_states".into(), 2.into()]);
/// assert_eq!(path.to_string(), "projects[3].benefiting_states[2]");
/// assert_eq!(path.to_pointer(), "/projects/3/benefiting_states/2");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The empty path: the whole record (or the whole document).
    pub const fn root() -> Self {
        Self {
            segments: Vec::new(),
        }
    }

    /// A path of one field.
    pub fn key(key: impl Into<Segment>) -> Self {
        Self {
            segments: vec![key.into()],
        }
    }

    /// This path with one more step at the end.
    #[must_use]
    pub fn join(mut self, segment: impl Into<Segment>) -> Self {
        self.segments.push(segment.into());
        self
    }

    /// This path, with `prefix` in front of it.
    #[must_use]
    pub fn prefixed(mut self, prefix: &FieldPath) -> Self {
        let mut segments = prefix.segments.clone();
        segments.append(&mut self.segments);
        self.segments = segments;
        self
    }

    /// The steps of the path, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Mutable steps, for the loader's renumbering of records.
    pub(crate) fn segments_mut(&mut self) -> &mut Vec<Segment> {
        &mut self.segments
    }

    /// Whether this is the empty path.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// The same place as an RFC 6901 JSON Pointer: `""` for the root, else
    /// `/`-joined steps, `~` written `~0` and `/` written `~1`.
    pub fn to_pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            out.push('/');
            match segment {
                Segment::Key(key) => {
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                Segment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

impl FromIterator<Segment> for FieldPath {
    fn from_iter<I: IntoIterator<Item = Segment>>(iter: I) -> Self {
        Self {
            segments: iter.into_iter().collect(),
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str("(record)");
        }
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(&crate::text::printable(key))?,
                Segment::Key(key) => write!(f, ".{}", crate::text::printable(key))?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// One finding: which rule, where, and what is wrong.
///
/// The message says what is wrong and what was expected, quoting the
/// offending value (bounded, so a hostile value never makes a huge message).
///
/// # Examples
///
/// ```
/// use migov::{FieldPath, Issue, Rule, Severity};
///
/// let issue = Issue::new(Rule::NoBenefitingState, FieldPath::key("benefiting_states"), "no benefiting state is named");
/// assert_eq!(issue.severity(), Severity::Warning);
/// assert_eq!(issue.to_string(), "warning [project.no_benefiting_state] benefiting_states: no benefiting state is named");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Issue {
    path: FieldPath,
    rule: Rule,
    message: String,
    /// For a reference to a record: the collection and identifier it names.
    refers_to: Option<Box<RecordRef>>,
}

/// The record a finding names: its collection's key (`"partners"`) and its
/// identifier as written.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecordRef {
    collection: Box<str>,
    id: Box<str>,
}

impl Issue {
    /// A finding of `rule` at `path`.
    ///
    /// Characters that could forge or hide a line of a report (controls, line
    /// separators, bidirectional and invisible characters) are written into
    /// the message as `\u{XXXX}`, so a message is always one visible line.
    pub fn new(rule: Rule, path: FieldPath, message: impl Into<String>) -> Self {
        let message = message.into();
        let message = match crate::text::printable(&message) {
            std::borrow::Cow::Borrowed(_) => message,
            std::borrow::Cow::Owned(clean) => clean,
        };
        Self {
            path,
            rule,
            message,
            refers_to: None,
        }
    }

    /// This finding, naming the record it refers to: `collection` is the
    /// collection's key in the dataset format (`"partners"`), `id` the
    /// identifier as written. Rules about references (such as
    /// [`Rule::DanglingReference`]) say this, so that no layer has to read it
    /// back from the message.
    #[must_use]
    pub fn referring_to(mut self, collection: &str, id: &str) -> Self {
        self.refers_to = Some(Box::new(RecordRef {
            collection: collection.into(),
            id: id.into(),
        }));
        self
    }

    /// The record this finding refers to, in its wire form.
    pub(crate) fn record_ref(&self) -> Option<&RecordRef> {
        self.refers_to.as_deref()
    }

    /// This finding, naming the record of `record`.
    #[must_use]
    pub(crate) fn with_record_ref(mut self, record: Option<RecordRef>) -> Self {
        self.refers_to = record.map(Box::new);
        self
    }

    /// The record this finding refers to, as `(collection, identifier)`:
    /// for a dangling reference, the record that is not in the dataset.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{FieldPath, Issue, Rule};
    ///
    /// let issue = Issue::new(Rule::DanglingReference, FieldPath::key("body"), "no such partner")
    ///     .referring_to("partners", "ECOWAS");
    /// assert_eq!(issue.refers_to(), Some(("partners", "ECOWAS")));
    /// ```
    pub fn refers_to(&self) -> Option<(&str, &str)> {
        self.refers_to
            .as_deref()
            .map(|r| (r.collection.as_ref(), r.id.as_ref()))
    }

    /// The rule that was broken.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// The rule's severity.
    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// Whether this finding refuses the record.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// Where the finding is.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// Mutable path, for layers that add where the record is.
    pub(crate) fn path_mut(&mut self) -> &mut FieldPath {
        &mut self.path
    }

    /// What is wrong and what was expected.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// This issue with `prefix` in front of its path.
    #[must_use]
    pub(crate) fn prefixed(mut self, prefix: &FieldPath) -> Self {
        self.path = self.path.prefixed(prefix);
        self
    }

    /// This issue, saying the identifier of the record it is in (for a
    /// record that failed to read, whose identifier the report would
    /// otherwise lose). The identifier is quoted as an excerpt, escaped.
    #[must_use]
    pub(crate) fn in_record(mut self, id: &str) -> Self {
        self.message = format!(
            "{}; in the record {}",
            self.message,
            crate::text::Excerpt::new(id)
        );
        self
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] {}: {}",
            self.severity(),
            self.rule.id(),
            self.path,
            self.message
        )
    }
}

/// The findings of one failed build: at least one error, plus any warnings.
///
/// `Display` lists every finding, one per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    what: &'static str,
    label: String,
    issues: Vec<Issue>,
}

impl BuildError {
    pub(crate) fn new(what: &'static str, label: String, issues: Vec<Issue>) -> Self {
        Self {
            what,
            label,
            issues,
        }
    }

    /// What was being built: `"project"`, `"event"`, ...
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The identifier or name of the record being built.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Every finding, errors and warnings, in the order found.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The findings that refused the build.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    /// Takes the findings out.
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        write!(
            f,
            "invalid {} {:?}: {} error{}",
            self.what,
            self.label,
            errors,
            if errors == 1 { "" } else { "s" }
        )?;
        for issue in &self.issues {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}

/// `"warning"` or `"error"`, as [`Severity::as_str`] writes it.
impl serde::Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Severity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        match &*text {
            "warning" => Ok(Self::Warning),
            "error" => Ok(Self::Error),
            other => Err(serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(other),
                &r#""warning" or "error""#,
            )),
        }
    }
}

/// The stable identifier, such as `"period.end_before_start"`.
impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// From the stable identifier; an identifier migov does not know is an error.
impl<'de> serde::Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        Rule::from_id(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&text),
                &"the identifier of a migov rule, such as \"period.end_before_start\"",
            )
        })
    }
}

/// A field name as a JSON string, a list position as a JSON number.
impl serde::Serialize for Segment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Key(key) => serializer.serialize_str(key),
            Self::Index(index) => serializer.serialize_u64(*index as u64),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Segment {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Segment;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name (string) or a list position (non-negative integer)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Segment, E> {
                Ok(Segment::Key(Cow::Owned(v.to_owned())))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Segment, E> {
                usize::try_from(v)
                    .map(Segment::Index)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Segment, E> {
                usize::try_from(v)
                    .map(Segment::Index)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// The list of steps, such as `["projects", 3, "benefiting_states", 2]`: unlike
/// the JSON Pointer, the list keeps a field named `"3"` apart from position 3.
impl serde::Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.segments)
    }
}

impl<'de> serde::Deserialize<'de> for FieldPath {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Segment>::deserialize(deserializer).map(|segments| Self { segments })
    }
}

/// The wire form of an [`Issue`]: `severity` and `pointer` are written for
/// readers and, when read back, must agree with `rule` and `path`.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueWire<'a> {
    rule: Rule,
    #[serde(default)]
    severity: Option<Severity>,
    path: Cow<'a, FieldPath>,
    #[serde(default)]
    pointer: Option<String>,
    #[serde(borrow)]
    message: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refers_to: Option<RecordRef>,
}

/// An object with `rule` (its identifier), `severity`, `path` (the list of
/// steps), `pointer` (the same place as a JSON Pointer), `message` and, for
/// a finding about a reference, `refers_to` (`{"collection", "id"}`).
///
/// # Examples
///
/// ```
/// use migov::{FieldPath, Issue, Rule};
///
/// let issue = Issue::new(Rule::NoBenefitingState, FieldPath::key("benefiting_states"), "no benefiting state is named");
/// let json = serde_json::to_value(&issue)?;
/// assert_eq!(json["rule"], "project.no_benefiting_state");
/// assert_eq!(json["severity"], "warning");
/// assert_eq!(json["pointer"], "/benefiting_states");
/// assert_eq!(serde_json::from_value::<Issue>(json)?, issue);
/// # Ok::<(), serde_json::Error>(())
/// ```
impl serde::Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        IssueWire {
            rule: self.rule,
            severity: Some(self.severity()),
            path: Cow::Borrowed(&self.path),
            pointer: Some(self.path.to_pointer()),
            message: Cow::Borrowed(&self.message),
            refers_to: self.refers_to.as_deref().cloned(),
        }
        .serialize(serializer)
    }
}

/// Reads what `Serialize` writes; `severity` and `pointer` may be left out,
/// and are refused when they disagree with `rule` and `path`.
impl<'de> serde::Deserialize<'de> for Issue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = IssueWire::deserialize(deserializer)?;
        if let Some(severity) = wire.severity
            && severity != wire.rule.severity()
        {
            return Err(serde::de::Error::custom(format_args!(
                "severity {severity} disagrees with rule {}, which is a {}",
                wire.rule,
                wire.rule.severity()
            )));
        }
        let path = wire.path.into_owned();
        if let Some(pointer) = wire.pointer
            && pointer != path.to_pointer()
        {
            return Err(serde::de::Error::custom(format_args!(
                "pointer {pointer:?} disagrees with path {:?}",
                path.to_pointer()
            )));
        }
        let mut issue = Issue::new(wire.rule, path, wire.message.into_owned());
        issue.refers_to = wire.refers_to.map(Box::new);
        Ok(issue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A bounded list keeps at most its limit, in the order given, as
        /// many errors as fit, and counts the rest.
        #[test]
        fn bounded_keeps_errors_first_in_order(
            errors in proptest::collection::vec(proptest::bool::ANY, 0..200),
            limit in 1usize..20,
        ) {
            let issues: Vec<Issue> = errors
                .iter()
                .enumerate()
                .map(|(i, &e)| {
                    let rule = if e { Rule::BlankText } else { Rule::NoSource };
                    Issue::new(rule, FieldPath::key("x").join(i), "m")
                })
                .collect();
            let mut b = Bounded::new(limit);
            b.extend(issues.iter().cloned());
            let (kept, omitted) = b.into_parts();
            proptest::prop_assert!(kept.len() <= limit);
            proptest::prop_assert_eq!(kept.len() + omitted, issues.len());
            let n_errors = errors.iter().filter(|e| **e).count();
            proptest::prop_assert_eq!(kept.iter().filter(|i| i.is_error()).count(), n_errors.min(limit));
            // In input order: the positions kept increase.
            let at: Vec<&FieldPath> = kept.iter().map(Issue::path).collect();
            proptest::prop_assert!(at.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn rule_ids_are_unique_and_round_trip() {
        let mut ids: Vec<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(*r));
        }
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before);
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let p = FieldPath::key("processes")
            .join("a/b~c".to_string())
            .join(0);
        assert_eq!(p.to_pointer(), "/processes/a~1b~0c/0");
        let v = serde_json::json!({"processes": {"a/b~c": ["x"]}});
        assert_eq!(v.pointer(&p.to_pointer()), Some(&serde_json::json!("x")));
    }

    #[test]
    fn root_pointer_is_empty() {
        assert_eq!(FieldPath::root().to_pointer(), "");
        assert_eq!(FieldPath::root().to_string(), "(record)");
    }

    mod serde_forms {
        use super::super::{FieldPath, Issue, Rule, Segment, Severity};
        use proptest::prelude::*;

        fn segment() -> impl Strategy<Value = Segment> {
            prop_oneof![
                any::<usize>().prop_map(Segment::Index),
                ".{0,12}".prop_map(Segment::from),
            ]
        }

        fn issue() -> impl Strategy<Value = Issue> {
            (
                proptest::sample::select(Rule::ALL),
                proptest::collection::vec(segment(), 0..6),
                ".{0,40}",
            )
                .prop_map(|(rule, path, message)| {
                    Issue::new(rule, path.into_iter().collect(), message)
                })
        }

        proptest! {
            #[test]
            fn an_issue_comes_back_from_json(issue in issue()) {
                let json = serde_json::to_value(&issue).unwrap();
                prop_assert_eq!(&json["rule"], issue.rule().id());
                prop_assert_eq!(&json["severity"], issue.severity().as_str());
                let pointer = issue.path().to_pointer();
                prop_assert_eq!(&json["pointer"], pointer.as_str());
                prop_assert_eq!(serde_json::from_value::<Issue>(json).unwrap(), issue);
            }
        }

        #[test]
        fn a_key_of_digits_stays_a_key() {
            let path: FieldPath = [Segment::from("3"), Segment::from(3)].into_iter().collect();
            let json = serde_json::to_string(&path).unwrap();
            assert_eq!(json, r#"["3",3]"#);
            assert_eq!(serde_json::from_str::<FieldPath>(&json).unwrap(), path);
        }

        #[test]
        fn disagreeing_severity_pointer_or_rule_is_refused() {
            let issue = Issue::new(
                Rule::NoBenefitingState,
                FieldPath::key("benefiting_states"),
                "m",
            );
            let mut json = serde_json::to_value(&issue).unwrap();
            json["severity"] = "error".into();
            let err = serde_json::from_value::<Issue>(json.clone()).unwrap_err();
            assert!(err.to_string().contains("disagrees"), "{err}");
            json["severity"] = serde_json::Value::Null;
            json["pointer"] = "/elsewhere".into();
            assert!(serde_json::from_value::<Issue>(json.clone()).is_err());
            json["pointer"] = serde_json::Value::Null;
            assert_eq!(
                serde_json::from_value::<Issue>(json.clone()).unwrap(),
                issue
            );
            json["rule"] = "no.such_rule".into();
            let err = serde_json::from_value::<Issue>(json).unwrap_err();
            assert!(err.to_string().contains("no.such_rule"), "{err}");
            assert!(serde_json::from_str::<Severity>(r#""fatal""#).is_err());
        }
    }
}
