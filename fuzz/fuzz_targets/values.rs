//! Every value type's `FromStr` never panics, and what it accepts round-trips.
#![no_main]

use std::fmt::Display;
use std::str::FromStr;

use libfuzzer_sys::fuzz_target;

fn check<T>(s: &str)
where
    T: FromStr + Display + PartialEq + std::fmt::Debug,
{
    if let Ok(v) = s.parse::<T>() {
        let text = v.to_string();
        let back: T = text.parse().ok().expect("display output parses");
        assert_eq!(back, v);
        assert_eq!(back.to_string(), text);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    check::<migov::CountryCode>(s);
    check::<migov::PartialDate>(s);
    check::<migov::Period>(s);
    check::<migov::LocalTime>(s);
    check::<migov::MonthDay>(s);
    check::<migov::Money>(s);
    check::<migov::Currency>(s);
    check::<migov::ProcessId>(s);
    check::<migov::PartnerId>(s);
    check::<migov::ProjectId>(s);
    check::<migov::EventId>(s);
    check::<migov::IdfCode>(s);
    check::<migov::Source>(s);
    check::<migov::EventDate>(s);
    check::<migov::codelist::ProjectStatus>(s);
    let _ = migov::CountryCode::from_name(s);
});
