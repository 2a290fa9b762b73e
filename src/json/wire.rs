//! The wire form of the dataset format: plain records that mirror the JSON
//! exactly (`deny_unknown_fields`), with conversions to and from entities.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

use super::nested::{Nest, Nested};
use crate::codelist::{
    AmountKind, ContributionRole, Coverage, DocumentKind, EventKind, EventRelation, EventRole,
    IdfRegion, LifecycleStatus, MembershipRole, Metric, OutcomeKind, PartnerKind, ProcessKind,
    ProjectRole, ProjectStatus, ProjectType, SessionFormat,
};
use crate::entity::profile::Profile;
use crate::entity::{
    AgendaDay, Amount, Body, Bound, Contribution, Dispute, Event, EventDate, EventParty,
    ExternalId, Figure, IomStatus, MemberState, Membership, Outcome, Panellist, Partner, Party,
    Person, Project, ProjectParty, Rcp, RelatedEvent, Session, StatusChange,
};
use crate::problem::{BuildError, FieldPath, Issue, Rule};
use crate::value::{
    Alternative, Claimed, CountryCode, Currency, EventId, IdfCode, LocalTime, Money, PartialDate,
    PartnerId, Period, ProcessId, ProjectId, Source,
};
use crate::value::{AmountText, PeriodEnd, PrimaId, Sources};

fn is_false(b: &bool) -> bool {
    !*b
}

/// A decimal written as a JSON string with its scale (`"32000.00"`), read only from a string.
#[derive(Clone, Debug)]
pub(crate) struct DecimalText(pub(crate) Decimal);

impl Serialize for DecimalText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for DecimalText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        AmountText::deserialize(d).map(|a| DecimalText(a.0))
    }
}

/// An event date written as text: a partial date or `--MM-DD`.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub(crate) struct EventDateText(pub(crate) EventDate);

impl TryFrom<String> for EventDateText {
    type Error = crate::value::PartialDateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse().map(EventDateText)
    }
}

impl From<EventDateText> for String {
    fn from(d: EventDateText) -> Self {
        d.0.to_string()
    }
}

/// A URL written as a string; checked as a [`Source`]'s URL when its entity is built.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub(crate) struct UrlText(pub(crate) String);

/// The whole document, for saving.
#[derive(Serialize)]
pub(crate) struct DocumentOut<'a> {
    pub(crate) schema_version: &'a str,
    pub(crate) member_states: Vec<MemberStateRecord>,
    pub(crate) processes: Vec<ProcessRecord>,
    pub(crate) partners: Vec<PartnerRecord>,
    pub(crate) projects: Vec<ProjectRecord>,
    pub(crate) events: Vec<EventRecord>,
    pub(crate) memberships: Vec<MembershipRecord>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "Alternative_{T}"))]
#[serde(deny_unknown_fields)]
pub(crate) struct AlternativeRecord<T> {
    pub(crate) value: T,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
}

fn alternatives_out<T: Clone, W>(
    c: Option<&Claimed<T>>,
    wrap: impl Fn(T) -> W,
) -> Vec<AlternativeRecord<W>> {
    c.map(|c| {
        c.alternatives()
            .iter()
            .map(|a| AlternativeRecord {
                value: wrap(a.value().clone()),
                sources: a.sources().to_vec(),
                note: a.note().map(str::to_owned),
            })
            .collect()
    })
    .unwrap_or_default()
}

/// The sources named for a claim's preferred value, for writing.
fn claimed_sources<T>(c: Option<&Claimed<T>>) -> Vec<Source> {
    c.map(|c| c.sources().to_vec()).unwrap_or_default()
}

fn claimed_in<W, T>(
    value: Option<W>,
    sources: Vec<Source>,
    alternatives: Vec<AlternativeRecord<W>>,
    field: &'static str,
    unwrap: impl Fn(W) -> T,
    issues: &mut Vec<Issue>,
) -> Option<Claimed<T>> {
    let Some(value) = value else {
        if !alternatives.is_empty() {
            issues.push(Issue::new(
                Rule::MissingField,
                FieldPath::key(field),
                format!("`{field}_alternatives` is given without `{field}`; expected the preferred value too"),
            ));
        }
        if !sources.is_empty() {
            issues.push(Issue::new(
                Rule::MissingField,
                FieldPath::key(field),
                format!(
                    "`{field}_sources` is given without `{field}`; expected the value they give"
                ),
            ));
        }
        return None;
    };
    let mut c = Claimed::new(unwrap(value));
    for s in sources {
        c = c.with_source(s);
    }
    for a in alternatives {
        let mut alt = Alternative::new(unwrap(a.value), a.sources);
        if let Some(n) = a.note {
            alt = alt.with_note(n);
        }
        c = c.with_alternative(alt);
    }
    Some(c)
}

