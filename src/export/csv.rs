//! Flat CSV tables (feature `csv`): one table per collection, plus tables for
//! the lists records hold (benefiting states, amounts, parties, sources).
//!
//! Each [`Table`] is written by [`write_table`] to any writer, or every table
//! into a directory by [`write_dir`] (as `<name>.csv`). The CSV is RFC 4180
//! as the `csv` crate writes it: comma-separated, a header row, fields quoted
//! where they hold a comma, a quote or a line break, UTF-8, `\n` line ends.
//!
//! # Stability
//!
//! The tables, their columns and their order are part of migov's API: a
//! column is never renamed, moved or dropped except in a breaking release;
//! new columns are only appended. Rows follow the dataset's order (records
//! sorted by identifier, memberships by body, member, role, scope and period),
//! so the same dataset always gives the same bytes.
//!
//! # Cells
//!
//! - An unknown or absent value is an empty cell. Booleans are `true` / `false`.
//! - Dates are written at their precision: `2001`, `2001-10`, `2001-10-05`;
//!   an event date whose year is unknown is `--07-25`.
//! - Codes are the wire codes of the [code lists](crate::codelist)
//!   (`migration_policy_activities`), not labels; countries are ISO 3166-1
//!   alpha-3 codes (the member-state table also gives alpha-2 and the name).
//! - Amounts are the exact decimal as recorded (`32000.00`), with the
//!   currency in a column of its own.
//! - A multi-valued cell (other names, notes, alternative dates...) joins its
//!   values with ` | ` (space, bar, space). A value that itself holds ` | `
//!   cannot be told apart from two values: the JSON format is the lossless one.
//!   Sources are not joined: they have their own table with one row each.
//!
//! # Tables and columns
//!
//! **`member_states`** (one row per member state):
//!
//! | column | value |
//! | --- | --- |
//! | `country` | ISO 3166-1 alpha-3 code (the key) |
//! | `alpha2` | ISO 3166-1 alpha-2 code |
//! | `name` | the name the record gives |
//! | `other_names` | other names, joined |
//! | `current_status` | `member` or `observer`, the last step of the history |
//! | `current_status_since` | since when the current status holds |
//! | `status_history` | every step as `status` or `status@date`, oldest first, joined |
//! | `idf_region` | IOM Development Fund region code |
//! | `idf_line2_eligible` | `true`/`false`: eligibility for the Fund's Line 2 |
//! | `idf_line2_as_of` | the date that eligibility holds at |
//! | `gcm_champion` | `true`/`false`: listed as a GCM Champion country |
//! | `gcm_champion_as_of` | the date of that list |
//! | `iom_presence_since` | since when IOM is present in the country |
//! | `notes` | notes, joined |
//! | `source_count` | how many rows of `sources` belong to the record |
//!
//! **`processes`** (one row per consultative process):
//!
//! | column | value |
//! | --- | --- |
//! | `id` | process identifier (the key) |
//! | `name`, `other_names` | names |
//! | `kind` | process kind code |
//! | `region` | region as written |
//! | `secretariat` | secretariat as written |
//! | `established` | preferred establishment date |
//! | `established_alternatives` | other claimed dates, joined (their sources are in the JSON format only) |
//! | `status`, `status_since` | lifecycle status code and its date |
//! | `stated_member_count` | the member count a source states (alternatives dropped) |
//! | `linked_organizations` | partner identifiers, joined |
//! | `notes` | notes, joined |
//! | `source_count` | rows of `sources` |
//!
//! **`partners`** (one row per partner):
//!
//! | column | value |
//! | --- | --- |
//! | `id` | partner identifier (the key) |
//! | `name`, `other_names` | names |
//! | `kind` | partner kind code |
//! | `headquarters` | alpha-3 code of the headquarters' country |
//! | `established`, `established_alternatives` | as for processes |
//! | `status`, `status_since`, `stated_member_count` | as for processes |
//! | `iom_relationship` | the relationship to IOM, as written |
//! | `figures` | published figures as `metric: value` (`+` for "at least", `over` for "more than", `(as of date)`), joined (their sources are dropped) |
//! | `notes`, `source_count` | as above |
//!
//! **`projects`** (one row per project):
//!
//! | column | value |
//! | --- | --- |
//! | `id` | project identifier (the key) |
//! | `title`, `description` | as written |
//! | `idf_code` | IOM Development Fund code |
//! | `external_ids` | every identifier as `scheme:value`, joined |
//! | `status`, `project_type`, `coverage`, `idf_region` | codes |
//! | `start`, `end` | the period's bounds |
//! | `year` | the year a source gives the project |
//! | `duration_months` | the length a source states |
//! | `budget_amount`, `budget_currency` | the first amount of kind `budget` |
//! | `benefiting_state_count` | rows of `project_benefiting_states` |
//! | `related_processes` | process identifiers, joined |
//! | `notes`, `source_count` | as above |
//!
//! **`project_benefiting_states`**: `project_id`, `country` (alpha-3),
//! `country_name`: one row per project and benefiting state, in the
//! project's order.
//!
//! **`project_amounts`**: `project_id`, `kind` (amount kind code), `amount`
//! (exact decimal), `currency` (ISO 4217), `note`: every amount.
//!
//! **`project_organizations`**: `project_id`, `partner_id`, `role` (project
//! role code), `note`: every organisation of a project.
//!
//! **`events`** (one row per event):
//!
//! | column | value |
//! | --- | --- |
//! | `id` | event identifier (the key) |
//! | `title`, `kind`, `description` | as written, kind as a code |
//! | `start` | preferred first day (`--MM-DD` when the year is unknown) |
//! | `start_alternatives` | other claimed first days, joined |
//! | `end` | last day |
//! | `duration_days` | the length a source states |
//! | `city`, `country` | the venue (country as alpha-3) |
//! | `online` | `true`/`false` |
//! | `time_zone` | IANA time zone of the agenda |
//! | `related_projects` | project identifiers, joined |
//! | `speaker_count`, `contact_count`, `agenda_day_count`, `outcome_count` | how many the record holds (their content is in the JSON format only) |
//! | `notes`, `source_count` | as above |
//!
//! **`event_parties`**: `event_id`, `party_kind` (`state`, `partner` or
//! `process`), `party_id`, `role` (event role code), `programme`, `note`.
//!
//! **`memberships`** (one row per membership):
//!
//! | column | value |
//! | --- | --- |
//! | `membership` | the row's position in the dataset's memberships, from 0 (memberships have no identifier of their own; this is the key `sources` uses) |
//! | `member_kind`, `member_id` | who belongs: `state`/`partner` and its code or identifier |
//! | `body_kind`, `body_id` | to what: `process`/`partner` and its identifier |
//! | `role` | membership role code |
//! | `scope` | the scope (a working group's name) |
//! | `start`, `end` | the period's bounds |
//! | `note` | the note |
//! | `dispute` | the dispute's note (its sources are rows of `sources` with `record_kind` `membership_dispute`) |
//! | `source_count` | rows of `sources` |
//!
//! **`sources`** (one row per source of a record):
//!
//! | column | value |
//! | --- | --- |
//! | `record_kind` | `member_state`, `process`, `partner`, `project`, `event`, `membership` or `membership_dispute` |
//! | `record_key` | the record's key column (`country`, `id` or `membership`) |
//! | `url` | the source's URL |
//! | `retrieved` | when it was retrieved, where recorded |
//! | `note` | the source's note |
//!
//! # What is lost
//!
//! Event speakers, contacts, agendas, outcomes and related events (counted
//! only); alternatives of stated member counts; the sources of alternative
//! dates and of partners' figures; the warnings records carry (they are
//! recomputed when the dataset is read again). None of the tables can be
//! read back into a dataset: the JSON format is the one to exchange datasets.
//!
//! # Examples
//!
//! ```
//! use migov::export::csv::{write_table, Table};
//!
//! let data = migov::Dataset::builder().build()?;
//! let mut out = Vec::new();
//! let rows = write_table(&data, Table::Memberships, &mut out)?;
//! assert_eq!(rows, 0);
//! assert!(String::from_utf8(out)?.starts_with("membership,member_kind,member_id,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Write;
use std::path::Path;

