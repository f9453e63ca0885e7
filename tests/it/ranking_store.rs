//! The compact store of a ranking (`report::RankingStore`) and the ranking written
//! from it as it is made: the store gives back every summary exactly, ranks as
//! `report::ranks` does, and the CSV written from it is, byte for byte, what the
//! summaries themselves give.

use crate::common;
use crate::formats;

use std::io::Write;

use common::{d, rubric};
use kaohe::check::Rubric;
use kaohe::eval::{Scorer, Summary, Top};
use kaohe::model::SectionKind;
use kaohe::report::{self, RankingStore};
use rust_decimal::Decimal;

/// A rubric with every kind of top-level column: a regular section holding an item
/// that may not apply, a top-level item that may not apply, and a bonus section.
const MIXED: &str = "rubric 测试表
total 100
year 2020
round 2 half-up

section 甲 60 {
  section 子 30 {
    item 乙 30 {
      fact 无职能 bool \"无职能\"
      fact 扣 count \"扣\"
      applicable unless 无职能
      per 扣 -1 floor 0
    }
  }
  item 丙 30 {
    fact 少 count \"少\"
    per 少 -1.5 floor 0
  }
}

item 丁 40 {
  fact 无此 bool \"无此\"
  fact 差 count \"差\"
  applicable unless 无此
  per 差 -0.25 floor 0
}

bonus 加分 5 {
  item 奖 5 {
    fact 获奖 count \"获奖\"
    per 获奖 +1 max 5
  }
}
";

/// The evidence of a unit of [`MIXED`].
fn mixed_unit(
    name: &str,
    no_duty: bool,
    deducted: u32,
    short: u32,
    no_item: bool,
    bad: u32,
    prizes: u32,
) -> String {
    format!(
        "unit = \"{name}\"\n[\"乙\"]\n\"无职能\" = {no_duty}\n\"扣\" = {deducted}\n[\"丙\"]\n\"少\" = {short}\n\
         [\"丁\"]\n\"无此\" = {no_item}\n\"差\" = {bad}\n[\"奖\"]\n\"获奖\" = {prizes}\n"
    )
}

/// A few dozen units of [`MIXED`], scored: prorated and not, sections with an item
/// that does not apply, a top-level item that does not apply, ties.
fn mixed_summaries(rubric: &Rubric) -> Vec<Summary> {
    let scorer = Scorer::new(rubric);
    (0..60u32)
        .map(|i| {
            let text = mixed_unit(
                &format!("单位{i}"),
                i % 3 == 0,
                i % 7,
                i % 5,
                i % 4 == 1,
                (i * 13) % 50,
                i % 6,
            );
            let unit = common::unit(rubric, &text).expect("valid evidence");
            scorer.summarise(&unit).expect("scored")
        })
        .collect()
}

/// The summaries of the example units of a Jiangmen table.
fn example_summaries(name: &str) -> (Rubric, Vec<Summary>) {
    let rubric = formats::table(name);
    let scorer = Scorer::new(&rubric);
    let summaries = formats::examples(&rubric, name)
        .iter()
        .map(|u| scorer.summarise(u).expect("scored"))
        .collect();
    (rubric, summaries)
}

/// Every number of two summaries as printed, so that `1.50` and `1.5` differ.
fn printed(s: &Summary) -> String {
    let mut out = format!(
        "{} {} {} {} {}",
        s.unit, s.score, s.earned, s.applicable_points, s.prorated
    );
    for t in &s.top {
        out.push_str(&format!(
            " [{:?} {} {:?} {}]",
            t.kind, t.points, t.score, t.applicable_points
        ));
    }
    out
}

fn store_of(summaries: &[Summary]) -> RankingStore {
    let mut store = RankingStore::new();
    for s in summaries {
        store.push(s);
    }
    store
}

