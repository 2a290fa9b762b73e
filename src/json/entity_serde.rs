//! serde for the entities themselves, in the dataset format's record form.
//!
//! Each entity serialises as the record a dataset file holds for it (the
//! wire record of [`super::wire`]), and deserialises by reading that record
//! and building the entity through its builder, so a value that breaks a
//! rule is refused exactly as loading a file refuses it. The error names every
//! finding (errors and warnings) with its rule, path and message.

use std::fmt::Write as _;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::nested::Nest;
use super::wire::{
    AgendaDayRecord, EventRecord, MemberStateRecord, MembershipRecord, PartnerRecord, PartyRecord,
    PersonRecord, ProcessRecord, ProjectRecord,
};
use crate::entity::{
    AgendaDay, Event, MemberState, Membership, Partner, Party, Person, Project, Rcp,
};
use crate::problem::{BuildError, Issue};

/// The findings of a refused record, whichever way the wire conversion returns them.
trait Refusal {
    fn issues(&self) -> &[Issue];
}

impl Refusal for BuildError {
    fn issues(&self) -> &[Issue] {
        BuildError::issues(self)
    }
}

impl Refusal for Vec<Issue> {
    fn issues(&self) -> &[Issue] {
        self
    }
}

/// A deserialisation error listing every finding: `invalid project: error
/// [list.duplicate] benefiting_states[1]: SEN is listed twice; ...`.
fn refused<E: serde::de::Error>(what: &str, refusal: &impl Refusal) -> E {
    let mut message = format!("invalid {what}:");
    for (i, issue) in refusal.issues().iter().enumerate() {
        let separator = if i == 0 { " " } else { "; " };
        // Writing to a String cannot fail.
        let _ = write!(message, "{separator}{issue}");
    }
    E::custom(message)
}

/// Implements `Serialize` and `Deserialize` for an entity through its wire record.
macro_rules! through_record {
    ($($entity:ty => $record:ty, $what:literal;)+) => {$(
        impl Serialize for $entity {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                <$record>::from_entity(self).serialize(s)
            }
        }

        impl<'de> Deserialize<'de> for $entity {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$record>::deserialize(d)?
                    .into_entity()
                    .map_err(|refusal| refused::<D::Error>($what, &refusal))
            }
        }
    )+};
}

through_record! {
    MemberState => MemberStateRecord, "member state";
    Rcp => ProcessRecord, "process";
    Partner => PartnerRecord, "partner";
    Project => ProjectRecord, "project";
    Event => EventRecord, "event";
    Membership => MembershipRecord, "membership";
}

/// A one-key object, as the dataset format writes a party: `{"state": "SEN"}`,
/// `{"partner": "ECOWAS"}`, `{"process": "MIDWA"}`.
impl Serialize for Party {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PartyRecord::from_entity(self).serialize(s)
    }
}

/// Reads what `Serialize` writes; any other key is refused.
impl<'de> Deserialize<'de> for Party {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        PartyRecord::deserialize(d).map(PartyRecord::into_entity)
    }
}

/// The object the dataset format writes for a person (an element of an
/// event's `speakers` or `contacts`). Serialise only: a person is read, and
/// checked, as part of its [`Event`].
impl Serialize for Person {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PersonRecord::from_value(self).serialize(s)
    }
}

/// The object the dataset format writes for an agenda day (an element of an
/// event's `agenda`). Serialise only: an agenda is read, and checked (times
/// in order, panellists' organisations known), as part of its [`Event`].
impl Serialize for AgendaDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        AgendaDayRecord::from_value(self).serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use crate::entity::Project;
    use crate::value::{CountryCode, ProjectId};

    #[test]
    fn refusal_lists_every_finding_with_rule_and_path() {
        let err = serde_json::from_str::<Project>(
            r#"{"id": "X", "title": " ", "benefiting_states": ["SEN", "SEN"]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("invalid project: error [text.blank] title: "),
            "{err}"
        );
        assert!(
            err.contains("; error [list.duplicate] benefiting_states[1]: SEN is listed twice"),
            "{err}"
        );
        assert!(
            err.contains("; warning [record.no_source] sources: "),
            "{err}"
        );
    }

    #[test]
    fn serialises_as_the_record() {
        let p = Project::builder(ProjectId::new("X").unwrap(), "T")
            .benefiting_state(CountryCode::from_alpha3("SEN").unwrap())
            .build()
            .unwrap();
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"id":"X","title":"T","benefiting_states":["SEN"]}"#
        );
    }
}