use crate::dataset::Dataset;
use crate::entity::Party;
use crate::export::{ExportError, join, opt};
use crate::value::{Claimed, Period, Source};

/// One CSV table of the export (see the [module docs](self) for its columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Table {
    /// `member_states`: one row per member state.
    MemberStates,
    /// `processes`: one row per consultative process.
    Processes,
    /// `partners`: one row per partner.
    Partners,
    /// `projects`: one row per project.
    Projects,
    /// `project_benefiting_states`: one row per project and benefiting state.
    ProjectBenefitingStates,
    /// `project_amounts`: one row per amount of a project.
    ProjectAmounts,
    /// `project_organizations`: one row per organisation of a project.
    ProjectOrganizations,
    /// `events`: one row per event.
    Events,
    /// `event_parties`: one row per party of an event.
    EventParties,
    /// `memberships`: one row per membership.
    Memberships,
    /// `sources`: one row per source of a record.
    Sources,
}

impl Table {
    /// Every table, in the order of the module docs.
    pub const ALL: [Table; 11] = [
        Table::MemberStates,
        Table::Processes,
        Table::Partners,
        Table::Projects,
        Table::ProjectBenefitingStates,
        Table::ProjectAmounts,
        Table::ProjectOrganizations,
        Table::Events,
        Table::EventParties,
        Table::Memberships,
        Table::Sources,
    ];

