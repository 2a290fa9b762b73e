//! Memberships: who belongs to, observes or chairs which body, and when.

use crate::codelist::MembershipRole;
use crate::entity::Party;
use crate::entity::findings::Findings;
use crate::problem::{BuildError, FieldPath, Issue, Rule};
use crate::value::Sources;
use crate::value::{PartialDate, Period, Source};

/// A source-backed doubt about a record: other sources that contradict it.
///
/// The Abu Dhabi Dialogue's membership differs between its own two websites;
/// a membership that only one of them gives carries a `Dispute` naming the other.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Dispute {
    note: String,
    sources: Vec<Source>,
}

impl Dispute {
    /// A doubt described by `note`, raised by `sources`.
    pub fn new(note: impl Into<String>, sources: Vec<Source>) -> Self {
        Self {
            note: note.into(),
            sources,
        }
    }

    /// What the other sources say.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The sources that contradict the record.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
}

/// Who (a state or an organisation) belongs to what (a consultative process
/// or an organisation), in which role, over which period.
///
/// Membership is a relation of its own, as in the Popolo and W3C organisation
/// vocabularies: Senegal is a member of MIDWA; ECOWAS is a member organisation
/// of MIDWA; Kenya chaired the RMFM from 2020 to 2022; a thematic working
/// group's chair has the role `working_group_chair` and the group's name as
/// its `scope`. The same state may chair several times: each term is a
/// membership of its own.
///
/// # Examples
///
/// ```
/// use migov::codelist::MembershipRole;
/// use migov::{CountryCode, Membership, Party, Period, ProcessId};
///
/// let chair = Membership::builder(
///     Party::State(CountryCode::from_alpha3("KEN")?),
///     Party::Process(ProcessId::new("RMFM")?),
///     MembershipRole::Chair,
/// )
/// .period(Period::new(Some("2020".parse()?), Some("2022".parse()?))?)
/// .build()?;
/// assert!(chair.period().contains("2021".parse()?).is_yes());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Serde
///
/// Serialises as its record in the [dataset format](crate::json) (an element
/// of a file's `memberships` array); deserialising reads that record and checks it
/// as [`MembershipBuilder::build`] does, refusing a membership that breaks a rule with
/// every finding's rule, path and message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Membership {
    member: Party,
    body: Party,
    role: MembershipRole,
    period: Period,
    /// Scope, note, dispute and date of the source: rare, so kept out of line.
    extras: Option<Box<Extras>>,
    sources: Sources,
    warnings: Vec<Issue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Extras {
    scope: Option<String>,
    note: Option<String>,
    dispute: Option<Dispute>,
    as_of: Option<PartialDate>,
}

impl Membership {
    /// Starts a membership of `member` in `body` with `role`.
    pub fn builder(member: Party, body: Party, role: MembershipRole) -> MembershipBuilder {
        MembershipBuilder {
            member,
            body,
            role,
            scope: None,
            period: Period::unknown(),
            as_of: None,
            note: None,
            dispute: None,
            sources: Sources::default(),
        }
    }

    /// Who belongs: a state, an organisation, or a group of states defined
    /// by another body ([`Party::MembersOf`]).
    pub fn member(&self) -> &Party {
        &self.member
    }

    /// To what: a consultative process or an organisation.
    pub fn body(&self) -> &Party {
        &self.body
    }

    /// In which role.
    pub fn role(&self) -> &MembershipRole {
        &self.role
    }

    /// Where the role applies within the body (a working group, a region), if narrower than the body.
    pub fn scope(&self) -> Option<&str> {
        self.extras.as_ref().and_then(|e| e.scope.as_deref())
    }

    /// When: start and end, each possibly partial or unknown.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The date at which the source states the membership, where it gives
    /// one instead of (or besides) a period: a page's "current chair", as
    /// of the page's date. The dataset then answers for that date only:
    /// the bounds of the period the source does not give are taken to be
    /// this date (see [`Dataset::effective_period`](crate::dataset::Dataset::effective_period)).
    pub fn as_of(&self) -> Option<PartialDate> {
        self.extras.as_ref().and_then(|e| e.as_of)
    }

