//! Memory: resident bytes a loaded dataset holds, per byte of its JSON file.
//!
//! Reads `VmRSS` and `VmHWM` from `/proc/self/status` (Linux) before and
//! after `Dataset::from_json_str`, and prints the ratios. The peak is reset
//! before the load through `/proc/self/clear_refs` where the kernel allows.
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
    }
}