    /// The table's name (its file is `<name>.csv`).
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::export::csv::Table;
    /// assert_eq!(Table::ProjectBenefitingStates.name(), "project_benefiting_states");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Self::MemberStates => "member_states",
            Self::Processes => "processes",
            Self::Partners => "partners",
            Self::Projects => "projects",
            Self::ProjectBenefitingStates => "project_benefiting_states",
            Self::ProjectAmounts => "project_amounts",
            Self::ProjectOrganizations => "project_organizations",
            Self::Events => "events",
            Self::EventParties => "event_parties",
            Self::Memberships => "memberships",
            Self::Sources => "sources",
        }
    }

    /// The header row: the columns, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use migov::export::csv::Table;
    /// assert_eq!(Table::ProjectBenefitingStates.columns(), ["project_id", "country", "country_name"]);
    /// ```
    pub const fn columns(self) -> &'static [&'static str] {
        match self {
            Self::MemberStates => &[
                "country",
                "alpha2",
                "name",
                "other_names",
                "current_status",
                "current_status_since",
                "status_history",
                "idf_region",
                "idf_line2_eligible",
                "idf_line2_as_of",
                "gcm_champion",
                "gcm_champion_as_of",
                "iom_presence_since",
                "notes",
                "source_count",
            ],
            Self::Processes => &[
                "id",
                "name",
                "other_names",
                "kind",
                "region",
                "secretariat",
                "established",
                "established_alternatives",
                "status",
                "status_since",
                "stated_member_count",
                "linked_organizations",
                "notes",
                "source_count",
            ],
            Self::Partners => &[
                "id",
                "name",
                "other_names",
                "kind",
                "headquarters",
                "established",
                "established_alternatives",
                "status",
                "status_since",
                "stated_member_count",
                "iom_relationship",
                "figures",
                "notes",
                "source_count",
            ],
            Self::Projects => &[
                "id",
                "title",
                "description",
                "idf_code",
                "external_ids",
                "status",
                "project_type",
                "coverage",
                "idf_region",
                "start",
                "end",
                "year",
                "duration_months",
                "budget_amount",
                "budget_currency",
                "benefiting_state_count",
                "related_processes",
                "notes",
                "source_count",
            ],
            Self::ProjectBenefitingStates => &["project_id", "country", "country_name"],
            Self::ProjectAmounts => &["project_id", "kind", "amount", "currency", "note"],
            Self::ProjectOrganizations => &["project_id", "partner_id", "role", "note"],
            Self::Events => &[
                "id",
                "title",
                "kind",
                "description",
                "start",
                "start_alternatives",
                "end",
                "duration_days",
                "city",
                "country",
                "online",
                "time_zone",
                "related_projects",
                "speaker_count",
                "contact_count",
                "agenda_day_count",
                "outcome_count",
                "notes",
                "source_count",
            ],
            Self::EventParties => &[
                "event_id",
                "party_kind",
                "party_id",
                "role",
                "programme",
                "note",
            ],
            Self::Memberships => &[
                "membership",
                "member_kind",
                "member_id",
                "body_kind",
                "body_id",
                "role",
                "scope",
                "start",
                "end",
                "note",
                "dispute",
                "source_count",
            ],
            Self::Sources => &["record_kind", "record_key", "url", "retrieved", "note"],
        }
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Writes `table` of `data` as CSV to `out`, header first; returns the number
/// of rows written (the header not counted).
///
/// # Errors
///
/// [`ExportError::Csv`] naming the table when the writer fails.
///
/// # Examples
///
/// ```
/// use migov::export::csv::{write_table, Table};
/// use migov::{CountryCode, MemberState, IomStatus, Source};
///
/// let mut b = migov::Dataset::builder();
/// b.add_member_state(MemberState::builder(CountryCode::from_alpha3("SEN")?)
///     .status(IomStatus::Member, Some("1973".parse()?))
///     .source(Source::new("https://www.iom.int/member-states")?)
///     .build()?)?;
/// let data = b.build()?;
///
/// let mut out = Vec::new();
/// assert_eq!(write_table(&data, Table::MemberStates, &mut out)?, 1);
/// let text = String::from_utf8(out)?;
/// assert!(text.lines().nth(1).unwrap().starts_with("SEN,SN,Senegal,,member,1973,member@1973,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_table<W: Write>(data: &Dataset, table: Table, out: W) -> Result<usize, ExportError> {
    let mut w = ::csv::Writer::from_writer(out);
    let fail = |e: ::csv::Error| ExportError::Csv {
        table: table.name(),
        source: Box::new(e),
    };
    w.write_record(table.columns()).map_err(fail)?;
    let mut count = 0usize;
    let mut emit = |row: Vec<String>| -> Result<(), ExportError> {
        count += 1;
        w.write_record(&row).map_err(fail)
    };
    rows(data, table, &mut emit)?;
    w.flush().map_err(|e| ExportError::Csv {
        table: table.name(),
        source: Box::new(e),
    })?;
    Ok(count)
}

