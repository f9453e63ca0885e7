//! [`SameAs`] for every type of the syntax tree: each struct's fields are taken apart
//! without `..` and each enum matched on every variant, so a field or variant added to
//! the tree does not compile until it is compared here too.

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::same::SameAs;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;

impl SameAs for Span {
    fn same_as(&self, _: &Self) -> bool {
        true
    }
}

impl<T: SameAs> SameAs for Spanned<T> {
    fn same_as(&self, other: &Self) -> bool {
        self.node.same_as(&other.node)
    }
}

impl<T: SameAs> SameAs for Option<T> {
    fn same_as(&self, other: &Self) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => a.same_as(b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl<T: SameAs> SameAs for [T] {
    fn same_as(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a.same_as(b))
    }
}

impl<T: SameAs> SameAs for Vec<T> {
    fn same_as(&self, other: &Self) -> bool {
        self.as_slice().same_as(other.as_slice())
    }
}

impl<T: SameAs + ?Sized> SameAs for Box<T> {
    fn same_as(&self, other: &Self) -> bool {
        (**self).same_as(&**other)
    }
}

impl<T: SameAs + ?Sized> SameAs for Arc<T> {
    fn same_as(&self, other: &Self) -> bool {
        (**self).same_as(&**other)
    }
}

/// Leaves without spans: the same when equal.
macro_rules! by_equality {
    ($($t:ty),* $(,)?) => {
        $(impl SameAs for $t {
            fn same_as(&self, other: &Self) -> bool {
                self == other
            }
        })*
    };
}

by_equality!(
    String,
    Decimal,
    NaiveDate,
    bool,
    i32,
    u32,
    u64,
    RoundingMode,
    SectionKind,
    Effect,
    PercentBase,
    DayUnit,
    CompareOp,
    Literal,
    ColumnRole,
);

/// A struct: every field compared, none left out.
macro_rules! by_fields {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl SameAs for $t {
            fn same_as(&self, other: &Self) -> bool {
                let $t { $($field),* } = self;
                true $(&& $field.same_as(&other.$field))*
            }
        }
    };
}

by_fields!(File { settings, nodes });
by_fields!(Setting {
    kind,
    span,
    keyword
});
by_fields!(Section {
    kind,
    name,
    points,
    weight,
    pooled,
    uncapped,
    texts,
    notes,
    children,
    span,
});
by_fields!(Item {
    name,
    points,
    weight,
    uncapped,
    texts,
    notes,
    facts,
    start,
    applicable_unless,
    clauses,
    allows,
    span,
});
by_fields!(FactDecl {
    name,
    ty,
    description,
    default,
    span,
});
by_fields!(Member { name, description });
by_fields!(Clause {
    kind,
    effect,
    floor,
    max,
    unless,
    span,
});
by_fields!(FactPath { fact, member, span });
by_fields!(Over { count, unit, span });
by_fields!(Condition { kind, span });

by_fields!(ColumnDecl {
    role,
    heading,
    percent,
    span
});

by_fields!(MethodDecl { name, weight, span });

impl SameAs for SettingKind {
    fn same_as(&self, other: &Self) -> bool {
        use SettingKind as K;
        match self {
            K::Rubric(a) => matches!(other, K::Rubric(b) if a.same_as(b)),
            K::Source(a) => matches!(other, K::Source(b) if a.same_as(b)),
            K::Total {
                points,
                max,
                no_min,
            } => matches!(
                other,
                K::Total { points: p, max: m, no_min: n }
                    if points.same_as(p) && max.same_as(m) && no_min.same_as(n)
            ),
            K::Year(a) => matches!(other, K::Year(b) if a.same_as(b)),
            K::Round { places, mode } => matches!(
                other,
                K::Round { places: p, mode: m } if places.same_as(p) && mode.same_as(m)
            ),
            K::Calendar(a) => matches!(other, K::Calendar(b) if a.same_as(b)),
            K::Draft => matches!(other, K::Draft),
            K::Columns(a) => matches!(other, K::Columns(b) if a.same_as(b)),
            K::Methods(a) => matches!(other, K::Methods(b) if a.same_as(b)),
        }
    }
}

impl SameAs for CalendarRef {
    fn same_as(&self, other: &Self) -> bool {
        match self {
            CalendarRef::Builtin(a) => matches!(other, CalendarRef::Builtin(b) if a.same_as(b)),
            CalendarRef::File(a) => matches!(other, CalendarRef::File(b) if a.same_as(b)),
        }
    }
}

