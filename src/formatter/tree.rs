//! What the formatter learns from pest's parse tree, without knowing any rule by name
//! (except the entry rule `file`), so that constructs added to the grammar are laid
//! out with no change here.
//!
//! - **Leaves**: the pairs with no inner pair are the tokens the parser read (`x`,
//!   `<`, `10`, a bare name). A word such as `x<10` holds three of them, and the
//!   formatter may put spaces between them; a bare name such as `甲(乙)` is one leaf
//!   and is never cut.
//! - **Statements**: a pair that holds a `{ … }` of its own (a section, an item, a
//!   list of members) has its children between the braces as statements; the children
//!   of the file are statements too. A line that starts a statement is indented to its
//!   block; any other line continues the statement above and is indented further.
//! - **Lists**: a brace group whose statements are separated by `,` or `、` is a list,
//!   and its line breaks are the author's; in any other group each statement starts
//!   its own line.

use std::collections::{HashMap, HashSet};

use pest::iterators::Pair;
use pest::Parser as _;

use super::lex::{Kind, Token};
use crate::syntax::{Rule, RuleParser};

/// How the statements of a brace group are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// Statements separated by whitespace: each starts its own line when the group
    /// spans lines.
    Statements,
    /// Members separated by `,` or `、`: the author's line breaks are kept.
    List,
}

/// The parse tree's view of a source text.
#[derive(Debug, Default)]
pub struct Tree {
    /// The byte ranges of the leaves, in source order.
    pub leaves: Vec<(usize, usize)>,
    /// The byte offsets at which statements start.
    pub statement_starts: HashSet<usize>,
    /// The kind of each brace group, by the byte offset of its `{`.
    pub groups: HashMap<usize, GroupKind>,
}

/// Analyses a text that `crate::syntax::parse` has accepted; `None` if pest refuses
/// it, which cannot happen for such a text.
pub fn analyse(text: &str, tokens: &[Token]) -> Option<Tree> {
    let mut pairs = RuleParser::parse(Rule::file, text).ok()?;
    let root = pairs.next()?;
    let mut tree = Tree::default();
    for child in root.clone().into_inner() {
        let span = child.as_span();
        if span.start() < span.end() {
            tree.statement_starts.insert(span.start());
        }
    }
    let opens: Vec<usize> = tokens
        .iter()
        .filter(|t| t.kind == Kind::Open)
        .map(|t| t.start)
        .collect();
    let closes = matching_closes(tokens);
    for pair in root.into_inner().flatten() {
        let span = pair.as_span();
        let children: Vec<(usize, usize)> = pair
            .clone()
            .into_inner()
            .map(|c| (c.as_span().start(), c.as_span().end()))
            .collect();
        if children.is_empty() {
            if span.start() < span.end() {
                tree.leaves.push((span.start(), span.end()));
            }
            continue;
        }
        groups_of(&pair, &children, &opens, &closes, text, &mut tree);
    }
    Some(tree)
}

/// For each `{` token, the byte offset of the `}` that closes it.
fn matching_closes(tokens: &[Token]) -> HashMap<usize, usize> {
    let mut out = HashMap::new();
    let mut stack = Vec::new();
    for t in tokens {
        match t.kind {
            Kind::Open => stack.push(t.start),
            Kind::Close => {
                if let Some(open) = stack.pop() {
                    out.insert(open, t.start);
                }
            }
            _ => {}
        }
    }
    out
}

/// Records the brace groups that `pair` holds itself (in the text between its
/// children), their statements, and whether each is a list.
fn groups_of(
    pair: &Pair<'_, Rule>,
    children: &[(usize, usize)],
    opens: &[usize],
    closes: &HashMap<usize, usize>,
    text: &str,
    tree: &mut Tree,
) {
    let span = pair.as_span();
    let mut gaps = Vec::with_capacity(children.len() + 1);
    let mut at = span.start();
    for &(start, end) in children {
        gaps.push((at, start));
        at = at.max(end);
    }
    gaps.push((at, span.end()));
    for (from, to) in gaps {
        let first = opens.partition_point(|&o| o < from);
        for &open in opens[first..].iter().take_while(|&&o| o < to) {
            let Some(&close) = closes.get(&open) else {
                continue;
            };
            let inside: Vec<(usize, usize)> = children
                .iter()
                .copied()
                .filter(|&(s, _)| s > open && s < close)
                .collect();
            let is_list = inside
                .windows(2)
                .any(|w| has_separator(&text[w[0].1.min(w[1].0)..w[1].0]));
            for &(s, _) in &inside {
                tree.statement_starts.insert(s);
            }
            tree.groups.insert(
                open,
                if is_list {
                    GroupKind::List
                } else {
                    GroupKind::Statements
                },
            );
        }
    }
}

/// Whether the text between two statements holds a list separator outside comments.
fn has_separator(between: &str) -> bool {
    let mut in_comment = false;
    for c in between.chars() {
        match c {
            '#' => in_comment = true,
            '\r' | '\n' => in_comment = false,
            ',' | '、' if !in_comment => return true,
            _ => {}
        }
    }
    false
}
