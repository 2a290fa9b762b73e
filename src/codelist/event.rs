//! Code lists of events, their sessions and participants.

codelist! {
    /// The kind of an event, as its title or programme names it.
    EventKind, "event kind", example = (Workshop, "workshop", "Workshop") {
        /// A "Workshop" in an event's title, such as the International Migration
        /// Policy Workshop.
        Workshop = "workshop" | "Workshop",
        /// A "Seminar" in an event's title.
        Seminar = "seminar" | "Seminar",
        /// A "Council Session" of IOM (the IOM Council's sessions are numbered).
        CouncilSession = "council_session" | "Council Session",
        /// A "Dialogue" in an event's title, such as the International Dialogue
        /// on Migration.
        Dialogue = "dialogue" | "Dialogue",
        /// A "Ministerial Meeting" / "Ministerial Conference" in an event's title.
        MinisterialMeeting = "ministerial_meeting" | "Ministerial Meeting" | "Ministerial Conference",
        /// A "Conference" in an event's title.
        Conference = "conference" | "Conference",
        /// A "Meeting" in an event's title.
        Meeting = "meeting" | "Meeting",
    }
}

codelist! {
    /// The format of a session in an event's agenda.
    SessionFormat, "session format", example = (Plenary, "plenary", "Plenary") {
        /// "Plenary" / "Plenary Session" in an agenda.
        Plenary = "plenary" | "Plenary" | "Plenary Session",
        /// "Panel" / "Panel Discussion" in an agenda.
        Panel = "panel" | "Panel" | "Panel Discussion",
        /// "Special Panel" in an agenda (as in IOM Council sessions).
        SpecialPanel = "special_panel" | "Special Panel",
        /// "General Debate" in an agenda (as in IOM Council sessions).
        GeneralDebate = "general_debate" | "General Debate",
        /// "Opening" / "Opening Session" in an agenda.
        Opening = "opening" | "Opening" | "Opening Session",
        /// "Presentation" in an agenda.
        Presentation = "presentation" | "Presentation",
    }
}

codelist! {
    /// What a state or organisation does for an event, as its programme or
    /// report credits it.
    EventRole, "event role", example = (Organiser, "organiser", "Organiser") {
        /// "Organised by" / "Organiser" in an event's programme.
        Organiser = "organiser" | "Organiser" | "Organizer" | "Organised by" | "Organized by",
        /// "Co-Chair" of an event in its programme.
        CoChair = "co_chair" | "Co-Chair" | "Co Chair",
        /// "Coordinator" / "Coordinated by" in an event's programme.
        Coordinator = "coordinator" | "Coordinator" | "Coordinated by",
        /// "Host" / "Hosted by" in an event's programme.
        Host = "host" | "Host" | "Hosted by",
        /// "Funder" / "Funded by" in an event's programme.
        Funder = "funder" | "Funder" | "Funded by",
        /// "Supporter" / "With the support of" in an event's programme.
        Supporter = "supporter" | "Supporter" | "With the support of",
        /// "Participant" / "Participants" in an event's report.
        Participant = "participant" | "Participant" | "Participants",
    }
}

codelist! {
    /// The kind of a document attached to an event page.
    DocumentKind, "document kind", example = (Presentation, "presentation", "Presentation") {
        /// A speaker's "Bio" / "Biography" linked from an event page.
        Bio = "bio" | "Bio" | "Biography",
        /// A "Presentation" (slides) linked from an event page.
        Presentation = "presentation" | "Presentation",
    }
}
