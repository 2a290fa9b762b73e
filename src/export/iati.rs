//! IATI Activity Standard 2.03 XML for projects: one `iati-activity` per
//! project, valid against the IATI 2.03 XML Schema (`iati-activities-schema.xsd`,
//! checked in the crate's tests with `xmllint --schema`).
//!
//! [`write()`] writes an `iati-activities` document; [`to_string()`] returns it.
//! Both need [`IatiOptions`]: the *reporting organisation* of an IATI file is
//! whoever publishes it, which is the caller, not IOM and not migov. The
//! activities are written as a secondary reporter's (`secondary-reporter="1"`):
//! a reproduction of facts on activities the publisher is not responsible for.
//!
//! # What a project needs
//!
//! The schema requires facts that some records lack. A project is left out,
//! and named with the reason in the returned [`IatiReport`], when it has
//!
//! - no start and no end date (IATI requires an `activity-date`);
//! - no status, or one migov does not know (IATI requires an
//!   `activity-status`), unless the caller sets
//!   [`IatiOptions::status_when_unknown`];
//! - no funder and no implementer (IATI requires a `participating-org` with a
//!   role; a mere partner has none);
//! - nothing to describe it: no description, and nothing else that is
//!   written as one (see `description[@type=4]` below; IATI requires one).
//!
//! Nothing is invented to fill a gap. When every project is left out, the
//! export fails with [`ExportError::Nothing`] (an IATI file holds at least
//! one activity).
//!
//! # Mapping
//!
//! | IATI 2.03 | from |
//! | --- | --- |
//! | `iati-activities/@version` | `2.03` |
//! | `iati-activity/@xml:lang` | `en` (the dataset's texts are as sources write them, mostly English) |
//! | `iati-identifier` | `<reporting-org ref>-<project id>` |
//! | `reporting-org` | the [`IatiOptions`]: `@ref`, `@type`, name; `@secondary-reporter` `1` |
//! | `title/narrative` | title |
//! | `description[@type=1]/narrative` | description |
//! | `description[@type=4]/narrative` | one each: every note; every amount not written as a `budget` (`<kind label>: <amount> <currency>` and its note); every partner of role `partner` and every organisation with a note (`<role label>: <name>` and the note); every related process (`Related process: <id> (<name>)`) |
//! | `participating-org` | organisations of role funder (`@role` 1, Funding) and implementer (`@role` 4, Implementing); `narrative` the partner's name; `@type` from the partner's kind (government 10, UN agency / intergovernmental organisation / regional economic community 40 Multilateral, academic 80, private sector 70; an NGO's kind, international or national, is unknown: no `@type`); no `@ref` (the dataset holds no IATI organisation identifiers) |
//! | `other-identifier` | every external id: `@ref` the value, `@type` `A9` (other activity identifier), `owner-org/narrative` "International Organization for Migration" for an IDF code, else the id's scheme |
//! | `activity-status/@code` | pipeline 1, ongoing 2, completed 4 (Closed: physical activity complete), cancelled 5, suspended 6 |
//! | `activity-date` | start (`@type` 2 actual if the project is completed, ongoing or suspended, else 1 planned) and end (`@type` 4 actual if completed, else 3 planned); see *Dates* |
//! | `activity-scope/@code` | coverage: global 1, regional 2, national 4 |
//! | `recipient-country/@code` | each benefiting state, ISO 3166-1 alpha-2, `narrative` its name; no `@percentage` (the dataset does not split projects between states) |
//! | `sector` | project type: `@vocabulary` 99 (reporting organisation's own), `@code` the wire code, `@vocabulary-uri` the code list's documentation, `narrative` the English label |
//! | `budget` | the first amount of kind budget (else total budget), when start and end are known: `period-start` and `period-end` the period's first and last days, `value` the exact decimal, `@currency` its ISO 4217 code, `@value-date` the first day of the period (the dataset has no valuation date); no `@type`/`@status` (not recorded) |
//! | `document-link` | every source: `@url`; `@format` `application/pdf` when the URL's path ends in `.pdf`, else `text/html` (an inference from the URL); `title/narrative` the source's note, else the URL; `category/@code` A12 (activity web page); `description/narrative` `retrieved <date>` where recorded |
//!
//! # Dates
//!
//! IATI dates are full days (`xsd:date`); migov's may be known only to the
//! month or year. A start is written as the first day of its period
//! (`2015-04` → `2015-04-01`), an end as the last (`2016-03` → `2016-03-31`),
//! and each `activity-date` and budget period element carries the date as
//! known in the attribute `migov:date` (namespace
//! `https://docs.rs/migov/latest/migov/export/iati/`, which IATI's schema allows
//! on every element) with the precision in `migov:precision`
//! (`year`, `month`, `day`); an `activity-date` also says it in words in its
//! `narrative` ("known to the month: 2015-04"). A reader that ignores the
//! extension sees a day that the sources do not give: the extension is the
//! faithful value.
//!
//! An assumed status ([`IatiOptions::status_when_unknown`]) is marked
//! `migov:assumed="true"` on `activity-status`.
//!
//! # What is lost
//!
//! The IDF region, year and stated duration (`duration_months`); a
//! source's note when it is the link's title (no loss) or retrieval date
//! (kept as description); processes' and events' records (only a related
//! process's id and name are kept); the warnings records carry.
//!
//! # What IATI's own rules would add
//!
//! The XML Schema is the standard's structural check. The IATI Validator's
//! rulesets also check, among others, that `iati-identifier` starts with a
//! registered reporting-organisation identifier, that recipient countries
//! carry percentages summing to 100 when there are several, that budget
//! periods last no more than a year, and that actual dates are not in the
//! future. These exports meet the first only if the caller's
//! `reporting_org_ref` is registered; they do not meet the second (the
//! percentages are not known) and may fail the third for multi-year budgets.
//!
//! # Examples
//!
//! ```
//! use migov::codelist::{ProjectRole, ProjectStatus};
//! use migov::export::iati::{to_string, IatiOptions};
//! use migov::{Dataset, Partner, PartnerId, Period, Project, ProjectId, ProjectParty, Source};
//!
//! let iom = PartnerId::new("IOM")?;
//! let mut b = Dataset::builder();
//! b.add_partner(Partner::builder(iom.clone(), "International Organization for Migration")
//!     .source(Source::new("https://www.iom.int/")?).build()?)?;
//! b.add_project(Project::builder(ProjectId::new("E40-800")?, "IMP Workshop - West Africa")
//!     .description("A policy workshop.")
//!     .status(ProjectStatus::Completed)
//!     .period(Period::new(Some("2001".parse()?), Some("2001".parse()?))?)
//!     .organization(ProjectParty::new(iom, ProjectRole::Implementer))
//!     .source(Source::new("https://www.iom.int/project/e40-800")?)
//!     .build()?)?;
//! let data = b.build()?;
//!
//! let options = IatiOptions::new("XI-EXAMPLE", "90", "Example publisher")?;
//! let (xml, report) = to_string(&data, &options)?;
//! assert_eq!(report.written.len(), 1);
//! assert!(xml.contains("<iati-identifier>XI-EXAMPLE-E40-800</iati-identifier>"));
//! assert!(xml.contains(r#"<activity-date type="2" iso-date="2001-01-01" migov:date="2001" migov:precision="year">"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;
use std::io::Write;

