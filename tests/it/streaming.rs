//! Evidence read as a stream: a CSV file cut into chunks of rows (tiny ones here, 1 KiB,
//! so that a file of a few hundred rows is read as a file of a million is), each unit
//! handed on as soon as it is checked. A file read in chunks gives the units and the
//! scores of the file read whole; its problems name the same cells, rows, lines and
//! character columns, and are drawn the same; a quoted line break, a GBK file's bad
//! byte, a unit named twice and a column without a header are found across chunks;
//! and a file with more problems than are shown keeps only the first.

use crate::common;
use crate::formats;

use std::path::{Path, PathBuf};

use kaohe::check::{compile, Rubric};
use kaohe::diagnostic::{codes, render_human, render_json, Diagnostic, HumanStyle, Severity};
use kaohe::evidence::{
    load_all_with, stream_with, Encoding, Limits, Options, Streamed, Unit, MAX_PROBLEMS,
};
use kaohe::source::SourceFile;

use formats::{SMALL_HEADER as HEADER, SMALL_RULE as RULE};

/// The chunks of these tests: 1 KiB of text, the encoding told from the first 1 KiB.
fn tiny() -> Limits {
    Limits {
        chunk_bytes: 1024,
        sniff_bytes: 1024,
        ..Limits::default()
    }
}

fn rubric() -> Rubric {
    let checked = compile(&SourceFile::new("stream.rule", RULE));
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        rendered(&checked.diagnostics)
    );
    checked.rubric.expect("a rubric")
}

fn rendered(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| render_human(d, HumanStyle::Plain))
        .collect()
}

/// The unit of row `i` (1-based below the header: the file's row `i + 1`).
fn name(i: usize) -> String {
    format!("蓬江区{i}")
}

