//! Converts the gathered IOM Development Fund projects
//! (`data/gathered/idf_projects.json`, values as printed) into typed project
//! records (`data/facts/30_idf_projects.json`), with the decisions of
//! `data/gathered/idf_curation.json`.
//!
//! Every value goes through migov's own readers and builders: IDF codes through
//! [`IdfCode`], statuses, types, regions and coverage through the code lists
//! (which know the labels IOM's English, French and Spanish pages print),
//! benefiting states through [`read_country`], budgets through [`read_amount`],
//! dates through [`PartialDate`] and [`read_dates`]. A value that does not read
//! stops the conversion with the record and the value named.
//!
//! Where the language versions of a page disagree, the English page's value is
//! kept and the others are written into a note with their pages.
//!
//! Usage: `cargo run --example idf_facts` (then `cargo run --example build_reference`).

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::path::PathBuf;

use migov::codelist::{AmountKind, Coverage, IdfRegion, ProjectRole, ProjectStatus, ProjectType};
use migov::printed::{
    AmountOptions, DateInWords, DateOptions, read_amount, read_country, read_dates,
};
use migov::{
    Amount, CountryCode, Currency, ExternalId, IdfCode, PartialDate, PartnerId, Period, ProcessId,
    Project, ProjectId, ProjectParty, Source,
};
use serde_json::{Map, Value, json};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// The rule for the identifier of a project printed without an IDF code, written
/// into the record's notes.
const DERIVED_ID_RULE: &str = "id: no IDF code is printed, so the id is derived: the Prima ID where one is printed, otherwise IDF-<ISO code of the first benefiting state, or MULTI when none is named>-<start year, or ND>-<first three words of four letters or more of the title, capitals without accents>";

fn main() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let gathered: Value = serde_json::from_str(&std::fs::read_to_string(
        root.join("data/gathered/idf_projects.json"),
    )?)?;
    let curation: Value = serde_json::from_str(&std::fs::read_to_string(
        root.join("data/gathered/idf_curation.json"),
    )?)?;
    let records = gathered
        .get("projects")
        .and_then(Value::as_array)
        .ok_or("idf_projects.json: no `projects` array")?;
    let skip: BTreeSet<&str> = curation
        .get("skip")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.get("key").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    let mut projects: BTreeMap<String, Value> = BTreeMap::new();
    let mut skipped = 0;
    let mut errors = Vec::new();
    for (i, raw) in records.iter().enumerate() {
        let key =
            key_of(raw).ok_or_else(|| format!("record {i}: no code, title or description"))?;
        if skip.contains(key.as_str()) {
            skipped += 1;
            continue;
        }
        match convert(raw, &key, &curation) {
            Ok(project) => {
                let id = project.id().as_str().to_owned();
                let value = serde_json::to_value(&project)?;
                if projects.insert(id.clone(), value).is_some() {
                    errors.push(format!("record {i} ({key}): id {id} is used twice"));
                }
            }
            Err(e) => errors.push(format!("record {i} ({key}): {e}")),
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n").into());
    }
    let doc = json!({
        "schema_version": "1",
        "member_states": [],
        "processes": [],
        "partners": [],
        "projects": projects.into_values().collect::<Vec<_>>(),
        "events": [],
        "memberships": [],
    });
    let out = root.join("data/facts/30_idf_projects.json");
    let n = doc
        .get("projects")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    std::fs::write(&out, serde_json::to_string_pretty(&doc)? + "\n")?;
    eprintln!(
        "wrote {} projects to {} ({skipped} gathered records skipped)",
        n,
        out.display()
    );
    Ok(())
}

/// The record's key in the curation file: its IDF code, else its title, else its description.
fn key_of(raw: &Value) -> Option<String> {
    ["idf_code", "title", "description_as_printed"]
        .iter()
        .find_map(|f| raw.get(*f).and_then(Value::as_str))
        .map(str::to_owned)
}

fn text<'a>(raw: &'a Value, field: &str) -> Option<&'a str> {
    raw.get(field).and_then(Value::as_str)
}

fn texts<'a>(raw: &'a Value, field: &str) -> Vec<&'a str> {
    raw.get(field)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The sources of a record that are English pages (not under `/fr/` or `/es/`).
fn is_english(url: &str) -> bool {
    !(url.contains("/fr/") || url.contains("/es/") || url.contains("/fr-") || url.contains(".fr/"))
}