use crate::codelist::{AmountKind, Coverage, PartnerKind, ProjectRole, ProjectStatus};
use crate::dataset::Dataset;
use crate::entity::Project;
use crate::export::{ExportError, Reasons};
use crate::value::{Language, PartialDate, Precision, ProjectId};

const FORMAT: &str = "IATI XML";

/// The namespace of migov's extension attributes.
pub const MIGOV_NAMESPACE: &str = "https://docs.rs/migov/latest/migov/export/iati/";

/// An IATI activity status (codelist `ActivityStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ActivityStatus {
    /// 1: Pipeline/identification.
    Pipeline,
    /// 2: Implementation.
    Implementation,
    /// 3: Finalisation.
    Finalisation,
    /// 4: Closed.
    Closed,
    /// 5: Cancelled.
    Cancelled,
    /// 6: Suspended.
    Suspended,
}

impl ActivityStatus {
    /// The IATI code, `"1"` to `"6"`.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Pipeline => "1",
            Self::Implementation => "2",
            Self::Finalisation => "3",
            Self::Closed => "4",
            Self::Cancelled => "5",
            Self::Suspended => "6",
        }
    }

    /// The IATI status of a project status migov knows.
    pub fn of(status: &ProjectStatus) -> Option<Self> {
        match status {
            ProjectStatus::Pipeline => Some(Self::Pipeline),
            ProjectStatus::Ongoing => Some(Self::Implementation),
            ProjectStatus::Completed => Some(Self::Closed),
            ProjectStatus::Cancelled => Some(Self::Cancelled),
            ProjectStatus::Suspended => Some(Self::Suspended),
            _ => None,
        }
    }
}

