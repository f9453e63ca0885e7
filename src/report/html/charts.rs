//! The charts of the HTML reports as inline SVG, drawn with plotters' SVG backend:
//! horizontal bars (the totals, the items where most units lost points, each unit's
//! score under two rubrics) and a heat map (units × 一级指标).
//!
//! plotters writes every text it is given as XML-escaped character data; kaohe hands it
//! names with their hidden characters made visible ([`crate::safe::visible`]) and cut to
//! a label's length, so that a unit's name can neither add markup to the SVG nor turn
//! the text around it. The SVG holds rectangles, lines and text: no script, no link.
//! Scores are exact decimals: the numbers written on a chart are their decimal texts;
//! only the lengths of the bars go through floating point.

use plotters::coord::combinators::{BindKeyPoints, WithKeyPoints};
use plotters::coord::types::RangedCoordu32;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use unicode_width::UnicodeWidthStr;

/// The font the SVG names; the page's style sheet gives the CJK fonts to use first.
const FONT: &str = "sans-serif";
/// The height of a bar's row, in pixels.
const ROW: u32 = 22;
/// The longest label, in characters, before it is cut with `…`.
const LABEL_CHARS: usize = 16;

/// A label for a chart: hidden characters made visible, cut to [`LABEL_CHARS`].
pub(crate) fn label(text: &str) -> String {
    let visible = crate::safe::visible(text);
    if visible.chars().count() <= LABEL_CHARS {
        return visible.into_owned();
    }
    let mut cut: String = visible.chars().take(LABEL_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// The width in pixels of a label area holding `labels` at 13 px (a CJK character is
/// two columns, about 13 px).
fn label_width(labels: &[String]) -> u32 {
    let columns = labels.iter().map(|l| l.width()).max().unwrap_or(0) as u32;
    (columns * 7 + 16).clamp(40, 260)
}

/// `text` cut to at most `columns` columns (a CJK character is two), with `…` at its
/// end when it was cut.
fn fit(text: &str, columns: usize) -> String {
    if text.width() <= columns {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > columns {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// A decimal as a length on a chart.
fn length(d: Decimal) -> f64 {
    d.to_f64().unwrap_or_default()
}

/// One bar of a horizontal bar chart: its label, its length and the text at its end.
pub(crate) struct Bar {
    pub label: String,
    pub value: Decimal,
    pub text: String,
}

/// One row of a chart of paired bars: a label and two values with their texts.
pub(crate) struct Pair {
    pub label: String,
    pub values: [Option<Decimal>; 2],
}

/// The colours of the bars: the first series, the second, and the lost points.
const BLUE: RGBColor = RGBColor(0x3b, 0x6e, 0xa8);
const ORANGE: RGBColor = RGBColor(0xe0, 0x8a, 0x2c);
const RED: RGBColor = RGBColor(0xc0, 0x39, 0x2b);
const GREY: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);

fn failed<E: std::error::Error>(e: E) -> String {
    e.to_string()
}

/// An axis of `n` rows (or columns), two steps each, whose ticks are their middles:
/// row `i` spans `2i..2i + 2` and is labelled at `2i + 1`, in whole numbers, which
/// plotters' axes label without a float's rounding.
fn segments(n: u32) -> WithKeyPoints<RangedCoordu32> {
    let n = n.max(1);
    (0..2 * n).with_key_points((0..n).map(|i| 2 * i + 1).collect())
}

/// The row (or column) an axis' tick stands for.
fn row_of(v: u32) -> u32 {
    v / 2
}

/// Where row `i` begins, ends and has its middle on its axis.
fn start(i: u32) -> u32 {
    2 * i
}
fn end(i: u32) -> u32 {
    2 * i + 2
}
fn middle(i: u32) -> u32 {
    2 * i + 1
}

/// A tick of an axis of scores or counts: whole numbers only.
fn tick(v: &f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

/// The width of a chart, in pixels: about the width of the page's text, so that the
/// chart's text is printed at about the size it is drawn.
const WIDTH: u32 = 720;

/// Horizontal bars, the first at the top, on an axis from 0 to `max`, titled `axis`.
pub(crate) fn bars(
    bars: &[Bar],
    max: Decimal,
    axis: &str,
    ticks: usize,
    red: bool,
) -> Result<String, String> {
    let n = bars.len() as u32;
    let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
    let label_area = label_width(&labels);
    let (width, height) = (WIDTH, 70 + ROW * n.max(1));
    let max = length(max).max(1.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .margin_right(if red { 150 } else { 60 })
            .x_label_area_size(36)
            .y_label_area_size(label_area)
            .build_cartesian_2d(0f64..max, segments(n))
            .map_err(failed)?;
        let name = |v: &u32| match row_of(*v) {
            i if i < n => labels[(n - 1 - i) as usize].clone(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(ticks)
            .x_label_formatter(&tick)
            .y_labels(n as usize)
            .y_label_formatter(&name)
            .x_desc(axis)
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 13))
            .draw()
            .map_err(failed)?;
        let colour = if red { RED } else { BLUE };
        chart
            .draw_series(bars.iter().enumerate().map(|(p, bar)| {
                let row = n - 1 - p as u32;
                let mut r = Rectangle::new(
                    [(0.0, start(row)), (length(bar.value), end(row))],
                    colour.filled(),
                );
                r.set_margin(3, 3, 0, 0);
                r
            }))
            .map_err(failed)?;
        let style = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Left, VPos::Center));
        chart
            .draw_series(bars.iter().enumerate().map(|(p, bar)| {
                let row = n - 1 - p as u32;
                Text::new(
                    format!(" {}", bar.text),
                    (length(bar.value), middle(row)),
                    style.clone(),
                )
            }))
            .map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(svg)
}

/// Each row's two values as paired bars: the first series above the second, with a
/// legend naming them.
pub(crate) fn pairs(pairs: &[Pair], max: Decimal, names: [&str; 2]) -> Result<String, String> {
    let n = pairs.len() as u32;
    let labels: Vec<String> = pairs.iter().map(|p| p.label.clone()).collect();
    let label_area = label_width(&labels);
    let (width, height) = (WIDTH, 100 + 2 * ROW * n.max(1));
    let max = length(max).max(1.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let (legend, body) = root.split_vertically(30);
        let style = TextStyle::from((FONT, 13)).pos(Pos::new(HPos::Left, VPos::Center));
        for (k, (name, colour)) in names.iter().zip([BLUE, ORANGE]).enumerate() {
            let x = label_area as i32 + 10 + 260 * k as i32;
            legend
                .draw(&Rectangle::new([(x, 10), (x + 14, 24)], colour.filled()))
                .map_err(failed)?;
            legend
                .draw(&Text::new(label(name), (x + 20, 17), style.clone()))
                .map_err(failed)?;
        }
        let mut chart = ChartBuilder::on(&body)
            .margin(10)
            .margin_right(60)
            .x_label_area_size(36)
            .y_label_area_size(label_area)
            .build_cartesian_2d(0f64..max, segments(n))
            .map_err(failed)?;
        let name = |v: &u32| match row_of(*v) {
            i if i < n => labels[(n - 1 - i) as usize].clone(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(11)
            .x_label_formatter(&tick)
            .y_labels(n as usize)
            .y_label_formatter(&name)
            .x_desc(crate::tr!(crate::locale::current(), "html-axis-score"))
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 13))
            .draw()
            .map_err(failed)?;
        let text = TextStyle::from((FONT, 11)).pos(Pos::new(HPos::Left, VPos::Center));
        for (k, colour) in [BLUE, ORANGE].into_iter().enumerate() {
            // The first series in the upper half of each row, the second in the lower.
            let (top, bottom) = if k == 0 { (3, ROW) } else { (ROW, 3) };
            chart
                .draw_series(pairs.iter().enumerate().filter_map(|(p, pair)| {
                    let value = pair.values[k]?;
                    let row = n - 1 - p as u32;
                    let mut r = Rectangle::new(
                        [(0.0, start(row)), (length(value), end(row))],
                        colour.filled(),
                    );
                    r.set_margin(top, bottom, 0, 0);
                    Some(r)
                }))
                .map_err(failed)?;
            chart
                .draw_series(pairs.iter().enumerate().filter_map(|(p, pair)| {
                    let value = pair.values[k]?;
                    let row = n - 1 - p as u32;
                    // The texts sit in the bars' halves: above the middle, then below.
                    let offset = if k == 0 {
                        -(ROW as i32) / 2
                    } else {
                        ROW as i32 / 2
                    };
                    Some(
                        EmptyElement::at((length(value), middle(row)))
                            + Text::new(
                                format!(" {}", super::super::number(value)),
                                (0, offset),
                                text.clone(),
                            ),
                    )
                }))
                .map_err(failed)?;
        }
        root.present().map_err(failed)?;
    }
    Ok(svg)
}

/// One cell of the heat map: the share of its points a unit earned, or `None` when
/// none of its points applied.
pub(crate) type Share = Option<Decimal>;

/// A heat map: a row per unit (`rows`, best first), a column per `columns`, each cell
/// coloured from red (no point) through yellow to green (every point), with its
/// percentage written in it.
pub(crate) fn heat_map(
    rows: &[(String, Vec<Share>)],
    columns: &[String],
) -> Result<String, String> {
    let n = rows.len() as u32;
    let m = columns.len() as u32;
    let labels: Vec<String> = rows.iter().map(|(l, _)| l.clone()).collect();
    let label_area = label_width(&labels);
    // Each column as wide as its name, from 60 to 124 px; a longer name is cut.
    let column = columns
        .iter()
        .map(|c| c.width() as u32 * 7 + 12)
        .max()
        .unwrap_or(60)
        .clamp(60, 124);
    let columns: Vec<String> = columns
        .iter()
        .map(|c| fit(c, ((column - 12) / 7) as usize))
        .collect();
    let (width, height) = (label_area + column * m.max(1) + 30, 60 + ROW * n.max(1));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(10)
            .set_label_area_size(LabelAreaPosition::Top, 30)
            .y_label_area_size(label_area)
            .build_cartesian_2d(segments(m), segments(n))
            .map_err(failed)?;
        let row_name = |v: &u32| match row_of(*v) {
            i if i < n => labels[(n - 1 - i) as usize].clone(),
            _ => String::new(),
        };
        let column_name = |v: &u32| match row_of(*v) {
            i if i < m => columns[i as usize].clone(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(m as usize)
            .y_labels(n as usize)
            .x_label_formatter(&column_name)
            .y_label_formatter(&row_name)
            .label_style((FONT, 13))
            .draw()
            .map_err(failed)?;
        let cells = rows.iter().enumerate().flat_map(|(p, (_, shares))| {
            let row = n - 1 - p as u32;
            shares
                .iter()
                .enumerate()
                .map(move |(c, share)| (c as u32, row, *share))
        });
        chart
            .draw_series(cells.clone().map(|(c, row, share)| {
                let mut r = Rectangle::new(
                    [(start(c), start(row)), (end(c), end(row))],
                    share.map_or(GREY, colour).filled(),
                );
                r.set_margin(1, 1, 1, 1);
                r
            }))
            .map_err(failed)?;
        let style = TextStyle::from((FONT, 12)).pos(Pos::new(HPos::Center, VPos::Center));
        chart
            .draw_series(cells.map(|(c, row, share)| {
                Text::new(
                    share.map_or("—".to_string(), percent),
                    (middle(c), middle(row)),
                    style.clone(),
                )
            }))
            .map_err(failed)?;
        root.present().map_err(failed)?;
    }
    Ok(svg)
}

/// A share as a whole percentage: `0.9333` → `93%`.
pub(crate) fn percent(share: Decimal) -> String {
    let p = (share * Decimal::ONE_HUNDRED).round_dp(0);
    format!("{}%", super::super::number(p))
}

/// The colour of a share: red at 0, yellow at one half, green at 1 (ColorBrewer's
/// RdYlGn, lightened so that black text reads on it).
fn colour(share: Decimal) -> RGBColor {
    let s = length(share).clamp(0.0, 1.0);
    let (from, to, t) = if s < 0.5 {
        ((0xf4, 0x8a, 0x7a), (0xff, 0xf2, 0xae), s * 2.0)
    } else {
        ((0xff, 0xf2, 0xae), (0x7c, 0xc8, 0x8a), (s - 0.5) * 2.0)
    };
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    RGBColor(mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_visible_and_short() {
        assert_eq!(label("蓬江区"), "蓬江区");
        assert_eq!(label("\u{202e}甲"), "\\u{202e}甲");
        let long = label(&"江".repeat(40));
        assert_eq!(long.chars().count(), LABEL_CHARS);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn text_in_a_chart_is_escaped() {
        let svg = bars(
            &[Bar {
                label: label("<script>alert(1)</script>"),
                value: Decimal::from(50),
                text: "50".into(),
            }],
            Decimal::from(100),
            "得分",
            11,
            false,
        )
        .expect("draws");
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
    }

    #[test]
    fn long_column_names_are_cut_to_fit() {
        assert_eq!(fit("主动公开 (34)", 16), "主动公开 (34)");
        assert_eq!(fit("基层政务公开标准化规范化 (8)", 16), "基层政务公开标…");
    }

    #[test]
    fn shares_are_whole_percentages() {
        assert_eq!(percent(Decimal::new(9333, 4)), "93%");
        assert_eq!(percent(Decimal::ONE), "100%");
        assert_eq!(percent(Decimal::ZERO), "0%");
    }
}
