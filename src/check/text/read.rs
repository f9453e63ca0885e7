//! The numbers and dates of a criterion text, read where the text says what they are:
//! 扣N分, 得N分 / 加N分, 不得分, 扣N%, 最多得N分 / 最高不超过N分, 少于N次, N个工作日,
//! YYYY年M月D日前 (or M月D日前). Spaces inside (`扣 2 分`, `2020 年 3 月 31 日前`) and
//! full-width digits are read through; each mention keeps the place in the rule file it
//! was read from.

use rust_decimal::Decimal;

use crate::span::Span;

/// What a mention of the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// 扣N分: N points taken.
    Takes(Decimal),
    /// 得N分, 加N分: N points given.
    Gives(Decimal),
    /// 最多得N分, 最高不超过N分, 最多扣N分, 最多倒扣N分: at most N points.
    AtMost(Decimal),
    /// 不得分.
    Zero,
    /// 扣N%.
    Percent(Decimal),
    /// 少于N次, 低于N次, 不足N次.
    FewerThan(Decimal),
    /// N个工作日.
    Workdays(u32),
    /// YYYY年M月D日前, or M月D日前 (the year then unknown).
    Before(Option<i32>, u32, u32),
}

/// One mention, with where the rule file has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub said: Said,
    pub span: Span,
}

/// Every mention in `raw`, the text as the rule file writes it, beginning at byte
/// `base` of the file.
pub fn mentions(raw: &str, base: usize) -> Vec<Mention> {
    // The characters other than spaces, each with its byte offset in the file; the
    // full-width digits read as ASCII ones.
    let chars: Vec<(char, usize, usize)> = raw
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| {
            let ascii = match c {
                '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '．' => '.',
                '％' => '%',
                _ => c,
            };
            (ascii, base + i, base + i + c.len_utf8())
        })
        .collect();
    let text: Vec<char> = chars.iter().map(|c| c.0).collect();
    let at = |i: usize| text.get(i).copied();
    let before = |i: usize, word: &str| -> bool {
        let w: Vec<char> = word.chars().collect();
        i >= w.len() && text[i - w.len()..i] == w[..]
    };
    let after = |i: usize, word: &str| -> bool {
        let w: Vec<char> = word.chars().collect();
        text.len() >= i + w.len() && text[i..i + w.len()] == w[..]
    };
    let span = |from: usize, to: usize| Span::new(chars[from].1, chars[to - 1].2);
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if after(i, "不得分") {
            out.push(Mention {
                said: Said::Zero,
                span: span(i, i + 3),
            });
            i += 3;
            continue;
        }
        if !at(i).is_some_and(|c| c.is_ascii_digit()) || (i > 0 && text[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        // A number: digits, and a fraction.
        let start = i;
        let mut end = i;
        while at(end).is_some_and(|c| c.is_ascii_digit()) {
            end += 1;
        }
        if at(end) == Some('.') && at(end + 1).is_some_and(|c| c.is_ascii_digit()) {
            end += 1;
            while at(end).is_some_and(|c| c.is_ascii_digit()) {
                end += 1;
            }
        }
        let digits: String = text[start..end].iter().collect();
        let Ok(n) = digits.parse::<Decimal>() else {
            i = end;
            continue;
        };
        if let Some((date, to)) = date_at(&text, start) {
            out.push(Mention {
                said: date,
                span: span(start, to),
            });
            i = to;
            continue;
        }
        let said = if after(end, "分")
            && (before(start, "最多得")
                || before(start, "最高得")
                || before(start, "不超过")
                || before(start, "最多加")
                || before(start, "最多扣")
                || before(start, "最多倒扣"))
        {
            Some(Said::AtMost(n))
        } else if after(end, "分") && (before(start, "扣") || before(start, "扣除")) {
            Some(Said::Takes(n))
        } else if after(end, "分") && (before(start, "得") || before(start, "加")) {
            Some(Said::Gives(n))
        } else if after(end, "%") && (before(start, "扣") || before(start, "扣除")) {
            Some(Said::Percent(n))
        } else if after(end, "次")
            && (before(start, "少于") || before(start, "低于") || before(start, "不足"))
        {
            Some(Said::FewerThan(n))
        } else if after(end, "个工作日") {
            digits.parse::<u32>().ok().map(Said::Workdays)
        } else {
            None
        };
        if let Some(said) = said {
            let from = [
                "最多倒扣",
                "最多得",
                "最高得",
                "不超过",
                "最多加",
                "最多扣",
                "扣除",
                "少于",
                "低于",
                "不足",
                "扣",
                "得",
                "加",
            ]
            .iter()
            .find(|w| before(start, w))
            .map_or(start, |w| start - w.chars().count());
            let tail = match said {
                Said::Workdays(_) => 4,
                _ => 1,
            };
            out.push(Mention {
                said,
                span: span(from, end + tail),
            });
        }
        i = end;
    }
    out
}

/// A date beginning at `i`: `YYYY年M月D日前` or `M月D日前`, and the index past it.
fn date_at(text: &[char], i: usize) -> Option<(Said, usize)> {
    let number = |from: usize| -> Option<(u32, usize)> {
        let mut end = from;
        while text.get(end).is_some_and(|c| c.is_ascii_digit()) {
            end += 1;
        }
        let digits: String = text[from..end].iter().collect();
        digits.parse().ok().map(|n| (n, end))
    };
    let (first, end) = number(i)?;
    let (year, month_start) = if text.get(end) == Some(&'年') {
        (Some(first as i32), end + 1)
    } else {
        (None, i)
    };
    let (month, end) = number(month_start)?;
    if text.get(end) != Some(&'月') {
        return None;
    }
    let (day, end) = number(end + 1)?;
    if text.get(end) != Some(&'日') || text.get(end + 1) != Some(&'前') {
        return None;
    }
    Some((Said::Before(year, month, day), end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> Vec<Said> {
        mentions(text, 0).into_iter().map(|m| m.said).collect()
    }

    #[test]
    fn the_forms_of_the_tables_are_read() {
        let d = |n: i64| Decimal::from(n);
        assert_eq!(said("未提供征集有效期, 扣 1 分;"), [Said::Takes(d(1))]);
        assert_eq!(
            said("少于10次,不得分"),
            [Said::FewerThan(d(10)), Said::Zero]
        );
        assert_eq!(
            said("未在 2020 年 3 月 31 日前公开 2019 年完成情况,扣 2 分。"),
            [Said::Before(Some(2020), 3, 31), Said::Takes(d(2))]
        );
        assert_eq!(said("12月30日前"), [Said::Before(None, 12, 30)]);
        assert_eq!(
            said("每个得1分,最多得６分"),
            [Said::Gives(d(1)), Said::AtMost(d(6))]
        );
        assert_eq!(said("超过20个工作日"), [Said::Workdays(20)]);
        assert_eq!(said("扣50%"), [Said::Percent(d(50))]);
        assert_eq!(said("最高不超过3分"), [Said::AtMost(d(3))]);
        assert_eq!(
            said("每起倒扣3分,最多倒扣5分"),
            [Said::Takes(d(3)), Said::AtMost(d(5))]
        );
    }

    #[test]
    fn each_mention_keeps_its_place() {
        let text = "x扣 2 分y";
        let m = mentions(text, 10);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].span.start - 10..m[0].span.end - 10], "扣 2 分");
    }
}
