//! Evidence loading, CSV: any bytes written to a scratch file and read as a CSV
//! evidence file (one unit a row) against each rubric of `kaohe_fuzz::RULES`, as
//! `kaohe eval` reads it (`kaohe::evidence::load_file`); every unit read is scored.
//! Bytes that are not UTF-8 are kept: refusing them is part of what is tested. The
//! file is also read in chunks of 64 bytes, as a large file is read in chunks of a
//! megabyte: it must find problems when the whole file does, and otherwise give the
//! same units.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = kaohe_fuzz::scratch("csv");
    std::fs::write(&path, data).expect("the scratch file");
    for rubric in kaohe_fuzz::rubrics() {
        let (units, problems) = kaohe::evidence::load_file(rubric, &path);
        kaohe_fuzz::render_all(&problems);
        for loaded in &units {
            kaohe_fuzz::score_and_report(rubric, &loaded.unit);
        }
        let limits = kaohe::evidence::Limits {
            chunk_bytes: 64,
            ..kaohe::evidence::Limits::default()
        };
        let mut names = Vec::new();
        let chunked = kaohe::evidence::stream_with(
            rubric,
            std::slice::from_ref(&path),
            &kaohe::evidence::Options::default(),
            &limits,
            &mut |_| {},
            &mut |unit| names.push(unit.name),
        );
        // A file with problems scores nothing either way; one without gives the same
        // units in the same order. (A fatal problem, such as a quote never closed,
        // comes after the units of the chunks before it, so with problems the units
        // handed over may differ.)
        assert_eq!(
            problems.is_empty(),
            chunked.problems.is_empty(),
            "problems in one reading and not the other"
        );
        if problems.is_empty() {
            let whole: Vec<&str> = units.iter().map(|l| l.unit.name.as_str()).collect();
            assert_eq!(
                whole, names,
                "the units of the file read whole and in chunks"
            );
        }
    }
});
