//! Diagnostic rendering: any text, labels anywhere in it (on huge and empty lines,
//! inside CJK and astral characters, past 65,535 columns when the fuzzer makes such a
//! line), any message; checked by `kaohe_fuzz::diagnostic_check::check_rendering`: no
//! panic, nothing hidden shown, a small report, valid JSON.

#![no_main]

use arbitrary::Arbitrary;
use kaohe_fuzz::diagnostic_check::check_rendering;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    /// A line this many characters long is put before the text, so that labels sit
    /// past any column miette could pad with a `u16`.
    long_line: u32,
    spans: Vec<(u32, u32)>,
    message: String,
}

fuzz_target!(|input: Input| {
    if input.spans.len() > 40 || input.message.len() > 1_000 {
        return;
    }
    let mut text = "长".repeat((input.long_line % 100_000) as usize);
    text.push_str(&input.text);
    let spans: Vec<(usize, usize)> = input
        .spans
        .iter()
        .map(|&(a, b)| (a as usize % (text.len() + 1), b as usize % (text.len() + 1)))
        .collect();
    check_rendering(&text, &spans, &input.message);
});
