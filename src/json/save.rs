//! Saving a dataset in canonical form.

use std::io;

use super::SCHEMA_VERSION;
use super::wire::{
    DocumentOut, EventRecord, MemberStateRecord, MembershipRecord, PartnerRecord, ProcessRecord,
    ProjectRecord,
};
use crate::dataset::Dataset;

impl Dataset {
    fn to_document(&self) -> DocumentOut<'static> {
        DocumentOut {
            schema_version: SCHEMA_VERSION,
            member_states: self
                .member_states()
                .iter()
                .map(MemberStateRecord::from_entity)
                .collect(),
            processes: self
                .processes()
                .iter()
                .map(ProcessRecord::from_entity)
                .collect(),
            partners: self
                .partners()
                .iter()
                .map(PartnerRecord::from_entity)
                .collect(),
            projects: self
                .projects()
                .iter()
                .map(ProjectRecord::from_entity)
                .collect(),
            events: self.events().iter().map(EventRecord::from_entity).collect(),
            memberships: self
                .memberships()
                .iter()
                .map(MembershipRecord::from_entity)
                .collect(),
        }
    }

    /// Writes the dataset in canonical JSON form (see [`crate::json`]).
    ///
    /// # Errors
    ///
    /// An I/O error from `writer`.
    pub fn to_json_writer<W: io::Write>(&self, writer: W) -> io::Result<()> {
        let mut writer = io::BufWriter::new(writer);
        serde_json::to_writer_pretty(&mut writer, &self.to_document()).map_err(io::Error::from)?;
        io::Write::write_all(&mut writer, b"\n")?;
        io::Write::flush(&mut writer)
    }

    /// The dataset in canonical JSON form (see [`crate::json`]), ending with a newline.
    pub fn to_json_string(&self) -> String {
        // Serialising these records cannot fail: every key is a string and
        // every value a string, number, boolean, list or object.
        let mut out = serde_json::to_string_pretty(&self.to_document()).unwrap_or_default();
        out.push('\n');
        out
    }
}
