//! Events: workshops, seminars, council sessions and dialogues, with their agendas.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::codelist::{DocumentKind, EventKind, EventRole, SessionFormat};
use crate::entity::issue::{BuildError, FieldPath, Findings, Issue, Rule};
use crate::{
    Claimed, CountryCode, EventId, LocalTime, MonthDay, PartialDate, PartialDateError, PartnerId,
    Party, Period, ProjectId, Source,
};

/// The date of an event as a source gives it: a (partial) date, or a day
/// and month whose year the source does not state.
///
/// A page may say "held in Niamey from 29-30 July" with no year: migov
/// records `--07-29` (ISO 8601's month-day form) rather than invent a year.
///
/// # Examples
///
/// ```
/// use migov::EventDate;
///
/// let d: EventDate = "--07-25".parse()?;
/// assert!(d.known().is_none());
/// let d: EventDate = "2008-12-02".parse()?;
/// assert_eq!(d.known().map(|d| d.to_string()), Some("2008-12-02".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventDate {
    /// A date known to the year, month or day.
    Known(PartialDate),
    /// A day of a month, in a year the source does not give.
    YearUnknown(MonthDay),
}

impl EventDate {
    /// The date, when its year is known.
    pub fn known(&self) -> Option<PartialDate> {
        match self {
            Self::Known(d) => Some(*d),
            Self::YearUnknown(_) => None,
        }
    }
}

impl FromStr for EventDate {
    type Err = PartialDateError;

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `--MM-DD`.
    ///
    /// # Errors
    ///
    /// [`PartialDateError`] for any other text (the month-day form's own
    /// error is reported when the text starts with `--`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with("--") {
            match s.parse::<MonthDay>() {
                Ok(md) => Ok(Self::YearUnknown(md)),
                // Report through the date error type for one error per field.
                Err(_) => s.parse::<PartialDate>().map(Self::Known),
            }
        } else {
            s.parse().map(Self::Known)
        }
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Known(d) => d.fmt(f),
            Self::YearUnknown(md) => md.fmt(f),
        }
    }
}

/// A person named by a source: a speaker, a panellist, a contact.
///
/// People are records, not free text: name, other spellings, job title,
/// affiliation (text, and the partner record where there is one) and country.
///
/// # Examples
///
/// ```
/// use migov::{CountryCode, Person};
///
/// let p = Person::new("Vandi Minah")
///     .with_title("Deputy Minister of Foreign Affairs and International Cooperation")
///     .with_country(CountryCode::from_alpha3("SLE")?);
/// assert_eq!(p.country().map(|c| c.name()), Some("Sierra Leone"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Person {
    name: String,
    other_names: Vec<String>,
    title: Option<String>,
    affiliation: Option<String>,
    organization: Option<PartnerId>,
    country: Option<CountryCode>,
    email: Option<String>,
}

impl Person {
    /// A person called `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            other_names: Vec::new(),
            title: None,
            affiliation: None,
            organization: None,
            country: None,
            email: None,
        }
    }

    /// With another spelling of the name.
    #[must_use]
    pub fn with_other_name(mut self, name: impl Into<String>) -> Self {
        self.other_names.push(name.into());
        self
    }

    /// With a job title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// With an affiliation, as the source writes it.
    #[must_use]
    pub fn with_affiliation(mut self, affiliation: impl Into<String>) -> Self {
        self.affiliation = Some(affiliation.into());
        self
    }

    /// With the partner record of the affiliation.
    #[must_use]
    pub fn with_organization(mut self, partner: PartnerId) -> Self {
        self.organization = Some(partner);
        self
    }

    /// With the country the person represents or comes from.
    #[must_use]
    pub fn with_country(mut self, country: CountryCode) -> Self {
        self.country = Some(country);
        self
    }

    /// With a contact address the source publishes.
    #[must_use]
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Other spellings.
    pub fn other_names(&self) -> &[String] {
        &self.other_names
    }

    /// The job title.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The affiliation, as written.
    pub fn affiliation(&self) -> Option<&str> {
        self.affiliation.as_deref()
    }

    /// The partner record of the affiliation.
    pub fn organization(&self) -> Option<&PartnerId> {
        self.organization.as_ref()
    }

    /// The country.
    pub fn country(&self) -> Option<CountryCode> {
        self.country
    }

    /// The published contact address.
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }

    fn check(&self, f: &mut Findings, at: &dyn Fn() -> FieldPath) {
        f.text(|| at().join("name"), &self.name);
        for (i, n) in self.other_names.iter().enumerate() {
            f.text(|| at().join("other_names").join(i), n);
        }
        for (key, value) in [
            ("title", &self.title),
            ("affiliation", &self.affiliation),
            ("email", &self.email),
        ] {
            if let Some(v) = value {
                f.text(|| at().join(key), v);
            }
        }
        if let Some(email) = &self.email {
            let ok = email.split_once('@').is_some_and(|(a, b)| {
                !a.is_empty() && b.contains('.') && !email.chars().any(char::is_whitespace)
            });
            if !ok {
                f.push(
                    Rule::InvalidValue,
                    at().join("email"),
                    format!(
                        "invalid email {:?}: expected name@domain",
                        crate::value::Excerpt::new(email)
                    ),
                );
            }
        }
    }
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        for part in [&self.title, &self.affiliation].into_iter().flatten() {
            write!(f, ", {part}")?;
        }
        if let Some(c) = self.country {
            write!(f, ", {}", c.name())?;
        }
        Ok(())
    }
}

