//! Every name of every record resolves back to it through the name index,
//! and names shared by several records give all of them, ranked.

use migov::{
    CountryCode, Dataset, Language, NameMatch, Partner, PartnerId, ProcessId,
    RegionalConsultativeProcess,
};

fn is_state(m: &NameMatch<'_>, c: CountryCode) -> bool {
    matches!(m, NameMatch::State(code, _) if *code == c)
}

fn is_process(m: &NameMatch<'_>, id: &ProcessId) -> bool {
    matches!(m, NameMatch::Process(p) if p.id() == id)
}

fn is_partner(m: &NameMatch<'_>, id: &PartnerId) -> bool {
    matches!(m, NameMatch::Partner(p) if p.id() == id)
}

#[cfg(feature = "reference-data")]
#[test]
fn every_name_of_every_reference_record_resolves_to_it() {
    let data = migov::reference::dataset().unwrap();
    let mut checked = 0;
    for s in data.member_states() {
        let c = s.country();
        let mut names = vec![
            s.name().to_owned(),
            c.name().to_owned(),
            c.alpha3().to_owned(),
        ];
        names.extend(s.other_names().iter().cloned());
        names.extend(Language::ALL.iter().map(|l| c.name_in(*l).to_owned()));
        for name in names {
            let found = data.resolve_name(&name);
            assert!(found.iter().any(|m| is_state(m, c)), "{name:?} → {c}");
            checked += 1;
        }
    }
    for p in data.processes() {
        let mut names = vec![
            p.id().as_str().to_owned(),
            p.id().as_str().to_lowercase(),
            p.name().to_owned(),
        ];
        names.extend(p.other_names().iter().cloned());
        for name in names {
            let found = data.resolve_name(&name);
            assert!(
                found.iter().any(|m| is_process(m, p.id())),
                "{name:?} → {}",
                p.id()
            );
            checked += 1;
        }
    }
    for p in data.partners() {
        let mut names = vec![p.id().as_str().to_owned(), p.name().to_owned()];
        names.extend(p.other_names().iter().cloned());
        for name in names {
            let found = data.resolve_name(&name);
            assert!(
                found.iter().any(|m| is_partner(m, p.id())),
                "{name:?} → {}",
                p.id()
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked} names checked");
}

#[test]
fn a_shared_name_gives_every_record_best_match_first() -> Result<(), Box<dyn std::error::Error>> {
    let mut b = Dataset::builder();
    // "RCM" is one partner's identifier, one process's other name and
    // another partner's name.
    b.add_process(
        RegionalConsultativeProcess::builder(
            ProcessId::new("PUEBLA")?,
            "Regional Conference on Migration",
        )
        .other_name("RCM")
        .build()?,
    )?;
    b.add_partner(Partner::builder(PartnerId::new("RCM")?, "Some Council").build()?)?;
    b.add_partner(Partner::builder(PartnerId::new("OTHER")?, "RCM").build()?)?;
    let data = b.build()?;
    let found = data.resolve_name("rcm");
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        is_partner(&found[0], &PartnerId::new("RCM")?),
        "identifier first: {found:?}"
    );
    assert!(
        is_partner(&found[1], &PartnerId::new("OTHER")?),
        "then the name: {found:?}"
    );
    assert!(
        is_process(&found[2], &ProcessId::new("PUEBLA")?),
        "then other names: {found:?}"
    );
    Ok(())
}

#[test]
fn many_records_sharing_one_name_are_all_found_once() -> Result<(), Box<dyn std::error::Error>> {
    let mut b = Dataset::builder();
    for i in 0..2_000 {
        b.add_partner(
            Partner::builder(PartnerId::new(&format!("P{i}"))?, "Ministry of Interior")
                .other_name("Ministry of Interior")
                .other_name("MOI")
                .build()?,
        )?;
    }
    let data = b.build()?;
    let found = data.resolve_name("Ministry of Interior");
    assert_eq!(found.len(), 2_000);
    assert_eq!(data.resolve_name("moi").len(), 2_000);
    Ok(())
}
