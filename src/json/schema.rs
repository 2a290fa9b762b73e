//! The JSON Schema of the dataset format, generated from the wire records
//! (feature `schemars`).
//!
//! The wire records derive `JsonSchema`; the value types at their leaves have
//! the manual impls below, each matching that type's serde form exactly (a
//! string with a pattern, or an enumeration of codes).

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::wire::{
    BoundText, DecimalText, EndText, EventDateText, EventRecord, IomStatusText, MemberStateRecord,
    MembershipRecord, PartnerRecord, ProcessRecord, ProjectRecord, UrlText,
};
use crate::codelist::{
    AmountKind, ContributionRole, Coverage, DocumentKind, EventKind, EventRelation, EventRole,
    IdfRegion, LifecycleStatus, MembershipRole, Metric, OutcomeKind, PartnerKind, ProcessKind,
    ProjectRole, ProjectStatus, ProjectType, SessionFormat,
};
use crate::value::{
    CountryCode, Currency, EventId, LocalTime, PartialDate, PartnerId, ProcessId, ProjectId, Source,
};

/// A year `0001`-`9999`.
const YEAR: &str = "([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})";
/// `-MM` with a month `01`-`12`.
const MONTH: &str = "-(0[1-9]|1[0-2])";
/// `-DD` with a day `01`-`31` (whether the day exists in its month is checked by migov only).
const DAY: &str = "-(0[1-9]|[12][0-9]|3[01])";

/// A decade `001X`-`999X` (not `000X`, which holds the year 0).
const DECADE: &str = "([0-9]{2}[1-9]|[0-9][1-9][0-9]|[1-9][0-9]{2})X";
/// A century `01XX`-`99XX`.
const CENTURY: &str = "([0-9][1-9]|[1-9][0-9])XX";

/// The EDTF subset of `PartialDate`: a calendar date with an optional final
/// qualifier, or a form with unspecified digits (never both).
fn partial_date_pattern() -> String {
    format!("({YEAR}({MONTH}({DAY})?)?[?~%]?|{YEAR}(-XX(-XX)?|{MONTH}-XX)|{DECADE}|{CENTURY})")
}

/// Implements `JsonSchema` for an entity as the schema of its wire record: an
/// entity's serde form is that record, so the two share one definition.
macro_rules! entity_schema {
    ($($entity:ty => $record:ty;)+) => {$(
        #[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
        impl JsonSchema for $entity {
            fn schema_name() -> Cow<'static, str> {
                <$record>::schema_name()
            }

            fn schema_id() -> Cow<'static, str> {
                <$record>::schema_id()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                <$record>::json_schema(generator)
            }
        }
    )+};
}

entity_schema! {
    crate::entity::MemberState => MemberStateRecord;
    crate::entity::Rcp => ProcessRecord;
    crate::entity::Partner => PartnerRecord;
    crate::entity::Project => ProjectRecord;
    crate::entity::Event => EventRecord;
    crate::entity::Membership => MembershipRecord;
}

/// The top level of a dataset document, as loading reads it.
///
/// Only its schema is used: loading reads the top level record by record.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "migov dataset",
    description = "A migov dataset (format version \"1\"): IOM member states, regional consultative processes, partners, projects, events and memberships. See the `migov::json` module documentation."
)]
#[allow(dead_code, reason = "never built: only its schema is used")]
struct DocumentSchema {
    /// The format version: always `"1"`.
    schema_version: SchemaVersion,
    /// Member and observer states of IOM.
    #[serde(default)]
    member_states: Vec<MemberStateRecord>,
    /// Regional consultative processes on migration and similar processes.
    #[serde(default)]
    processes: Vec<ProcessRecord>,
    /// Partner organisations.
    #[serde(default)]
    partners: Vec<PartnerRecord>,
    /// Projects.
    #[serde(default)]
    projects: Vec<ProjectRecord>,
    /// Events.
    #[serde(default)]
    events: Vec<EventRecord>,
    /// Memberships of states, partners and processes in processes and partners.
    #[serde(default)]
    memberships: Vec<MembershipRecord>,
}

/// The `schema_version` value, `"1"`.
struct SchemaVersion;

impl JsonSchema for SchemaVersion {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "const": super::SCHEMA_VERSION })
    }
}

/// The JSON Schema (draft 2020-12) of the dataset format, generated from the
/// types that read and write it.
///
/// The same schema is committed as `schema/dataset.schema.json`, and a test
/// checks that the two agree. The output is deterministic and has no `$id`.
///
/// The schema checks the shape of every record and the syntax of every value
/// (dates, times, codes, identifiers, amounts, URLs). Rules that need more
/// than one value, such as a day that exists in its month, an end after its
/// start or a reference to a record that exists, are checked by loading
/// ([`Dataset::from_json_str`](crate::dataset::Dataset::from_json_str)) only. Code
/// lists are open, so any non-blank text is valid for them.
///
/// # Examples
///
/// ```
/// let schema = migov::json::schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(schema["required"][0], "schema_version");
/// ```
#[must_use]
pub fn schema() -> serde_json::Value {
    SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<DocumentSchema>()
        .to_value()
}

/// A string schema with a pattern and a description.
fn pattern_schema(pattern: &str, description: &str) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": format!("^{pattern}$"),
        "description": description,
    })
}

macro_rules! string_schema {
    ($ty:ty, $name:literal, $pattern:expr, $description:expr) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                pattern_schema(&$pattern, $description)
            }
        }
    };
}