/// A panellist with the documents the agenda links for them (bio, presentation).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Panellist {
    person: Person,
    documents: Vec<DocumentKind>,
}

impl Panellist {
    /// A panellist.
    pub fn new(person: Person) -> Self {
        Self {
            person,
            documents: Vec::new(),
        }
    }

    /// With a linked document.
    #[must_use]
    pub fn with_document(mut self, kind: DocumentKind) -> Self {
        self.documents.push(kind);
        self
    }

    /// The person.
    pub fn person(&self) -> &Person {
        &self.person
    }

    /// The linked documents, in the agenda's order.
    pub fn documents(&self) -> &[DocumentKind] {
        &self.documents
    }
}

/// One line of a panel: one or more panellists and, where given, their topic.
///
/// "Erlinda F. Basilio (...) and Athanasios Nakos (...), on the Global Forum
/// on Migration and Development" is one contribution of two panellists.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Contribution {
    panellists: Vec<Panellist>,
    topic: Option<String>,
}

impl Contribution {
    /// A contribution by `panellists`.
    pub fn new(panellists: Vec<Panellist>) -> Self {
        Self {
            panellists,
            topic: None,
        }
    }

    /// With the topic the agenda gives.
    #[must_use]
    pub fn with_topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// The panellists.
    pub fn panellists(&self) -> &[Panellist] {
        &self.panellists
    }

    /// The topic.
    pub fn topic(&self) -> Option<&str> {
        self.topic.as_deref()
    }
}

/// A session of an agenda day: local start and end times, title, format,
/// ordered items and a panel.
///
/// Times are local to the venue (or to the event's time zone).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Session {
    start: LocalTime,
    end: Option<LocalTime>,
    title: String,
    format: Option<SessionFormat>,
    items: Vec<String>,
    panel: Vec<Contribution>,
}

impl Session {
    /// A session starting at `start`.
    pub fn new(start: LocalTime, title: impl Into<String>) -> Self {
        Self {
            start,
            end: None,
            title: title.into(),
            format: None,
            items: Vec::new(),
            panel: Vec::new(),
        }
    }

    /// With an end time.
    #[must_use]
    pub fn with_end(mut self, end: LocalTime) -> Self {
        self.end = Some(end);
        self
    }

    /// With a format.
    #[must_use]
    pub fn with_format(mut self, format: SessionFormat) -> Self {
        self.format = Some(format);
        self
    }

    /// With one more agenda item.
    #[must_use]
    pub fn with_item(mut self, item: impl Into<String>) -> Self {
        self.items.push(item.into());
        self
    }

    /// With one more panel contribution.
    #[must_use]
    pub fn with_contribution(mut self, contribution: Contribution) -> Self {
        self.panel.push(contribution);
        self
    }