/// Who publishes the IATI file, and how to treat a missing status.
///
/// # Examples
///
/// ```
/// use migov::export::iati::IatiOptions;
///
/// assert!(IatiOptions::new("XI-EXAMPLE", "90", "Example publisher").is_ok());
/// let err = IatiOptions::new("XI EXAMPLE", "90", "Example publisher").unwrap_err();
/// assert!(err.to_string().contains("reporting_org_ref"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IatiOptions {
    reporting_org_ref: String,
    reporting_org_type: String,
    reporting_org_name: String,
    /// The status to write for a project whose status is not recorded
    /// (marked `migov:assumed="true"`). `None` (the default) leaves such
    /// projects out.
    pub status_when_unknown: Option<ActivityStatus>,
}

impl IatiOptions {
    /// The reporting organisation: its IATI organisation identifier (such as
    /// `XI-IATI-EXAMPLE`), its IATI `OrganisationType` code (such as `90`,
    /// other) and its name.
    ///
    /// # Errors
    ///
    /// [`ExportError::InvalidOption`] when the identifier is empty or holds
    /// whitespace, the type is not a number, or the name is empty.
    pub fn new(
        reporting_org_ref: impl Into<String>,
        reporting_org_type: impl Into<String>,
        reporting_org_name: impl Into<String>,
    ) -> Result<Self, ExportError> {
        let reporting_org_ref = reporting_org_ref.into();
        let reporting_org_type = reporting_org_type.into();
        let reporting_org_name = reporting_org_name.into();
        if reporting_org_ref.is_empty() || reporting_org_ref.chars().any(char::is_whitespace) {
            return Err(ExportError::InvalidOption {
                option: "reporting_org_ref",
                value: reporting_org_ref,
                reason: "expected an IATI organisation identifier, non-empty and without whitespace",
            });
        }
        if reporting_org_type.is_empty() || !reporting_org_type.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(ExportError::InvalidOption {
                option: "reporting_org_type",
                value: reporting_org_type,
                reason: "expected an IATI OrganisationType code such as 10, 40 or 90",
            });
        }
        if reporting_org_name.trim().is_empty() {
            return Err(ExportError::InvalidOption {
                option: "reporting_org_name",
                value: reporting_org_name,
                reason: "expected the reporting organisation's name",
            });
        }
        Ok(Self {
            reporting_org_ref,
            reporting_org_type,
            reporting_org_name,
            status_when_unknown: None,
        })
    }

    /// Writes `status` for projects whose status is not recorded.
    #[must_use]
    pub fn with_status_when_unknown(mut self, status: ActivityStatus) -> Self {
        self.status_when_unknown = Some(status);
        self
    }
}

/// Which projects an export wrote and which it left out, with why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IatiReport {
    /// The projects written, in the dataset's order.
    pub written: Vec<ProjectId>,
    /// The projects left out, each with the facts IATI requires that it lacks.
    pub skipped: Vec<(ProjectId, String)>,
}

/// Writes the IATI document of `data`'s projects to `out`; returns which
/// projects were written and which left out.
///
/// # Errors
///
/// [`ExportError::Nothing`] when no project can be written,
/// [`ExportError::NotXmlText`] when a text holds a character XML cannot
/// carry, [`ExportError::Io`] when the writer fails.
pub fn write<W: Write>(
    data: &Dataset,
    options: &IatiOptions,
    mut out: W,
) -> Result<IatiReport, ExportError> {
    let (text, report) = to_string(data, options)?;
    out.write_all(text.as_bytes())
        .map_err(ExportError::io(FORMAT))?;
    out.flush().map_err(ExportError::io(FORMAT))?;
    Ok(report)
}

