//! Parties: who takes part in a membership, a project or an event.

use std::fmt;

use crate::value::{CountryCode, PartnerId, ProcessId};

/// A state, an organisation or a consultative process, as one side of a
/// relation; or a group of states defined by another body.
///
/// ECOWAS is a member organisation of MIDWA; Senegal is a member state of
/// MIDWA; MIDWA took part in an event; "the member states of the Colombo
/// Process" are members of a dialogue. In JSON a party is an object with one
/// key: `{"state": "SEN"}`, `{"partner": "ECOWAS"}`, `{"process": "MIDWA"}`,
/// `{"members_of": {"process": "CP"}}`.
///
/// # Groups
///
/// A group ([`Party::MembersOf`]) names a body (a process or a partner, never
/// a state or another group: [`Body`] cannot hold one) and stands for its
/// members, as the dataset's memberships in that body with the role
/// `member` give them. As a member of another body, a group is resolved
/// through those memberships: see
/// [`Dataset::members_of`](crate::dataset::Dataset::members_of). A group cannot have
/// members itself (it is not a body), and the dataset refuses a group whose
/// body has a group among its members (`membership.nested_group`): groups of
/// groups are not followed.
///
/// # Ordering
///
/// States first, then partners, then processes, then groups; each by
/// identifier (groups of partners before groups of processes).
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
    /// The members of a body of the dataset: "the Colombo Process
    /// countries", "the GCC states".
    MembersOf(Body),
}

/// A body whose members a group stands for: a consultative process or a
/// partner organisation (see [`Party::MembersOf`]).
///
/// In JSON, the one-key object of a party: `{"process": "CP"}`,
/// `{"partner": "GCC"}`.
///
/// # Ordering
///
/// Partners first, then processes; each by identifier.
///
/// # Examples
///
/// ```
/// use migov::{Body, Party, ProcessId};
///
/// let colombo = Party::MembersOf(Body::Process(ProcessId::new("CP")?));
/// assert_eq!(colombo.to_string(), "the members of process CP");
/// assert_eq!(colombo.group_body().map(Body::to_party), Some(Party::Process(ProcessId::new("CP")?)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Body {
    /// A partner organisation of the dataset.
    Partner(PartnerId),
    /// A consultative process of the dataset.
    Process(ProcessId),
}

impl Body {
    /// The body as a party: [`Party::Partner`] or [`Party::Process`].
    pub fn to_party(&self) -> Party {
        match self {
            Self::Partner(p) => Party::Partner(p.clone()),
            Self::Process(p) => Party::Process(p.clone()),
        }
    }

    /// `"partner"` or `"process"`: the JSON key of this kind of body.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Partner(_) => "partner",
            Self::Process(_) => "process",
        }
    }

    /// The identifier text: a partner id or a process id.
    pub fn id_str(&self) -> &str {
        match self {
            Self::Partner(p) => p.as_str(),
            Self::Process(p) => p.as_str(),
        }
    }
}

impl From<PartnerId> for Body {
    fn from(p: PartnerId) -> Self {
        Self::Partner(p)
    }
}

impl From<ProcessId> for Body {
    fn from(p: ProcessId) -> Self {
        Self::Process(p)
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind(), self.id_str())
    }
}

impl Party {
    /// `"state"`, `"partner"`, `"process"` or `"members_of"`: the JSON key
    /// of this kind of party.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::State(_) => "state",
            Self::Partner(_) => "partner",
            Self::Process(_) => "process",
            Self::MembersOf(_) => "members_of",
        }
    }

    /// The identifier text: a country code, a partner id or a process id
    /// (for a group, its body's).
    pub fn id_str(&self) -> &str {
        match self {
            Self::State(c) => c.alpha3(),
            Self::Partner(p) => p.as_str(),
            Self::Process(p) => p.as_str(),
            Self::MembersOf(b) => b.id_str(),
        }
    }

    /// The body whose members this group stands for, if this party is a group.
    pub fn group_body(&self) -> Option<&Body> {
        match self {
            Self::MembersOf(b) => Some(b),
            _ => None,
        }
    }

    /// Whether this party is a group ([`Party::MembersOf`]).
    pub fn is_group(&self) -> bool {
        matches!(self, Self::MembersOf(_))
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

impl From<Body> for Party {
    fn from(b: Body) -> Self {
        Self::MembersOf(b)
    }
}

impl fmt::Display for Party {
    /// `state SEN`, `process MIDWA`; a group: `the members of process CP`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MembersOf(b) => write!(f, "the members of {b}"),
            _ => write!(f, "{} {}", self.kind(), self.id_str()),
        }
    }
}
