//! Open code lists: values that sources spell in words, with room for values
//! this version does not know yet.
//!
//! Each list is an enum marked `#[non_exhaustive]` whose last variant,
//! `Other(UnknownCode)`, keeps a value this version does not know, exactly as
//! written. [`UnknownCode`] has no public constructor: it only comes from
//! parsing, and parsing maps every known spelling to its variant, so `Other`
//! never holds a known value.
//!
//! # Syntax
//!
//! - `Display`, [`as_str`](ProjectStatus::as_str) and JSON use the snake_case
//!   code: `completed`, `migration_policy_activities`.
//! - `FromStr` (and JSON) accept the code, or the label shown on IOM pages
//!   (`Completed`, `Migration Policy Activities`, `Achevé`), ignoring case.
//!   Any other text becomes `Other`, unless it is empty, starts or ends with
//!   whitespace, holds a control character or is longer than 200 characters:
//!   then it is an [`UnknownCodeError`].
//! - A record holding an `Other` value in any code-list field is built (and
//!   loaded) with the warning `code.unknown` at that field
//!   ([`Rule::UnknownCode`](crate::problem::Rule::UnknownCode)): it names the list and
//!   the value (its first 64 characters, escaped), and suggests the closest
//!   known code or label when one is close: at most a third of the longer
//!   text's length in edits (Levenshtein distance over characters, ignoring
//!   case), the first in the list's order on a tie, and none for text over 64
//!   characters. `"regonal_consultative_process"` as a process kind: did you
//!   mean `"regional_consultative_process"`?
//!
//! # Labels
//!
//! Every value also has a label for people in English, French and Spanish,
//! `label(`[`Language`](crate::value::Language)`)`: `ProjectStatus::Completed` is
//! "Completed", "Achevé", "Finalizado". English labels follow IOM's pages
//! where a page prints the value; French labels are IOM's where its French
//! pages print them, otherwise (as all Spanish labels) the crate's own
//! translation. An `Other` value is labelled with its text as written.
//!
//! # Examples
//!
//! ```
//! use migov::codelist::ProjectStatus;
//!
//! let status: ProjectStatus = "Completed".parse()?;
//! assert_eq!(status, ProjectStatus::Completed);
//! assert_eq!(status.to_string(), "completed");
//!
//! let new: ProjectStatus = "on hold".parse()?;
//! assert!(!new.is_known());
//! assert_eq!(new.as_str(), "on hold");
//! assert_eq!(serde_json::to_string(&new)?, r#""on hold""#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::text::Excerpt;

/// Whether two spellings are equal ignoring case: ASCII case first (the
/// common case, no allocation), then Unicode lower case for labels such as
/// `Achevé` (`ACHEVÉ` matches).
#[inline]
pub(crate) fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii())
            && a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase)))
}

/// The longest text an `Other` value may hold, in characters.
const MAX_CHARS: usize = 200;

