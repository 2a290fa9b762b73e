//! Projects, such as those of the IOM Development Fund.

use std::fmt;

use crate::codelist::{AmountKind, Coverage, IdfRegion, ProjectRole, ProjectStatus, ProjectType};
use crate::entity::findings::Findings;
use crate::problem::{BuildError, FieldPath, Issue, Rule};
use crate::value::PrimaId;
use crate::value::Sources;
use crate::value::{CountryCode, IdfCode, Money, PartnerId, Period, ProcessId, ProjectId, Source};

/// An identifier a project has in another system.
///
/// IOM Development Fund pages give a code (`E40-800`, or the newer
/// two-letters-dot-four-digits form) and often a "Prima ID" (`HN10P0503`,
/// IOM's project system); other pages carry internal references of their
/// own. A project has migov's own [`ProjectId`] plus any number of these.
///
/// In the JSON format each is `{"scheme", "value"}`: scheme `"idf"` for an
/// [`IdfCode`], `"prima"` for a [`PrimaId`] (both checked when read), any
/// other non-blank scheme for [`ExternalId::Other`].
///
/// # Examples
///
/// ```
/// use migov::{ExternalId, PrimaId};
///
/// let prima = ExternalId::Prima(PrimaId::new("HN10P0503")?);
/// assert_eq!((prima.scheme(), prima.value()), ("prima", "HN10P0503"));
/// assert_eq!(prima.to_string(), "prima:HN10P0503");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ExternalId {
    /// An IOM Development Fund project code.
    Idf(IdfCode),
    /// A project's id in PRIMA, IOM's project system ("Prima ID" on Fund pages).
    Prima(PrimaId),
    /// Another scheme's identifier, as written.
    Other {
        /// The scheme's name, such as `"iom_reference"`.
        scheme: String,
        /// The identifier.
        value: String,
    },
}

impl ExternalId {
    /// The scheme's name: `"idf"` for IOM Development Fund codes, `"prima"`
    /// for Prima ids.
    pub fn scheme(&self) -> &str {
        match self {
            Self::Idf(_) => "idf",
            Self::Prima(_) => "prima",
            Self::Other { scheme, .. } => scheme,
        }
    }

    /// The identifier text.
    pub fn value(&self) -> &str {
        match self {
            Self::Idf(code) => code.as_str(),
            Self::Prima(id) => id.as_str(),
            Self::Other { value, .. } => value,
        }
    }
}

impl fmt::Display for ExternalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.scheme(), self.value())
    }
}

/// An amount of money with its meaning: the IOM Development Fund
/// contribution, a larger project's total budget, ...
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Amount {
    kind: AmountKind,
    money: Money,
    note: Option<String>,
}

impl Amount {
    /// An amount of `kind`.
    pub fn new(kind: AmountKind, money: Money) -> Self {
        Self {
            kind,
            money,
            note: None,
        }
    }

    /// This amount with a note.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// What the amount is.
    pub fn kind(&self) -> &AmountKind {
        &self.kind
    }

    /// The money, exact, with its currency.
    pub fn money(&self) -> &Money {
        &self.money
    }

    /// A note, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// An organisation's part in a project: "funded by the Government of Japan".
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProjectParty {
    partner: PartnerId,
    role: ProjectRole,
    note: Option<String>,
}

impl ProjectParty {
    /// `partner` in `role`.
    pub fn new(partner: PartnerId, role: ProjectRole) -> Self {
        Self {
            partner,
            role,
            note: None,
        }
    }

    /// This part with a note (a programme's name, a detail of the role).
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The organisation.
    pub fn partner(&self) -> &PartnerId {
        &self.partner
    }

    /// Its role.
    pub fn role(&self) -> &ProjectRole {
        &self.role
    }

    /// A note, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl fmt::Display for ProjectParty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as {}", self.partner, self.role)
    }
}