    pub(crate) fn extend_items(mut self, items: impl IntoIterator<Item = String>) -> Self {
        if self.items.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.items = items.into_iter().collect();
        } else {
            self.items.extend(items);
        }
        self
    }

    pub(crate) fn extend_panel(mut self, panel: impl IntoIterator<Item = Contribution>) -> Self {
        if self.panel.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.panel = panel.into_iter().collect();
        } else {
            self.panel.extend(panel);
        }
        self
    }

    /// Local start time.
    pub fn start(&self) -> LocalTime {
        self.start
    }

    /// Local end time, if given.
    pub fn end(&self) -> Option<LocalTime> {
        self.end
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The format (plenary, panel, general debate, ...).
    pub fn format(&self) -> Option<&SessionFormat> {
        self.format.as_ref()
    }

    /// The agenda items, in order.
    pub fn items(&self) -> &[String] {
        &self.items
    }

    /// The panel, line by line.
    pub fn panel(&self) -> &[Contribution] {
        &self.panel
    }

    /// Every panellist of the session, in order.
    pub fn panellists(&self) -> impl Iterator<Item = &Panellist> {
        self.panel.iter().flat_map(|c| c.panellists.iter())
    }
}

/// One day of an agenda, with its sessions in time order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AgendaDay {
    date: PartialDate,
    title: Option<String>,
    sessions: Vec<Session>,
}

impl AgendaDay {
    /// The agenda of `date` (a day-precision date).
    pub fn new(date: PartialDate) -> Self {
        Self {
            date,
            title: None,
            sessions: Vec::new(),
        }
    }

    /// With a title for the day ("International Dialogue on Migration").
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// With one more session.
    #[must_use]
    pub fn with_session(mut self, session: Session) -> Self {
        self.sessions.push(session);
        self
    }

    pub(crate) fn extend_sessions(mut self, sessions: impl IntoIterator<Item = Session>) -> Self {
        if self.sessions.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.sessions = sessions.into_iter().collect();
        } else {
            self.sessions.extend(sessions);
        }
        self
    }

    /// The day.
    pub fn date(&self) -> PartialDate {
        self.date
    }

    /// The day's title, if any.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The sessions, in time order.
    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }
}

/// A party's part in an event: organiser, co-chair, funder (through a
/// programme), participant...
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventParty {
    party: Party,
    role: EventRole,
    programme: Option<String>,
    note: Option<String>,
}

impl EventParty {
    /// `party` in `role`.
    pub fn new(party: Party, role: EventRole) -> Self {
        Self {
            party,
            role,
            programme: None,
            note: None,
        }
    }

    /// With the programme through which the party acts ("PROMIS").
    #[must_use]
    pub fn with_programme(mut self, programme: impl Into<String>) -> Self {
        self.programme = Some(programme.into());
        self
    }

    /// With a note.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The party.
    pub fn party(&self) -> &Party {
        &self.party
    }

    /// Its role.
    pub fn role(&self) -> &EventRole {
        &self.role
    }

    /// The programme, if given.
    pub fn programme(&self) -> Option<&str> {
        self.programme.as_deref()
    }

    /// A note, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl fmt::Display for EventParty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as {}", self.party, self.role)
    }
}

/// An event: a workshop, seminar, council session, dialogue, ministerial meeting...
///
/// Dates may be partial or lack a year (see [`EventDate`]); the start may
/// carry alternatives (a year inferred by one source). The agenda is
/// ordered: days, sessions with local times, items and panellists.
///
/// # Examples
///
/// ```
/// use migov::codelist::{EventKind, EventRole};
/// use migov::{CountryCode, Event, EventId, EventParty, Party, PartnerId};
///
/// let banjul = Event::builder(EventId::new("BANJUL-ISCM-DIALOGUE")?, "Inter-regional dialogue for ISCMs")
///     .kind(EventKind::Dialogue)
///     .start("--07-25".parse::<migov::EventDate>()?)
///     .city("Banjul")
///     .country(CountryCode::from_alpha3("GMB")?)
///     .party(EventParty::new(Party::Partner(PartnerId::new("OHCHR")?), EventRole::CoChair))
///     .build()?;
/// assert!(banjul.period().is_none()); // the year is unknown
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Serde
///
/// Serialises as its record in the [dataset format](crate::json) (an element
/// of a file's `events` array); deserialising reads that record and checks it
/// as [`EventBuilder::build`] does, refusing an event that breaks a rule with
/// every finding's rule, path and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    id: EventId,
    title: String,
    kind: Option<EventKind>,
    description: Option<String>,
    start: Option<Claimed<EventDate>>,
    end: Option<EventDate>,
    city: Option<String>,
    country: Option<CountryCode>,
    online: bool,
    time_zone: Option<String>,
    parties: Vec<EventParty>,
    related_projects: Vec<ProjectId>,
    speakers: Vec<Person>,
    contacts: Vec<Person>,
    agenda: Vec<AgendaDay>,
    notes: Vec<String>,
    sources: Vec<Source>,
    warnings: Vec<Issue>,
}

