//! `methods { 网上考核 80%, 现场考核 20% }`: two methods or more, each named once, each
//! weighing more than 0, their weights adding up to 100% exactly. Each problem is
//! `kaohe::rubric::methods`.

use rust_decimal::Decimal;

use super::problem::CheckError;
use crate::diagnostic::Diagnostic;
use crate::model::Method;
use crate::span::Span;
use crate::syntax::ast::MethodDecl;

/// The methods, when they are right; every problem is added to `out`.
pub fn check(at: Span, methods: &[MethodDecl], out: &mut Vec<Diagnostic>) -> Vec<Method> {
    let before = out.len();
    if methods.len() < 2 {
        out.push(CheckError::MethodsOne { span: at }.into());
    }
    for (n, m) in methods.iter().enumerate() {
        if let Some(first) = methods[..n].iter().find(|f| f.name.node == m.name.node) {
            out.push(
                CheckError::MethodsTwice {
                    span: m.name.span,
                    first: first.name.span,
                    name: m.name.node.clone(),
                }
                .into(),
            );
        }
        if m.weight.node <= Decimal::ZERO {
            out.push(
                CheckError::MethodsZero {
                    span: m.weight.span,
                    name: m.name.node.clone(),
                }
                .into(),
            );
        }
    }
    let sum: Decimal = methods.iter().map(|m| m.weight.node).sum();
    if !methods.is_empty() && sum != Decimal::ONE_HUNDRED {
        out.push(CheckError::MethodsSum { span: at, sum }.into());
    }
    if out.len() > before {
        return Vec::new();
    }
    methods
        .iter()
        .map(|m| Method {
            name: m.name.node.clone(),
            weight: m.weight.node,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::codes;

    fn checked(methods: &str) -> crate::check::Checked {
        let text = format!(
            "rubric t\ntotal 4\nmethods {{ {methods} }}\nitem 乙 4 {{\n  fact 丙 bool\n  \
             if 丙 zero\n}}\n"
        );
        crate::check::compile(&crate::source::SourceFile::new("t.rule", text.as_str()))
    }

    #[test]
    fn methods_that_add_up_are_the_rubrics() {
        let c = checked("网上考核 80%, 现场考核 20%");
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
        let methods = c.rubric.unwrap().methods;
        assert_eq!(methods.len(), 2);
        assert_eq!(methods[0].name, "网上考核");
        assert_eq!(methods[1].weight, rust_decimal::Decimal::from(20));
    }

    #[test]
    fn wrong_methods_are_errors() {
        for wrong in [
            "网上考核 100%",
            "网上考核 80%, 现场考核 30%",
            "网上考核 80%, 网上考核 20%",
            "网上考核 100%, 现场考核 0%",
        ] {
            let c = checked(wrong);
            assert!(
                c.diagnostics.iter().any(|d| d.code == codes::METHODS),
                "{wrong}"
            );
            assert!(c.rubric.is_none(), "{wrong}");
        }
    }
}