#[test]
fn the_store_gives_back_every_example_summary_exactly() {
    for name in ["county", "department"] {
        let (_, summaries) = example_summaries(name);
        assert!(summaries.len() >= 3, "{name}: the examples");
        let store = store_of(&summaries);
        assert_eq!(store.len(), summaries.len());
        for (i, s) in summaries.iter().enumerate() {
            assert_eq!(store.unit(i), s.unit);
            assert_eq!(store.score(i).to_string(), s.score.to_string());
            assert_eq!(store.earned(i).to_string(), s.earned.to_string());
            assert_eq!(
                store.applicable_points(i).to_string(),
                s.applicable_points.to_string()
            );
            assert_eq!(store.prorated(i), s.prorated);
            assert_eq!(store.summary(i), *s);
            assert_eq!(printed(&store.summary(i)), printed(s));
        }
    }
    // 市政府研究室 is prorated, and two of its sections have an item that does not apply.
    let (_, summaries) = example_summaries("department");
    let store = store_of(&summaries);
    let i = (0..store.len())
        .find(|&i| store.unit(i) == "市政府研究室")
        .expect("the unit");
    assert!(store.prorated(i));
    assert_eq!(
        (store.earned(i), store.applicable_points(i)),
        (d("65"), d("82"))
    );
    assert_eq!(store.top_score(i, 0), Some(d("21")));
    assert_eq!(store.top_applicable_points(i, 0), d("22"));
}

#[test]
fn the_store_gives_back_odd_numbers_exactly() {
    // Trailing zeros, negative numbers, a negative zero, and numbers too long to pack.
    let rubric = rubric(MIXED);
    let top = |kind, points: &str, score: Option<&str>, applicable: &str| Top {
        kind,
        points: d(points),
        score: score.map(d),
        applicable_points: d(applicable),
    };
    let summaries = vec![
        Summary {
            unit: "甲".into(),
            score: d("1.50"),
            earned: d("-0.000"),
            applicable_points: d("100.00"),
            prorated: true,
            top: vec![
                top(Some(SectionKind::Regular), "60", Some("12.3400"), "45.0"),
                top(None, "40", None, "0"),
                top(Some(SectionKind::Bonus), "5", Some("-2"), "5"),
            ],
        },
        Summary {
            unit: String::new(),
            score: Decimal::MAX,
            earned: Decimal::MIN,
            applicable_points: d("7.9228162514264337593543950335"),
            prorated: false,
            top: vec![
                top(
                    Some(SectionKind::Regular),
                    "60",
                    Some("1234567890123456789012.5"),
                    "60",
                ),
                top(None, "40", Some("0.0000000000000000000000000001"), "40"),
                top(Some(SectionKind::Bonus), "5", Some("5"), "5"),
            ],
        },
    ];
    // The summaries are of the rubric's shape.
    assert_eq!(rubric.nodes.len(), 3);
    let store = store_of(&summaries);
    for (i, s) in summaries.iter().enumerate() {
        assert_eq!(printed(&store.summary(i)), printed(s));
        for t in 0..3 {
            let (score, back) = (s.top[t].score, store.top_score(i, t));
            assert_eq!(
                score.map(|x| x.serialize()),
                back.map(|x| x.serialize()),
                "unit {i}, top {t}"
            );
        }
        assert_eq!(store.score(i).serialize(), s.score.serialize());
        assert_eq!(store.earned(i).serialize(), s.earned.serialize());
    }
}

#[test]
fn equal_totals_share_a_rank_and_keep_reading_order() {
    let rubric = rubric(MIXED);
    let base = &mixed_summaries(&rubric)[0];
    // Equal totals written with different numbers of zeros are equal.
    let totals = ["5", "7", "5.0", "7.00", "3", "7", "-1", "5"];
    let summaries: Vec<Summary> = totals
        .iter()
        .enumerate()
        .map(|(i, t)| Summary {
            unit: format!("u{i}"),
            score: d(t),
            ..base.clone()
        })
        .collect();
    let store = store_of(&summaries);
    let ranked: Vec<(usize, usize)> = store.ranked().collect();
    assert_eq!(
        ranked,
        vec![
            (1, 1),
            (1, 3),
            (1, 5),
            (4, 0),
            (4, 2),
            (4, 7),
            (7, 4),
            (8, 6)
        ]
    );
    let scores: Vec<Decimal> = summaries.iter().map(|s| s.score).collect();
    assert_eq!(ranked, report::ranks(&scores));
    // And for many units with many ties, as `ranks` gives them.
    let mut seed = 7u64;
    let scores: Vec<Decimal> = (0..5_000)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            Decimal::new(((seed >> 33) % 400) as i64 - 50, ((seed >> 20) % 3) as u32)
        })
        .collect();
    let summaries: Vec<Summary> = scores
        .iter()
        .map(|&score| Summary {
            score,
            ..base.clone()
        })
        .collect();
    let store = store_of(&summaries);
    assert_eq!(store.ranked().collect::<Vec<_>>(), report::ranks(&scores));
}

