//! Events: workshops, seminars, council sessions and dialogues, with their agendas.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::Datelike;

use crate::codelist::{
    ContributionRole, DocumentKind, EventKind, EventRelation, EventRole, OutcomeKind, SessionFormat,
};
use crate::entity::Party;
use crate::entity::findings::Findings;
use crate::problem::{BuildError, FieldPath, Issue, Rule};
use crate::value::Sources;
use crate::value::{
    Claimed, CountryCode, EventId, LocalTime, MonthDay, PartialDate, PartialDateError, PartnerId,
    Period, ProjectId, Source,
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

/// The text [`Display`](fmt::Display) writes: `"2024-07-25"`, `"2024"` or
/// `"--07-25"`.
impl serde::Serialize for EventDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Reads the text [`FromStr`] reads.
impl<'de> serde::Deserialize<'de> for EventDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
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
/// People are records, not free text: name, honorific, other spellings,
/// job title, affiliation (text, and the partner record where there is one),
/// country and published contact details (email, telephone numbers).
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
///
/// // "Ambassador Lang Yabou, Permanent Secretary": the honorific is not the job title.
/// let yabou = Person::new("Lang Yabou")
///     .with_honorific("Ambassador")
///     .with_title("Permanent Secretary");
/// assert_eq!(yabou.to_string(), "Ambassador Lang Yabou, Permanent Secretary");
///
/// let casaseca = Person::new("Paloma Casaseca")
///     .with_phone("+227 20 75 25 07")
///     .with_phone("+227 98 87 17 31");
/// assert_eq!(casaseca.phones().len(), 2);
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
    honorific: Option<String>,
    phones: Vec<String>,
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
            honorific: None,
            phones: Vec::new(),
        }
    }

    /// With an honorific or form of address the source puts before the
    /// name ("Ambassador", "H.E."), kept apart from the job title.
    #[must_use]
    pub fn with_honorific(mut self, honorific: impl Into<String>) -> Self {
        self.honorific = Some(honorific.into());
        self
    }

    /// With one more telephone number the source publishes, as written
    /// (`+227 20 75 25 07`): digits, spaces and `+ ( ) - . /`, a `+` only first.
    #[must_use]
    pub fn with_phone(mut self, phone: impl Into<String>) -> Self {
        self.phones.push(phone.into());
        self
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

    /// The honorific ("Ambassador"), where the source gives one.
    pub fn honorific(&self) -> Option<&str> {
        self.honorific.as_deref()
    }

    /// The published telephone numbers, in the source's order.
    pub fn phones(&self) -> &[String] {
        &self.phones
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
            ("honorific", &self.honorific),
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
                        crate::text::Excerpt::new(email)
                    ),
                );
            }
        }
        for (i, phone) in self.phones.iter().enumerate() {
            if phone.trim().is_empty() {
                f.text(|| at().join("phones").join(i), phone);
            } else if !is_phone_number(phone) {
                f.push(
                    Rule::InvalidValue,
                    at().join("phones").join(i),
                    format!(
                        "invalid telephone number {:?}: expected digits, spaces and + ( ) - . / (a + only first), such as \"+227 20 75 25 07\"",
                        crate::text::Excerpt::new(phone)
                    ),
                );
            }
        }
    }
}

/// Whether `phone` looks like a telephone number as pages print one: at
/// least three digits, otherwise only spaces and `( ) - . /`, and a `+` only
/// as its first character; no surrounding whitespace.
fn is_phone_number(phone: &str) -> bool {
    let digits = phone.bytes().filter(u8::is_ascii_digit).count();
    let plus_first = phone.strip_prefix('+').unwrap_or(phone);
    digits >= 3
        && phone.trim() == phone
        && phone.len() <= 64
        && plus_first
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'(' | b')' | b'-' | b'.' | b'/'))
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(h) = &self.honorific {
            write!(f, "{h} ")?;
        }
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

