//! Helpers shared by the benchmarks: the 2020 county table, and generated evidence
//! for any number of county units, written as a CSV or an XLSX file laid out as
//! `kaohe template` lays it out.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kaohe::check::{compile, Rubric};
use kaohe::evidence::columns::{layout, Column, Part, UNIT_HEADER};
use kaohe::model::FactType;
use kaohe::source::SourceFile;

/// A 2020 table, `county` or `department`, compiled.
pub fn table(name: &str) -> Rubric {
    let path = format!("rules/jiangmen-2020/{name}.rule");
    let text = std::fs::read_to_string(&path).expect("the rule file");
    compile(&SourceFile::new(path, text))
        .rubric
        .expect("the 2020 table compiles")
}

/// A small generator of varied evidence (a linear congruential generator: the same
/// units on every run, without a dependency).
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// One cell of a generated unit: most findings absent, some present, as in a real
/// assessment.
pub fn cell(column: &Column<'_>, rng: &mut Lcg) -> String {
    let r = rng.next();
    match (&column.fact.ty.node, &column.part) {
        (FactType::Bool, _) => r.is_multiple_of(4).to_string(),
        (FactType::Count { max: Some(m) }, _) => (r % (m.node + 1)).to_string(),
        (FactType::Count { max: None }, _) => (r % 16).to_string(),
        (FactType::Tally(_), Part::Member(_)) => (r % 3).to_string(),
        (FactType::Percent { .. }, _) => format!("{}.{}", r % 10, r / 10 % 10),
        (FactType::Date, _) if r.is_multiple_of(8) => "false".into(),
        (FactType::Date, _) => format!("2020-{:02}-{:02}", r % 12 + 1, r / 12 % 28 + 1),
        (FactType::Set(members), _) => {
            let present: Vec<&str> = members
                .iter()
                .enumerate()
                .filter(|(i, _)| (r >> i) & 3 != 0)
                .map(|(_, m)| m.name.node.as_str())
                .collect();
            if present.is_empty() {
                "无".into()
            } else {
                present.join("、")
            }
        }
        (FactType::Discretion { .. }, Part::Reason) => "材料齐全".into(),
        (FactType::Discretion { .. }, _) => "0.5".into(),
        (other, _) => panic!("no generated cell for {other:?}"),
    }
}

/// The header and `units` generated rows of the rubric's spreadsheet.
pub fn rows(rubric: &Rubric, units: usize) -> impl Iterator<Item = Vec<String>> + '_ {
    let columns = layout(rubric).columns;
    let header: Vec<String> = std::iter::once(UNIT_HEADER.to_string())
        .chain(columns.iter().map(|c| c.header.clone()))
        .collect();
    let mut rng = Lcg::new(2020);
    std::iter::once(header).chain((0..units).map(move |i| {
        std::iter::once(format!("单位{i}"))
            .chain(columns.iter().map(|c| cell(c, &mut rng)))
            .collect()
    }))
}

/// Writes `units` generated county units as a CSV file, streamed row by row.
pub fn write_csv(rubric: &Rubric, units: usize, path: &Path) {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_path(path)
        .expect("the CSV file");
    for row in rows(rubric, units) {
        w.write_record(&row).expect("a row");
    }
    w.flush().expect("the CSV file is written");
}

/// Writes `units` generated units as an XLSX workbook, every cell as text.
pub fn write_xlsx(rubric: &Rubric, units: usize, path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows(rubric, units).enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet
                .write_string(r as u32, c as u16, text)
                .expect("a cell");
        }
    }
    book.save(path).expect("the workbook is written");
}

/// A file under the benchmarks' scratch folder, `target/bench-data/`.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from("target/bench-data");
    std::fs::create_dir_all(&dir).expect("the scratch folder");
    dir.join(name)
}

/// An XLSX zip bomb: a real workbook of the rubric's form whose sheet is replaced by
/// one that expands to about `expanded` bytes (one generated unit's row, repeated),
/// compressed by a factor of hundreds, and whose `<dimension>` claims the largest
/// sheet Excel allows. The other parts of the workbook are copied as they are.
pub fn write_zip_bomb(rubric: &Rubric, expanded: u64, path: &Path) {
    use std::io::Write;
    let small = scratch("bomb-base.xlsx");
    write_xlsx(rubric, 10, &small);
    let mut base =
        zip::ZipArchive::new(std::fs::File::open(&small).expect("the base")).expect("a zip");
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).expect("the bomb"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    let rows: Vec<Vec<String>> = rows(rubric, 1).collect();
    for i in 0..base.len() {
        let file = base.by_index_raw(i).expect("an entry");
        if !file
            .name()
            .is_ok_and(|name| name == "xl/worksheets/sheet1.xml")
        {
            out.raw_copy_file(file).expect("copied");
            continue;
        }
        drop(file);
        out.start_file("xl/worksheets/sheet1.xml", options)
            .expect("the sheet");
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:XFD1048576\"/><sheetData>",
        )
        .expect("written");
        let mut written = 0u64;
        let mut r = 0usize;
        while written < expanded && r < 1_048_575 {
            let row = &rows[r.min(1)];
            let mut xml = format!("<row r=\"{}\">", r + 1);
            for (c, text) in row.iter().enumerate() {
                let name = if r > 0 && c == 0 {
                    format!("单位{r}")
                } else {
                    text.clone()
                };
                // Cells without their `r` (the column follows from the order, as
                // the format allows) repeat row after row, so the sheet compresses
                // by a factor of hundreds.
                xml.push_str(&format!("<c t=\"inlineStr\"><is><t>{name}</t></is></c>"));
            }
            xml.push_str("</row>");
            out.write_all(xml.as_bytes()).expect("written");
            written += xml.len() as u64;
            r += 1;
        }
        out.write_all(b"</sheetData></worksheet>").expect("written");
    }
    out.finish().expect("the bomb is written");
}