/// The IATI document of `data`'s projects, and which were written.
///
/// # Errors
///
/// As [`write()`], without I/O.
pub fn to_string(
    data: &Dataset,
    options: &IatiOptions,
) -> Result<(String, IatiReport), ExportError> {
    let mut report = IatiReport::default();
    let mut body = String::new();
    for p in data.projects() {
        let missing = missing_facts(p, options);
        if !missing.is_empty() {
            report.skipped.push((p.id().clone(), missing.join(", ")));
            continue;
        }
        activity(&mut body, data, p, options)?;
        report.written.push(p.id().clone());
    }
    if report.written.is_empty() {
        return Err(ExportError::Nothing {
            format: FORMAT,
            what: "project",
            reasons: Reasons(
                report
                    .skipped
                    .iter()
                    .map(|(id, why)| format!("project {id}: {why}"))
                    .collect(),
            ),
        });
    }
    let mut doc = String::with_capacity(body.len() + 200);
    doc.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        doc,
        "<iati-activities version=\"2.03\" xmlns:migov=\"{MIGOV_NAMESPACE}\">"
    );
    doc.push_str(&body);
    doc.push_str("</iati-activities>\n");
    Ok((doc, report))
}

/// The facts IATI requires that `p` lacks.
fn missing_facts(p: &Project, options: &IatiOptions) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if p.period().start().is_none() && p.period().end().is_none() {
        missing.push("no start or end date");
    }
    if p.status().and_then(ActivityStatus::of).is_none() && options.status_when_unknown.is_none() {
        missing.push("no status");
    }
    if !p
        .organizations()
        .iter()
        .any(|o| participating_role(o.role()).is_some())
    {
        missing.push("no funder or implementer");
    }
    // The same facts `activity` writes as descriptions.
    let other_amounts = p.amounts().len() > usize::from(budget_amount(p).is_some());
    let described_orgs = p
        .organizations()
        .iter()
        .any(|o| participating_role(o.role()).is_none() || o.note().is_some());
    if p.description().is_none()
        && p.notes().is_empty()
        && !other_amounts
        && !described_orgs
        && p.related_processes().is_empty()
    {
        missing.push("nothing to describe it");
    }
    missing
}

fn participating_role(role: &ProjectRole) -> Option<&'static str> {
    match role {
        ProjectRole::Funder => Some("1"),
        ProjectRole::Implementer => Some("4"),
        _ => None,
    }
}

fn organisation_type(kind: &PartnerKind) -> Option<&'static str> {
    match kind {
        PartnerKind::Government => Some("10"),
        PartnerKind::UnAgency
        | PartnerKind::IntergovernmentalOrganization
        | PartnerKind::RegionalEconomicCommunity => Some("40"),
        PartnerKind::Academic => Some("80"),
        PartnerKind::PrivateSector => Some("70"),
        _ => None,
    }
}

/// The text escaped for XML content and attributes, or the error naming
/// the record and field when it holds a character XML 1.0 cannot carry.
fn esc(text: &str, record: &str, field: &'static str) -> Result<String, ExportError> {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => {
                let _ = write!(out, "&#{};", u32::from(ch));
            }
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                return Err(ExportError::NotXmlText {
                    record: record.to_owned(),
                    field,
                    value: text.to_owned(),
                    code: u32::from(c),
                });
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

fn precision(d: PartialDate) -> &'static str {
    match d.precision() {
        Precision::Year => "year",
        Precision::Month => "month",
        _ => "day",
    }
}

/// `migov:date` and `migov:precision` attributes of a partial date.
fn date_attrs(d: PartialDate) -> String {
    format!(" migov:date=\"{d}\" migov:precision=\"{}\"", precision(d))
}