/// Generates one open code list. Every variant gives its snake_case code and
/// any labels sources show for it; `Other(UnknownCode)` is added last.
macro_rules! codelist {
    (
        $(#[$meta:meta])*
        $name:ident, $list_name:literal, example = ($ex_variant:ident, $ex_code:literal, $ex_label:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal $(| $label:literal)*,
            )+
        }
    ) => {
        $(#[$meta])*
        ///
        /// An open code list: see the [module docs](crate::codelist) for its syntax.
        /// `Ord` follows the order of the variants, `Other` last.
        ///
        /// # Examples
        ///
        /// ```
        #[doc = concat!("use migov::codelist::", stringify!($name), ";")]
        ///
        #[doc = concat!("let x: ", stringify!($name), " = \"", $ex_label, "\".parse()?;")]
        #[doc = concat!("assert_eq!(x, ", stringify!($name), "::", stringify!($ex_variant), ");")]
        #[doc = concat!("assert_eq!(x.as_str(), \"", $ex_code, "\");")]
        #[doc = concat!("assert_eq!(\"", $ex_code, "\".parse::<", stringify!($name), ">()?, x);")]
        #[doc = concat!("assert!(!\"not yet known\".parse::<", stringify!($name), ">()?.is_known());")]
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value this version does not know yet, kept as written.
            Other($crate::codelist::UnknownCode),
        }

        impl $name {
            const KNOWN: &'static [Self] = &[$(Self::$variant),+];

            /// The snake_case code (for `Other`, the text as written).
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use migov::codelist::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::", stringify!($ex_variant), ".as_str(), \"", $ex_code, "\");")]
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $code,)+
                    Self::Other(unknown) => unknown.as_str(),
                }
            }

            /// Whether this is a value this version knows (not `Other`).
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use migov::codelist::", stringify!($name), ";")]
            #[doc = concat!("assert!(", stringify!($name), "::", stringify!($ex_variant), ".is_known());")]
            /// ```
            #[must_use]
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }

            /// Every known value, in declaration order.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use migov::codelist::", stringify!($name), ";")]
            #[doc = concat!("assert!(", stringify!($name), "::known().all(|x| x.is_known()));")]
            /// ```
            pub fn known() -> impl Iterator<Item = Self> {
                Self::KNOWN.iter().cloned()
            }

            /// The labels sources use for a known value (empty for `Other`).
            #[cfg(test)]
            pub(crate) fn labels(&self) -> &'static [&'static str] {
                match self {
                    $(Self::$variant => &[$($label),*],)+
                    Self::Other(_) => &[],
                }
            }

            /// Refuses text that only looks like a known value: a letter
            /// from another script in place of a Latin one (`"mеmber"`
            /// with a Cyrillic `е`) or a full-width form.
            fn refuse_lookalike(s: &str) -> Result<(), $crate::codelist::UnknownCodeError> {
                if let Some((found, latin, skeleton)) = $crate::codelist::skeleton(s)
                    && let Some(known) = Self::from_known(&skeleton).or_else(|| Self::from_label(&skeleton))
                {
                    return Err($crate::codelist::UnknownCodeError::lookalike(
                        $list_name,
                        s,
                        found,
                        latin,
                        known.as_str(),
                    ));
                }
                Ok(())
            }

            fn from_known(s: &str) -> Option<Self> {
                $(
                    if s.eq_ignore_ascii_case($code) $(|| $crate::codelist::eq_ignore_case(s, $label))* {
                        return Some(Self::$variant);
                    }
                )+
                None
            }
        }

        impl $crate::codelist::Code for $name {
            const LIST_NAME: &'static str = $list_name;

            fn unknown(&self) -> Option<&$crate::codelist::UnknownCode> {
                match self {
                    Self::Other(unknown) => Some(unknown),
                    _ => None,
                }
            }

            fn candidates() -> &'static [(&'static str, &'static str)] {
                &[$( ($code, $code), $( ($label, $code), )* )+]
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::codelist::UnknownCodeError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                // A known label is well-formed text: only other text is checked.
                if let Some(known) = Self::from_known(s).or_else(|| Self::from_label(s)) {
                    return Ok(known);
                }
                $crate::codelist::check_text($list_name, s)?;
                Self::refuse_lookalike(s)?;
                Ok(Self::Other($crate::codelist::UnknownCode(s.to_owned())))
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::codelist::UnknownCodeError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::codelist::UnknownCodeError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                if let Some(known) = Self::from_known(&s).or_else(|| Self::from_label(&s)) {
                    return Ok(known);
                }
                $crate::codelist::check_text($list_name, &s)?;
                Self::refuse_lookalike(&s)?;
                Ok(Self::Other($crate::codelist::UnknownCode(s)))
            }
        }

        impl From<$name> for String {
            fn from(x: $name) -> Self {
                match x {
                    $name::Other(unknown) => unknown.0,
                    known => known.as_str().to_owned(),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct CodeVisitor;
                impl ::serde::de::Visitor<'_> for CodeVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", $list_name, " as a string"))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(CodeVisitor)
            }
        }
    };
}