/// A valid row, its values varied by `i`; every third row's list of forms is written
/// one member a line, in a quoted cell.
fn row(i: usize) -> Vec<String> {
    let forms = match i % 3 {
        0 => "图表\n图解\n音视频".to_string(),
        1 => "新闻发布会、图表".to_string(),
        _ => "无".to_string(),
    };
    vec![
        name(i),
        if i.is_multiple_of(2) { "是" } else { "否" }.to_string(),
        (i % 5).to_string(),
        format!("{}.5%", i % 10),
        format!("2020-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
        forms,
    ]
}

/// Rows as CSV text: CRLF between rows, cells quoted where they must be.
fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The header and `n` valid rows.
fn sheet(n: usize) -> Vec<Vec<String>> {
    let mut rows = vec![HEADER.iter().map(|h| h.to_string()).collect()];
    rows.extend((1..=n).map(row));
    rows
}

fn scratch(name: &str) -> common::Scratch {
    common::Scratch::new(&format!("stream-{name}"))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> PathBuf {
    std::fs::write(path, bytes).expect("write");
    path.to_path_buf()
}

/// Every unit streamed from the files, and the problems and warnings.
fn streamed(paths: &[PathBuf], options: &Options, limits: &Limits) -> (Vec<Unit>, Streamed) {
    let mut units = Vec::new();
    let read = stream_with(&rubric(), paths, options, limits, &mut |_| {}, &mut |u| {
        units.push(u)
    });
    (units, read)
}

/// The same files read whole, as before streaming: the units, or every problem.
fn whole(paths: &[PathBuf]) -> kaohe::evidence::Evidence {
    load_all_with(&rubric(), paths, &Options::default(), &mut |_| {})
}

/// Each unit's name and score sheet, as JSON.
fn scores(units: &[Unit]) -> Vec<(String, String)> {
    let rubric = rubric();
    units
        .iter()
        .map(|u| {
            let sheet = kaohe::eval::evaluate(&rubric, u).expect("scores");
            (u.name.clone(), serde_json::to_string(&sheet).expect("json"))
        })
        .collect()
}

/// The text a diagnostic's primary label underlines.
fn underlined(d: &Diagnostic) -> &str {
    let span = d.labels[0].span;
    &d.source.as_ref().expect("a source").text()[span.start..span.end]
}

/// The `[file:line:column]` the rendering of a diagnostic begins its snippet with.
fn place(d: &Diagnostic) -> String {
    let text = render_human(d, HumanStyle::Plain);
    let start = text.find('[').expect("a place");
    let end = start + text[start..].find(']').expect("a place");
    text[start + 1..end].to_string()
}

/// The 1-based line and character column of the first `needle` after `after` in a
/// text, counted by hand.
fn line_col(text: &str, after: &str, needle: &str) -> (usize, usize) {
    let from = text.find(after).expect("anchor");
    let at = from + text[from..].find(needle).expect("needle");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..at].matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

/// The byte offset at which the file's row `row` (1-based) starts, its rows ended by
/// CRLF (line breaks inside quoted cells are LF alone).
fn row_start(bytes: &[u8], row: usize) -> usize {
    if row == 1 {
        return 0;
    }
    bytes
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w == b"\r\n")
        .nth(row - 2)
        .map(|(i, _)| i + 2)
        .expect("the row")
}

/// The 1-based line of a byte offset.
fn line_at(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
}

#[test]
fn a_file_read_in_chunks_gives_the_units_of_the_file_read_whole() {
    let dir = scratch("same");
    let text = csv(&sheet(600));
    assert!(text.len() > 30 * 1024, "{} bytes", text.len());
    let path = write(&dir.join("units.csv"), &text);
    let paths = [path];

    let whole = whole(&paths);
    let whole = whole.units.unwrap_or_else(|ds| panic!("{}", rendered(&ds)));
    let mut counted = Vec::new();
    let mut units = Vec::new();
    let read = stream_with(
        &rubric(),
        &paths,
        &Options::default(),
        &tiny(),
        &mut |n| counted.push(n),
        &mut |u| units.push(u),
    );
    assert!(read.problems.is_empty(), "{}", rendered(&read.problems));
    assert!(read.notes.is_empty(), "{}", rendered(&read.notes));
    assert_eq!(units.len(), 600);
    assert_eq!(counted, (1..=600).collect::<Vec<_>>());
    assert_eq!(scores(&units), scores(&whole));
    assert_eq!(
        units.iter().map(|u| u.name.clone()).collect::<Vec<_>>(),
        (1..=600).map(name).collect::<Vec<_>>()
    );

    // Each unit keeps only its chunk's text, which knows its place in the file.
    let mut chunks: Vec<usize> = units.iter().map(|u| u.source.origin().byte).collect();
    chunks.dedup();
    assert!(chunks.len() >= 20, "{} chunks", chunks.len());
    for (i, unit) in units.iter().enumerate() {
        // The first chunk holds at least 70 rows, to find the header in.
        assert!(
            unit.source.text().len() < 8192,
            "{}",
            unit.source.text().len()
        );
        let at = unit.name_span.start;
        assert_eq!(&unit.source.text()[at..unit.name_span.end], unit.name);
        let name = &unit.name;
        assert_eq!(
            unit.source.line_col(at),
            line_col(&text, &format!("\n{name},"), name),
            "row {}",
            i + 2
        );
        assert_eq!(
            unit.source.origin().byte + at,
            text.find(&format!("\n{name},")).unwrap() + 1
        );
    }
}

#[test]
fn a_quoted_line_break_across_a_chunk_boundary_stays_in_its_row() {
    let dir = scratch("quoted");
    let mut rows = sheet(400);
    // A list written one member a line (CRLF or LF), long enough that some of its
    // cells hold a multiple of 1024 bytes of the file: there a block of text ends
    // inside the quotes, and the row is scanned again whole when more is read.
    for (i, row) in rows.iter_mut().enumerate().skip(1) {
        if i.is_multiple_of(3) {
            row[5] = "图表\r\n图解\r\n音视频\n新闻发布会".to_string();
        }
    }
    rows[300][2] = "十二次".to_string();
    let text = csv(&rows);
    let mut quoted = Vec::new();
    let mut at = 0;
    for row in &rows {
        let line = csv(std::slice::from_ref(row));
        if let Some(open) = line.find('"') {
            quoted.push(at + open..at + line.rfind('"').unwrap());
        }
        at += line.len();
    }
    let straddling = (1..text.len() / 1024)
        .filter(|k| quoted.iter().any(|q| q.contains(&(k * 1024))))
        .count();
    assert!(straddling >= 3, "{straddling}");
    let path = write(&dir.join("quoted.csv"), &text);

    let (units, read) = streamed(std::slice::from_ref(&path), &Options::default(), &tiny());
    let whole = whole(std::slice::from_ref(&path));
    let problems = whole.units.expect_err("a bad cell");
    assert_eq!(rendered(&read.problems), rendered(&problems));
    assert_eq!(units.len(), 399);
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    let d = &read.problems[0];
    assert_eq!(
        d.message,
        "cell C301 (row 301, column `次数/次数`): `次数` must be a whole number, not `十二次`"
    );
    assert_eq!(underlined(d), "十二次");
    // Rows 3, 6, 9, … each take four lines of the file.
    let (line, column) = line_col(&text, "\r\n蓬江区300,", "十二次");
    assert_eq!(line, 301 + 3 * 99);
    assert_eq!(place(d), format!("{}:{line}:{column}", path.display()));
    // The members were read across the line breaks.
    let rubric = rubric();
    for unit in units
        .iter()
        .filter(|u| u.name == name(3) || u.name == name(399))
    {
        let sheet = kaohe::eval::evaluate(&rubric, unit).expect("scores");
        let forms = sheet
            .items()
            .into_iter()
            .map(|(_, i)| i)
            .find(|i| i.name == "形式")
            .expect("the item");
        assert_eq!(forms.score, Some(2.into()), "{}", unit.name);
    }
}

#[test]
fn a_bad_cell_in_a_later_chunk_names_its_cell_row_line_and_column() {
    let dir = scratch("later");
    let mut rows = sheet(300);
    // Chinese text before the bad cell: its column is counted in characters.
    rows[250][0] = "恩平市（试点）".to_string();
    rows[250][2] = "十二次".to_string();
    // A row without its unit's name.
    rows[270][0] = String::new();
    // A value in a column without a header, twice: reported once, at the first.
    rows[260].push("多余".to_string());
    rows[290].push("又多余".to_string());
    let text = csv(&rows);
    let path = write(&dir.join("later.csv"), &text);
    let file = path.display().to_string();

    let (units, read) = streamed(std::slice::from_ref(&path), &Options::default(), &tiny());
    let whole = whole(std::slice::from_ref(&path));
    let problems = whole.units.expect_err("problems");
    // Drawn and serialised as in the file read whole: the same lines, columns and
    // byte offsets, the same snippets.
    assert_eq!(rendered(&read.problems), rendered(&problems));
    let json = |ds: &[Diagnostic]| ds.iter().map(render_json).collect::<Vec<_>>();
    assert_eq!(json(&read.problems), json(&problems));
    // The unit of row 251 is renamed `恩平市(试点)`, with a warning, as read whole.
    assert_eq!(rendered(&read.notes), rendered(&whole.notes));
    assert_eq!(read.notes.len(), 1);
    // Rows 251 and 271 are not valid; row 261 is, its unread value the file's problem.
    assert_eq!(units.len(), 298);

    let got: Vec<(&str, &str, &str, String)> = read
        .problems
        .iter()
        .map(|d| (d.code, d.message.as_str(), underlined(d), place(d)))
        .collect();
    let (l251, c251) = line_col(&text, "\r\n恩平市（试点）,", "十二次");
    let (l261, c261) = line_col(&text, "\r\n蓬江区260,", "多余");
    let (l271, c271) = line_col(&text, "\r\n,", ",");
    assert_eq!(c251, "恩平市（试点）,是,".chars().count() + 1);
    assert_eq!(
        (l251, l261, l271),
        (251 + 2 * 83, 261 + 2 * 86, 271 + 2 * 89)
    );
    assert_eq!(
        got,
        vec![
            (
                codes::EVIDENCE_VALUE,
                "cell C251 (row 251, column `次数/次数`): `次数` must be a whole number, not `十二次`",
                "十二次",
                format!("{file}:{l251}:{c251}"),
            ),
            (
                codes::EVIDENCE_COLUMN,
                "cell G261 (row 261, column G): column G has values but no header",
                "多余",
                format!("{file}:{l261}:{c261}"),
            ),
            (
                codes::EVIDENCE_UNIT,
                "row 271 has values but no unit: cell A271 is blank",
                "",
                format!("{file}:{l271}:{c271}"),
            ),
        ]
    );
    // Each problem keeps only the lines it shows of its chunk.
    for d in &read.problems {
        let source = d.source.as_ref().unwrap();
        assert!(source.text().lines().count() <= 5, "{}", source.text());
    }
}

#[test]
fn a_gbk_file_with_a_bad_byte_in_a_later_chunk_is_refused_at_its_line() {
    let dir = scratch("gbk");
    let text = csv(&sheet(300));
    let mut bytes = encoding_rs::GBK.encode(&text).0.into_owned();
    // A lone lead byte at the start of row 251, far past the first KiB.
    let at = row_start(&bytes, 251);
    let line = line_at(&bytes, at);
    assert!(at > 8 * 1024 && line > 251, "{at} {line}");
    bytes.insert(at, 0x81);
    bytes.insert(at + 1, b'!');
    let path = write(&dir.join("gbk.csv"), &bytes);
    let file = path.display().to_string();

    let (units, read) = streamed(std::slice::from_ref(&path), &Options::default(), &tiny());
    // The units before it were read (and would be scored, were there no problem).
    assert!(units.len() > 200, "{}", units.len());
    assert_eq!(units[0].name, name(1));
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    let d = &read.problems[0];
    assert_eq!(d.code, codes::ENCODING);
    assert_eq!(
        d.message,
        format!("`{file}` is neither UTF-8 nor GB18030 (GBK) text: line {line} holds bytes that are not GB18030")
    );
    assert!(d.labels.is_empty(), "no mojibake is quoted");
    assert_eq!(read.notes.len(), 1);
    assert_eq!(read.notes[0].code, codes::ENCODING_DETECTED);

    // Named, the encoding is not detected: the same line.
    let gbk = Options {
        encoding: Some(Encoding::Gb18030),
        ..Options::default()
    };
    let (_, read) = streamed(&[path], &gbk, &tiny());
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    assert_eq!(
        read.problems[0].message,
        format!("`{file}` is not GB18030 (GBK) text: line {line} holds bytes that are not GB18030")
    );
    assert!(read.notes.is_empty());

    // A UTF-8 file whose bad byte lies in a later chunk is refused the same way.
    let mut bytes = text.into_bytes();
    let at = row_start(&bytes, 251);
    bytes.insert(at, 0xFF);
    let path = write(&dir.join("utf8.csv"), &bytes);
    let (_, read) = streamed(std::slice::from_ref(&path), &Options::default(), &tiny());
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    assert_eq!(
        read.problems[0].message,
        format!(
            "`{}` is not UTF-8 text: line {line} holds a byte that is not UTF-8",
            path.display()
        )
    );
}

#[test]
fn a_unit_named_twice_across_chunks_names_the_first_row() {
    let dir = scratch("twice");
    let mut rows = sheet(300);
    rows[280][0] = name(20);
    // Twice in one chunk (the first holds at least 70 rows): the first is pointed at
    // too.
    rows[60][0] = name(30);
    let text = csv(&rows);
    let path = write(&dir.join("twice.csv"), &text);
    let line = |row| line_at(text.as_bytes(), row_start(text.as_bytes(), row));
    let file = path.display().to_string();
    // And in a second file, a unit of a later chunk of the first.
    let mut other = sheet(0);
    other.push(row(250));
    let second = write(&dir.join("zz.csv"), csv(&other));

    let (units, read) = streamed(&[path, second], &Options::default(), &tiny());
    assert_eq!(units.len(), 298);
    let got: Vec<(&str, &str, Vec<&str>, String, String)> = read
        .problems
        .iter()
        .map(|d| {
            let source = d.source.as_ref().unwrap();
            (
                d.code,
                d.message.as_str(),
                d.labels
                    .iter()
                    .map(|l| &source.text()[l.span.start..l.span.end])
                    .collect(),
                d.help.clone().unwrap(),
                place(d),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                codes::EVIDENCE_DUPLICATE,
                "unit `蓬江区30` has evidence in two rows",
                vec!["蓬江区30", "蓬江区30"],
                "the first is row 31; keep one row per unit".to_string(),
                format!("{file}:{}:1", line(61)),
            ),
            (
                codes::EVIDENCE_DUPLICATE,
                "unit `蓬江区20` has evidence in two rows",
                vec!["蓬江区20"],
                "the first is row 21; keep one row per unit".to_string(),
                format!("{file}:{}:1", line(281)),
            ),
            (
                codes::EVIDENCE_DUPLICATE,
                "unit `蓬江区250` has evidence in two files",
                vec!["蓬江区250"],
                format!("the first is `{file}` row 251; keep one file or row per unit"),
                format!("{}:2:1", dir.join("zz.csv").display()),
            ),
        ]
    );
    // Drawn as in the file read whole, where both rows are in one text.
    let whole = whole(&[dir.join("twice.csv")]);
    let whole = whole.units.expect_err("problems");
    assert_eq!(rendered(&read.problems[..1]), rendered(&whole[..1]));
    // The second label is the first row's name.
    let d = &read.problems[0];
    let source = d.source.as_ref().unwrap();
    assert_eq!(source.line(d.labels[1].span.start), line(31));
}

#[test]
fn rows_below_the_header_and_an_empty_file_are_checked_in_the_whole_file() {
    let dir = scratch("blank");
    // The header, then 1,000 blank rows: more than one chunk, and no unit.
    let text = format!("{}\r\n{}", HEADER.join(","), "\r\n".repeat(1000));
    let path = write(&dir.join("blank.csv"), &text);
    let (units, read) = streamed(std::slice::from_ref(&path), &Options::default(), &tiny());
    assert!(units.is_empty());
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    let d = &read.problems[0];
    assert_eq!(
        d.message,
        format!(
            "`{}` holds no unit: there is no row below the header",
            path.display()
        )
    );
    assert_eq!(underlined(d), HEADER.join(","));

    // Blank rows, then the header and a unit in a later chunk.
    let text = format!("{}{}", "\r\n".repeat(1000), csv(&sheet(1)));
    let path = write(&dir.join("late.csv"), &text);
    let (units, read) = streamed(std::slice::from_ref(&path), &Options::default(), &tiny());
    assert!(read.problems.is_empty(), "{}", rendered(&read.problems));
    assert_eq!(units.len(), 1);
    assert_eq!(units[0].source.line(units[0].name_span.start), 1002);

    let path = write(&dir.join("empty.csv"), "\r\n".repeat(1000));
    let (_, read) = streamed(std::slice::from_ref(&path), &Options::default(), &tiny());
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    assert_eq!(
        read.problems[0].message,
        format!("`{}` holds no unit: it is empty", path.display())
    );
}

#[test]
fn a_file_with_more_problems_than_are_shown_keeps_the_first() {
    let dir = scratch("many");
    let mut rows = sheet(1200);
    for (i, row) in rows.iter_mut().enumerate().skip(1) {
        // A bad count, and a name written with a space (a warning).
        row[2] = "若干".to_string();
        row[0] = format!("蓬江 区{i}");
    }
    let path = write(&dir.join("many.csv"), csv(&rows));
    let file = path.display().to_string();
    for limits in [tiny(), Limits::default()] {
        let (units, read) = streamed(std::slice::from_ref(&path), &Options::default(), &limits);
        assert!(units.is_empty());
        assert_eq!(read.problems.len(), MAX_PROBLEMS + 1);
        // The first, in the order of the file.
        for (i, d) in read.problems[..MAX_PROBLEMS].iter().enumerate() {
            assert_eq!(d.code, codes::EVIDENCE_VALUE);
            assert!(
                d.message
                    .starts_with(&format!("cell C{} (row {}, ", i + 2, i + 2)),
                "{}",
                d.message
            );
        }
        let last = &read.problems[MAX_PROBLEMS];
        assert_eq!(
            (last.code, last.severity, last.message.clone()),
            (
                codes::EVIDENCE_TOO_MANY,
                Severity::Error,
                format!("200 more problem(s) of `{file}` are not shown")
            )
        );
        assert_eq!(read.notes.len(), MAX_PROBLEMS + 1);
        let last = &read.notes[MAX_PROBLEMS];
        assert_eq!(
            (last.code, last.severity, last.message.clone()),
            (
                codes::EVIDENCE_TOO_MANY,
                Severity::Warning,
                format!("200 more warning(s) about `{file}` are not shown")
            )
        );
        assert_eq!(
            render_json(last),
            format!(
                "{{\"code\":\"kaohe::evidence::too_many\",\"severity\":\"warning\",\"message\":\"200 more warning(s) about `{file}` are not shown\",\"file\":\"{file}\",\"span\":null,\"line\":null,\"column\":null,\"labels\":[],\"help\":\"the first 1000 warnings about a file are shown\"}}"
            )
        );
    }
    // Read in chunks, the problems kept hold only the lines they show.
    let (_, read) = streamed(std::slice::from_ref(&path), &Options::default(), &tiny());
    let kept: usize = read
        .problems
        .iter()
        .chain(&read.notes)
        .filter_map(|d| d.source.as_ref())
        .map(|s| s.text().len())
        .sum();
    assert!(kept < 2 * (MAX_PROBLEMS + 1) * 300, "{kept} bytes kept");
}

#[test]
fn a_unit_named_by_zero_width_characters_alone_is_refused() {
    // A cell that looks filled but whose name folds to nothing: the row must not be
    // scored under an empty name, whatever way it is read.
    let mut rows = sheet(3);
    rows[2][0] = "\u{200B}\u{FEFF}".to_string();
    let dir = scratch("zero-width");
    let path = write(&dir.join("z.csv"), csv(&rows));
    for limits in [tiny(), Limits::default()] {
        let (units, read) = streamed(std::slice::from_ref(&path), &Options::default(), &limits);
        let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, [name(1), name(3)]);
        assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
        assert_eq!(read.problems[0].code, codes::EVIDENCE_UNIT);
        assert_eq!(
            read.problems[0].message,
            "row 3 has values but no unit: cell A3 is blank"
        );
    }
}

