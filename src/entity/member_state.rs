//! IOM member and observer states.

use std::fmt;

use crate::codelist::IdfRegion;
use crate::entity::findings::Findings;
use crate::problem::{BuildError, FieldPath, Issue, Rule};
use crate::value::PeriodEnd;
use crate::value::Sources;
use crate::value::{CountryCode, EventId, PartialDate, Period, Source, Truth};

/// A state's standing in IOM: member or observer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum IomStatus {
    /// A Member State of IOM.
    Member,
    /// An observer state of IOM.
    Observer,
}

impl IomStatus {
    /// `"member"` or `"observer"`, the JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Observer => "observer",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "member" => Some(Self::Member),
            "observer" => Some(Self::Observer),
            _ => None,
        }
    }
}

impl fmt::Display for IomStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One step of a state's IOM status history: its status from a date on.
///
/// `since` is `None` when the sources do not give the date (an unknown
/// admission year stays unknown). A step may name the IOM Council session
/// (an event of the dataset) that decided it: the state was admitted at
/// that session. It may name the sources that give it
/// ([`StatusChange::with_source`]): the answers about the step
/// ([`StatusHeld`], the dataset's admissions) credit those, not the whole
/// list of the state's record, which backs its other facts too.
///
/// # Examples
///
/// ```
/// use migov::{EventId, IomStatus, StatusChange};
///
/// let admitted = StatusChange::new(IomStatus::Member, Some("2008-12".parse()?))
///     .with_decided_at(EventId::new("IOM-COUNCIL-96")?);
/// assert_eq!(admitted.decided_at().map(EventId::as_str), Some("IOM-COUNCIL-96"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatusChange {
    status: IomStatus,
    since: Option<PartialDate>,
    decided_at: Option<EventId>,
    sources: Vec<Source>,
}

impl StatusChange {
    /// The status `status` from `since` (if known) on.
    pub fn new(status: IomStatus, since: Option<PartialDate>) -> Self {
        Self {
            status,
            since,
            decided_at: None,
            sources: Vec::new(),
        }
    }

    /// With one more source that gives this step (its status and date).
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// The sources that give this step, and only those (empty where the
    /// data names none for the step itself).
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// With the Council session (an event of the dataset) that decided the
    /// step, such as the session that admitted the state.
    #[must_use]
    pub fn with_decided_at(mut self, event: EventId) -> Self {
        self.decided_at = Some(event);
        self
    }

    /// The event (a Council session) that decided the step, where known.
    pub fn decided_at(&self) -> Option<&EventId> {
        self.decided_at.as_ref()
    }

    /// The status.
    pub fn status(&self) -> IomStatus {
        self.status
    }

    /// Since when, if known.
    pub fn since(&self) -> Option<PartialDate> {
        self.since
    }
}

/// A step of a state's status history that holds at some time during the
/// date asked about (see [`MemberState::status_on`]), with how surely.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusHeld<'a> {
    step: &'a StatusChange,
    certainty: Truth,
}

impl<'a> StatusHeld<'a> {
    /// The step.
    pub fn step(&self) -> &'a StatusChange {
        self.step
    }

    /// [`Truth::Yes`] when the step certainly holds at some time during the
    /// date asked about, [`Truth::Maybe`] when it only may.
    pub fn certainty(&self) -> Truth {
        self.certainty
    }

    /// The step's own sources ([`StatusChange::sources`]).
    pub fn sources(&self) -> Vec<&'a Source> {
        self.step.sources.iter().collect()
    }
}

impl<'a> crate::value::Answer<'a> for StatusHeld<'a> {
    fn sources(&self) -> Vec<&'a Source> {
        StatusHeld::sources(self)
    }

    fn certainty(&self) -> Truth {
        self.certainty
    }
}

