# kaohe's messages in English: diagnostics (the same ids as locales/zh-CN/diagnostics.ftl).
# Each diagnostic is one message: its value is the message, its `.label` the text
# under the place it points at, its `.help` what to change. The user's input is
# quoted in backticks.

## How a diagnostic is drawn.

# The heading of the help, with miette's indent: eight columns in all.
diagnostic-help-heading = {"  "}help:{" "}
diagnostic-error = error
diagnostic-warning = warning
diagnostic-acknowledged = acknowledged
diagnostic-labels-left-out = {$count} more labels are not shown: `--message-format json` gives them all
io-permission-denied = permission denied

## Syntax: the rule file as text (src/syntax/).

syntax-fullwidth = full-width `{$found}` where kaohe expects the ASCII `{$ascii}`
    .label = type `{$ascii}` here
    .help = a Chinese input method types full-width punctuation and digits; switch it to English mode (usually Shift) and type `{$ascii}`
syntax-fullwidth-foreign = full-width `{$found}` is not part of kaohe's syntax
    .label = not expected here
    .help = delete `{$found}`: a statement is its keyword and values separated by spaces, as in `fact 报道次数 count "说明"`
syntax-expected = expected {$expected}
syntax-expected-end = the file ends here
syntax-expected-space = found a line break or space
syntax-expected-found = found `{$token}`
syntax-did-you-mean = did you mean `{$keyword}`?
syntax-expect-rounding = a rounding mode (`half-up`, `half-even`, `up` or `down`)
syntax-expect-item-points = the item's points after its name
syntax-expect-section-points = the section's points after its name
syntax-expect-total = the rubric's total points
syntax-expect-year = the rubric's year, such as `2020`
syntax-expect-start = the points the item starts from
syntax-expect-places = the number of decimal places
syntax-expect-integer = a whole number
syntax-expect-number = a number
syntax-expect-date = a date such as `2020-12-30`
syntax-expect-allow-name = the name of a check (`outside_year`, `text`, `zero_unreachable`, ...)
syntax-expect-fact-name = the fact's name
syntax-expect-a-fact-name = a fact's name
syntax-expect-calendar = a calendar shipped inside kaohe, such as `cn`, or a file in quotes
syntax-expect-item-name = the item's name
syntax-expect-section-name = the section's name
syntax-expect-title = the rubric's title
syntax-expect-text = a text in quotes
syntax-expect-closing-quote = the closing `"`
syntax-expect-effect = what the clause does to the score (`-2`, `+1`, `-50% of points` or `zero`)
syntax-expect-percent-base = `points` or `score` after `of`
syntax-expect-percentage = a percentage such as `4%`
syntax-expect-comparison = a comparison (`<`, `<=`, `>`, `>=`, `=` or `!=`)
syntax-expect-condition = a condition
syntax-expect-fact-type = the fact's type (`bool`, `count`, `percent`, `date`, `set {"{"}…{"}"}` or `tally {"{"}…{"}"}`)
syntax-expect-member-list = `{"{"}` and the list of members
syntax-expect-member = a member's name
syntax-expect-statement = a statement of the item (`text`, `note`, `fact`, `if`, `per`, `missing`, `deadline`, `give`, `start`, `applicable`, `allow`) or `{"}"}`
syntax-expect-section-or-item = `section`, `item` or `{"}"}`
syntax-expect-setting = a setting (`rubric`, `total`, `year`, `round`, `source`)
syntax-expect-end = the end of the file
syntax-expect-something-else = something else here
syntax-expect-either = {$first} or {$last}
syntax-expect-separator = {", "}
syntax-help-item-points = write the item's points after its name, as in `item 决策公开 4 {"{"}`
syntax-help-section-points = write the section's points after its name, as in `section 主动公开 30 {"{"}`
syntax-help-digits = numbers are written with ASCII digits, such as `4` or `0.5`
syntax-help-effect = a clause ends with its effect: `-2` takes two points, `+1` gives one, `-50% of points` takes half the item's points, `zero` means 不得分
syntax-help-name = names start with a letter or a Chinese character and contain no spaces or punctuation; a name that is also a keyword (such as `max`) cannot be used
syntax-help-statement = each statement in an item starts with its keyword; check for a missing `{"}"}` or a misspelt keyword
syntax-help-language = see docs/language.md for the form of each statement
syntax-start-twice = `start` written twice in one item
    .label = second `start`
    .help = keep one `start` line
syntax-applicable-twice = `applicable unless` written twice in one item
    .label = second `applicable unless`
    .help = join the two conditions with `or` in one line
syntax-escape = unknown escape `\{$escape}` in a text
    .label = not an escape kaohe knows
    .help = write `\\` for a backslash, `\"` for a quote, or use a `"""` block
syntax-modifier-twice = a modifier written twice in one clause
    .label = written again here
    .help = keep one `floor`, one `max` and one `unless` per clause
syntax-bad-date = `{$text}` is not a date
    .label = no such day
    .help = write a day that exists, as `YYYY-MM-DD`: `2020-02-29`, not `2020-02-30`
syntax-bad-decimal = `{$text}` is too large or too precise
    .label = this number
    .help = points, counts and percentages are at most 1000000000, with at most 20 decimal places
syntax-bad-integer = `{$text}` is too large
    .label = this number
    .help = write a smaller whole number
syntax-too-deep = brackets nested more than {$max} deep
    .label = this one is too deep
    .help = a rubric needs only a few levels: split the condition, or the section, into smaller ones
syntax-too-long = an expression with more than {$max} operators
    .label = this expression is too long
    .help = split the calculation: a table's formula needs only a few operators

## Check: the rubric's points, settings and items (src/check/).

check-did-you-mean = did you mean `{$name}`?
check-no-items = the rubric has no items
    .label = nothing is scored after this
    .help = add a `section` with its items, or an `item`, after the header
check-sections-sum = the sections add up to {$sum}, not the total {$total}
    .label = the total is {$total}
check-sum-parts = {$how}; the parts: {$parts}
check-draft-sum = {$help}; a warning while the table is a draft
check-draft = this table is a draft
    .label = marked as a draft here
    .help = its sums are warnings, `render` marks it as a draft and `eval` scores it only with `--draft`; delete the line when the table is finished
check-draft-refused = `{$file}` is a draft table: its scores would not be final
    .help = finish the table and delete the `draft` line, or score it anyway with `--draft`
check-draft-scored = scored from a draft table: the scores are not final
check-nested-kind = a `{$keyword}` section must stand at the top level
    .label = inside another section
    .help = move it out of its section, next to the first-level sections
check-pooled-kind = `pooled` in a `{$keyword}` section
    .label = a `{$keyword}` section keeps its own limit
    .help = remove `pooled`: a `{$keyword}` section's items add up within its points already; `pooled` is for a regular `section` whose items' deductions may pass their own points
check-uncapped-regular = `{$name}` has no cap, but it is part of the total
    .label = no cap
    .help = a regular section's or item's points are its share of the total and cannot be without limit; only a `bonus` or `penalty` section, and its items, may write `none` in place of points
check-pooled-idle = section `{$name}` is `pooled` but none of its items can score below 0
    .label = nothing to pool
    .help = `pooled` lets an item's deductions pass its own points (二级指标的扣分可以超过本指标分值); when no clause takes more than an item is worth, remove `pooled`
