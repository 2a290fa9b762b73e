//! Comparing and combining datasets: [`Dataset::diff`] and [`Dataset::merge`].
//!
//! Both work record by record and field by field on each record's form in
//! the [dataset format](crate::json): a field is a key of the record's JSON
//! object (`title`, `benefiting_states`, `established_alternatives`, ...).
//! Records are matched by identifier: a member state by its country code,
//! a process, partner, project or event by its `id`, and a membership by
//! what identifies it in a dataset (member, body, role, scope and period).

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::dataset::Dataset;
use crate::dataset::builder::{DatasetBuilder, DatasetError};
use crate::entity::{Event, MemberState, Membership, Partner, Project, Rcp};
use crate::value::Source;

/// The fields of a membership that identify it; they never differ between
/// two memberships matched with each other.
const MEMBERSHIP_IDENTITY: [&str; 6] = ["member", "body", "role", "scope", "start", "end"];

/// A record of a dataset: its collection (`"projects"`, ...) and its identifier.
///
/// A membership's identifier reads
/// `state SEN in process MIDWA as member 2001/..` (a period still running), with its scope in
/// parentheses after the role when it has one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct RecordId {
    collection: &'static str,
    id: String,
}

impl RecordId {
    /// The collection, as named in the dataset format: `"member_states"`,
    /// `"processes"`, `"partners"`, `"projects"`, `"events"` or `"memberships"`.
    pub fn collection(&self) -> &'static str {
        self.collection
    }

    /// The record's identifier within its collection.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.collection, self.id)
    }
}

/// A record as its JSON object in the dataset format.
type Fields = Map<String, Value>;

/// Every record of a dataset as its JSON object, by collection and identifier.
struct Records {
    member_states: BTreeMap<String, (MemberState, Fields)>,
    processes: BTreeMap<String, (Rcp, Fields)>,
    partners: BTreeMap<String, (Partner, Fields)>,
    projects: BTreeMap<String, (Project, Fields)>,
    events: BTreeMap<String, (Event, Fields)>,
    memberships: BTreeMap<String, (Membership, Fields)>,
}

/// A record's JSON object (every entity serialises as one).
fn fields_of<T: Serialize>(record: &T) -> Fields {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => Fields::new(),
    }
}

fn keyed<'a, T: Serialize + Clone + 'a>(
    records: impl IntoIterator<Item = &'a T>,
    id_of: impl Fn(&T) -> String,
) -> BTreeMap<String, (T, Fields)> {
    records
        .into_iter()
        .map(|r| (id_of(r), (r.clone(), fields_of(r))))
        .collect()
}

/// The identifier of a membership (see [`RecordId`]).
fn membership_id(m: &Membership) -> String {
    let scope = m.scope().map(|s| format!(" ({s})")).unwrap_or_default();
    format!(
        "{} in {} as {}{scope} {}",
        m.member(),
        m.body(),
        m.role(),
        m.period()
    )
}

impl Records {
    fn of(d: &Dataset) -> Self {
        Self {
            member_states: keyed(d.member_states(), |s| s.country().to_string()),
            processes: keyed(d.processes(), |p| p.id().to_string()),
            partners: keyed(d.partners(), |p| p.id().to_string()),
            projects: keyed(d.projects(), |p| p.id().to_string()),
            events: keyed(d.events(), |e| e.id().to_string()),
            memberships: keyed(d.memberships(), membership_id),
        }
    }
}

// ---------------------------------------------------------------------------
// Diff

/// One field of a record that differs between two datasets: its JSON value
/// before and after (`None` where the field is absent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    field: String,
    old: Option<Value>,
    new: Option<Value>,
}

impl FieldChange {
    /// The field's name in the dataset format (`"title"`, `"end"`, ...).
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The old value as compact JSON text; `None` when the field was absent.
    pub fn old_json(&self) -> Option<String> {
        self.old.as_ref().map(Value::to_string)
    }

