# kaohe's messages in English: html (the same ids as locales/zh-CN/html.ftl).

## The HTML report of `kaohe eval --format html` (src/report/html/).
html-chart-failed = The chart could not be drawn: { $error }
html-meta = Assessment results · { $total } points in all · { $units } units assessed
html-meta-date = made on { $date }
html-ranking = 1. Ranking
html-charts = 2. Charts
html-sheets = 3. Each unit's score sheet
html-prorated = { $score } (prorated: { $earned }/{ $applicable })
html-note-prorated = Prorated: where some items do not apply to a unit, its total is the points earned on the applicable items ÷ their points × the full total; the brackets give the points earned and the applicable points.
html-note-partial = In a first-level column, "score/points" means some of its items do not apply; after the slash are its applicable points.
html-no-units = No units.
html-chart-limited = Many units: the charts show the first { $max } by rank; the table above ranks them all.
html-figure-totals = Figure 1. Totals
html-axis-total = Total
html-figure-shares = Figure 2. Share of each first-level indicator's points earned (score ÷ applicable points)
html-no-losses = No unit lost points on any item.
html-lost-bar = { $units ->
        [one] 1 unit
       *[other] { $units } units
    }, { $lost } points lost in all
html-figure-lost = Figure 3. The items where most units lost points (units)
html-axis-lost-units = Units that lost points
html-lost-item = Item
html-lost-units = Units that lost points
html-lost-points = Points lost in all
html-axis-score = Score

## A unit's score sheet in the HTML report.
html-sheet-title = Score sheet of { $unit }
html-sheet-meta = { $title } · score { $score } · rank { $rank }

## The comparison page of `kaohe diff --format html` (src/diff/html.rs).
html-diff-meta = Old table { $old } ({ $old_total } points) · new table { $new } ({ $new_total } points) · { $units } units
html-diff-no-evidence = No evidence was given: only the two tables were compared.
html-diff-changes = 1. What changed in the table
html-diff-removed = Removed
html-diff-added = Added
html-diff-renamed = Renamed
html-diff-changed = Changed
html-diff-sections = First-level indicators
html-diff-items = Items
html-diff-see-text = The text report of <code>kaohe diff</code> lists each change.
html-diff-units = 2. Each unit's scores
html-diff-chart-limited = Many units: the chart shows the first { $max }; the table below lists them all.
html-diff-figure = Figure 1. Each unit's score under the old and the new table
html-diff-old = Old table
html-diff-new = New table
html-diff-unit = Unit
html-diff-old-score = Old score
html-diff-new-score = New score
html-diff-change = Change
html-diff-why = Note
html-diff-cannot-score = { $side } cannot score it: { $message }
