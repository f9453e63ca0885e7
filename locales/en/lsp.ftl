# kaohe's messages in English: the language server, `kaohe lsp` (src/lsp/). The same
# ids as locales/zh-CN/lsp.ftl.

## Hover on an item, a section, a fact or a member.

lsp-hover-item = item `{$name}`: {$points} points
lsp-hover-criterion = Criterion (评分细则):
lsp-hover-note = Note:
lsp-hover-pooled-low = no lowest of its own (its section is pooled)
lsp-hover-reach = The score starts at {$start}; its {$clauses ->
        [one] one clause
       *[other] {$clauses} clauses
    } can take it from {$lo} to {$hi}, and it is held within {$low} and {$high}.
lsp-hover-item-uncapped = item `{$name}`: no cap (不设上限)
lsp-hover-no-cap = no cap
lsp-hover-cap = `{$name}` has a cap, not a budget: its parts ({$parts}) count for {$points} points at the most.
lsp-hover-cap-none = `{$name}` has no cap (不设上限): all that its parts give or take counts.
lsp-hover-sum = Section `{$name}` has {$points} points; its parts add up to it: {$parts} = {$sum}.
lsp-hover-sum-off = Section `{$name}` has {$points} points, but its parts add up to {$sum}: {$parts}.
lsp-hover-fact = fact `{$name}`: {$kind}
lsp-hover-members = Allowed values:
lsp-hover-member = member `{$name}` of `{$fact}`
lsp-hover-undeclared = `{$name}` is not declared in this item
lsp-hover-read-by = Read by:
lsp-hover-no-reader = No clause reads it.

## Completion, rename and quick fixes.

lsp-snippet-item = an item with its points and criterion
lsp-snippet-fact = a fact with its type and description
lsp-completion-member = a member of `{$fact}`
lsp-rename-not-a-name = `{$name}` cannot be a name: a name is letters, digits and `_`, not a keyword
lsp-rename-nothing = there is no fact or member here to rename
lsp-action-replace = replace `{$found}` with `{$replacement}`
lsp-action-delete = delete `{$found}`

## Keywords: one line each, with an example (hover and completion). Every `kw_` rule
## of grammar/rule.pest has one (tests/lsp.rs checks).

