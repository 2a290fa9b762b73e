//! Answers with their provenance: the sources that back each answer of a
//! query, and how sure it is.

use std::collections::HashSet;

use super::{Source, Truth};

/// An answer of a query, with what backs it: the sources of the claims it
/// rests on and how sure it is.
///
/// # Provenance
///
/// Each claim keeps only its own sources. An answer gives the sources of
/// the claims that back it, and never the whole list of a record that
/// holds the claim among other facts:
///
/// | answer | of | its sources |
/// | --- | --- | --- |
/// | [`AsOf`](crate::AsOf) of a membership | [`Dataset::processes_of`](crate::Dataset::processes_of), [`Dataset::members_of`](crate::Dataset::members_of) (members, observers, chairs) | the membership's, less those of its [`Dispute`](crate::Dispute); through a group, then those of the membership that makes the state one of the group |
/// | [`AsOf`](crate::AsOf) of an event | [`Dataset::events_during`](crate::Dataset::events_during) | those of the event's start date (see [`Claimed::sources_for`](crate::Claimed::sources_for)); for an undated event, the event's |
/// | [`Reached`](crate::Reached) | [`Dataset::bodies_of`](crate::Dataset::bodies_of), [`Dataset::members_through`](crate::Dataset::members_through) | those of each membership of the path, member first |
/// | [`MembershipChange`](crate::MembershipChange) | [`Dataset::membership_changes`](crate::Dataset::membership_changes) | the membership's, less those of its dispute |
/// | [`StatusTaken`](crate::StatusTaken) | [`Dataset::took_status_between`](crate::Dataset::took_status_between) | the status step's own ([`StatusChange::sources`](crate::StatusChange::sources)): none where the data names none for the step |
/// | [`StatusHeld`](crate::StatusHeld) | [`MemberState::status_on`](crate::MemberState::status_on) (behind [`MemberState::had_status_on`](crate::MemberState::had_status_on) and [`MemberState::is_member_on`](crate::MemberState::is_member_on)) | the status step's own |
/// | [`Change`](crate::Change) | [`Dataset::changes_between`](crate::Dataset::changes_between) | per kind: the status step's; the establishment date's claim; the body's (for a lifecycle status, a plain field of the body's record); the chair term that began, then the one before it; the membership's |
///
/// A record's own facts stand on its own sources: a membership's sources
/// are the membership's, not its body's. Where sources disagree on a value
/// ([`Claimed`](crate::Claimed)), the preferred value is credited with the
/// sources that give it and each alternative with its own
/// ([`Dataset::disputes`](crate::Dataset::disputes) lists them).
///
/// # Certain only
///
/// Every date query answers what certainly holds ([`Truth::Yes`]) and what
/// only may hold ([`Truth::Maybe`]). [`Certain::certain`](crate::Certain::certain)
/// keeps the certain answers of any iterator of answers; the queries that
/// return a `Vec` are kept with `.into_iter().certain()`:
///
/// | date query | answers | certain only |
/// | --- | --- | --- |
/// | [`Dataset::processes_of`](crate::Dataset::processes_of) | `AsOf<Membership>` | `.certain()` |
/// | [`Dataset::members_of`](crate::Dataset::members_of) | `AsOf<Membership>` | `.certain()` |
/// | [`Dataset::events_during`](crate::Dataset::events_during) | `AsOf<Event>` | `.certain()` |
/// | [`Dataset::membership_changes`](crate::Dataset::membership_changes) | `MembershipChange` | `.certain()` |
/// | [`Dataset::took_status_between`](crate::Dataset::took_status_between) | `StatusTaken` | `.certain()` |
/// | [`Dataset::bodies_of`](crate::Dataset::bodies_of) | `Vec<Reached>` | `.into_iter().certain()` |
/// | [`Dataset::members_through`](crate::Dataset::members_through) | `Vec<Reached>` | `.into_iter().certain()` |
/// | [`Dataset::changes_between`](crate::Dataset::changes_between) | `Vec<Change>` | `.into_iter().certain()` |
/// | [`MemberState::status_on`](crate::MemberState::status_on) | `StatusHeld` | `.certain()` |
/// | [`MemberState::had_status_on`](crate::MemberState::had_status_on), [`MemberState::is_member_on`](crate::MemberState::is_member_on) | [`Truth`] | [`Truth::is_yes`] |
/// | [`ProjectFilter::during`](crate::ProjectFilter::during) (in [`Dataset::projects_benefiting`](crate::Dataset::projects_benefiting)) | projects | [`ProjectFilter::certainly_during`](crate::ProjectFilter::certainly_during) |
///
/// # Examples
///
/// ```
/// use migov::codelist::MembershipRole;
/// use migov::{Answer, Certain, CountryCode, Dataset, Membership, Party, ProcessId, Rcp, Source};
///
/// let iom = Source::new("https://www.iom.int/midwa")?;
/// let midwa = ProcessId::new("MIDWA")?;
/// let sen = CountryCode::from_alpha3("SEN")?;
/// let mut b = Dataset::builder();
/// b.add_process(Rcp::builder(midwa.clone(), "MIDWA").source(Source::new("https://midwa.org/")?).build()?)?;
/// b.add_membership(Membership::builder(Party::State(sen), Party::Process(midwa), MembershipRole::Member)
///     .period("2001/..".parse()?)
///     .source(iom.clone())
///     .build()?);
/// let data = b.build()?;
///
/// let answers: Vec<_> = data.processes_of(sen, "2001-06".parse()?).collect();
/// // The membership's own source, not the process record's.
/// assert_eq!(answers[0].sources(), [&iom]);
/// // "from 2001" holds only possibly in June 2001.
/// assert!(!answers[0].certainty().is_yes());
/// assert_eq!(data.processes_of(sen, "2001-06".parse()?).certain().count(), 0);
/// assert_eq!(data.processes_of(sen, "2002".parse()?).certain().count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Answer<'a> {
    /// The sources of the claims that back the answer, each once, in the
    /// order of the claims (see [Provenance](Answer#provenance)). Empty
    /// where the data names no source for the claim.
    fn sources(&self) -> Vec<&'a Source>;

    /// [`Truth::Yes`] when the answer certainly holds, [`Truth::Maybe`]
    /// when it only may (answers that certainly do not hold are never given).
    fn certainty(&self) -> Truth;
}

/// The sources, each once, in their first order. O(k) expected.
pub(crate) fn distinct<'a>(sources: impl IntoIterator<Item = &'a Source>) -> Vec<&'a Source> {
    let mut seen = HashSet::new();
    sources.into_iter().filter(|s| seen.insert(*s)).collect()
}