    /// The new value as compact JSON text; `None` when the field is absent now.
    pub fn new_json(&self) -> Option<String> {
        self.new.as_ref().map(Value::to_string)
    }
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: &Option<Value>| v.as_ref().map_or("(absent)".to_owned(), Value::to_string);
        write!(
            f,
            "{}: {} -> {}",
            self.field,
            show(&self.old),
            show(&self.new)
        )
    }
}

/// A record present in both datasets whose fields differ.
///
/// Its top-level `sources` are compared as a set: the sources added and
/// removed are listed apart from the other fields. When the sources are the
/// same but listed in another order, `sources` is a field change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordChange {
    #[serde(flatten)]
    record: RecordId,
    fields: Vec<FieldChange>,
    sources_added: Vec<Source>,
    sources_removed: Vec<Source>,
}

impl RecordChange {
    /// The record that changed.
    pub fn record(&self) -> &RecordId {
        &self.record
    }

    /// The fields that changed, in the order of the dataset format's keys
    /// (sorted by name).
    pub fn fields(&self) -> &[FieldChange] {
        &self.fields
    }

    /// The record's sources that are new.
    pub fn sources_added(&self) -> &[Source] {
        &self.sources_added
    }

    /// The record's sources that are gone.
    pub fn sources_removed(&self) -> &[Source] {
        &self.sources_removed
    }
}

/// What changed from one dataset to another: records added, removed and
/// changed, each change field by field, with the sources added and removed.
///
/// `Display` prints one line per record (`+` added, `-` removed, `~`
/// changed) and, under a changed record, one line per field and per source;
/// it prints `no differences` for an empty diff. Serialises (serde) as
/// `{"added": [...], "removed": [...], "changed": [...]}`, with field values
/// as JSON.
///
/// # Examples
///
/// ```
/// use migov::{Dataset, Project, ProjectId, Source};
///
/// let src = Source::new("https://www.iom.int/")?;
/// let old = Dataset::builder().build()?;
/// let mut b = old.to_builder();
/// b.add_project(Project::builder(ProjectId::new("MY-PROJECT")?, "My project").source(src).build()?)?;
/// let new = b.build()?;
///
/// let diff = old.diff(&new);
/// assert_eq!(diff.added().len(), 1);
/// assert_eq!(diff.added()[0].id(), "MY-PROJECT");
/// assert!(new.diff(&new).is_empty());
/// assert_eq!(diff.to_string(), "+ projects MY-PROJECT\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DatasetDiff {
    added: Vec<RecordId>,
    removed: Vec<RecordId>,
    changed: Vec<RecordChange>,
}

impl DatasetDiff {
    /// Records of the new dataset that the old one does not have.
    pub fn added(&self) -> &[RecordId] {
        &self.added
    }

    /// Records of the old dataset that the new one does not have.
    pub fn removed(&self) -> &[RecordId] {
        &self.removed
    }

    /// Records of both whose fields differ.
    pub fn changed(&self) -> &[RecordChange] {
        &self.changed
    }

    /// Whether the two datasets hold the same records.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

impl fmt::Display for DatasetDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(f, "no differences");
        }
        for r in &self.added {
            writeln!(f, "+ {r}")?;
        }
        for r in &self.removed {
            writeln!(f, "- {r}")?;
        }
        for c in &self.changed {
            writeln!(f, "~ {}", c.record)?;
            for field in &c.fields {
                writeln!(f, "    {field}")?;
            }
            for s in &c.sources_added {
                writeln!(f, "    + source {s}")?;
            }
            for s in &c.sources_removed {
                writeln!(f, "    - source {s}")?;
            }
        }
        Ok(())
    }
}

/// The top-level sources of a record, as JSON values.
fn sources_of(fields: &Fields) -> &[Value] {
    fields
        .get("sources")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
}

fn to_sources(values: impl IntoIterator<Item = Value>) -> Vec<Source> {
    values
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect()
}

