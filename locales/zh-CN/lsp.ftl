# kaohe 的中文消息:语言服务器 `kaohe lsp`(src/lsp/)。与 locales/en/lsp.ftl 的 id 相同。

## 悬停提示:指标、一级指标、事实和成员。

lsp-hover-item = 指标 `{$name}`:{$points} 分
lsp-hover-criterion = 评分细则:
lsp-hover-note = 注:
lsp-hover-pooled-low = 本项不设下限(所在指标扣分合并计算)
lsp-hover-reach = 起始 {$start} 分;{$clauses} 条评分规则可使得分在 {$lo} 至 {$hi} 之间,最终得分限定在 {$low} 至 {$high} 之间。
lsp-hover-item-uncapped = 指标 `{$name}`:不设上限
lsp-hover-no-cap = 不设上限
lsp-hover-cap = `{$name}` 的分值是上限,不是合计:各项({$parts})最多计 {$points} 分。
lsp-hover-cap-none = `{$name}` 不设上限:各项所加(所扣)的分数全部计入。
lsp-hover-sum = 一级指标 `{$name}` 共 {$points} 分,各部分合计相符:{$parts} = {$sum}。
lsp-hover-sum-off = 一级指标 `{$name}` 共 {$points} 分,但各部分合计 {$sum}:{$parts}。
lsp-hover-fact = 事实 `{$name}`:{$kind}
lsp-hover-members = 可取值:
lsp-hover-member = `{$fact}` 的成员 `{$name}`
lsp-hover-undeclared = 本指标未声明 `{$name}`
lsp-hover-read-by = 读取它的规则:
lsp-hover-no-reader = 没有规则读取它。

## 补全、重命名和快速修复。

lsp-snippet-item = 指标,含分值和评分细则
lsp-snippet-fact = 事实,含类型和说明
lsp-completion-member = `{$fact}` 的成员
lsp-rename-not-a-name = `{$name}` 不能作名称:名称由文字、数字和 `_` 组成,且不能是关键字
lsp-rename-nothing = 此处没有可重命名的事实或成员
lsp-action-replace = 将 `{$found}` 改为 `{$replacement}`
lsp-action-delete = 删除 `{$found}`

## 关键字:每个一行说明并附示例(悬停和补全用)。grammar/rule.pest 的每条 `kw_`
## 规则都有一条(tests/lsp.rs 检查)。