#[test]
fn a_quote_never_closed_in_a_large_file_ends_at_a_bounded_row() {
    // A stray quote at the start of the second row would make the rest of the file one
    // row; past 16 MiB that is an error at the quote, read in bounded time and memory.
    let mut text = csv(&sheet(1));
    text.push_str("\"蓬江区2,否,0,5,2020-12-01,无\r\n");
    let filler = csv(&[row(2)]);
    while text.len() < 17 << 20 {
        text.push_str(&filler);
    }
    let dir = scratch("never-closed");
    let path = write(&dir.join("q.csv"), &text);
    let (_, read) = streamed(
        std::slice::from_ref(&path),
        &Options::default(),
        &Limits::default(),
    );
    let d = read
        .problems
        .iter()
        .find(|d| d.code == codes::EVIDENCE_SYNTAX)
        .unwrap_or_else(|| panic!("{}", rendered(&read.problems)));
    assert_eq!(
        d.message,
        "this CSV file cannot be read: a row runs on for more than 16 MiB; a quoted cell is most likely never closed"
    );
    assert_eq!(underlined(d), "\"");
    assert_eq!(place(d), format!("{}:3:1", path.display()));
}

/// A unit of [`RULE`] in a file of its own.
fn toml_unit(name: &str) -> String {
    format!(
        "unit = \"{name}\"\n[\"是否\"]\n\"已做\" = true\n[\"次数\"]\n\"次数\" = 1\n\
         [\"比例\"]\n\"比例\" = \"5%\"\n[\"日期\"]\n\"日期\" = 2020-03-01\n\
         [\"形式\"]\n\"形式\" = [\"图表\"]\n"
    )
}