impl SameAs for Node {
    fn same_as(&self, other: &Self) -> bool {
        match self {
            Node::Section(a) => matches!(other, Node::Section(b) if a.same_as(b)),
            Node::Item(a) => matches!(other, Node::Item(b) if a.same_as(b)),
        }
    }
}

impl SameAs for FactType {
    fn same_as(&self, other: &Self) -> bool {
        use FactType as T;
        match self {
            T::Bool => matches!(other, T::Bool),
            T::Count { max } => matches!(other, T::Count { max: m } if max.same_as(m)),
            T::Percent { max } => matches!(other, T::Percent { max: m } if max.same_as(m)),
            T::Number { max } => matches!(other, T::Number { max: m } if max.same_as(m)),
            T::Date => matches!(other, T::Date),
            T::Dates => matches!(other, T::Dates),
            T::Set(a) => matches!(other, T::Set(b) if a.same_as(b)),
            T::Tally(a) => matches!(other, T::Tally(b) if a.same_as(b)),
            T::Periods { from, to } => matches!(
                other,
                T::Periods { from: f, to: t } if from.same_as(f) && to.same_as(t)
            ),
            T::Discretion { max } => matches!(other, T::Discretion { max: m } if max.same_as(m)),
        }
    }
}

impl SameAs for ClauseKind {
    fn same_as(&self, other: &Self) -> bool {
        use ClauseKind as K;
        match self {
            K::If(a) => matches!(other, K::If(b) if a.same_as(b)),
            K::Per { fact, except, over } => matches!(
                other,
                K::Per { fact: f, except: e, over: o }
                    if fact.same_as(f) && except.same_as(e) && over.same_as(o)
            ),
            K::Missing { fact, except } => matches!(
                other,
                K::Missing { fact: f, except: e } if fact.same_as(f) && except.same_as(e)
            ),
            K::Give { condition, fact } => matches!(
                other,
                K::Give { condition: c, fact: f } if condition.same_as(c) && fact.same_as(f)
            ),
            K::Deadline {
                fact,
                by,
                never,
                more,
            } => matches!(
                other,
                K::Deadline { fact: f, by: b, never: n, more: m }
                    if fact.same_as(f) && by.same_as(b) && never.same_as(n) && more.same_as(m)
            ),
            K::Quantity { quantity, step } => matches!(
                other,
                K::Quantity { quantity: q, step: s } if quantity.same_as(q) && step.same_as(s)
            ),
        }
    }
}

impl SameAs for ConditionKind {
    fn same_as(&self, other: &Self) -> bool {
        use ConditionKind as K;
        match self {
            K::Fact(a) => matches!(other, K::Fact(b) if a.same_as(b)),
            K::Not(a) => matches!(other, K::Not(b) if a.same_as(b)),
            K::And(a) => matches!(other, K::And(b) if a.same_as(b)),
            K::Or(a) => matches!(other, K::Or(b) if a.same_as(b)),
            K::Compare { left, op, right } => matches!(
                other,
                K::Compare { left: l, op: o, right: r }
                    if left.same_as(l) && op.same_as(o) && right.same_as(r)
            ),
        }
    }
}

impl SameAs for Operand {
    fn same_as(&self, other: &Self) -> bool {
        match self {
            Operand::Fact(a) => matches!(other, Operand::Fact(b) if a.same_as(b)),
            Operand::Literal(a) => matches!(other, Operand::Literal(b) if a.same_as(b)),
            Operand::Periods { fact, over, span } => matches!(
                other,
                Operand::Periods { fact: f, over: o, span: s }
                    if fact.same_as(f) && over.same_as(o) && span.same_as(s)
            ),
            Operand::Arith(a) => matches!(other, Operand::Arith(b) if a.same_as(b)),
        }
    }
}

impl<L: SameAs> SameAs for Arith<L> {
    fn same_as(&self, other: &Self) -> bool {
        self.span.same_as(&other.span)
            && match (&self.kind, &other.kind) {
                (ArithKind::Leaf(a), ArithKind::Leaf(b)) => a.same_as(b),
                (
                    ArithKind::Binary { op, left, right },
                    ArithKind::Binary {
                        op: o,
                        left: l,
                        right: r,
                    },
                ) => op.same_as(o) && left.same_as(l) && right.same_as(r),
                _ => false,
            }
    }
}

impl SameAs for ArithOp {
    fn same_as(&self, other: &Self) -> bool {
        self == other
    }
}
