//! Lowering: the syntax tree of a rubric without errors → the [`crate::model`] that
//! evaluation reads.
//!
//! Every fact of every item is numbered in the order of the file ([`FactId`]), and
//! every reference to a fact, in a clause or a condition, resolved to that number (and
//! to the member's place in the fact's list when it names one). This runs last, on a
//! rubric without errors: every name a clause or condition uses is then declared in
//! its item, and every member named is in its fact's list; a name that is not (which
//! the checks rule out) leaves no model.

use super::weights::Points;
use crate::model::{self, FactId, MemberId};
use crate::span::Spanned;
use crate::syntax::ast;

/// The model of the nodes, and how many facts they declare; `None` if a reference does
/// not resolve.
/// `reach` holds what the checker worked out for every item, in the order of the file;
/// `points` every part's points, weights worked out: the model's sections and items
/// carry those.
pub fn nodes(
    nodes: &[ast::Node],
    reach: &[model::Reach],
    points: &Points,
) -> Option<(Vec<model::Node>, usize)> {
    let mut next = Next {
        fact: 0,
        item: 0,
        reach,
        points,
        pooled: false,
    };
    let lowered = nodes
        .iter()
        .map(|n| node(n, &mut next))
        .collect::<Option<_>>()?;
    Some((lowered, next.fact))
}

/// Where lowering stands: the number of the next fact, and of the next item.
struct Next<'a> {
    fact: usize,
    item: usize,
    reach: &'a [model::Reach],
    points: &'a Points,
    /// Whether the node being lowered stands in a `pooled` section.
    pooled: bool,
}

fn node(node: &ast::Node, next: &mut Next<'_>) -> Option<model::Node> {
    Some(match node {
        ast::Node::Section(s) => {
            let outer = next.pooled;
            next.pooled = outer || s.pooled.is_some();
            let children = s
                .children
                .iter()
                .map(|c| self::node(c, next))
                .collect::<Option<_>>();
            next.pooled = outer;
            model::Node::Section(model::Section {
                kind: s.kind,
                name: s.name.clone(),
                points: Spanned::new(next.points.section(s), s.points.span),
                weight: s.weight,
                pooled: s.pooled.is_some(),
                uncapped: s.uncapped.is_some(),
                texts: s.texts.clone(),
                notes: s.notes.clone(),
                children: children?,
                span: s.span,
            })
        }
        ast::Node::Item(i) => model::Node::Item(item(i, next)?),
    })
}

fn item(item: &ast::Item, next: &mut Next<'_>) -> Option<model::Item> {
    let reach = next.reach.get(next.item).copied().unwrap_or_default();
    next.item += 1;
    let facts: Vec<model::FactDecl> = item
        .facts
        .iter()
        .map(|d| {
            let id = FactId(next.fact);
            next.fact += 1;
            model::FactDecl {
                id,
                name: d.name.clone(),
                ty: d.ty.clone(),
                description: d.description.clone(),
                default: d.default.clone(),
                span: d.span,
            }
        })
        .collect();
    let scope = Scope { facts: &facts };
    Some(model::Item {
        applicable_unless: match &item.applicable_unless {
            Some(c) => Some(scope.condition(c)?),
            None => None,
        },
        clauses: item
            .clauses
            .iter()
            .map(|c| scope.clause(c))
            .collect::<Option<_>>()?,
        name: item.name.clone(),
        points: Spanned::new(next.points.item(item), item.points.span),
        weight: item.weight,
        texts: item.texts.clone(),
        notes: item.notes.clone(),
        start: item.start.clone(),
        span: item.span,
        facts,
        reach,
        pooled: next.pooled,
        uncapped: item.uncapped.is_some(),
    })
}

/// The facts of one item, which its clauses and conditions name.
struct Scope<'a> {
    facts: &'a [model::FactDecl],
}

