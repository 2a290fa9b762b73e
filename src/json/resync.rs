//! Finding a dataset's records in text that does not parse as a whole.
//!
//! A syntax fault inside one record (a missing comma, a bare word, a
//! trailing comma) makes the whole text fail to parse, yet the records
//! around it are still there. This scanner follows the format's outline (a
//! top-level object of keys, collections that are lists of values) counting
//! brackets outside strings, without parsing values, so that each value can
//! then be parsed on its own. Where the outline itself is broken (a bracket
//! or a string left open, a missing comma between records), it gives up, and
//! the syntax error alone is reported. Iterative, and linear in the text.

/// A value of the text: where it starts (a byte offset) and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Piece<'a> {
    pub(super) at: usize,
    pub(super) text: &'a str,
}

/// A top-level entry: its key as written (with its quotes) and its value,
/// split into elements when it is a list.
#[derive(Debug)]
pub(super) struct Entry<'a> {
    pub(super) key: Piece<'a>,
    pub(super) value: Piece<'a>,
    /// The elements, when the value is a list.
    pub(super) elements: Option<Vec<Piece<'a>>>,
}

/// The entries of the top-level object of `text`, or `None` when its
/// outline cannot be followed.
pub(super) fn outline(text: &str) -> Option<Vec<Entry<'_>>> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(b, i + 1);
    let mut entries = Vec::new();
    if b.get(i) == Some(&b'}') {
        return (skip_ws(b, i + 1) == b.len()).then_some(entries);
    }
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(b, i)?;
        let key = piece(text, i, key_end)?;
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        let start = i;
        let (end, elements) = if b.get(i) == Some(&b'[') {
            let (end, elements) = list(text, i)?;
            (end, Some(elements))
        } else {
            (value_end(b, i)?, None)
        };
        entries.push(Entry {
            key,
            value: piece(text, start, end)?,
            elements,
        });
        i = skip_ws(b, end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b'}') => return (skip_ws(b, i + 1) == b.len()).then_some(entries),
            _ => return None,
        }
    }
}

fn piece(text: &str, from: usize, to: usize) -> Option<Piece<'_>> {
    Some(Piece {
        at: from,
        text: text.get(from..to)?,
    })
}

/// The list starting at `i` (a `[`): the offset after it and its elements.
fn list(text: &str, mut i: usize) -> Option<(usize, Vec<Piece<'_>>)> {
    let b = text.as_bytes();
    let mut elements = Vec::new();
    i = skip_ws(b, i + 1);
    if b.get(i) == Some(&b']') {
        return Some((i + 1, elements));
    }
    loop {
        let end = value_end(b, i)?;
        elements.push(piece(text, i, end)?);
        i = skip_ws(b, end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b']') => return Some((i + 1, elements)),
            _ => return None,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// The offset after the string starting at `i` (a `"`).
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match b.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// The offset after the value starting at `i`: an object or a list (its
/// brackets counted outside strings), a string, or a scalar (up to the next
/// delimiter). `None` at the end of the text or an unexpected delimiter.
fn value_end(b: &[u8], mut i: usize) -> Option<usize> {
    match b.get(i)? {
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = string_end(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.checked_sub(1)?;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        b'"' => string_end(b, i),
        b',' | b'}' | b']' | b':' => None,
        _ => {
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                i += 1;
            }
            Some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_found_around_a_fault_inside_one() {
        let text = r#"{"schema_version": "1", "projects": [{"id": "A"}, {"id": B, "x": "}"}, {"id": "C"}]}"#;
        let entries = outline(text).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].key.text, r#""schema_version""#);
        let elements = entries[1].elements.as_ref().unwrap();
        let texts: Vec<&str> = elements.iter().map(|p| p.text).collect();
        assert_eq!(
            texts,
            [r#"{"id": "A"}"#, r#"{"id": B, "x": "}"}"#, r#"{"id": "C"}"#]
        );
        for p in elements {
            assert_eq!(text.get(p.at..p.at + p.text.len()), Some(p.text));
        }
    }

    #[test]
    fn a_broken_outline_gives_up() {
        for text in [
            r#"{"projects": [{"id": "A"}"#,
            r#"{"projects": [{"id": "A"} {"id": "B"}]}"#,
            r#"{"projects": [{"id": "A}]}"#,
            r#"{"projects": []} trailing"#,
            r#"["not", "an", "object"]"#,
        ] {
            assert!(outline(text).is_none(), "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_scanned_without_recursion() {
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        let text = format!(r#"{{"projects": [{deep}]}}"#);
        let entries = outline(&text).unwrap();
        assert_eq!(
            entries[0].elements.as_ref().unwrap()[0].text.len(),
            deep.len()
        );
    }
}