/// What every code list tells about a value it does not know: the list's
/// name, the text, and the closest known spelling (crate-private: the
/// builders warn with it, see [`Findings::code`](crate::entity::findings::Findings)).
pub(crate) trait Code {
    /// The list, in words: `"process kind"`.
    const LIST_NAME: &'static str;

    /// The text of an `Other` value; `None` for a known value.
    fn unknown(&self) -> Option<&UnknownCode>;

    /// Every known spelling with the code it stands for: each code, then its
    /// labels, in declaration order.
    fn candidates() -> &'static [(&'static str, &'static str)];

    /// The known spelling closest to `text` (see [`closest`]), with its
    /// code, when it is close.
    fn suggestion(text: &str) -> Option<(&'static str, &'static str)> {
        closest(text, Self::candidates())
    }
}

/// The longest text for which a spelling is suggested, in characters:
/// longer text is no misspelling of a code (the longest known label is
/// shorter), and the comparison stays cheap.
const SUGGEST_MAX_CHARS: usize = 64;

/// The candidate closest to `text` by edit distance (Levenshtein, over
/// characters, ignoring case), when it is close: at most a third of the
/// longer text's length in edits (`"regonal_consultative_process"`, one
/// edit from `regional_consultative_process`, is close; `"xyz"`, three
/// edits from `irf`, is not). Ties go to the first candidate. `None` for
/// text longer than [`SUGGEST_MAX_CHARS`].
///
/// O(candidates × 64 × its length), at most: a candidate whose length
/// alone rules it out is skipped, and a comparison stops once no
/// alignment can be close.
pub(crate) fn closest(
    text: &str,
    candidates: &'static [(&'static str, &'static str)],
) -> Option<(&'static str, &'static str)> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    if lower.is_empty() || lower.len() > SUGGEST_MAX_CHARS {
        return None;
    }
    let counts = Counts::of(&lower);
    let mut best: Option<(usize, (&'static str, &'static str))> = None;
    let mut other: Vec<char> = Vec::new();
    let (mut prev, mut cur) = (Vec::new(), Vec::new());
    for &(spelling, code) in candidates {
        other.clear();
        other.extend(spelling.chars().flat_map(char::to_lowercase));
        let longer = lower.len().max(other.len());
        let mut limit = longer / 3;
        if let Some((d, _)) = best {
            // Only a strictly closer candidate replaces the best.
            limit = limit.min(d.saturating_sub(1));
            if d == 0 {
                break;
            }
        }
        if lower.len().abs_diff(other.len()) > limit
            || counts.lower_bound(&Counts::of(&other)) > limit
        {
            continue;
        }
        if let Some(d) = edit_distance(&lower, &other, limit, &mut prev, &mut cur) {
            best = Some((d, (spelling, code)));
        }
    }
    best.map(|(_, found)| found)
}

/// How many characters a text has in each of 64 buckets (by code point):
/// two texts whose counts differ by `k` in either direction are at least
/// `k` edits apart, so most candidates are ruled out without a table.
struct Counts([u8; 64]);

impl Counts {
    fn of(text: &[char]) -> Self {
        let mut counts = [0u8; 64];
        for &c in text {
            if let Some(n) = counts.get_mut((u32::from(c) % 64) as usize) {
                *n = n.saturating_add(1);
            }
        }
        Self(counts)
    }

    /// A lower bound of the edit distance between the two texts: an edit
    /// adds at most one character and removes at most one.
    fn lower_bound(&self, other: &Counts) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (&a, &b) in self.0.iter().zip(&other.0) {
            more += usize::from(a.saturating_sub(b));
            fewer += usize::from(b.saturating_sub(a));
        }
        more.max(fewer)
    }
}