impl Scope<'_> {
    fn clause(&self, c: &ast::Clause) -> Option<model::Clause> {
        let kind = match &c.kind {
            ast::ClauseKind::If(cond) => model::ClauseKind::If(self.condition(cond)?),
            ast::ClauseKind::Give { condition, fact } => model::ClauseKind::Give {
                condition: match condition {
                    Some(c) => Some(self.condition(c)?),
                    None => None,
                },
                fact: self.path(fact)?,
            },
            ast::ClauseKind::Per { fact, except, over } => model::ClauseKind::Per {
                fact: self.path(fact)?,
                except: except.clone(),
                excepted: self.members(fact, except)?,
                over: over.clone(),
            },
            ast::ClauseKind::Missing { fact, except } => model::ClauseKind::Missing {
                fact: self.path(fact)?,
                except: except.clone(),
                excepted: self.members(fact, except)?,
            },
            ast::ClauseKind::Deadline {
                fact,
                by,
                never,
                more,
            } => model::ClauseKind::Deadline {
                fact: self.path(fact)?,
                by: by.clone(),
                never: never.clone(),
                more: more
                    .iter()
                    .map(|p| self.path(p))
                    .collect::<Option<Vec<_>>>()?,
            },
            ast::ClauseKind::Quantity { quantity, step } => model::ClauseKind::Quantity {
                quantity: quantity.try_map(&mut |o| self.operand(o))?,
                step: step.clone(),
            },
        };
        Some(model::Clause {
            kind,
            effect: c.effect.clone(),
            floor: c.floor.clone(),
            max: c.max.clone(),
            unless: match &c.unless {
                Some(u) => Some(self.condition(u)?),
                None => None,
            },
            span: c.span,
        })
    }

    fn condition(&self, cond: &ast::Condition) -> Option<model::Condition> {
        // Conditions nest no deeper than the parser allows (`syntax::depth`).
        let kind = match &cond.kind {
            ast::ConditionKind::Fact(p) => model::ConditionKind::Fact(self.path(p)?),
            ast::ConditionKind::Not(inner) => {
                model::ConditionKind::Not(Box::new(self.condition(inner)?))
            }
            ast::ConditionKind::And(parts) => model::ConditionKind::And(self.all(parts)?),
            ast::ConditionKind::Or(parts) => model::ConditionKind::Or(self.all(parts)?),
            ast::ConditionKind::Compare { left, op, right } => model::ConditionKind::Compare {
                left: self.operand(left)?,
                op: op.clone(),
                right: self.operand(right)?,
            },
        };
        Some(model::Condition {
            kind,
            span: cond.span,
        })
    }

    fn all(&self, parts: &[ast::Condition]) -> Option<Vec<model::Condition>> {
        parts.iter().map(|p| self.condition(p)).collect()
    }

    fn operand(&self, o: &ast::Operand) -> Option<model::Operand> {
        Some(match o {
            ast::Operand::Fact(p) => model::Operand::Fact(self.path(p)?),
            ast::Operand::Literal(l) => model::Operand::Literal(l.clone()),
            ast::Operand::Periods { fact, over, span } => model::Operand::Periods {
                fact: self.path(fact)?,
                over: over.clone(),
                span: *span,
            },
            ast::Operand::Arith(a) => {
                model::Operand::Arith(Box::new(a.try_map(&mut |o| self.operand(o))?))
            }
        })
    }

    fn decl(&self, p: &ast::FactPath) -> Option<&model::FactDecl> {
        self.facts.iter().find(|d| d.name.node == p.fact.node)
    }

    /// The member of this name in the list of the fact declared as `decl`.
    fn member(decl: &model::FactDecl, name: &str) -> Option<MemberId> {
        let list = decl.ty.node.members()?;
        list.iter().position(|x| x.name.node == name).map(MemberId)
    }

    /// The members after an `except`, each by its place in the fact's list.
    fn members(
        &self,
        fact: &ast::FactPath,
        except: &[crate::span::Spanned<String>],
    ) -> Option<Vec<MemberId>> {
        if except.is_empty() {
            return Some(Vec::new());
        }
        let decl = self.decl(fact)?;
        except
            .iter()
            .map(|e| Scope::member(decl, &e.node))
            .collect()
    }

    fn path(&self, p: &ast::FactPath) -> Option<model::FactPath> {
        let decl = self.decl(p)?;
        let member_id = match &p.member {
            Some(m) => Some(Scope::member(decl, &m.node)?),
            None => None,
        };
        Some(model::FactPath {
            id: decl.id,
            member_id,
            fact: p.fact.clone(),
            member: p.member.clone(),
            span: p.span,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{self, ClauseKind, ConditionKind, FactId, MemberId, Operand};
    use crate::source::SourceFile;

    #[test]
    fn facts_are_numbered_across_the_rubric_and_references_resolved() {
        let text = "rubric 表\ntotal 6\nsection 甲 6 {\n  item 乙 2 {\n    fact 甲 bool \"甲\"\n    fact 乙 tally {省, 市} \"乙\"\n    if 甲 and 乙[市] > 1 -1\n    per 乙[省] -1 floor 0\n  }\n  item 丙 2 {\n    fact 甲 count \"同名\"\n    per 甲 -1 floor 0 unless 甲 < 1\n  }\n  item 丁 2 {\n    fact 形式 set {图解, 视频, 动漫} \"形式\"\n    missing 形式 except {动漫, 图解} -1 floor 0\n  }\n}\n";
        let checked = crate::check::compile(&SourceFile::new("t.rule", text));
        let rubric = checked.rubric.expect("checks");
        assert_eq!(rubric.slots, 4);
        let items = model::items(&rubric.nodes);
        let ids: Vec<Vec<FactId>> = items
            .iter()
            .map(|i| i.facts.iter().map(|f| f.id).collect())
            .collect();
        assert_eq!(
            ids,
            [vec![FactId(0), FactId(1)], vec![FactId(2)], vec![FactId(3)]]
        );
        let ClauseKind::If(cond) = &items[0].clauses[0].kind else {
            panic!("an `if`");
        };
        let ConditionKind::And(parts) = &cond.kind else {
            panic!("an `and`");
        };
        let ConditionKind::Fact(first) = &parts[0].kind else {
            panic!("a fact");
        };
        assert_eq!((first.id, first.member_id), (FactId(0), None));
        let ConditionKind::Compare {
            left: Operand::Fact(tally),
            ..
        } = &parts[1].kind
        else {
            panic!("a comparison");
        };
        assert_eq!((tally.id, tally.member_id), (FactId(1), Some(MemberId(1))));
        let ClauseKind::Per { fact, .. } = &items[0].clauses[1].kind else {
            panic!("a `per`");
        };
        assert_eq!((fact.id, fact.member_id), (FactId(1), Some(MemberId(0))));
        let ClauseKind::Missing { excepted, .. } = &items[2].clauses[0].kind else {
            panic!("a `missing`");
        };
        assert_eq!(excepted, &[MemberId(2), MemberId(0)]);
        // The same name in another item is that item's own fact.
        let ClauseKind::Per { fact, .. } = &items[1].clauses[0].kind else {
            panic!("a `per`");
        };
        assert_eq!(fact.id, FactId(2));
        let unless = items[1].clauses[0].unless.as_ref().expect("an unless");
        let ConditionKind::Compare {
            left: Operand::Fact(left),
            ..
        } = &unless.kind
        else {
            panic!("a comparison");
        };
        assert_eq!(left.id, FactId(2));
    }
}