/// The fields processes and partners share, as their records give them.
struct ProfileFields {
    name: String,
    other_names: Vec<String>,
    established: Option<PartialDate>,
    established_sources: Vec<Source>,
    established_alternatives: Vec<AlternativeRecord<PartialDate>>,
    status: Option<LifecycleStatus>,
    status_since: Option<PartialDate>,
    stated_member_count: Option<u32>,
    stated_member_count_sources: Vec<Source>,
    stated_member_count_alternatives: Vec<AlternativeRecord<u32>>,
    notes: Vec<String>,
    sources: Sources,
}

/// The shared fields of a process or partner record (`$record`, moved).
macro_rules! profile_fields {
    ($record:ident) => {
        ProfileFields {
            name: $record.name,
            other_names: $record.other_names,
            established: $record.established,
            established_sources: $record.established_sources,
            established_alternatives: $record.established_alternatives,
            status: $record.status,
            status_since: $record.status_since,
            stated_member_count: $record.stated_member_count,
            stated_member_count_sources: $record.stated_member_count_sources,
            stated_member_count_alternatives: $record.stated_member_count_alternatives,
            notes: $record.notes,
            sources: $record.sources,
        }
    };
}

impl ProfileFields {
    /// The profile, or every finding that refuses it.
    fn into_profile(self) -> Result<Profile, Vec<Issue>> {
        let mut issues = Vec::new();
        let established = claimed_in(
            self.established,
            self.established_sources,
            self.established_alternatives,
            "established",
            |d| d,
            &mut issues,
        );
        let stated_member_count = claimed_in(
            self.stated_member_count,
            self.stated_member_count_sources,
            self.stated_member_count_alternatives,
            "stated_member_count",
            |n| n,
            &mut issues,
        );
        if self.status.is_none() && self.status_since.is_some() {
            issues.push(Issue::new(
                Rule::MissingField,
                FieldPath::key("status"),
                "`status_since` is given without `status`",
            ));
        }
        if !issues.is_empty() {
            return Err(issues);
        }
        Ok(Profile {
            name: self.name,
            other_names: self.other_names,
            established,
            status: self.status,
            status_since: self.status_since,
            stated_member_count,
            notes: self.notes,
            sources: self.sources,
        })
    }
}

// ---------------------------------------------------------------- member states

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct StatusRecord {
    status: IomStatusText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    since: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    decided_at: Option<EventId>,
    /// The sources that give this step, where they are known apart from
    /// the state's other facts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Source>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub(crate) struct IomStatusText(IomStatus);

impl TryFrom<String> for IomStatusText {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        IomStatus::parse(&s).map(IomStatusText).ok_or_else(|| {
            format!(
                "invalid IOM status {}: expected \"member\" or \"observer\"",
                crate::text::Excerpt::new(&s)
            )
        })
    }
}

impl From<IomStatusText> for String {
    fn from(s: IomStatusText) -> Self {
        s.0.as_str().to_owned()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct FlagRecord {
    value: bool,
    as_of: PartialDate,
}

/// A flag whose date may be unknown (`as_of` left out).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct UndatedFlagRecord {
    value: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    as_of: Option<PartialDate>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct MemberStateRecord {
    country: CountryCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    other_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    status: Vec<StatusRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    idf_region: Option<IdfRegion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "super::strict::option")]
    idf_line2_eligibility: Option<FlagRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "super::strict::option")]
    gcm_champion: Option<UndatedFlagRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iom_presence_since: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(default, skip_serializing_if = "<[Source]>::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<Source>"))]
    sources: Sources,
}

impl MemberStateRecord {
    pub(crate) fn id(&self) -> CountryCode {
        self.country
    }

    pub(crate) fn from_entity(s: &MemberState) -> Self {
        Self {
            country: s.country(),
            name: (s.name() != s.country().name()).then(|| s.name().to_owned()),
            other_names: s.other_names().to_vec(),
            status: s
                .status_history()
                .iter()
                .map(|c| StatusRecord {
                    status: IomStatusText(c.status()),
                    since: c.since(),
                    decided_at: c.decided_at().cloned(),
                    sources: c.sources().to_vec(),
                })
                .collect(),
            idf_region: s.idf_region().cloned(),
            // Line 2 eligibility is always dated (its builder takes a date).
            idf_line2_eligibility: s.idf_line2_eligibility().and_then(|f| {
                Some(FlagRecord {
                    value: f.value(),
                    as_of: f.as_of()?,
                })
            }),
            gcm_champion: s.gcm_champion().map(|f| UndatedFlagRecord {
                value: f.value(),
                as_of: f.as_of(),
            }),
            iom_presence_since: s.iom_presence_since(),
            notes: s.notes().to_vec(),
            sources: s.sources().iter().cloned().collect(),
        }
    }