fn change_of(record: RecordId, old: &Fields, new: &Fields) -> Option<RecordChange> {
    let mut fields = Vec::new();
    let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for key in keys {
        if key == "sources" {
            continue;
        }
        let (o, n) = (old.get(key), new.get(key));
        if o != n {
            fields.push(FieldChange {
                field: key.clone(),
                old: o.cloned(),
                new: n.cloned(),
            });
        }
    }
    let (old_sources, new_sources) = (sources_of(old), sources_of(new));
    let added: Vec<Value> = new_sources
        .iter()
        .filter(|s| !old_sources.contains(s))
        .cloned()
        .collect();
    let removed: Vec<Value> = old_sources
        .iter()
        .filter(|s| !new_sources.contains(s))
        .cloned()
        .collect();
    if added.is_empty() && removed.is_empty() && old_sources != new_sources {
        fields.push(FieldChange {
            field: "sources".to_owned(),
            old: old.get("sources").cloned(),
            new: new.get("sources").cloned(),
        });
        fields.sort_by(|a, b| a.field.cmp(&b.field));
    }
    if fields.is_empty() && added.is_empty() && removed.is_empty() {
        return None;
    }
    Some(RecordChange {
        record,
        fields,
        sources_added: to_sources(added),
        sources_removed: to_sources(removed),
    })
}

fn diff_collection<T>(
    out: &mut DatasetDiff,
    collection: &'static str,
    old: &BTreeMap<String, (T, Fields)>,
    new: &BTreeMap<String, (T, Fields)>,
) {
    let id = |id: &str| RecordId {
        collection,
        id: id.to_owned(),
    };
    for (k, (_, fields)) in old {
        match new.get(k) {
            None => out.removed.push(id(k)),
            Some((_, new_fields)) => out.changed.extend(change_of(id(k), fields, new_fields)),
        }
    }
    for k in new.keys() {
        if !old.contains_key(k) {
            out.added.push(id(k));
        }
    }
}

impl Dataset {
    /// What changed from this dataset to `new`: records added, removed and
    /// changed, with field-level changes and the sources added and removed.
    ///
    /// The diff is empty exactly when the two datasets are equal. Records
    /// are listed by collection (in the format's order), then by identifier.
    /// O(n log n) for n records; every record is serialised once.
    ///
    /// See [`DatasetDiff`] for an example.
    pub fn diff(&self, new: &Dataset) -> DatasetDiff {
        let (a, b) = (Records::of(self), Records::of(new));
        let mut out = DatasetDiff::default();
        diff_collection(
            &mut out,
            "member_states",
            &a.member_states,
            &b.member_states,
        );
        diff_collection(&mut out, "processes", &a.processes, &b.processes);
        diff_collection(&mut out, "partners", &a.partners, &b.partners);
        diff_collection(&mut out, "projects", &a.projects, &b.projects);
        diff_collection(&mut out, "events", &a.events, &b.events);
        diff_collection(&mut out, "memberships", &a.memberships, &b.memberships);
        out
    }
}

// ---------------------------------------------------------------------------
// Merge

/// What [`Dataset::merge`] does when a field of a record has a different
/// value in each dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MergePolicy {
    /// Keep the value of the dataset `merge` is called on.
    KeepOurs,
    /// Keep the value of the dataset given to `merge`.
    KeepTheirs,
    /// Merge nothing: return every conflict as [`MergeError::Conflicts`].
    Refuse,
}

/// A field of a record whose value differs between the two datasets merged.
///
/// A value and its alternatives (`established` and
/// `established_alternatives`) are one fact: when either differs, each key
/// of the two that differs is a conflict, and the policy's side gives both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conflict {
    #[serde(flatten)]
    record: RecordId,
    field: String,
    ours: Option<Value>,
    theirs: Option<Value>,
}

impl Conflict {
    /// The record in both datasets.
    pub fn record(&self) -> &RecordId {
        &self.record
    }

    /// The field's name in the dataset format.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Our value as compact JSON text (`None`: the field is absent in ours).
    pub fn ours_json(&self) -> Option<String> {
        self.ours.as_ref().map(Value::to_string)
    }

    /// Their value as compact JSON text (`None`: the field is absent in theirs).
    pub fn theirs_json(&self) -> Option<String> {
        self.theirs.as_ref().map(Value::to_string)
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: &Option<Value>| v.as_ref().map_or("(absent)".to_owned(), Value::to_string);
        write!(
            f,
            "{} field {}: ours {}, theirs {}",
            self.record,
            self.field,
            show(&self.ours),
            show(&self.theirs)
        )
    }
}