/// Writes every [`Table`] of `data` into the directory `dir` (created if
/// missing) as `<name>.csv`, replacing files of those names; returns each
/// table with its row count.
///
/// # Errors
///
/// [`ExportError::Io`] when the directory or a file cannot be created,
/// [`ExportError::Csv`] when a table cannot be written.
pub fn write_dir(data: &Dataset, dir: &Path) -> Result<Vec<(Table, usize)>, ExportError> {
    std::fs::create_dir_all(dir).map_err(ExportError::io("CSV"))?;
    let mut written = Vec::with_capacity(Table::ALL.len());
    for table in Table::ALL {
        let path = dir.join(format!("{}.csv", table.name()));
        let file = std::fs::File::create(&path).map_err(ExportError::io("CSV"))?;
        let rows = write_table(data, table, std::io::BufWriter::new(file))?;
        written.push((table, rows));
    }
    Ok(written)
}

fn flag(value: Option<bool>) -> String {
    value.map(|b| b.to_string()).unwrap_or_default()
}

fn start(p: Period) -> String {
    opt(p.start())
}

fn end(p: Period) -> String {
    opt(p.end())
}

fn preferred<T: std::fmt::Display>(c: Option<&Claimed<T>>) -> String {
    opt(c.map(Claimed::value))
}

