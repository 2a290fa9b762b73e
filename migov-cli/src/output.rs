//! Writing results.

use std::io::{self, Write};

/// Writes `value` as pretty JSON and a newline.
pub fn json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}
