//! Entities: member states, consultative processes, partners, memberships,
//! projects and events, each built only through validation.

mod event;
pub(crate) mod findings;
mod member_state;
mod membership;
mod partner;
mod party;
mod process;
pub(crate) mod profile;
mod project;

pub use event::{
    AgendaDay, Contribution, Event, EventBuilder, EventDate, EventParty, Outcome, Panellist,
    Person, RelatedEvent, Session,
};
pub use member_state::{
    DatedFlag, IomStatus, MemberState, MemberStateBuilder, StatusChange, StatusHeld,
};
pub use membership::{Dispute, Membership, MembershipBuilder};
pub use partner::{Bound, Figure, Partner, PartnerBuilder};
pub use party::{Body, Party};
pub use process::{Rcp, RcpBuilder, RegionalConsultativeProcess};
pub use project::{Amount, ExternalId, Project, ProjectBuilder, ProjectParty};

/// Appends `items` to `list`, taking them as they are when `list` is empty
/// (a `Vec` then keeps its allocation instead of being copied).
pub(crate) fn take_or_extend<T>(list: &mut Vec<T>, items: impl IntoIterator<Item = T>) {
    if list.is_empty() {
        *list = items.into_iter().collect();
    } else {
        list.extend(items);
    }
}
