//! A small dataset built by hand that uses what the exports must map with
//! care: partial dates, disputed dates, exact amounts in two currencies,
//! sources with retrieval dates and notes, text that needs escaping, offices
//! held in a body, people at an event.

use migov::codelist::{
    AmountKind, Coverage, EventKind, EventRole, LifecycleStatus, MembershipRole, PartnerKind,
    ProcessKind, ProjectRole, ProjectStatus, ProjectType,
};
use migov::{
    Alternative, Amount, Claimed, CountryCode, Dataset, Dispute, Event, EventDate, EventId,
    EventParty, ExternalId, IdfCode, IomStatus, MemberState, Membership, Money, PartialDate,
    Partner, PartnerId, Party, Period, Person, ProcessId, Project, ProjectId, ProjectParty, Rcp,
    Source,
};

pub fn c(alpha3: &str) -> CountryCode {
    CountryCode::from_alpha3(alpha3).unwrap()
}

pub fn d(s: &str) -> PartialDate {
    s.parse().unwrap()
}

pub fn src(url: &str) -> Source {
    Source::new(url).unwrap()
}

/// The hand-built dataset.
pub fn dataset() -> Dataset {
    let midwa = ProcessId::new("MIDWA").unwrap();
    let iom = PartnerId::new("IOM").unwrap();
    let japan = PartnerId::new("GOV-JPN").unwrap();
    let mut b = Dataset::builder();
    for (code, since) in [("SEN", "1973"), ("GMB", "2001-11")] {
        b.add_member_state(
            MemberState::builder(c(code))
                .status(IomStatus::Member, Some(d(since)))
                .source(src("https://www.iom.int/member-states").with_retrieved(d("2024-05")))
                .build()
                .unwrap(),
        )
        .unwrap();
    }
    b.add_member_state(
        MemberState::builder(c("RUS"))
            .status(IomStatus::Observer, Some(d("1992")))
            .status(IomStatus::Member, Some(d("2020")))
            .source(src("https://tass.com/politics/1227471"))
            .build()
            .unwrap(),
    )
    .unwrap();
    b.add_process(
        Rcp::builder(midwa.clone(), "Migration Dialogue for West Africa")
            .other_name("MIDWA")
            .kind(ProcessKind::RegionalConsultativeProcess)
            .established(Claimed::new(d("2001")).with_alternative(Alternative::new(
                d("2000-10"),
                vec![src("https://example.org/dakar-2000")],
            )))
            .status(LifecycleStatus::Active, None)
            .note("Set up by ECOWAS states, with IOM's support; \"MIDWA\" for short.")
            .source(src("https://www.iom.int/midwa").with_note("IOM's page on MIDWA"))
            .build()
            .unwrap(),
    )
    .unwrap();
    b.add_partner(
        Partner::builder(iom.clone(), "International Organization for Migration")
            .kind(PartnerKind::IntergovernmentalOrganization)
            .headquarters(c("CHE"))
            .established(d("1951-12"))
            .source(src("https://www.iom.int/about-iom"))
            .build()
            .unwrap(),
    )
    .unwrap();
    b.add_partner(
        Partner::builder(japan.clone(), "Government of Japan")
            .kind(PartnerKind::Government)
            .headquarters(c("JPN"))
            .source(src("https://www.mofa.go.jp/"))
            .build()
            .unwrap(),
    )
    .unwrap();
    b.add_membership(
        Membership::builder(
            Party::State(c("SEN")),
            Party::Process(midwa.clone()),
            MembershipRole::Member,
        )
        .period(Period::new(Some(d("2001")), None).unwrap())
        .source(src("https://www.iom.int/midwa"))
        .build()
        .unwrap(),
    );
    b.add_membership(
        Membership::builder(
            Party::State(c("GMB")),
            Party::Process(midwa.clone()),
            MembershipRole::Member,
        )
        .period(Period::new(Some(d("2001")), None).unwrap())
        .source(src("https://www.iom.int/midwa"))
        .build()
        .unwrap(),
    );
    b.add_membership(
        Membership::builder(
            Party::State(c("GMB")),
            Party::Process(midwa.clone()),
            MembershipRole::Chair,
        )
        .period(Period::new(Some(d("2019-06")), Some(d("2020-12-31"))).unwrap())
        .note("chair of the ministerial conference")
        .dispute(Dispute::new(
            "another page gives 2018 for the start",
            vec![src("https://example.org/midwa-2018")],
        ))
        .source(src("https://www.iom.int/midwa"))
        .build()
        .unwrap(),
    );
    b.add_membership(
        Membership::builder(
            Party::Partner(iom.clone()),
            Party::Process(midwa.clone()),
            MembershipRole::Secretariat,
        )
        .source(src("https://www.iom.int/midwa"))
        .build()
        .unwrap(),
    );
    b.add_project(
        Project::builder(
            ProjectId::new("E40-800").unwrap(),
            "Policy <Workshop> & \"Seminar\" for West Africa",
        )
        .description("A workshop on migration policy, with 'quotes' & <brackets>.")
        .external_id(ExternalId::Idf(IdfCode::new("E40-800").unwrap()))
        .status(ProjectStatus::Completed)
        .project_type(ProjectType::MigrationPolicyActivities)
        .period(Period::new(Some(d("2015-04")), Some(d("2016-03"))).unwrap())
        .amount(Amount::new(
            AmountKind::Budget,
            "32000.00 USD".parse::<Money>().unwrap(),
        ))
        .amount(
            Amount::new(
                AmountKind::IdfContribution,
                "15000.5 CHF".parse::<Money>().unwrap(),
            )
            .with_note("the Fund's part"),
        )
        .coverage(Coverage::Regional)
        .benefiting_state(c("SEN"))
        .benefiting_state(c("GMB"))
        .organization(ProjectParty::new(japan.clone(), ProjectRole::Funder))
        .organization(ProjectParty::new(iom.clone(), ProjectRole::Implementer))
        .related_process(midwa.clone())
        .note("Budget as printed on the project page, cents included.")
        .source(
            src("https://developmentfund.iom.int/projects/e40-800")
                .with_retrieved(d("2024-06-02"))
                .with_note("project page"),
        )
        .source(src("https://example.org/factsheet.pdf"))
        .build()
        .unwrap(),
    )
    .unwrap();
    b.add_event(
        Event::builder(
            EventId::new("NIAMEY-WORKSHOP").unwrap(),
            "Regional workshop on border management",
        )
        .kind(EventKind::Workshop)
        .start(EventDate::Known(d("2015-07-29")))
        .end(EventDate::Known(d("2015-07-30")))
        .city("Niamey")
        .country(c("NER"))
        .party(EventParty::new(
            Party::Partner(iom.clone()),
            EventRole::Organiser,
        ))
        .party(EventParty::new(
            Party::Process(midwa.clone()),
            EventRole::Participant,
        ))
        .party(EventParty::new(
            Party::State(c("SEN")),
            EventRole::Participant,
        ))
        .related_project(ProjectId::new("E40-800").unwrap())
        .speaker(
            Person::new("Aminata Diallo")
                .with_honorific("Dr")
                .with_title("Head of Office")
                .with_organization(iom.clone())
                .with_email("adiallo@example.org")
                .with_phone("+227 20 00 00 00"),
        )
        .contact(Person::new("Jean Dupont").with_affiliation("Ministry of the Interior"))
        .source(src("https://www.iom.int/news/niamey-workshop"))
        .build()
        .unwrap(),
    )
    .unwrap();
    b.add_event(
        Event::builder(
            EventId::new("BANJUL-DIALOGUE").unwrap(),
            "Dialogue in Banjul",
        )
        .kind(EventKind::Dialogue)
        .start("--07-25".parse::<EventDate>().unwrap())
        .city("Banjul")
        .country(c("GMB"))
        .source(src("https://gambia.iom.int/news/dialogue"))
        .build()
        .unwrap(),
    )
    .unwrap();
    b.build().unwrap()
}

/// The reference dataset, when embedded.
#[cfg(feature = "reference-data")]
pub fn reference() -> Dataset {
    migov::reference::dataset().unwrap().clone()
}

/// A dataset in which a group of states is a member: "the members of the
/// Colombo Process" in the Abu Dhabi Dialogue, beside a state member.
pub fn with_group() -> Dataset {
    let text = r#"{"schema_version": "1",
      "processes": [
        {"id": "ADD", "name": "Abu Dhabi Dialogue", "sources": ["https://www.iom.int/"]},
        {"id": "CP", "name": "Colombo Process", "sources": ["https://www.iom.int/"]}],
      "memberships": [
        {"member": {"state": "LKA"}, "body": {"process": "CP"}, "role": "member", "start": "2003", "end": "..", "sources": ["https://www.iom.int/"]},
        {"member": {"members_of": {"process": "CP"}}, "body": {"process": "ADD"}, "role": "member", "start": "2008", "end": "..", "sources": ["https://www.iom.int/"]},
        {"member": {"state": "ARE"}, "body": {"process": "ADD"}, "role": "member", "start": "2008", "end": "..", "sources": ["https://www.iom.int/"]}]}"#;
    Dataset::from_json_str(text).unwrap()
}