check-min-idle = `min none` but no `penalty` section can take the total below 0
    .label = the total has no lowest
    .help = only a `penalty` section can take a total below 0; without one, remove `min none`
check-empty-section = section `{$name}` has no items
    .label = empty section
    .help = add its items, or delete the section
check-weights-sum = the weights of `{$name}` add up to {$sum}%, not 100%
check-items-sum = the items of `{$name}` add up to {$sum}, not {$points}
    .label = `{$name}` is worth {$points}
check-zero-points-section = section `{$name}` is worth 0 points
    .help = give the section its points from the table, or delete it
check-zero-points-item = item `{$name}` is worth 0 points
    .label = 0 points
    .help = give the item its points from the table, or delete it
check-sum-too-many = the parts are {$diff} too many: check each part's points against the table, and whether an item sits under the wrong heading
check-sum-too-few = the parts are {$diff} short: check each part's points against the table, and whether an item is missing or sits under another heading
check-set-twice = `{$keyword}` is set twice
    .label = set again here
    .first = first set here
    .help = keep one `{$keyword}` line
check-max-below-total = `max {$max}` is below the total {$total}
    .label = the most a unit may score
    .help = `total 100 max 105` lets bonus points lift a score up to 105; the max cannot be below the total
check-zero-total = the rubric's total is 0
    .label = the total
    .help = write the points the whole table is worth, such as `total 100`
check-too-many-places = rounding to more than 10 decimal places
    .label = too many places
    .help = scores are published with 0 to 4 places; write `round 2 half-up`
check-no-title = the rubric has no title
    .label = expected `rubric` and the table's title before this
    .help = begin the file with `rubric` and the title, such as `rubric 2020年市政府各部门政务公开工作要点考核表`
check-no-total = the rubric has no total
    .label = expected `total` and the table's points before this
    .help = write the points the whole table is worth, such as `total 100`, in the header
check-item-worth = the item is worth {$points}
check-worth = worth {$points}
check-clause-exceeds = one clause takes {$takes} from an item worth {$points}
    .label = takes {$takes}
    .help = check the deduction against the table; a deduction of everything is written `zero` (不得分)
check-reach-unlimited = without limit
    .down = without limit
    .up = without limit
check-reach-down = to {$to}
check-reach-up = up to {$to}
check-penalty-takes-more = item `{$name}` can take more than its {$points} points
    .percent = a penalty (倒扣分) item's score is below 0, so `+{$percent}% of score` takes from it: limit the clauses before it with `max` so that together they take at most {$points}
    .help = add `max {$points}` to the clause, or check the deductions against the table
check-below-zero = item `{$name}` can go below 0
    .fixed = the fixed deductions add up to more than the item's points: check each number against the table, the usual cause; only where the table says 扣完为止 add `floor 0` to the clause, which changes the score of a unit that loses them all
    .label = with the clauses before it, this can take the score {$reach}
    .help = add `floor 0` to the clause (扣完为止: never below 0), or check the deductions against the table
    .other = check the clause against the table
check-penalty-gives = item `{$name}` can give points in a penalty section
    .percent = a penalty (倒扣分) item's score is below 0, so `{$percent}% of score` gives points back: check the clause against the table
    .help = a penalty (倒扣分) only takes points: write its clauses with `-`
check-exceeds = item `{$name}` can score more than its {$points} points
    .label = with the clauses before it, this can give {$reach}
    .full = the item starts from its full {$points} points, so any gain exceeds them; write `start 0` if the item earns its points (每…得…分)
    .help = add `max {$room}` to the clause (最多得{$room}分), or check the points against the table
check-full-unreachable-penalty = item `{$name}` can never take all its {$points} points
check-full-unreachable = item `{$name}` can never reach its {$points} points
    .label = at most {$most}
    .help = check the awards and their `max` against the table, or the item's `start`
check-zero-unreachable = item `{$name}` can never score 0
    .label = at least {$least}
    .help = the deductions add up to less than the item's points; check them against the table
check-fixed-exceed = the fixed deductions of item `{$name}` add up to {$sum}, more than its {$points} points
    .label = with the deductions before it that can apply with it, {$sum} in all
    .help = check each number against the table, the usual cause; the item stops at 0 (扣完为止)
check-gain-always-cut = a gain of item `{$name}` can never change its score
    .label = the item starts at its full {$points} points, so its bound (最多得{$points}分) cuts all of this
    .help = nothing in the item takes points, so every gain is cut by its points; write `start 0` if the item earns its points (每…得…分)
    .apart = nothing that takes points applies where this gain does, so the item's points cut every gain; check the conditions against the table, or write `start 0` if the item earns its points (每…得…分)
check-loss-always-cut = a deduction of item `{$name}` can never change its score
    .label = the item starts at 0, so its bound (扣完为止) cuts all of this
    .help = nothing in the item gives points, so every deduction is cut at 0; check the clause against the table
    .apart = nothing that gives points applies where this deduction does, so it is cut at 0; check the conditions against the table
check-duplicate-name = two indicators are called `{$name}`
    .section = this section repeats the name
    .item = this item repeats the name
    .first = first used here
    .help = give each section and item its own name, as evidence and reports refer to them by name
check-start-in-penalty = `start {$start}` in a penalty section
    .label = a penalty item starts from 0
    .help = delete `start`: a penalty (倒扣分) item starts from 0 and its clauses take points
check-start-outside = `start {$start}` is outside 0 to {$points}
    .label = the item cannot start here
    .help = an item starts from 0 (it earns points) or from its points (it loses them)
check-items-points = the item's points
check-applicable-placement = `applicable unless` in a {$keyword} section
    .label = nothing to prorate
    .help = 折分处理 prorates the regular sections; a bonus or penalty item that does not apply simply gives or takes nothing
check-unused = fact `{$name}` is never used
    .label = declared here
    .help = use it in a clause of `{$item}`, or delete the line so assessors are not asked for it
check-duplicate-fact = fact `{$name}` is declared twice
    .label = declared again here
    .first = first declared here
    .help = delete one of the two, or rename it
check-period-names = a period's two dates are both called `{$name}`
    .label = named like its start
    .help = name the start and the end apart, as in `periods from 收到日期 to 答复日期`
check-discretion-max = `discretion max {$max}` leaves nothing to give
    .label = the most the assessor may give
    .help = write the bound from the table, such as `discretion max 2` for 在2分内酌情给分
check-number-max = `max {$max}` leaves no value to give
    .label = the largest value the evidence may give
    .help = write the largest value the table allows, above 0, such as `number max 100` or `percent max 200%`
check-default-number = the default `{$default}` is not a number from 0 to {$max}
    .label = outside the fact's values
    .help = a `number` fact holds 0 or more, at most its `max`
check-arith-kind = `{$what}` is a {$kind}, which arithmetic cannot use
    .help = arithmetic reads counts, `number` and `percent` facts, discretionary scores, numbers and percentages
check-arith-mix = `{$op}` between a {$left} and a {$right}
    .label = these cannot be added or taken from each other
    .help = add numbers to numbers and percentages to percentages; a ratio of two numbers (`公开数 / 应公开数`) is a percentage
