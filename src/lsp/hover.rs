//! Hover: on an item, its points, its criterion, the range its clauses can take its
//! score to and the bounds that hold it, and how its section's points add up; on a
//! section, the same sum; on a fact or member, its type, description, allowed values
//! and the clauses that read it; on a keyword, its line of documentation.

use rust_decimal::Decimal;

use crate::check;
use crate::formatter::lex::{self, Kind};
use crate::locale;
use crate::syntax::ast::{FactDecl, Item, Node, Section, SectionKind};
use crate::tr;

use super::documents::Document;
use super::keywords;
use super::navigation::{self, Occurrence, Placed, Symbol};

/// The hover text (Markdown) at a byte offset, with the span it is about.
pub fn at(document: &Document, offset: usize) -> Option<(String, crate::span::Span)> {
    if let Some(found) = keyword(document, offset) {
        return Some(found);
    }
    let file = document.ast.as_ref()?;
    if let Some((placed, occurrence)) = navigation::at(file, offset) {
        if let Some(o) = occurrence {
            return Some((name(&placed, &o, &document.text), o.span));
        }
        let item = placed.item;
        // The points, or `none` in their place.
        let end = item.uncapped.map_or(item.points.span.end, |u| u.end);
        if item.name.span.start <= offset && offset <= end {
            return Some((item_text(&placed, &document.points), item.name.span));
        }
        return None;
    }
    navigation::sections(file)
        .into_iter()
        .find(|s| {
            let end = s.uncapped.map_or(s.points.span.end, |u| u.end);
            s.name.span.start <= offset && offset <= end
        })
        .map(|s| (section_sum(s, &document.points), s.name.span))
}

/// A keyword's documentation, when the word at the offset is one (and not inside a
/// string or comment).
fn keyword(document: &Document, offset: usize) -> Option<(String, crate::span::Span)> {
    let token = lex::tokens(&document.text)
        .into_iter()
        .find(|t| t.start <= offset && offset <= t.end)?;
    if token.kind != Kind::Word {
        return None;
    }
    let word = &document.text[token.start..token.end];
    if !keywords::is_keyword(word) {
        return None;
    }
    let doc = keywords::doc(word)?;
    Some((
        format!("**`{word}`**\n\n{doc}"),
        crate::span::Span::new(token.start, token.end),
    ))
}

fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

/// An item's points, and the weight they were worked out from when written as one:
/// `20 (40%)`.
fn points_of(points: Decimal, weight: Option<Decimal>) -> String {
    match weight {
        Some(w) => format!("{} ({}%)", number(points), number(w)),
        None => number(points),
    }
}

/// An item: its points, criterion and notes, its reach, and its section's sum.
fn item_text(placed: &Placed<'_>, points: &check::Points) -> String {
    let lang = locale::current();
    let item = placed.item;
    let mut out = if item.uncapped.is_some() {
        tr!(lang, "lsp-hover-item-uncapped", name = &item.name.node)
    } else {
        tr!(
            lang,
            "lsp-hover-item",
            name = &item.name.node,
            points = points_of(points.item(item), item.weight)
        )
    };
    out = format!("**{out}**");
    for text in &item.texts {
        out.push_str(&format!(
            "\n\n{}\n\n{}",
            tr!(lang, "lsp-hover-criterion"),
            quote(&text.node)
        ));
    }
    for note in &item.notes {
        out.push_str(&format!(
            "\n\n{}\n\n{}",
            tr!(lang, "lsp-hover-note"),
            quote(&note.node)
        ));
    }
    out.push_str("\n\n");
    out.push_str(&reach(item, points.item(item), placed.kind, placed.pooled));
    if let Some(section) = placed.parent {
        out.push_str("\n\n");
        out.push_str(&section_sum(section, points));
    }
    out
}

/// The range the item's clauses can take its score to, and the bounds it is held in.
fn reach(item: &Item, points: Decimal, kind: SectionKind, pooled: bool) -> String {
    let lang = locale::current();
    let reach = check::reach(item, points, kind, pooled);
    let (low, high, start) = check::lowest_and_highest(points, kind);
    // Without a limit below or above: the signs `kaohe outline` prints too.
    let below = || "-∞".to_string();
    let above = || "∞".to_string();
    // `none` in place of the points: no most given, or no most taken.
    let open = item.uncapped.is_some();
    tr!(
        lang,
        "lsp-hover-reach",
        start = number(start),
        lo = reach.clauses_low.map_or_else(below, number),
        hi = reach.clauses_high.map_or_else(above, number),
        low = if pooled {
            tr!(lang, "lsp-hover-pooled-low")
        } else if open && kind == SectionKind::Penalty {
            below()
        } else {
            number(low)
        },
        high = if open && kind == SectionKind::Bonus {
            above()
        } else {
            number(high)
        },
        clauses = item.clauses.len()
    )
}