lsp-keyword-rubric = 考核表名称。示例:`rubric 2020年政务公开工作要点考核表`
lsp-keyword-source = 考核表出处。示例:`source "江府办函〔2020〕202号 附件1"`
lsp-keyword-total = 考核表总分;加 `max` 时为加分后的最高分。示例:`total 100 max 105`
lsp-keyword-year = 考核年度:日期和时限按此核对。示例:`year 2020`
lsp-keyword-round = 折算总分的保留位数和舍入方式。示例:`round 2 half-up`
lsp-keyword-section = 一级指标及其分值;各部分合计应等于该分值。示例:`section 主动公开 30 {"{"} … {"}"}`
lsp-keyword-item = 二级指标:评分的最低一级,及其分值。示例:`item 决策公开 4 {"{"} … {"}"}`
lsp-keyword-text = 印发的评分说明与细则原文。示例:`text """…"""`
lsp-keyword-note = 考核表中的注。示例:`note "含重点督查项目"`
lsp-keyword-fact = 本指标从证据中读取的事实及其类型。示例:`fact 未标记失效文件数 count "说明"`
lsp-keyword-bool = 是或否的事实。示例:`fact 未开设专栏 bool`
lsp-keyword-count = 计数的事实;抽查两个时写 `count max 2`。示例:`fact 指南不规范条数 count`
lsp-keyword-percent = 百分比的事实。示例:`fact 答复率 percent`
lsp-keyword-date = 日期的事实(未办为 false)。示例:`fact 预案发布日期 date`
lsp-keyword-set = 事实:所列成员中具备哪些。示例:`fact 栏目 set {"{"}概况, 动态{"}"}`
lsp-keyword-tally = 事实:所列每个成员各计一个数。示例:`fact 通报 tally {"{"}省府办, 市府办{"}"}`
lsp-keyword-default = 证据未填时事实的取值。示例:`fact 通报次数 count default 0`
lsp-keyword-start = 指标在评分规则之前的起始分。示例:`start 0`
lsp-keyword-applicable = 指标对某单位不适用的情形。示例:`applicable unless 无此职能`
lsp-keyword-unless = 规则(或指标)不适用的条件。示例:`if 未公开 -2 unless 已整改`
lsp-keyword-if = 规则:条件成立时计一次。示例:`if 报道次数 < 10 zero`
lsp-keyword-per = 规则:每发现一条、每个成员或每个期间计一次。示例:`per 未标记失效文件数 -1 floor 0`
lsp-keyword-missing = 规则:集合中每缺一个所列成员计一次。示例:`missing 栏目 -1`
lsp-keyword-deadline = 规则:日期晚于时限或未办时计。示例:`deadline 发布日期 by 2020-12-30 -3`
lsp-keyword-by = 时限的日期。示例:`deadline 发布日期 by 2020-03-31 -2`
lsp-keyword-except = `per` 或 `missing` 规则不计的成员。示例:`per 通报 except {"{"}市府办{"}"} -1`
lsp-keyword-zero = 指标不得分。示例:`if 未公开 zero`
lsp-keyword-of = 按指标分值或得分的百分比。示例:`-50% of points`
lsp-keyword-points = 按指标满分的百分比。示例:`if 未更新 -50% of points`
lsp-keyword-score = 按指标当前得分的百分比。示例:`if 未更新 -50% of score`
lsp-keyword-floor = 规则最低扣到的分数。示例:`per 错误条数 -1 floor 0`
lsp-keyword-max = 规则最多增减的分数,或计数、酌情分的上限。示例:`per 条数 -1 max 3`
lsp-keyword-not = 条件取反。示例:`if not 已公开 -2`
lsp-keyword-and = 两个条件同时成立。示例:`if 未公开 and 未说明 -2`
lsp-keyword-or = 任一条件成立。示例:`if 未公开 or 逾期 -2`
lsp-keyword-true = 是。示例:`fact 已公开 bool default true`
lsp-keyword-false = 否。示例:`fact 已公开 bool default false`
lsp-keyword-half-up = 舍入:四舍五入。示例:`round 2 half-up`
lsp-keyword-half-even = 舍入:四舍六入五成双。示例:`round 2 half-even`
lsp-keyword-up = 舍入:一律进位。示例:`round 1 up`
lsp-keyword-down = 舍入:一律舍去。示例:`round 1 down`
lsp-keyword-calendar = 计算工作日所用的日历。示例:`calendar cn`
lsp-keyword-bonus = 加分项:在总分之上加分,最多加至其分值。示例:`bonus 加分项 5 {"{"} … {"}"}`
lsp-keyword-penalty = 倒扣分项:从总分中扣除,最多扣至其分值。示例:`penalty 扣分项 10 {"{"} … {"}"}`
lsp-keyword-periods = 事实:一组从某日到某日的期间。示例:`fact 申请 periods from 收到日期 to 答复日期`
lsp-keyword-from = 期间开始日期所在的列。示例:`periods from 收到日期 to 答复日期`
lsp-keyword-to = 期间结束日期所在的列。示例:`periods from 收到日期 to 答复日期`
lsp-keyword-over = 超过若干天的期间。示例:`per 申请 over 20 workdays -1`
lsp-keyword-workdays = 工作日,按考核表的日历计算。示例:`over 20 workdays`
lsp-keyword-days = 自然日。示例:`over 15 days`
lsp-keyword-discretion = 事实:由考核人员酌情给分,不超过上限。示例:`fact 评议 discretion max 2`
lsp-keyword-late = 时限规则:逾期办理时的扣分。示例:`deadline 日期 by 2020-03-31 late -1 never -2`
lsp-keyword-never = 时限规则:始终未办时的扣分。示例:`deadline 日期 by 2020-03-31 late -1 never -2`
lsp-keyword-allow = 本指标确认知悉某项检查。示例:`allow outside_year`
lsp-keyword-draft = 标明评分表是尚在录入的草稿:分值合计不符只作警告。示例:`draft`
lsp-keyword-columns = `render` 输出考核表时各列的标题,从左到右。示例:`columns {"{"} level "类别" points "分值" text "考核标准" {"}"}`
lsp-keyword-level = 在 `columns` 中,指标类别一列的标题。示例:`columns {"{"} level "类别" {"}"}`
lsp-keyword-methods = 同一张评分表按两种以上考核方式分别评分,再按比重合计。示例:`methods {"{"}网上考核 80%, 现场考核 20%{"}"}`
lsp-keyword-number = 数值的事实(得分、金额等),不是计数。示例:`fact 季度平均分 number max 100`
lsp-keyword-pooled = 各项扣分可以超过本项分值,但本指标合计不低于0分、不超过本指标分值(本一级指标扣完为止)。示例:`section 信息发布 20 pooled {"{"}`
lsp-keyword-min = 写在 `total` 之后,表示总分的最低分:只有 `min none`,即总分可以低于0分。示例:`total 100 min none`
lsp-keyword-none = 不设限:写在加分项、倒扣分及其考核项的分值处,表示不设上限(如每受表彰一次加3分);写在 `min` 之后,表示总分可以低于0分。示例:`bonus 表彰奖励 none {"{"}`、`total 100 min none`
lsp-keyword-step = 按整档计算一个数量。示例:`per (公开数 / 规定数 - 130%) step 20% +1`
lsp-keyword-give = 酌情给分:以考核人员给出的酌情分代替本项分值。示例:`if 未按制度实施 give 执行酌情分`
lsp-keyword-dates = 事实类型:一组日期(如栏目更新日期),用 `over` 统计相邻日期的间隔。示例:`fact 动态更新 dates`