check-zero-divisor = division by 0
    .label = this divisor is 0
    .help = divide by a number other than 0, or by a fact
check-step-zero = a `step` of 0 or less counts nothing
    .label = the step
    .help = write the step of the table above 0, such as `step 20%` for 每超过20%
check-step-kind = a step that is a {$step}, over a quantity that is a {$kind}
    .help = write the step in the quantity's kind: `step 20%` over a percentage, `step 5` over a number
check-unguarded-divisor = `{$fact}` may be 0, and nothing here says what the item scores then
    .label = divided by here
    .help = a unit whose `{$fact}` is 0 could not be scored; say what happens then, such as `applicable unless {$fact} = 0` or `unless {$fact} = 0`
check-duplicate-member = member `{$name}` is listed twice
    .label = listed again here
    .first = first listed here
    .help = list each member once
check-deadline-twice = date `{$name}` is listed twice in one deadline
    .label = listed again here
    .first = first listed here
    .help = list each date once: `deadline {"{"}年报日期, 统计表日期{"}"} by …` takes its effect once, whichever dates are late
check-give-over-points = the discretionary score `{$name}` may reach {$max}, more than the item's {$points} points
    .label = the most the assessor may give
    .given = given in place of points here
    .help = the part a `give` scores is within the item's points: lower `max` to {$points} or less, or give the item the points the table says
check-give-shared = the discretionary score `{$name}` is read by another clause
    .label = given here
    .other = read again here
    .help = declare one discretionary fact for each `give`: what the assessor gave belongs to that part of the item alone
check-type-help-give = `give` takes a discretionary score: declare the fact as `discretion max N`, N the points the assessor may give
check-dates-year = the dates of `{$name}` are counted over the rubric's year, and the rubric has no `year`
    .label = a list of dates
    .help = add `year 2023` to the header: gaps are counted from its first day, between the dates, and to its last day
check-a-kind = a {$kind}
check-default-type = a {$given} default for the {$kind} fact `{$name}`
    .label = the fact is a {$kind}
    .help = write a default of the fact's type: `false`, `0`, `0%` or a date; sets, tallies, periods and discretionary scores have no default
check-default-count = the default {$default} is not a count 0 or more
    .label = this default
    .help = a count's default is a whole number of findings, such as `default 0`
check-default-count-to = the default {$default} is not a count from 0 to {$max}
check-undeclared = fact `{$name}` is not declared in item `{$item}`
    .label = not declared
    .help = declare it in `{$item}`, as in `fact {$name} bool "说明"`; facts belong to the item that declares them
    .hint = {$hint} Otherwise declare it in `{$item}` with `fact {$name} …`
check-unknown-member = `{$member}` is not a member of `{$name}`
    .label = not in the list
    .listed = the members are listed here
    .help = the members are {$members}
    .hint = {$hint} The members are {$members}
check-no-members = `{$name}` is a {$kind}, it has no members
    .label = `[…]` needs a set or a tally
    .declared = declared as {$kind}
    .help = write `{$name}` alone
check-wrong-kind = {$role} needs a {$wanted}, and `{$fact}` is a {$kind}
check-kinds-either = {$first} or {$last}
check-kinds-separator = {", "}
check-fixed-comparison = a comparison of two fixed values
    .label = this is always true or always false
    .help = compare a fact with a value, such as `报道次数 < 10`
check-incomparable = a {$left} compared with a {$right}
    .help = compare a count with a number (`< 10`), a percent with a percentage (`< 4%`), a date with a date (`> 2020-03-31`)
check-ordered-bool = `{$op}` on a yes-or-no fact
    .label = a bool has no order
    .help = use the fact itself as the condition, or `not` and the fact
check-date-year = the date {$date} is outside the rubric's year {$year}
    .label = in {$in}
    .help = when copying last year's file, move every date to {$year}; if the date is meant, write `allow outside_year` in the item
check-except = `except` needs a set, and `{$fact}` is not one
    .label = nothing to leave out
    .help = `{$clause} … except` leaves members of a set out of the count; delete `except …`
check-per-needs-over = `per {$fact}` needs `over`
    .label = which periods count?
    .help = count the periods longer than a limit: `per {$fact} over 20 workdays -2`
check-over-needs-periods = `over` needs periods, and `{$fact}` is a {$kind}
    .label = nothing to measure
    .help = declare the fact as `periods from 收到日期 to 答复日期`, or delete `over …`
check-zero-counted = `zero` cannot be counted with `{$keyword}`
    .label = 不得分 happens once
    .help = write the condition with `if`, such as `if 未更新栏目数 >= 1 zero`
check-floor-in-penalty = `floor` in a penalty section
    .label = it would stop every deduction
    .help = a penalty (倒扣分) item starts from 0 and goes down; limit what a clause takes with `max`
check-floor-above = `floor {$floor}` is above the item's {$points} points
    .label = the floor
    .help = `floor 0` keeps the item from going below zero; a floor cannot exceed the points
check-floor-on-gain = `floor` on a clause that takes nothing
    .label = only a deduction can reach a floor
    .help = delete `floor …`; to limit what a clause gives, write `max …`
check-max-nothing = `max {$max}` limits nothing
    .label = this limit
    .help = `max` is the most a clause may give or take in all, a number above 0; `zero` has no limit
check-no-calendar = working days are counted without a calendar
    .label = which days are holidays?
    .help = name the calendar in the header, such as `calendar "../calendars/cn.toml"` (rules/calendars/ has them)
check-zero-days = a period limit of 0 days
    .label = every period is over 0
    .help = write the limit from the table, such as `over 20 workdays`
check-percent-over = {$percent}% is more than 100%
    .label = over 100%
    .help = a percentage of the item's points or score is at most 100%; `zero` takes everything
check-kind-bool = bool
check-kind-count = count
check-kind-percent = percent
check-kind-date = date
check-kind-set = set
check-kind-tally = tally
check-kind-periods = periods
check-kind-discretion = discretion
check-kind-dates = dates
check-kind-number = number
check-role-condition = a condition
check-type-help-count = compare the count with a number, such as `报道次数 < 10` or `未标记文件数 >= 1`
check-type-help-percent = compare the percent with a percentage, such as `权重 < 4%`
check-type-help-date = for a date, write a `deadline` clause, or compare it: `发布日期 > 2020-12-30`
check-type-help-set = name one member, as in `形式[图表]`, or count them with `per`
check-type-help-per = `per` counts a count, the members of a set, or a tally; for a yes-or-no fact write `if`
check-type-help-missing = `missing` counts the members absent from a set; declare the fact as `set {"{"}…{"}"}`
check-type-help-deadline = `deadline` compares a date fact with the date after `by`; declare the fact as `date`
check-type-help-other = see docs/language.md for what each clause accepts

## Calendars of holidays and working days (src/calendar.rs).

calendar-here = here
calendar-named-here = named here
calendar-name-text = `name` must be a text
    .help = write `name = "中国大陆法定节假日"`
calendar-not-a-year = `{$key}` is not a year
    .help = each year is a table named after it, such as `[2021]`
calendar-year-table = `{$year}` must be a table
    .help = write `[2021]` and the lists below it
calendar-unknown-field = a calendar year has no field `{$field}`
    .help = a year has `source`, `holidays` and `workdays`
