//! Where a JSON Pointer points in a JSON text: its line and column.

/// The line and column (both from 1) in `text` of the place `pointer` (an
/// RFC 6901 JSON Pointer such as `/projects/3/benefiting_states/2`) names.
///
/// A member of an object is placed at its key (where an unknown or repeated
/// key is written), an element of a list at its value, and `""` at the
/// document's first value. A key written twice is placed at its last
/// occurrence (the one a repeat is reported at). When only the first part
/// of the pointer is in the text (a problem reported inside a value set
/// aside), the place is the deepest part found. `None` when `text` is not
/// JSON as far as the pointer goes or `pointer` does not start with `/`.
///
/// The column counts bytes from the start of the line, as serde_json's does
/// for syntax errors ([`LoadError::line_column`](crate::json::LoadError::line_column)),
/// so that both kinds of place read alike. The work is linear in the text
/// before the place, and no recursion is involved: any nesting is fine.
///
/// # Examples
///
/// ```
/// use migov::json::locate;
///
/// let text = "{\n  \"projects\": [\n    {\"id\": \"X\", \"titel\": \"T\"}\n  ]\n}\n";
/// assert_eq!(locate(text, "/projects/0/titel"), Some((3, 17)));
/// assert_eq!(locate(text, "/projects/0"), Some((3, 5)));
/// // A field the record lacks: the record itself.
/// assert_eq!(locate(text, "/projects/0/title"), Some((3, 5)));
/// ```
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let offset = offset_of(text.as_bytes(), pointer)?;
    Some(line_column(text.as_bytes(), offset))
}

/// The line and column (from 1, the column in bytes) of byte `offset`.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, offset - line_start + 1)
}

/// The byte offset of the place `pointer` names (see [`locate`]).
fn offset_of(bytes: &[u8], pointer: &str) -> Option<usize> {
    let mut at = skip_ws(bytes, 0);
    bytes.get(at)?;
    if pointer.is_empty() {
        return Some(at);
    }
    let tokens = pointer.strip_prefix('/')?.split('/');
    // Where the last part found was written (a key, or an element's value).
    let mut place = at;
    for token in tokens {
        let token = token.replace("~1", "/").replace("~0", "~");
        let found = match bytes.get(at) {
            Some(b'{') => member(bytes, at, &token)?,
            Some(b'[') => token
                .parse::<usize>()
                .ok()
                .filter(|_| token == "0" || !token.starts_with('0'))
                .and_then(|n| element(bytes, at, n))
                .map(|v| (v, v)),
            _ => None,
        };
        let Some((written, value)) = found else {
            return Some(place);
        };
        place = written;
        at = value;
    }
    Some(place)
}

/// In the object at `at`, the key `name` (its last occurrence): where the
/// key and its value start. `Some(None)` when the object has no such key,
/// `None` when the text is not JSON.
fn member(bytes: &[u8], at: usize, name: &str) -> Option<Option<(usize, usize)>> {
    let mut i = skip_ws(bytes, at + 1);
    let mut found = None;
    if bytes.get(i) == Some(&b'}') {
        return Some(None);
    }
    loop {
        let key_at = i;
        let (key, after) = string(bytes, i)?;
        i = skip_ws(bytes, after);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(bytes, i + 1);
        if key == name {
            found = Some((key_at, i));
        }
        i = skip_ws(bytes, skip_value(bytes, i)?);
        match bytes.get(i) {
            Some(b',') => i = skip_ws(bytes, i + 1),
            Some(b'}') => return Some(found),
            _ => return None,
        }
    }
}

/// In the list at `at`, where element `n` starts; `None` when it has fewer
/// elements or the text is not JSON.
fn element(bytes: &[u8], at: usize, n: usize) -> Option<usize> {
    let mut i = skip_ws(bytes, at + 1);
    if bytes.get(i) == Some(&b']') {
        return None;
    }
    for _ in 0..n {
        i = skip_ws(bytes, skip_value(bytes, i)?);
        match bytes.get(i) {
            Some(b',') => i = skip_ws(bytes, i + 1),
            _ => return None,
        }
    }
    bytes.get(i).map(|_| i)
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The string at `at`, decoded, and the offset after it.
fn string(bytes: &[u8], at: usize) -> Option<(String, usize)> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let end = string_end(bytes, at)?;
    let raw = std::str::from_utf8(bytes.get(at..end)?).ok()?;
    let decoded: String = serde_json::from_str(raw).ok()?;
    Some((decoded, end))
}

