//! Every printed form that #24 lists, fed as printed: each gives the typed
//! value a person reads in it, or, where the form is ambiguous, an error
//! that says so. (The forms come from real IOM pages and public name lists;
//! the expected values are what those words mean, not what the code does.)

use migov::codelist::{ProjectStatus, ProjectType};
use migov::printed::{
    AmountOptions, DateOptions, ReadCountryErrorKind, read_amount, read_country, read_dates,
    read_state_list,
};
use migov::{Currency, PartialDate, Period, Truth};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn amounts_as_printed() -> TestResult {
    let plain = AmountOptions::default();
    for (printed, amount, currency) in [
        ("USD 120,000", "120000", Currency::USD),
        ("US$ 50,000", "50000", Currency::USD),
        ("EUR 1,492,457", "1492457", Currency::EUR),
        ("USD 1.2 million", "1200000", Currency::USD),
        ("120 000 USD", "120000", Currency::USD),
        ("CHF 1'000", "1000", Currency::CHF),
    ] {
        let money = *read_amount(printed, &plain)?.value();
        assert_eq!(money.currency(), currency, "{printed}");
        assert_eq!(money.amount(), amount.parse()?, "{printed}");
    }
    // "$" alone and a bare number are ambiguous until the caller says.
    assert!(read_amount("$200,000", &plain).is_err());
    assert!(read_amount("50,000", &plain).is_err());
    let dollars = AmountOptions::default().dollar_means(Currency::USD);
    assert_eq!(
        read_amount("$200,000", &dollars)?.value().to_string(),
        "200000 USD"
    );
    let labelled = AmountOptions::default().currency(Currency::USD);
    assert_eq!(
        read_amount("50,000", &labelled)?.value().to_string(),
        "50000 USD"
    );
    // The error of a malformed amount points at the number, not the code.
    let err = read_amount("USD 12O,000", &plain).unwrap_err();
    assert!(err.part().contains("12O"), "{err}");
    Ok(())
}

#[test]
fn dates_in_words_as_printed() -> TestResult {
    let none = DateOptions::default();
    let in_2024 = DateOptions::default().year(2024);
    for (printed, options, read) in [
        ("26 TO 28 NOVEMBER 2024", none, "2024-11-26/2024-11-28"),
        ("October 15th, 2020", none, "2020-10-15"),
        ("07th  November", in_2024, "2024-11-07"),
        ("07th  November", none, "--11-07"),
        ("29-30 July", none, "--07-29/--07-30"),
        (
            "30 November - 2 December 2024",
            none,
            "2024-11-30/2024-12-02",
        ),
        ("in June this year", in_2024, "2024-06"),
        ("15 de octubre de 2020", none, "2020-10-15"),
        ("du 3 au 5 mars 2021", none, "2021-03-03/2021-03-05"),
        ("c. 1990", none, "1990~"),
        ("the 1990s", none, "199X"),
    ] {
        assert_eq!(
            read_dates(printed, &options)?.value().to_string(),
            read,
            "{printed}"
        );
    }
    // "This year" with no year given is refused, not guessed.
    assert!(read_dates("in June this year", &none).is_err());
    Ok(())
}

#[test]
fn edtf_level_1_dates_and_unknown_ends() -> TestResult {
    for form in ["1984?", "2004-06~", "199X", "19XX", "2004%"] {
        let d: PartialDate = form.parse()?;
        assert_eq!(d.to_string(), form);
    }
    // A 1990s date neither certainly is nor certainly is not in 1995.
    let decade: Period = "199X/199X".parse()?;
    assert_eq!(decade.contains("1995".parse()?), Truth::Maybe);
    // An unknown end answers "maybe" after the start; an open end "yes".
    let unknown: Period = "2001/".parse()?;
    let open: Period = "2001/..".parse()?;
    assert_eq!(unknown.contains("2024".parse()?), Truth::Maybe);
    assert_eq!(open.contains("2024".parse()?), Truth::Yes);
    Ok(())
}

#[test]
fn country_names_as_printed() -> TestResult {
    for (printed, code) in [
        ("Republic of Kenya", "KEN"),
        ("Islamic Republic of Iran", "IRN"),
        ("Republic of Cuba", "CUB"),
        ("State of Kuwait", "KWT"),
        ("Congo, Dem. Rep.", "COD"),
        ("Korea, Rep.", "KOR"),
        ("Iran, Islamic Rep.", "IRN"),
        ("Egypt, Arab Rep.", "EGY"),
        ("Gambia, The", "GMB"),
        ("Micronesia, Fed. Sts.", "FSM"),
        ("Slovak Republic", "SVK"),
        ("Kyrgyz Republic", "KGZ"),
        ("Hong Kong SAR, China", "HKG"),
        ("West Bank and Gaza", "PSE"),
        ("BiH", "BIH"),
        ("FYROM", "MKD"),
        ("Tunisia's", "TUN"),
        ("Kosovo*", "XKX"),
        ("French Republic", "FRA"),
        ("Falkland Islands", "FLK"),
        ("Congo DR", "COD"),
    ] {
        assert_eq!(read_country(printed)?.value().alpha3(), code, "{printed}");
    }
    // Historic names with several successors are refused, naming them.
    for former in ["Czechoslovakia", "Yugoslavia", "USSR"] {
        let err = read_country(former).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ReadCountryErrorKind::HistoricWithSeveralSuccessors { .. }
            ),
            "{former}: {err}"
        );
    }
    Ok(())
}

#[test]
fn state_lists_as_printed() -> TestResult {
    let list = read_state_list("15 States: Benin; Burkina Faso,\nCôte d'Ivoire and Kosovo*")?;
    let codes: Vec<&str> = list.value().codes().iter().map(|c| c.alpha3()).collect();
    assert_eq!(codes, ["BEN", "BFA", "CIV", "XKX"]);
    assert_eq!(list.value().stated_count(), Some(15));
    Ok(())
}

#[test]
fn code_lists_as_printed_on_project_pages() -> TestResult {
    assert_eq!("Active".parse::<ProjectStatus>()?, ProjectStatus::Ongoing);
    assert_eq!("Actif".parse::<ProjectStatus>()?, ProjectStatus::Ongoing);
    assert_eq!("Achevé".parse::<ProjectStatus>()?, ProjectStatus::Completed);
    for (printed, known) in [
        ("TCMMCB", ProjectType::Tcmmcb),
        (
            "Counter Trafficking Projects",
            ProjectType::CounterTrafficking,
        ),
        (
            "Community and Economic Development",
            ProjectType::CommunityAndEconomicDevelopment,
        ),
    ] {
        assert_eq!(printed.parse::<ProjectType>()?, known, "{printed}");
    }
    Ok(())
}

#[test]
fn an_iso_name_without_its_parenthesis_resolves_unless_two_countries_share_it() -> TestResult {
    // "Falkland Islands (Malvinas)" is the ISO name; pages print the short form.
    assert_eq!(read_country("Falkland Islands")?.value().alpha3(), "FLK");
    // "Virgin Islands (British)" and "Virgin Islands (U.S.)": the short form
    // names two countries, so it is not read as either.
    assert!(read_country("Virgin Islands").is_err());
    Ok(())
}