    /// A note (for example the date basis of a member list: "IOM page, c. 2024-2025").
    pub fn note(&self) -> Option<&str> {
        self.extras.as_ref().and_then(|e| e.note.as_deref())
    }

    /// Sources that contradict this membership, if any.
    pub fn dispute(&self) -> Option<&Dispute> {
        self.extras.as_ref().and_then(|e| e.dispute.as_ref())
    }

    /// Where the membership comes from.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The sources that give this membership: its [`sources`](Self::sources)
    /// less those of its [`dispute`](Self::dispute) (a page that
    /// contradicts the membership is not counted for it). O(k) expected.
    pub fn backing_sources(&self) -> Vec<&Source> {
        match self.dispute() {
            None => self.sources.iter().collect(),
            Some(d) => {
                let against: std::collections::HashSet<&Source> = d.sources().iter().collect();
                self.sources
                    .iter()
                    .filter(|s| !against.contains(s))
                    .collect()
            }
        }
    }

    /// Findings that did not refuse the record.
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    /// The fields that identify a membership (for sorting and repeats).
    #[allow(clippy::type_complexity)]
    pub(crate) fn key(
        &self,
    ) -> (
        &Party,
        &Party,
        &MembershipRole,
        Option<&str>,
        Period,
        Option<PartialDate>,
    ) {
        (
            &self.body,
            &self.member,
            &self.role,
            self.scope(),
            self.period,
            self.as_of(),
        )
    }

    /// This membership and `other`, the same fact (the same [`key`](Self::key))
    /// from other sources, as one record: the sources of both, each once
    /// and in order; the notes of both (joined by `"; "` when they differ);
    /// the disputes of both likewise.
    pub(crate) fn merged(mut self, other: Membership) -> Membership {
        let mut sources: Vec<Source> = self.sources.to_vec();
        for s in other.sources.iter() {
            if !sources.contains(s) {
                sources.push(s.clone());
            }
        }
        self.sources = Sources::from(sources);
        if !self.sources.is_empty() {
            self.warnings.retain(|w| w.rule() != Rule::NoSource);
        }
        let Some(theirs) = other.extras else {
            return self;
        };
        let Extras { note, dispute, .. } = *theirs;
        let mine = self.extras.get_or_insert_with(|| {
            Box::new(Extras {
                scope: None,
                note: None,
                dispute: None,
                as_of: None,
            })
        });
        mine.note = join_notes(mine.note.take(), note);
        mine.dispute = match (mine.dispute.take(), dispute) {
            (Some(a), Some(b)) => {
                let mut sources = a.sources;
                for s in b.sources {
                    if !sources.contains(&s) {
                        sources.push(s);
                    }
                }
                let note = join_notes(Some(a.note), Some(b.note)).unwrap_or_default();
                Some(Dispute { note, sources })
            }
            (a, b) => a.or(b),
        };
        self
    }
}

/// Two notes as one: either, or both joined by `"; "` when they differ.
fn join_notes(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}

/// Builds a [`Membership`].
///
/// # Examples
///
/// ```
/// use migov::codelist::MembershipRole;
/// use migov::{CountryCode, Membership, Party, ProcessId, Source};
///
/// let senegal = Party::State(CountryCode::from_alpha3("SEN")?);
/// let midwa = Party::Process(ProcessId::new("MIDWA")?);
/// let membership = Membership::builder(senegal.clone(), midwa.clone(), MembershipRole::Member)
///     .period("2001/..".parse()?)
///     .source(Source::new("https://www.iom.int/")?)
///     .build()?;
/// assert_eq!(membership.member(), &senegal);
///
/// // A body cannot be a member of itself.
/// let err = Membership::builder(midwa.clone(), midwa, MembershipRole::Member).build().unwrap_err();
/// assert!(err.errors().next().is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct MembershipBuilder {
    member: Party,
    body: Party,
    role: MembershipRole,
    scope: Option<String>,
    period: Period,
    as_of: Option<PartialDate>,
    note: Option<String>,
    dispute: Option<Dispute>,
    sources: Sources,
}