/// The offset after the string that starts at `at` (a `"`).
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// The offset after the value that starts at `at`, nested values included
/// (counted, not recursed into).
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    loop {
        match bytes.get(i)? {
            b'"' => i = string_end(bytes, i)?,
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            _ if depth == 0 => {
                // A number or a literal: up to the next delimiter.
                let start = i;
                while !matches!(
                    bytes.get(i),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    i += 1;
                }
                return (i > start).then_some(i);
            }
            _ => i += 1,
        }
        if depth == 0 {
            return Some(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::locate;
    use proptest::prelude::*;

    #[test]
    fn places_keys_elements_and_escaped_tokens() {
        let text = r#"{"a~b": {"c/d": [1, {"e": true}]}, "x": "\"}" , "x": 2}"#;
        assert_eq!(locate(text, ""), Some((1, 1)));
        assert_eq!(locate(text, "/a~0b"), Some((1, 2)));
        assert_eq!(locate(text, "/a~0b/c~1d"), Some((1, 10)));
        assert_eq!(locate(text, "/a~0b/c~1d/1"), Some((1, 21)));
        assert_eq!(locate(text, "/a~0b/c~1d/1/e"), Some((1, 22)));
        // The last of a repeated key, past a string holding `"}`.
        assert_eq!(locate(text, "/x"), Some((1, 49)));
        // Not there: the deepest part found.
        assert_eq!(locate(text, "/a~0b/c~1d/7"), Some((1, 10)));
        assert_eq!(locate(text, "/a~0b/c~1d/01"), Some((1, 10)));
        assert_eq!(locate(text, "/nope"), Some((1, 1)));
        assert_eq!(locate(text, "no slash"), None);
        assert_eq!(locate("", ""), None);
        assert_eq!(locate("{\"a\": ", "/a"), None);
    }

    #[test]
    fn lines_and_columns_count_from_one_in_bytes() {
        let text = "{\n  \"é\": 1,\n  \"b\": [\n    0,\n    1\n  ]\n}";
        assert_eq!(locate(text, "/b"), Some((3, 3)));
        assert_eq!(locate(text, "/b/1"), Some((5, 5)));
        assert_eq!(locate(text, "/é"), Some((2, 3)));
    }

    #[test]
    fn deep_nesting_needs_no_stack() {
        let depth = 100_000;
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let pointer = "/0".repeat(depth - 1);
        assert_eq!(locate(&text, &pointer), Some((1, depth)));
    }

    proptest! {
        /// Every value of a document serde_json writes is placed where
        /// serde_json wrote it: the text at the place reads as the value
        /// (for an element) or as the key (for a member).
        #[test]
        fn places_agree_with_the_values(
            keys in proptest::collection::vec("[a-z~/\"é]{1,4}", 1..5),
            pretty in any::<bool>(),
        ) {
            let mut doc = serde_json::json!({});
            for (i, k) in keys.iter().enumerate() {
                doc[k] = serde_json::json!([i, {"k": k}]);
            }
            let text = if pretty {
                serde_json::to_string_pretty(&doc).unwrap()
            } else {
                doc.to_string()
            };
            let lines: Vec<&str> = text.split('\n').collect();
            for k in &keys {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                let (line, column) = locate(&text, &format!("/{escaped}")).unwrap();
                let rest = &lines[line - 1].as_bytes()[column - 1..];
                let key = serde_json::to_string(k).unwrap();
                prop_assert!(rest.starts_with(key.as_bytes()), "{k}");
                let (line, column) = locate(&text, &format!("/{escaped}/1/k")).unwrap();
                let rest = &lines[line - 1].as_bytes()[column - 1..];
                prop_assert!(rest.starts_with(b"\"k\""));
            }
        }
    }
}
