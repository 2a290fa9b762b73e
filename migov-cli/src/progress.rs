//! A progress indicator on the terminal, for work that takes over a second.
//!
//! The indicator is drawn on standard error, and only when standard error
//! is a terminal and the work is still going after a second: a quick
//! command, a pipe or a CI log never shows one.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before the indicator shows.
const DELAY: Duration = Duration::from_secs(1);

/// A progress indicator, hidden until [`DELAY`] has passed; cleared when dropped.
pub struct Progress {
    bar: ProgressBar,
    /// Whether the work is over; held while the indicator is shown, so
    /// that it never shows after the work ended.
    done: Arc<Mutex<bool>>,
}

impl Progress {
    /// An indicator for `steps` steps (a bar), or a spinner when `None`.
    pub fn start(message: impl Into<String>, steps: Option<u64>) -> Self {
        let bar = match steps {
            Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden()),
            None => ProgressBar::hidden(),
        };
        let style = match steps {
            Some(_) => ProgressStyle::with_template("{spinner} [{pos}/{len}] {msg} ({elapsed})"),
            None => ProgressStyle::with_template("{spinner} {msg} ({elapsed})"),
        };
        if let Ok(style) = style {
            bar.set_style(style);
        }
        bar.set_message(message.into());
        let done = Arc::new(Mutex::new(false));
        if std::io::stderr().is_terminal() {
            let (bar, done) = (bar.clone(), Arc::clone(&done));
            // Detached: it ends by itself, at the latest after DELAY.
            let _ = std::thread::Builder::new()
                .name("migov-progress".to_owned())
                .spawn(move || {
                    let start = Instant::now();
                    let over = || *done.lock().unwrap_or_else(PoisonError::into_inner);
                    while start.elapsed() < DELAY {
                        if over() {
                            return;
                        }
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    let over = done.lock().unwrap_or_else(PoisonError::into_inner);
                    if !*over {
                        bar.set_draw_target(ProgressDrawTarget::stderr());
                        bar.enable_steady_tick(Duration::from_millis(120));
                    }
                });
        }
        Self { bar, done }
    }

    /// Moves on to the next step, named `message`.
    pub fn step(&self, message: impl Into<String>) {
        self.bar.set_message(message.into());
        self.bar.inc(1);
    }

    /// Names what is being done now.
    pub fn message(&self, message: impl Into<String>) {
        self.bar.set_message(message.into());
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        *done = true;
        self.bar.finish_and_clear();
    }
}
