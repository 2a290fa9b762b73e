//! The umbrella error type.

/// Any error of migov, for callers that handle them alike.
///
/// Each concern has its own error type (a value's parse error, a builder's
/// [`BuildError`](crate::problem::BuildError), a dataset's
/// [`DatasetError`](crate::dataset::DatasetError), a file's
/// [`LoadErrors`](crate::json::LoadErrors)); each converts into this one with `?`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An invalid country code or name.
    #[error(transparent)]
    CountryCode(#[from] crate::value::CountryCodeError),
    /// An invalid partial date.
    #[error(transparent)]
    PartialDate(#[from] crate::value::PartialDateError),
    /// An invalid period.
    #[error(transparent)]
    Period(#[from] crate::value::PeriodError),
    /// An invalid local time.
    #[error(transparent)]
    LocalTime(#[from] crate::value::LocalTimeError),
    /// An invalid day of a month.
    #[error(transparent)]
    MonthDay(#[from] crate::value::MonthDayError),
    /// Invalid money, or a sum of different currencies.
    #[error(transparent)]
    Money(#[from] crate::value::MoneyError),
    /// An invalid currency code.
    #[error(transparent)]
    Currency(#[from] crate::value::CurrencyError),
    /// An invalid identifier.
    #[error(transparent)]
    Id(#[from] crate::value::IdError),
    /// An invalid IOM Development Fund code.
    #[error(transparent)]
    IdfCode(#[from] crate::value::IdfCodeError),
    /// An invalid source.
    #[error(transparent)]
    Source(#[from] crate::value::SourceError),
    /// An invalid code of an open code list.
    #[error(transparent)]
    Code(#[from] crate::codelist::UnknownCodeError),
    /// An entity that failed its checks.
    #[error(transparent)]
    Build(#[from] crate::problem::BuildError),
    /// An identifier added twice to a dataset builder.
    #[error(transparent)]
    DuplicateId(#[from] crate::dataset::DuplicateIdError),
    /// A dataset that failed its checks.
    #[error(transparent)]
    Dataset(#[from] crate::dataset::DatasetError),
    /// A JSON file that did not load.
    #[error(transparent)]
    Load(#[from] crate::json::LoadErrors),
    /// Two datasets that could not be merged.
    #[error(transparent)]
    Merge(#[from] crate::dataset::MergeError),
    /// An export that could not be written.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
}

/// So that `?` works on [`reference::dataset`](crate::reference::dataset),
/// whose errors are shared: the report is cloned.
impl From<&crate::json::LoadErrors> for Error {
    fn from(errors: &crate::json::LoadErrors) -> Self {
        Error::Load(errors.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::Error;

    #[test]
    fn a_shared_load_report_converts_with_question_mark() {
        fn load(text: &str) -> Result<usize, Error> {
            let shared: &'static crate::json::LoadErrors =
                match crate::dataset::Dataset::from_json_str(text) {
                    Ok(_) => return Ok(0),
                    Err(e) => Box::leak(Box::new(e)),
                };
            let failed: Result<usize, &'static crate::json::LoadErrors> = Err(shared);
            Ok(failed?)
        }
        let err = load("{").unwrap_err();
        assert!(matches!(err, Error::Load(_)), "{err:?}");
        // An error-chain printer (Display, then each source) shows every
        // problem once: Display lists them and nothing is chained below.
        let mut chain = vec![err.to_string()];
        let mut next = std::error::Error::source(&err);
        while let Some(e) = next {
            chain.push(e.to_string());
            next = e.source();
        }
        let printed = chain.join("\n");
        let crate::error::Error::Load(report) = &err else {
            panic!("checked above: {err:?}")
        };
        for problem in report.problems() {
            let shown = problem.to_string();
            assert_eq!(printed.matches(&shown).count(), 1, "{printed}");
        }
        assert_eq!(load(r#"{"schema_version": "1"}"#).unwrap(), 0);
    }
}