    pub(crate) fn into_entity(self) -> Result<MemberState, BuildError> {
        let mut b = MemberState::builder(self.country);
        if let Some(n) = self.name {
            b = b.name(n);
        }
        for n in self.other_names {
            b = b.other_name(n);
        }
        for s in self.status {
            let mut step = StatusChange::new(s.status.0, s.since);
            if let Some(e) = s.decided_at {
                step = step.with_decided_at(e);
            }
            for source in s.sources {
                step = step.with_source(source);
            }
            b = b.status_change(step);
        }
        if let Some(r) = self.idf_region {
            b = b.idf_region(r);
        }
        if let Some(f) = self.idf_line2_eligibility {
            b = b.idf_line2_eligibility(f.value, f.as_of);
        }
        if let Some(f) = self.gcm_champion {
            b = b.gcm_champion(f.value, f.as_of);
        }
        if let Some(d) = self.iom_presence_since {
            b = b.iom_presence_since(d);
        }
        for n in self.notes {
            b = b.note(n);
        }
        b = b.extend_sources(self.sources);
        b.build()
    }
}

// ---------------------------------------------------------------- processes and partners

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct ProcessRecord {
    id: ProcessId,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    other_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<ProcessKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    established: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    established_sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    established_alternatives: Vec<AlternativeRecord<PartialDate>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    secretariat: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    linked_organizations: Vec<PartnerId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<LifecycleStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status_since: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stated_member_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    stated_member_count_sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    stated_member_count_alternatives: Vec<AlternativeRecord<u32>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(default, skip_serializing_if = "<[Source]>::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<Source>"))]
    sources: Sources,
}

impl ProcessRecord {
    pub(crate) fn id(&self) -> ProcessId {
        self.id.clone()
    }

    pub(crate) fn from_entity(p: &Rcp) -> Self {
        Self {
            id: p.id().clone(),
            name: p.name().to_owned(),
            other_names: p.other_names().to_vec(),
            kind: p.kind().cloned(),
            region: p.region().map(str::to_owned),
            established: p.established().map(|c| *c.value()),
            established_sources: claimed_sources(p.established()),
            established_alternatives: alternatives_out(p.established(), |d| d),
            secretariat: p.secretariat().map(str::to_owned),
            linked_organizations: p.linked_organizations().to_vec(),
            status: p.status().cloned(),
            status_since: p.status_since(),
            stated_member_count: p.stated_member_count().map(|c| *c.value()),
            stated_member_count_sources: claimed_sources(p.stated_member_count()),
            stated_member_count_alternatives: alternatives_out(p.stated_member_count(), |n| n),
            notes: p.notes().to_vec(),
            sources: p.sources().iter().cloned().collect(),
        }
    }

    pub(crate) fn into_entity(self) -> Result<Rcp, Vec<Issue>> {
        let profile = profile_fields!(self).into_profile()?;
        let mut b = Rcp::builder(self.id, String::new()).with_profile(profile);
        if let Some(k) = self.kind {
            b = b.kind(k);
        }
        if let Some(r) = self.region {
            b = b.region(r);
        }
        if let Some(s) = self.secretariat {
            b = b.secretariat(s);
        }
        for o in self.linked_organizations {
            b = b.linked_organization(o);
        }
        b.build().map_err(BuildError::into_issues)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct FigureRecord {
    metric: Metric,
    value: u64,
    bound: BoundText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    as_of: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Source>,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub(crate) struct BoundText(Bound);

impl TryFrom<String> for BoundText {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Bound::parse(&s).map(BoundText).ok_or_else(|| {
            format!(
                "invalid bound {}: expected \"exact\", \"at_least\" or \"more_than\"",
                crate::text::Excerpt::new(&s)
            )
        })
    }
}

impl From<BoundText> for String {
    fn from(b: BoundText) -> Self {
        b.0.as_str().to_owned()
    }
}

/// A period's `end` field as written: a date (`"2003"`), or `".."` for a
/// period still running. A missing `end` is an unknown end.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub(crate) struct EndText(PeriodEnd);

impl EndText {
    /// The field for a period's end: `None` (left out) for an unknown end.
    fn from_period(p: &Period) -> Option<Self> {
        match p.ending() {
            PeriodEnd::Unknown => None,
            end => Some(Self(end)),
        }
    }
}

impl TryFrom<String> for EndText {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if s == ".." {
            return Ok(Self(PeriodEnd::Open));
        }
        s.parse::<PartialDate>()
            .map(|d| Self(PeriodEnd::On(d)))
            .map_err(|e| e.to_string())
    }
}

impl From<EndText> for String {
    fn from(e: EndText) -> Self {
        match e.0 {
            PeriodEnd::On(d) => d.to_string(),
            PeriodEnd::Open => "..".to_owned(),
            // Never written: an unknown end is a missing field.
            PeriodEnd::Unknown => String::new(),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct PartnerRecord {
    id: PartnerId,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    other_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<PartnerKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    headquarters: Option<CountryCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    established: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    established_sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    established_alternatives: Vec<AlternativeRecord<PartialDate>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<LifecycleStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status_since: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stated_member_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    stated_member_count_sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    stated_member_count_alternatives: Vec<AlternativeRecord<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iom_relationship: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    figures: Vec<FigureRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(default, skip_serializing_if = "<[Source]>::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<Source>"))]
    sources: Sources,
}

impl PartnerRecord {
    pub(crate) fn id(&self) -> PartnerId {
        self.id.clone()
    }