/// The edit distance between `a` and `b` if it is at most `limit` (one
/// row of the table at a time, in `prev` and `cur`; stops when a row's
/// least value exceeds `limit`, which no later row can go below).
fn edit_distance(
    a: &[char],
    b: &[char],
    limit: usize,
    prev: &mut Vec<usize>,
    cur: &mut Vec<usize>,
) -> Option<usize> {
    prev.clear();
    prev.extend(0..=b.len());
    for (i, ca) in a.iter().enumerate() {
        cur.clear();
        let mut left = i + 1;
        cur.push(left);
        let mut row_min = left;
        for ((cb, &diag), &up) in b.iter().zip(prev.iter()).zip(prev.iter().skip(1)) {
            let v = (diag + usize::from(ca != cb)).min(up + 1).min(left + 1);
            cur.push(v);
            left = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(prev, cur);
    }
    prev.last().copied().filter(|&d| d <= limit)
}

mod event;
mod labels;
mod partner;
mod process;
mod project;

pub use event::{
    ContributionRole, DocumentKind, EventKind, EventRelation, EventRole, OutcomeKind, SessionFormat,
};
pub use partner::{Metric, PartnerKind};
pub use process::{LifecycleStatus, MembershipRole, ProcessKind};
pub use project::{AmountKind, Coverage, IdfRegion, ProjectRole, ProjectStatus, ProjectType};

/// A code-list value this version does not know, kept exactly as written.
///
/// It is non-empty, has no surrounding whitespace or control characters, is
/// at most 200 characters long, and is never a known value of its list: it
/// only comes from parsing (there is no public constructor).
///
/// # Examples
///
/// ```
/// use migov::codelist::ProjectStatus;
///
/// let x: ProjectStatus = "On Hold".parse()?;
/// if let ProjectStatus::Other(unknown) = &x {
///     assert_eq!(unknown.as_str(), "On Hold");
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownCode(String);

impl UnknownCode {
    /// The text as written.
    ///
    /// # Examples
    ///
    /// ```
    /// let x: migov::codelist::Coverage = "continental".parse()?;
    /// assert_eq!(x.as_str(), "continental");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks text that may become an [`UnknownCode`].
fn check_text(list_name: &'static str, s: &str) -> Result<(), UnknownCodeError> {
    let fail = |reason| {
        Err(UnknownCodeError {
            list_name,
            input: Excerpt::new(s),
            reason,
        })
    };
    if s.is_empty() {
        return fail(Reason::Empty);
    }
    if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
        return fail(Reason::Padded);
    }
    if s.chars().any(char::is_control) {
        return fail(Reason::Control);
    }
    if let Some(c) = s.chars().find(|&c| is_invisible(c)) {
        return fail(Reason::Invisible(c));
    }
    if s.chars().nth(MAX_CHARS).is_some() {
        return fail(Reason::TooLong);
    }
    Ok(())
}

/// Why a text cannot be a code-list value: it is empty, starts or ends with
/// whitespace, holds a control character or is longer than 200 characters.
///
/// # Examples
///
/// ```
/// use migov::codelist::ProjectStatus;
///
/// let err = " completed".parse::<ProjectStatus>().err().ok_or("expected an error")?;
/// assert_eq!(err.list_name(), "project status");
/// assert_eq!(
///     err.to_string(),
///     r#"invalid project status " completed": must not start or end with whitespace"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {list_name} {input}: {reason}")]
pub struct UnknownCodeError {
    list_name: &'static str,
    input: Excerpt,
    reason: Reason,
}

impl UnknownCodeError {
    /// The code list, in words: `"project status"`, `"partner kind"`.
    #[must_use]
    pub fn list_name(&self) -> &'static str {
        self.list_name
    }

    /// The rejected text (at most its first 64 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl UnknownCodeError {
    /// Text that is a known value with `found` in place of the Latin `latin`.
    pub(crate) fn lookalike(
        list_name: &'static str,
        input: &str,
        found: char,
        latin: char,
        known: &str,
    ) -> Self {
        Self {
            list_name,
            input: Excerpt::new(input),
            reason: Reason::Lookalike {
                found,
                latin,
                known: known.to_owned(),
            },
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Reason {
    Empty,
    Padded,
    Control,
    Invisible(char),
    Lookalike {
        found: char,
        latin: char,
        known: String,
    },
    TooLong,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("must not be empty"),
            Self::Padded => f.write_str("must not start or end with whitespace"),
            Self::Control => f.write_str("control characters are not allowed"),
            Self::Invisible(c) => write!(
                f,
                "holds the invisible character U+{:04X}; invisible and direction-changing characters are not allowed",
                u32::from(*c)
            ),
            Self::Lookalike {
                found,
                latin,
                known,
            } => write!(
                f,
                "holds U+{:04X}, which looks like the Latin {latin:?}: with it, the text would be the known value {known:?}",
                u32::from(*found)
            ),
            Self::TooLong => write!(f, "must be at most {MAX_CHARS} characters long"),
        }
    }
}

/// Characters that print as nothing or change the direction of the text
/// around them: format characters (zero-width spaces and joiners, the soft
/// hyphen, the byte-order mark), bidirectional controls, variation selectors
/// and the Hangul fillers.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// The Latin letter that `c` is drawn like, for the Cyrillic and Greek
/// letters that look the same as a Latin one in common fonts, and the
/// full-width Latin forms.
fn latin_lookalike(c: char) -> Option<char> {
    let latin = match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        'ѵ' => 'v',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ԁ' => 'D',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        'ο' => 'o',
        'α' => 'a',
        'ν' => 'v',
        'ρ' => 'p',
        'ι' => 'i',
        'κ' => 'k',
        'υ' => 'u',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        '\u{FF21}'..='\u{FF3A}' => char::from_u32(u32::from(c) - 0xFF21 + u32::from('A'))?,
        '\u{FF41}'..='\u{FF5A}' => char::from_u32(u32::from(c) - 0xFF41 + u32::from('a'))?,
        _ => return None,
    };
    Some(latin)
}