calendar-no-holidays = the year {$year} has no `holidays`
    .help = list the year's holidays, even if empty: `holidays = []`
calendar-both = {$day} is both a holiday and a working day
    .help = list each day in one of the two lists
calendar-no-year = the calendar lists no year
    .help = add a table per year, such as `[2021]` with its `holidays` and `workdays`
calendar-date-list = expected a list of dates
    .help = write `[2021-01-01, [2021-02-11, 2021-02-17]]`
calendar-range-reversed = the range ends ({$last}) before it begins ({$first})
    .help = write the first day, then the last
calendar-workday-weekday = the make-up working day {$day} is a {$weekday}, not a weekend day
    .help = `workdays` lists the Saturdays and Sundays that are working days (调休上班日)
calendar-expected-date = expected a date such as 2021-02-11
    .help = write each day as YYYY-MM-DD, a range as `[first, last]`
calendar-wrong-year = {$day} is listed under the year {$year}
    .help = move it to the table `[{$in}]`
calendar-not-a-date = `{$text}` is not a date
    .help = write each day as YYYY-MM-DD
calendar-monday = Monday
calendar-tuesday = Tuesday
calendar-wednesday = Wednesday
calendar-thursday = Thursday
calendar-friday = Friday
calendar-saturday = Saturday
calendar-sunday = Sunday
calendar-unknown-builtin = no calendar shipped inside kaohe is named `{$name}`
    .label = not a calendar kaohe ships
    .help = the calendars shipped inside kaohe are {$names}; a calendar file in the rule file's folder is named in quotes: `calendar "calendars/cn.toml"`
calendar-outside = the calendar `{$name}` lies outside the rule file's folder
    .help = a rule file names a calendar in its own folder or a folder below it, such as `calendar "calendars/cn.toml"`, or one shipped inside kaohe ({$names}); to count with another file, give it on the command line: `--calendar FILE`
    .link = a symbolic link that leads out of the rule file's folder
    .absolute = an absolute path
    .climbs = a path that climbs out of the rule file's folder with `..`
calendar-cannot-read = cannot read `{$path}`
calendar-not-a-calendar = `{$path}` is not a calendar
    .help = at {$path}:{$line}:{$column}, expected a calendar: `name = "…"` and a table per year, such as `[2021]`, with `holidays`, `workdays` and `source`; kaohe does not show the text of a file a rule file names that is not a calendar

## Reading files: paths, sizes, TOML, JSON and YAML (src/input/).

io-not-found = no such file or directory
input-here = here
input-cannot-read = cannot read `{$path}`: {$reason}
    .help = check the path, and that the file can be read
input-not-a-file = `{$path}` is {$what}
    .folder = a folder, not a regular file
    .pipe = a named pipe, not a regular file
    .device = a device, not a regular file
    .socket = a socket, not a regular file
    .other = not a regular file
    .help = kaohe reads rule files, calendars and evidence from regular files only: save the data in a file and name that file
input-too-large = `{$path}` is larger than {$mib} MiB, the most kaohe reads of such a file
    .help = check that the right file is named; docs/security.md lists the sizes kaohe reads
input-spreadsheet-one-unit = `{$name}` holds one unit per row, not one unit
    .help = read spreadsheets with `kaohe::evidence::load_file`, which gives every unit of the file
input-syntax = this {$format} file cannot be read: {$reason}
    .toml = check the quotes, commas and brackets near this place; keys in Chinese are quoted, as in `"未做意见征集" = false`, and so are tables: `["决策预公开"]`
    .help = check the quotes, commas and braces near this place
    .yaml = check the indentation, the colons after keys and the quotes near this place
input-json-comment = comments are not allowed in JSON
    .help = delete the comment, or write the evidence as TOML, where `#` starts a comment
input-json-empty = the file is empty
input-json-twice = duplicate key `{$key}`
    .help = the key `{$key}` is given twice in one object, and JSON readers disagree on which counts; keep one
input-yaml-alias = YAML aliases are not accepted in evidence
    .label = an alias
    .help = write the value itself instead of `*name`
input-too-deep = evidence nested more than {$max} deep
    .label = this one is too deep
    .help = evidence is a unit, its items, their facts and, for a tally, its members
input-yaml-empty = this YAML file is empty
    .label = no evidence
    .help = write the unit, such as `unit: 蓬江区`, and one mapping per item
input-yaml-documents = this YAML file holds more than one document
    .label = a second document begins here
    .help = give one unit per file: delete the `---` and what follows, or move it to a file of its own
input-yaml-value = this YAML value cannot be read
    .help = write a number, `true`/`false`, a date such as 2020-12-28, a text, a list or a mapping
encoding-save-csv = save it from Excel or WPS as "CSV UTF-8 (逗号分隔)(*.csv)" (另存为 → 文件类型); a "CSV (逗号分隔)" file in GBK is read too
encoding-save = kaohe reads rule files, TOML and JSON as UTF-8 only: save the file as UTF-8 (记事本 or WPS: 另存为 → 编码 UTF-8)
encoding-utf16 = `{$name}` is UTF-16 text, which kaohe does not read
    .nobom = `{$name}` is UTF-16 text without a byte-order mark, which kaohe does not read
encoding-binary = `{$name}` is {$what}
    .zip = a zip archive, such as an XLSX workbook, not a CSV text
    .xls = an Excel 97-2003 (.xls) or WPS (.et) workbook, not a CSV text
    .pdf = a PDF document, not a text
    .png = a PNG picture, not a text
    .nul = a binary file, not a text (it holds NUL bytes)
encoding-looks-gbk = `{$name}` is not UTF-8 text: it looks like GB18030 (GBK), from line {$line}
    .help = {$save}, or convert it: `iconv -f GB18030 -t UTF-8 {$name} > {$converted}`
encoding-not-utf8 = `{$name}` is not UTF-8 text: line {$line} holds a byte that is not UTF-8
    .gbk = it reads as GB18030 (GBK), as Excel and WPS save "CSV" on Chinese Windows: give `--encoding gbk`, or leave `--encoding` out
encoding-bom-not-gbk = `{$name}` is UTF-8 text (it begins with a UTF-8 byte-order mark), not GB18030 (GBK)
    .help = leave `--encoding` out, or give `--encoding utf-8`
encoding-utf8-not-gbk = `{$name}` is UTF-8 text, not GB18030 (GBK): read as GB18030 it would be garbled
encoding-not-gbk = `{$name}` is not GB18030 (GBK) text: line {$line} holds bytes that are not GB18030
encoding-unknown = cannot tell the encoding of `{$name}`: it is not UTF-8 (from line {$line}), and read as GB18030 (GBK) it holds no header of the rubric such as `单位`
    .help = if the file is GBK, say so with `--encoding gbk`; otherwise {$save}
encoding-neither = `{$name}` is neither UTF-8 nor GB18030 (GBK) text: line {$line} holds a byte that is not UTF-8
    .gbk = `{$name}` is neither UTF-8 nor GB18030 (GBK) text: line {$line} holds bytes that are not GB18030
encoding-detected = read `{$name}` as {$encoding}: it is not UTF-8
    .help = Excel and WPS save "CSV" so on Chinese Windows; give `--encoding gbk` to say so, or save the file as "CSV UTF-8"

