//! Inputs at the limits: long chains, deep nesting and large texts end in a score or a
//! diagnostic, never in a stack overflow. Each test runs on a thread with a small
//! stack (256 KiB), so a recursion that grows with the input would fail here first.

use crate::common;

use common::{d, diagnostics, rubric, sheet};
use kaohe::evidence::{read, Format};
use kaohe::source::SourceFile;

fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no overflow")
}

fn not_chain(n: usize) -> String {
    format!(
        "rubric 表\ntotal 2\nsection 甲 2 {{\n  item 乙 2 {{\n    fact 丙 bool\n    fact 丁 bool\n    if {}丙 -2\n    if 丁 zero\n  }}\n}}\n",
        "not ".repeat(n)
    )
}

#[test]
fn a_hundred_thousand_nots_fold_by_parity() {
    small_stack(|| {
        // An even chain is the fact itself: 丙 true takes 2.
        let r = rubric(&not_chain(100_000));
        assert_eq!(
            sheet(
                &r,
                "unit = \"u\"\n[\"乙\"]\n\"丙\" = true\n\"丁\" = false\n"
            )
            .score,
            d("0")
        );
        // An odd chain is its negation: 丙 true takes nothing.
        let r = rubric(&not_chain(100_001));
        assert_eq!(
            sheet(
                &r,
                "unit = \"u\"\n[\"乙\"]\n\"丙\" = true\n\"丁\" = false\n"
            )
            .score,
            d("2")
        );
    });
}

#[test]
fn ten_thousand_nested_sections_are_refused() {
    let ds = small_stack(|| {
        let mut text = String::from("rubric 表\ntotal 1\n");
        for i in 0..10_000 {
            text.push_str(&format!("section s{i} 1 {{\n"));
        }
        text.push_str(&"}\n".repeat(10_000));
        diagnostics(&text)
    });
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code, "kaohe::syntax::too_deep");
}

#[test]
fn ten_thousand_nested_parentheses_are_refused() {
    let ds = small_stack(|| {
        let text = not_chain(0).replace(
            "if 丙 -2",
            &format!("if {}丙{} -2", "(".repeat(10_000), ")".repeat(10_000)),
        );
        diagnostics(&text)
    });
    assert_eq!(ds[0].code, "kaohe::syntax::too_deep");
}

#[test]
fn deeply_nested_evidence_is_refused() {
    let e = small_stack(|| {
        let text = format!(
            "{{\"unit\": \"u\", \"乙\": {}{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        read(&SourceFile::new("u.json", text), Format::Json).unwrap_err()
    });
    assert_eq!(e.code, "kaohe::syntax::too_deep");
}

#[test]
fn a_one_megabyte_criterion_text_is_kept_whole() {
    let long = "评分说明".repeat(90_000); // 4 characters × 3 bytes × 90,000 ≈ 1 MB.
    let text = not_chain(0).replace(
        "fact 丙 bool",
        &format!("text \"{long}\"\n    fact 丙 bool"),
    );
    let r = small_stack(move || rubric(&text));
    let kaohe::model::Node::Section(s) = &r.nodes[0] else {
        panic!("a section")
    };
    let kaohe::model::Node::Item(i) = &s.children[0] else {
        panic!("an item")
    };
    assert_eq!(i.texts[0].node.len(), 1_080_000);
}

#[test]
fn a_text_block_indented_with_ideographic_spaces_is_kept() {
    // The block's indentation (4 spaces) would cut through a line of U+3000 spaces.
    let text = not_chain(0).replace(
        "fact 丙 bool",
        "text \"\"\"\n    第一行\n　　\n    　　第三行\n    \"\"\"\n    fact 丙 bool",
    );
    let r = rubric(&text);
    let kaohe::model::Node::Section(s) = &r.nodes[0] else {
        panic!("a section")
    };
    let kaohe::model::Node::Item(i) = &s.children[0] else {
        panic!("an item")
    };
    assert_eq!(i.texts[0].node, "第一行\n\n　　第三行");
}

#[test]
fn deeply_indented_yaml_evidence_is_refused() {
    let e = small_stack(|| {
        let mut text = String::from("unit: u\n");
        // 1,000 levels of indentation (half a megabyte of spaces).
        for depth in 0..1_000 {
            text.push_str(&" ".repeat(depth));
            text.push_str("a:\n");
        }
        read(&SourceFile::new("u.yaml", text), Format::Yaml).unwrap_err()
    });
    assert_eq!(e.code, "kaohe::syntax::too_deep");
}
