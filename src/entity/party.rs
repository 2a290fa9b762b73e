//! Parties: who takes part in a membership, a project or an event.

use std::fmt;

use crate::{CountryCode, PartnerId, ProcessId};

/// A state, an organisation or a consultative process, as one side of a relation.
///
/// ECOWAS is a member organisation of MIDWA; Senegal is a member state of
/// MIDWA; MIDWA took part in an event. In JSON a party is an object with one
/// key: `{"state": "SEN"}`, `{"partner": "ECOWAS"}`, `{"process": "MIDWA"}`.
///
/// # Ordering
///
/// States first, then partners, then processes; each by identifier.
///
/// # Examples
///
/// ```
/// use migov::{CountryCode, Party};
///
/// let senegal = Party::State(CountryCode::from_alpha3("SEN")?);
/// assert_eq!(senegal.to_string(), "state SEN");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Party {
    /// A state, by its country code.
    State(CountryCode),
    /// An organisation of the dataset's partners.
    Partner(PartnerId),
    /// A consultative process of the dataset.
    Process(ProcessId),
}

impl Party {
    /// `"state"`, `"partner"` or `"process"`: the JSON key of this kind of party.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::State(_) => "state",
            Self::Partner(_) => "partner",
            Self::Process(_) => "process",
        }
    }

    /// The identifier text: a country code, a partner id or a process id.
    pub fn id_str(&self) -> &str {
        match self {
            Self::State(c) => c.alpha3(),
            Self::Partner(p) => p.as_str(),
            Self::Process(p) => p.as_str(),
        }
    }

    /// The state, if this party is one.
    pub fn as_state(&self) -> Option<CountryCode> {
        match self {
            Self::State(c) => Some(*c),
            _ => None,
        }
    }

    /// The partner id, if this party is a partner.
    pub fn as_partner(&self) -> Option<&PartnerId> {
        match self {
            Self::Partner(p) => Some(p),
            _ => None,
        }
    }

    /// The process id, if this party is a process.
    pub fn as_process(&self) -> Option<&ProcessId> {
        match self {
            Self::Process(p) => Some(p),
            _ => None,
        }
    }
}

impl From<CountryCode> for Party {
    fn from(c: CountryCode) -> Self {
        Self::State(c)
    }
}

impl From<PartnerId> for Party {
    fn from(p: PartnerId) -> Self {
        Self::Partner(p)
    }
}

impl From<ProcessId> for Party {
    fn from(p: ProcessId) -> Self {
        Self::Process(p)
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind(), self.id_str())
    }
}
