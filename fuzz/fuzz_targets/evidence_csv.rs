//! Evidence loading, CSV: any bytes written to a scratch file and read as a CSV
//! evidence file (one unit a row) against each rubric of `kaohe_fuzz::RULES`, as
//! `kaohe eval` reads it (`kaohe::evidence::load_file`); every unit read is scored.
//! Bytes that are not UTF-8 are kept: refusing them is part of what is tested. The
//! file is also read in chunks of 64 bytes, as a large file is read in chunks of a
//! megabyte: it must find problems when the whole file does, and otherwise give the
//! same units. And it is read in those chunks keeping only two unit names in memory,
//! the rest hashed to temporary files as past 65,536 units (a unit named twice found
//! by a second reading): the problems must be the same, word for word and place for
//! place, and the units too when there are none; and so again reading one name met
//! twice at a time, which may show fewer problems, but some whenever there are any.

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
        // The file streamed within `limits`: the names of the units given, and the
        // problems and warnings.
        let streamed = |limits: &kaohe::evidence::Limits| {
            let mut names = Vec::new();
            let read = kaohe::evidence::stream_with(
                rubric,
                std::slice::from_ref(&path),
                &kaohe::evidence::Options::default(),
                limits,
                &mut |_| {},
                &mut |unit| names.push(unit.name),
            );
            (names, read)
        };
        let limits = kaohe::evidence::Limits {
            chunk_bytes: 64,
            ..kaohe::evidence::Limits::default()
        };
        let (names, chunked) = streamed(&limits);
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
        let hashed_limits = kaohe::evidence::Limits {
            names_in_memory: 2,
            ..limits
        };
        let (hashed_names, hashed) = streamed(&hashed_limits);
        let json = |ds: &[kaohe::diagnostic::Diagnostic]| -> Vec<String> {
            ds.iter().map(kaohe::diagnostic::render_json).collect()
        };
        assert_eq!(
            json(&chunked.problems),
            json(&hashed.problems),
            "the problems with names kept and hashed"
        );
        if chunked.problems.is_empty() {
            assert_eq!(names, hashed_names, "the units with names kept and hashed");
        }
        // Read again one name met twice at a time: fewer problems may be shown, never
        // none where there are some, and the same units when there are none.
        let (batched_names, batched) = streamed(&kaohe::evidence::Limits {
            names_again_at_once: 1,
            ..hashed_limits
        });
        assert_eq!(
            chunked.problems.is_empty(),
            batched.problems.is_empty(),
            "problems with names kept and not when read again one at a time"
        );
        if chunked.problems.is_empty() {
            assert_eq!(names, batched_names, "the units read again one at a time");
        }
    }
});
