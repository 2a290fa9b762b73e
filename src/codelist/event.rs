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
        /// "Chair" / "Chaired by" of an event in its programme or report, as
        /// a minister chairing a ministerial conference.
        Chair = "chair" | "Chair" | "Chaired by",
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
        /// "In cooperation with" / "In coordination with" / "In collaboration
        /// with" in an event's report: a party the organisers worked with, as
        /// the Government of Senegal for the International Migration Policy
        /// Seminar for West Africa. (A party that coordinated the event itself
        /// is a [`Coordinator`](Self::Coordinator).)
        Collaborator = "collaborator" | "Collaborator" | "In cooperation with"
            | "In coordination with" | "In collaboration with",
    }
}

codelist! {
    /// How an event relates to another event, as a report words it.
    EventRelation, "event relation", example = (FollowUpOf, "follow_up_of", "Follow-up of") {
        /// "Follow-up of" / "Follow-up to" another event: the International
        /// Migration Policy Seminar for West Africa followed up the Dakar
        /// ministerial meeting of October 2000.
        FollowUpOf = "follow_up_of" | "Follow-up of" | "Follow-up to" | "Follow up of" | "Follow up to",
        /// Held "ahead of" / "in preparation for" another event, to contribute
        /// to it: the Banjul dialogue of ISCMs ahead of the GCM regional reviews.
        PreparatoryTo = "preparatory_to" | "Preparatory to" | "In preparation for" | "Ahead of",
        /// "Part of" a larger event, such as a side event or a segment of a session.
        PartOf = "part_of" | "Part of",
    }
}

codelist! {
    /// The kind of a document an event produced.
    OutcomeKind, "outcome kind", example = (Declaration, "declaration", "Declaration") {
        /// A "Declaration" adopted at an event, such as the Dakar declaration.
        Declaration = "declaration" | "Declaration",
        /// A "Report" / "Final report" of an event.
        Report = "report" | "Report" | "Final report",
        /// "Recommendations" / "Conclusions" an event adopted.
        Recommendations = "recommendations" | "Recommendations" | "Conclusions",
        /// An "Action Plan" / "Plan of Action" an event adopted.
        ActionPlan = "action_plan" | "Action Plan" | "Plan of Action",
        /// "Follow-up documents" of an event: texts on how to reach its objectives.
        FollowUpDocument = "follow_up_document" | "Follow-up document" | "Follow-up documents",
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

codelist! {
    /// What a person does in an agenda's session, as the agenda credits them:
    /// moderator, speaker, keynote, opening or closing remarks...
    ContributionRole, "contribution role", example = (Moderator, "moderator", "Moderator") {
        /// "Moderator" / "Moderated by" / "Facilitator" of a panel.
        Moderator = "moderator" | "Moderator" | "Moderated by" | "Facilitator" | "Modérateur" | "Modératrice" | "Moderador" | "Moderadora",
        /// "Speaker" / "Panellist" of a session.
        Speaker = "speaker" | "Speaker" | "Speakers" | "Panellist" | "Panelist" | "Intervenant" | "Orador",
        /// "Keynote" / "Keynote speaker" / "Keynote address".
        Keynote = "keynote" | "Keynote" | "Keynote speaker" | "Keynote address" | "Keynote speech",
        /// "Opening remarks" / "Welcome remarks" / "Opening statement".
        OpeningRemarks = "opening_remarks" | "Opening remarks" | "Welcome remarks" | "Opening statement" | "Welcoming remarks" | "Allocution d'ouverture" | "Palabras de apertura",
        /// "Closing remarks" / "Concluding remarks" / "Closing statement".
        ClosingRemarks = "closing_remarks" | "Closing remarks" | "Concluding remarks" | "Closing statement" | "Allocution de clôture" | "Palabras de clausura",
        /// "Rapporteur" of a session.
        Rapporteur = "rapporteur" | "Rapporteur" | "Relator" | "Relatora",
        /// "Chair" / "Chaired by" / "Chairperson" of a session.
        Chair = "chair" | "Chair" | "Chaired by" | "Chairperson" | "Président de séance" | "Presidente de sesión",
    }
}