impl Event {
    /// Starts an event with its identifier and title.
    pub fn builder(id: EventId, title: impl Into<String>) -> EventBuilder {
        EventBuilder {
            event: Event {
                id,
                title: title.into(),
                kind: None,
                description: None,
                start: None,
                end: None,
                city: None,
                country: None,
                online: false,
                time_zone: None,
                parties: Vec::new(),
                related_projects: Vec::new(),
                speakers: Vec::new(),
                contacts: Vec::new(),
                agenda: Vec::new(),
                notes: Vec::new(),
                sources: Vec::new(),
                warnings: Vec::new(),
            },
        }
    }

    /// The identifier.
    pub fn id(&self) -> &EventId {
        &self.id
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The kind of event, where known.
    pub fn kind(&self) -> Option<&EventKind> {
        self.kind.as_ref()
    }

    /// A description, where given.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The first day as sources give it, with any alternative claims.
    pub fn start(&self) -> Option<&Claimed<EventDate>> {
        self.start.as_ref()
    }

    /// The last day, if given.
    pub fn end(&self) -> Option<EventDate> {
        self.end
    }

    /// The event's period, when its (preferred) start date has a known year.
    /// A missing end means a one-day event.
    pub fn period(&self) -> Option<Period> {
        let start = self.start.as_ref()?.value().known()?;
        let end = match self.end {
            Some(e) => e.known()?,
            None => start,
        };
        Period::new(Some(start), Some(end)).ok()
    }

    /// The city, if the event was not online.
    pub fn city(&self) -> Option<&str> {
        self.city.as_deref()
    }

    /// The country.
    pub fn country(&self) -> Option<CountryCode> {
        self.country
    }

    /// Whether the event was held online.
    pub fn is_online(&self) -> bool {
        self.online
    }

    /// The IANA time zone of the agenda's times, where given (else local to the venue).
    pub fn time_zone(&self) -> Option<&str> {
        self.time_zone.as_deref()
    }

    /// Organisers, co-chairs, funders, participants... with their roles.
    pub fn parties(&self) -> &[EventParty] {
        &self.parties
    }

    /// Parties in `role`.
    pub fn parties_in_role<'a>(
        &'a self,
        role: &'a EventRole,
    ) -> impl Iterator<Item = &'a EventParty> {
        self.parties.iter().filter(move |p| p.role() == role)
    }

    /// Projects the event belongs to.
    pub fn related_projects(&self) -> &[ProjectId] {
        &self.related_projects
    }

    /// Speakers (outside the agenda's panels).
    pub fn speakers(&self) -> &[Person] {
        &self.speakers
    }

    /// Contacts the source names.
    pub fn contacts(&self) -> &[Person] {
        &self.contacts
    }

    /// The agenda, day by day.
    pub fn agenda(&self) -> &[AgendaDay] {
        &self.agenda
    }

    /// Notes that travel with the record.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Where the facts come from.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Findings that did not refuse the record.
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    fn check(&self, f: &mut Findings) {
        f.text(|| FieldPath::key("title"), &self.title);
        for (key, value) in [("description", &self.description), ("city", &self.city)] {
            if let Some(v) = value {
                f.text(|| FieldPath::key(key), v);
            }
        }
        f.texts("notes", &self.notes);
        f.sources(&self.sources);
        f.unique("parties", &self.parties);
        f.unique("related_projects", &self.related_projects);
        if let Some(tz) = &self.time_zone
            && !is_time_zone_name(tz)
        {
            f.push(
                    Rule::InvalidValue,
                    FieldPath::key("time_zone"),
                    format!(
                        "invalid time zone {:?}: expected an IANA name such as \"Africa/Banjul\" or \"UTC\"",
                        crate::value::Excerpt::new(tz)
                    ),
                );
        }
        if self.online && self.city.is_some() {
            f.push(
                Rule::InvalidValue,
                FieldPath::key("city"),
                "an online event has no city; expected no city or `online: false`",
            );
        }
        if let (Some(start), Some(end)) = (&self.start, self.end) {
            let start = *start.value();
            let before = match (start, end) {
                (EventDate::Known(s), EventDate::Known(e)) => {
                    e.cmp_known(&s) == Some(Ordering::Less)
                }
                (EventDate::YearUnknown(s), EventDate::YearUnknown(e)) => e < s,
                _ => false,
            };
            if before {
                f.push(
                    Rule::EndBeforeStart,
                    FieldPath::key("end"),
                    format!("end {end} is before start {start}"),
                );
            } else if matches!(
                (start, end),
                (EventDate::Known(_), EventDate::YearUnknown(_))
                    | (EventDate::YearUnknown(_), EventDate::Known(_))
            ) {
                f.push(
                    Rule::InvalidValue,
                    FieldPath::key("end"),
                    format!("end {end} and start {start} must both give the year or both omit it"),
                );
            }
        }
        for (i, p) in self.speakers.iter().enumerate() {
            p.check(f, &|| FieldPath::key("speakers").join(i));
        }
        for (i, p) in self.contacts.iter().enumerate() {
            p.check(f, &|| FieldPath::key("contacts").join(i));
        }
        self.check_agenda(f);
    }

    fn check_agenda(&self, f: &mut Findings) {
        let period = self.period();
        let mut previous: Option<PartialDate> = None;
        for (d, day) in self.agenda.iter().enumerate() {
            let at = || FieldPath::key("agenda").join(d);
            if day.date.precision() != crate::Precision::Day {
                f.push(
                    Rule::InvalidValue,
                    at().join("date"),
                    format!(
                        "agenda day {} is not a full date; expected YYYY-MM-DD",
                        day.date
                    ),
                );
            }
            if let Some(prev) = previous
                && day.date <= prev
            {
                f.push(
                        Rule::AgendaDayOrder,
                        at().join("date"),
                        format!("agenda day {} follows {prev}; expected later days after earlier ones, each once", day.date),
                    );
            }
            previous = Some(day.date);
            if let Some(p) = period
                && p.contains(day.date).is_no()
            {
                f.push(
                    Rule::AgendaDayOutsideEvent,
                    at().join("date"),
                    format!("agenda day {} is outside the event's dates {p}", day.date),
                );
            }
            if let Some(t) = &day.title {
                f.text(|| at().join("title"), t);
            }
            let mut last_end: Option<(usize, LocalTime)> = None;
            for (s, session) in day.sessions.iter().enumerate() {
                let sat = || at().join("sessions").join(s);
                f.text(|| sat().join("title"), &session.title);
                for (i, item) in session.items.iter().enumerate() {
                    f.text(|| sat().join("items").join(i), item);
                }
                if let Some(end) = session.end
                    && end <= session.start
                {
                    f.push(
                        Rule::SessionEndBeforeStart,
                        sat().join("end"),
                        format!(
                            "session ends at {end}, not after its start at {}",
                            session.start
                        ),
                    );
                }
                if let Some((prev, prev_end)) = last_end
                    && session.start < prev_end
                {
                    f.push(
                            Rule::SessionOrder,
                            sat().join("start"),
                            format!(
                                "session starts at {} before session {prev} of the same day ends at {prev_end}",
                                session.start
                            ),
                        );
                }
                last_end = Some((s, session.end.unwrap_or(session.start)));
                for (c, contribution) in session.panel.iter().enumerate() {
                    let cat = || sat().join("panel").join(c);
                    if contribution.panellists.is_empty() {
                        f.push(
                            Rule::BlankText,
                            cat().join("panellists"),
                            "a panel line names no panellist; expected at least one",
                        );
                    }
                    if let Some(t) = &contribution.topic {
                        f.text(|| cat().join("topic"), t);
                    }
                    for (p, panellist) in contribution.panellists.iter().enumerate() {
                        panellist
                            .person
                            .check(f, &|| cat().join("panellists").join(p));
                    }
                }
            }
        }
    }
}