    pub(crate) fn from_entity(p: &Partner) -> Self {
        Self {
            id: p.id().clone(),
            name: p.name().to_owned(),
            other_names: p.other_names().to_vec(),
            kind: p.kind().cloned(),
            headquarters: p.headquarters(),
            established: p.established().map(|c| *c.value()),
            established_sources: claimed_sources(p.established()),
            established_alternatives: alternatives_out(p.established(), |d| d),
            status: p.status().cloned(),
            status_since: p.status_since(),
            stated_member_count: p.stated_member_count().map(|c| *c.value()),
            stated_member_count_sources: claimed_sources(p.stated_member_count()),
            stated_member_count_alternatives: alternatives_out(p.stated_member_count(), |n| n),
            iom_relationship: p.iom_relationship().map(str::to_owned),
            figures: p
                .figures()
                .iter()
                .map(|f| FigureRecord {
                    metric: f.metric().clone(),
                    value: f.value(),
                    bound: BoundText(f.bound()),
                    as_of: f.as_of(),
                    sources: f.sources().to_vec(),
                })
                .collect(),
            notes: p.notes().to_vec(),
            sources: p.sources().iter().cloned().collect(),
        }
    }

    pub(crate) fn into_entity(self) -> Result<Partner, Vec<Issue>> {
        let profile = profile_fields!(self).into_profile()?;
        let mut b = Partner::builder(self.id, String::new()).with_profile(profile);
        if let Some(k) = self.kind {
            b = b.kind(k);
        }
        if let Some(h) = self.headquarters {
            b = b.headquarters(h);
        }
        if let Some(r) = self.iom_relationship {
            b = b.iom_relationship(r);
        }
        for f in self.figures {
            let mut fig = Figure::new(f.metric, f.value, f.bound.0);
            if let Some(d) = f.as_of {
                fig = fig.with_as_of(d);
            }
            for s in f.sources {
                fig = fig.with_source(s);
            }
            b = b.figure(fig);
        }
        b.build().map_err(BuildError::into_issues)
    }
}

// ---------------------------------------------------------------- projects

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct ExternalIdRecord {
    /// `idf` (an IOM Development Fund code, `E40-800` or `LM.0123`, read in
    /// any case), `prima` (a Prima ID, `HN10P0503`, read in any case), or
    /// another scheme's name.
    scheme: String,
    /// The identifier.
    value: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct AmountRecord {
    kind: AmountKind,
    amount: DecimalText,
    currency: Currency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct ProjectPartyRecord {
    partner: PartnerId,
    role: ProjectRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl ExternalIdRecord {
    /// The finding of a record that makes no external identifier, at its
    /// place `at` in the project.
    fn issue(&self, at: FieldPath) -> Issue {
        match (self.value.parse::<IdfCode>(), self.value.parse::<PrimaId>()) {
            (Err(err), _) if self.scheme == "idf" => {
                Issue::new(Rule::InvalidValue, at.join("value"), err.to_string())
            }
            (_, Err(err)) if self.scheme == "prima" => {
                Issue::new(Rule::InvalidValue, at.join("value"), err.to_string())
            }
            _ => Issue::new(
                Rule::BlankText,
                at,
                "an external identifier needs a non-blank scheme and value",
            ),
        }
    }
}

/// A project's external identifiers as read: each record becomes its
/// identifier as soon as it is read; a record that makes none is kept, at
/// its position, for its finding. Made from an entity, it holds the
/// identifiers to write.
#[derive(Clone, Debug, Default)]
pub(crate) struct ExternalIds {
    ids: Vec<ExternalId>,
    faults: Vec<(usize, ExternalIdRecord)>,
}

impl ExternalIds {
    fn is_empty(&self) -> bool {
        self.ids.is_empty() && self.faults.is_empty()
    }

    /// The identifiers, and the finding of each record that makes none.
    fn into_parts(self) -> (Vec<ExternalId>, Vec<Issue>) {
        let issues = self
            .faults
            .iter()
            .map(|(i, record)| record.issue(FieldPath::key("external_ids").join(*i)))
            .collect();
        (self.ids, issues)
    }
}

impl Serialize for ExternalIds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// An identifier written as an [`ExternalIdRecord`], borrowed.
        #[derive(Serialize)]
        struct Out<'a> {
            scheme: &'a str,
            value: &'a str,
        }
        s.collect_seq(self.ids.iter().map(|e| Out {
            scheme: e.scheme(),
            value: e.value(),
        }))
    }
}

impl<'de> Deserialize<'de> for ExternalIds {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut out = ExternalIds::default();
        for (i, record) in super::strict::vec::<_, ExternalIdRecord>(d)?
            .into_iter()
            .enumerate()
        {
            if record.scheme == "idf" {
                match record.value.parse::<IdfCode>() {
                    Ok(code) => out.ids.push(ExternalId::Idf(code)),
                    Err(_) => out.faults.push((i, record)),
                }
            } else if record.scheme == "prima" {
                match record.value.parse::<PrimaId>() {
                    Ok(id) => out.ids.push(ExternalId::Prima(id)),
                    Err(_) => out.faults.push((i, record)),
                }
            } else if record.scheme.trim().is_empty() || record.value.trim().is_empty() {
                out.faults.push((i, record));
            } else {
                out.ids.push(ExternalId::Other {
                    scheme: record.scheme,
                    value: record.value,
                });
            }
        }
        Ok(out)
    }
}

impl Nest for AmountRecord {
    type Value = Amount;

