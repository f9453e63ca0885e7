//! Evidence loading, JSON: any UTF-8 text read as a JSON evidence file and validated
//! against each rubric of `kaohe_fuzz::RULES`; a unit that validates is scored, its
//! invariants checked and every report written.

#![no_main]

use kaohe::evidence::{read, validate, Format};
use kaohe::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new("fuzz.json", text);
    let node = match read(&source, Format::Toml) {
        Ok(node) => node,
        Err(d) => return kaohe_fuzz::render_all(&[d]),
    };
    for rubric in kaohe_fuzz::rubrics() {
        match validate(rubric, &source, &node) {
            Ok(unit) => kaohe_fuzz::score_and_report(rubric, &unit),
            Err(ds) => kaohe_fuzz::render_all(&ds),
        }
    }
});