/// A project: an IOM Development Fund project, or any project a source describes.
///
/// Real project pages are uneven, so everything but the identifier and the
/// title may be unknown: status, dates, type, budget. What a real page can
/// lack is a warning, never an error.
///
/// # Examples
///
/// ```
/// use migov::codelist::{AmountKind, Coverage, ProjectStatus};
/// use migov::{Amount, CountryCode, ExternalId, Money, Period, Project, ProjectId};
///
/// let project = Project::builder(ProjectId::new("E40-800")?, "International Migration Policy (IMP) Workshop - West Africa")
///     .external_id(ExternalId::Idf("E40-800".parse()?))
///     .status(ProjectStatus::Completed)
///     .period(Period::new(Some("2001".parse()?), Some("2001".parse()?))?)
///     .amount(Amount::new(AmountKind::Budget, "32000.00 USD".parse::<Money>()?))
///     .coverage(Coverage::Regional)
///     .benefiting_state(CountryCode::from_alpha3("BEN")?)
///     .benefiting_state(CountryCode::from_alpha3("SEN")?)
///     .build()?;
/// assert_eq!(project.amounts()[0].money().to_string(), "32000.00 USD");
/// // No source was given: the record is kept, with a warning.
/// assert_eq!(project.warnings()[0].rule().id(), "record.no_source");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Serde
///
/// Serialises as its record in the [dataset format](crate::json) (an element
/// of a file's `projects` array); deserialising reads that record and checks it
/// as [`ProjectBuilder::build`] does, refusing a project that breaks a rule with
/// every finding's rule, path and message.
///
/// ```
/// use migov::codelist::{AmountKind, Coverage};
/// use migov::{Amount, CountryCode, Project, ProjectId, Source};
///
/// let project = Project::builder(ProjectId::new("E40-800")?, "IMP Workshop - West Africa")
///     .amount(Amount::new(AmountKind::Budget, "32000.00 USD".parse()?))
///     .coverage(Coverage::Regional)
///     .benefiting([CountryCode::from_alpha3("BEN")?, CountryCode::from_alpha3("SEN")?])
///     .source(Source::new("https://www.iom.int/")?)
///     .build()?;
/// let json = serde_json::to_string(&project)?;
/// assert_eq!(
///     json,
///     r#"{"id":"E40-800","title":"IMP Workshop - West Africa","amounts":[{"kind":"budget","amount":"32000.00","currency":"USD"}],"coverage":"regional","benefiting_states":["BEN","SEN"],"sources":["https://www.iom.int/"]}"#
/// );
/// assert_eq!(serde_json::from_str::<Project>(&json)?, project);
///
/// // A state listed twice is refused, with the rule and the place.
/// let twice = r#"{"id": "X", "title": "T", "benefiting_states": ["SEN", "SEN"]}"#;
/// let err = serde_json::from_str::<Project>(twice).err().ok_or("accepted")?;
/// assert!(err.to_string().contains("error [list.duplicate] benefiting_states[1]"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    id: ProjectId,
    title: String,
    description: Option<String>,
    external_ids: Vec<ExternalId>,
    status: Option<ProjectStatus>,
    project_type: Option<ProjectType>,
    period: Period,
    year: Option<i32>,
    duration_months: Option<u32>,
    amounts: Vec<Amount>,
    coverage: Option<Coverage>,
    idf_region: Option<IdfRegion>,
    benefiting_states: Vec<CountryCode>,
    organizations: Vec<ProjectParty>,
    related_processes: Vec<ProcessId>,
    notes: Vec<String>,
    sources: Sources,
    warnings: Vec<Issue>,
}

impl Project {
    /// Starts a project with its identifier and title.
    pub fn builder(id: ProjectId, title: impl Into<String>) -> ProjectBuilder {
        ProjectBuilder {
            project: Project {
                id,
                title: title.into(),
                description: None,
                external_ids: Vec::new(),
                status: None,
                project_type: None,
                period: Period::unknown(),
                year: None,
                duration_months: None,
                amounts: Vec::new(),
                coverage: None,
                idf_region: None,
                benefiting_states: Vec::new(),
                organizations: Vec::new(),
                related_processes: Vec::new(),
                notes: Vec::new(),
                sources: Sources::default(),
                warnings: Vec::new(),
            },
        }
    }

