//! Progress of long batches on stderr: a line that counts units, every 1000 of them,
//! in the run's language, shown only when stderr is a terminal, so logs and pipes never
//! carry it.

use std::io::{IsTerminal, Write as _};

use kaohe::{locale, tr};

/// What a progress line counts.
#[derive(Debug, Clone, Copy)]
pub enum Counting {
    /// Units read from the evidence.
    Read,
    /// Units scored.
    Scored,
    /// Units read and scored as they are read.
    ReadAndScored,
}

/// How many units pass between two updates of the line.
const EVERY: usize = 1000;

/// A counter on one line of stderr, rewritten in place.
pub struct Progress {
    what: Counting,
    shown: bool,
    enabled: bool,
}

impl Progress {
    /// A counter of `what`, shown only on a terminal.
    pub fn new(what: Counting) -> Progress {
        Progress {
            what,
            shown: false,
            enabled: std::io::stderr().is_terminal(),
        }
    }

    /// Notes that `done` units are through; every 1000th shows on the line.
    pub fn tick(&mut self, done: usize) {
        if self.enabled && done > 0 && done.is_multiple_of(EVERY) {
            let lang = locale::current();
            let line = match self.what {
                Counting::Read => tr!(lang, "progress-read", count = done),
                Counting::Scored => tr!(lang, "progress-scored", count = done),
                Counting::ReadAndScored => tr!(lang, "progress-read-scored", count = done),
            };
            let _ = write!(std::io::stderr(), "\r{line}");
            self.shown = true;
        }
    }

    /// Clears the line, so diagnostics and reports start on a clean one.
    pub fn finish(&mut self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
            self.shown = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
