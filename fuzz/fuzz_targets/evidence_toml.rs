//! Evidence loading, TOML: any UTF-8 text read as a TOML evidence file and validated
//! against each rubric of `kaohe_fuzz::RULES`; a unit that validates is scored, its
//! invariants checked and every report written (`kaohe_fuzz::text_evidence`).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kaohe_fuzz::text_evidence(data, kaohe::evidence::Format::Toml, "fuzz.toml");
});
