//! The parsers' errors in the language of the run: a TOML, JSON or YAML file or an
//! XLSX workbook kaohe cannot read is refused in Chinese with `--lang zh`, in the
//! parser's own English with `--lang en`, at the same span in both.

use std::path::Path;

use crate::run;

/// The first diagnostic of `kaohe eval` on a file holding `text`, in `lang`, as JSON.
fn refused(dir: &Path, name: &str, text: &[u8], lang: &str) -> serde_json::Value {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writes the evidence");
    let o = run::kaohe(&[
        "eval",
        "rules/guide/county-2021.rule",
        run::path(&path),
        "--message-format",
        "json",
        "--lang",
        lang,
    ]);
    assert_eq!(o.status.code(), Some(1), "{name}");
    let first = run::stderr(&o)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    serde_json::from_str(&first).unwrap_or_else(|_| panic!("{name}: {first}"))
}

/// The message in Chinese and in English of a file, checked to be at one span.
fn both(dir: &Path, name: &str, text: &str) -> (String, String) {
    let zh = refused(dir, name, text.as_bytes(), "zh");
    let en = refused(dir, name, text.as_bytes(), "en");
    assert_eq!(zh["code"], "kaohe::evidence::syntax", "{name}");
    assert_eq!(zh["span"], en["span"], "{name}");
    assert_eq!(zh["labels"][0]["span"], en["labels"][0]["span"], "{name}");
    let said = |d: &serde_json::Value| d["message"].as_str().unwrap_or_default().to_string();
    (said(&zh), said(&en))
}

#[test]
fn toml_errors_are_said_in_chinese_with_what_was_expected() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let d = dir.path();
    let toml = |text: &str| both(d, "unit.toml", text);
    let zh = "无法读取这个 TOML 文件:";
    let en = "this TOML file cannot be read: ";
    // A table's name left open: the bracket is in the words, not repeated.
    let (z, e) = toml("unit = \"a\"\n[\"x\"\n");
    assert_eq!(z, format!("{zh}表名缺少结尾的方括号"));
    assert_eq!(e, format!("{en}unclosed table, expected `]`"));
    // A key in Chinese without quotes: the characters a bare key may hold.
    let (z, e) = toml("unit = \"a\"\n未做 = true\n");
    assert_eq!(
        z,
        format!(
            "{zh}键中有不加引号时不能用的字符(中文的键要加引号),此处应为:字母、数字、`-` 或 `_`"
        )
    );
    assert_eq!(
        e,
        format!("{en}invalid unquoted key, expected letters, numbers, `-`, `_`")
    );
    let (z, e) = toml("unit = \"a\"\nunit = \"b\"\n");
    assert_eq!(z, format!("{zh}键或表名重复:同一个键(或表名)只能出现一次"));
    assert_eq!(e, format!("{en}duplicate key"));
    let (z, e) = toml("unit = \"a\"\n\"x\" true\n");
    assert_eq!(z, format!("{zh}键后面缺少 `=` 和值"));
    assert_eq!(e, format!("{en}key with no value, expected `=`"));
    let (z, _) = toml("unit = \"a\n");
    assert_eq!(z, format!("{zh}字符串有误(可能缺少结尾的引号)"));
    let (z, _) = toml("unit = \"a\"\nx = tru\n");
    assert_eq!(z, format!("{zh}是或否只能写 `true` 或 `false`"));
    let (z, _) = toml("unit = \"a\"\nx = [1, 2\n");
    assert_eq!(z, format!("{zh}数组缺少结尾的方括号"));
    let (z, _) = toml("unit = \"a\"\nx = 01\n");
    assert_eq!(z, format!("{zh}数字不能以 0 开头"));
    let (z, _) = toml("unit = \"a\"\nx = 1 2\n");
    assert_eq!(z, format!("{zh}文字的值要加引号,此处应为:字符串"));
}

#[test]
fn json_and_yaml_errors_are_said_in_chinese() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let d = dir.path();
    let zh = "无法读取这个 JSON 文件:";
    let en = "this JSON file cannot be read: ";
    // A comma before the closing brace: serde_json looks for the next key, but the
    // comma is what is wrong, and the words say so.
    let (z, e) = both(d, "unit.json", "{\"unit\": \"a\",}");
    assert_eq!(z, format!("{zh}多了一个逗号"));
    assert_eq!(e, format!("{en}trailing comma"));
    let (z, e) = both(d, "unit.json", "{\"unit\" \"a\"}");
    assert_eq!(z, format!("{zh}键后面缺少冒号 `:`"));
    assert_eq!(e, format!("{en}expected `:`"));
    // An abbreviation keeps its capital: `EOF`, not `eOF`.
    let (z, e) = both(d, "unit.json", "{\"unit\": \"a\"");
    assert_eq!(
        z,
        format!("{zh}文件在这里意外结束(可能缺少结尾的括号或引号)")
    );
    assert_eq!(e, format!("{en}EOF while parsing an object"));
    let (z, _) = both(d, "unit.json", "{\"unit\": \"a\"} x");
    assert_eq!(z, format!("{zh}JSON 结束后还有多余的内容"));
    let (z, _) = both(d, "unit.json", "{unit: 1}");
    assert_eq!(z, format!("{zh}键要加双引号"));

    let zh = "无法读取这个 YAML 文件:";
    let (z, e) = both(d, "unit.yaml", "unit: a\n  b: c\n");
    assert_eq!(
        z,
        format!("{zh}这里不能出现键值对(请检查缩进;值中的冒号要加引号)")
    );
    assert_eq!(
        e,
        "this YAML file cannot be read: mapping values are not allowed in this context"
    );
    let (z, _) = both(d, "unit.yaml", "a:\n\t- b\n");
    assert_eq!(z, format!("{zh}缩进不能用制表符(Tab),请用空格"));
    // A tab after a value, where saphyr is scanning a plain scalar.
    let (z, _) = both(d, "unit.yaml", "unit: a\n\tx: 1\n");
    assert_eq!(z, format!("{zh}缩进不能用制表符(Tab),请用空格"));
    let (z, _) = both(d, "unit.yaml", "unit: 'a\n");
    assert_eq!(z, format!("{zh}字符串有误(可能缺少结尾的引号)"));
}

#[test]
fn a_workbook_calamine_cannot_open_is_said_in_chinese() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let d = dir.path();
    let name = |lang: &str, text: &[u8]| {
        let found = refused(d, "units.xlsx", text, lang);
        found["message"].as_str().unwrap_or_default().to_string()
    };
    let shown = d.join("units.xlsx").display().to_string();
    // A CSV file named `.xlsx`: not a zip at all.
    let csv = "单位,决策预公开/未做意见征集\n".as_bytes();
    assert_eq!(
        name("zh", csv),
        format!("无法把 `{shown}` 作为 XLSX 工作簿读取:这不是 XLSX 工作簿(可能是 .xls、.et、CSV 等其他格式的文件,或者文件已损坏)")
    );
    assert!(name("en", csv).starts_with(&format!(
        "`{shown}` cannot be read as an XLSX workbook: zip error: "
    )));
    // A zip that holds no workbook.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .expect("a part");
    std::io::Write::write_all(&mut zip, b"x").expect("its bytes");
    let bytes = zip.finish().expect("the zip").into_inner();
    assert_eq!(
        name("zh", &bytes),
        format!(
            "无法把 `{shown}` 作为 XLSX 工作簿读取:工作簿缺少必需的组成部分(文件不完整或已损坏)"
        )
    );
    assert_eq!(
        name("en", &bytes),
        format!("`{shown}` cannot be read as an XLSX workbook: file not found '_rels/.rels'")
    );
}
