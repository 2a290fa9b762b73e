//! Input text as it may appear in messages: bounded excerpts and escaping.
//!
//! The ground floor of the crate, beside [`crate::problem`]: every layer
//! that quotes input in an error or a finding goes through here, so that no
//! message is longer than a few lines or carries a control character.

use std::fmt;

/// A bounded excerpt of user input, for error messages.
///
/// Hostile input can be megabytes long; an error message shows at most
/// [`Excerpt::MAX_CHARS`] characters of it, then how long the whole input was.
/// `Display` and `Debug` both print the excerpt quoted, as `{:?}` prints a string.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Excerpt {
    head: String,
    total_bytes: usize,
}

impl Excerpt {
    /// The most characters of an input that an error message shows.
    pub(crate) const MAX_CHARS: usize = 64;

    /// Keeps at most [`Excerpt::MAX_CHARS`] characters of `input`.
    pub(crate) fn new(input: &str) -> Self {
        let head: String = input.chars().take(Self::MAX_CHARS).collect();
        Self {
            head,
            total_bytes: input.len(),
        }
    }

    /// Whether the whole input is kept.
    pub(crate) fn is_whole(&self) -> bool {
        self.head.len() == self.total_bytes
    }

    /// The kept text (the whole input when [`Excerpt::is_whole`]).
    pub(crate) fn as_str(&self) -> &str {
        &self.head
    }
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_whole() {
            write!(f, "{:?}", self.head)
        } else {
            write!(f, "{:?}… ({} bytes in all)", self.head, self.total_bytes)
        }
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Whether `c` must not reach a message as itself: a control character
/// (C0, DEL and C1, NEL among them), a line or paragraph separator, a
/// bidirectional control or mark, or an invisible format character. Any of
/// these could forge a line of a report, hide text or reorder it.
pub(crate) fn is_unsafe_in_messages(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// `text` with every character that [`is_unsafe_in_messages`] names written
/// as `\u{XXXX}`, so that a message built from input is one visible line.
/// Text without such characters is returned as it is.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_in_messages) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_in_messages(c) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// What kind of hidden character `c` is, if it is one a reader cannot see
/// or that changes how text around it shows: a control character (newline
/// and tab count only where `multiline` is false), a bidirectional
/// control, a line or paragraph separator, or an invisible character. The
/// zero-width joiner and non-joiner are not hidden: scripts need them.
pub(crate) fn hidden_character(c: char, multiline: bool) -> Option<&'static str> {
    match c {
        '\n' | '\t' if multiline => None,
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some("a bidirectional control"),
        '\u{2028}' | '\u{2029}' => Some("a line or paragraph separator"),
        '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' => {
            Some("an invisible character")
        }
        c if c.is_control() => Some("a control character"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::text::Excerpt;

    #[test]
    fn excerpt_keeps_short_input_whole() {
        let e = Excerpt::new("E40-800");
        assert!(e.is_whole());
        assert_eq!(e.to_string(), "\"E40-800\"");
    }

    #[test]
    fn excerpt_bounds_long_input() {
        let long = "é".repeat(10_000);
        let e = Excerpt::new(&long);
        assert!(!e.is_whole());
        assert_eq!(e.as_str().chars().count(), Excerpt::MAX_CHARS);
        assert!(e.to_string().ends_with("(20000 bytes in all)"));
        assert!(e.to_string().len() < 200);
    }
}