/// Whether `tz` has the shape of an IANA time zone name ("Europe/Geneva", "UTC").
fn is_time_zone_name(tz: &str) -> bool {
    if tz == "UTC" {
        return true;
    }
    let mut parts = tz.split('/');
    let Some(area) = parts.next() else {
        return false;
    };
    let ok_part = |p: &str| {
        !p.is_empty()
            && p.len() <= 32
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+'))
    };
    let rest: Vec<&str> = parts.collect();
    ok_part(area)
        && area.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
        && !rest.is_empty()
        && rest.iter().all(|p| ok_part(p))
}

/// Builds an [`Event`].
#[derive(Clone, Debug)]
#[must_use]
pub struct EventBuilder {
    event: Event,
}

impl EventBuilder {
    /// Sets the kind of event.
    pub fn kind(mut self, kind: EventKind) -> Self {
        self.event.kind = Some(kind);
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.event.description = Some(text.into());
        self
    }

    /// Sets the first day (with alternatives, if sources differ).
    pub fn start(mut self, start: impl Into<Claimed<EventDate>>) -> Self {
        self.event.start = Some(start.into());
        self
    }

    /// Sets the last day.
    pub fn end(mut self, end: EventDate) -> Self {
        self.event.end = Some(end);
        self
    }

    /// Sets the city.
    pub fn city(mut self, city: impl Into<String>) -> Self {
        self.event.city = Some(city.into());
        self
    }

