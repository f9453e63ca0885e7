# kaohe's messages in English: reports (the explanation of each score, explain, the
# ranking tables, the reports of test and diff, progress lines).
# The same ids and arguments as locales/zh-CN/reports.ftl.

## The explanation of a score sheet: one sentence for each clause that changed a score.
## $sign is minus (points taken) or plus (points given).

narr-sentence = { $what }: { $how }.
narr-paragraph-join = {" "}
narr-part-join = {", "}
narr-points = { $sign ->
    [minus] −{ $points }
   *[plus] +{ $points }
}
narr-each = { $sign ->
    [minus] −{ $points } per { $unit }
   *[plus] +{ $points } per { $unit }
}
narr-percent = { $sign ->
    [minus] −{ $percent }% of the item's points, that is −{ $points }
   *[plus] +{ $percent }% of the item's points, that is +{ $points }
}
narr-percent-score = { $sign ->
    [minus] −{ $percent }% of the score so far, that is −{ $points }
   *[plus] +{ $percent }% of the score so far, that is +{ $points }
}
narr-each-percent = { $sign ->
    [minus] −{ $percent }% per { $unit }
   *[plus] +{ $percent }% per { $unit }
}
narr-floor-zero = {" "}(no lower than 0)
narr-floor-at = {" "}(no lower than { $limit })
narr-floor-spent = { $points } due, but the item is already at 0: nothing more taken
narr-spent = the item is already at 0: nothing more taken
narr-max = { $sign ->
    [minus] {" "}(at most −{ $limit })
   *[plus] {" "}(at most +{ $limit })
}
narr-except = {" "}({ $members } not counted)
narr-zero = { $what }: the item scores 0.
narr-zero-again = { $what }: the item scores 0 (already 0).
narr-exempted = { $sign ->
    [minus] { $what }, but { $unless }: nothing taken.
   *[plus] { $what }, but { $unless }: nothing given.
}
narr-not-applicable = { $what }: not applicable, left out of the total (prorated).
narr-method = { $method } ({ $weight }%), { $score }:
narr-method-plain = { $method } ({ $weight }%), { $score }.
narr-method-score = { $score }
narr-method-none = not applicable
narr-method-blend = Weighted: { $score }.
narr-nothing-earned = Nothing earned: { $score }.
narr-bound-low = The item stops at 0.
narr-bound-high = The item scores at most { $limit }.
narr-bound-penalty = The item takes at most { $limit }.
narr-list-join = {", "}
narr-and-join = {", "}
narr-or-join = {" or "}
narr-count = { $subject } ({ $count })
narr-count-member = { $subject } ({ $member }, { $count })
narr-value = { $subject } is { $value }
narr-value-member = { $subject } ({ $member }) is { $value }
narr-compare = { $what }, { $op ->
    [lt] below
    [le] at most
    [gt] above
    [ge] at least
    [eq] equal to
   *[ne] not
} { $limit }
narr-compare-value = { $what }, { $op ->
    [lt] below
    [le] at most
    [gt] above
    [ge] at least
    [eq] equal to
   *[ne] not
} { $limit }
narr-not = not: { $what }
narr-yes = yes
narr-no = no
narr-set = { $subject } ({ $members })
narr-missing = { $subject }, missing { $members }
narr-over = { $count } of { $subject } over { $limit } { $unit ->
    [workdays] workdays
   *[days] days
} ({ $periods })
narr-period = { $from } to { $to }, { $taken } { $unit ->
    [workdays] workdays
   *[days] days
}
narr-period-never = { $from } to never
narr-period-join = {"; "}
narr-unit-case = case
narr-given = Discretionary score ({ $reason })
narr-give = { $what }: { $score } given at discretion (reason: { $reason }).
narr-judged = Judged on the facts: { $score } of { $max } (reason: { $reason }).
narr-gaps = { $subject }: { $count } { $count ->
    [one] gap
   *[other] gaps
} over { $limit } { $unit } ({ $gaps })
narr-gap = { $from } to { $to }, { $taken } { $unit }
narr-unit-gap = gap
narr-periods-any = some { $subject } over { $limit } { $unit }
narr-periods-late = { $count } of { $subject } over { $limit } { $unit ->
    [workdays] workdays
   *[days] days
} ({ $periods })
narr-periods-over = { $subject } over { $limit } { $unit }
narr-gap-any = { $subject }: a gap over { $limit } { $unit }
narr-after = { $subject }, done on { $date }, after { $deadline }
narr-never = { $subject }, not done by { $deadline }
narr-date = { $year }-{ $month }-{ $day }
narr-unit-default = item
narr-unit-found = item
narr-measured = { $subject } is { $value }
narr-measured-step = { $subject } is { $value }; whole steps of { $step }: { $count }
narr-unit-step = step

## The score sheet (Markdown, XLSX).

sheet-md-header = | First-level indicator | Item | Points | Score | Explanation |
sheet-not-applicable = not applicable
sheet-total = Total
sheet-prorated = 折分处理 (prorated): { $earned } earned of the { $applicable } applicable points × { $total }
sheet-bonus = Bonus +{ $points }
sheet-penalty = Penalty { $points }
sheet-limited-most = { $raw } limited to the rubric's most, { $score }
report-no-cap = no cap
sheet-limited-zero = { $raw } limited to 0
sheet-pooled-cut = { $name }: its items add up to { $sum }; the section scores within 0 and { $points }, so { $score }

## kaohe explain