string_schema!(
    PartialDate,
    "PartialDate",
    partial_date_pattern(),
    "A date of year, month or day precision, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (year 0001-9999; the day must exist in its month), in the EDTF level 1 subset: a final `?` (uncertain), `~` (approximate) or `%` (both) on the whole date (`1984?`, `2004-06~`), or unspecified digits `X` (`199X`, `19XX`, `2004-XX`, `2004-XX-XX`, `2004-06-XX`), not both."
);
string_schema!(
    EventDateText,
    "EventDate",
    format!("({}|--(0[1-9]|1[0-2]){DAY})", partial_date_pattern()),
    "An event date: a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with the EDTF level 1 forms of `PartialDate`), or `--MM-DD` when the year is unknown (the day must exist in its month)."
);
string_schema!(
    LocalTime,
    "LocalTime",
    "([01][0-9]|2[0-3]):[0-5][0-9]",
    "A local time of day, `HH:MM` (24-hour clock)."
);
string_schema!(
    Currency,
    "Currency",
    "[A-Z]{3}",
    "An ISO 4217 currency code, such as `USD`."
);
string_schema!(
    DecimalText,
    "Decimal",
    r"-?(0|[1-9][0-9]*)(\.[0-9]+)?",
    "An exact decimal amount written as a string that keeps its scale, such as `\"32000.00\"` (never a JSON number); no leading zeros, no `-0`, at most 28 fraction digits."
);

macro_rules! id_schema {
    ($($ty:ty, $name:literal, $what:literal;)+) => {$(
        string_schema!(
            $ty,
            $name,
            "[A-Za-z0-9][A-Za-z0-9._+-]{0,63}",
            concat!("The identifier of ", $what, ": 1 to 64 ASCII characters from `A-Z a-z 0-9 - _ . +`, the first a letter or digit.")
        );
    )+};
}

id_schema! {
    ProcessId, "ProcessId", "a process";
    PartnerId, "PartnerId", "a partner organisation";
    ProjectId, "ProjectId", "a project";
    EventId, "EventId", "an event";
}

/// A string schema with a fixed set of values.
fn enum_schema(values: Vec<String>, description: &str) -> Schema {
    json_schema!({
        "type": "string",
        "enum": values,
        "description": description,
    })
}

impl JsonSchema for CountryCode {
    fn schema_name() -> Cow<'static, str> {
        "CountryCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        enum_schema(
            Self::all().map(|c| c.alpha3().to_owned()).collect(),
            "An ISO 3166-1 alpha-3 country code (with `XKX` for Kosovo), as migov writes it. (Loading also accepts the alpha-2 code.)",
        )
    }
}

impl JsonSchema for IomStatusText {
    fn schema_name() -> Cow<'static, str> {
        "IomStatus".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        enum_schema(
            vec!["member".to_owned(), "observer".to_owned()],
            "A state's status in IOM.",
        )
    }
}

impl JsonSchema for EndText {
    fn schema_name() -> Cow<'static, str> {
        "PeriodEnd".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let date = generator.subschema_for::<PartialDate>();
        json_schema!({
            "description": "The end of a period: a partial date, or `..` for a period still running. Leave `end` out when the end is unknown (a page that gives no end date): that is not the same as `..`.",
            "anyOf": [date, {"const": ".."}]
        })
    }
}

impl JsonSchema for BoundText {
    fn schema_name() -> Cow<'static, str> {
        "Bound".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        enum_schema(
            vec![
                "exact".to_owned(),
                "at_least".to_owned(),
                "more_than".to_owned(),
            ],
            "How a published figure bounds the true value: `exact` (175), `at_least` (175 or more), `more_than` (590+).",
        )
    }
}

/// A URL as [`Source`] accepts it.
fn url_schema() -> Schema {
    json_schema!({
        "type": "string",
        "pattern": r"^https?://[^\s/?#]\S*$",
        "maxLength": 2048,
        "description": "An absolute `http://` or `https://` URL with a host, without whitespace or control characters, at most 2048 bytes.",
    })
}

impl JsonSchema for UrlText {
    fn schema_name() -> Cow<'static, str> {
        "Url".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        url_schema()
    }
}

impl JsonSchema for Source {
    fn schema_name() -> Cow<'static, str> {
        "Source".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let date = generator.subschema_for::<PartialDate>();
        json_schema!({
            "description": "Where a record's facts come from: a URL string, or an object with the URL, when the page was retrieved and a note.",
            "anyOf": [
                url_schema(),
                {
                    "type": "object",
                    "properties": {
                        "url": url_schema(),
                        "retrieved": date,
                        "note": { "type": "string" },
                    },
                    "required": ["url"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

macro_rules! codelist_schema {
    ($($ty:ident),+ $(,)?) => {$(
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let known: Vec<String> = $ty::known().map(|x| format!("`{x}`")).collect();
                json_schema!({
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 200,
                    "pattern": r"^\S(.*\S)?$",
                    "description": format!(
                        "An open code list. Known codes: {}. Labels shown on IOM pages are also accepted, ignoring case; any other non-blank text of at most 200 characters, without surrounding whitespace or control characters, is kept as an unknown code.",
                        known.join(", ")
                    ),
                })
            }
        }
    )+};
}

codelist_schema!(
    AmountKind,
    ContributionRole,
    Coverage,
    DocumentKind,
    EventKind,
    EventRelation,
    EventRole,
    IdfRegion,
    LifecycleStatus,
    MembershipRole,
    Metric,
    OutcomeKind,
    PartnerKind,
    ProcessKind,
    ProjectRole,
    ProjectStatus,
    ProjectType,
    SessionFormat,
);
