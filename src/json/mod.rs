//! The JSON dataset format: load, validate and save whole collections.
//!
//! Load with [`Dataset::from_json_str`](crate::dataset::Dataset::from_json_str),
//! [`from_json_slice`](crate::dataset::Dataset::from_json_slice) or
//! [`from_json_reader`](crate::dataset::Dataset::from_json_reader); save with
//! [`to_json_string`](crate::dataset::Dataset::to_json_string) or
//! [`to_json_writer`](crate::dataset::Dataset::to_json_writer).
//!
//! # Loading: all or nothing, every problem at its place
//!
//! Loading returns a fully validated [`Dataset`](crate::dataset::Dataset) or
//! [`LoadErrors`]; nothing half-loaded ever escapes. A syntax error is
//! reported with its line and column.
//!
//! A valid file is read in one pass: each record goes from the parser
//! straight into its entity and the dataset builder, with no intermediate
//! tree or list of records. When anything in the file does not read, the
//! file is read again with every record on its own, so one broken record
//! does not hide the others, and every problem is
//! reported with an RFC 6901 JSON Pointer such as
//! `/projects/3/benefiting_states/2`, its [`Rule`](crate::problem::Rule), its
//! severity and a message quoting (a bounded excerpt of) the offending value:
//! wrong types, unknown or missing fields (a misspelt key is never dropped),
//! duplicate keys, invalid values, dangling references and broken rules.
//! [`locate`] turns a problem's pointer into its line and column in the text.
//!
//! Within one record, every malformed value is reported too: a project with
//! a bad `start`, a bad `benefiting_states[2]` and a misspelt
//! `benefitting_states` gives three errors in one load. Records that read
//! pay nothing for this; for a record that fails, the loader sets aside each
//! value it reports (and every key given twice) and reads the rest of the
//! record again. Pointers always name the place in the file, even after
//! earlier list entries were set aside. The limits below make it report
//! less, never a problem that is not there:
//!
//! - A required field that is missing, or that had to be set aside, makes
//!   its object unreadable. A missing field is reported at the object that
//!   lacks it (a field set aside was reported already); the object is then
//!   set aside in turn, once all its other values were checked, and reading
//!   goes on around it. serde names one missing field per object at a time:
//!   a second one (or one next to a required field that was set aside) is
//!   reported once the first is fixed.
//! - When an object or list fails as a whole after something inside it was
//!   set aside, the failure is taken to follow from that (a party object
//!   emptied of its one key) and is not reported. A second fault of such an
//!   object as a whole (a source object's URL, once its bad `retrieved` date
//!   was set aside) is found once the first is fixed.
//! - At most 64 problems are reported per record, whatever rule finds them
//!   (a list of a million duplicates gives 64 and a count of the rest), and
//!   at most 1,000 per load unless the caller chooses another limit
//!   ([`LoadOptions::max_problems`]); errors are kept before warnings, and
//!   what is left out is counted in a last problem (`report.more_problems`)
//!   and by [`LoadErrors::omitted`]. A failed record is read
//!   again at most 128 times, and at most as often as fits in 256 MiB of its
//!   text (at least once): the extra work for a record is at most 128 times
//!   its size, and for a record larger than 2 MiB, about 256 MiB of reading
//!   (or one re-read when the record is larger still). A record nested deeper than 32 levels, or holding a
//!   number out of range, reports only its first problem.
//!
//! A record's rules (an end before its start, a blank title, ...) are checked
//! once all its values parse, and the dataset's rules (identifiers,
//! references) once all records are read.
//!
//! # Format (`schema_version` `"1"`)
//!
//! A JSON object with `schema_version` (the string `"1"`; other versions are
//! refused) and six arrays: `member_states`, `processes`, `partners`,
//! `projects`, `events`, `memberships` (each may be omitted when empty).
//! Records use the field names of the entities' getters; dates are strings
//! (`"2001"`, `"2001-10"`, `"2001-10-05"`, the EDTF level 1 forms of
//! [`PartialDate`](crate::value::PartialDate) such as `"1984?"`, `"2004-06~"` and
//! `"199X"`, and `"--07-25"` for an event day whose year is unknown), times `"HH:MM"`, amounts strings that keep their
//! scale (`"32000.00"`, never a JSON number), codes snake_case, parties
//! one-key objects (`{"state": "SEN"}`, `{"partner": "ECOWAS"}`,
//! `{"process": "MIDWA"}`; a group of states defined by a body, as a member:
//! `{"members_of": {"process": "CP"}}`), sources URL strings or
//! `{"url", "retrieved", "note"}` objects. A disputed value has an
//! `<field>_alternatives` list of `{"value", "sources", "note"}`, and may
//! name the sources of its preferred value in `<field>_sources` (where
//! left out, the record's sources that give no alternative stand for it).
//!
//! A project's and a membership's period are its `start` and `end` fields. A
//! missing `start` is an unknown start. A missing `end` is an **unknown** end
//! (the page gives none: the period may have ended on any day from its start
//! on); `"end": ".."` says the period is still running (an ongoing project, a
//! list of current members). So a project whose page gives no end date does
//! not claim to run still. See [`Period`](crate::value::Period) and
//! [`PeriodEnd`](crate::value::PeriodEnd).
//!
//! A few fields hold facts that have no date or need a shape of their own:
//! a project's `duration_months` and an event's `duration_days` are whole
//! numbers of at least 1, kept also when the dates are unknown ("a 12-month
//! project"); an event's `related_events` are `{"event", "relation", "note"}`
//! objects naming other events of the file (`"relation": "follow_up_of"`),
//! and its `outcomes` are `{"title", "kind", "url", "note"}` objects (the
//! documents it produced); a person may have an `honorific` and a list of
//! `phones`; a member state's `iom_presence_since` is a date, and its
//! `gcm_champion` is `{"value", "as_of"}` where, unlike in
//! `idf_line2_eligibility`, `as_of` may be left out when no source dates it.
//! A status step may name the Council session that decided it
//! (`"decided_at": "IOM-COUNCIL-96"`, an event of the file) and the
//! `sources` that give the step itself, apart from the state's other facts
//! (answers about the step cite those: see [`Answer`](crate::Answer)).
//! A membership's `as_of` is the date at which its source states it (a
//! page's "current chair"); a session's `start` may be left out (an agenda
//! that lists sessions in order without times). The same membership given
//! twice (by two sources) loads as one record with the sources of both.
//!
//! An optional single value of a record (a text, date, code, number or
//! object such as `description`, `end`, `year` or `gcm_champion`) may be
//! given as JSON `null`, which means the same as leaving it out; the JSON
//! Schema allows `null` for exactly these fields. Lists and `online` are
//! never `null` (leave them out when empty or false), nor are required
//! fields or the keys of a source object. Saving never writes `null`.
//!
//! ```json
//! {
//!   "schema_version": "1",
//!   "projects": [{
//!     "id": "E40-800",
//!     "title": "International Migration Policy (IMP) Workshop - West Africa",
//!     "external_ids": [{"scheme": "idf", "value": "E40-800"}],
//!     "status": "completed",
//!     "start": "2001", "end": "2001", "year": 2001,
//!     "amounts": [{"kind": "budget", "amount": "32000.00", "currency": "USD"}],
//!     "coverage": "regional",
//!     "benefiting_states": ["BEN", "BFA"],
//!     "sources": ["https://www.iom.int/"]
//!   }]
//! }
//! ```
//!
//! # JSON Schema
//!
//! The format has a JSON Schema (draft 2020-12), generated from the types that
//! read and write it and committed as `schema/dataset.schema.json` (shipped in
//! the crate package); with the `schemars` feature, `schema()` returns the
//! same schema. A test fails when the committed file and the types drift
//! apart (regenerate it with
//! `cargo run --example write_schema --features schemars`), and another
//! validates the reference dataset against it. The schema checks every
//! record's shape and every value's syntax; rules between values (a day that
//! exists in its month, an end after its start, references to records that
//! exist) are checked only by loading.
//!
//! # Canonical form
//!
//! Saving writes the canonical form: two-space indentation, records sorted by
//! identifier (memberships by body, member, role, scope and period), keys in
//! a fixed order, empty lists and absent values omitted. Loading then saving
//! a canonical file gives the same bytes; saving then loading a dataset gives
//! an equal dataset.
//!
//! # Resource bounds
//!
//! - Nesting deeper than 128 levels is an error (serde_json's limit), never a
//!   stack overflow, whatever the size of the thread's stack.
//! - Strings and arrays are bounded only by memory. Loading holds the text
//!   and the dataset being built; a valid file needs no other copy of its
//!   records (the README's "Performance" section gives the measured peak
//!   and resident memory per byte of file). A file with problems is also
//!   held as one borrowed slice per record while it is read again.
//! - Error messages quote at most 64 characters of a value, and a pointer
//!   printed by `Display` at most 200 characters; the work spent on a record
//!   that fails is bounded as described above.

mod entity_serde;
mod load;
mod locate;
mod nested;
mod recover;
mod resync;
mod save;
#[cfg(feature = "schemars")]
mod schema;
mod strict;
pub(crate) mod wire;

pub use load::{LoadError, LoadErrors, LoadOptions};
pub use locate::locate;
#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub use schema::schema;

/// The format version this version of migov reads and writes.
pub const SCHEMA_VERSION: &str = "1";