explain-score = score { $score } of { $total }
explain-prorated = 折分处理: earned { $earned } of the { $applicable } applicable points, × { $total } ÷ { $applicable }, rounded
explain-section = { $kind ->
    [bonus] bonus
   *[penalty] penalty
} { $name }: { $score }
explain-section-cap = { $verb ->
    [gave] {" "}(its items gave { $raw }, the section at most { $points })
   *[took] {" "}(its items took { $raw }, the section at most { $points })
}
explain-item-lost = { $path }: { $score } of { $points } ({ $lost } lost)
explain-item-full = { $path }: { $score } of { $points }
explain-item-na = { $path }: not applicable, left out of the total
explain-item-bonus = { $path }: +{ $score } (bonus, at most { $points })
explain-item-penalty = { $path }: -{ $score } (penalty, at most { $points })
explain-item-bonus-open = { $path }: +{ $score } (bonus, no cap)
explain-item-penalty-open = { $path }: -{ $score } (penalty, no cap)
explain-none = no point lost
explain-clause = clause { $clause } ({ $file }:{ $line })
trace-line = line { $line }: { $clause }

## The ranking (table, CSV, the XLSX ranking sheet).

ranking-rank = Rank
ranking-unit = Unit
ranking-total = Total ({ $points })
ranking-earned = Applicable points earned
ranking-applicable = Applicable points
ranking-prorated = { $score } (prorated: { $earned }/{ $applicable })

## Progress lines (on a terminal, every 1000 units).

progress-read = units read: { $count }
progress-scored = units scored: { $count }
progress-read-scored = units read and scored: { $count }

## The report of kaohe test.

case-ok = case { $file } ({ $unit }): ok, { $count ->
    [one] { $count } expectation
   *[other] { $count } expectations
} met
case-failed = case { $file } ({ $unit }): FAILED, { $missed } of { $count ->
    [one] { $count } expectation
   *[other] { $count } expectations
} missed
case-expected = { $target }: expected { $expected }, got { $actual }
case-below-item = { $name } { $score } of { $points }
case-below-na = { $name } 不适用
case-list-join = {", "}
case-all-full = every item has its full points
case-below = items below their points: { $items }
case-item = item { $name }: { $score }
case-item-score = { $score } of { $points }
case-item-na = 不适用 (worth { $points })
case-no-change = no clause changed the score
case-nothing-earned = nothing earned: no clause gave points
case-summary = test result: { $ok ->
    [yes] ok
   *[no] FAILED
}. { $passed } passed, { $failed } failed
case-not-run = , { $count } not run (invalid case files, see the diagnostics)

## The text report of kaohe diff.

diff-old = old: { $file }  ({ $title })
diff-new = new: { $file }  ({ $title })
diff-title = title: { $old } → { $new }
diff-total = total: { $old } → { $new } ({ $change })
diff-year = year: { $old } → { $new }
diff-year-none = none
diff-setting = { $setting }: { $old } → { $new }
diff-same = the two rubrics have the same sections and items
diff-sections = sections: { $counts }
diff-items = items: { $counts }
diff-count = { $count } { $kind ->
    [removed] removed
    [added] added
    [renamed] renamed
   *[changed] changed
}
diff-count-join = {", "}
diff-placed = { $name } ({ $points } points) in { $path }
diff-similar-name = similar name
diff-similar-text = similar criterion text
diff-same-facts = same facts
diff-same-items = same items
diff-renamed = {" "}(renamed; { $by }, { $similarity }%)
diff-label = { $what ->
    [points] points
    [moved] moved
    [text] text
    [clause] clause
    [fact] fact
   *[note] note
}
diff-scores = scores: { $count } unit(s), { $changed } changed, largest change first
diff-column = { $what ->
    [unit] unit
    [old] old
    [new] new
   *[change] change
}
diff-not-scored = not scored
diff-set-aside = evidence set aside under the new rubric (items it removed): { $items }
diff-cannot-score = cannot be scored under the { $rubric } rubric: { $message }

## The score sheets of the reports (HTML, XLSX): headings and cells.
sheet-top = First-level indicator
sheet-item = Item
sheet-points = Points
sheet-score = Score
sheet-explanation = Explanation
sheet-score-not-applicable = n/a
sheet-heading-score = score { $score }
sheet-heading-applicable = {" "}(applicable: { $points } points)
xlsx-sheet-ranking = Ranking
xlsx-sheet-chart = Chart
xlsx-sheet-details = Score details
xlsx-sheet-unit = Unit
xlsx-unit-title = { $unit } — { $title } (score { $score }, rank { $rank })
xlsx-details-title = { $title } — score details
xlsx-note-prorated = Prorated: where some items do not apply to a unit, its total is the points earned on the applicable items ÷ their points × the full total (the last two columns).
xlsx-note-partial = In a first-level column, "score/points" means some of its items do not apply; after the slash are its applicable points. The cell's value is still the score.
# The footer of a printed page: Excel's codes, &C centred, &P the page, &N the pages.
xlsx-page-footer = &CPage &P of &N
xlsx-chart-title = { $title }: totals
xlsx-chart-series = Total
xlsx-chart-x = Units (by rank)
xlsx-chart-y = Total
xlsx-chart-limited = Many units: the chart shows the first { $max } by rank; the sheet “{ $sheet }” ranks them all.

## `kaohe outline`: the words around the rule file's own.
outline-title-max = { $title } — total { $total }, at most { $max } with bonus points
outline-title = { $title } — total { $total }
outline-no-lowest = no lowest total: penalties may take it below 0, { $lowest }
outline-lowest-unlimited = without limit
outline-lowest = to -{ $sum } at the lowest
outline-year = year { $year }, prorated totals rounded to { $places } places { $mode }
outline-calendar = working days by { $file } ({ $years })
outline-line = (line { $line })
outline-pooled = , pooled: kept within 0 and its points
outline-starts = , starts at { $start }
outline-scores = , scores { $low } to { $high }
outline-clauses-reach = (its clauses reach { $low } to { $high })