    /// migov's identifier of the project.
    pub fn id(&self) -> &ProjectId {
        &self.id
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// A description, where a source gives one.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Identifiers in other systems (IDF codes, internal references).
    pub fn external_ids(&self) -> &[ExternalId] {
        &self.external_ids
    }

    /// The IOM Development Fund code, if the project has one.
    pub fn idf_code(&self) -> Option<&IdfCode> {
        self.external_ids.iter().find_map(|e| match e {
            ExternalId::Idf(code) => Some(code),
            _ => None,
        })
    }

    /// The Prima id (IOM's project system), if the project has one.
    pub fn prima_id(&self) -> Option<&PrimaId> {
        self.external_ids.iter().find_map(|e| match e {
            ExternalId::Prima(id) => Some(id),
            _ => None,
        })
    }

    /// The status, where known.
    pub fn status(&self) -> Option<&ProjectStatus> {
        self.status.as_ref()
    }

    /// The project type (IDF types such as "Migration Policy Activities"), where known.
    pub fn project_type(&self) -> Option<&ProjectType> {
        self.project_type.as_ref()
    }

    /// Start and end, each possibly partial or unknown.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The "Year" a project page gives, where it gives one: for IOM
    /// Development Fund projects, the year of the allocation, which may
    /// precede the start (a project funded in 2019 may start in 2020).
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    /// How many months the project runs, as a source states it ("the
    /// 12-month IOM project"), whether or not its dates are known.
    pub fn duration_months(&self) -> Option<u32> {
        self.duration_months
    }

    /// Amounts with their meanings.
    pub fn amounts(&self) -> &[Amount] {
        &self.amounts
    }

    /// The first amount of kind `budget`, if any.
    pub fn budget(&self) -> Option<&Money> {
        self.amounts
            .iter()
            .find(|a| *a.kind() == AmountKind::Budget)
            .map(Amount::money)
    }

    /// National, regional or global, where known.
    pub fn coverage(&self) -> Option<&Coverage> {
        self.coverage.as_ref()
    }

    /// The IOM Development Fund region, where known.
    pub fn idf_region(&self) -> Option<&IdfRegion> {
        self.idf_region.as_ref()
    }

    /// The benefiting states (or places), each once, in the source's order.
    pub fn benefiting_states(&self) -> &[CountryCode] {
        &self.benefiting_states
    }

    /// Organisations with their roles.
    pub fn organizations(&self) -> &[ProjectParty] {
        &self.organizations
    }

    /// Partners in `role`.
    pub fn partners_in_role<'a>(
        &'a self,
        role: &'a ProjectRole,
    ) -> impl Iterator<Item = &'a PartnerId> {
        self.organizations
            .iter()
            .filter(move |p| p.role() == role)
            .map(ProjectParty::partner)
    }

    /// Consultative processes the project relates to.
    pub fn related_processes(&self) -> &[ProcessId] {
        &self.related_processes
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

    fn check(&self, f: &mut Findings) {
        f.text(|| FieldPath::key("title"), &self.title);
        if let Some(d) = &self.description {
            f.text(|| FieldPath::key("description"), d);
        }
        f.texts("notes", &self.notes);
        f.sources(&self.sources);
        f.unique("external_ids", &self.external_ids);
        for (i, id) in self.external_ids.iter().enumerate() {
            let ExternalId::Other { scheme, value } = id else {
                continue;
            };
            let at = || FieldPath::key("external_ids").join(i);
            if scheme.trim().is_empty() || value.trim().is_empty() {
                f.push(
                    Rule::BlankText,
                    at(),
                    "an external identifier needs a non-blank scheme and value",
                );
            } else if scheme == "idf" {
                // Written as `{"scheme": "idf"}`, it would read back as an IDF code.
                f.push(
                    Rule::InvalidValue,
                    at().join("scheme"),
                    "the scheme \"idf\" is for IOM Development Fund codes; expected `ExternalId::Idf`",
                );
            } else if scheme == "prima" {
                f.push(
                    Rule::InvalidValue,
                    at().join("scheme"),
                    "the scheme \"prima\" is for Prima ids; expected `ExternalId::Prima`",
                );
            }
        }
        f.unique("benefiting_states", &self.benefiting_states);
        f.unique("organizations", &self.organizations);
        f.unique("related_processes", &self.related_processes);
        f.code_opt(|| FieldPath::key("status"), self.status.as_ref());
        f.code_opt(
            || FieldPath::key("project_type"),
            self.project_type.as_ref(),
        );
        f.code_opt(|| FieldPath::key("coverage"), self.coverage.as_ref());
        f.code_opt(|| FieldPath::key("idf_region"), self.idf_region.as_ref());
        for (i, party) in self.organizations.iter().enumerate() {
            f.code(
                || FieldPath::key("organizations").join(i).join("role"),
                &party.role,
            );
        }
        for (i, amount) in self.amounts.iter().enumerate() {
            f.code(
                || FieldPath::key("amounts").join(i).join("kind"),
                &amount.kind,
            );
            if amount.money.is_negative() {
                f.push(
                    Rule::NegativeBudget,
                    FieldPath::key("amounts").join(i).join("amount"),
                    format!("amount {} is negative; expected zero or more", amount.money),
                );
            }
        }
        if self.status == Some(ProjectStatus::Completed) && self.period.end().is_none() {
            f.push(
                Rule::CompletedWithoutEnd,
                FieldPath::key("end"),
                "the project is completed but no end date is given",
            );
        }
        let n = self.benefiting_states.len();
        match self.coverage {
            Some(Coverage::Regional) if n < 2 => f.push(
                Rule::RegionalFewStates,
                FieldPath::key("benefiting_states"),
                format!("regional coverage with {n} benefiting state(s); expected two or more"),
            ),
            Some(Coverage::National) if n > 1 => f.push(
                Rule::NationalManyStates,
                FieldPath::key("benefiting_states"),
                format!("national coverage with {n} benefiting states; expected one"),
            ),
            _ => {}
        }
        if n == 0 {
            f.push(
                Rule::NoBenefitingState,
                FieldPath::key("benefiting_states"),
                "no benefiting state is named",
            );
        }
        self.check_duration(f);
        if let Some(year) = self.year {
            match crate::value::PartialDate::year_only(year) {
                // The Fund allocates in one year and the project may start in
                // a later one: only a year after the end is out of place.
                Ok(_) => {
                    if let Some(end) = self.period.end()
                        && year > end.year()
                    {
                        f.push(
                            Rule::YearOutsidePeriod,
                            FieldPath::key("year"),
                            format!(
                                "allocation year {year} is after the end {end} of the period {}",
                                self.period
                            ),
                        );
                    }
                }
                Err(e) => f.push(Rule::InvalidValue, FieldPath::key("year"), e.to_string()),
            }
        }
    }
}

