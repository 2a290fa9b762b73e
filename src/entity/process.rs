//! Regional consultative processes on migration, interregional forums and global processes.

use crate::codelist::ProcessKind;
use crate::entity::findings::Findings;
use crate::entity::profile::{Profile, profile_getters, profile_setters};
use crate::problem::{BuildError, Issue};
use crate::value::{PartnerId, ProcessId};

/// A regional consultative process on migration (RCP), an interregional
/// forum or a global process: an inter-state consultation mechanism on migration.
///
/// Built with [`RegionalConsultativeProcess::builder`] (alias [`Rcp`]).
/// Memberships (who belongs, observes or chairs) are relations of their own:
/// see [`Membership`](crate::entity::Membership).
///
/// # Examples
///
/// ```
/// use migov::codelist::{LifecycleStatus, ProcessKind};
/// use migov::{PartnerId, ProcessId, Rcp, Source};
///
/// let midcas = Rcp::builder(ProcessId::new("MIDCAS")?, "Migration Dialogue for Central African States")
///     .other_name("DIMAC")
///     .kind(ProcessKind::RegionalConsultativeProcess)
///     .linked_organization(PartnerId::new("ECCAS")?)
///     .established("2012".parse::<migov::PartialDate>()?)
///     .status(LifecycleStatus::Dormant, Some("2016".parse()?))
///     .source(Source::new("https://www.iom.int/migration-dialogue-central-african-states-midcas")?)
///     .build()?;
/// assert_eq!(midcas.other_names(), ["DIMAC"]);
/// assert_eq!(midcas.linked_organizations()[0].as_str(), "ECCAS");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Serde
///
/// Serialises as its record in the [dataset format](crate::json) (an element
/// of a file's `processes` array); deserialising reads that record and checks it
/// as [`RcpBuilder::build`] does, refusing a process that breaks a rule with
/// every finding's rule, path and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionalConsultativeProcess {
    id: ProcessId,
    profile: Profile,
    kind: Option<ProcessKind>,
    region: Option<String>,
    secretariat: Option<String>,
    linked_organizations: Vec<PartnerId>,
    warnings: Vec<Issue>,
}

/// Short name for [`RegionalConsultativeProcess`].
pub type Rcp = RegionalConsultativeProcess;

impl RegionalConsultativeProcess {
    /// Starts a record with its identifier (usually the acronym) and name.
    pub fn builder(id: ProcessId, name: impl Into<String>) -> RcpBuilder {
        RcpBuilder {
            id,
            profile: Profile::new(name.into()),
            kind: None,
            region: None,
            secretariat: None,
            linked_organizations: Vec::new(),
        }
    }

    /// The identifier, such as `MIDWA` or `RCM`.
    pub fn id(&self) -> &ProcessId {
        &self.id
    }

    profile_getters!();

    /// Regional consultative process, interregional forum or global process, where known.
    pub fn kind(&self) -> Option<&ProcessKind> {
        self.kind.as_ref()
    }

    /// The region covered, as the sources describe it.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// Who runs the secretariat, as the sources describe it.
    pub fn secretariat(&self) -> Option<&str> {
        self.secretariat.as_deref()
    }

    /// The organisations the process is formally linked to (MIDWA: ECOWAS).
    pub fn linked_organizations(&self) -> &[PartnerId] {
        &self.linked_organizations
    }
}

/// Builds a [`RegionalConsultativeProcess`].
///
/// # Examples
///
/// ```
/// use migov::codelist::ProcessKind;
/// use migov::{PartnerId, ProcessId, RegionalConsultativeProcess};
///
/// let midwa = RegionalConsultativeProcess::builder(ProcessId::new("MIDWA")?, "Migration Dialogue for West Africa")
///     .kind(ProcessKind::RegionalConsultativeProcess)
///     .linked_organization(PartnerId::new("ECOWAS")?)
///     .build()?;
/// assert_eq!(midwa.linked_organizations(), [PartnerId::new("ECOWAS")?]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct RcpBuilder {
    id: ProcessId,
    profile: Profile,
    kind: Option<ProcessKind>,
    region: Option<String>,
    secretariat: Option<String>,
    linked_organizations: Vec<PartnerId>,
}

impl RcpBuilder {
    profile_setters!();

    /// Sets the kind of process.
    pub fn kind(mut self, kind: ProcessKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Sets the region covered.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sets who runs the secretariat.
    pub fn secretariat(mut self, secretariat: impl Into<String>) -> Self {
        self.secretariat = Some(secretariat.into());
        self
    }

    /// Adds an organisation the process is formally linked to.
    pub fn linked_organization(mut self, partner: PartnerId) -> Self {
        self.linked_organizations.push(partner);
        self
    }

    /// Checks the record.
    ///
    /// # Errors
    ///
    /// [`BuildError`] listing every finding when one is an error: blank
    /// text (`text.blank`), a linked organisation listed twice
    /// (`list.duplicate`), a status date before the establishment
    /// (`period.end_before_start`).
    pub fn build(self) -> Result<RegionalConsultativeProcess, BuildError> {
        let mut f = Findings::default();
        self.profile.check(&mut f);
        if let Some(region) = &self.region {
            f.text(|| crate::problem::FieldPath::key("region"), region);
        }
        if let Some(secretariat) = &self.secretariat {
            f.text(
                || crate::problem::FieldPath::key("secretariat"),
                secretariat,
            );
        }
        f.unique("linked_organizations", &self.linked_organizations);
        f.code_opt(
            || crate::problem::FieldPath::key("kind"),
            self.kind.as_ref(),
        );
        let warnings = f.finish("process", || self.id.to_string())?;
        Ok(RegionalConsultativeProcess {
            id: self.id,
            profile: self.profile,
            kind: self.kind,
            region: self.region,
            secretariat: self.secretariat,
            linked_organizations: self.linked_organizations,
            warnings,
        })
    }
}