fn activity(
    out: &mut String,
    data: &Dataset,
    p: &Project,
    options: &IatiOptions,
) -> Result<(), ExportError> {
    let record = format!("project {}", p.id());
    let r = record.as_str();
    let status = p.status().and_then(ActivityStatus::of);
    let _ = writeln!(out, "  <iati-activity xml:lang=\"en\">");
    let _ = writeln!(
        out,
        "    <iati-identifier>{}-{}</iati-identifier>",
        esc(&options.reporting_org_ref, r, "reporting_org_ref")?,
        esc(p.id().as_str(), r, "id")?
    );
    let _ = writeln!(
        out,
        "    <reporting-org ref=\"{}\" type=\"{}\" secondary-reporter=\"1\">\n      <narrative>{}</narrative>\n    </reporting-org>",
        esc(&options.reporting_org_ref, r, "reporting_org_ref")?,
        esc(&options.reporting_org_type, r, "reporting_org_type")?,
        esc(&options.reporting_org_name, r, "reporting_org_name")?
    );
    let _ = writeln!(
        out,
        "    <title>\n      <narrative>{}</narrative>\n    </title>",
        esc(p.title(), r, "title")?
    );

    // Descriptions: the general one, then everything that has no element of its own.
    let mut other: Vec<(String, &'static str)> = Vec::new();
    for n in p.notes() {
        other.push((n.clone(), "notes"));
    }
    let budget = budget_amount(p);
    for (i, a) in p.amounts().iter().enumerate() {
        if Some(i) == budget.map(|(j, _)| j) {
            continue;
        }
        let mut line = format!("{}: {}", a.kind().label(Language::English), a.money());
        if let Some(note) = a.note() {
            let _ = write!(line, " ({note})");
        }
        other.push((line, "amounts"));
    }
    for o in p.organizations() {
        if participating_role(o.role()).is_none() || o.note().is_some() {
            let name = data
                .partner(o.partner())
                .map_or(o.partner().as_str(), |x| x.name());
            let mut line = format!("{}: {name}", o.role().label(Language::English));
            if let Some(note) = o.note() {
                let _ = write!(line, " ({note})");
            }
            other.push((line, "organizations"));
        }
    }
    for id in p.related_processes() {
        let line = match data.process(id) {
            Some(proc) => format!("Related process: {id} ({})", proc.name()),
            None => format!("Related process: {id}"),
        };
        other.push((line, "related_processes"));
    }
    if let Some(d) = p.description() {
        let _ = writeln!(
            out,
            "    <description type=\"1\">\n      <narrative>{}</narrative>\n    </description>",
            esc(d, r, "description")?
        );
    }
    for (text, field) in &other {
        let _ = writeln!(
            out,
            "    <description type=\"4\">\n      <narrative>{}</narrative>\n    </description>",
            esc(text, r, field)?
        );
    }

    for o in p.organizations() {
        let Some(role) = participating_role(o.role()) else {
            continue;
        };
        let partner = data.partner(o.partner());
        let name = partner.map_or(o.partner().as_str(), |x| x.name());
        let kind = partner
            .and_then(|x| x.kind())
            .and_then(organisation_type)
            .map(|t| format!(" type=\"{t}\""))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    <participating-org role=\"{role}\"{kind}>\n      <narrative>{}</narrative>\n    </participating-org>",
            esc(name, r, "organizations")?
        );
    }

    for x in p.external_ids() {
        let owner = match x {
            crate::entity::ExternalId::Idf(_) => "International Organization for Migration",
            _ => x.scheme(),
        };
        let _ = writeln!(
            out,
            "    <other-identifier ref=\"{}\" type=\"A9\">\n      <owner-org>\n        <narrative>{}</narrative>\n      </owner-org>\n    </other-identifier>",
            esc(x.value(), r, "external_ids")?,
            esc(owner, r, "external_ids")?
        );
    }

    match (status, options.status_when_unknown) {
        (Some(s), _) => {
            let _ = writeln!(out, "    <activity-status code=\"{}\"/>", s.code());
        }
        (None, Some(s)) => {
            let _ = writeln!(
                out,
                "    <activity-status code=\"{}\" migov:assumed=\"true\"/>",
                s.code()
            );
        }
        (None, None) => {}
    }

    let ran = matches!(
        p.status(),
        Some(ProjectStatus::Completed | ProjectStatus::Ongoing | ProjectStatus::Suspended)
    );
    let done = matches!(p.status(), Some(ProjectStatus::Completed));
    if let Some(start) = p.period().start() {
        activity_date(out, if ran { "2" } else { "1" }, start, start.first_day());
    }
    if let Some(end) = p.period().end() {
        activity_date(out, if done { "4" } else { "3" }, end, end.last_day());
    }

    if let Some(c) = p.coverage() {
        let code = match c {
            Coverage::Global => Some("1"),
            Coverage::Regional => Some("2"),
            Coverage::National => Some("4"),
            _ => None,
        };
        if let Some(code) = code {
            let _ = writeln!(out, "    <activity-scope code=\"{code}\"/>");
        }
    }
    for c in p.benefiting_states() {
        let _ = writeln!(
            out,
            "    <recipient-country code=\"{}\">\n      <narrative>{}</narrative>\n    </recipient-country>",
            c.alpha2(),
            esc(c.name(), r, "benefiting_states")?
        );
    }
    if let Some(t) = p.project_type() {
        let _ = writeln!(
            out,
            "    <sector vocabulary=\"99\" vocabulary-uri=\"https://docs.rs/migov/latest/migov/codelist/enum.ProjectType.html\" code=\"{}\">\n      <narrative>{}</narrative>\n    </sector>",
            esc(t.as_str(), r, "project_type")?,
            esc(t.label(Language::English), r, "project_type")?
        );
    }
    if let (Some((_, money)), Some(start), Some(end)) =
        (budget, p.period().start(), p.period().end())
    {
        let first = start.first_day();
        let _ = writeln!(
            out,
            "    <budget>\n      <period-start iso-date=\"{first}\"{}/>\n      <period-end iso-date=\"{}\"{}/>\n      <value currency=\"{}\" value-date=\"{first}\">{}</value>\n    </budget>",
            date_attrs(start),
            end.last_day(),
            date_attrs(end),
            money.currency().code(),
            money.amount()
        );
    }
    for s in p.sources() {
        let path = s.url().split(['?', '#']).next().unwrap_or_default();
        let format = if path.to_ascii_lowercase().ends_with(".pdf") {
            "application/pdf"
        } else {
            "text/html"
        };
        let title = s.note().unwrap_or(s.url());
        let _ = write!(
            out,
            "    <document-link url=\"{}\" format=\"{format}\">\n      <title>\n        <narrative>{}</narrative>\n      </title>\n",
            esc(s.url(), r, "sources")?,
            esc(title, r, "sources")?
        );
        if let Some(d) = s.retrieved() {
            let _ = write!(
                out,
                "      <description>\n        <narrative>retrieved {d}</narrative>\n      </description>\n"
            );
        }
        let _ = writeln!(out, "      <category code=\"A12\"/>\n    </document-link>");
    }
    let _ = writeln!(out, "  </iati-activity>");
    Ok(())
}