/// A yes-or-no fact that holds as of a date, such as eligibility for the
/// IOM Development Fund's Line 2 on the list of August 2024, or as of an
/// unknown date, such as "a Champion country of the GCM" on an undated page.
///
/// Where no source says, migov records no `DatedFlag` at all: unknown is not
/// "false". An unknown date stays unknown: it is never filled in.
///
/// # Examples
///
/// ```
/// use migov::DatedFlag;
///
/// let listed = DatedFlag::new(true, "2023-11".parse()?);
/// assert_eq!(listed.as_of().map(|d| d.to_string()).as_deref(), Some("2023-11"));
/// assert_eq!(DatedFlag::undated(true).as_of(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DatedFlag {
    value: bool,
    as_of: Option<PartialDate>,
}

impl DatedFlag {
    /// `value` as of `as_of`.
    pub fn new(value: bool, as_of: PartialDate) -> Self {
        Self {
            value,
            as_of: Some(as_of),
        }
    }

    /// `value` as of a date the source does not give.
    pub fn undated(value: bool) -> Self {
        Self { value, as_of: None }
    }

    /// The fact.
    pub fn value(&self) -> bool {
        self.value
    }

    /// The date the fact holds at, where the source gives it.
    pub fn as_of(&self) -> Option<PartialDate> {
        self.as_of
    }
}

/// A member or observer state of IOM.
///
/// Built with [`MemberState::builder`]; an invalid record cannot exist.
/// Its IOM status is a history, not one flag: the Russian Federation was an
/// observer from 1992 and became a member in 2020. IOM's presence in the
/// country has a date of its own ("IOM has had a presence in The Gambia
/// since 2001": [`MemberState::iom_presence_since`]).
///
/// # Examples
///
/// ```
/// use migov::{CountryCode, IomStatus, MemberState, Source};
///
/// let rus = MemberState::builder(CountryCode::from_alpha3("RUS")?)
///     .status(IomStatus::Observer, Some("1992".parse()?))
///     .status(IomStatus::Member, Some("2020".parse()?))
///     .source(Source::new("https://tass.com/politics/1227471")?)
///     .build()?;
/// assert_eq!(rus.name(), "Russian Federation");
/// assert_eq!(rus.current_status(), Some(IomStatus::Member));
/// assert!(rus.is_member_on("2021".parse()?).is_yes());
/// assert!(!rus.is_member_on("2010".parse()?).is_possible());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Serde
///
/// Serialises as its record in the [dataset format](crate::json) (an element
/// of a file's `member_states` array); deserialising reads that record and checks it
/// as [`MemberStateBuilder::build`] does, refusing a member state that breaks a rule with
/// every finding's rule, path and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberState {
    country: CountryCode,
    name: String,
    other_names: Vec<String>,
    status: Vec<StatusChange>,
    idf_region: Option<IdfRegion>,
    idf_line2_eligibility: Option<DatedFlag>,
    gcm_champion: Option<DatedFlag>,
    iom_presence_since: Option<PartialDate>,
    notes: Vec<String>,
    sources: Sources,
    warnings: Vec<Issue>,
}

impl MemberState {
    /// Starts a record for `country`.
    pub fn builder(country: CountryCode) -> MemberStateBuilder {
        MemberStateBuilder {
            country,
            name: None,
            other_names: Vec::new(),
            status: Vec::new(),
            idf_region: None,
            idf_line2_eligibility: None,
            gcm_champion: None,
            iom_presence_since: None,
            notes: Vec::new(),
            sources: Sources::default(),
        }
    }

    /// The state's country code: its identifier in a dataset.
    pub fn country(&self) -> CountryCode {
        self.country
    }

    /// The display name (by default the country's current UN/IOM short name).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other spellings seen in sources ("Turkey", "Czech Republic").
    pub fn other_names(&self) -> &[String] {
        &self.other_names
    }

    /// The IOM status history, oldest first.
    pub fn status_history(&self) -> &[StatusChange] {
        &self.status
    }

    /// The latest known status.
    pub fn current_status(&self) -> Option<IomStatus> {
        self.status.last().map(StatusChange::status)
    }

    /// Since when the state has had its current status, if known.
    pub fn current_since(&self) -> Option<PartialDate> {
        self.status.last().and_then(StatusChange::since)
    }