/// Why [`Dataset::merge`] gave no dataset.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// The policy was [`MergePolicy::Refuse`] and these fields conflict.
    #[error("{} conflicting field(s), merge refused{}", .0.len(), list(.0))]
    Conflicts(Vec<Conflict>),
    /// A record combined from both datasets breaks a rule of its own (an
    /// end taken from one side before a start taken from the other).
    #[error("the combined record {record} is invalid: {message}")]
    Record {
        /// The record.
        record: RecordId,
        /// Every finding, with its rule and path.
        message: String,
    },
    /// The merged records do not form a valid dataset.
    #[error("the merged records do not form a valid dataset: {0}")]
    Dataset(DatasetError),
}

fn list(conflicts: &[Conflict]) -> String {
    conflicts.iter().map(|c| format!("\n  {c}")).collect()
}

/// A merged dataset and the conflicts the policy settled.
#[derive(Clone, Debug)]
pub struct Merged {
    dataset: Dataset,
    conflicts: Vec<Conflict>,
}

impl Merged {
    /// The merged dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The conflicts settled by the policy (empty when the datasets agree
    /// wherever both give a field).
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Takes the merged dataset.
    pub fn into_dataset(self) -> Dataset {
        self.dataset
    }
}

/// The fact a field belongs to: a value and its alternatives are one.
fn group_of(key: &str) -> &str {
    key.strip_suffix("_alternatives").unwrap_or(key)
}

