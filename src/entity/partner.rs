//! Partner organisations: UN agencies, regional economic communities,
//! intergovernmental organisations, donor governments and others.

use std::fmt;

use crate::codelist::{Metric, PartnerKind};
use crate::entity::findings::Findings;
use crate::entity::profile::{Profile, profile_getters, profile_setters};
use crate::problem::{BuildError, FieldPath, Issue};
use crate::value::{CountryCode, PartialDate, PartnerId, Source};

/// How a stated figure bounds the true number: `590+` is "at least 590".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Bound {
    /// Exactly the number given.
    Exact,
    /// The number given or more ("590 +").
    AtLeast,
    /// More than the number given ("over 100").
    MoreThan,
}

impl Bound {
    /// `"exact"`, `"at_least"` or `"more_than"`, the JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::AtLeast => "at_least",
            Self::MoreThan => "more_than",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "exact" => Some(Self::Exact),
            "at_least" => Some(Self::AtLeast),
            "more_than" => Some(Self::MoreThan),
            _ => None,
        }
    }
}

/// A figure an organisation publishes about itself, such as IOM's
/// "175 member states" or "590+ offices worldwide".
///
/// # Examples
///
/// ```
/// use migov::codelist::Metric;
/// use migov::{Bound, Figure};
///
/// let offices = Figure::new(Metric::Offices, 590, Bound::AtLeast);
/// assert_eq!(offices.to_string(), "offices: 590+");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Figure {
    metric: Metric,
    value: u64,
    bound: Bound,
    as_of: Option<PartialDate>,
    sources: Vec<Source>,
}

impl Figure {
    /// A figure of `metric`.
    pub fn new(metric: Metric, value: u64, bound: Bound) -> Self {
        Self {
            metric,
            value,
            bound,
            as_of: None,
            sources: Vec::new(),
        }
    }

    /// This figure, dated.
    #[must_use]
    pub fn with_as_of(mut self, as_of: PartialDate) -> Self {
        self.as_of = Some(as_of);
        self
    }

    /// This figure with one more source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.sources.push(source);
        self
    }

    /// What is counted.
    pub fn metric(&self) -> &Metric {
        &self.metric
    }

    /// The number given.
    pub fn value(&self) -> u64 {
        self.value
    }

    /// How the number bounds the true one.
    pub fn bound(&self) -> Bound {
        self.bound
    }

    /// The date the figure refers to, if given.
    pub fn as_of(&self) -> Option<PartialDate> {
        self.as_of
    }

    /// Where the figure comes from (the record's sources when empty).
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.bound {
            Bound::Exact => write!(f, "{}: {}", self.metric, self.value),
            Bound::AtLeast => write!(f, "{}: {}+", self.metric, self.value),
            Bound::MoreThan => write!(f, "{}: over {}", self.metric, self.value),
        }?;
        if let Some(d) = self.as_of {
            write!(f, " (as of {d})")?;
        }
        Ok(())
    }
}

/// An organisation IOM works with, funds from or reports on.
///
/// IOM itself is a partner record (its own figures are [`Figure`]s). Donor
/// governments and government agencies (the Government of Japan; the U.S.
/// Department of State Bureau of Population, Refugees and Migration) are
/// partners of kind `government`.
///
/// # Examples
///
/// ```
/// use migov::codelist::{LifecycleStatus, PartnerKind};
/// use migov::{CountryCode, Partner, PartnerId, Source};
///
/// let g5 = Partner::builder(PartnerId::new("G5-SAHEL")?, "G5 Sahel")
///     .kind(PartnerKind::IntergovernmentalOrganization)
///     .headquarters(CountryCode::from_alpha3("MRT")?)
///     .status(LifecycleStatus::Dissolved, Some("2023-12".parse()?))
///     .source(Source::new("https://en.wikipedia.org/wiki/G5_Sahel")?)
///     .build()?;
/// assert!(g5.lifetime().contains("2024".parse()?).is_no());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Serde
///
/// Serialises as its record in the [dataset format](crate::json) (an element
/// of a file's `partners` array); deserialising reads that record and checks it
/// as [`PartnerBuilder::build`] does, refusing a partner that breaks a rule with
/// every finding's rule, path and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partner {
    id: PartnerId,
    profile: Profile,
    kind: Option<PartnerKind>,
    headquarters: Option<CountryCode>,
    iom_relationship: Option<String>,
    figures: Vec<Figure>,
    warnings: Vec<Issue>,
}