/// How a section's points add up; for a bonus or penalty section, which has a cap and
/// not a budget, the most that counts (or that none is set).
fn section_sum(section: &Section, points: &check::Points) -> String {
    let lang = locale::current();
    if section.kind != SectionKind::Regular {
        if section.uncapped.is_some() {
            return tr!(lang, "lsp-hover-cap-none", name = &section.name.node);
        }
        let parts: Vec<String> = section
            .children
            .iter()
            .map(|c| match c {
                Node::Item(i) if i.uncapped.is_some() => {
                    format!("{} {}", i.name.node, tr!(lang, "lsp-hover-no-cap"))
                }
                c => format!("{} {}", c.name().node, number(points.of(c))),
            })
            .collect();
        return tr!(
            lang,
            "lsp-hover-cap",
            name = &section.name.node,
            points = number(points.section(section)),
            parts = parts.join(", ")
        );
    }
    let parts: Vec<&Node> = section
        .children
        .iter()
        .filter(|c| match c {
            Node::Item(_) => true,
            Node::Section(s) => s.kind == SectionKind::Regular,
        })
        .collect();
    let sum: Decimal = parts.iter().map(|c| points.of(c)).sum();
    let list: Vec<String> = parts
        .iter()
        .map(|c| format!("{} {}", c.name().node, number(points.of(c))))
        .collect();
    let (name, points, sum, parts) = (
        &section.name.node,
        number(points.section(section)),
        number(sum),
        list.join(" + "),
    );
    if sum == points {
        tr!(
            lang,
            "lsp-hover-sum",
            name = name,
            points = points,
            sum = sum,
            parts = parts
        )
    } else {
        tr!(
            lang,
            "lsp-hover-sum-off",
            name = name,
            points = points,
            sum = sum,
            parts = parts
        )
    }
}

/// A fact or a member, by the name written at the place.
fn name(placed: &Placed<'_>, occurrence: &Occurrence, text: &str) -> String {
    let lang = locale::current();
    let item = placed.item;
    let fact_named = |name: &str| item.facts.iter().find(|f| f.name.node == name);
    let mut out = match &occurrence.symbol {
        Symbol::Fact(name) => match fact_named(name) {
            Some(fact) => fact_text(fact),
            None => tr!(lang, "lsp-hover-undeclared", name = name),
        },
        Symbol::Member(fact, member) => {
            let mut out = format!(
                "**{}**",
                tr!(lang, "lsp-hover-member", name = member, fact = fact)
            );
            let description = fact_named(fact)
                .and_then(|f| f.ty.node.members())
                .and_then(|ms| ms.iter().find(|m| &m.name.node == member))
                .and_then(|m| m.description.as_ref());
            if let Some(d) = description {
                out.push_str(&format!("\n\n{}", d.node));
            }
            out
        }
    };
    let readers: Vec<String> = readers(item, &occurrence.symbol, text);
    out.push_str("\n\n");
    if readers.is_empty() {
        out.push_str(&tr!(lang, "lsp-hover-no-reader"));
    } else {
        out.push_str(&tr!(lang, "lsp-hover-read-by"));
        out.push_str("\n\n```kaohe-rule\n");
        out.push_str(&readers.join("\n"));
        out.push_str("\n```");
    }
    out
}

/// A fact's type, description and allowed values.
fn fact_text(fact: &FactDecl) -> String {
    let lang = locale::current();
    let mut out = format!(
        "**{}**",
        tr!(
            lang,
            "lsp-hover-fact",
            name = &fact.name.node,
            kind = fact.ty.node.describe()
        )
    );
    if let Some(d) = &fact.description {
        out.push_str(&format!("\n\n{}", d.node));
    }
    if let Some(members) = fact.ty.node.members() {
        let list: Vec<String> = members
            .iter()
            .map(|m| match &m.description {
                Some(d) => format!("`{}` {}", m.name.node, d.node),
                None => format!("`{}`", m.name.node),
            })
            .collect();
        out.push_str(&format!(
            "\n\n{}\n\n- {}",
            tr!(lang, "lsp-hover-members"),
            list.join("\n- ")
        ));
    }
    out
}

/// The statements of an item that read a name, each as written, on one line.
fn readers(item: &Item, symbol: &Symbol, text: &str) -> Vec<String> {
    let reads: Vec<crate::span::Span> = navigation::occurrences(item)
        .into_iter()
        .filter(|o| !o.declaration && &o.symbol == symbol)
        .map(|o| o.span)
        .collect();
    let mut statements: Vec<crate::span::Span> = item.clauses.iter().map(|c| c.span).collect();
    if let Some(c) = &item.applicable_unless {
        statements.push(c.span);
    }
    let mut out = Vec::new();
    for s in statements {
        if reads.iter().any(|r| s.start <= r.start && r.end <= s.end) {
            let line = text[s.start..s.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

/// A text as a Markdown quote, line by line.
fn quote(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| format!("> {}", l.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}