/// The text with every look-alike letter replaced by its Latin letter, and
/// the first look-alike found with its Latin letter; `None` when the text has
/// none (so ASCII text costs one scan).
pub(crate) fn skeleton(s: &str) -> Option<(char, char, String)> {
    if s.is_ascii() {
        return None;
    }
    let mut first = None;
    let skeleton = s
        .chars()
        .map(|c| match latin_lookalike(c) {
            Some(latin) => {
                first.get_or_insert((c, latin));
                latin
            }
            None => c,
        })
        .collect();
    first.map(|(found, latin)| (found, latin, skeleton))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<UnknownCode>();
        assert_send_sync::<UnknownCodeError>();
        assert_send_sync::<ProjectStatus>();
    }

    #[test]
    fn labels_from_iom_pages_map_to_known_variants() {
        assert_eq!(
            "Completed".parse::<ProjectStatus>().unwrap(),
            ProjectStatus::Completed
        );
        assert_eq!(
            "COMPLETED".parse::<ProjectStatus>().unwrap(),
            ProjectStatus::Completed
        );
        assert_eq!(
            "Migration Policy Activities"
                .parse::<ProjectType>()
                .unwrap(),
            ProjectType::MigrationPolicyActivities
        );
        assert_eq!("Regional".parse::<Coverage>().unwrap(), Coverage::Regional);
        assert_eq!(
            "Latin America and the Caribbean"
                .parse::<IdfRegion>()
                .unwrap(),
            IdfRegion::LatinAmericaAndTheCaribbean
        );
        assert_eq!(
            "Vice-Chair".parse::<MembershipRole>().unwrap(),
            MembershipRole::ViceChair
        );
        assert_eq!(
            "Organizer".parse::<EventRole>().unwrap(),
            EventRole::Organiser
        );
        assert_eq!("NGO".parse::<PartnerKind>().unwrap(), PartnerKind::Ngo);
    }

    #[test]
    fn a_lookalike_of_a_known_value_is_refused_naming_the_character() {
        // Cyrillic е (U+0435) in "member"; Greek ο (U+03BF) in "observer".
        let err = "m\u{0435}mber".parse::<MembershipRole>().unwrap_err();
        let text = err.to_string();
        assert!(text.contains("U+0435"), "{text}");
        assert!(text.contains(r#"known value "member""#), "{text}");
        let err = "\u{03BF}bserver".parse::<MembershipRole>().unwrap_err();
        assert!(err.to_string().contains("U+03BF"), "{err}");
        // Full-width Latin letters, and a label rather than a code.
        let err = "\u{FF23}ompleted".parse::<ProjectStatus>().unwrap_err();
        assert!(err.to_string().contains("U+FF23"), "{err}");
        assert!("Vic\u{0435}-Chair".parse::<MembershipRole>().is_err());
        assert!(MembershipRole::try_from("Vic\u{0435}-Chair".to_owned()).is_err());
        // Text in another script that is not a look-alike stays an unknown value.
        let kept: MembershipRole = "член".parse().unwrap();
        assert!(!kept.is_known());
    }

    #[test]
    fn invisible_characters_are_refused_naming_the_character() {
        for c in [
            '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{202E}', '\u{2066}', '\u{00AD}',
        ] {
            let text = format!("mem{c}ber");
            let err = text.parse::<MembershipRole>().unwrap_err();
            let shown = format!("U+{:04X}", u32::from(c));
            assert!(err.to_string().contains(&shown), "{err}");
            // The message itself carries no invisible character.
            assert!(!err.to_string().chars().any(is_invisible), "{err:?}");
        }
    }

    #[test]
    fn no_known_label_counts_as_a_lookalike() {
        // Every label of every list reads as its own value, so the look-alike
        // rule never refuses the French and Spanish labels pages print.
        fn check<T: std::str::FromStr + PartialEq + std::fmt::Debug>(
            known: impl Iterator<Item = T>,
            labels: impl Fn(&T) -> &'static [&'static str],
        ) {
            for value in known {
                for label in labels(&value) {
                    let read = label.parse::<T>().ok();
                    assert_eq!(read.as_ref(), Some(&value), "{label}");
                }
            }
        }
        check(ProjectStatus::known(), ProjectStatus::labels);
        check(ProjectType::known(), ProjectType::labels);
        check(MembershipRole::known(), MembershipRole::labels);
        check(EventRole::known(), EventRole::labels);
        check(IdfRegion::known(), IdfRegion::labels);
        check(PartnerKind::known(), PartnerKind::labels);
    }

    proptest! {
        #[test]
        fn lookalike_checks_never_panic(text in "\\PC{1,30}") {
            let _ = text.parse::<MembershipRole>();
            let _ = text.parse::<ProjectType>();
        }
    }

    #[test]
    fn unknown_text_is_kept_verbatim() {
        let x: ProjectStatus = "On Hold".parse().unwrap();
        assert_eq!(x.as_str(), "On Hold");
        assert!(!x.is_known());
        assert_eq!(x.to_string(), "On Hold");
        assert_eq!(String::from(x), "On Hold");
    }

    #[test]
    fn rejects_empty() {
        let e = "".parse::<Coverage>().unwrap_err();
        assert_eq!(e.reason, Reason::Empty);
        assert_eq!(e.to_string(), r#"invalid coverage "": must not be empty"#);
    }

    #[test]
    fn rejects_padding() {
        for bad in [" regional", "regional ", "\u{a0}regional", " "] {
            let e = bad.parse::<Coverage>().unwrap_err();
            assert_eq!(e.reason, Reason::Padded, "{bad:?}");
        }
        assert_eq!(
            "regional ".parse::<Coverage>().unwrap_err().to_string(),
            r#"invalid coverage "regional ": must not start or end with whitespace"#
        );
    }

    #[test]
    fn rejects_control_characters() {
        let e = "a\u{0}b".parse::<PartnerKind>().unwrap_err();
        assert_eq!(e.reason, Reason::Control);
        assert_eq!(
            e.to_string(),
            r#"invalid partner kind "a\0b": control characters are not allowed"#
        );
    }

    #[test]
    fn rejects_over_long_text() {
        assert!("é".repeat(200).parse::<EventKind>().is_ok());
        let e = "é".repeat(201).parse::<EventKind>().unwrap_err();
        assert_eq!(e.reason, Reason::TooLong);
        assert_eq!(e.list_name(), "event kind");
        assert!(
            e.to_string()
                .ends_with("(402 bytes in all): must be at most 200 characters long"),
            "{e}"
        );
    }

    #[test]
    fn serde_uses_the_code() {
        let json = serde_json::to_string(&ProjectType::MigrationPolicyActivities).unwrap();
        assert_eq!(json, r#""migration_policy_activities""#);
        let x: ProjectStatus = serde_json::from_str(r#""Completed""#).unwrap();
        assert_eq!(x, ProjectStatus::Completed);
        let e = serde_json::from_str::<ProjectStatus>(r#""""#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with(r#"invalid project status "": must not be empty"#)
        );
        let e = serde_json::from_str::<ProjectStatus>("1").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("invalid type: integer `1`, expected a project status as a string"),
            "{e}"
        );
    }

    /// Text that no list knows: the prefix "zz " is no code's nor label's.
    fn unknown_text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("zz [a-zA-Z0-9 ,()-]{0,40}[a-z]").unwrap()
    }

    macro_rules! codelist_properties {
        ($($module:ident: $ty:ty,)+) => {$(
            mod $module {
                use super::super::*;
                use super::unknown_text;
                use proptest::prelude::*;

                #[test]
                fn every_known_value_parses_from_its_code_and_labels() {
                    let all: Vec<$ty> = <$ty>::known().collect();
                    assert!(!all.is_empty());
                    for x in all {
                        assert!(x.is_known());
                        assert_eq!(x.as_str().parse::<$ty>().unwrap(), x);
                        assert_eq!(x.to_string().parse::<$ty>().unwrap(), x);
                        for label in x.labels() {
                            assert_eq!(label.parse::<$ty>().unwrap(), x, "{label:?}");
                            assert_eq!(label.to_uppercase().parse::<$ty>().unwrap(), x, "{label:?}");
                        }
                        let json = serde_json::to_string(&x).unwrap();
                        assert_eq!(json, format!("{:?}", x.as_str()));
                        assert_eq!(serde_json::from_str::<$ty>(&json).unwrap(), x);
                        // snake_case code
                        assert!(x.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
                    }
                }

                #[test]
                fn no_spelling_belongs_to_two_values() {
                    let mut owner = std::collections::HashMap::new();
                    for x in <$ty>::known() {
                        for s in std::iter::once(x.as_str()).chain(x.labels().iter().copied()) {
                            let prev = owner.insert(s.to_ascii_lowercase(), x.clone());
                            assert!(prev.is_none_or(|p| p == x), "{s:?}");
                        }
                    }
                }

                proptest! {
                    #[test]
                    fn unknown_text_round_trips_verbatim(s in unknown_text()) {
                        let x: $ty = s.parse().unwrap();
                        prop_assert!(!x.is_known());
                        prop_assert_eq!(x.as_str(), s.as_str());
                        prop_assert_eq!(x.to_string(), s.clone());
                        let back: $ty = x.to_string().parse().unwrap();
                        prop_assert_eq!(&back, &x);
                        let json = serde_json::to_string(&x).unwrap();
                        let back: $ty = serde_json::from_str(&json).unwrap();
                        prop_assert_eq!(&back, &x);
                        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
                    }

                    #[test]
                    fn known_values_round_trip(x in proptest::sample::select(<$ty>::known().collect::<Vec<_>>())) {
                        let back: $ty = x.to_string().parse().unwrap();
                        prop_assert_eq!(&back, &x);
                        prop_assert_eq!(back.to_string(), x.to_string());
                    }
                }
            }
        )+};
    }

    codelist_properties! {
        project_status: ProjectStatus,
        coverage: Coverage,
        process_kind: ProcessKind,
        partner_kind: PartnerKind,
        membership_role: MembershipRole,
        lifecycle_status: LifecycleStatus,
        event_kind: EventKind,
        session_format: SessionFormat,
        project_role: ProjectRole,
        event_role: EventRole,
        event_relation: EventRelation,
        outcome_kind: OutcomeKind,
        amount_kind: AmountKind,
        project_type: ProjectType,
        idf_region: IdfRegion,
        document_kind: DocumentKind,
        contribution_role: ContributionRole,
        metric: Metric,
    }

    /// The edit distance, the whole table (the reference for [`closest`]).
    fn levenshtein(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
        let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
        let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in table.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in table[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                table[i][j] = (table[i - 1][j - 1] + cost)
                    .min(table[i - 1][j] + 1)
                    .min(table[i][j - 1] + 1);
            }
        }
        table[a.len()][b.len()]
    }

    #[test]
    fn a_misspelling_suggests_the_code_and_far_off_text_nothing() {
        assert_eq!(
            ProcessKind::suggestion("regonal_consultative_process"),
            Some((
                "regional_consultative_process",
                "regional_consultative_process"
            ))
        );
        assert_eq!(
            MembershipRole::suggestion("OBSERVR"),
            Some(("observer", "observer"))
        );
        assert_eq!(
            MembershipRole::suggestion("Vice Chiar"),
            Some(("Vice Chair", "vice_chair"))
        );
        assert_eq!(ProcessKind::suggestion("xyz"), None);
        assert_eq!(
            ProjectStatus::suggestion("bilateral labour agreement"),
            None
        );
        assert_eq!(ProjectStatus::suggestion(""), None);
        assert_eq!(ProjectStatus::suggestion(&"completed".repeat(10)), None);
    }

    #[test]
    fn every_list_offers_its_codes_and_labels_as_candidates() {
        for &(spelling, code) in MembershipRole::candidates() {
            let parsed: MembershipRole = spelling.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(parsed.as_str(), code, "{spelling}");
        }
        assert_eq!(
            MembershipRole::candidates().len(),
            MembershipRole::known()
                .map(|r| 1 + r.labels().len())
                .sum::<usize>()
        );
    }

    proptest! {
        /// The pruned search agrees with the whole table: it suggests a
        /// candidate at the least distance of all, when that distance is at
        /// most a third of the longer text, and nothing otherwise.
        #[test]
        fn closest_agrees_with_the_whole_table(text in prop_oneof![
            "[a-z_ ]{0,30}",
            // A known spelling with a few edits: often close to it.
            (
                0..ProcessKind::candidates().len(),
                proptest::collection::vec((0usize..40, 0u8..3, "[a-z_]"), 0..5),
            )
                .prop_map(|(k, edits)| {
                    let mut chars: Vec<char> =
                        ProcessKind::candidates()[k].0.chars().collect();
                    for (at, op, c) in edits {
                        let at = at % (chars.len() + 1);
                        let c = c.chars().next().unwrap_or('_');
                        match op {
                            0 => chars.insert(at, c),
                            1 if at < chars.len() => {
                                chars.remove(at);
                            }
                            _ if at < chars.len() => chars[at] = c,
                            _ => {}
                        }
                    }
                    chars.into_iter().collect::<String>()
                }),
        ]) {
            let candidates = ProcessKind::candidates();
            let distances: Vec<(usize, usize)> = candidates
                .iter()
                .map(|(c, _)| {
                    let longer = text.chars().count().max(c.chars().count());
                    (levenshtein(&text, c), longer / 3)
                })
                .collect();
            let best_close = distances
                .iter()
                .filter(|(d, limit)| d <= limit)
                .map(|(d, _)| *d)
                .min();
            let found = closest(&text, candidates);
            match (found, best_close) {
                (Some((spelling, _)), Some(best)) => {
                    prop_assert_eq!(levenshtein(&text, spelling), best);
                    // The first candidate at that distance (among the close ones).
                    let first = candidates
                        .iter()
                        .zip(&distances)
                        .find(|(_, (d, limit))| d == &best && d <= limit)
                        .map(|((c, _), _)| *c);
                    prop_assert_eq!(Some(spelling), first);
                }
                (None, None) => {}
                (found, best) => prop_assert!(false, "{:?} vs {:?} for {:?}", found, best, text),
            }
        }
    }
}