lsp-keyword-rubric = The rubric's title. Example: `rubric 2020年政务公开工作要点考核表`
lsp-keyword-source = Where the rubric comes from. Example: `source "江府办函〔2020〕202号 附件1"`
lsp-keyword-total = The rubric's total points, and with `max` the most bonus points may lift it to. Example: `total 100 max 105`
lsp-keyword-year = The year assessed: dates and deadlines are checked against it. Example: `year 2020`
lsp-keyword-round = How a prorated total is rounded: decimal places and mode. Example: `round 2 half-up`
lsp-keyword-section = A section (一级指标) with its points; its parts add up to them. Example: `section 主动公开 30 {"{"} … {"}"}`
lsp-keyword-item = An item (二级指标): the scored level, with its points. Example: `item 决策公开 4 {"{"} … {"}"}`
lsp-keyword-text = The criterion text (评分细则) as published. Example: `text """…"""`
lsp-keyword-note = A note of the table (注). Example: `note "含重点督查项目"`
lsp-keyword-fact = A fact the item reads from the evidence, with its type. Example: `fact 未标记失效文件数 count "说明"`
lsp-keyword-bool = A fact that is true or false. Example: `fact 未开设专栏 bool`
lsp-keyword-count = A fact that counts findings; `count max 2` for a sample of two. Example: `fact 指南不规范条数 count`
lsp-keyword-percent = A fact that is a percentage. Example: `fact 答复率 percent`
lsp-keyword-date = A fact that is a date (or false for never). Example: `fact 预案发布日期 date`
lsp-keyword-set = A fact: which of the listed members are present. Example: `fact 栏目 set {"{"}概况, 动态{"}"}`
lsp-keyword-tally = A fact: a count for each listed member. Example: `fact 通报 tally {"{"}省府办, 市府办{"}"}`
lsp-keyword-default = The value a fact has when the evidence leaves it empty. Example: `fact 通报次数 count default 0`
lsp-keyword-start = The points an item starts from before its clauses. Example: `start 0`
lsp-keyword-applicable = When the item does not apply to a unit. Example: `applicable unless 无此职能`
lsp-keyword-unless = A condition under which a clause (or the item) does not apply. Example: `if 未公开 -2 unless 已整改`
lsp-keyword-if = A clause: the effect once when the condition holds. Example: `if 报道次数 < 10 zero`
lsp-keyword-per = A clause: the effect once per finding, member or period. Example: `per 未标记失效文件数 -1 floor 0`
lsp-keyword-missing = A clause: the effect once per listed member absent from a set. Example: `missing 栏目 -1`
lsp-keyword-deadline = A clause: the effect when a date is after the deadline, or absent. Example: `deadline 发布日期 by 2020-12-30 -3`
lsp-keyword-by = The deadline's date. Example: `deadline 发布日期 by 2020-03-31 -2`
lsp-keyword-except = Members a `per` or `missing` clause leaves out. Example: `per 通报 except {"{"}市府办{"}"} -1`
lsp-keyword-zero = The effect that gives the item 0 points (不得分). Example: `if 未公开 zero`
lsp-keyword-of = A percentage of the item's points or score. Example: `-50% of points`
lsp-keyword-points = A percentage of the item's full points. Example: `if 未更新 -50% of points`
lsp-keyword-score = A percentage of the item's score as it stands. Example: `if 未更新 -50% of score`
lsp-keyword-floor = How low a clause may take the item's score. Example: `per 错误条数 -1 floor 0`
lsp-keyword-max = The most a clause may change, or the most a count or discretion may be. Example: `per 条数 -1 max 3`
lsp-keyword-not = Negates a condition. Example: `if not 已公开 -2`
lsp-keyword-and = Both conditions hold. Example: `if 未公开 and 未说明 -2`
lsp-keyword-or = Either condition holds. Example: `if 未公开 or 逾期 -2`
lsp-keyword-true = The value true. Example: `fact 已公开 bool default true`
lsp-keyword-false = The value false. Example: `fact 已公开 bool default false`
lsp-keyword-half-up = Rounding: halves away from zero (四舍五入). Example: `round 2 half-up`
lsp-keyword-half-even = Rounding: halves to the even digit. Example: `round 2 half-even`
lsp-keyword-up = Rounding: always away from zero. Example: `round 1 up`
lsp-keyword-down = Rounding: always toward zero. Example: `round 1 down`
lsp-keyword-calendar = The calendar working days are counted with. Example: `calendar cn`
lsp-keyword-bonus = A bonus section (加分项): added on top, at most its points. Example: `bonus 加分项 5 {"{"} … {"}"}`
lsp-keyword-penalty = A penalty section (倒扣分): taken off, at most its points. Example: `penalty 扣分项 10 {"{"} … {"}"}`
lsp-keyword-periods = A fact: a list of periods from one date to another. Example: `fact 申请 periods from 收到日期 to 答复日期`
lsp-keyword-from = The column a period starts with. Example: `periods from 收到日期 to 答复日期`
lsp-keyword-to = The column a period ends with. Example: `periods from 收到日期 to 答复日期`
lsp-keyword-over = Periods longer than so many days. Example: `per 申请 over 20 workdays -1`
lsp-keyword-workdays = Working days, by the rubric's calendar. Example: `over 20 workdays`
lsp-keyword-days = Calendar days. Example: `over 15 days`
lsp-keyword-discretion = A fact: points at the assessor's discretion, up to a maximum. Example: `fact 评议 discretion max 2`
lsp-keyword-late = A deadline's effect when the date is late. Example: `deadline 日期 by 2020-03-31 late -1 never -2`
lsp-keyword-never = A deadline's effect when it was never done. Example: `deadline 日期 by 2020-03-31 late -1 never -2`
lsp-keyword-allow = Acknowledges a check for this item. Example: `allow outside_year`
lsp-keyword-draft = Marks the table as a draft still being typed: its sums are warnings, not errors. Example: `draft`
lsp-keyword-columns = The table's own column headings in `render`, left to right. Example: `columns {"{"} level "类别" points "分值" text "考核标准" {"}"}`
lsp-keyword-level = In `columns`, the heading of the sections' column. Example: `columns {"{"} level "类别" {"}"}`
lsp-keyword-methods = One table scored by two methods or more, each with its weight, blended. Example: `methods {"{"}网上考核 80%, 现场考核 20%{"}"}`
lsp-keyword-number = A fact that is a number, not a count (a score, an amount). Example: `fact 季度平均分 number max 100`
lsp-keyword-pooled = A section whose items' deductions may pass their own points, the section's score kept within 0 and its points (本一级指标扣完为止). Example: `section 信息发布 20 pooled {"{"}`
lsp-keyword-min = The least a unit may score, after `total`: only `min none`, a total that may go below 0. Example: `total 100 min none`
lsp-keyword-none = No limit: in place of a bonus or penalty part's points, no cap (每受表彰一次加3分); after `min`, a total that may go below 0. Example: `bonus 表彰奖励 none {"{"}`, `total 100 min none`
lsp-keyword-step = Counts a quantity in whole steps. Example: `per (公开数 / 规定数 - 130%) step 20% +1`
lsp-keyword-give = Discretion given in place of points (酌情给分): the assessor's score of a discretion fact. Example: `if 未按制度实施 give 执行酌情分`
lsp-keyword-dates = A fact: a list of dates (update dates), its gaps counted by `over`. Example: `fact 动态更新 dates`
