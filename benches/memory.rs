//! Memory: resident bytes a loaded dataset holds, per byte of its JSON file.
//!
//! Reads `VmRSS` and `VmHWM` from `/proc/self/status` (Linux) before and
//! after `Dataset::from_json_str`, and prints the ratios. The peak is reset
//! before the load through `/proc/self/clear_refs` where the kernel allows.
//!
//! Then the peak during *failing* loads of hostile files (the goal: at most
//! 3× the file): every record of the generated file refused, one project
//! listing a state a million times, and failed records named by as many
//! memberships.
//!
//! `cargo bench --bench memory` measures S1 (and S10 with
//! `MIGOV_BENCH_S10=1`); `cargo test --benches` runs it on a tiny dataset.
#![allow(
    clippy::explicit_auto_deref,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;

use generate::Scale;

/// A field of `/proc/self/status` in bytes (`None` off Linux).
fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn main() {
    for scale in Scale::from_env() {
        let text = generate::generate(&scale, 0x5EED_2026);
        let size = text.len() as f64;
        let Some(before) = status_bytes("VmRSS:") else {
            println!(
                "memory/{}: /proc/self/status not readable; skipped",
                scale.name
            );
            continue;
        };
        let peak_reset = reset_peak();
        let data = generate::check_loads(black_box(&text));
        let after = status_bytes("VmRSS:").unwrap_or(before);
        let peak = status_bytes("VmHWM:").unwrap_or(after);
        let held = after.saturating_sub(before) as f64;
        println!(
            "memory/{}: file {:.1} MB; resident after load +{:.1} MB = {:.2}x the file{}",
            scale.name,
            size / 1e6,
            held / 1e6,
            held / size,
            if peak_reset {
                format!(
                    "; peak during load +{:.1} MB = {:.2}x the file",
                    peak.saturating_sub(before) as f64 / 1e6,
                    peak.saturating_sub(before) as f64 / size
                )
            } else {
                String::new()
            }
        );
        drop(black_box(data));
        failing(&scale, &text);
    }
}

/// The peak during failing loads of hostile files built from `text` and
/// `scale`.
fn failing(scale: &Scale, text: &str) {
    let real = scale.name != Scale::TINY.name;
    let n = if real { 1_000_000 } else { 1_000 };
    let refused = text.replace("\"title\"", "\"titel\"");
    let duplicates = format!(
        r#"{{"schema_version": "1", "projects": [{{"id": "P", "title": "T", "benefiting_states": [{}]}}]}}"#,
        vec!["\"SEN\""; n].join(",")
    );
    let m = n / 10;
    let partners: Vec<String> = (0..m)
        .map(|i| format!(r#"{{"id": "P{i}", "kind": "regional_economic_community"}}"#))
        .collect();
    let memberships: Vec<String> = (0..m)
        .map(|i| format!(r#"{{"member": {{"state": "SEN"}}, "body": {{"partner": "P{i}"}}, "role": "member"}}"#))
        .collect();
    let named = format!(
        r#"{{"schema_version": "1", "partners": [{}], "memberships": [{}]}}"#,
        partners.join(","),
        memberships.join(",")
    );
    for (what, file) in [
        ("every title misspelt", refused.as_str()),
        ("a list of one state repeated", duplicates.as_str()),
        ("failed records named by memberships", named.as_str()),
    ] {
        let Some(before) = status_bytes("VmRSS:") else {
            return;
        };
        if !reset_peak() {
            println!(
                "memory/{}/failing: the peak cannot be reset here; skipped",
                scale.name
            );
            return;
        }
        let report =
            migov::Dataset::from_json_str(black_box(file)).expect_err("a hostile file is refused");
        let peak = status_bytes("VmHWM:").unwrap_or(before);
        let size = file.len() as f64;
        println!(
            "memory/{}/failing, {what}: file {:.1} MB; {} problems listed, {} counted; peak during load +{:.1} MB = {:.2}x the file",
            scale.name,
            size / 1e6,
            report.problems().len(),
            report.omitted(),
            peak.saturating_sub(before) as f64 / 1e6,
            peak.saturating_sub(before) as f64 / size
        );
        drop(black_box(report));
    }
}