/// The amount written as the `budget` (with its index among the amounts):
/// the first of kind budget, else the first of kind total budget, when the
/// period's both ends are known.
fn budget_amount(p: &Project) -> Option<(usize, &crate::value::Money)> {
    p.period().start()?;
    p.period().end()?;
    let find = |kind: AmountKind| {
        p.amounts()
            .iter()
            .enumerate()
            .find(|(_, a)| *a.kind() == kind)
            .map(|(i, a)| (i, a.money()))
    };
    find(AmountKind::Budget).or_else(|| find(AmountKind::TotalBudget))
}

fn activity_date(out: &mut String, kind: &str, date: PartialDate, day: chrono::NaiveDate) {
    let words = match date.precision() {
        Precision::Year => format!("known to the year: {date}"),
        Precision::Month => format!("known to the month: {date}"),
        _ => format!("known to the day: {date}"),
    };
    let _ = writeln!(
        out,
        "    <activity-date type=\"{kind}\" iso-date=\"{day}\"{}>\n      <narrative>{words}</narrative>\n    </activity-date>",
        date_attrs(date)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_refuses_control_characters() {
        assert_eq!(
            esc("a<b & \"c\" 'd'>", "project X", "title").unwrap(),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(esc("a\tb", "p", "title").unwrap(), "a&#9;b");
        let err = esc("bell\u{7}", "project X", "title").unwrap_err();
        assert!(
            matches!(
                err,
                ExportError::NotXmlText {
                    code: 7,
                    field: "title",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("project X"), "{err}");
    }

    #[test]
    fn options_are_checked() {
        assert!(IatiOptions::new("", "90", "X").is_err());
        assert!(IatiOptions::new("XI-A", "ninety", "X").is_err());
        assert!(IatiOptions::new("XI-A", "90", " ").is_err());
        assert!(IatiOptions::new("XI-A", "90", "X").is_ok());
    }

    #[test]
    fn statuses_map_to_distinct_codes() {
        let codes: std::collections::BTreeSet<_> = ProjectStatus::known()
            .filter_map(|s| ActivityStatus::of(&s))
            .map(ActivityStatus::code)
            .collect();
        assert_eq!(codes.len(), ProjectStatus::known().count());
    }

    #[test]
    fn an_empty_dataset_has_nothing_to_write() {
        let data = Dataset::builder().build().unwrap();
        let options = IatiOptions::new("XI-A", "90", "X").unwrap();
        let err = to_string(&data, &options).unwrap_err();
        assert!(matches!(err, ExportError::Nothing { .. }), "{err:?}");
        assert!(err.to_string().contains("the dataset holds none"), "{err}");
    }
}
