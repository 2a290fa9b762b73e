//! serde for the answers of the dataset's queries, so that a service can
//! return them as JSON.
//!
//! Answers borrow from the dataset, so they serialise only; each record in an
//! answer is written in its dataset-format form (see [`crate::json`]).

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::dataset::query::{AsOf, ClaimView, DisputedFact, MembershipChange, NameMatch};
use crate::entity::{Event, MemberState, Membership};
use crate::value::Source;

/// `{"item": <record>, "certainty": "yes" | "maybe", "sources": [...]}`;
/// an answer through a group also has `"through": <record>` (see
/// [`AsOf::through`]). `sources` are the answer's
/// ([`Answer::sources`](crate::value::Answer::sources)).
impl Serialize for AsOf<'_, Membership> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        as_of(self, Some(&self.sources()), serializer)
    }
}

/// `{"item": <record>, "certainty": "yes" | "maybe", "sources": [...]}`,
/// the sources of the event's date.
impl Serialize for AsOf<'_, Event> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        as_of(self, Some(&self.sources()), serializer)
    }
}

/// `{"item": <record>, "certainty": "yes" | "maybe"}` (the answer's sources
/// are its status step's: see [`StatusTaken`](crate::dataset::StatusTaken)).
impl Serialize for AsOf<'_, MemberState> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        as_of(self, None, serializer)
    }
}

fn as_of<T: Serialize, S: Serializer>(
    answer: &AsOf<'_, T>,
    sources: Option<&[&Source]>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let through = answer.through();
    let fields = 2 + usize::from(through.is_some()) + usize::from(sources.is_some());
    let mut s = serializer.serialize_struct("AsOf", fields)?;
    s.serialize_field("item", answer.item())?;
    s.serialize_field("certainty", &answer.certainty())?;
    if let Some(through) = through {
        s.serialize_field("through", through)?;
    }
    if let Some(sources) = sources {
        s.serialize_field("sources", sources)?;
    }
    s.end()
}

/// `{"kind": "state", "country": "SEN", "member_state": <record> | null}`,
/// `{"kind": "process", "process": <record>}` or
/// `{"kind": "partner", "partner": <record>}`.
impl Serialize for NameMatch<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            NameMatch::State(country, record) => {
                let mut s = serializer.serialize_struct("NameMatch", 3)?;
                s.serialize_field("kind", "state")?;
                s.serialize_field("country", country)?;
                s.serialize_field("member_state", record)?;
                s.end()
            }
            NameMatch::Process(process) => {
                let mut s = serializer.serialize_struct("NameMatch", 2)?;
                s.serialize_field("kind", "process")?;
                s.serialize_field("process", process)?;
                s.end()
            }
            NameMatch::Partner(partner) => {
                let mut s = serializer.serialize_struct("NameMatch", 2)?;
                s.serialize_field("kind", "partner")?;
                s.serialize_field("partner", partner)?;
                s.end()
            }
        }
    }
}

/// `{"change": "began" | "ended", "membership": <record>, "certainty": "yes" | "maybe", "sources": [...]}`.
impl Serialize for MembershipChange<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let change = match self {
            MembershipChange::Began(_) => "began",
            MembershipChange::Ended(_) => "ended",
        };
        let mut s = serializer.serialize_struct("MembershipChange", 4)?;
        s.serialize_field("change", change)?;
        s.serialize_field("membership", self.membership())?;
        s.serialize_field("certainty", &self.certainty())?;
        s.serialize_field("sources", &self.sources())?;
        s.end()
    }
}

/// `{"value": "2001", "sources": [...], "note": "..."}`, `note` only when there is one.
impl Serialize for ClaimView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = if self.note().is_some() { 3 } else { 2 };
        let mut s = serializer.serialize_struct("ClaimView", fields)?;
        s.serialize_field("value", self.value())?;
        s.serialize_field("sources", self.sources())?;
        if let Some(note) = self.note() {
            s.serialize_field("note", note)?;
        }
        s.end()
    }
}

/// `{"subject": "process MIDWA", "field": "established", "claims": [...]}`, the
/// preferred claim first.
impl Serialize for DisputedFact<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("DisputedFact", 3)?;
        s.serialize_field("subject", self.subject())?;
        s.serialize_field("field", self.field())?;
        s.serialize_field("claims", self.claims())?;
        s.end()
    }
}