impl Project {
    /// A stated length in months: at least one, and, when the start and end
    /// are both known to the month, `n` or `n - 1` where `n` counts the
    /// calendar months from the start's to the end's, both included (a
    /// 12-month project runs April 2015 to March 2016, or 15 April 2015 to
    /// 14 April 2016).
    fn check_duration(&self, f: &mut Findings) {
        let Some(months) = self.duration_months else {
            return;
        };
        if months == 0 {
            f.push(
                Rule::InvalidValue,
                FieldPath::key("duration_months"),
                "a project lasts at least one month; expected 1 or more",
            );
            return;
        }
        let (Some(start), Some(end)) = (self.period.start(), self.period.end()) else {
            return;
        };
        let (Some(sm), Some(em)) = (start.month(), end.month()) else {
            return;
        };
        if start.is_qualified() || end.is_qualified() {
            // An approximate or uncertain month spans no stated number of months.
            return;
        }
        let span = i64::from(end.year() - start.year()) * 12 + i64::from(em) - i64::from(sm) + 1;
        let months = i64::from(months);
        if span >= 1 && (months > span || months + 1 < span) {
            f.push(
                Rule::DurationMismatch,
                FieldPath::key("duration_months"),
                format!(
                    "the project is said to run {months} month(s), but {start} to {end} spans {span} calendar month(s)"
                ),
            );
        }
    }
}

/// Builds a [`Project`].
///
/// Every setter takes a value already checked by its type; [`build`](Self::build)
/// checks the rules that span fields and reports every broken one at once.
///
/// # Examples
///
/// ```
/// use migov::codelist::{AmountKind, ProjectStatus};
/// use migov::{Amount, CountryCode, Project, ProjectId, Source};
///
/// let project = Project::builder(ProjectId::new("E40-800")?, "IMP Workshop - West Africa")
///     .status(ProjectStatus::Completed)
///     .period("2007/2008".parse()?)
///     .amount(Amount::new(AmountKind::Budget, "32000.00 USD".parse()?))
///     .benefiting_state(CountryCode::from_alpha3("GIN")?)
///     .source(Source::new("https://www.iom.int/")?)
///     .build()?;
/// assert_eq!(project.benefiting_states(), [CountryCode::from_alpha3("GIN")?]);
///
/// // A state named twice is refused, and the error names the rule and field.
/// let gin = CountryCode::from_alpha3("GIN")?;
/// let err = Project::builder(ProjectId::new("X")?, "T")
///     .benefiting([gin, gin])
///     .build()
///     .unwrap_err();
/// assert_eq!(err.errors().next().map(|i| i.rule().id()), Some("list.duplicate"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct ProjectBuilder {
    project: Project,
}