fn alternatives<T: std::fmt::Display>(c: Option<&Claimed<T>>) -> String {
    c.map(|c| join(c.alternatives().iter().map(|a| a.value())))
        .unwrap_or_default()
}

fn party(p: &Party) -> [String; 2] {
    [p.kind().to_owned(), p.id_str().to_owned()]
}

fn source_rows(
    kind: &str,
    key: &str,
    sources: &[Source],
    emit: &mut impl FnMut(Vec<String>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    for s in sources {
        emit(vec![
            kind.to_owned(),
            key.to_owned(),
            s.url().to_owned(),
            opt(s.retrieved()),
            opt(s.note()),
        ])?;
    }
    Ok(())
}

fn rows(
    data: &Dataset,
    table: Table,
    emit: &mut impl FnMut(Vec<String>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    match table {
        Table::MemberStates => {
            for s in data.member_states() {
                let history = join(s.status_history().iter().map(|c| match c.since() {
                    Some(d) => format!("{}@{d}", c.status()),
                    None => c.status().to_string(),
                }));
                emit(vec![
                    s.country().alpha3().to_owned(),
                    s.country().alpha2().to_owned(),
                    s.name().to_owned(),
                    join(s.other_names()),
                    opt(s.current_status()),
                    opt(s.current_since()),
                    history,
                    opt(s.idf_region()),
                    flag(s.idf_line2_eligibility().map(|f| f.value())),
                    opt(s.idf_line2_eligibility().and_then(|f| f.as_of())),
                    flag(s.gcm_champion().map(|f| f.value())),
                    opt(s.gcm_champion().and_then(|f| f.as_of())),
                    opt(s.iom_presence_since()),
                    join(s.notes()),
                    s.sources().len().to_string(),
                ])?;
            }
        }
        Table::Processes => {
            for p in data.processes() {
                emit(vec![
                    p.id().to_string(),
                    p.name().to_owned(),
                    join(p.other_names()),
                    opt(p.kind()),
                    opt(p.region()),
                    opt(p.secretariat()),
                    preferred(p.established()),
                    alternatives(p.established()),
                    opt(p.status()),
                    opt(p.status_since()),
                    preferred(p.stated_member_count()),
                    join(p.linked_organizations()),
                    join(p.notes()),
                    p.sources().len().to_string(),
                ])?;
            }
        }
        Table::Partners => {
            for p in data.partners() {
                emit(vec![
                    p.id().to_string(),
                    p.name().to_owned(),
                    join(p.other_names()),
                    opt(p.kind()),
                    opt(p.headquarters().map(|c| c.alpha3())),
                    preferred(p.established()),
                    alternatives(p.established()),
                    opt(p.status()),
                    opt(p.status_since()),
                    preferred(p.stated_member_count()),
                    opt(p.iom_relationship()),
                    join(p.figures()),
                    join(p.notes()),
                    p.sources().len().to_string(),
                ])?;
            }
        }
        Table::Projects => {
            for p in data.projects() {
                emit(vec![
                    p.id().to_string(),
                    p.title().to_owned(),
                    opt(p.description()),
                    opt(p.idf_code()),
                    join(p.external_ids()),
                    opt(p.status()),
                    opt(p.project_type()),
                    opt(p.coverage()),
                    opt(p.idf_region()),
                    start(p.period()),
                    end(p.period()),
                    opt(p.year()),
                    opt(p.duration_months()),
                    opt(p.budget().map(|m| m.amount())),
                    opt(p.budget().map(|m| m.currency().code())),
                    p.benefiting_states().len().to_string(),
                    join(p.related_processes()),
                    join(p.notes()),
                    p.sources().len().to_string(),
                ])?;
            }
        }
        Table::ProjectBenefitingStates => {
            for p in data.projects() {
                for c in p.benefiting_states() {
                    emit(vec![
                        p.id().to_string(),
                        c.alpha3().to_owned(),
                        c.name().to_owned(),
                    ])?;
                }
            }
        }
        Table::ProjectAmounts => {
            for p in data.projects() {
                for a in p.amounts() {
                    emit(vec![
                        p.id().to_string(),
                        a.kind().to_string(),
                        a.money().amount().to_string(),
                        a.money().currency().code().to_owned(),
                        opt(a.note()),
                    ])?;
                }
            }
        }
        Table::ProjectOrganizations => {
            for p in data.projects() {
                for o in p.organizations() {
                    emit(vec![
                        p.id().to_string(),
                        o.partner().to_string(),
                        o.role().to_string(),
                        opt(o.note()),
                    ])?;
                }
            }
        }
        Table::Events => {
            for e in data.events() {
                emit(vec![
                    e.id().to_string(),
                    e.title().to_owned(),
                    opt(e.kind()),
                    opt(e.description()),
                    preferred(e.start()),
                    alternatives(e.start()),
                    opt(e.end()),
                    opt(e.duration_days()),
                    opt(e.city()),
                    opt(e.country().map(|c| c.alpha3())),
                    e.is_online().to_string(),
                    opt(e.time_zone()),
                    join(e.related_projects()),
                    e.speakers().len().to_string(),
                    e.contacts().len().to_string(),
                    e.agenda().len().to_string(),
                    e.outcomes().len().to_string(),
                    join(e.notes()),
                    e.sources().len().to_string(),
                ])?;
            }
        }
        Table::EventParties => {
            for e in data.events() {
                for p in e.parties() {
                    let [kind, id] = party(p.party());
                    emit(vec![
                        e.id().to_string(),
                        kind,
                        id,
                        p.role().to_string(),
                        opt(p.programme()),
                        opt(p.note()),
                    ])?;
                }
            }
        }
        Table::Memberships => {
            for (i, m) in data.memberships().iter().enumerate() {
                let [member_kind, member_id] = party(m.member());
                let [body_kind, body_id] = party(m.body());
                emit(vec![
                    i.to_string(),
                    member_kind,
                    member_id,
                    body_kind,
                    body_id,
                    m.role().to_string(),
                    opt(m.scope()),
                    start(m.period()),
                    end(m.period()),
                    opt(m.note()),
                    opt(m.dispute().map(|d| d.note())),
                    m.sources().len().to_string(),
                ])?;
            }
        }
        Table::Sources => {
            for s in data.member_states() {
                source_rows("member_state", s.country().alpha3(), s.sources(), emit)?;
            }
            for p in data.processes() {
                source_rows("process", p.id().as_str(), p.sources(), emit)?;
            }
            for p in data.partners() {
                source_rows("partner", p.id().as_str(), p.sources(), emit)?;
            }
            for p in data.projects() {
                source_rows("project", p.id().as_str(), p.sources(), emit)?;
            }
            for e in data.events() {
                source_rows("event", e.id().as_str(), e.sources(), emit)?;
            }
            for (i, m) in data.memberships().iter().enumerate() {
                let key = i.to_string();
                source_rows("membership", &key, m.sources(), emit)?;
                if let Some(d) = m.dispute() {
                    source_rows("membership_dispute", &key, d.sources(), emit)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_distinct_columns_and_a_distinct_name() {
        let mut names = std::collections::BTreeSet::new();
        for t in Table::ALL {
            assert!(names.insert(t.name()), "{t} twice");
            let cols: std::collections::BTreeSet<_> = t.columns().iter().collect();
            assert_eq!(cols.len(), t.columns().len(), "{t} repeats a column");
        }
    }

    #[test]
    fn an_empty_dataset_gives_headers_only() {
        let data = Dataset::builder().build().unwrap();
        for t in Table::ALL {
            let mut out = Vec::new();
            assert_eq!(write_table(&data, t, &mut out).unwrap(), 0);
            let text = String::from_utf8(out).unwrap();
            assert_eq!(text, format!("{}\n", t.columns().join(",")));
        }
    }
}