    /// The steps of the history that give the state `status` at some time
    /// during `on`, each with how surely it holds then (steps that
    /// certainly do not are left out) and, through [`StatusHeld::sources`],
    /// the sources of the step. Oldest first; O(h) for h steps.
    ///
    /// Each step lasts from its `since` until the next step's `since`; an
    /// unknown `since` makes the answer at most [`Truth::Maybe`] before the
    /// next step.
    pub fn status_on(
        &self,
        status: IomStatus,
        on: PartialDate,
    ) -> impl Iterator<Item = StatusHeld<'_>> + '_ {
        self.status
            .iter()
            .enumerate()
            .filter(move |(_, step)| step.status == status)
            .filter_map(move |(i, step)| {
                // The last step still holds; an earlier one ended when the
                // next began, on a day that may be unknown.
                let end = match self.status.get(i + 1) {
                    None => PeriodEnd::Open,
                    Some(next) => next.since.map_or(PeriodEnd::Unknown, PeriodEnd::On),
                };
                let certainty = Period::with_end(step.since, end).ok()?.contains(on);
                (certainty != Truth::No).then_some(StatusHeld { step, certainty })
            })
    }

    /// Whether the state held `status` at some time during `on`: the
    /// surest of its [`status_on`](Self::status_on) answers
    /// ([`Truth::No`] when there is none).
    pub fn had_status_on(&self, status: IomStatus, on: PartialDate) -> Truth {
        self.status_on(status, on)
            .fold(Truth::No, |answer, held| answer.or(held.certainty))
    }

    /// Whether the state was an IOM member at some time during `on` (see
    /// [`had_status_on`](Self::had_status_on); the steps behind the answer,
    /// with their sources, are [`status_on`](Self::status_on)'s).
    pub fn is_member_on(&self, on: PartialDate) -> Truth {
        self.had_status_on(IomStatus::Member, on)
    }

    /// The IOM Development Fund region, where a source gives it.
    pub fn idf_region(&self) -> Option<&IdfRegion> {
        self.idf_region.as_ref()
    }

    /// Eligibility for IOM Development Fund Line 2, as of a date, where known.
    pub fn idf_line2_eligibility(&self) -> Option<DatedFlag> {
        self.idf_line2_eligibility
    }

    /// Whether the state is listed as a Global Compact for Migration champion
    /// country, where known, as of a date where a source gives one.
    pub fn gcm_champion(&self) -> Option<DatedFlag> {
        self.gcm_champion
    }

    /// Since when IOM has had a presence (an office, a mission) in the
    /// country, where a source says.
    pub fn iom_presence_since(&self) -> Option<PartialDate> {
        self.iom_presence_since
    }

    /// Notes that travel with the record.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Where the facts come from.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Findings that did not refuse the record (incomplete data).
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }
}

/// Builds a [`MemberState`]; see [`MemberState::builder`].
///
/// # Examples
///
/// ```
/// use migov::{CountryCode, IomStatus, MemberState, Source};
///
/// let state = MemberState::builder(CountryCode::from_alpha3("ATG")?)
///     .status(IomStatus::Member, Some("2011".parse()?))
///     .note("One of the states admitted at the December 2011 Council.")
///     .source(Source::new("https://www.iom.int/")?)
///     .build()?;
/// assert_eq!(state.country().name(), "Antigua and Barbuda");
/// assert!(state.warnings().is_empty());
///
/// // With no source the record is kept, with a warning.
/// let bare = MemberState::builder(CountryCode::from_alpha3("ATG")?).build()?;
/// assert_eq!(bare.warnings()[0].rule().id(), "record.no_source");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct MemberStateBuilder {
    country: CountryCode,
    name: Option<String>,
    other_names: Vec<String>,
    status: Vec<StatusChange>,
    idf_region: Option<IdfRegion>,
    idf_line2_eligibility: Option<DatedFlag>,
    gcm_champion: Option<DatedFlag>,
    iom_presence_since: Option<PartialDate>,
    notes: Vec<String>,
    sources: Sources,
}