impl ProjectBuilder {
    /// Sets the description.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.project.description = Some(text.into());
        self
    }

    /// Adds an identifier from another system.
    pub fn external_id(mut self, id: ExternalId) -> Self {
        self.project.external_ids.push(id);
        self
    }

    /// Sets the status.
    pub fn status(mut self, status: ProjectStatus) -> Self {
        self.project.status = Some(status);
        self
    }

    /// Sets the project type.
    pub fn project_type(mut self, project_type: ProjectType) -> Self {
        self.project.project_type = Some(project_type);
        self
    }

    /// Sets the period.
    pub fn period(mut self, period: Period) -> Self {
        self.project.period = period;
        self
    }

    /// Sets the "Year" the page gives.
    pub fn year(mut self, year: i32) -> Self {
        self.project.year = Some(year);
        self
    }

    /// Sets how many months the project runs ("a 12-month project"), also
    /// when its dates are not known.
    pub fn duration_months(mut self, months: u32) -> Self {
        self.project.duration_months = Some(months);
        self
    }

    /// Adds an amount.
    pub fn amount(mut self, amount: Amount) -> Self {
        self.project.amounts.push(amount);
        self
    }

    /// Sets the coverage.
    pub fn coverage(mut self, coverage: Coverage) -> Self {
        self.project.coverage = Some(coverage);
        self
    }

    /// Sets the IOM Development Fund region.
    pub fn idf_region(mut self, region: IdfRegion) -> Self {
        self.project.idf_region = Some(region);
        self
    }

    /// Adds a benefiting state.
    pub fn benefiting_state(mut self, state: CountryCode) -> Self {
        self.project.benefiting_states.push(state);
        self
    }

    /// Adds benefiting states.
    pub fn benefiting(mut self, states: impl IntoIterator<Item = CountryCode>) -> Self {
        super::take_or_extend(&mut self.project.benefiting_states, states);
        self
    }

    /// Adds an organisation in a role.
    pub fn organization(mut self, party: ProjectParty) -> Self {
        self.project.organizations.push(party);
        self
    }

    /// Adds a related consultative process.
    pub fn related_process(mut self, process: ProcessId) -> Self {
        self.project.related_processes.push(process);
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.project.notes.push(note.into());
        self
    }

    /// Adds a source.
    pub fn source(mut self, source: Source) -> Self {
        self.project.sources.push(source);
        self
    }

    pub(crate) fn extend_external_ids(mut self, ids: impl IntoIterator<Item = ExternalId>) -> Self {
        super::take_or_extend(&mut self.project.external_ids, ids);
        self
    }

    pub(crate) fn extend_amounts(mut self, items: impl IntoIterator<Item = Amount>) -> Self {
        super::take_or_extend(&mut self.project.amounts, items);
        self
    }

    pub(crate) fn extend_organizations(
        mut self,
        items: impl IntoIterator<Item = ProjectParty>,
    ) -> Self {
        super::take_or_extend(&mut self.project.organizations, items);
        self
    }

    pub(crate) fn extend_related_processes(
        mut self,
        items: impl IntoIterator<Item = ProcessId>,
    ) -> Self {
        super::take_or_extend(&mut self.project.related_processes, items);
        self
    }

    pub(crate) fn extend_notes(mut self, items: impl IntoIterator<Item = String>) -> Self {
        super::take_or_extend(&mut self.project.notes, items);
        self
    }

    pub(crate) fn extend_sources(mut self, items: Sources) -> Self {
        self.project.sources.append(items);
        self
    }

    /// Checks the project.
    ///
    /// # Errors
    ///
    /// [`BuildError`] listing every finding when one is an error: blank text
    /// (`text.blank`, including an external id's scheme or value), a state,
    /// partner, process or external id listed twice (`list.duplicate`), a
    /// negative amount (`project.negative_amount`), a year outside 1..=9999
    /// or an [`ExternalId::Other`] in the `idf` scheme, a duration of zero
    /// months (`value.invalid`).
    /// Incomplete data gives warnings kept on the result: completed without
    /// an end, regional with fewer than two states, national with several,
    /// no benefiting state, a year outside the period, a duration that does
    /// not fit the start and end (`period.duration_mismatch`), no source.
    ///
    /// An end before the start never gets this far: [`Period::new`] refuses it.
    pub fn build(self) -> Result<Project, BuildError> {
        let mut f = Findings::default();
        self.project.check(&mut f);
        let mut project = self.project;
        project.warnings = f.finish("project", || project.id.to_string())?;
        Ok(project)
    }
}
