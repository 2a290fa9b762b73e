//! The crate's floors, proved on its source: each layer imports only the
//! layers below it, and files inside the crate name the module of what they
//! import (`crate::value::PartialDate`), never the root re-exports.
//!
//! Floors, from the ground up: `text` and `problem` (the shared vocabulary
//! of findings); `value`; `codelist`; `entity`; `dataset`; then the layers
//! that use a whole dataset: `json`, `export`, `printed`, `reference`, and
//! the crate-wide `error`.

#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The modules each top-level module may name through `crate::`.
fn allowed(layer: &str) -> Option<&'static [&'static str]> {
    const GROUND: &[&str] = &["text"];
    const PROBLEM: &[&str] = &["text", "problem"];
    const VALUE: &[&str] = &["text", "problem", "value"];
    const CODELIST: &[&str] = &["text", "problem", "value", "codelist"];
    const ENTITY: &[&str] = &["text", "problem", "value", "codelist", "entity"];
    const DATASET: &[&str] = &["text", "problem", "value", "codelist", "entity", "dataset"];
    const PRINTED: &[&str] = &["text", "problem", "value", "codelist", "printed"];
    const JSON: &[&str] = &[
        "text", "problem", "value", "codelist", "entity", "dataset", "json",
    ];
    const EXPORT: &[&str] = &[
        "text", "problem", "value", "codelist", "entity", "dataset", "json", "export",
    ];
    const TOP: &[&str] = &[
        "text",
        "problem",
        "value",
        "codelist",
        "entity",
        "dataset",
        "json",
        "export",
        "printed",
        "reference",
        "error",
    ];
    Some(match layer {
        "text" => GROUND,
        "problem" => PROBLEM,
        "value" => VALUE,
        "codelist" => CODELIST,
        "entity" => ENTITY,
        "dataset" => DATASET,
        "printed" => PRINTED,
        "json" => JSON,
        "export" => EXPORT,
        "reference" | "error" | "lib" => TOP,
        _ => return None,
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to.
fn layer_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::name` in the code of `text` (comments left out), with its line.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let code = code.split(" // ").next().unwrap_or(code);
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = rest[..at].chars().next_back();
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '{')
                .collect();
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                found.push((n + 1, name));
            }
            rest = after;
        }
    }
    found
}

fn src_files() -> (PathBuf, Vec<PathBuf>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    (src, files)
}

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    let (src, files) = src_files();
    assert!(
        files.len() > 40,
        "only {} files found under src/",
        files.len()
    );
    let mut layers = BTreeSet::new();
    let mut wrong = Vec::new();
    for file in &files {
        let layer = layer_of(&src, file);
        let Some(allowed) = allowed(&layer) else {
            panic!(
                "{} is in a layer this test does not know: {layer}",
                file.display()
            );
        };
        layers.insert(layer.clone());
        let text = std::fs::read_to_string(file).unwrap();
        for (line, name) in crate_paths(&text) {
            if !allowed.contains(&name.as_str()) {
                wrong.push(format!(
                    "{}:{line}: {layer} names crate::{name}",
                    file.display()
                ));
            }
        }
    }
    assert!(layers.len() >= 10, "layers seen: {layers:?}");
    assert!(
        wrong.is_empty(),
        "imports across floors:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn files_name_the_module_of_what_they_import() {
    let (_, files) = src_files();
    let mut wrong = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (line, name) in crate_paths(&text) {
            if name.starts_with('{') || name.starts_with(|c: char| c.is_uppercase()) {
                wrong.push(format!("{}:{line}: crate::{name}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports through the crate root:\n{}",
        wrong.join("\n")
    );
}

/// The checker itself sees what it must: a path inside code, not one in a
/// comment, and a root import.
#[test]
fn the_checker_finds_paths_in_code_only() {
    let text = "use crate::value::Money;\n/// see [`crate::json`]\nlet x = crate::{A, B};\n";
    let found = crate_paths(text);
    assert_eq!(found, vec![(1, "value".to_string()), (3, "{A".to_string())]);
}