/// Reads the printed values of one field in its language variants (`field`,
/// `field_en`, `field_fr`, `field_es`) with `parse`, and returns the value to
/// keep (English first) and a note when the variants disagree.
fn variants<T: PartialEq + Clone>(
    raw: &Value,
    base: &str,
    parse: impl Fn(&str) -> Result<T>,
    show: impl Fn(&T) -> String,
    label: &str,
) -> Result<(Option<T>, Option<String>)> {
    let stem = base.trim_end_matches("_as_printed");
    let mut read: Vec<(String, T)> = Vec::new();
    for (field, lang) in [
        (format!("{stem}_en_as_printed"), "English page"),
        (base.to_owned(), "page"),
        (format!("{stem}_fr_as_printed"), "French page"),
        (format!("{stem}_es_as_printed"), "Spanish page"),
    ] {
        if let Some(t) = text(raw, &field) {
            read.push((format!("{t:?} on the {lang}"), parse(t)?));
        }
    }
    let Some((_, first)) = read.first().cloned() else {
        return Ok((None, None));
    };
    let note = if read.iter().all(|(_, v)| *v == first) {
        None
    } else {
        Some(format!(
            "The pages disagree on the {label}: {}; the first is kept.",
            read.iter()
                .map(|(p, v)| format!("{p} ({})", show(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    };
    Ok((Some(first), note))
}

/// A printed date: a bare year or month (`2020`, `2020-09`), or words (`Sep 2020`).
fn read_date(printed: &str) -> Result<PartialDate> {
    if let Ok(d) = printed.parse::<PartialDate>() {
        return Ok(d);
    }
    let reading = read_dates(printed, &DateOptions::default())?;
    match (reading.value().start(), reading.value().end()) {
        (DateInWords::Date(d), None) => Ok(d),
        _ => Err(format!("{printed:?} is not one date with a year").into()),
    }
}

/// The start or end to keep: the record's curated override, else its claims
/// (the English page's first) or its printed value.
fn bound(
    raw: &Value,
    which: &str,
    overrides: Option<&Map<String, Value>>,
    notes: &mut Vec<String>,
) -> Result<Option<PartialDate>> {
    if let Some(o) = overrides.and_then(|o| o.get(which)) {
        return match o.as_str() {
            Some(t) => Ok(Some(read_date(t)?)),
            None => Ok(None),
        };
    }
    let claims_field = format!("{which}_as_printed_claims");
    if let Some(claims) = raw.get(&claims_field).and_then(Value::as_array) {
        let mut read = Vec::new();
        for c in claims {
            let value = c
                .get("value")
                .and_then(Value::as_str)
                .ok_or("claim without value")?;
            let sources = texts(c, "sources");
            read.push((read_date(value)?, sources));
        }
        read.sort_by_key(|(_, s)| !s.iter().any(|u| is_english(u)));
        let listed = read
            .iter()
            .map(|(d, s)| format!("{d} on {}", s.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        notes.push(format!(
            "The pages disagree on the {which}: {listed}. The English page's value is kept."
        ));
        return Ok(read.first().map(|(d, _)| *d));
    }
    match text(raw, &format!("{which}_as_printed")) {
        Some(t) => Ok(Some(read_date(t)?)),
        None => Ok(None),
    }
}

fn slug(title: &str) -> String {
    let folded: String = title
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'á' | 'ä' | 'À' | 'Á' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'E',
            'î' | 'ï' | 'í' | 'Í' => 'I',
            'ô' | 'ó' | 'ö' | 'Ó' => 'O',
            'û' | 'ù' | 'ú' | 'ü' | 'Ú' => 'U',
            'ç' | 'Ç' => 'C',
            'ñ' | 'Ñ' => 'N',
            c if c.is_ascii_alphanumeric() => c.to_ascii_uppercase(),
            _ => ' ',
        })
        .collect();
    folded
        .split_whitespace()
        .filter(|w| w.len() >= 4)
        .take(3)
        .collect::<Vec<_>>()
        .join("-")
}

fn country(printed: &str, curation: &Value) -> Result<CountryCode> {
    if let Some(code) = curation
        .get("countries")
        .and_then(|c| c.get(printed))
        .and_then(Value::as_str)
    {
        return Ok(CountryCode::from_alpha3(code)?);
    }
    Ok(*read_country(printed)?.value())
}

fn convert(raw: &Value, key: &str, curation: &Value) -> Result<Project> {
    let overrides = curation
        .get("records")
        .and_then(|r| r.get(key))
        .and_then(Value::as_object);
    let mut notes: Vec<String> = Vec::new();

    // Title: the English page's first.
    let printed_title = text(raw, "title");
    let title = text(raw, "title_en_as_printed")
        .or(printed_title)
        .ok_or("no title")?;
    for (field, lang) in [
        ("title", "page"),
        ("title_fr_as_printed", "French page"),
        ("title_es_as_printed", "Spanish page"),
    ] {
        if let Some(t) = text(raw, field)
            && t != title
        {
            let lang = if field == "title" {
                "French page"
            } else {
                lang
            };
            notes.push(format!("Title on the {lang}: {t}"));
        }
    }

    let code = text(raw, "idf_code").map(IdfCode::new).transpose()?;
    let prima = text(raw, "prima_id_as_printed");
    let (status, n) = variants(
        raw,
        "status_as_printed",
        |t| Ok(t.parse::<ProjectStatus>()?),
        |v| v.to_string(),
        "status",
    )?;
    notes.extend(n);
    let (project_type, n) = variants(
        raw,
        "project_type_as_printed",
        |t| Ok(t.parse::<ProjectType>()?),
        |v| v.to_string(),
        "project type",
    )?;
    notes.extend(n);
    let (region, n) = variants(
        raw,
        "idf_region_as_printed",
        |t| Ok(t.parse::<IdfRegion>()?),
        |v| v.to_string(),
        "IDF region",
    )?;
    notes.extend(n);
    let coverage = match overrides
        .and_then(|o| o.get("coverage"))
        .and_then(Value::as_str)
    {
        Some(c) => Some(c.parse::<Coverage>()?),
        None => text(raw, "coverage_as_printed")
            .map(str::parse::<Coverage>)
            .transpose()?,
    };

    // Benefiting states: the curation's decision where the page prints none
    // (an inference, explained in the record's curated notes), else the
    // English list where there is one.
    let curated_states: Option<Vec<&str>> = overrides
        .and_then(|o| o.get("benefiting_states"))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect());
    let printed_states = match curated_states {
        Some(curated) => curated,
        None => {
            let en = texts(raw, "benefiting_states_en_as_printed");
            if en.is_empty() {
                texts(raw, "benefiting_states_as_printed")
            } else {
                en
            }
        }
    };
    let mut states: Vec<CountryCode> = Vec::new();
    for name in &printed_states {
        let code =
            country(name, curation).map_err(|e| format!("benefiting state {name:?}: {e}"))?;
        if states.contains(&code) {
            notes.push(format!("{name} is printed twice in the benefiting states."));
        } else {
            states.push(code);
        }
    }
    let other_states = texts(raw, "benefiting_states_as_printed");
    if !texts(raw, "benefiting_states_en_as_printed").is_empty() {
        let mut other = Vec::new();
        for name in &other_states {
            let code =
                country(name, curation).map_err(|e| format!("benefiting state {name:?}: {e}"))?;
            if !other.contains(&code) {
                other.push(code);
            }
        }
        if other.iter().collect::<BTreeSet<_>>() != states.iter().collect::<BTreeSet<_>>() {
            notes.push(format!(
                "The French page lists other benefiting states: {}.",
                other_states.join(", ")
            ));
        }
    }
    if let Some(t) = text(raw, "other_countries_benefiting_as_printed") {
        notes.push(format!(
            "'Other Countries Benefiting at Time of Allocation', as printed: {t}"
        ));
    }

    let start = bound(raw, "start", overrides, &mut notes)?;
    let end = bound(raw, "end", overrides, &mut notes)?;
    let period = Period::new(start, end)?;

    // Budget: "150000.00 (Budget Amount (USD))", "USD 120,000 (...)", "100,000".
    let mut amount = None;
    if let Some(printed) = text(raw, "budget_as_printed") {
        let number = printed.split(" (").next().unwrap_or(printed).trim();
        let number = number.split(" on ").next().unwrap_or(number).trim();
        let mut options = AmountOptions::default();
        if printed.contains("Budget Amount (USD)")
            || overrides
                .and_then(|o| o.get("budget_currency"))
                .and_then(Value::as_str)
                == Some("USD")
        {
            options = options.currency(Currency::USD);
        }
        let money = read_amount(number, &options)
            .map_err(|e| format!("budget {printed:?}: {e}"))?
            .into_parts()
            .0;
        let kind = match overrides
            .and_then(|o| o.get("budget_kind"))
            .and_then(Value::as_str)
        {
            Some(k) => k.parse::<AmountKind>()?,
            None => AmountKind::Budget,
        };
        amount = Some(Amount::new(kind, money));
    }
    if let Some(t) = text(raw, "budget_fr_as_printed") {
        notes.push(format!("Budget on the French page, as printed: {t}"));
    }
    let year = text(raw, "allocation_year_as_printed")
        .map(str::parse::<i32>)
        .transpose()
        .map_err(|e| format!("allocation year: {e}"))?;
    if let Some(t) = text(raw, "duration_as_printed") {
        notes.push(format!("Duration as printed: {t}"));
    }

    // The identifier.
    let id = match (&code, prima) {
        (Some(c), _) => c.as_str().to_owned(),
        (None, Some(p)) => {
            notes.push(DERIVED_ID_RULE.to_owned());
            p.to_owned()
        }
        (None, None) => {
            notes.push(DERIVED_ID_RULE.to_owned());
            let who = states.first().map_or("MULTI", |s| s.alpha3());
            let when = start.map_or_else(|| "ND".to_owned(), |d| d.year().to_string());
            format!("IDF-{who}-{when}-{}", slug(title))
        }
    };
    let mut b = Project::builder(ProjectId::new(&id)?, title).period(period);
    if let Some(c) = code {
        b = b.external_id(ExternalId::Idf(c));
    }
    if let Some(p) = prima {
        let prima: migov::PrimaId = p.parse().map_err(|e| format!("Prima ID: {e}"))?;
        b = b.external_id(ExternalId::Prima(prima));
    }
    if let Some(d) = text(raw, "description_as_printed") {
        b = b.description(d);
    }
    if let Some(s) = status {
        b = b.status(s);
    }
    if let Some(t) = project_type {
        b = b.project_type(t);
    }
    if let Some(y) = year {
        b = b.year(y);
    }
    if let Some(a) = amount {
        b = b.amount(a);
    }
    if let Some(c) = coverage {
        b = b.coverage(c);
    }
    if let Some(r) = region {
        b = b.idf_region(r);
    }
    b = b.benefiting(states);

    // Organisations and processes the curation maps; the rest stay in notes.
    let mut unmapped = Vec::new();
    for name in texts(raw, "partners_or_funders_as_printed") {
        match curation.get("partners").and_then(|p| p.get(name)) {
            Some(m) => {
                let partner = m
                    .get("partner")
                    .and_then(Value::as_str)
                    .ok_or("partner without id")?;
                let role = m
                    .get("role")
                    .and_then(Value::as_str)
                    .ok_or("partner without role")?;
                let mut party =
                    ProjectParty::new(PartnerId::new(partner)?, role.parse::<ProjectRole>()?);
                if let Some(n) = m.get("note").and_then(Value::as_str) {
                    party = party.with_note(n);
                }
                b = b.organization(party);
            }
            None => unmapped.push(name),
        }
    }
    if !unmapped.is_empty() {
        notes.push(format!(
            "Organisations named on the page (roles as printed): {}",
            unmapped.join("; ")
        ));
    }
    let mut unmapped = Vec::new();
    for name in texts(raw, "related_processes_as_printed") {
        match curation
            .get("processes")
            .and_then(|p| p.get(name))
            .and_then(Value::as_str)
        {
            Some(id) => b = b.related_process(ProcessId::new(id)?),
            None => unmapped.push(name),
        }
    }
    if !unmapped.is_empty() {
        notes.push(format!(
            "Processes, bodies or frameworks named on the page: {}",
            unmapped.join("; ")
        ));
    }

    for n in texts(raw, "notes") {
        notes.push(n.to_owned());
    }
    if let Some(o) = overrides {
        for n in o
            .get("notes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(n) = n.as_str() {
                notes.push(n.to_owned());
            }
        }
    }
    for n in notes {
        b = b.note(n);
    }
    let extra = overrides
        .and_then(|o| o.get("sources"))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>())
        .unwrap_or_default();
    for url in texts(raw, "sources").into_iter().chain(extra) {
        b = b.source(Source::new(url)?);
    }
    Ok(b.build()?)
}
