# kaohe's messages in English: checker (the same ids as locales/zh-CN/checker.ftl).

checker-denied-warnings = { $count ->
    [one] { $count } warning, and `--deny-warnings` refuses any: nothing was scored
   *[other] { $count } warnings, and `--deny-warnings` refuses any: nothing was scored
}

checker-allow-unknown = `allow { $name }` names no check
    .label = not a check kaohe knows
    .help = `allow` takes one of { $names }
checker-allow-unused = `allow { $name }` has nothing to acknowledge
    .label = no date of this item lies outside { $year }
    .help = delete the line: the item's dates all lie in the rubric's year
checker-acknowledged = acknowledged by `allow { $name }`
    .label = acknowledged by `allow { $name }`
checker-allow-nothing = `allow { $name }` has nothing to acknowledge
    .label = the item `{ $item }` gives no `{ $code }` warning
    .help = delete the line: the check no longer finds what it acknowledged
checker-acknowledged-count = { $count ->
    [one] { $count } warning acknowledged by `allow` in the rule file
   *[other] { $count } warnings acknowledged by `allow` in the rule file
}
checker-acknowledged-verbose = `kaohe check --verbose` shows them

checker-value-absent = not given
checker-domain-bool = `{ $name }` is true or false
checker-domain-count = `{ $name }` is a whole number from 0 up
checker-domain-count-max = `{ $name }` is from 0 to { $max }
checker-domain-percent = `{ $name }` is from 0% to 100%
checker-domain-date = `{ $name }` is a date or not given
checker-applicable-never = `applicable unless` can never hold: the item applies to every unit
    .label = no unit's facts make this true
    .help = { $domains }; no value makes the condition true. Check its numbers and comparisons, or delete the line
checker-applicable-always = `applicable unless` holds for every unit: the item applies to none
    .label = every unit's facts make this true
    .help = { $domains }; every value makes the condition true, so every unit's score is prorated without this item. Check its numbers, comparisons and `not`s
checker-condition-never = this condition can never hold: the clause never applies
    .label = no unit's facts make this true
    .effect = never taken
    .help = { $domains }; no value makes the condition true (with { $example }, for one, it is false). Check the number and the comparison: a slip such as `< 0` for `< 10` turns the clause off for every unit
checker-condition-inapplicable = this condition holds only where the item does not apply: the clause never applies
    .label = true only for units the item does not apply to
    .applicable = the item does not apply when this holds
    .help = check the condition against the `applicable unless` line: one of them is likely reversed
checker-condition-always = this condition holds for every unit: the clause always applies
    .label = every unit's facts make this true
    .effect = taken from every unit
    .help = { $domains }; every value makes the condition true (with { $example }, for one). Check the number, the comparison and the `not`s; if the effect is meant for every unit, write the item's points or `start` instead
checker-unless-never = this `unless` can never hold: the exemption never applies
    .label = no unit's facts make this true
    .help = { $domains }; no value makes the exemption true where the clause applies. Check its numbers and comparisons, or delete `unless …`
checker-unless-always = this `unless` holds whenever the clause would apply: the clause never applies
    .label = exempts every unit
    .effect = never taken
    .help = wherever the clause's condition holds, the exemption does too (as with { $example }). Check the exemption's condition: one of the two is likely reversed
checker-condition-undecided = the conditions of this item are too many to decide exactly
    .label = not decided
    .help = deciding this condition means trying { $count } combinations of values, more than the { $limit } kaohe tries; it was not checked for being always true or never true. Splitting the item, or its condition, lets it be checked

checker-dead-floor = this clause can never take anything: its `floor { $floor }` is the item's points
    .label = the score may not go below { $floor }
    .points = the item is worth { $points }
    .help = a score never starts above the item's points, so the clause stops before it takes any. Usually `floor 0` was meant (扣完为止); check the number against the table
checker-dead-repeat = this clause repeats another of the item
    .label = the same clause again
    .first = first written here
    .help = a finding is deducted once per clause: delete the copy, or change it to what the table says
checker-dead-zero = this clause never changes a score: wherever it applies, a `zero` of the item applies too
    .label = applies only where the item scores 0
    .zero = this `zero` applies whenever the clause does
    .help = 不得分 sets the item to 0 whatever else applies. Check the conditions of the two clauses: one of them is likely wrong, or the clause can be deleted

checker-text-unsaid = the text says { $said }, and no clause of the item carries { $number }
    .label = the text says { $said }
    .clause = no clause carries { $number }
    .help = a clause's number or date likely differs from the criterion text (a table edited for the next year is where this happens): make the two agree; if the difference is meant, write `allow text` in the item
checker-text-untold = the clause carries { $number }, and the text does not say it
    .label = { $number } here
    .text = the criterion text says no { $number }
    .help = a clause's number or date likely differs from the criterion text (a table edited for the next year is where this happens): make the two agree; if the difference is meant, write `allow text` in the item
checker-text-allow-unused = `allow text` has nothing to acknowledge
    .label = the text and the clauses agree
    .help = delete the line: every number and date of the text is carried by a clause, and back

check-columns-levels = the columns name {$levels} levels, and the table has {$depth}
    .label = the deepest item stands at level {$depth}
    .help = write one `level` column for each level of the table, the outermost first (一级指标, 二级指标, …)
check-columns-level-late = a `level` column after the points or text
    .label = a `level` column here
    .help = put the `level` columns first, the outermost first, as the table prints its indicators
check-columns-points = the columns need one `points` column, not {$count}
    .label = the `points` columns
    .help = name the column of the points (分值) once, or of the weights with `points "权重" percent`
check-columns-text = the columns have no `text` column
    .label = no column for the criterion text
    .help = add `text "考核标准"` (or the table's own heading); a second `text` column takes each item's second `text`
check-columns-percent = `percent` goes with the `points` column only
    .label = not the points
    .help = delete `percent` here; write it after the `points` column to print weights as percentages

check-methods-one = a blended table needs two methods or more
    .label = one method
    .help = name each method with its weight: `methods {"{"}网上考核 80%, 现场考核 20%{"}"}`; a table scored one way needs no `methods`
check-methods-twice = the method `{$name}` is named twice
    .label = named again here
    .first = first named here
    .help = name each method once
check-methods-zero = the method `{$name}` weighs nothing
    .label = a weight of 0
    .help = give the method its weight in the table, or delete it
check-methods-sum = the methods' weights add up to {$sum}%, not 100%
    .label = {$sum}% in all
    .help = check each method's weight against the table (网上考核占80%, 现场考核占20%)