/// Every limit on the names kept in memory that these tests read with: none hashed,
/// all hashed, some, and all hashed alike (as if every name collided).
fn name_budgets() -> Vec<Limits> {
    let mut out = Vec::new();
    for budget in [1 << 16, 0, 1, 7, 150] {
        out.push(Limits {
            names_in_memory: budget,
            ..tiny()
        });
    }
    out.push(Limits {
        names_in_memory: 3,
        names_collide: true,
        ..tiny()
    });
    out
}

#[test]
fn names_past_the_memory_budget_find_every_unit_named_twice_as_before() {
    let dir = scratch("budget");
    // Twice in one chunk, across chunks, in a row that is invalid, and in two files
    // (another sheet, and a unit's own file).
    let mut rows = sheet(300);
    rows[60][0] = name(30);
    rows[280][0] = name(20);
    rows[200][0] = name(190);
    rows[200][2] = "很多".into();
    let first = write(&dir.join("a.csv"), csv(&rows));
    let mut other = sheet(0);
    other.push(row(250));
    other.push(row(400));
    let second = write(&dir.join("b.csv"), csv(&other));
    let own = write(&dir.join("c.toml"), toml_unit(&name(400)));
    let paths = [first, second, own];

    let (_, kept) = streamed(&paths, &Options::default(), &tiny());
    assert_eq!(
        kept.problems
            .iter()
            .filter(|d| d.code == codes::EVIDENCE_DUPLICATE)
            .count(),
        5,
        "{}",
        rendered(&kept.problems)
    );
    for limits in name_budgets() {
        let (_, read) = streamed(&paths, &Options::default(), &limits);
        assert_eq!(
            rendered(&read.problems),
            rendered(&kept.problems),
            "{limits:?}"
        );
        assert_eq!(rendered(&read.notes), rendered(&kept.notes), "{limits:?}");
    }
    // Named twice only among the first names, kept in memory while the budget allows:
    // found by the first reading, which a budget of 150 names does not read again.
    let mut rows = sheet(300);
    rows[60][0] = name(30);
    let early = [write(&dir.join("early.csv"), csv(&rows))];
    let (_, kept) = streamed(&early, &Options::default(), &tiny());
    assert_eq!(kept.problems.len(), 1, "{}", rendered(&kept.problems));
    for limits in name_budgets() {
        let (_, read) = streamed(&early, &Options::default(), &limits);
        assert_eq!(
            rendered(&read.problems),
            rendered(&kept.problems),
            "{limits:?}"
        );
    }
}

