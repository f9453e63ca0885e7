//! Running the `kaohe` binary from the integration tests, and reading what it printed.

#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs `kaohe` with these arguments and waits for it.
pub fn kaohe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kaohe"))
        // The messages are pinned in English unless a test asks for Chinese.
        .env("KAOHE_LANG", "en")
        .args(args)
        .output()
        .expect("runs kaohe")
}

/// What a run printed on stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

/// What a run printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}
