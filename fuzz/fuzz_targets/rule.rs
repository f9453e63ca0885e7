//! Rule parsing and checking: any UTF-8 text → `kaohe::check::compile`, every
//! diagnostic rendered, and a rubric that compiles outlined and turned into its
//! evidence forms. Input that is not UTF-8 is read as `kaohe check` reads a file:
//! it is refused before parsing, so it is skipped here.

#![no_main]

use kaohe::check::compile;
use kaohe::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = compile(&SourceFile::new("fuzz.rule", text));
    kaohe_fuzz::render_all(&checked.diagnostics);
    if let Some(rubric) = checked.rubric {
        std::hint::black_box(kaohe::report::outline(&rubric));
        std::hint::black_box(kaohe::report::template_toml(&rubric));
        if let Err(d) = kaohe::report::template_csv(&rubric) {
            kaohe_fuzz::render_all(&[d]);
        }
    }
});
