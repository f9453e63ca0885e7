# kaohe 的简体中文消息:各类报告(评分表的扣分说明、explain、排名表、test 与 diff 的报告、进度)。
# 与 locales/en/reports.ftl 的消息一一对应,参数相同。

## 扣分说明:每个改变得分的条款一句话,用考核表的措辞。
## $sign 为 minus(扣分)或 plus(得分)。

narr-sentence = { $what },{ $how }。
narr-paragraph-join = {""}
narr-method = { $method }(占{ $weight }%){ $score }:
narr-method-plain = { $method }(占{ $weight }%){ $score }。
narr-method-score = 得{ $score }分
narr-method-none = 不适用
narr-method-blend = 加权得{ $score }分。
narr-part-join = ,
narr-points = { $sign ->
    [minus] 扣{ $points }分
   *[plus] 得{ $points }分
}
narr-each = { $sign ->
    [minus] 每{ $unit }扣{ $points }分
   *[plus] 每{ $unit }得{ $points }分
}
narr-percent = { $sign ->
    [minus] 扣{ $percent }%,即{ $points }分
   *[plus] 加{ $percent }%,即{ $points }分
}
narr-percent-score = { $sign ->
    [minus] 扣当时得分的{ $percent }%,即{ $points }分
   *[plus] 加当时得分的{ $percent }%,即{ $points }分
}
narr-each-percent = { $sign ->
    [minus] 每{ $unit }扣{ $percent }%
   *[plus] 每{ $unit }加{ $percent }%
}
narr-floor-zero = (扣完为止)
narr-floor-at = (扣至{ $limit }分为止)
narr-floor-spent = 应扣{ $points }分,该项已扣完,不再扣分
narr-spent = 该项已扣完,不再扣分
narr-max = { $sign ->
    [minus] (最多扣{ $limit }分)
   *[plus] (最多得{ $limit }分)
}
narr-except = ({ $members }不计分)
narr-zero = { $what },不得分。
narr-zero-again = { $what },不得分(该项已为0分)。
narr-exempted = { $sign ->
    [minus] { $what },但{ $unless },不扣分。
   *[plus] { $what },但{ $unless },不计分。
}
narr-not-applicable = { $what },不适用,折分处理。
narr-nothing-earned = 未有得分情形,得{ $score }分。
narr-bound-low = 扣完为止,本项得0分。
narr-bound-high = 本项最多得{ $limit }分。
narr-bound-penalty = 本项最多扣{ $limit }分。
narr-list-join = 、
narr-and-join = ,
narr-or-join = 或
narr-count = { $subject }{ $count }
narr-count-member = { $subject }({ $member }){ $count }
narr-value = { $subject }为{ $value }
narr-value-member = { $subject }({ $member })为{ $value }
narr-compare = { $what },{ $op ->
    [lt] 少于
    [le] 不超过
    [gt] 超过
    [ge] 不少于
    [eq] 等于
   *[ne] 不等于
}{ $limit }
narr-compare-value = { $what },{ $op ->
    [lt] 低于
    [le] 不高于
    [gt] 高于
    [ge] 不低于
    [eq] 等于
   *[ne] 不等于
}{ $limit }
narr-not = { $what }:否
narr-yes = 是
narr-no = 否
narr-set = { $subject }:{ $members }
narr-missing = { $subject }缺少{ $members }
narr-over = 超过{ $limit }{ $unit ->
    [workdays] 个工作日
   *[days] 天
}的{ $subject }{ $count }件({ $periods })
narr-period = { $from }至{ $to },用时{ $taken }{ $unit ->
    [workdays] 个工作日
   *[days] 天
}
narr-period-never = { $from }起未办结
narr-period-join = ;
narr-unit-case = 件
narr-given = 酌情评分,理由:{ $reason }
narr-give = { $what },酌情给{ $score }分(理由:{ $reason })。
narr-judged = 根据实际情况评分,得{ $score }分(满分{ $max }分,理由:{ $reason })。
narr-gaps = { $subject }间隔超过{ $limit }{ $unit ->
    [workdays] 个工作日
   *[days] 天
}{ $count }次({ $gaps })
narr-gap = { $from }至{ $to },间隔{ $taken }{ $unit ->
    [workdays] 个工作日
   *[days] 天
}
narr-unit-gap = 次
narr-periods-any = 有超过{ $limit }{ $unit ->
    [workdays] 个工作日
   *[days] 天
}的{ $subject }
narr-periods-late = 有超过{ $limit }{ $unit ->
    [workdays] 个工作日
   *[days] 天
}的{ $subject }{ $count }件({ $periods })
narr-periods-over = 超过{ $limit }{ $unit ->
    [workdays] 个工作日
   *[days] 天
}的{ $subject }
narr-gap-any = { $subject }有间隔超过{ $limit }{ $unit ->
    [workdays] 个工作日
   *[days] 天
}
narr-after = { $subject }:于{ $date }完成,晚于{ $deadline }
narr-never = { $subject }:未在{ $deadline }前完成
narr-date = { $year }年{ $month }月{ $day }日
narr-unit-default = 项
narr-unit-found = 个
narr-measured = { $subject }为{ $value }
narr-measured-step = { $subject }为{ $value },每{ $step }计一档,计{ $count }档
narr-unit-step = 档

