//! Every public type can cross threads; every error type is a proper `std::error::Error`.

use migov::codelist::{
    AmountKind, Coverage, DocumentKind, EventKind, EventRole, IdfRegion, LifecycleStatus,
    MembershipRole, Metric, PartnerKind, ProcessKind, ProjectRole, ProjectStatus, ProjectType,
    SessionFormat, UnknownCode, UnknownCodeError,
};
use migov::*;

fn assert_send_sync<T: Send + Sync>() {}

fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}

#[test]
fn dataset_and_builders_are_send_sync() {
    assert_send_sync::<Dataset>();
    assert_send_sync::<DatasetBuilder>();
    assert_send_sync::<ProjectFilter>();
    assert_send_sync::<AsOf<'static, Membership>>();
    assert_send_sync::<NameMatch<'static>>();
    assert_send_sync::<MembershipChange<'static>>();
    assert_send_sync::<ClaimView<'static>>();
    assert_send_sync::<DisputedFact<'static>>();
}

#[test]
fn entities_are_send_sync() {
    assert_send_sync::<MemberState>();
    assert_send_sync::<MemberStateBuilder>();
    assert_send_sync::<StatusChange>();
    assert_send_sync::<IomStatus>();
    assert_send_sync::<DatedFlag>();
    assert_send_sync::<Rcp>();
    assert_send_sync::<RegionalConsultativeProcess>();
    assert_send_sync::<RcpBuilder>();
    assert_send_sync::<Partner>();
    assert_send_sync::<PartnerBuilder>();
    assert_send_sync::<Figure>();
    assert_send_sync::<Bound>();
    assert_send_sync::<Project>();
    assert_send_sync::<ProjectBuilder>();
    assert_send_sync::<ProjectParty>();
    assert_send_sync::<Amount>();
    assert_send_sync::<ExternalId>();
    assert_send_sync::<Event>();
    assert_send_sync::<EventBuilder>();
    assert_send_sync::<EventDate>();
    assert_send_sync::<EventParty>();
    assert_send_sync::<AgendaDay>();
    assert_send_sync::<Session>();
    assert_send_sync::<Contribution>();
    assert_send_sync::<Panellist>();
    assert_send_sync::<Person>();
    assert_send_sync::<Membership>();
    assert_send_sync::<MembershipBuilder>();
    assert_send_sync::<Dispute>();
    assert_send_sync::<Party>();
    assert_send_sync::<Issue>();
    assert_send_sync::<Rule>();
    assert_send_sync::<Severity>();
    assert_send_sync::<FieldPath>();
    assert_send_sync::<Segment>();
}

#[test]
fn values_and_codes_are_send_sync() {
    assert_send_sync::<CountryCode>();
    assert_send_sync::<Currency>();
    assert_send_sync::<Money>();
    assert_send_sync::<Totals>();
    assert_send_sync::<PartialDate>();
    assert_send_sync::<Precision>();
    assert_send_sync::<Period>();
    assert_send_sync::<Truth>();
    assert_send_sync::<LocalTime>();
    assert_send_sync::<MonthDay>();
    assert_send_sync::<ProcessId>();
    assert_send_sync::<PartnerId>();
    assert_send_sync::<ProjectId>();
    assert_send_sync::<EventId>();
    assert_send_sync::<IdfCode>();
    assert_send_sync::<IdfCodeForm>();
    assert_send_sync::<Source>();
    assert_send_sync::<Claimed<u32>>();
    assert_send_sync::<Alternative<PartialDate>>();
    assert_send_sync::<UnknownCode>();
    assert_send_sync::<AmountKind>();
    assert_send_sync::<Coverage>();
    assert_send_sync::<DocumentKind>();
    assert_send_sync::<EventKind>();
    assert_send_sync::<EventRole>();
    assert_send_sync::<IdfRegion>();
    assert_send_sync::<LifecycleStatus>();
    assert_send_sync::<MembershipRole>();
    assert_send_sync::<Metric>();
    assert_send_sync::<PartnerKind>();
    assert_send_sync::<ProcessKind>();
    assert_send_sync::<ProjectRole>();
    assert_send_sync::<ProjectStatus>();
    assert_send_sync::<ProjectType>();
    assert_send_sync::<SessionFormat>();
}

#[test]
fn errors_are_send_sync_static_and_std_errors() {
    assert_error::<Error>();
    assert_error::<LoadErrors>();
    assert_error::<LoadError>();
    assert_error::<DatasetError>();
    assert_error::<DuplicateIdError>();
    assert_error::<BuildError>();
    assert_error::<CountryCodeError>();
    assert_error::<CurrencyError>();
    assert_error::<MoneyError>();
    assert_error::<PartialDateError>();
    assert_error::<PeriodError>();
    assert_error::<TruthError>();
    assert_error::<LocalTimeError>();
    assert_error::<MonthDayError>();
    assert_error::<IdError>();
    assert_error::<IdfCodeError>();
    assert_error::<SourceError>();
    assert_error::<UnknownCodeError>();
    // Error kinds travel with their errors.
    assert_send_sync::<CountryCodeErrorKind>();
    assert_send_sync::<PartialDateErrorKind>();
    assert_send_sync::<PeriodErrorKind>();
    assert_send_sync::<LocalTimeErrorKind>();
    assert_send_sync::<MonthDayErrorKind>();
    assert_send_sync::<IdErrorReason>();
    assert_send_sync::<SourceErrorKind>();
}

#[test]
fn load_errors_box_into_dyn_error() {
    let err = Dataset::from_json_str("").unwrap_err();
    let boxed: Box<dyn std::error::Error + Send + Sync + 'static> = Box::new(err.clone());
    assert_eq!(boxed.to_string(), err.to_string());
    let umbrella: Error = err.into();
    assert!(umbrella.to_string().contains("json.syntax"));
}