/// A panellist with the documents the agenda links for them (bio,
/// presentation) and, where the agenda says, their role (moderator,
/// speaker, opening remarks...).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Panellist {
    person: Person,
    role: Option<ContributionRole>,
    documents: Vec<DocumentKind>,
}

impl Panellist {
    /// A panellist.
    pub fn new(person: Person) -> Self {
        Self {
            person,
            role: None,
            documents: Vec::new(),
        }
    }

    /// With the role the agenda gives this person ("Moderator").
    #[must_use]
    pub fn with_role(mut self, role: ContributionRole) -> Self {
        self.role = Some(role);
        self
    }

    /// The person's role, where the agenda gives one for them alone (see
    /// also [`Contribution::role`]).
    pub fn role(&self) -> Option<&ContributionRole> {
        self.role.as_ref()
    }

    /// With a linked document.
    #[must_use]
    pub fn with_document(mut self, kind: DocumentKind) -> Self {
        self.documents.push(kind);
        self
    }

    /// With linked documents (a `Vec` given to an empty list is taken as it is).
    pub(crate) fn with_documents(mut self, kinds: Vec<DocumentKind>) -> Self {
        super::take_or_extend(&mut self.documents, kinds);
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
///
/// A line may give its role ("Opening remarks: H.E. ..."): the role of each
/// of its panellists unless a panellist has a role of their own.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Contribution {
    panellists: Vec<Panellist>,
    role: Option<ContributionRole>,
    topic: Option<String>,
}

impl Contribution {
    /// A contribution by `panellists`.
    pub fn new(panellists: Vec<Panellist>) -> Self {
        Self {
            panellists,
            role: None,
            topic: None,
        }
    }

    /// With the role the agenda gives the line ("Keynote", "Closing remarks").
    #[must_use]
    pub fn with_role(mut self, role: ContributionRole) -> Self {
        self.role = Some(role);
        self
    }

    /// The line's role, where the agenda gives one.
    pub fn role(&self) -> Option<&ContributionRole> {
        self.role.as_ref()
    }

    /// The role of `panellist` (one of this line's): their own, else the line's.
    pub fn role_of<'a>(&'a self, panellist: &'a Panellist) -> Option<&'a ContributionRole> {
        panellist.role().or(self.role.as_ref())
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

/// A session of an agenda day: local start and end times, title, number,
/// theme, format, ordered items and a panel.
///
/// Times are local to the venue (or to the event's time zone). Many agendas
/// list sessions in order without times ("Session 3: Labour mobility"): such
/// a session has no start ([`Session::untimed`]); the agenda keeps the order
/// it is given in, and only sessions with times are checked for time order.
///
/// # Examples
///
/// ```
/// use migov::Session;
///
/// let s = Session::untimed("Labour mobility").with_number(3).with_theme("Regular pathways");
/// assert_eq!(s.start(), None);
/// assert_eq!(s.number(), Some(3));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Session {
    start: Option<LocalTime>,
    end: Option<LocalTime>,
    title: String,
    number: Option<u32>,
    theme: Option<String>,
    format: Option<SessionFormat>,
    items: Vec<String>,
    panel: Vec<Contribution>,
}

impl Session {
    /// A session starting at `start`.
    pub fn new(start: LocalTime, title: impl Into<String>) -> Self {
        Self {
            start: Some(start),
            ..Self::untimed(title)
        }
    }

    /// A session whose start time the agenda does not give: it keeps its
    /// place in the day's order.
    pub fn untimed(title: impl Into<String>) -> Self {
        Self {
            start: None,
            end: None,
            title: title.into(),
            number: None,
            theme: None,
            format: None,
            items: Vec::new(),
            panel: Vec::new(),
        }
    }

    /// With the number the agenda gives the session ("Session 3").
    #[must_use]
    pub fn with_number(mut self, number: u32) -> Self {
        self.number = Some(number);
        self
    }

    /// With the theme the agenda gives the session, beside its title.
    #[must_use]
    pub fn with_theme(mut self, theme: impl Into<String>) -> Self {
        self.theme = Some(theme.into());
        self
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
        super::take_or_extend(&mut self.items, items);
        self
    }