## Evidence: the facts found for each unit (src/evidence/).

evidence-here = here
evidence-this-name = this name
evidence-unknown-field = unknown field
evidence-raw-bool = a true/false value
evidence-raw-integer = a whole number
evidence-raw-number = a number
evidence-raw-text = a text
evidence-raw-date = a date
evidence-raw-list = a list
evidence-raw-table = a table
evidence-raw-null = null
evidence-not-table = evidence must be a table, not {$found}
    .help = write `unit = "单位名称"` and one table per item
evidence-unit-name = `unit` must be the unit's name in quotes
    .label = not a name
    .help = write the assessed unit's name, such as `unit = "蓬江区"`
evidence-other-rubric = this evidence is for another rubric
    .label = not this rubric's title
    .help = the rubric is `{$title}`; score this file with its own rule file, or correct `rubric`
evidence-for-other-rubric = this evidence looks written for another rubric: {$unknown} of its {$count} items are not in `{$title}`, and {$missing} of that rubric's items are not in it
    .label = not an item of this rubric
    .help = score it with the rule file it was written for; if it is for this rubric, correct the item names it gives and add the items it lacks: {$lacks}{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
evidence-unknown-item = the rubric has no item `{$item}`
    .label = unknown item
    .help = each table is named after an item of the rule file; `kaohe outline RULE` lists them
evidence-no-unit = the evidence does not name its unit
    .label = expected `unit = "…"`
    .help = begin the file with the assessed unit's name, such as `unit = "蓬江区"`
evidence-unknown-fact = item `{$item}` has no fact `{$fact}`
    .label = unknown fact
    .help = its facts are {$facts}
    .hint = {$hint} Its facts are {$facts}
evidence-item-not-table = `{$item}` must be a table of facts, not {$found}
    .label = not a table
    .help = write `["{$item}"]` and the item's facts below it
evidence-missing = item `{$item}` is missing {$facts}
    .lacks = this item lacks facts
    .label = no table `["{$item}"]` for this unit
    .separator = {", "}
    .help = give every fact under `["{$item}"]`, for example: {$example}
evidence-wrong = `{$name}` must be {$want}, not {$found}
    .label = expected {$want}
    .help = for example `"{$name}" = {$example}`
evidence-want-bool = true or false
evidence-want-percent = a percentage
evidence-want-date = a date, or false for never
evidence-want-members = a list of members
evidence-want-tally = a table of counts by member
evidence-count-max = `{$name}` is {$count}, more than its {$max}
    .label = at most {$max}
    .help = the rule file declares `count max {$max}` (for example a sample of {$max} documents)
evidence-percent = `{$name}` is not a percentage from 0 to 100
    .label = not a percentage
    .help = write the percentage as a number, `"{$name}" = 3.5` for 3.5%, or as text `"3.5%"`
evidence-number = `{$name}` must be a number, not {$found}
    .label = not a number
    .help = write the number as digits, `"{$name}" = 12.5`, or as text `"12.5"`
evidence-number-outside = `{$name}` is {$value}, outside 0 to {$max}
    .label = outside the fact's values
    .help = give the value the assessment found for `{$name}`, 0 or more and at most the rule file's `max`
evidence-number-negative = `{$name}` is {$value}, below 0
evidence-percent-max = `{$name}` is {$value}%, above {$max}%
    .label = above the fact's `max`
    .help = the rule file allows at most {$max}%: check the value, or the rule file's `percent max`
evidence-not-a-date = `{$text}` is not a date
    .label = not a day that exists
    .help = write the date as `"{$name}" = 2020-12-28`, or `false` if it was never done
    .period = write `{$name}` as a date such as 2020-03-02
evidence-date-or-never = `{$name}` must be a date, or false for never, not {$found}
    .help = write `{$name}` as a date such as 2020-03-02, or false for never
evidence-date = `{$name}` must be a date, not {$found}
    .label = expected a date
    .help = write `{$name}` as a date such as 2020-03-02
evidence-dates = `{$name}` must be a list of dates, not {$found}
    .label = expected a list of dates
    .help = for example `"{$name}" = [2023-01-10, 2023-01-24]`, or in one text `"2023-01-10、2023-01-24"`; `[]` if it was never done
evidence-dates-piece = `{$piece}` in the dates of `{$name}` is not a date
    .label = `{$piece}` is not a date
    .help = write each date as `2023-01-10` (or `2023年1月10日`), separated by `、`, `,` or `;`
evidence-dates-year = the date {$date} of `{$name}` is not in {$year}
    .label = not in {$year}
    .help = the dates are counted over the rubric's year {$year}: give only the dates of that year
evidence-periods = `{$name}` must be a list of periods, not {$found}
    .label = expected a list
    .help = for example `"{$name}" = {$example}`; an empty list `[]` if there were none
evidence-period-table = each period of `{$name}` must be a table, not {$found}
    .label = expected `{"{"} … {"}"}`
evidence-period-field = a period of `{$name}` has no field `{$field}`
    .help = a period has `{$from}` and `{$to}` (false when it never ended)
evidence-period-reversed = a period of `{$name}` ends before it begins
    .label = check the two dates
    .help = `{$to}` is on or after `{$from}`
evidence-period-lacks = a period of `{$name}` lacks `{$fields}`
    .label = incomplete period
    .help = give both dates: `{"{"} "{$from}" = 2020-03-02, "{$to}" = 2020-03-30 {"}"}`
evidence-discretion = `{$name}` must be a score with its reason, not {$found}
    .label = expected `{"{"} score = …, reason = "…" {"}"}`
    .help = for example {$example}
evidence-score-outside = the score {$score} of `{$name}` is outside 0 to {$max}
    .label = from 0 to {$max}
    .help = the rule file allows the assessor from 0 to {$max} points here
evidence-score-number = the score of `{$name}` must be a number, not {$found}
    .label = expected a number
evidence-reason = the reason for `{$name}` must be a text that is not empty
    .label = expected the reason
    .help = a discretionary score is given with the reason for it, in words
evidence-discretion-field = `{$name}` has no field `{$field}`
    .help = a discretionary score has `score` and `reason`: {$example}
evidence-discretion-lacks = `{$name}` has no `{$field}`
    .label = `{$field}` is missing
    .help = a discretionary score needs both its score and its reason: {$example}
evidence-negative = `{$name}` is negative
    .label = a count cannot be below 0
    .help = write how many were found: 0 or more
evidence-too-large = `{$name}` is larger than any real count
    .label = too large
    .help = counts are at most {$max}; check the value
evidence-count = `{$name}` must be a whole number, not {$found}
    .label = expected a count
    .help = write how many were found, such as `"{$name}" = 2`
evidence-member = `{$member}` is not a member of `{$name}`
    .label = not in the rule file's list
    .help = the members are {$members}
    .hint = {$hint} The members are {$members}
evidence-member-name = a member of `{$name}` must be a name, not {$found}

## What the run as a whole says (src/app/).

app-not-scored = no unit was scored: the evidence has {$shown} problem(s)
    .more = no unit was scored: the evidence has more than {$shown} problems
app-units-left-out = {$count} more unit(s) cannot be scored
    .help = the first {$shown} units that cannot be scored are shown: correct their evidence and score again to see the rest
evidence-row = {$what} row {$row}
evidence-spreadsheet = `{$path}` is {$what}, which kaohe does not read
    .et = a WPS spreadsheet (.et)
    .xls = an Excel 97-2003 workbook (.xls)
    .xlsm = an Excel workbook with macros or in binary form
    .ods = an OpenDocument spreadsheet (.ods)
    .help = open it in WPS or Excel and save it as an Excel workbook: 文件 → 另存为 → Excel 工作簿 (*.xlsx), or as "CSV UTF-8"
evidence-folder = cannot read the folder `{$path}`: {$reason}
    .help = check the path
evidence-empty-folder = the folder `{$path}` holds no {$extensions} evidence
    .help = name evidence files `*.toml`, `*.json` or `*.yaml` (one unit each), or `*.csv` or `*.xlsx` (one unit a row)
evidence-not-evidence = `{$path}` is not a {$extensions} evidence file
    .help = evidence is read from `.toml`, `.json` and `.yaml` files (one unit each) and from `.csv` and `.xlsx` files (one unit a row)
evidence-units-not-one = `{$path}` holds {$count} units, not one
    .help = give one unit's evidence here, or read the file with `kaohe eval`
evidence-name-read-as = unit `{$written}` is read as `{$name}`
    .label = read as `{$name}`
    .help = kaohe drops the spaces beside Chinese characters and reads full-width letters, digits and brackets as ASCII, so that one unit always has one name; write `{$name}` to be rid of this warning
evidence-names-again = more than {$count} unit names are given more than once; only some are shown
    .help = keep one file or row per unit: correct the units shown and read again to see the rest
evidence-hidden = {$count} more problem(s) of `{$name}` are not shown
    .help = the first {$limit} problems of a file are shown: correct them and read the file again to see the rest
evidence-hidden-notes = {$count} more warning(s) about `{$name}` are not shown
    .help = the first {$limit} warnings about a file are shown
evidence-twice = unit `{$name}` has evidence in two files
    .rows = unit `{$name}` has evidence in two rows
    .label = named again here
    .first = first here
    .help = the first is {$first}; keep one file or row per unit

## Scoring, formatting, rendering and writing (src/eval/, src/formatter/, src/render/, src/cli/).

eval-calendar-year = working days in {$year} cannot be counted: {$name} does not list that year
    .label = a date in {$year}
    .none = the calendar lists no year; add the year's holidays and make-up working days to it (see its first lines)
    .help = the calendar lists {$years}; add the year's holidays and make-up working days to it (see its first lines)
eval-give-lacks = `{$item}` needs the discretionary score `{$fact}`: its condition holds for this unit
    .label = the evidence of this unit
    .help = give what the assessor gave (0 to {$max}) and why, under `["{$item}"]`: `"{$fact}" = {"{"} score = 1.5, reason = "…" {"}"}`
eval-divide-by-zero = `{$unit}` cannot be scored on `{$item}`: `{$expr}` divides by 0
    .label = the divisor is 0 for this unit
    .help = check the unit's evidence; if the value 0 is right, say in the rule file what `{$item}` scores then (`applicable unless … = 0`, or `unless … = 0`)
eval-overflow = `{$unit}` cannot be scored on `{$item}`: `{$expr}` is too large to work out
    .label = too large for this unit
    .help = check the unit's evidence for a value far too large
eval-nothing-applicable = no item is applicable to `{$name}`, so it has no score
    .label = this unit
    .help = an item is left out when its `applicable unless` condition holds; check those facts in the evidence
eval-internal = internal error: item `{$name}` scored {$score} outside {$low} to {$high}
    .label = this item
    .help = this is a bug in kaohe's checker; please report it with the rule file and the evidence
render-xlsx = cannot build the xlsx workbook: {$reason}
    .help = render the table as `--format html` or `--format md` instead, and report this
fmt-changed-meaning = formatting `{$name}` would change what it means, so it was left as it was
    .help = this is a bug in `kaohe fmt`: please report it with this file; the file is unchanged and still checks and scores as before
cli-diff-json = cannot write the report as JSON: {$reason}
    .help = write it as text (`--format text`), and report this
cli-too-many-units = {$count} units are more than `--format {$format}` keeps in memory (reports of {$limit} items and steps in all)
    .help = `--format csv` writes the ranking of any number of units; or score the units in smaller sets
cli-workbook-refused = the workbook of {$count} units could not be laid out: the system refused kaohe the threads or memory it needs
cli-fmt-folder = the folder `{$path}` holds no `.rule` file
    .help = check the path, and that the folder can be read
    .none = name the rule files to format, or a folder that holds some
cli-fmt-rewrite = cannot rewrite `{$path}`: {$reason}
    .denied = permission denied (or the file is read-only)
    .help = check that the file and its folder can be written; the file is unchanged
cli-write = cannot write the report to {$target}: {$reason}
    .nofolder = no such folder
    .help = check that the folder exists and can be written
cli-stale = {$count} temporary file(s) of kaohe lie in `{$dir}`: {$files}{$more}
    .more = {" "}and {$count} more
    .help = a run killed while writing its report (SIGKILL, a power cut) leaves one; kaohe leaves them, since another run may be writing one now: remove them once no kaohe run writes to this folder
raw-bool = a true/false value
raw-integer = a whole number
raw-float = a number
raw-string = a text
raw-date = a date
raw-array = a list
raw-table = a table
raw-null = null
raw-the-text = the text `{$text}`
cli-output-in-input-folder = `{$output}` lies in the folder `{$input}`, whose evidence this run reads
cli-output-same-as-input = `{$output}` is `{$input}`, which this run reads
cli-binary-what-report = report
cli-binary-what-form = form
cli-binary-what-table = table
cli-output-is-input = the report would replace an input: {$reason}
    .help = name a file outside the evidence for `--output`; kaohe never replaces a file it reads
cli-binary-stdout = an XLSX {$what} is a binary file and is not written to stdout
    .help = name the file to write with `--output FILE`, such as `--output 考核结果.xlsx`

## Cases: expected scores (src/cases/).

case-spreadsheet = `{$path}` is a spreadsheet, and a case is a TOML or JSON file
    .help = a case is one unit's evidence with an `[expect]` table; write it as TOML or JSON (docs/testing.md)
case-no-expect = this case pins nothing: it has no `[expect]` table
    .label = expected `[expect]` in this file
    .help = add `[expect]` with the total and any section or item to pin, such as `total = 97`; docs/testing.md has an example
case-expect-table = `expect` must be a table, not {$found}
    .label = not a table
    .help = write `[expect]` on its own line, then `total = 97` and any section or item to pin
case-expect-empty = this case pins nothing: its `[expect]` table is empty
    .label = empty
    .help = pin the total (`total = 97`) and any section or item whose score matters
case-unknown = the rubric has no section or item `{$name}` to expect
    .label = unknown name
    .help = name `total`, a section or an item exactly as in the rule file; `kaohe outline RULE` lists them
case-twice = `{$name}` is expected twice
    .label = expected again here
    .first = first expected here
    .help = keep one expectation per name
case-not-applicable = only an item can be expected `不适用`, not `{$name}`
    .label = a total or a section always has a score
    .help = expect its score instead, such as `total = 79.27`
case-score = the expected score of `{$name}` must be a number from 0 up, not {$found}
    .label = not a score
    .help = write the score as a number, such as `4` or `1.5`, or `"不适用"` for an item that does not apply

## The evidence form (src/report/template.rs).

template-cell-type = the rubric has facts no spreadsheet cell can give yet: {$facts}
    .label = a {$kind} fact
    .help = write the form with `--format toml`: TOML and JSON evidence can give `{$fact}` of `{$item}`
    .periods = a CSV file has one sheet and a `periods` fact needs its own, one row per period: write the form with `--format xlsx`, which gives `{$fact}` of `{$item}` a sheet, or with `--format toml`

## XLSX workbooks of evidence (src/evidence/workbook.rs).

workbook-too-large = `{$name}` would unpack to {$mb} MB in its part `{$part}`, more than kaohe reads
    .help = a workbook of evidence unpacks to far less than {$mb} MB; save the sheet again from Excel or WPS, or split it into several files
workbook-part = `{$name}` cannot be read as an XLSX workbook: its part `{$part}` {$reason}
    .bomb = unpacks to more than the {$declared} bytes its zip directory declares
    .bombhelp = the file is damaged, or made to unpack to far more than it says (a zip bomb); save the sheet again from Excel or WPS
    .checksum = unpacks to bytes whose checksum is not the one its zip directory declares
    .unpack = cannot be unpacked: {$why}
    .damaged = the file is damaged; save the sheet again from Excel or WPS as an Excel workbook (.xlsx)
workbook-reason = { $what ->
    [not-zip] it is not an XLSX workbook
    [password] the workbook is password protected
    [damaged] the workbook is damaged
    [missing-part] a part of the workbook is missing
   *[other] { $what }
}
workbook-unreadable = `{$name}` cannot be read as an XLSX workbook: {$what}
    .help = save the file from Excel or WPS as an Excel workbook (.xlsx); .xls, .et and password-protected files are not read
workbook-no-sheet = `{$name}` has no sheet `{$wanted}`
    .help = its sheets are {$list}
    .hint = {$hint} Its sheets are {$list}
workbook-periods-sheet = sheet `{$sheet}` of `{$name}` holds the periods of one fact, a row per period, not the units
    .help = name the sheet with a row per unit with `--sheet` (the form calls it `证据`); kaohe reads the periods sheets beside it by their names
workbook-not-cells = sheet `{$sheet}` of `{$name}` is not a worksheet of cells
    .help = name the worksheet that holds the evidence, with its header `单位` and one row per unit
workbook-no-visible = it has no visible worksheet
workbook-other-sheets = read sheet `{$sheet}` of `{$name}`; { $count ->
        [1] sheet {$list} also has an evidence header and was not read
       *[other] sheets {$list} also have an evidence header and were not read
    }
    .help = name the sheet to read with `--sheet NAME`; to score the units of several sheets, copy them into one sheet, or save each sheet as a file of its own
workbook-sheet-unreadable = sheet `{$sheet}` of `{$name}` cannot be read: {$reason}
    .help = save the file from Excel or WPS as an Excel workbook (.xlsx)
syntax-name-bracket = a fact's name cannot hold `{$found}`
    .label = inside the name
    .help = a name holds letters, Chinese characters, digits and `_` only, so no bracket of either width: write the name without it (`指南不规范条数`) and put the words in brackets into the description in quotes
syntax-unclosed = expected `{"}"}`: the file ends inside a block
    .label = the file ends here
    .open = this `{"{"}` is never closed
    .help = write `{"}"}` after the block's last statement: each `{"{"}` of a section or item needs its `{"}"}`
syntax-spaced-name = a name or title with a space must be in quotes
    .label = the name goes on past the space
    .help = write it in quotes, as in `{$quoted}`: without quotes a name or title ends at the first space
syntax-colon = `{$found}` joins the name to its points
    .label = `{$found}` here
    .points = the points were expected before this
    .help = write a space in place of `{$found}`, as in `item 决策公开 4 {"{"}`: a name written without quotes runs to the next space

## Spreadsheet evidence, cell by cell: CSV files and a workbook's sheets (src/evidence/grid/, src/evidence/cell/).

sheet-what = `{$path}`
    .sheet = sheet `{$sheet}` of `{$path}`
sheet-cell = cell {$cell} (row {$row}, {$column})
    .sheet = sheet `{$sheet}`, cell {$cell} (row {$row}, {$column})
sheet-column = column {$letters}
    .header = column `{$header}`
sheet-at = {$place}: {$message}
sheet-row = row {$row}
    .named = row {$row} (`{$name}`)
sheet-cell-header = {$cell} (`{$header}`)
sheet-expected = expected a value
    .count = expected a count
    .reason = expected a reason
    .points = expected a number of points
    .bool = expected yes or no
    .percent = expected a percentage
    .date = expected a date or false
    .members = expected member names
sheet-no-row = {$what} holds no unit: there is no row below the header
    .label = the header
    .help = fill in one row per unit below the header, starting with the unit's name
sheet-empty = {$what} holds no unit: it is empty
    .label = empty
    .help = write the header (`kaohe template RULE --format csv` makes one) and one row per unit below it
sheet-unheaded = column {$letters} has values but no header
    .label = a value under no header
    .help = write the fact's header (`ITEM/FACT`) in row {$row} above it, or delete the column
sheet-unit-twice = unit `{$name}` has evidence in two rows
    .label = named again here
    .first = first here
    .help = the first is row {$row}; keep one row per unit
sheet-cell-type = `{$header}` is a {$kind} fact, which cannot be given in a spreadsheet cell yet
    .label = not readable from a cell
    .help = give this rubric's evidence in TOML or JSON (`kaohe template RULE --format toml`)
    .periods = a workbook gives its periods on a sheet of their own, `{$sheet}`, one row per period (`kaohe template RULE --format xlsx` makes it); a CSV file cannot: give them in TOML or JSON
sheet-no-cell-fact = {$what} cannot give `{$fact}`, a {$kind} fact, which no cell of it holds
    .label = every row lacks it
sheet-periods-absent = {$what} has no sheet `{$sheet}` for the periods of `{$fact}`
    .help = add a sheet named `{$sheet}` headed `{$unit}`, `{$from}`, `{$to}`, one row per period (`kaohe template RULE --format xlsx` makes it); a unit without any period has no row there
sheet-periods-header = {$what} has no header naming `{$unit}`, `{$from}` and `{$to}`
    .label = no such header
    .help = head the sheet's columns `{$unit}`, `{$from}` and `{$to}` in one row, one period a row below it
sheet-periods-no-unit = the period names no unit: the cell is blank
    .label = blank
    .help = write in the `{$unit}` column the unit the period belongs to, as its name stands on the units' sheet
sheet-periods-blank = `{$column}` is blank
    .label = blank
    .from = write the day the period began, such as `2020-03-02`
    .to = write the day the period ended, such as `2020-03-30`, or `否` if it never ended (a request never replied to)
sheet-periods-date = `{$column}` must be a date, not `{$text}`
    .label = not a date
    .help = a period begins on a day: write it as `2020-03-02`, `2020/3/2` or `2020年3月2日`
sheet-periods-reversed = the period ends before it begins: `{$to}` is earlier than `{$from}`
    .label = the end
    .first = the beginning
    .help = check both dates: `{$to}` is the day the period ended, on or after `{$from}`
sheet-periods-unit = `{$name}` is not a unit of the units' sheet
    .label = no such unit
    .help = write the unit's name as it stands in the `{$unit}` column of the units' sheet, or remove the rows of a unit not assessed
sheet-unknown-column = the rubric has no column `{$text}`
    .label = unknown column
    .help = a fact's column is headed `ITEM/FACT` with the names of the rule file{$example}; `kaohe template RULE --format csv` writes the whole header
    .example = , such as `{$header}`
sheet-column-twice = column `{$text}` appears twice in the header
    .label = again here
    .first = first here
    .help = keep one column `{$text}` (the first is column {$letters}); delete or rename the other
sheet-no-unit-column = the header of {$what} has no `{$unit}` column
    .label = the header
    .help = add a column headed `{$unit}` holding each unit's name (`kaohe template` puts it first)
sheet-absent-columns = the header of {$what} has no column for {$count} fact value(s): {$names}{ $more ->
        [0] {""}
       *[other] , and {$more} more
    }
    .label = the header
    .help = add the missing columns (`kaohe template RULE --format csv` writes a header with every column); only a fact with a `default` may have no column
sheet-skipped = {$what}: {$count} row(s) under the units skipped: row {$rows}{ $more ->
        [0] {""}
       *[other] , and {$more} more
    }
    .label = `{$label}`: not a unit
    .help = rows of totals (合计, 小计, 平均), notes (备注), signatures (填表人, 审核人, 制表日期) and rows of formulas such as `=SUM(…)` are not units and are not scored; delete them to be rid of this warning
sheet-no-unit = row {$row} has values but no unit: cell {$cell} is blank
    .label = blank
    .help = write the assessed unit's name in the `{$unit}` column, such as `蓬江区`
sheet-in-part = `{$fact}` is given only in part: cell {$cell} is blank
    .label = blank
    .tally = fill {$cells}; write 0 where there was none, as a blank cell is a missing value, not 0
    .discretion = fill {$cells}; a discretionary score is given with its points and its reason
sheet-blanks = {$cells} cell(s) of {$items} item(s) are blank
    .label = blank
    .help = fill {$names}{ $more ->
        [0] {""}
       *[other] , and {$more} more
    }; a blank cell is a missing fact, not 0 or false
cell-error = `{$name}` holds the spreadsheet error `{$error}`, not a value
    .help = correct the formula, or type the value into the cell
cell-type = `{$name}` is a {$kind} fact, which cannot be given in a spreadsheet cell yet
    .help = give this unit's evidence in TOML or JSON
cell-bool = `{$name}` must be yes or no, not `{$text}`
    .help = write `是` or `否` (or `true`/`false`, `有`/`无`, `对`/`错`, `√`/`×`, `✓`/`✗`, `Y`/`N`, `1`/`0`)
cell-count = `{$name}` must be a whole number, not `{$text}`
    .help = write how many, a whole number, in digits (`12`, `1,234`) or in Chinese numerals (`十二`); write `0` where there was none
    .max = write how many, a whole number from 0 to {$max}, in digits (`12`, `1,234`) or in Chinese numerals (`十二`); write `0` where there was none
    .none = write `0` if there was none (`{$text}` is not read as 0); {$help}
cell-too-large = `{$name}` is larger than any real count
    .help = check the value
cell-percent = `{$name}` must be a percentage, not `{$text}`
    .help = write the percentage as a number, `3.5` for 3.5%, or as `3.5%`
cell-number = `{$name}` must be a number, not `{$text}`
    .help = write a number, 0 or more, such as `12.5`
    .max = write a number from 0 to {$max}, such as `12.5`
cell-points = `{$name}` must be a number of points, not `{$text}`
    .help = write the points given, a number from 0 to {$max}
cell-reason = write the reason for the score, in words
cell-members = `{$name}` must list members by name, not `{$text}`
    .help = list the members present, separated by `、` (or `，` `,` `；` `;` `|` or line breaks), such as `{$example}`, or write `无` for none; the members are {$members}
cell-date = `{$name}` must be a date or `false`, not `{$text}`
    .help = write the day as `2020-12-30`, `2020/12/30`, `2020.12.30` or `2020年12月30日`, or `否` (or `false`, `无`) if it was never done
cell-day-number = `{$name}` holds Excel's day number `{$serial}`, {$why}
    .help = type the date into the cell, such as `2020-12-30`
    .format = format the cell as a date (设置单元格格式 → 日期) to see the day, and type the right one
cell-no-such-day = `{$name}` is `{$text}`, a day that does not exist: {$why}
    .help = correct the date in the cell; it is read as year, month, day, in that order
cell-date-number = `{$name}` must be a date, not the number `{$text}`
    .help = `{$text}` is Excel's day number of {$day}; if that is the day, write `{$day}`
cell-no-day = which is no day
    .after = which is after 9999-12-31, the last day Excel counts
    .zero = which Excel shows as 1900-01-00, a day that does not exist
    .leap = which Excel shows as 1900-02-29, a day that never was (Excel takes 1900 for a leap year)
cell-no-month = there is no month {$month}
cell-no-day-zero = there is no day 0
cell-month-days = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } {$year} has {$days} days