    fn into_value(self) -> Amount {
        let amount = Amount::new(self.kind, Money::new(self.amount.0, self.currency));
        match self.note {
            Some(n) => amount.with_note(n),
            None => amount,
        }
    }

    fn from_value(a: &Amount) -> Self {
        Self {
            kind: a.kind().clone(),
            amount: DecimalText(a.money().amount()),
            currency: a.money().currency(),
            note: a.note().map(str::to_owned),
        }
    }
}

impl Nest for ProjectPartyRecord {
    type Value = ProjectParty;

    fn into_value(self) -> ProjectParty {
        let party = ProjectParty::new(self.partner, self.role);
        match self.note {
            Some(n) => party.with_note(n),
            None => party,
        }
    }

    fn from_value(o: &ProjectParty) -> Self {
        Self {
            partner: o.partner().clone(),
            role: o.role().clone(),
            note: o.note().map(str::to_owned),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct ProjectRecord {
    id: ProjectId,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "ExternalIds::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<ExternalIdRecord>"))]
    external_ids: ExternalIds,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<ProjectStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    project_type: Option<ProjectType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<EndText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(range(min = 1)))]
    duration_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Nested::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<AmountRecord>"))]
    amounts: Nested<AmountRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    coverage: Option<Coverage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    idf_region: Option<IdfRegion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    benefiting_states: Vec<CountryCode>,
    #[serde(default, skip_serializing_if = "Nested::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<ProjectPartyRecord>"))]
    organizations: Nested<ProjectPartyRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    related_processes: Vec<ProcessId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(default, skip_serializing_if = "<[Source]>::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<Source>"))]
    sources: Sources,
}

fn period_in(start: Option<PartialDate>, end: Option<EndText>) -> Result<Period, Vec<Issue>> {
    Period::with_end(start, end.map_or(PeriodEnd::Unknown, |e| e.0)).map_err(|e| {
        vec![Issue::new(
            Rule::EndBeforeStart,
            FieldPath::key("end"),
            e.to_string(),
        )]
    })
}

impl ProjectRecord {
    pub(crate) fn id(&self) -> ProjectId {
        self.id.clone()
    }

    pub(crate) fn from_entity(p: &Project) -> Self {
        Self {
            id: p.id().clone(),
            title: p.title().to_owned(),
            description: p.description().map(str::to_owned),
            external_ids: ExternalIds {
                ids: p.external_ids().to_vec(),
                faults: Vec::new(),
            },
            status: p.status().cloned(),
            project_type: p.project_type().cloned(),
            start: p.period().start(),
            end: EndText::from_period(&p.period()),
            year: p.year(),
            duration_months: p.duration_months(),
            amounts: Nested::from_values(p.amounts()),
            coverage: p.coverage().cloned(),
            idf_region: p.idf_region().cloned(),
            benefiting_states: p.benefiting_states().to_vec(),
            organizations: Nested::from_values(p.organizations()),
            related_processes: p.related_processes().to_vec(),
            notes: p.notes().to_vec(),
            sources: p.sources().iter().cloned().collect(),
        }
    }

    pub(crate) fn into_entity(self) -> Result<Project, Vec<Issue>> {
        let mut issues = Vec::new();
        let period = period_in(self.start, self.end);
        let mut b = Project::builder(self.id, self.title);
        if let Some(d) = self.description {
            b = b.description(d);
        }
        let (external_ids, faults) = self.external_ids.into_parts();
        issues.extend(faults);
        b = b.extend_external_ids(external_ids);
        if let Some(s) = self.status {
            b = b.status(s);
        }
        if let Some(t) = self.project_type {
            b = b.project_type(t);
        }
        match period {
            Ok(p) => b = b.period(p),
            Err(e) => issues.extend(e),
        }
        if let Some(y) = self.year {
            b = b.year(y);
        }
        if let Some(m) = self.duration_months {
            b = b.duration_months(m);
        }
        b = b.extend_amounts(self.amounts.into_values());
        if let Some(c) = self.coverage {
            b = b.coverage(c);
        }
        if let Some(r) = self.idf_region {
            b = b.idf_region(r);
        }
        b = b.benefiting(self.benefiting_states);
        b = b
            .extend_organizations(self.organizations.into_values())
            .extend_related_processes(self.related_processes)
            .extend_notes(self.notes)
            .extend_sources(self.sources);
        match b.build() {
            Ok(p) if issues.is_empty() => Ok(p),
            Ok(_) => Err(issues),
            Err(e) => {
                issues.extend(e.into_issues());
                Err(issues)
            }
        }
    }
}