## 评分表(Markdown、XLSX)。

sheet-md-header = | 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明 |
sheet-not-applicable = 不适用
sheet-total = 合计
sheet-prorated = 折分处理:适用指标得分 { $earned } ÷ 适用指标分值 { $applicable } × { $total }
sheet-bonus = 加分 +{ $points }
sheet-penalty = 倒扣 { $points }
sheet-limited-most = 合计 { $raw } 分,超过最高分,按 { $score } 分计
report-no-cap = 不设上限
sheet-limited-zero = 合计 { $raw } 分,低于0分,按0分计
sheet-pooled-cut = { $name }各项合计 { $sum } 分,本指标扣完为止(0至{ $points }分),得 { $score } 分

## kaohe explain

explain-score = 得分 { $score }(满分 { $total })
explain-prorated = 折分处理:适用指标得分 { $earned }(适用指标分值 { $applicable }),× { $total } ÷ { $applicable },按规定位数取舍
explain-section = { $kind ->
    [bonus] 加分项
   *[penalty] 倒扣分
} { $name }:{ $score }
explain-section-cap = { $verb ->
    [gave] (各项共得 { $raw } 分,该部分最多 { $points } 分)
   *[took] (各项共扣 { $raw } 分,该部分最多 { $points } 分)
}
explain-item-lost = { $path }:得 { $score } 分(分值 { $points } 分,扣 { $lost } 分)
explain-item-full = { $path }:得 { $score } 分(分值 { $points } 分)
explain-item-na = { $path }:不适用,不计入总分
explain-item-bonus = { $path }:加 { $score } 分(加分项,最多 { $points } 分)
explain-item-penalty = { $path }:扣 { $score } 分(倒扣分,最多 { $points } 分)
explain-item-bonus-open = { $path }:加 { $score } 分(加分项,不设上限)
explain-item-penalty-open = { $path }:扣 { $score } 分(倒扣分,不设上限)
explain-none = 未扣分
explain-clause = 条款 { $clause }({ $file }:{ $line })
trace-line = 第 { $line } 行:{ $clause }

## 排名表(table、CSV、XLSX 的排名页)。

ranking-rank = 排名
ranking-unit = 单位
ranking-total = 总分 ({ $points })
ranking-earned = 适用指标得分
ranking-applicable = 适用指标分值
ranking-prorated = { $score } (折算: { $earned }/{ $applicable })

## 进度(终端上每 1000 个单位更新一次)。

progress-read = 已读取单位:{ $count }
progress-scored = 已评分单位:{ $count }
progress-read-scored = 已读取并评分单位:{ $count }

## kaohe test 的报告。

case-ok = 用例 { $file }({ $unit }):通过,{ $count } 项预期全部满足
case-failed = 用例 { $file }({ $unit }):未通过,{ $count } 项预期中有 { $missed } 项不符
case-expected = { $target }:预期 { $expected },实际 { $actual }
case-below-item = { $name } 得 { $score } 分(分值 { $points } 分)
case-below-na = { $name } 不适用
case-list-join = 、
case-all-full = 各项均得满分
case-below = 未得满分的项:{ $items }
case-item = 指标 { $name }:{ $score }
case-item-score = 得 { $score } 分(分值 { $points } 分)
case-item-na = 不适用(分值 { $points } 分)
case-no-change = 没有条款改变得分
case-nothing-earned = 未有得分情形:没有条款给分
case-summary = 测试结果:{ $ok ->
    [yes] 通过
   *[no] 未通过
}。通过 { $passed } 个,未通过 { $failed } 个
case-not-run = ,{ $count } 个未运行(用例文件无效,见诊断信息)