    /// Sets the country.
    pub fn country(mut self, country: CountryCode) -> Self {
        self.event.country = Some(country);
        self
    }

    /// Marks the event as held online.
    pub fn online(mut self, online: bool) -> Self {
        self.event.online = online;
        self
    }

    /// Sets the IANA time zone of the agenda's times.
    pub fn time_zone(mut self, tz: impl Into<String>) -> Self {
        self.event.time_zone = Some(tz.into());
        self
    }

    /// Adds a party in a role.
    pub fn party(mut self, party: EventParty) -> Self {
        self.event.parties.push(party);
        self
    }

    /// Adds a related project.
    pub fn related_project(mut self, project: ProjectId) -> Self {
        self.event.related_projects.push(project);
        self
    }

    /// Adds a speaker.
    pub fn speaker(mut self, person: Person) -> Self {
        self.event.speakers.push(person);
        self
    }

    /// Adds a contact.
    pub fn contact(mut self, person: Person) -> Self {
        self.event.contacts.push(person);
        self
    }

    /// Adds an agenda day (days in date order).
    pub fn agenda_day(mut self, day: AgendaDay) -> Self {
        self.event.agenda.push(day);
        self
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.event.notes.push(note.into());
        self
    }

    /// Adds a source.
    pub fn source(mut self, source: Source) -> Self {
        self.event.sources.push(source);
        self
    }

    pub(crate) fn extend_parties(mut self, items: impl IntoIterator<Item = EventParty>) -> Self {
        if self.event.parties.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.event.parties = items.into_iter().collect();
        } else {
            self.event.parties.extend(items);
        }
        self
    }

    pub(crate) fn extend_related_projects(
        mut self,
        items: impl IntoIterator<Item = ProjectId>,
    ) -> Self {
        self.event.related_projects.extend(items);
        self
    }

    pub(crate) fn extend_speakers(mut self, items: impl IntoIterator<Item = Person>) -> Self {
        if self.event.speakers.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.event.speakers = items.into_iter().collect();
        } else {
            self.event.speakers.extend(items);
        }
        self
    }

    pub(crate) fn extend_contacts(mut self, items: impl IntoIterator<Item = Person>) -> Self {
        if self.event.contacts.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.event.contacts = items.into_iter().collect();
        } else {
            self.event.contacts.extend(items);
        }
        self
    }

    pub(crate) fn extend_agenda(mut self, items: impl IntoIterator<Item = AgendaDay>) -> Self {
        if self.event.agenda.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.event.agenda = items.into_iter().collect();
        } else {
            self.event.agenda.extend(items);
        }
        self
    }

    pub(crate) fn extend_notes(mut self, items: impl IntoIterator<Item = String>) -> Self {
        if self.event.notes.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.event.notes = items.into_iter().collect();
        } else {
            self.event.notes.extend(items);
        }
        self
    }

    pub(crate) fn extend_sources(mut self, items: impl IntoIterator<Item = Source>) -> Self {
        if self.event.sources.is_empty() {
            // Take the list as it is (its allocation, when it comes from a `Vec`).
            self.event.sources = items.into_iter().collect();
        } else {
            self.event.sources.extend(items);
        }
        self
    }

    /// Checks the event and its agenda.
    ///
    /// # Errors
    ///
    /// [`BuildError`] listing every finding when one is an error: blank
    /// text, an end before the start, a start with a year and an end without
    /// (or the reverse), agenda days out of order or outside the event's
    /// dates, a session ending before it starts, sessions of a day out of
    /// time order or overlapping, a malformed time zone or email, a party
    /// listed twice in the same role.
    pub fn build(self) -> Result<Event, BuildError> {
        let mut f = Findings::default();
        self.event.check(&mut f);
        let mut event = self.event;
        event.warnings = f.finish("event", || event.id.to_string())?;
        Ok(event)
    }
}