## Why a TOML, JSON or YAML file cannot be read (src/input/reason.rs): in English the
## parser's own text is kept; these say the same.

input-reason = { $what ->
    [duplicate-key] duplicate key
    [unquoted-key] invalid unquoted key
    [empty-key] unquoted keys cannot be empty
    [no-value] key with no value
    [missing-value] missing value
    [unquoted-string] string values must be quoted
    [bad-string] invalid string
    [opening-quote] missing opening quote
    [unclosed-table] unclosed table
    [unclosed-array] unclosed array
    [unclosed-inline-table] unclosed inline table
    [array-comma] missing comma between array elements
    [pair-comma] missing comma between key-value pairs
    [extra-comma] extra comma
    [missing-equals] missing assignment between key-value pairs
    [extra-equals] extra `=`
    [escape] invalid escape
    [leading-zero] unexpected leading zero
    [boolean] invalid boolean
    [number] invalid number
    [date] invalid date-time
    [extra-content] unexpected content
    [bad-value] invalid value
    [bad-pair] invalid key-value pair
    [eof] EOF while parsing a value
    [colon] expected `:`
    [comma-array] expected `,` or `]`
    [comma-object] expected `,` or `{"}"}`
    [ident] expected ident
    [value] expected value
    [json-key] key must be a string
    [trailing] trailing characters
    [control] control character found while parsing a string
    [unicode] invalid unicode escape
    [yaml-mapping] mapping values are not allowed in this context
    [yaml-dash] did not find expected '-' indicator
    [yaml-tab] tabs disallowed within this context
    [yaml-key] did not find expected key
   *[other] { $what }
}
input-reason-token = { $token ->
    [letters] letters
    [numbers] numbers
    [digits] digits
    [key] key
    [value] value
    [string] string
   *[other] { $token }
}
input-reason-expected = { $reason }, expected { $expected }
input-reason-or = { $list }, { $last }
input-reason-other = { $detail }