## kaohe diff 的文字报告。

diff-old = 旧:{ $file }  ({ $title })
diff-new = 新:{ $file }  ({ $title })
diff-title = 标题:{ $old } → { $new }
diff-total = 总分:{ $old } → { $new } ({ $change })
diff-year = 年度:{ $old } → { $new }
diff-year-none = 无
diff-setting = { $setting }:{ $old } → { $new }
diff-same = 两份评分表的章节和指标相同
diff-sections = 章节:{ $counts }
diff-items = 指标:{ $counts }
diff-count = { $kind ->
    [removed] 删除
    [added] 新增
    [renamed] 改名
   *[changed] 修改
} { $count } 个
diff-count-join = ,
diff-placed = { $name }({ $points } 分),位于 { $path }
diff-similar-name = 名称相近
diff-similar-text = 考核标准文字相近
diff-same-facts = 所用事实相同
diff-same-items = 所含指标相同
diff-renamed = (改名;{ $by },相似度 { $similarity }%)
diff-label = { $what ->
    [points] 分值
    [moved] 移动
    [text] 原文
    [clause] 条款
    [fact] 事实
   *[note] 注
}
diff-scores = 得分:{ $count } 个单位,{ $changed } 个有变化,变化最大的在前
diff-column = { $what ->
    [unit] 单位
    [old] 旧
    [new] 新
   *[change] 变化
}
diff-not-scored = 未计分
diff-set-aside = 新评分表下搁置的证据(新评分表删除的指标):{ $items }
diff-cannot-score = 无法按{ $rubric ->
    [old] 旧
   *[new] 新
}评分表计分:{ $message }

## The score sheets of the reports (HTML, XLSX): headings and cells.
sheet-top = 一级指标
sheet-item = 二级指标
sheet-points = 分值
sheet-score = 得分
sheet-explanation = 扣分说明
sheet-score-not-applicable = 不适用
sheet-heading-score = 得分 { $score }
sheet-heading-applicable = (适用 { $points } 分)
xlsx-sheet-ranking = 排名
xlsx-sheet-chart = 图表
xlsx-sheet-details = 得分明细
xlsx-sheet-unit = 单位
xlsx-unit-title = { $unit } — { $title }(得分 { $score },第 { $rank } 名)
xlsx-details-title = { $title } — 得分明细
xlsx-note-prorated = 折算:有指标不适用的单位,总分按“适用指标得分 ÷ 适用指标分值 × 满分”折算(见最后两列)。
xlsx-note-partial = 一级指标栏中“得分/分值”表示该指标有不适用的二级指标,斜线后为其适用分值;单元格中的数值仍是得分。
# The footer of a printed page: Excel's codes, &C centred, &P the page, &N the pages.
xlsx-page-footer = &C第 &P 页 共 &N 页
xlsx-chart-title = { $title }:总分
xlsx-chart-series = 总分
xlsx-chart-x = 单位(按排名)
xlsx-chart-y = 总分
xlsx-chart-limited = 单位较多,图中只列出排名前 { $max } 的单位;完整排名见“{ $sheet }”表。

## `kaohe outline`:规则文件本身的写法之外的说明文字。
outline-title-max = { $title } — 总分 { $total } 分,加分后最高 { $max } 分
outline-title = { $title } — 总分 { $total } 分
outline-no-lowest = 总分不设下限:倒扣分可使总分低于 0 分,{ $lowest }
outline-lowest-unlimited = 不设限
outline-lowest = 最低为 -{ $sum } 分
outline-year = 年度 { $year },折算后的总分保留 { $places } 位小数({ $mode })
outline-calendar = 工作日按 { $file } 计算({ $years })
outline-line = (第 { $line } 行)
outline-pooled = ,本指标扣完为止:得分保持在 0 至本指标分值之间
outline-starts = ,起始 { $start } 分
outline-scores = ,得分 { $low } 至 { $high } 分
outline-clauses-reach = (各条款可使得分在 { $low } 至 { $high } 之间)