// ---------------------------------------------------------------- events

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct PersonRecord {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    honorific: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    other_names: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    affiliation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organization: Option<PartnerId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<CountryCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    phones: Vec<String>,
}

impl Nest for PersonRecord {
    type Value = Person;

    fn into_value(self) -> Person {
        self.into_entity()
    }

    fn from_value(p: &Person) -> Self {
        Self::from_entity(p)
    }
}

impl PersonRecord {
    fn from_entity(p: &Person) -> Self {
        Self {
            name: p.name().to_owned(),
            honorific: p.honorific().map(str::to_owned),
            other_names: p.other_names().to_vec(),
            title: p.title().map(str::to_owned),
            affiliation: p.affiliation().map(str::to_owned),
            organization: p.organization().cloned(),
            country: p.country(),
            email: p.email().map(str::to_owned),
            phones: p.phones().to_vec(),
        }
    }

    fn into_entity(self) -> Person {
        let mut p = Person::new(self.name);
        if let Some(h) = self.honorific {
            p = p.with_honorific(h);
        }
        for n in self.other_names {
            p = p.with_other_name(n);
        }
        if let Some(t) = self.title {
            p = p.with_title(t);
        }
        if let Some(a) = self.affiliation {
            p = p.with_affiliation(a);
        }
        if let Some(o) = self.organization {
            p = p.with_organization(o);
        }
        if let Some(c) = self.country {
            p = p.with_country(c);
        }
        if let Some(e) = self.email {
            p = p.with_email(e);
        }
        for phone in self.phones {
            p = p.with_phone(phone);
        }
        p
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct PanellistRecord {
    #[serde(deserialize_with = "super::strict::one")]
    person: PersonRecord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<ContributionRole>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    documents: Vec<DocumentKind>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct ContributionRecord {
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<PanellistRecord>"))]
    panellists: Nested<PanellistRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<ContributionRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    topic: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct SessionRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<LocalTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<LocalTime>,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    theme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    format: Option<SessionFormat>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    items: Vec<String>,
    #[serde(default, skip_serializing_if = "Nested::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<ContributionRecord>"))]
    panel: Nested<ContributionRecord>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct AgendaDayRecord {
    date: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Nested::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<SessionRecord>"))]
    sessions: Nested<SessionRecord>,
}

impl Nest for PanellistRecord {
    type Value = Panellist;

    fn into_value(self) -> Panellist {
        let mut p = Panellist::new(self.person.into_entity());
        if let Some(r) = self.role {
            p = p.with_role(r);
        }
        p.with_documents(self.documents)
    }

    fn from_value(p: &Panellist) -> Self {
        Self {
            person: PersonRecord::from_entity(p.person()),
            role: p.role().cloned(),
            documents: p.documents().to_vec(),
        }
    }
}

impl Nest for ContributionRecord {
    type Value = Contribution;

    fn into_value(self) -> Contribution {
        let mut contribution = Contribution::new(self.panellists.into_values());
        if let Some(r) = self.role {
            contribution = contribution.with_role(r);
        }
        match self.topic {
            Some(t) => contribution.with_topic(t),
            None => contribution,
        }
    }

    fn from_value(c: &Contribution) -> Self {
        Self {
            panellists: Nested::from_values(c.panellists()),
            role: c.role().cloned(),
            topic: c.topic().map(str::to_owned),
        }
    }
}

impl Nest for SessionRecord {
    type Value = Session;

    fn into_value(self) -> Session {
        let mut session = match self.start {
            Some(start) => Session::new(start, self.title),
            None => Session::untimed(self.title),
        };
        if let Some(e) = self.end {
            session = session.with_end(e);
        }
        if let Some(n) = self.number {
            session = session.with_number(n);
        }
        if let Some(t) = self.theme {
            session = session.with_theme(t);
        }
        if let Some(f) = self.format {
            session = session.with_format(f);
        }
        session
            .extend_items(self.items)
            .extend_panel(self.panel.into_values())
    }

    fn from_value(s: &Session) -> Self {
        Self {
            start: s.start(),
            end: s.end(),
            title: s.title().to_owned(),
            number: s.number(),
            theme: s.theme().map(str::to_owned),
            format: s.format().cloned(),
            items: s.items().to_vec(),
            panel: Nested::from_values(s.panel()),
        }
    }
}

impl Nest for AgendaDayRecord {
    type Value = AgendaDay;

    fn into_value(self) -> AgendaDay {
        let mut day = AgendaDay::new(self.date);
        if let Some(t) = self.title {
            day = day.with_title(t);
        }
        day.extend_sessions(self.sessions.into_values())
    }

    fn from_value(d: &AgendaDay) -> Self {
        Self {
            date: d.date(),
            title: d.title().map(str::to_owned),
            sessions: Nested::from_values(d.sessions()),
        }
    }
}

/// A party as a one-key object: `{"state": "SEN"}`; a group of states
/// defined by a body: `{"members_of": {"process": "CP"}}`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub(crate) enum PartyRecord {
    State(CountryCode),
    Partner(PartnerId),
    Process(ProcessId),
    /// The members of a body (a process or a partner).
    MembersOf(BodyRecord),
}

/// The body of a group as a one-key object: `{"process": "CP"}` or
/// `{"partner": "GCC"}` (a state or another group is not a body).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub(crate) enum BodyRecord {
    Partner(PartnerId),
    Process(ProcessId),
}

impl PartyRecord {
    pub(crate) fn from_entity(p: &Party) -> Self {
        match p {
            Party::State(c) => Self::State(*c),
            Party::Partner(id) => Self::Partner(id.clone()),
            Party::Process(id) => Self::Process(id.clone()),
            Party::MembersOf(Body::Partner(id)) => Self::MembersOf(BodyRecord::Partner(id.clone())),
            Party::MembersOf(Body::Process(id)) => Self::MembersOf(BodyRecord::Process(id.clone())),
        }
    }

    pub(crate) fn into_entity(self) -> Party {
        match self {
            Self::State(c) => Party::State(c),
            Self::Partner(id) => Party::Partner(id),
            Self::Process(id) => Party::Process(id),
            Self::MembersOf(BodyRecord::Partner(id)) => Party::MembersOf(Body::Partner(id)),
            Self::MembersOf(BodyRecord::Process(id)) => Party::MembersOf(Body::Process(id)),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct EventPartyRecord {
    party: PartyRecord,
    role: EventRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    programme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Nest for EventPartyRecord {
    type Value = EventParty;

    fn into_value(self) -> EventParty {
        let mut party = EventParty::new(self.party.into_entity(), self.role);
        if let Some(prog) = self.programme {
            party = party.with_programme(prog);
        }
        if let Some(n) = self.note {
            party = party.with_note(n);
        }
        party
    }

    fn from_value(p: &EventParty) -> Self {
        Self {
            party: PartyRecord::from_entity(p.party()),
            role: p.role().clone(),
            programme: p.programme().map(str::to_owned),
            note: p.note().map(str::to_owned),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RelatedEventRecord {
    event: EventId,
    relation: EventRelation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomeRecord {
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<OutcomeKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<UrlText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct EventRecord {
    id: EventId,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<EventKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<EventDateText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    start_sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    start_alternatives: Vec<AlternativeRecord<EventDateText>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<EventDateText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(range(min = 1)))]
    duration_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    number: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    theme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participant_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<CountryCode>,
    #[serde(default, skip_serializing_if = "is_false")]
    online: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time_zone: Option<String>,
    #[serde(default, skip_serializing_if = "Nested::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<EventPartyRecord>"))]
    parties: Nested<EventPartyRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    related_projects: Vec<ProjectId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    related_events: Vec<RelatedEventRecord>,
    #[serde(default, skip_serializing_if = "Nested::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<PersonRecord>"))]
    speakers: Nested<PersonRecord>,
    #[serde(default, skip_serializing_if = "Nested::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<PersonRecord>"))]
    contacts: Nested<PersonRecord>,
    #[serde(default, skip_serializing_if = "Nested::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<AgendaDayRecord>"))]
    agenda: Nested<AgendaDayRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[serde(deserialize_with = "super::strict::vec")]
    outcomes: Vec<OutcomeRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(default, skip_serializing_if = "<[Source]>::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<Source>"))]
    sources: Sources,
}

impl EventRecord {
    pub(crate) fn id(&self) -> EventId {
        self.id.clone()
    }

    pub(crate) fn from_entity(e: &Event) -> Self {
        Self {
            id: e.id().clone(),
            title: e.title().to_owned(),
            kind: e.kind().cloned(),
            description: e.description().map(str::to_owned),
            start: e.start().map(|c| EventDateText(*c.value())),
            start_sources: claimed_sources(e.start()),
            start_alternatives: alternatives_out(e.start(), EventDateText),
            end: e.end().map(EventDateText),
            duration_days: e.duration_days(),
            number: e.number(),
            theme: e.theme().map(str::to_owned),
            participant_count: e.participant_count(),
            city: e.city().map(str::to_owned),
            country: e.country(),
            online: e.is_online(),
            time_zone: e.time_zone().map(str::to_owned),
            parties: Nested::from_values(e.parties()),
            related_projects: e.related_projects().to_vec(),
            related_events: e
                .related_events()
                .iter()
                .map(|r| RelatedEventRecord {
                    event: r.event().clone(),
                    relation: r.relation().clone(),
                    note: r.note().map(str::to_owned),
                })
                .collect(),
            speakers: Nested::from_values(e.speakers()),
            contacts: Nested::from_values(e.contacts()),
            agenda: Nested::from_values(e.agenda()),
            outcomes: e
                .outcomes()
                .iter()
                .map(|o| OutcomeRecord {
                    title: o.title().to_owned(),
                    kind: o.kind().cloned(),
                    url: o.url().map(|u| UrlText(u.to_owned())),
                    note: o.note().map(str::to_owned),
                })
                .collect(),
            notes: e.notes().to_vec(),
            sources: e.sources().iter().cloned().collect(),
        }
    }

    pub(crate) fn into_entity(self) -> Result<Event, Vec<Issue>> {
        let mut issues = Vec::new();
        let start = claimed_in(
            self.start,
            self.start_sources,
            self.start_alternatives,
            "start",
            |d| d.0,
            &mut issues,
        );
        if !issues.is_empty() {
            return Err(issues);
        }
        let mut b = Event::builder(self.id, self.title);
        if let Some(k) = self.kind {
            b = b.kind(k);
        }
        if let Some(d) = self.description {
            b = b.description(d);
        }
        if let Some(s) = start {
            b = b.start(s);
        }
        if let Some(e) = self.end {
            b = b.end(e.0);
        }
        if let Some(d) = self.duration_days {
            b = b.duration_days(d);
        }
        if let Some(n) = self.number {
            b = b.number(n);
        }
        if let Some(t) = self.theme {
            b = b.theme(t);
        }
        if let Some(n) = self.participant_count {
            b = b.participant_count(n);
        }
        if let Some(c) = self.city {
            b = b.city(c);
        }
        if let Some(c) = self.country {
            b = b.country(c);
        }
        b = b.online(self.online);
        if let Some(tz) = self.time_zone {
            b = b.time_zone(tz);
        }
        for r in self.related_events {
            let mut related = RelatedEvent::new(r.event, r.relation);
            if let Some(n) = r.note {
                related = related.with_note(n);
            }
            b = b.related_event(related);
        }
        for o in self.outcomes {
            let mut outcome = Outcome::new(o.title);
            if let Some(k) = o.kind {
                outcome = outcome.with_kind(k);
            }
            if let Some(u) = o.url {
                outcome = outcome.with_url(u.0);
            }
            if let Some(n) = o.note {
                outcome = outcome.with_note(n);
            }
            b = b.outcome(outcome);
        }
        b = b
            .extend_parties(self.parties.into_values())
            .extend_related_projects(self.related_projects)
            .extend_speakers(self.speakers.into_values())
            .extend_contacts(self.contacts.into_values())
            .extend_agenda(self.agenda.into_values())
            .extend_notes(self.notes)
            .extend_sources(self.sources);
        b.build().map_err(BuildError::into_issues)
    }
}

// ---------------------------------------------------------------- memberships

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct DisputeRecord {
    note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Source>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct MembershipRecord {
    member: PartyRecord,
    body: PartyRecord,
    role: MembershipRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<EndText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    as_of: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "super::strict::option")]
    dispute: Option<DisputeRecord>,
    #[serde(default, skip_serializing_if = "<[Source]>::is_empty")]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<Source>"))]
    sources: Sources,
}

impl MembershipRecord {
    pub(crate) fn from_entity(m: &Membership) -> Self {
        Self {
            member: PartyRecord::from_entity(m.member()),
            body: PartyRecord::from_entity(m.body()),
            role: m.role().clone(),
            scope: m.scope().map(str::to_owned),
            start: m.period().start(),
            end: EndText::from_period(&m.period()),
            as_of: m.as_of(),
            note: m.note().map(str::to_owned),
            dispute: m.dispute().map(|d| DisputeRecord {
                note: d.note().to_owned(),
                sources: d.sources().to_vec(),
            }),
            sources: m.sources().iter().cloned().collect(),
        }
    }

    pub(crate) fn into_entity(self) -> Result<Membership, Vec<Issue>> {
        let period = period_in(self.start, self.end)?;
        let mut b = Membership::builder(
            self.member.into_entity(),
            self.body.into_entity(),
            self.role,
        )
        .period(period);
        if let Some(s) = self.scope {
            b = b.scope(s);
        }
        if let Some(d) = self.as_of {
            b = b.as_of(d);
        }
        if let Some(n) = self.note {
            b = b.note(n);
        }
        if let Some(d) = self.dispute {
            b = b.dispute(Dispute::new(d.note, d.sources));
        }
        b.extend_sources(self.sources)
            .build()
            .map_err(BuildError::into_issues)
    }
}