impl MembershipBuilder {
    /// Sets the date at which the source states the membership ("current
    /// chair" on a page of that date); see [`Membership::as_of`].
    pub fn as_of(mut self, date: PartialDate) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Sets the period (default: start and end unknown).
    pub fn period(mut self, period: Period) -> Self {
        self.period = period;
        self
    }

    /// Narrows the role to part of the body (a working group's name).
    pub fn scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = Some(scope.into());
        self
    }

    /// Sets a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Records sources that contradict this membership.
    pub fn dispute(mut self, dispute: Dispute) -> Self {
        self.dispute = Some(dispute);
        self
    }

    /// Adds a source.
    pub fn source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// Adds sources, taking the list whole when there are none yet.
    pub(crate) fn extend_sources(mut self, items: Sources) -> Self {
        self.sources.append(items);
        self
    }

    /// Checks the membership.
    ///
    /// # Errors
    ///
    /// [`BuildError`] listing every finding when one is an error: a party
    /// that is its own member, or a group of the members of the body itself
    /// (`membership.self`), a member that is a process or a body that is a
    /// state or a group (`value.invalid`), blank text
    /// (`text.blank`), a date of the source outside the period it gives
    /// (`membership.as_of_outside_period`).
    pub fn build(self) -> Result<Membership, BuildError> {
        let mut f = Findings::default();
        if self.member == self.body {
            f.push(
                Rule::SelfMembership,
                FieldPath::key("member"),
                format!("{} is given as a member of itself", self.member),
            );
        }
        if matches!(self.member, Party::Process(_)) {
            f.push(
                Rule::InvalidValue,
                FieldPath::key("member"),
                format!(
                    "{} cannot be a member; expected a state or a partner",
                    self.member
                ),
            );
        }
        if matches!(self.body, Party::State(_) | Party::MembersOf(_)) {
            f.push(
                Rule::InvalidValue,
                FieldPath::key("body"),
                format!(
                    "{} cannot have members; expected a process or a partner",
                    self.body
                ),
            );
        }
        if let Some(group) = self.member.group_body()
            && group.to_party() == self.body
        {
            f.push(
                Rule::SelfMembership,
                FieldPath::key("member"),
                format!(
                    "{} are given as a member of {}, which they are by definition",
                    self.member, self.body
                ),
            );
        }
        if let Some(as_of) = self.as_of
            && self.period.contains(as_of).is_no()
        {
            f.push(
                Rule::AsOfOutsidePeriod,
                FieldPath::key("as_of"),
                format!(
                    "the membership is stated as of {as_of}, outside its period {}",
                    self.period
                ),
            );
        }
        if let Some(scope) = &self.scope {
            f.text(|| FieldPath::key("scope"), scope);
        }
        if let Some(note) = &self.note {
            f.text(|| FieldPath::key("note"), note);
        }
        if let Some(d) = &self.dispute {
            f.text(|| FieldPath::key("dispute").join("note"), &d.note);
        }
        f.sources(&self.sources);
        f.code(|| FieldPath::key("role"), &self.role);
        let warnings = f.finish("membership", || {
            format!("{} in {} as {}", self.member, self.body, self.role)
        })?;
        let extras = (self.scope.is_some()
            || self.note.is_some()
            || self.dispute.is_some()
            || self.as_of.is_some())
        .then(|| {
            Box::new(Extras {
                scope: self.scope,
                note: self.note,
                dispute: self.dispute,
                as_of: self.as_of,
            })
        });
        Ok(Membership {
            member: self.member,
            body: self.body,
            role: self.role,
            period: self.period,
            extras,
            sources: self.sources,
            warnings,
        })
    }
}