impl MemberStateBuilder {
    /// Sets the display name (default: the country's current name).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Adds another spelling seen in a source.
    pub fn other_name(mut self, name: impl Into<String>) -> Self {
        self.other_names.push(name.into());
        self
    }

    /// Adds the next step of the IOM status history (oldest first).
    pub fn status(mut self, status: IomStatus, since: Option<PartialDate>) -> Self {
        self.status.push(StatusChange::new(status, since));
        self
    }

    /// Adds the next step of the IOM status history (oldest first), with
    /// the Council session that decided it where known.
    pub fn status_change(mut self, step: StatusChange) -> Self {
        self.status.push(step);
        self
    }

    /// Sets the IOM Development Fund region.
    pub fn idf_region(mut self, region: IdfRegion) -> Self {
        self.idf_region = Some(region);
        self
    }

    /// Records Line 2 eligibility as of a date.
    pub fn idf_line2_eligibility(mut self, eligible: bool, as_of: PartialDate) -> Self {
        self.idf_line2_eligibility = Some(DatedFlag::new(eligible, as_of));
        self
    }

    /// Records whether the state is listed as a GCM champion, as of a date
    /// where the source gives one (`None`: the date is unknown, as on a page
    /// that calls the state "a Champion country" without a date).
    pub fn gcm_champion(mut self, listed: bool, as_of: Option<PartialDate>) -> Self {
        self.gcm_champion = Some(DatedFlag {
            value: listed,
            as_of,
        });
        self
    }

    /// Records since when IOM has had a presence in the country.
    pub fn iom_presence_since(mut self, since: PartialDate) -> Self {
        self.iom_presence_since = Some(since);
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Adds a source.
    pub fn source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// Adds sources (a `Vec` given to an empty list is taken as it is).
    pub(crate) fn extend_sources(mut self, sources: Sources) -> Self {
        self.sources.append(sources);
        self
    }

    /// Checks the record.
    ///
    /// # Errors
    ///
    /// [`BuildError`] listing every finding when one is an error: a blank
    /// name or note (`text.blank`), a status history out of date order
    /// (`member_state.status_order`). Without sources the record is kept
    /// with a `record.no_source` warning.
    pub fn build(self) -> Result<MemberState, BuildError> {
        let mut f = Findings::default();
        let name = self.name.unwrap_or_else(|| self.country.name().to_owned());
        f.text(|| FieldPath::key("name"), &name);
        f.texts("other_names", &self.other_names);
        f.texts("notes", &self.notes);
        f.sources(&self.sources);
        f.code_opt(|| FieldPath::key("idf_region"), self.idf_region.as_ref());
        for (i, pair) in self.status.windows(2).enumerate() {
            if let [a, b] = pair {
                let out_of_order = match (a.since, b.since) {
                    (Some(x), Some(y)) => y.cmp_known(&x) == Some(std::cmp::Ordering::Less),
                    (Some(_), None) => true,
                    _ => false,
                };
                if out_of_order {
                    f.push(
                        Rule::StatusHistoryOrder,
                        FieldPath::key("status").join(i + 1),
                        format!(
                            "status {} since {} comes after status {} since {}; expected oldest first",
                            b.status,
                            opt(b.since),
                            a.status,
                            opt(a.since)
                        ),
                    );
                }
            }
        }
        let warnings = f.finish("member state", || self.country.alpha3().to_owned())?;
        Ok(MemberState {
            country: self.country,
            name,
            other_names: self.other_names,
            status: self.status,
            idf_region: self.idf_region,
            idf_line2_eligibility: self.idf_line2_eligibility,
            gcm_champion: self.gcm_champion,
            iom_presence_since: self.iom_presence_since,
            notes: self.notes,
            sources: self.sources,
            warnings,
        })
    }
}

fn opt(d: Option<PartialDate>) -> String {
    d.map_or_else(|| "an unknown date".to_owned(), |d| d.to_string())
}
