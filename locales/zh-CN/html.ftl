# kaohe 的简体中文消息:html(与 locales/en/html.ftl 的消息一一对应)。

## The HTML report of `kaohe eval --format html` (src/report/html/).
html-chart-failed = 图表未能生成:{ $error }
html-meta = 考核结果 · 满分 { $total } 分 · 被考核单位 { $units } 个
html-meta-date = 生成日期 { $date }
html-ranking = 一、排名
html-charts = 二、图表
html-sheets = 三、各单位评分表
html-prorated = { $score }(折算 { $earned }/{ $applicable })
html-note-prorated = 折算:有指标不适用的单位,总分按“适用指标得分 ÷ 适用指标分值 × 满分”折算,括号内为适用指标得分/适用指标分值。
html-note-partial = 一级指标栏中“得分/分值”表示该指标有不适用的二级指标,斜线后为其适用分值。
html-no-units = 没有单位。
html-chart-limited = 单位较多,图中只列出排名前 { $max } 的单位;完整排名见上表。
html-figure-totals = 图1 总分
html-axis-total = 总分
html-figure-shares = 图2 各一级指标得分率(得分 ÷ 适用分值)
html-no-losses = 没有单位在任何指标上失分。
html-lost-bar = { $units } 个单位,共失 { $lost } 分
html-figure-lost = 图3 失分最多的指标(失分单位数)
html-axis-lost-units = 失分单位数
html-lost-item = 二级指标
html-lost-units = 失分单位数
html-lost-points = 共失分
html-axis-score = 得分

## A unit's score sheet in the HTML report.
html-sheet-title = { $unit }评分表
html-sheet-meta = { $title } · 得分 { $score } · 第 { $rank } 名

## The comparison page of `kaohe diff --format html` (src/diff/html.rs).
html-diff-meta = 旧表 { $old }(满分 { $old_total }) · 新表 { $new }(满分 { $new_total }) · 单位 { $units } 个
html-diff-no-evidence = 没有给出证据:只比较了两张表。
html-diff-changes = 一、表的变动
html-diff-removed = 删除
html-diff-added = 新增
html-diff-renamed = 改名
html-diff-changed = 修改
html-diff-sections = 一级指标
html-diff-items = 二级指标
html-diff-see-text = 逐项的变动见 <code>kaohe diff</code> 的文本报告。
html-diff-units = 二、各单位得分
html-diff-chart-limited = 单位较多,图中只列出前 { $max } 个单位;完整列表见下表。
html-diff-figure = 图1 各单位在新旧两表下的得分
html-diff-old = 旧表
html-diff-new = 新表
html-diff-unit = 单位
html-diff-old-score = 旧表得分
html-diff-new-score = 新表得分
html-diff-change = 变化
html-diff-why = 说明
html-diff-cannot-score = { $side }无法评分:{ $message }