    pub(crate) fn extend_panel(mut self, panel: impl IntoIterator<Item = Contribution>) -> Self {
        super::take_or_extend(&mut self.panel, panel);
        self
    }

    /// Local start time, where the agenda gives one.
    pub fn start(&self) -> Option<LocalTime> {
        self.start
    }

    /// The session's number, where the agenda gives one.
    pub fn number(&self) -> Option<u32> {
        self.number
    }

    /// The session's theme, where the agenda gives one.
    pub fn theme(&self) -> Option<&str> {
        self.theme.as_deref()
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
        super::take_or_extend(&mut self.sessions, sessions);
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

    /// The sessions, in the agenda's order (timed sessions in time order).
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

/// A link from an event to another event of the dataset: "a follow-up of",
/// "ahead of", "part of".
///
/// In a dataset the other event must exist (`ref.dangling` otherwise).
///
/// # Examples
///
/// ```
/// use migov::codelist::EventRelation;
/// use migov::{EventId, RelatedEvent};
///
/// let link = RelatedEvent::new(EventId::new("DAKAR-MINISTERIAL-2000")?, EventRelation::FollowUpOf);
/// assert_eq!(link.to_string(), "follow_up_of DAKAR-MINISTERIAL-2000");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelatedEvent {
    event: EventId,
    relation: EventRelation,
    note: Option<String>,
}

impl RelatedEvent {
    /// The event is `relation` `event` (a follow-up of it, ...).
    pub fn new(event: EventId, relation: EventRelation) -> Self {
        Self {
            event,
            relation,
            note: None,
        }
    }

    /// With a note.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The other event.
    pub fn event(&self) -> &EventId {
        &self.event
    }

    /// How this event relates to it.
    pub fn relation(&self) -> &EventRelation {
        &self.relation
    }

    /// A note, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

impl fmt::Display for RelatedEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.relation, self.event)
    }
}

/// A document an event produced: a declaration, a report, recommendations...
///
/// # Examples
///
/// ```
/// use migov::codelist::OutcomeKind;
/// use migov::Outcome;
///
/// let dakar = Outcome::new("Dakar declaration").with_kind(OutcomeKind::Declaration);
/// assert_eq!(dakar.kind(), Some(&OutcomeKind::Declaration));
/// assert_eq!(dakar.url(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Outcome {
    title: String,
    kind: Option<OutcomeKind>,
    url: Option<String>,
    note: Option<String>,
}