impl Partner {
    /// Starts a record with its identifier and name.
    pub fn builder(id: PartnerId, name: impl Into<String>) -> PartnerBuilder {
        PartnerBuilder {
            id,
            profile: Profile::new(name.into()),
            kind: None,
            headquarters: None,
            iom_relationship: None,
            figures: Vec::new(),
        }
    }

    /// The identifier, such as `ECOWAS` or `UNHCR`.
    pub fn id(&self) -> &PartnerId {
        &self.id
    }

    profile_getters!();

    /// The kind of organisation, where known.
    pub fn kind(&self) -> Option<&PartnerKind> {
        self.kind.as_ref()
    }

    /// The country of the headquarters, where a source gives it.
    pub fn headquarters(&self) -> Option<CountryCode> {
        self.headquarters
    }

    /// How the organisation relates to IOM, as the sources describe it.
    pub fn iom_relationship(&self) -> Option<&str> {
        self.iom_relationship.as_deref()
    }

    /// Figures the organisation publishes about itself.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }
}

/// Builds a [`Partner`].
///
/// # Examples
///
/// ```
/// use migov::codelist::PartnerKind;
/// use migov::{CountryCode, Partner, PartnerId};
///
/// let unhcr = Partner::builder(PartnerId::new("UNHCR")?, "United Nations High Commissioner for Refugees")
///     .kind(PartnerKind::UnAgency)
///     .headquarters(CountryCode::from_alpha3("CHE")?)
///     .build()?;
/// assert_eq!(unhcr.kind(), Some(&PartnerKind::UnAgency));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct PartnerBuilder {
    id: PartnerId,
    profile: Profile,
    kind: Option<PartnerKind>,
    headquarters: Option<CountryCode>,
    iom_relationship: Option<String>,
    figures: Vec<Figure>,
}

impl PartnerBuilder {
    profile_setters!();

    /// Sets the kind of organisation.
    pub fn kind(mut self, kind: PartnerKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Sets the country of the headquarters.
    pub fn headquarters(mut self, country: CountryCode) -> Self {
        self.headquarters = Some(country);
        self
    }

    /// Describes how the organisation relates to IOM.
    pub fn iom_relationship(mut self, text: impl Into<String>) -> Self {
        self.iom_relationship = Some(text.into());
        self
    }

    /// Adds a figure the organisation publishes.
    pub fn figure(mut self, figure: Figure) -> Self {
        self.figures.push(figure);
        self
    }

    /// Checks the record.
    ///
    /// # Errors
    ///
    /// [`BuildError`] listing every finding when one is an error: blank
    /// text (`text.blank`), a status date before the establishment
    /// (`period.end_before_start`).
    pub fn build(self) -> Result<Partner, BuildError> {
        let mut f = Findings::default();
        self.profile.check(&mut f);
        if let Some(text) = &self.iom_relationship {
            f.text(|| FieldPath::key("iom_relationship"), text);
        }
        f.code_opt(|| FieldPath::key("kind"), self.kind.as_ref());
        for (i, figure) in self.figures.iter().enumerate() {
            f.code(
                || FieldPath::key("figures").join(i).join("metric"),
                &figure.metric,
            );
        }
        let warnings = f.finish("partner", || self.id.to_string())?;
        Ok(Partner {
            id: self.id,
            profile: self.profile,
            kind: self.kind,
            headquarters: self.headquarters,
            iom_relationship: self.iom_relationship,
            figures: self.figures,
            warnings,
        })
    }
}
