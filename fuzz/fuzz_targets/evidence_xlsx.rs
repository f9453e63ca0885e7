//! Evidence loading, XLSX: any bytes written to a scratch file and read as an XLSX
//! evidence file (one unit a row) against each rubric of `kaohe_fuzz::RULES`, as
//! `kaohe eval` reads it (`kaohe::evidence::load_file`); every unit read is scored.
//! A workbook is a zip archive; what calamine cannot open must end in a diagnostic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = kaohe_fuzz::scratch("xlsx");
    std::fs::write(&path, data).expect("the scratch file");
    for rubric in kaohe_fuzz::rubrics() {
        let (units, problems) = kaohe::evidence::load_file(rubric, &path);
        kaohe_fuzz::render_all(&problems);
        for loaded in &units {
            kaohe_fuzz::score_and_report(rubric, &loaded.unit);
        }
    }
});