impl Outcome {
    /// A document called `title` (as the source names it).
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            kind: None,
            url: None,
            note: None,
        }
    }

    /// With the kind of document.
    #[must_use]
    pub fn with_kind(mut self, kind: OutcomeKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// With the URL where the document is published (checked as a
    /// [`Source`]'s URL when the event is built).
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// With a note ("to be issued in the coming days").
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The kind of document, where known.
    pub fn kind(&self) -> Option<&OutcomeKind> {
        self.kind.as_ref()
    }

    /// Where the document is published, if given.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// A note, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// An event: a workshop, seminar, council session, dialogue, ministerial meeting...
///
/// Dates may be partial or lack a year (see [`EventDate`]); the start may
/// carry alternatives (a year inferred by one source). A length in days
/// ("a two-day dialogue") is kept even when the dates are not known. The
/// agenda is ordered: days, sessions with local times, items and panellists.
/// An event may link to other events ([`RelatedEvent`]: a follow-up of,
/// ahead of, part of) and list the documents it produced ([`Outcome`]).
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
    duration_days: Option<u32>,
    number: Option<u32>,
    theme: Option<String>,
    participant_count: Option<u32>,
    parties: Vec<EventParty>,
    related_projects: Vec<ProjectId>,
    related_events: Vec<RelatedEvent>,
    speakers: Vec<Person>,
    contacts: Vec<Person>,
    agenda: Vec<AgendaDay>,
    outcomes: Vec<Outcome>,
    notes: Vec<String>,
    sources: Sources,
    warnings: Vec<Issue>,
    /// The partners named as a speaker's, contact's or panellist's
    /// organisation, each once (kept by `build`, so that the dataset checks
    /// them without walking the agenda again).
    person_organizations: Box<[PartnerId]>,
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
                duration_days: None,
                number: None,
                theme: None,
                participant_count: None,
                parties: Vec::new(),
                related_projects: Vec::new(),
                related_events: Vec::new(),
                speakers: Vec::new(),
                contacts: Vec::new(),
                agenda: Vec::new(),
                outcomes: Vec::new(),
                notes: Vec::new(),
                sources: Sources::default(),
                warnings: Vec::new(),
                person_organizations: Box::default(),
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
    ///
    /// A missing end means a one-day event, unless the event lasts
    /// [`duration_days`](Self::duration_days) and starts on a known day: then
    /// it ends that many days after its first day, counting both.
    pub fn period(&self) -> Option<Period> {
        let start = self.start.as_ref()?.value().known()?;
        let end = match self.end {
            Some(e) => e.known()?,
            None => self.last_day_from_duration(start).unwrap_or(start),
        };
        Period::new(Some(start), Some(end)).ok()
    }

    /// The last day of an event of `duration_days` days from `start` (a day).
    fn last_day_from_duration(&self, start: PartialDate) -> Option<PartialDate> {
        let days = self.duration_days?.checked_sub(1)?;
        let last = start
            .to_date()?
            .checked_add_days(chrono::Days::new(u64::from(days)))?;
        PartialDate::ymd(last.year(), last.month(), last.day()).ok()
    }

    /// How many days the event lasted, as a source states it ("a two-day
    /// dialogue"), whether or not its dates are known.
    pub fn duration_days(&self) -> Option<u32> {
        self.duration_days
    }

    /// The event's number in its series, where a source gives it (the IOM
    /// Council's "114th Session" is 114).
    pub fn number(&self) -> Option<u32> {
        self.number
    }

    /// The event's theme, where a source gives one beside its title.
    pub fn theme(&self) -> Option<&str> {
        self.theme.as_deref()
    }

    /// How many people took part, as a source states it ("some 60
    /// participants" is 60, with the wording in a note).
    pub fn participant_count(&self) -> Option<u32> {
        self.participant_count
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

    /// Other events this one relates to (a follow-up of, ahead of, part of).
    pub fn related_events(&self) -> &[RelatedEvent] {
        &self.related_events
    }

    /// Events this one relates to in `relation`.
    pub fn related_events_in<'a>(
        &'a self,
        relation: &'a EventRelation,
    ) -> impl Iterator<Item = &'a EventId> {
        self.related_events
            .iter()
            .filter(move |r| r.relation() == relation)
            .map(RelatedEvent::event)
    }

    /// The documents the event produced (declarations, reports...).
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
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

    /// The partners named as the organisation of a speaker, contact or
    /// panellist, each once, in the order they first appear.
    pub(crate) fn person_organizations(&self) -> &[PartnerId] {
        &self.person_organizations
    }

    fn collect_person_organizations(&self) -> Box<[PartnerId]> {
        let panellists = self
            .agenda
            .iter()
            .flat_map(|d| &d.sessions)
            .flat_map(|s| &s.panel)
            .flat_map(|c| &c.panellists)
            .map(|p| &p.person);
        let mut out: Vec<PartnerId> = Vec::new();
        for person in self.speakers.iter().chain(&self.contacts).chain(panellists) {
            if let Some(org) = &person.organization
                && !out.contains(org)
            {
                out.push(org.clone());
            }
        }
        out.into_boxed_slice()
    }

    /// Findings that did not refuse the record.
    pub fn warnings(&self) -> &[Issue] {
        &self.warnings
    }

    fn check(&self, f: &mut Findings) {
        f.text(|| FieldPath::key("title"), &self.title);
        for (key, value) in [
            ("description", &self.description),
            ("city", &self.city),
            ("theme", &self.theme),
        ] {
            if let Some(v) = value {
                f.text(|| FieldPath::key(key), v);
            }
        }
        f.texts("notes", &self.notes);
        f.sources(&self.sources);
        f.unique("parties", &self.parties);
        f.code_opt(|| FieldPath::key("kind"), self.kind.as_ref());
        for (i, party) in self.parties.iter().enumerate() {
            f.code(
                || FieldPath::key("parties").join(i).join("role"),
                &party.role,
            );
        }
        f.unique("related_projects", &self.related_projects);
        self.check_related_events(f);
        self.check_outcomes(f);
        self.check_duration(f);
        if let Some(tz) = &self.time_zone
            && !is_time_zone_name(tz)
        {
            f.push(
                    Rule::InvalidValue,
                    FieldPath::key("time_zone"),
                    format!(
                        "invalid time zone {:?}: expected an IANA name such as \"Africa/Banjul\" or \"UTC\"",
                        crate::text::Excerpt::new(tz)
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

    fn check_related_events(&self, f: &mut Findings) {
        let mut seen = std::collections::BTreeSet::new();
        for (i, r) in self.related_events.iter().enumerate() {
            let at = || FieldPath::key("related_events").join(i);
            if r.event == self.id {
                f.push(
                    Rule::InvalidValue,
                    at().join("event"),
                    format!(
                        "event {} is related to itself; expected another event",
                        self.id
                    ),
                );
            }
            f.code(|| at().join("relation"), &r.relation);
            if !seen.insert((&r.event, &r.relation)) {
                f.push(
                    Rule::DuplicateEntry,
                    at(),
                    format!("{r} is listed twice; expected each related event once per relation"),
                );
            }
            if let Some(n) = &r.note {
                f.text(|| at().join("note"), n);
            }
        }
    }

    fn check_outcomes(&self, f: &mut Findings) {
        for (i, o) in self.outcomes.iter().enumerate() {
            let at = || FieldPath::key("outcomes").join(i);
            f.text(|| at().join("title"), &o.title);
            f.code_opt(|| at().join("kind"), o.kind.as_ref());
            if let Some(n) = &o.note {
                f.text(|| at().join("note"), n);
            }
            if let Some(url) = &o.url
                && let Err(e) = Source::new(url)
            {
                f.push(Rule::InvalidValue, at().join("url"), e.to_string());
            }
        }
    }

    /// A stated length in days: at least one, and, when the first and last
    /// days are both given to the day, their count (both included).
    fn check_duration(&self, f: &mut Findings) {
        let Some(days) = self.duration_days else {
            return;
        };
        if days == 0 {
            f.push(
                Rule::InvalidValue,
                FieldPath::key("duration_days"),
                "an event lasts at least one day; expected 1 or more",
            );
            return;
        }
        let (Some(start), Some(end)) = (self.start.as_ref().map(|s| *s.value()), self.end) else {
            return;
        };
        // Month-days without a year: count in a common and in a leap year.
        let mut spans: Vec<i64> = match (start, end) {
            (EventDate::Known(s), EventDate::Known(e)) => s
                .to_date()
                .zip(e.to_date())
                .map(|(s, e)| (e - s).num_days() + 1)
                .into_iter()
                .collect(),
            (EventDate::YearUnknown(s), EventDate::YearUnknown(e)) => [2001, 2004]
                .into_iter()
                .filter_map(|year| {
                    let s = chrono::NaiveDate::from_ymd_opt(year, s.month(), s.day())?;
                    let e = chrono::NaiveDate::from_ymd_opt(year, e.month(), e.day())?;
                    Some((e - s).num_days() + 1)
                })
                .collect(),
            _ => Vec::new(),
        };
        spans.dedup();
        // An end before the start is another rule's error.
        let in_order = !spans.is_empty() && spans.iter().all(|&n| n >= 1);
        if in_order && !spans.contains(&i64::from(days)) {
            f.push(
                Rule::DurationMismatch,
                FieldPath::key("duration_days"),
                format!(
                    "the event is said to last {days} day(s), but {start} to {end} is {} day(s)",
                    spans
                        .iter()
                        .map(i64::to_string)
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            );
        }
    }

    fn check_agenda(&self, f: &mut Findings) {
        let period = self.period();
        let mut previous: Option<PartialDate> = None;
        for (d, day) in self.agenda.iter().enumerate() {
            let at = || FieldPath::key("agenda").join(d);
            if day.date.precision() != crate::value::Precision::Day {
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
            // The latest time reached by a session before: its end, else its
            // start (untimed sessions keep their place and are not ordered).
            let mut last_end: Option<(usize, LocalTime)> = None;
            for (s, session) in day.sessions.iter().enumerate() {
                let sat = || at().join("sessions").join(s);
                f.text(|| sat().join("title"), &session.title);
                f.code_opt(|| sat().join("format"), session.format.as_ref());
                if let Some(t) = &session.theme {
                    f.text(|| sat().join("theme"), t);
                }
                for (i, item) in session.items.iter().enumerate() {
                    f.text(|| sat().join("items").join(i), item);
                }
                if let (Some(start), Some(end)) = (session.start, session.end)
                    && end <= start
                {
                    f.push(
                        Rule::SessionEndBeforeStart,
                        sat().join("end"),
                        format!("session ends at {end}, not after its start at {start}"),
                    );
                }
                if let Some(start) = session.start {
                    if let Some((prev, prev_end)) = last_end
                        && start < prev_end
                    {
                        f.push(
                            Rule::SessionOrder,
                            sat().join("start"),
                            format!(
                                "session starts at {start} before session {prev} of the same day ends at {prev_end}"
                            ),
                        );
                    }
                    last_end = Some((s, session.end.unwrap_or(start)));
                }
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
                    f.code_opt(|| cat().join("role"), contribution.role.as_ref());
                    for (p, panellist) in contribution.panellists.iter().enumerate() {
                        let pat = || cat().join("panellists").join(p);
                        panellist.person.check(f, &pat);
                        f.code_opt(|| pat().join("role"), panellist.role.as_ref());
                        for (k, kind) in panellist.documents.iter().enumerate() {
                            f.code(|| pat().join("documents").join(k), kind);
                        }
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
    let mut rest = parts.peekable();
    ok_part(area)
        && area.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
        && rest.peek().is_some()
        && rest.all(ok_part)
}

/// Builds an [`Event`].
///
/// # Examples
///
/// ```
/// use migov::codelist::EventKind;
/// use migov::{CountryCode, Event, EventDate, EventId, Source};
///
/// let workshop = Event::builder(EventId::new("NIAMEY-CBM-WORKSHOP-2015")?, "Regional workshop on border management")
///     .kind(EventKind::Workshop)
///     .start(EventDate::Known("2015-07-29".parse()?))
///     .end(EventDate::Known("2015-07-30".parse()?))
///     .city("Niamey")
///     .country(CountryCode::from_alpha3("NER")?)
///     .source(Source::new("https://www.iom.int/")?)
///     .build()?;
/// assert_eq!(workshop.city(), Some("Niamey"));
///
/// // An end before the start is refused.
/// let err = Event::builder(EventId::new("X")?, "T")
///     .start(EventDate::Known("2015-07-29".parse()?))
///     .end(EventDate::Known("2015-07-01".parse()?))
///     .build()
///     .unwrap_err();
/// assert!(err.errors().next().is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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

    /// Sets how many days the event lasted ("a two-day dialogue"), also
    /// when its dates are not known.
    pub fn duration_days(mut self, days: u32) -> Self {
        self.event.duration_days = Some(days);
        self
    }

    /// Sets the event's number in its series ("114th Session": 114).
    pub fn number(mut self, number: u32) -> Self {
        self.event.number = Some(number);
        self
    }

    /// Sets the theme.
    pub fn theme(mut self, theme: impl Into<String>) -> Self {
        self.event.theme = Some(theme.into());
        self
    }

    /// Sets how many people took part, as a source states it.
    pub fn participant_count(mut self, count: u32) -> Self {
        self.event.participant_count = Some(count);
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

    /// Adds a link to another event (a follow-up of, ahead of, part of).
    pub fn related_event(mut self, related: RelatedEvent) -> Self {
        self.event.related_events.push(related);
        self
    }

    /// Adds a document the event produced.
    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.event.outcomes.push(outcome);
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
        super::take_or_extend(&mut self.event.parties, items);
        self
    }

    pub(crate) fn extend_related_projects(
        mut self,
        items: impl IntoIterator<Item = ProjectId>,
    ) -> Self {
        super::take_or_extend(&mut self.event.related_projects, items);
        self
    }

    pub(crate) fn extend_speakers(mut self, items: impl IntoIterator<Item = Person>) -> Self {
        super::take_or_extend(&mut self.event.speakers, items);
        self
    }

    pub(crate) fn extend_contacts(mut self, items: impl IntoIterator<Item = Person>) -> Self {
        super::take_or_extend(&mut self.event.contacts, items);
        self
    }

    pub(crate) fn extend_agenda(mut self, items: impl IntoIterator<Item = AgendaDay>) -> Self {
        super::take_or_extend(&mut self.event.agenda, items);
        self
    }

    pub(crate) fn extend_notes(mut self, items: impl IntoIterator<Item = String>) -> Self {
        super::take_or_extend(&mut self.event.notes, items);
        self
    }

    pub(crate) fn extend_sources(mut self, items: Sources) -> Self {
        self.event.sources.append(items);
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
    /// time order or overlapping, a malformed time zone, email, telephone
    /// number or outcome URL, a party listed twice in the same role, an
    /// event related to itself or to the same event twice in one relation,
    /// a duration of zero days. A duration that does not match a first and
    /// last day both given to the day is a warning
    /// (`period.duration_mismatch`).
    pub fn build(self) -> Result<Event, BuildError> {
        let mut f = Findings::default();
        self.event.check(&mut f);
        let mut event = self.event;
        event.warnings = f.finish("event", || event.id.to_string())?;
        event.person_organizations = event.collect_person_organizations();
        Ok(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_organizations_are_gathered_once_in_order_of_appearance() {
        let id = |s: &str| PartnerId::new(s).unwrap();
        let person = |org: &str| Person::new("A. Person").with_organization(id(org));
        let panel = Contribution::new(vec![
            Panellist::new(person("ECOWAS")),
            Panellist::new(Person::new("No organisation")),
            Panellist::new(person("IOM")),
        ]);
        let day = AgendaDay::new("2001-10-08".parse().unwrap()).with_session(
            Session::new("09:00".parse().unwrap(), "Opening").with_contribution(panel),
        );
        let event = Event::builder(EventId::new("E-1").unwrap(), "A meeting")
            .speaker(person("IOM"))
            .contact(person("UNHCR"))
            .contact(person("IOM"))
            .agenda_day(day)
            .source(crate::value::Source::new("https://www.iom.int/").unwrap())
            .build()
            .unwrap();
        assert_eq!(
            event.person_organizations(),
            &[id("IOM"), id("UNHCR"), id("ECOWAS")]
        );
        let bare = Event::builder(EventId::new("E-2").unwrap(), "A meeting")
            .source(crate::value::Source::new("https://www.iom.int/").unwrap())
            .build()
            .unwrap();
        assert!(bare.person_organizations().is_empty());
    }

    #[test]
    fn time_zone_names_have_an_area_and_a_place() {
        for good in [
            "UTC",
            "Africa/Banjul",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+1",
        ] {
            assert!(is_time_zone_name(good), "{good}");
        }
        for bad in [
            "",
            "Africa",
            "Africa/",
            "/Banjul",
            "Africa//Banjul",
            "Africa/Ban jul",
            "Etc1/GMT",
            "utc/",
        ] {
            assert!(!is_time_zone_name(bad), "{bad}");
        }
    }
}