/// The ranking CSV made straight from the summaries, as it was made before the store.
fn reference_csv(rubric: &Rubric, summaries: &[Summary]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let n = |x: Decimal| report::number(x);
    // The header in the language of a program that chooses none: English.
    let mut header = vec![
        "Rank".to_string(),
        "Unit".into(),
        format!("Total ({})", n(rubric.total)),
    ];
    for node in &rubric.nodes {
        header.push(format!("{} ({})", node.name().node, n(node.points().node)));
    }
    header.extend([
        "Applicable points earned".to_string(),
        "Applicable points".into(),
    ]);
    w.write_record(&header).unwrap();
    let scores: Vec<Decimal> = summaries.iter().map(|s| s.score).collect();
    for (rank, i) in report::ranks(&scores) {
        let s = &summaries[i];
        let mut row = vec![rank.to_string(), s.unit.clone(), n(s.score)];
        row.extend(s.top.iter().map(|t| t.score.map(n).unwrap_or_default()));
        row.extend([n(s.earned), n(s.applicable_points)]);
        w.write_record(&row).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn written(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("written into memory");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn the_csv_written_from_the_store_is_the_csv_of_the_summaries() {
    let mixed = rubric(MIXED);
    let mut cases = vec![
        (mixed.clone(), mixed_summaries(&mixed)),
        (mixed, Vec::new()),
    ];
    for name in ["county", "department"] {
        cases.push(example_summaries(name));
    }
    for (rubric, summaries) in &cases {
        let expected = reference_csv(rubric, summaries);
        let store = store_of(summaries);
        assert_eq!(
            written(|w| report::write_ranking_csv(rubric, &store, w)),
            expected
        );
        assert_eq!(report::ranking_csv(rubric, summaries), expected);
    }
}

#[test]
fn a_top_level_item_not_applicable_is_an_empty_cell_and_a_dash_in_the_table() {
    let rubric = rubric(MIXED);
    let scorer = Scorer::new(&rubric);
    let unit = common::unit(&rubric, &mixed_unit("不适用单位", false, 2, 2, true, 0, 1)).unwrap();
    let summary = scorer.summarise(&unit).unwrap();
    assert_eq!(summary.top[1].score, None);
    let store = store_of(std::slice::from_ref(&summary));
    assert_eq!(store.top_score(0, 1), None);
    assert_eq!(store.top_applicable_points(0, 1), Decimal::ZERO);
    // 甲 28 + 27 = 55 of 60, 丁 not applicable, bonus 1: prorated 55/60 × 100 + 1.
    let csv = written(|w| report::write_ranking_csv(&rubric, &store, w));
    assert_eq!(
        csv.split("\r\n").nth(1),
        Some("1,不适用单位,92.67,55,,1,55,60")
    );
    let table = report::table(&rubric, std::slice::from_ref(&summary));
    let row = table.lines().nth(4).expect("the unit's row");
    assert_eq!(
        row,
        "│    1 ┆ 不适用单位 ┆ 92.67 (prorated: 55/60) ┆      55 ┆       — ┆        1 │"
    );
    // A section with an item that does not apply shows the points that apply.
    let unit = common::unit(&rubric, &mixed_unit("无职能单位", true, 0, 2, false, 4, 0)).unwrap();
    let summary = scorer.summarise(&unit).unwrap();
    let store = store_of(std::slice::from_ref(&summary));
    assert_eq!(store.top_applicable_points(0, 0), d("30"));
    let table = report::table(&rubric, &[summary]);
    assert!(table.contains("┆   27/30 ┆"), "{table}");
}

/// A writer that takes `room` bytes, then fails as a closed pipe does.
struct ClosedPipe {
    room: usize,
}

impl Write for ClosedPipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.room == 0 {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_pipe_stops_the_writing_with_its_own_error() {
    // The command stays silent on a broken pipe only if the error comes back as one.
    let rubric = rubric(MIXED);
    let summaries: Vec<Summary> = std::iter::repeat_n(mixed_summaries(&rubric), 500)
        .flatten()
        .collect();
    let store = store_of(&summaries);
    let e = report::write_ranking_csv(&rubric, &store, &mut ClosedPipe { room: 100 })
        .expect_err("the pipe is closed");
    assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe);
}

/// The ranking CSV of `summaries` sorted in runs of at most `budget` units.
fn sorted_csv(rubric: &Rubric, summaries: &[Summary], budget: usize) -> (String, usize) {
    let mut ranking = report::RankingSort::with_budget(budget);
    ranking.extend(summaries);
    let runs = ranking.runs();
    let rows = ranking.rows().expect("the temporary files are written");
    let csv = written(|w| report::write_sorted_ranking_csv(rubric, rows, w));
    (csv, runs)
}

/// Many units with many equal totals, written with different numbers of zeros, in
/// a tie-heavy order.
fn tied_summaries(rubric: &Rubric, n: usize) -> Vec<Summary> {
    let base = &mixed_summaries(rubric)[0];
    let mut seed = 11u64;
    (0..n)
        .map(|i| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let score = Decimal::new(((seed >> 33) % 40) as i64 - 5, ((seed >> 20) % 3) as u32);
            Summary {
                unit: format!("单位{i}"),
                score,
                ..base.clone()
            }
        })
        .collect()
}

#[test]
fn a_ranking_sorted_on_disk_is_the_ranking_sorted_in_memory() {
    let mixed = rubric(MIXED);
    let mut cases = vec![
        (mixed.clone(), mixed_summaries(&mixed)),
        (mixed.clone(), tied_summaries(&mixed, 3_000)),
        (mixed, Vec::new()),
    ];
    for name in ["county", "department"] {
        cases.push(example_summaries(name));
    }
    for (rubric, summaries) in &cases {
        let expected = reference_csv(rubric, summaries);
        let n = summaries.len();
        for budget in [1, 2, 7, 59, n.saturating_sub(1), n, n + 1, 1 << 16] {
            let (csv, runs) = sorted_csv(rubric, summaries, budget);
            assert!(
                csv == expected,
                "{n} units in runs of {budget}: the CSV differs"
            );
            // Every full budget of units went to a temporary file.
            assert_eq!(
                runs.min(1),
                (n / budget.max(1)).min(1),
                "{n} units, {budget}"
            );
        }
    }
}

#[test]
fn a_ranking_whose_temporary_files_cannot_be_made_says_so() {
    let rubric = rubric(MIXED);
    let summaries = mixed_summaries(&rubric);
    let missing = std::env::temp_dir().join("kaohe-no-such-folder/below");
    let mut ranking = report::RankingSort::with_budget_in(10, missing);
    ranking.extend(&summaries);
    let Err(d) = ranking.rows() else {
        panic!("no folder for the temporary files")
    };
    assert_eq!(d.code, kaohe::diagnostic::codes::TEMPORARY);
    assert_eq!(
        d.message,
        "cannot rank the units: a temporary file failed: no such folder"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "a ranking of many units is sorted in temporary files in the system's temporary \
             folder: free some space there, or set `TMPDIR` to a folder with room"
        )
    );
}

#[test]
fn a_temporary_file_that_fails_while_the_ranking_is_written_is_told_apart() {
    // The writer's error holds the merge's, so that the command reports it as a
    // temporary file's problem, not as the output's.
    let rubric = rubric(MIXED);
    let mut ranking = report::RankingSort::with_budget(1);
    ranking.extend(&mixed_summaries(&rubric)[..3]);
    let mut rows: Vec<std::io::Result<(usize, report::RankedUnit)>> = ranking
        .rows()
        .expect("the temporary files are written")
        .take(2)
        .collect();
    rows.push(Err(std::io::Error::new(
        std::io::ErrorKind::UnexpectedEof,
        "failed to fill whole buffer",
    )));
    let mut out = Vec::new();
    let e = report::write_sorted_ranking_csv(&rubric, rows.into_iter(), &mut out)
        .expect_err("a run cut short");
    let read_back = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<kaohe::spill::ReadBack>())
        .expect("the merge's error");
    let d = read_back.diagnostic();
    assert_eq!(d.code, kaohe::diagnostic::codes::TEMPORARY);
    assert_eq!(
        d.message,
        "cannot rank the units: a temporary file failed: failed to fill whole buffer"
    );
    // The two rows before it were written.
    let text = String::from_utf8(out).expect("UTF-8");
    assert_eq!(text.matches("\r\n").count(), 3, "{text}");
}