#[test]
fn names_past_the_memory_budget_give_every_unit_of_clean_evidence() {
    let dir = scratch("budget-clean");
    let first = write(&dir.join("a.csv"), csv(&sheet(300)));
    let mut other = sheet(0);
    other.extend((301..320).map(row));
    let second = write(&dir.join("b.csv"), csv(&other));
    let own = write(&dir.join("c.toml"), toml_unit("台山市"));
    let paths = [first, second, own];
    let (kept, _) = streamed(&paths, &Options::default(), &tiny());
    assert_eq!(kept.len(), 320);
    for limits in name_budgets() {
        let (units, read) = streamed(&paths, &Options::default(), &limits);
        assert!(read.problems.is_empty(), "{limits:?}");
        assert_eq!(scores(&units), scores(&kept), "{limits:?}");
    }
}

#[test]
fn names_met_twice_are_read_again_a_batch_at_a_time() {
    let dir = scratch("budget-batches");
    // Clean evidence whose names collide in three groups: three more readings, one a
    // group, find nothing, and the first reading's units stand.
    let mut rows = sheet(60);
    for (i, row) in rows.iter_mut().enumerate().skip(1) {
        row[0] = format!("{}{}", "县".repeat(i % 4 + 1), i);
    }
    let clean = [write(&dir.join("clean.csv"), csv(&rows))];
    let one_at_once = Limits {
        names_in_memory: 1,
        names_again_at_once: 1,
        names_collide: true,
        ..tiny()
    };
    let (kept, _) = streamed(&clean, &Options::default(), &tiny());
    let (units, read) = streamed(&clean, &Options::default(), &one_at_once);
    assert!(read.problems.is_empty(), "{}", rendered(&read.problems));
    assert_eq!(scores(&units), scores(&kept));
    // Units named twice in several groups: the first group read again that has one
    // shows its problems, and says that others may not be shown.
    let mut rows = sheet(100);
    rows[50][0] = name(20);
    rows[70][0] = name(3);
    rows[90][0] = name(40);
    let twice = [write(&dir.join("twice.csv"), csv(&rows))];
    let (_, all) = streamed(&twice, &Options::default(), &tiny());
    assert_eq!(all.problems.len(), 3, "{}", rendered(&all.problems));
    let (_, read) = streamed(&twice, &Options::default(), &one_at_once);
    let (last, shown) = read.problems.split_last().expect("problems");
    assert_eq!(last.code, codes::EVIDENCE_TOO_MANY);
    assert_eq!(
        last.message,
        "more than 1 unit names are given more than once; only some are shown"
    );
    assert!(!shown.is_empty() && shown.len() < 3, "{}", rendered(shown));
    let every = rendered(&all.problems);
    for d in shown {
        assert!(every.contains(&rendered(std::slice::from_ref(d))));
    }
}

#[test]
fn names_that_cannot_be_hashed_to_disk_stop_the_reading_with_a_problem() {
    let dir = scratch("budget-tmp");
    let path = write(&dir.join("a.csv"), csv(&sheet(40)));
    let limits = Limits {
        names_in_memory: 2,
        temporary_folder: Some(dir.join("no-such-folder")),
        ..tiny()
    };
    let (_, read) = streamed(&[path], &Options::default(), &limits);
    assert_eq!(read.problems.len(), 1, "{}", rendered(&read.problems));
    let d = &read.problems[0];
    assert_eq!(d.code, codes::TEMPORARY);
    assert_eq!(
        d.message,
        "cannot check that no unit is named twice: a temporary file failed: no such folder"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "the names of many units are checked in temporary files in the system's temporary \
             folder: free some space there, or set `TMPDIR` to a folder with room"
        )
    );
}
