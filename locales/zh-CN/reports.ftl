# kaohe 的简体中文消息:各类报告(评分表的扣分说明、explain、排名表、test 与 diff 的报告、进度)。
# 与 locales/en/reports.ftl 的消息一一对应,参数相同。

## 扣分说明:每个改变得分的条款一句话,用考核表的措辞。
## $sign 为 minus(扣分)或 plus(得分)。

narr-sentence = { $what },{ $how }。
narr-paragraph-join = {""}
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
narr-after = { $subject }:于{ $date }完成,晚于{ $deadline }
narr-never = { $subject }:未在{ $deadline }前完成
narr-date = { $year }年{ $month }月{ $day }日
narr-unit-default = 项
narr-unit-found = 个

## 评分表(Markdown、XLSX)。

sheet-md-header = | 一级指标 | 二级指标 | 分值 | 得分 | 扣分说明 |
sheet-not-applicable = 不适用
sheet-total = 合计
sheet-prorated = 折分处理:适用指标得分 { $earned } ÷ 适用指标分值 { $applicable } × { $total }
sheet-bonus = 加分 +{ $points }
sheet-penalty = 倒扣 { $points }
sheet-limited-most = 合计 { $raw } 分,超过最高分,按 { $score } 分计
sheet-limited-zero = 合计 { $raw } 分,低于0分,按0分计

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
explain-none = 未扣分
explain-clause = 条款 { $clause }({ $file }:{ $line })
trace-line = 第 { $line } 行:{ $clause }