/// Combines two records of one identifier (see [`Dataset::merge`]);
/// `None` when they are equal (ours is then kept as it is).
fn combine(
    record: &RecordId,
    ours: &Fields,
    theirs: &Fields,
    policy: MergePolicy,
    conflicts: &mut Vec<Conflict>,
) -> Option<Fields> {
    if ours == theirs {
        return None;
    }
    let mut out = ours.clone();
    let groups: std::collections::BTreeSet<&str> = ours
        .keys()
        .chain(theirs.keys())
        .map(|k| group_of(k))
        .filter(|g| {
            *g != "sources"
                && !(record.collection == "memberships" && MEMBERSHIP_IDENTITY.contains(g))
        })
        .collect();
    for group in groups {
        let in_group = |fields: &Fields| -> Vec<(String, Value)> {
            fields
                .iter()
                .filter(|(k, _)| group_of(k) == group)
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let (o, t) = (in_group(ours), in_group(theirs));
        if o == t || t.is_empty() {
            continue;
        }
        if o.is_empty() {
            out.extend(t);
            continue;
        }
        let keys: std::collections::BTreeSet<&String> =
            o.iter().chain(&t).map(|(k, _)| k).collect();
        for key in keys {
            let (ov, tv) = (ours.get(key.as_str()), theirs.get(key.as_str()));
            if ov != tv {
                conflicts.push(Conflict {
                    record: record.clone(),
                    field: key.clone(),
                    ours: ov.cloned(),
                    theirs: tv.cloned(),
                });
            }
        }
        if policy == MergePolicy::KeepTheirs {
            for (k, _) in &o {
                out.remove(k);
            }
            out.extend(t);
        }
    }
    let (our_sources, their_sources) = (sources_of(ours), sources_of(theirs));
    let mut sources = our_sources.to_vec();
    sources.extend(
        their_sources
            .iter()
            .filter(|s| !our_sources.contains(s))
            .cloned(),
    );
    if !sources.is_empty() {
        out.insert("sources".to_owned(), Value::Array(sources));
    }
    Some(out)
}

/// Merges one collection into `add`; records only in ours come first.
fn merge_collection<T: Clone + serde::de::DeserializeOwned>(
    collection: &'static str,
    ours: &BTreeMap<String, (T, Fields)>,
    theirs: &BTreeMap<String, (T, Fields)>,
    policy: MergePolicy,
    conflicts: &mut Vec<Conflict>,
) -> Result<Vec<T>, MergeError> {
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    for (k, (entity, fields)) in ours {
        let Some((_, their_fields)) = theirs.get(k) else {
            out.push(entity.clone());
            continue;
        };
        let record = RecordId {
            collection,
            id: k.clone(),
        };
        match combine(&record, fields, their_fields, policy, conflicts) {
            None => out.push(entity.clone()),
            Some(combined) => {
                let entity = serde_json::from_value(Value::Object(combined)).map_err(|e| {
                    MergeError::Record {
                        record,
                        message: e.to_string(),
                    }
                })?;
                out.push(entity);
            }
        }
    }
    out.extend(
        theirs
            .iter()
            .filter(|(k, _)| !ours.contains_key(*k))
            .map(|(_, (entity, _))| entity.clone()),
    );
    Ok(out)
}

impl Dataset {
    /// Merges `theirs` into this dataset.
    ///
    /// Records are matched by identifier (see [`RecordId`]). A record in one
    /// dataset only is taken as it is. Two records of one identifier are
    /// combined field by field: a field given by one side only is taken, a
    /// field given alike by both is kept, their top-level `sources` are
    /// united (ours first), and a field whose values differ is a
    /// [`Conflict`], settled by `policy`. Merging a dataset with itself
    /// gives the same dataset.
    ///
    /// # Errors
    ///
    /// - [`MergeError::Conflicts`] with every conflict under
    ///   [`MergePolicy::Refuse`];
    /// - [`MergeError::Record`] when a record combined from both sides breaks
    ///   one of its own rules;
    /// - [`MergeError::Dataset`] when the merged records break a dataset rule.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::{Dataset, MergePolicy, Partner, PartnerId, Source};
    ///
    /// let iom = PartnerId::new("IOM")?;
    /// let one = |name: &str, url: &str| -> Result<Dataset, migov::Error> {
    ///     let mut b = Dataset::builder();
    ///     b.add_partner(Partner::builder(iom.clone(), name).source(Source::new(url)?).build()?)?;
    ///     Ok(b.build()?)
    /// };
    /// let ours = one("International Organization for Migration", "https://www.iom.int/")?;
    /// let theirs = one("IOM", "https://www.iom.int/about-iom")?;
    ///
    /// let merged = ours.merge(&theirs, MergePolicy::KeepOurs)?;
    /// let partner = &merged.dataset().partners()[0];
    /// assert_eq!(partner.name(), "International Organization for Migration");
    /// assert_eq!(partner.sources().len(), 2); // sources united
    /// assert_eq!(merged.conflicts()[0].field(), "name");
    ///
    /// assert!(ours.merge(&theirs, MergePolicy::Refuse).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(&self, theirs: &Dataset, policy: MergePolicy) -> Result<Merged, MergeError> {
        let (a, b) = (Records::of(self), Records::of(theirs));
        let mut conflicts = Vec::new();
        let c = &mut conflicts;
        let states = merge_collection(
            "member_states",
            &a.member_states,
            &b.member_states,
            policy,
            c,
        )?;
        let processes = merge_collection("processes", &a.processes, &b.processes, policy, c)?;
        let partners = merge_collection("partners", &a.partners, &b.partners, policy, c)?;
        let projects = merge_collection("projects", &a.projects, &b.projects, policy, c)?;
        let events = merge_collection("events", &a.events, &b.events, policy, c)?;
        let memberships =
            merge_collection("memberships", &a.memberships, &b.memberships, policy, c)?;
        if policy == MergePolicy::Refuse && !conflicts.is_empty() {
            return Err(MergeError::Conflicts(conflicts));
        }
        let mut builder = DatasetBuilder::new();
        // Identifiers are unique: each collection was keyed by them.
        builder.extend_unchecked(
            states.into_iter(),
            processes.into_iter(),
            partners.into_iter(),
            projects.into_iter(),
            events.into_iter(),
            memberships.into_iter(),
        );
        let dataset = builder.build().map_err(MergeError::Dataset)?;
        Ok(Merged { dataset, conflicts })
    }
}
