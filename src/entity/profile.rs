//! What consultative processes and partner organisations have in common:
//! names, founding, status, stated size, notes and sources.

use crate::codelist::LifecycleStatus;
use crate::entity::findings::Findings;
use crate::problem::{FieldPath, Rule};
use crate::value::{Claimed, PartialDate, Period, PeriodEnd};

/// The shared part of a body's record (private: reached through the entities' getters).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Profile {
    pub(crate) name: String,
    pub(crate) other_names: Vec<String>,
    pub(crate) established: Option<Claimed<PartialDate>>,
    pub(crate) status: Option<LifecycleStatus>,
    pub(crate) status_since: Option<PartialDate>,
    pub(crate) stated_member_count: Option<Claimed<u32>>,
    pub(crate) notes: Vec<String>,
    pub(crate) sources: crate::value::Sources,
}

impl Profile {
    pub(crate) fn new(name: String) -> Self {
        Self {
            name,
            ..Self::default()
        }
    }

    pub(crate) fn check(&self, f: &mut Findings) {
        f.text(|| FieldPath::key("name"), &self.name);
        f.texts("other_names", &self.other_names);
        f.texts("notes", &self.notes);
        f.sources(&self.sources);
        f.code_opt(|| FieldPath::key("status"), self.status.as_ref());
        if let (Some(established), Some(since)) = (&self.established, self.status_since) {
            // The status can change only after the body exists: compare with
            // the earliest claimed founding date.
            if let Some(earliest) = established.values().min()
                && since.cmp_known(earliest) == Some(std::cmp::Ordering::Less)
            {
                f.push(
                        Rule::EndBeforeStart,
                        FieldPath::key("status_since"),
                        format!(
                            "status since {since} is before the establishment in {earliest}; expected a later date"
                        ),
                    );
            }
        }
    }

    /// When the body existed: from its earliest claimed establishment to
    /// its dissolution. The end is the dissolution date when dissolved (unknown
    /// if the date is not given); open (it still exists) when the status is
    /// active or dormant; unknown when no status is known.
    pub(crate) fn lifetime(&self) -> Period {
        let start = self
            .established
            .as_ref()
            .and_then(|c| c.values().min().copied());
        let end = match self.status {
            Some(LifecycleStatus::Dissolved) => {
                self.status_since.map_or(PeriodEnd::Unknown, PeriodEnd::On)
            }
            Some(LifecycleStatus::Active | LifecycleStatus::Dormant) => PeriodEnd::Open,
            _ => PeriodEnd::Unknown,
        };
        Period::with_end(start, end)
            .or_else(|_| Period::new(start, None))
            .unwrap_or_else(|_| Period::unknown())
    }
}

/// Getters shared by bodies with a [`Profile`] (field `profile`).
macro_rules! profile_getters {
    () => {
        /// The name, as the body's own sources write it.
        pub fn name(&self) -> &str {
            &self.profile.name
        }

        /// Other names: acronyms, names in other languages, former names.
        pub fn other_names(&self) -> &[String] {
            &self.profile.other_names
        }

        /// When the body was established, with any date other sources give.
        pub fn established(&self) -> Option<&$crate::value::Claimed<$crate::value::PartialDate>> {
            self.profile.established.as_ref()
        }

        /// Active, dormant or dissolved, where known.
        pub fn status(&self) -> Option<&$crate::codelist::LifecycleStatus> {
            self.profile.status.as_ref()
        }

        /// Since when the status holds (the dissolution date of a dissolved body), where known.
        pub fn status_since(&self) -> Option<$crate::value::PartialDate> {
            self.profile.status_since
        }

        /// The number of members a source states, where the list itself may be unknown.
        pub fn stated_member_count(&self) -> Option<&$crate::value::Claimed<u32>> {
            self.profile.stated_member_count.as_ref()
        }

        /// When the body existed: from its earliest claimed establishment to its
        /// dissolution, if dissolved. Unknown bounds are open.
        pub fn lifetime(&self) -> $crate::value::Period {
            self.profile.lifetime()
        }

        /// Notes that travel with the record.
        pub fn notes(&self) -> &[String] {
            &self.profile.notes
        }

        /// Where the facts come from.
        pub fn sources(&self) -> &[$crate::value::Source] {
            &self.profile.sources
        }

        /// Findings that did not refuse the record (incomplete data).
        pub fn warnings(&self) -> &[$crate::problem::Issue] {
            &self.warnings
        }
    };
}

/// Setters shared by builders of bodies with a [`Profile`] (field `profile`).
macro_rules! profile_setters {
    () => {
        /// Replaces the shared fields, name included (as a record gives them).
        pub(crate) fn with_profile(mut self, profile: $crate::entity::profile::Profile) -> Self {
            self.profile = profile;
            self
        }

        /// Adds another name (acronym, translation, former name).
        pub fn other_name(mut self, name: impl Into<String>) -> Self {
            self.profile.other_names.push(name.into());
            self
        }

        /// Sets the establishment date, with any alternatives other sources give.
        pub fn established(
            mut self,
            established: impl Into<$crate::value::Claimed<$crate::value::PartialDate>>,
        ) -> Self {
            self.profile.established = Some(established.into());
            self
        }

        /// Sets the status and, where known, since when it holds.
        pub fn status(
            mut self,
            status: $crate::codelist::LifecycleStatus,
            since: Option<$crate::value::PartialDate>,
        ) -> Self {
            self.profile.status = Some(status);
            self.profile.status_since = since;
            self
        }

        /// Sets the number of members a source states.
        pub fn stated_member_count(
            mut self,
            count: impl Into<$crate::value::Claimed<u32>>,
        ) -> Self {
            self.profile.stated_member_count = Some(count.into());
            self
        }

        /// Adds a note.
        pub fn note(mut self, note: impl Into<String>) -> Self {
            self.profile.notes.push(note.into());
            self
        }

        /// Adds a source.
        pub fn source(mut self, source: $crate::value::Source) -> Self {
            self.profile.sources.push(source);
            self
        }
    };
}

pub(crate) use {profile_getters, profile_setters};
