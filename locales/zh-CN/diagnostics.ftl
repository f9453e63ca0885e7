# kaohe 的简体中文消息:diagnostics(与 locales/en/diagnostics.ftl 的消息一一对应)。
# 每条诊断是一条消息:消息本身是问题,`.label` 是标在出错位置下的说明,`.help` 是
# 修改建议。用户写的内容一律放在反引号 `` 中(与英文相同),代码(kaohe::…)不译。

## 诊断的呈现。

# 帮助的标题,连同缩进共占八列(一个汉字占两列)。
diagnostic-help-heading = {"  "}帮助:{" "}
diagnostic-error = 错误
diagnostic-warning = 警告
diagnostic-acknowledged = 已确认
diagnostic-labels-left-out = 另有 {$count} 处标注未显示:`--message-format json` 会全部列出
io-permission-denied = 没有访问权限

## 语法:规则文件的写法(src/syntax/)。

syntax-fullwidth = 这里应为英文半角 `{$ascii}`,写成了全角 `{$found}`
    .label = 这里应输入 `{$ascii}`
    .help = 中文输入法会打出全角标点和数字;请切换到英文状态(一般按 Shift),再输入 `{$ascii}`
syntax-fullwidth-foreign = 全角 `{$found}` 不属于规则文件的写法
    .label = 这里不应有此字符
    .help = 删去 `{$found}`:一条语句由关键词和各项内容组成,以空格分隔,如 `fact 报道次数 count "说明"`
syntax-expected = 这里应为{$expected}
syntax-expected-end = 文件在此结束
syntax-expected-space = 这里是换行或空格
syntax-expected-found = 这里是 `{$token}`
syntax-did-you-mean = 是否应为 `{$keyword}`?
syntax-expect-rounding = 取整方式(`half-up`、`half-even`、`up` 或 `down`)
syntax-expect-item-points = 名称后面的本项分值
syntax-expect-section-points = 名称后面的本级指标分值
syntax-expect-total = 评分表的总分
syntax-expect-year = 考核年度,如 `2020`
syntax-expect-start = 本项的起算分
syntax-expect-places = 保留的小数位数
syntax-expect-integer = 整数
syntax-expect-number = 数字
syntax-expect-date = 日期,如 `2020-12-30`
syntax-expect-allow-name = 检查的名称(`outside_year`、`text`、`zero_unreachable` 等)
syntax-expect-fact-name = 事实的名称
syntax-expect-a-fact-name = 一个事实的名称
syntax-expect-calendar = kaohe 自带的日历(如 `cn`),或用引号括起的日历文件名
syntax-expect-item-name = 本项的名称
syntax-expect-section-name = 本级指标的名称
syntax-expect-title = 评分表的标题
syntax-expect-text = 用引号括起的文字
syntax-expect-closing-quote = 结尾的 `"`
syntax-expect-effect = 本条对分数的作用(`-2`、`+1`、`-50% of points` 或 `zero`)
syntax-expect-percent-base = `of` 后面的 `points` 或 `score`
syntax-expect-percentage = 百分比,如 `4%`
syntax-expect-comparison = 比较符号(`<`、`<=`、`>`、`>=`、`=` 或 `!=`)
syntax-expect-condition = 条件
syntax-expect-fact-type = 事实的类型(`bool`、`count`、`percent`、`date`、`set {"{"}…{"}"}` 或 `tally {"{"}…{"}"}`)
syntax-expect-member-list = `{"{"}` 和各成员的名称
syntax-expect-member = 成员的名称
syntax-expect-statement = 本项的一条语句(`text`、`note`、`fact`、`if`、`per`、`missing`、`deadline`、`give`、`start`、`applicable`、`allow`)或 `{"}"}`
syntax-expect-section-or-item = `section`、`item` 或 `{"}"}`
syntax-expect-setting = 一项设置(`rubric`、`total`、`year`、`round`、`source`)
syntax-expect-end = 文件结尾
syntax-expect-something-else = 别的内容
syntax-expect-either = {$first}或{$last}
syntax-expect-separator = 、
syntax-help-item-points = 在本项名称后面写上分值,如 `item 决策公开 4 {"{"}`
syntax-help-section-points = 在本级指标名称后面写上分值,如 `section 主动公开 30 {"{"}`
syntax-help-digits = 数字要用英文半角输入,如 `4` 或 `0.5`
syntax-help-effect = 每条条款以它对分数的作用结尾:`-2` 扣 2 分,`+1` 得 1 分,`-50% of points` 扣本项分值的一半,`zero` 即不得分
syntax-help-name = 名称以字母或汉字开头,不含空格和标点;与关键词相同的名称(如 `max`)不能使用
syntax-help-statement = 本项中每条语句都以关键词开头;请检查是否漏了 `{"}"}`,或关键词拼错
syntax-help-language = 各语句的写法见 docs/language.md
syntax-start-twice = 同一项中写了两次 `start`
    .label = 第二个 `start`
    .help = 只保留一行 `start`
syntax-applicable-twice = 同一项中写了两次 `applicable unless`
    .label = 第二个 `applicable unless`
    .help = 用 `or` 把两个条件合写在一行
syntax-escape = 文字中的转义 `\{$escape}` 无法识别
    .label = kaohe 不认识这个转义
    .help = 反斜杠写作 `\\`,引号写作 `\"`,或改用 `"""` 文字块
syntax-modifier-twice = 同一条款中一个修饰词写了两次
    .label = 这里重复了
    .help = 每条条款中 `floor`、`max`、`unless` 各只能写一个
syntax-bad-date = `{$text}` 不是有效的日期
    .label = 没有这一天
    .help = 写一个存在的日期,格式为 `YYYY-MM-DD`:如 `2020-02-29`,而不是 `2020-02-30`
syntax-bad-decimal = `{$text}` 太大或小数位太多
    .label = 这个数
    .help = 分值、个数和百分比最大为 1000000000,最多 20 位小数
syntax-bad-integer = `{$text}` 太大
    .label = 这个数
    .help = 请写一个较小的整数
syntax-too-deep = 括号嵌套超过 {$max} 层
    .label = 这一层嵌套过深
    .help = 评分表只需几层:把条件或指标拆成较小的几部分
syntax-too-long = 表达式中的运算符超过 {$max} 个
    .label = 这个表达式太长
    .help = 把计算拆开:评分表的公式只需几个运算符

## 检查:评分表的分值、设置和各项(src/check/)。

check-did-you-mean = 是否应为 `{$name}`?
check-no-items = 评分表中没有任何考核项
    .label = 此后没有计分的内容
    .help = 在文件头后面写上 `section` 及其各项,或写一个 `item`
check-sections-sum = 各一级指标合计 {$sum} 分,与总分 {$total} 分不符
    .label = 总分为 {$total} 分
check-draft-sum = {$help}。考核表仍为草稿,暂作警告
check-draft = 这是一份草稿考核表
    .label = 此处标为草稿
    .help = 草稿的分值合计只作警告,`render` 会标明“草稿”,`eval` 须加 `--draft` 才计分;考核表完成后请删去这一行
check-draft-refused = `{$file}` 是草稿考核表:计出的分数不是最终结果
    .help = 完成考核表后删去 `draft` 这一行,或加 `--draft` 照样计分
check-draft-scored = 按草稿考核表计分:分数不是最终结果
check-sum-parts = {$how}。各部分:{$parts}
check-nested-kind = `{$keyword}` 指标只能作为一级指标
    .label = 写在了另一个指标里面
    .help = 把它移出所在指标,与其他一级指标并列
check-pooled-kind = `{$keyword}` 指标中写了 `pooled`
    .label = `{$keyword}` 指标已有自己的分值上限
    .help = 删去 `pooled`:`{$keyword}` 指标各项合计本就不超过其分值;`pooled` 用于普通 `section`,表示其下各项的扣分可以超过本项分值
check-uncapped-regular = `{$name}` 不设上限,但它计入总分
    .label = 不设上限
    .help = 普通指标的分值是它在总分中所占的分数,不能不设上限;只有加分项(`bonus`)、倒扣分(`penalty`)及其中的考核项可以用 `none` 代替分值
check-pooled-idle = 指标 `{$name}` 写了 `pooled`,但其下没有任何一项会扣到0分以下
    .label = 没有需要合并计算的扣分
    .help = `pooled` 表示二级指标的扣分可以超过本指标分值;若没有一条扣分会超过所在项的分值,请删去 `pooled`
check-min-idle = 写了 `min none`,但没有 `penalty`(倒扣分)指标能使总分低于0分
    .label = 总分不设最低分
    .help = 只有倒扣分指标能使总分低于0分;没有倒扣分指标时,请删去 `min none`
check-empty-section = 指标 `{$name}` 下没有任何考核项
    .label = 空指标
    .help = 写上它的各项,或删去这个指标
check-weights-sum = 指标 `{$name}` 下各项权重合计 {$sum}%,不是 100%
check-items-sum = 指标 `{$name}` 的分值为 {$points} 分,其下各项合计 {$sum} 分
    .label = `{$name}` 为 {$points} 分
check-zero-points-section = 指标 `{$name}` 的分值为 0 分
    .help = 按评分表写上这个指标的分值,或删去它
check-zero-points-item = 考核项 `{$name}` 的分值为 0 分
    .label = 0 分
    .help = 按评分表写上这一项的分值,或删去它
check-sum-too-many = 各部分多出 {$diff} 分:请对照评分表核对每一部分的分值,以及是否有考核项放错了指标
check-sum-too-few = 各部分少了 {$diff} 分:请对照评分表核对每一部分的分值,以及是否漏了考核项或放到了别的指标下
check-set-twice = `{$keyword}` 设置了两次
    .label = 这里再次设置
    .first = 第一次在这里设置
    .help = 只保留一行 `{$keyword}`
check-max-below-total = 最高分 `max {$max}` 低于总分 {$total} 分
    .label = 一个单位最多能得的分数
    .help = `total 100 max 105` 表示加分后最高可得 105 分;最高分不能低于总分
check-zero-total = 评分表的总分为 0
    .label = 总分
    .help = 写上整张评分表的分值,如 `total 100`
check-too-many-places = 取整保留的小数位超过 10 位
    .label = 位数过多
    .help = 公布的分数一般保留 0 至 4 位小数;可写 `round 2 half-up`
check-no-title = 评分表没有标题
    .label = 在此之前应写 `rubric` 和评分表标题
    .help = 文件以 `rubric` 和标题开头,如 `rubric 2020年市政府各部门政务公开工作要点考核表`
check-no-total = 评分表没有总分
    .label = 在此之前应写 `total` 和评分表的分值
    .help = 在文件头写上整张评分表的分值,如 `total 100`
check-item-worth = 本项分值为 {$points} 分
check-worth = 分值 {$points} 分
check-clause-exceeds = 一条条款扣 {$takes} 分,超过了本项的分值 {$points} 分
    .label = 扣 {$takes} 分
    .help = 请对照评分表核对扣分;扣去全部分值应写作 `zero`(不得分)
check-reach-unlimited = 无限制
    .down = 无限制地扣下去
    .up = 无限制地增加
check-reach-down = 扣到 {$to} 分
check-reach-up = 加到 {$to} 分
check-penalty-takes-more = 考核项 `{$name}` 可能倒扣超过其分值 {$points} 分
    .percent = 倒扣分项的得分低于 0,因此 `+{$percent}% of score` 会继续扣分:请用 `max` 限制它前面的条款,使合计最多扣 {$points} 分
    .help = 在这条条款后加上 `max {$points}`,或对照评分表核对扣分
check-below-zero = 考核项 `{$name}` 可能扣成负分
    .fixed = 各项固定扣分合计超过了该项分值:请先对照评分表逐一核对扣分数字,这是最常见的原因;只有评分表写明“扣完为止”时才在条款后加 `floor 0`,这会改变扣完全部分值的单位的得分
    .label = 连同前面的条款,这一条可能把得分{$reach}
    .help = 在这条条款后加上 `floor 0`(扣完为止),或对照评分表核对扣分
    .other = 请对照评分表核对这条条款
check-penalty-gives = 考核项 `{$name}` 在倒扣分指标中可能加分
    .percent = 倒扣分项的得分低于 0,因此 `{$percent}% of score` 会把分加回去:请对照评分表核对这条条款
    .help = 倒扣分只扣不加:条款应写作 `-`
check-exceeds = 考核项 `{$name}` 的得分可能超过其分值 {$points} 分
    .label = 连同前面的条款,这一条可能使得分{$reach}
    .full = 本项从满分 {$points} 分起算,任何加分都会超过满分;如本项是“每……得……分”,请写 `start 0`
    .help = 在这条条款后加上 `max {$room}`(最多得{$room}分),或对照评分表核对分值
check-full-unreachable-penalty = 考核项 `{$name}` 永远扣不满 {$points} 分
check-full-unreachable = 考核项 `{$name}` 永远得不到满分 {$points} 分
    .label = 最多 {$most} 分
    .help = 请对照评分表核对各项得分及其 `max`,或本项的 `start`
check-zero-unreachable = 考核项 `{$name}` 永远扣不到 0 分
    .label = 最少 {$least} 分
    .help = 各条扣分合计少于本项分值;请对照评分表核对
check-fixed-exceed = 考核项 `{$name}` 的各条固定扣分合计 {$sum} 分,超过本项分值 {$points} 分
    .label = 连同前面可能同时扣分的各条,共扣 {$sum} 分
    .help = 各项固定扣分合计超过了该项分值:请先对照评分表逐一核对扣分数字,这是最常见的原因;本项扣至 0 分为止(扣完为止)
check-gain-always-cut = 考核项 `{$name}` 的这一条加分永远不会改变得分
    .label = 本项从满分 {$points} 分起算,这里加的分都会被“最多得{$points}分”截去
    .help = 本项没有任何扣分条款,加分总被本项分值截去;若本项是“每……得……分”,请写 `start 0`
    .apart = 这一条加分成立时,本项没有任何扣分条款同时成立,加分总被本项分值截去;请对照评分表核对各条件;若本项是“每……得……分”,请写 `start 0`
check-loss-always-cut = 考核项 `{$name}` 的这一条扣分永远不会改变得分
    .label = 本项从 0 分起算,这里扣的分都会被“扣完为止”截去
    .help = 本项没有任何加分条款,扣分总被“扣完为止”截去;请对照评分表核对这一条
    .apart = 这一条扣分成立时,本项没有任何加分条款同时成立,扣分总被“扣完为止”截去;请对照评分表核对各条件
check-duplicate-name = 有两个指标都叫 `{$name}`
    .section = 这个指标与前面的重名
    .item = 这一项与前面的重名
    .first = 第一次使用这个名称
    .help = 证据和报表按名称引用指标,每个指标和考核项的名称都要不同
check-start-in-penalty = 倒扣分指标中写了 `start {$start}`
    .label = 倒扣分项从 0 分起算
    .help = 删去 `start`:倒扣分项从 0 分起算,由各条款扣分
check-start-outside = `start {$start}` 不在 0 至 {$points} 分之间
    .label = 本项不能从这里起算
    .help = 考核项从 0 分起算(靠得分),或从满分起算(靠扣分)
check-items-points = 本项分值
check-applicable-placement = {$keyword} 指标中写了 `applicable unless`
    .label = 无需折分
    .help = 折分处理只用于一般指标;加分项或倒扣分项不适用时,本就不加分也不扣分
check-unused = 事实 `{$name}` 没有被任何条款使用
    .label = 在这里声明
    .help = 在 `{$item}` 的条款中使用它,或删去这一行,免得评估组白填
check-duplicate-fact = 事实 `{$name}` 声明了两次
    .label = 这里再次声明
    .first = 第一次在这里声明
    .help = 删去其中一个,或改名
check-period-names = 期间的两个日期都叫 `{$name}`
    .label = 与开始日期同名
    .help = 开始和结束日期要用不同的名称,如 `periods from 收到日期 to 答复日期`
check-discretion-max = `discretion max {$max}` 没有可给的分
    .label = 评估组最多可给的分数
    .help = 按评分表写上限,如“在2分内酌情给分”写作 `discretion max 2`
check-number-max = `max {$max}` 使事实没有可取的值
    .label = 证据可给的最大值
    .help = 按评分表写大于 0 的上限,如 `number max 100` 或 `percent max 200%`
check-default-number = 默认值 `{$default}` 不是 0 至 {$max} 之间的数
    .label = 超出事实的取值范围
    .help = `number` 事实取 0 或更大的数,不超过其 `max`
check-arith-kind = `{$what}` 是{$kind},不能参与运算
    .help = 运算只能读取个数、`number` 与 `percent` 事实、酌情给分、数字和百分比
check-arith-mix = {$left}与{$right}之间不能用 `{$op}`
    .label = 二者不能相加或相减
    .help = 数字与数字相加减,百分比与百分比相加减;两个数字相除(`公开数 / 应公开数`)得百分比
check-zero-divisor = 除数为 0
    .label = 这个除数是 0
    .help = 除以不为 0 的数,或除以一个事实
check-step-zero = `step` 为 0 或负数,无从计数
    .label = 这里的步长
    .help = 按评分表写大于 0 的步长,如“每超过20%”写作 `step 20%`
check-step-kind = 步长是{$step},所计的量却是{$kind}
    .help = 步长与所计的量同类:百分比用 `step 20%`,数字用 `step 5`
check-unguarded-divisor = `{$fact}` 可能为 0,但本项没有说明此时如何评分
    .label = 这里除以它
    .help = `{$fact}` 为 0 的单位将无法评分;请写明此时如何处理,如 `applicable unless {$fact} = 0` 或 `unless {$fact} = 0`
check-duplicate-member = 成员 `{$name}` 列了两次
    .label = 这里再次列出
    .first = 第一次在这里列出
    .help = 每个成员只列一次
check-deadline-twice = 同一个期限中日期 `{$name}` 列了两次
    .label = 这里再次列出
    .first = 第一次在这里列出
    .help = 每个日期只列一次:`deadline {"{"}年报日期, 统计表日期{"}"} by …` 无论几个日期逾期,都只扣一次
check-give-over-points = 酌情分 `{$name}` 最多可给 {$max} 分,超过本指标的 {$points} 分
    .label = 评估组最多可给的分数
    .given = 在这里以酌情分代替分值
    .help = `give` 给的分只能在本指标分值之内:把 `max` 改为不超过 {$points},或按评分表改正本指标的分值
check-give-shared = 酌情分 `{$name}` 还被另一条条款读取
    .label = 在这里给分
    .other = 在这里再次读取
    .help = 每条 `give` 各用一个酌情分事实:评估组给的分只属于这一部分
check-type-help-give = `give` 后面要写酌情分事实:把它声明为 `discretion max N`,N 是评估组最多可给的分数
check-dates-year = `{$name}` 的日期按考核年度计算间隔,但规则文件没有写 `year`
    .label = 一组日期
    .help = 在文件头加上 `year 2023`:间隔从当年第一天算起,经过各个日期,算到当年最后一天
check-a-kind = {$kind}
check-default-type = {$kind} 事实 `{$name}` 的默认值是 {$given}
    .label = 这个事实是 {$kind}
    .help = 默认值要与事实的类型一致:`false`、`0`、`0%` 或日期;清单、分类计数、期间和酌情分没有默认值
check-default-count = 默认值 {$default} 不是 0 或以上的整数
    .label = 这个默认值
    .help = 个数的默认值是发现问题的个数(整数),如 `default 0`
check-default-count-to = 默认值 {$default} 不是 0 至 {$max} 之间的整数
check-undeclared = 考核项 `{$item}` 中没有声明事实 `{$name}`
    .label = 未声明
    .help = 在 `{$item}` 中声明它,如 `fact {$name} bool "说明"`;事实只属于声明它的考核项
    .hint = {$hint} 否则请在 `{$item}` 中用 `fact {$name} …` 声明它
check-unknown-member = `{$member}` 不是 `{$name}` 的成员
    .label = 不在清单中
    .listed = 成员列在这里
    .help = 成员有:{$members}
    .hint = {$hint} 成员有:{$members}
check-no-members = `{$name}` 是 {$kind},没有成员
    .label = `[…]` 只能用于 set 或 tally
    .declared = 声明为 {$kind}
    .help = 只写 `{$name}`
check-wrong-kind = {$role} 需要{$wanted}的事实,而 `{$fact}` 为{$kind}
check-kinds-either = {$first}或{$last}
check-kinds-separator = 、
check-fixed-comparison = 比较的两边都是固定值
    .label = 结果总是成立或总是不成立
    .help = 用事实与一个值比较,如 `报道次数 < 10`
check-incomparable = {$left} 不能与 {$right} 比较
    .help = 个数与数字比较(`< 10`),百分比与百分比比较(`< 4%`),日期与日期比较(`> 2020-03-31`)
check-ordered-bool = 是否型事实不能用 `{$op}` 比较
    .label = 是否型没有大小之分
    .help = 直接用事实本身作条件,或写 `not` 加事实
check-date-year = 日期 {$date} 不在考核年度 {$year} 年内
    .label = 在 {$in} 年
    .help = 沿用上一年的文件时,请把各个日期都改到 {$year} 年;如确是这个日期,请在该考核项中写上 `allow outside_year`
check-except = `except` 只能用于清单(set),而 `{$fact}` 不是
    .label = 没有可排除的
    .help = `{$clause} … except` 用于计数时排除清单中的某些成员;请删去 `except …`
check-per-needs-over = `per {$fact}` 需要写 `over`
    .label = 哪些期间计数?
    .help = 计算超过时限的期间个数:`per {$fact} over 20 workdays -2`
check-over-needs-periods = `over` 只能用于期间(periods),而 `{$fact}` 是 {$kind}
    .label = 没有可计算的期间
    .help = 把事实声明为 `periods from 收到日期 to 答复日期`,或删去 `over …`
check-zero-counted = `zero` 不能与 `{$keyword}` 一起按次计算
    .label = 不得分只会发生一次
    .help = 用 `if` 写条件,如 `if 未更新栏目数 >= 1 zero`
check-floor-in-penalty = 倒扣分指标中写了 `floor`
    .label = 它会使所有扣分都不起作用
    .help = 倒扣分项从 0 分起往下扣;要限制一条条款扣的分,请用 `max`
check-floor-above = `floor {$floor}` 高于本项分值 {$points} 分
    .label = 下限
    .help = `floor 0` 使本项不会扣成负分;下限不能超过本项分值
check-floor-on-gain = 不扣分的条款上写了 `floor`
    .label = 只有扣分才会扣到下限
    .help = 删去 `floor …`;要限制一条条款得的分,请写 `max …`
check-max-nothing = `max {$max}` 没有限制作用
    .label = 这个上限
    .help = `max` 是一条条款合计最多得(扣)的分数,须大于 0;`zero` 没有上限
check-no-calendar = 计算工作日,但没有指定日历
    .label = 哪些天是节假日?
    .help = 在文件头写上日历,如 `calendar "../calendars/cn.toml"`(rules/calendars/ 中有现成的日历)
check-zero-days = 期限为 0 天
    .label = 每个期间都会超过 0 天
    .help = 按评分表写期限,如 `over 20 workdays`
check-percent-over = {$percent}% 超过了 100%
    .label = 超过 100%
    .help = 本项分值或得分的百分比最多为 100%;扣去全部用 `zero`
check-kind-bool = 是否型(bool)
check-kind-count = 个数(count)
check-kind-percent = 百分比(percent)
check-kind-date = 日期(date)
check-kind-set = 清单(set)
check-kind-tally = 分类计数(tally)
check-kind-periods = 期间(periods)
check-kind-discretion = 酌情分(discretion)
check-kind-dates = 日期列表(dates)
check-kind-number = 数字
check-role-condition = 条件
check-type-help-count = 用个数与数字比较,如 `报道次数 < 10` 或 `未标记文件数 >= 1`
check-type-help-percent = 用百分比与百分比比较,如 `权重 < 4%`
check-type-help-date = 日期请写 `deadline` 条款,或与日期比较:`发布日期 > 2020-12-30`
check-type-help-set = 指明一个成员,如 `形式[图表]`,或用 `per` 计数
check-type-help-per = `per` 用于个数、清单成员或分类计数;是否型事实请用 `if`
check-type-help-missing = `missing` 计算清单中缺少的成员;请把事实声明为 `set {"{"}…{"}"}`
check-type-help-deadline = `deadline` 用日期事实与 `by` 后面的日期比较;请把事实声明为 `date`
check-type-help-other = 各条款接受什么类型的事实,见 docs/language.md

## 节假日和工作日日历(src/calendar.rs)。

calendar-here = 这里
calendar-named-here = 在这里指定
calendar-name-text = `name` 必须是文字
    .help = 写作 `name = "中国大陆法定节假日"`
calendar-not-a-year = `{$key}` 不是年份
    .help = 每一年是一个以年份为名的表,如 `[2021]`
calendar-year-table = `{$year}` 必须是一个表
    .help = 写上 `[2021]`,再在下面写各个清单
calendar-unknown-field = 日历的年份中没有 `{$field}` 这一项
    .help = 每一年有 `source`、`holidays` 和 `workdays` 三项
calendar-no-holidays = {$year} 年没有写 `holidays`
    .help = 列出这一年的节假日,没有也要写:`holidays = []`
calendar-both = {$day} 既列为节假日,又列为工作日
    .help = 每一天只能列在两个清单中的一个
calendar-no-year = 日历中没有任何年份
    .help = 每一年加一个表,如 `[2021]`,写上 `holidays` 和 `workdays`
calendar-date-list = 这里应为日期清单
    .help = 写作 `[2021-01-01, [2021-02-11, 2021-02-17]]`
calendar-range-reversed = 日期范围的结束日({$last})早于开始日({$first})
    .help = 先写第一天,再写最后一天
calendar-workday-weekday = 调休上班日 {$day} 是{$weekday},不是周末
    .help = `workdays` 列的是调休上班的周六、周日
calendar-expected-date = 这里应为日期,如 2021-02-11
    .help = 每一天写作 YYYY-MM-DD,日期范围写作 `[第一天, 最后一天]`
calendar-wrong-year = {$day} 列在了 {$year} 年下
    .help = 把它移到 `[{$in}]` 表中
calendar-not-a-date = `{$text}` 不是有效的日期
    .help = 每一天写作 YYYY-MM-DD
calendar-monday = 星期一
calendar-tuesday = 星期二
calendar-wednesday = 星期三
calendar-thursday = 星期四
calendar-friday = 星期五
calendar-saturday = 星期六
calendar-sunday = 星期日
calendar-unknown-builtin = kaohe 没有名为 `{$name}` 的自带日历
    .label = 不是 kaohe 自带的日历
    .help = kaohe 自带的日历有 {$names};规则文件所在文件夹中的日历文件要用引号括起:`calendar "calendars/cn.toml"`
calendar-outside = 日历 `{$name}` 不在规则文件所在的文件夹中
    .help = 规则文件只能指定本文件夹或其下级文件夹中的日历,如 `calendar "calendars/cn.toml"`,或 kaohe 自带的日历({$names});要用别的日历文件计算,请在命令行中给出:`--calendar FILE`
    .link = 符号链接指向了规则文件所在文件夹之外
    .absolute = 绝对路径
    .climbs = 路径用 `..` 跳出了规则文件所在的文件夹
calendar-cannot-read = 无法读取 `{$path}`
calendar-not-a-calendar = `{$path}` 不是日历文件
    .help = 在 {$path}:{$line}:{$column} 处应为日历:`name = "…"`,以及每年一个表(如 `[2021]`),含 `holidays`、`workdays` 和 `source`;规则文件指定的文件不是日历时,kaohe 不显示其内容

## 读取文件:路径、大小、TOML、JSON 和 YAML(src/input/)。

io-not-found = 没有这个文件或文件夹
input-here = 这里
input-cannot-read = 无法读取 `{$path}`:{$reason}
    .help = 请检查路径,以及文件是否可以读取
input-not-a-file = `{$path}` 是{$what}
    .folder = 文件夹,不是普通文件
    .pipe = 命名管道,不是普通文件
    .device = 设备,不是普通文件
    .socket = 套接字,不是普通文件
    .other = 不是普通文件
    .help = kaohe 只从普通文件中读取规则文件、日历和证据:请把数据存为文件,再指定这个文件
input-too-large = `{$path}` 超过 {$mib} MiB,超出 kaohe 对这类文件的读取上限
    .help = 请检查是否指定了正确的文件;kaohe 读取的文件大小上限见 docs/security.md
input-spreadsheet-one-unit = `{$name}` 每行是一个单位,不是一个单位的证据
    .help = 电子表格请用 `kaohe::evidence::load_file` 读取,它给出文件中的每一个单位
input-syntax = 无法读取这个 {$format} 文件:{$reason}
    .toml = 请检查这里附近的引号、逗号和方括号;中文的键要加引号,如 `"未做意见征集" = false`,表名也一样:`["决策预公开"]`
    .help = 请检查这里附近的引号、逗号和花括号
    .yaml = 请检查这里附近的缩进、键后面的冒号和引号
input-json-comment = JSON 中不能写注释
    .help = 删去注释,或改用 TOML 写证据(TOML 以 `#` 开始注释)
input-json-empty = 文件是空的
input-json-twice = 键 `{$key}` 重复
    .help = 同一个对象中键 `{$key}` 出现了两次,各种 JSON 读取程序对以哪个为准并不一致;请只保留一个
input-yaml-alias = 证据中不接受 YAML 别名
    .label = 别名
    .help = 直接写出值本身,不要用 `*name`
input-too-deep = 证据嵌套超过 {$max} 层
    .label = 这一层嵌套过深
    .help = 证据只有单位、考核项、事实,以及分类计数的各类这几层
input-yaml-empty = 这个 YAML 文件是空的
    .label = 没有证据
    .help = 写上单位,如 `unit: 蓬江区`,每个考核项一个映射
input-yaml-documents = 这个 YAML 文件含有多个文档
    .label = 第二个文档从这里开始
    .help = 每个文件只写一个单位:删去 `---` 及其后的内容,或移到单独的文件中
input-yaml-value = 无法读取这个 YAML 值
    .help = 写一个数字、`true`/`false`、日期(如 2020-12-28)、文字、列表或映射
encoding-save-csv = 请在 Excel 或 WPS 中另存为“CSV UTF-8 (逗号分隔)(*.csv)”(另存为 → 文件类型);GBK 编码的“CSV (逗号分隔)”文件也能读取
encoding-save = kaohe 只读取 UTF-8 编码的规则文件、TOML 和 JSON:请把文件存为 UTF-8(记事本或 WPS:另存为 → 编码 UTF-8)
encoding-utf16 = `{$name}` 是 UTF-16 编码的文本,kaohe 不能读取
    .nobom = `{$name}` 是没有字节顺序标记的 UTF-16 文本,kaohe 不能读取
encoding-binary = `{$name}` 是{$what}
    .zip = zip 压缩包(如 XLSX 工作簿),不是 CSV 文本
    .xls = Excel 97-2003(.xls)或 WPS(.et)工作簿,不是 CSV 文本
    .pdf = PDF 文档,不是文本
    .png = PNG 图片,不是文本
    .nul = 二进制文件,不是文本(含有 NUL 字节)
encoding-looks-gbk = `{$name}` 不是 UTF-8 文本:从第 {$line} 行起像是 GB18030(GBK)编码
    .help = {$save};或者转换编码:`iconv -f GB18030 -t UTF-8 {$name} > {$converted}`
encoding-not-utf8 = `{$name}` 不是 UTF-8 文本:第 {$line} 行有不属于 UTF-8 的字节
    .gbk = 它可以按 GB18030(GBK)读取,中文 Windows 上 Excel 和 WPS 保存的“CSV”就是这种编码:请给出 `--encoding gbk`,或不写 `--encoding`
encoding-bom-not-gbk = `{$name}` 是 UTF-8 文本(以 UTF-8 字节顺序标记开头),不是 GB18030(GBK)
    .help = 不写 `--encoding`,或给出 `--encoding utf-8`
encoding-utf8-not-gbk = `{$name}` 是 UTF-8 文本,不是 GB18030(GBK):按 GB18030 读取会成为乱码
encoding-not-gbk = `{$name}` 不是 GB18030(GBK)文本:第 {$line} 行有不属于 GB18030 的字节
encoding-unknown = 无法判断 `{$name}` 的编码:它不是 UTF-8(从第 {$line} 行起),按 GB18030(GBK)读取也找不到评分表的表头(如 `单位`)
    .help = 如果文件是 GBK 编码,请给出 `--encoding gbk`;否则{$save}
encoding-neither = `{$name}` 既不是 UTF-8 也不是 GB18030(GBK)文本:第 {$line} 行有不属于 UTF-8 的字节
    .gbk = `{$name}` 既不是 UTF-8 也不是 GB18030(GBK)文本:第 {$line} 行有不属于 GB18030 的字节
encoding-detected = 已按 {$encoding} 读取 `{$name}`:它不是 UTF-8
    .help = 中文 Windows 上 Excel 和 WPS 保存的“CSV”就是这种编码;可给出 `--encoding gbk` 明确指定,或把文件另存为“CSV UTF-8”

## 证据:为每个单位查明的事实(src/evidence/)。

evidence-here = 这里
evidence-this-name = 这个名称
evidence-unknown-field = 未知的项
evidence-raw-bool = 是否值(true/false)
evidence-raw-integer = 整数
evidence-raw-number = 数字
evidence-raw-text = 文字
evidence-raw-date = 日期
evidence-raw-list = 列表
evidence-raw-table = 表
evidence-raw-null = 空值(null)
evidence-not-table = 证据必须是一个表,而不是{$found}
    .help = 写上 `unit = "单位名称"`,每个考核项一个表
evidence-unit-name = `unit` 必须是用引号括起的单位名称
    .label = 不是名称
    .help = 写上被考核单位的名称,如 `unit = "蓬江区"`
evidence-other-rubric = 这份证据属于另一张评分表
    .label = 不是本评分表的标题
    .help = 本评分表是 `{$title}`;请用这份证据对应的规则文件计分,或改正 `rubric`
evidence-for-other-rubric = 这份证据看来是按另一份评分表填写的:它的 {$count} 个考核项中有 {$unknown} 个不在 `{$title}` 中,而该评分表有 {$missing} 个考核项它没有填写
    .label = 不是本评分表的考核项
    .help = 请用填写时所依据的规则文件评分;如确是本评分表的证据,请改正考核项的名称,并补上缺少的考核项:{$lacks}{ $more ->
        [0] {""}
       *[other] 等,另有 { $more } 项
    }
evidence-unknown-item = 评分表中没有考核项 `{$item}`
    .label = 未知的考核项
    .help = 每个表以规则文件中的一个考核项命名;`kaohe outline 规则文件` 可列出全部考核项
evidence-no-unit = 证据没有写明被考核单位
    .label = 应写 `unit = "…"`
    .help = 在文件开头写上被考核单位的名称,如 `unit = "蓬江区"`
evidence-unknown-fact = 考核项 `{$item}` 中没有事实 `{$fact}`
    .label = 未知的事实
    .help = 这一项的事实有:{$facts}
    .hint = {$hint} 这一项的事实有:{$facts}
evidence-item-not-table = `{$item}` 必须是由事实组成的表,而不是{$found}
    .label = 不是表
    .help = 写上 `["{$item}"]`,再在下面写这一项的各个事实
evidence-missing = 考核项 `{$item}` 缺少 {$facts}
    .lacks = 这一项缺少事实
    .label = 这个单位没有 `["{$item}"]` 表
    .separator = 、
    .help = 在 `["{$item}"]` 下填写每一个事实,例如:{$example}
evidence-wrong = `{$name}` 应为{$want},而不是{$found}
    .label = 应为{$want}
    .help = 例如 `"{$name}" = {$example}`
evidence-want-bool = true 或 false
evidence-want-percent = 百分比
evidence-want-date = 日期,从未做填 false
evidence-want-members = 成员名称的列表
evidence-want-tally = 按成员分类的个数表
evidence-count-max = `{$name}` 为 {$count},超过了上限 {$max}
    .label = 最多 {$max}
    .help = 规则文件声明为 `count max {$max}`(例如抽查 {$max} 份文件)
evidence-percent = `{$name}` 不是 0 至 100 之间的百分比
    .label = 不是百分比
    .help = 百分比写作数字,如 3.5% 写作 `"{$name}" = 3.5`,或写作文字 `"3.5%"`
evidence-number = `{$name}` 应为数字,而不是 {$found}
    .label = 不是数字
    .help = 写作数字 `"{$name}" = 12.5`,或写作文字 `"12.5"`
evidence-number-outside = `{$name}` 为 {$value},不在 0 至 {$max} 之间
    .label = 超出事实的取值范围
    .help = 填写考核认定的 `{$name}`,不小于 0,也不超过规则文件的 `max`
evidence-number-negative = `{$name}` 为 {$value},小于 0
evidence-percent-max = `{$name}` 为 {$value}%,超过 {$max}%
    .label = 超过事实的 `max`
    .help = 规则文件规定最多为 {$max}%:请核对数值,或规则文件中的 `percent max`
evidence-not-a-date = `{$text}` 不是有效的日期
    .label = 没有这一天
    .help = 日期写作 `"{$name}" = 2020-12-28`;从未做填 `false`
    .period = `{$name}` 写作日期,如 2020-03-02
evidence-date-or-never = `{$name}` 应为日期(从未做填 false),而不是{$found}
    .help = `{$name}` 写作日期,如 2020-03-02;从未做填 false
evidence-date = `{$name}` 应为日期,而不是{$found}
    .label = 应为日期
    .help = `{$name}` 写作日期,如 2020-03-02
evidence-dates = `{$name}` 应为日期的列表,而不是{$found}
    .label = 应为日期列表
    .help = 例如 `"{$name}" = [2023-01-10, 2023-01-24]`,或写成一段文字 `"2023-01-10、2023-01-24"`;从未做过写 `[]`
evidence-dates-piece = `{$name}` 的日期中,`{$piece}` 不是日期
    .label = `{$piece}` 不是日期
    .help = 每个日期写作 `2023-01-10`(或 `2023年1月10日`),用 `、`、`,` 或 `;` 隔开
evidence-dates-year = `{$name}` 的日期 {$date} 不在 {$year} 年
    .label = 不在 {$year} 年
    .help = 日期按考核年度 {$year} 年计算间隔:只填这一年的日期
evidence-periods = `{$name}` 应为期间的列表,而不是{$found}
    .label = 应为列表
    .help = 例如 `"{$name}" = {$example}`;没有则写空列表 `[]`
evidence-period-table = `{$name}` 的每个期间都应是一个表,而不是{$found}
    .label = 应为 `{"{"} … {"}"}`
evidence-period-field = `{$name}` 的期间中没有 `{$field}` 这一项
    .help = 期间有 `{$from}` 和 `{$to}` 两项(尚未结束时填 false)
evidence-period-reversed = `{$name}` 的一个期间结束早于开始
    .label = 请核对这两个日期
    .help = `{$to}` 应在 `{$from}` 当天或之后
evidence-period-lacks = `{$name}` 的一个期间缺少 `{$fields}`
    .label = 期间不完整
    .help = 两个日期都要填写:`{"{"} "{$from}" = 2020-03-02, "{$to}" = 2020-03-30 {"}"}`
evidence-discretion = `{$name}` 应为分数及其理由,而不是{$found}
    .label = 应为 `{"{"} score = …, reason = "…" {"}"}`
    .help = 例如 {$example}
evidence-score-outside = `{$name}` 的分数 {$score} 不在 0 至 {$max} 分之间
    .label = 0 至 {$max} 分
    .help = 规则文件允许评估组在这里给 0 至 {$max} 分
evidence-score-number = `{$name}` 的分数应为数字,而不是{$found}
    .label = 应为数字
evidence-reason = `{$name}` 的理由必须是不为空的文字
    .label = 应写理由
    .help = 酌情给(扣)分要用文字写明理由
evidence-discretion-field = `{$name}` 中没有 `{$field}` 这一项
    .help = 酌情分有 `score` 和 `reason` 两项:{$example}
evidence-discretion-lacks = `{$name}` 缺少 `{$field}`
    .label = 缺少 `{$field}`
    .help = 酌情分既要有分数,也要有理由:{$example}
evidence-negative = `{$name}` 是负数
    .label = 个数不能小于 0
    .help = 填写发现的个数:0 或以上
evidence-too-large = `{$name}` 大得不像真实的个数
    .label = 太大
    .help = 个数最大为 {$max};请核对
evidence-count = `{$name}` 应为整数,而不是{$found}
    .label = 应为个数
    .help = 填写发现的个数,如 `"{$name}" = 2`
evidence-member = `{$member}` 不是 `{$name}` 的成员
    .label = 不在规则文件的清单中
    .help = 成员有:{$members}
    .hint = {$hint} 成员有:{$members}
evidence-member-name = `{$name}` 的成员应为名称,而不是{$found}

## 整个运行的结论(src/app/)。

app-not-scored = 没有为任何单位计分:证据有 {$shown} 个问题
    .more = 没有为任何单位计分:证据有超过 {$shown} 个问题
app-units-left-out = 另有 {$count} 个单位无法计分
    .help = 只列出前 {$shown} 个无法计分的单位:改正它们的证据后再次计分,可看到其余的单位
evidence-row = {$what} 第 {$row} 行
evidence-spreadsheet = `{$path}` 是{$what},kaohe 不能读取
    .et = WPS 表格(.et)
    .xls = Excel 97-2003 工作簿(.xls)
    .xlsm = 含宏或二进制格式的 Excel 工作簿
    .ods = OpenDocument 电子表格(.ods)
    .help = 在 WPS 或 Excel 中打开,另存为 Excel 工作簿:文件 → 另存为 → Excel 工作簿 (*.xlsx),或另存为“CSV UTF-8”
evidence-folder = 无法读取文件夹 `{$path}`:{$reason}
    .help = 请检查路径
evidence-empty-folder = 文件夹 `{$path}` 中没有 {$extensions} 证据文件
    .help = 证据文件名为 `*.toml`、`*.json` 或 `*.yaml`(每个文件一个单位),或 `*.csv`、`*.xlsx`(每行一个单位)
evidence-not-evidence = `{$path}` 不是 {$extensions} 证据文件
    .help = 证据从 `.toml`、`.json`、`.yaml` 文件(每个文件一个单位)和 `.csv`、`.xlsx` 文件(每行一个单位)中读取
evidence-units-not-one = `{$path}` 中有 {$count} 个单位,而不是一个
    .help = 这里只给一个单位的证据,或用 `kaohe eval` 读取这个文件
evidence-name-read-as = 单位 `{$written}` 按 `{$name}` 读取
    .label = 按 `{$name}` 读取
    .help = kaohe 会去掉汉字旁的空格,把全角字母、数字和括号读作半角,使同一单位只有一个名称;写作 `{$name}` 就不会再有这条警告
evidence-names-again = 超过 {$count} 个单位名称重复出现;只列出其中一部分
    .help = 每个单位只保留一个文件或一行:改正列出的单位后再次读取,可看到其余的
evidence-hidden = `{$name}` 另有 {$count} 个问题未列出
    .help = 每个文件只列出前 {$limit} 个问题:改正后再次读取,可看到其余的问题
evidence-hidden-notes = 关于 `{$name}` 另有 {$count} 条警告未列出
    .help = 每个文件只列出前 {$limit} 条警告
evidence-twice = 单位 `{$name}` 的证据出现在两个文件中
    .rows = 单位 `{$name}` 的证据出现在两行中
    .label = 这里再次出现
    .first = 第一次在这里出现
    .help = 第一次出现在 {$first};每个单位只保留一个文件或一行

## 计分、格式化、生成表格和写出结果(src/eval/、src/formatter/、src/render/、src/cli/)。

eval-calendar-year = 无法计算 {$year} 年的工作日:{$name} 中没有这一年
    .label = {$year} 年的日期
    .none = 日历中没有任何年份;请把这一年的节假日和调休上班日加进去(见日历文件开头几行)
    .help = 日历中只有 {$years} 年;请把这一年的节假日和调休上班日加进去(见日历文件开头几行)
eval-give-lacks = `{$item}` 需要酌情分 `{$fact}`:本单位符合给分的条件
    .label = 本单位的证据
    .help = 在 `["{$item}"]` 下填写评估组给的分数(0至{$max}分)和理由:`"{$fact}" = {"{"} score = 1.5, reason = "……" {"}"}`
eval-divide-by-zero = `{$unit}` 的 `{$item}` 无法评分:`{$expr}` 的除数为 0
    .label = 该单位的除数为 0
    .help = 请核对该单位的证据;如果 0 是对的,请在规则文件中写明此时 `{$item}` 如何评分(`applicable unless … = 0` 或 `unless … = 0`)
eval-overflow = `{$unit}` 的 `{$item}` 无法评分:`{$expr}` 的值太大,无法计算
    .label = 该单位的值太大
    .help = 请核对该单位的证据中是否有过大的数值
eval-nothing-applicable = `{$name}` 没有任何适用的考核项,因此没有得分
    .label = 这个单位
    .help = `applicable unless` 的条件成立时,这一项不参与考核;请核对证据中的这些事实
eval-internal = 内部错误:考核项 `{$name}` 得分 {$score},不在 {$low} 至 {$high} 之间
    .label = 这一项
    .help = 这是 kaohe 检查程序的缺陷;请连同规则文件和证据一起报告
render-xlsx = 无法生成 xlsx 工作簿:{$reason}
    .help = 请改用 `--format html` 或 `--format md` 生成表格,并报告这个问题
fmt-changed-meaning = 格式化 `{$name}` 会改变其含义,因此保持原样
    .help = 这是 `kaohe fmt` 的缺陷:请连同这个文件一起报告;文件没有改动,检查和计分结果不变
cli-diff-json = 无法以 JSON 写出报告:{$reason}
    .help = 改用文本格式(`--format text`),并报告这个问题
cli-too-many-units = {$count} 个单位超出了 `--format {$format}` 在内存中能保存的数量(报告合计 {$limit} 个考核项和步骤)
    .help = `--format csv` 可写出任意数量单位的排名;或把单位分成几批计分
cli-workbook-refused = 无法排版 {$count} 个单位的工作簿:系统没有给 kaohe 所需的线程或内存
cli-fmt-folder = 文件夹 `{$path}` 中没有 `.rule` 文件
    .help = 请检查路径,以及文件夹是否可以读取
    .none = 请指定要格式化的规则文件,或含有规则文件的文件夹
cli-fmt-rewrite = 无法改写 `{$path}`:{$reason}
    .denied = 没有访问权限(或文件是只读的)
    .help = 请检查文件及其所在文件夹是否可以写入;文件没有改动
cli-write = 无法把报告写到 {$target}:{$reason}
    .nofolder = 没有这个文件夹
    .help = 请检查文件夹是否存在、是否可以写入
cli-stale = `{$dir}` 中有 {$count} 个 kaohe 的临时文件:{$files}{$more}
    .more = 等,另有 {$count} 个
    .help = 写报告时被强行终止(SIGKILL、断电)的运行会留下临时文件;另一个运行可能正在写,kaohe 不会删除它们:确认没有 kaohe 在写这个文件夹后再删除
raw-bool = 是/否值
raw-integer = 整数
raw-float = 数字
raw-string = 文字
raw-date = 日期
raw-array = 列表
raw-table = 表
raw-null = 空值 (null)
raw-the-text = 文字 `{$text}`
cli-output-in-input-folder = `{$output}` 位于本次读取证据的文件夹 `{$input}` 中
cli-output-same-as-input = `{$output}` 就是本次读取的 `{$input}`
cli-binary-what-report = 报告
cli-binary-what-form = 证据表
cli-binary-what-table = 考核表
cli-output-is-input = 报告会覆盖一个输入文件:{$reason}
    .help = `--output` 请指定证据以外的文件;kaohe 从不覆盖它读取的文件
cli-binary-stdout = XLSX {$what}是二进制文件,不写到标准输出
    .help = 用 `--output FILE` 指定要写的文件,如 `--output 考核结果.xlsx`

## 测试用例:预期得分(src/cases/)。

case-spreadsheet = `{$path}` 是电子表格,而测试用例是 TOML 或 JSON 文件
    .help = 测试用例是一个单位的证据加上 `[expect]` 表;请写成 TOML 或 JSON(见 docs/testing.md)
case-no-expect = 这个测试用例没有预期任何得分:没有 `[expect]` 表
    .label = 这个文件中应有 `[expect]`
    .help = 加上 `[expect]`,写明总分以及要核对的指标或考核项,如 `total = 97`;docs/testing.md 中有例子
case-expect-table = `expect` 必须是一个表,而不是{$found}
    .label = 不是表
    .help = 单独一行写 `[expect]`,下面写 `total = 97` 以及要核对的指标或考核项
case-expect-empty = 这个测试用例没有预期任何得分:`[expect]` 表是空的
    .label = 空表
    .help = 写明总分(`total = 97`)以及需要核对得分的指标或考核项
case-unknown = 评分表中没有可预期的指标或考核项 `{$name}`
    .label = 未知的名称
    .help = 写 `total`,或与规则文件完全相同的指标、考核项名称;`kaohe outline 规则文件` 可列出全部名称
case-twice = `{$name}` 预期了两次
    .label = 这里再次预期
    .first = 第一次在这里预期
    .help = 每个名称只写一个预期
case-not-applicable = 只有考核项可以预期为 `不适用`,`{$name}` 不行
    .label = 总分和指标总有得分
    .help = 请改为预期它的得分,如 `total = 79.27`
case-score = `{$name}` 的预期得分必须是 0 或以上的数字,而不是{$found}
    .label = 不是得分
    .help = 得分写作数字,如 `4` 或 `1.5`;不参与考核的考核项写 `"不适用"`

## 证据表格(src/report/template.rs)。

template-cell-type = 评分表中有电子表格单元格尚不能填写的事实:{$facts}
    .label = {$kind} 类型的事实
    .help = 请用 `--format toml` 生成表格:TOML 和 JSON 证据可以填写 `{$item}` 的 `{$fact}`
    .periods = CSV 文件只有一张表,而期间类事实须单独一张表、每个时段一行:请用 `--format xlsx` 生成表格(其中 `{$item}` 的 `{$fact}` 有单独的工作表),或用 `--format toml`

## 证据的 XLSX 工作簿(src/evidence/workbook.rs)。

workbook-too-large = `{$name}` 的组成部分 `{$part}` 解压后有 {$mb} MB,超出 kaohe 的读取上限
    .help = 证据工作簿解压后远小于 {$mb} MB;请在 Excel 或 WPS 中重新保存,或拆分成几个文件
workbook-part = 无法把 `{$name}` 作为 XLSX 工作簿读取:其组成部分 `{$part}` {$reason}
    .bomb = 解压后超过压缩目录声明的 {$declared} 字节
    .bombhelp = 文件已损坏,或被做成解压后远大于声明的大小(压缩炸弹);请在 Excel 或 WPS 中重新保存
    .checksum = 解压后的校验和与压缩目录声明的不符
    .unpack = 无法解压:{$why}
    .damaged = 文件已损坏;请在 Excel 或 WPS 中重新另存为 Excel 工作簿(.xlsx)
workbook-reason = { $what ->
    [not-zip] 这不是 XLSX 工作簿(可能是 .xls、.et、CSV 等其他格式的文件,或者文件已损坏)
    [password] 工作簿设有密码保护(已加密)
    [damaged] 工作簿的内容已损坏,无法解析
    [missing-part] 工作簿缺少必需的组成部分(文件不完整或已损坏)
   *[other] { $what }
}
workbook-unreadable = 无法把 `{$name}` 作为 XLSX 工作簿读取:{$what}
    .help = 请在 Excel 或 WPS 中另存为 Excel 工作簿(.xlsx);不能读取 .xls、.et 和有密码保护的文件
workbook-no-sheet = `{$name}` 中没有工作表 `{$wanted}`
    .help = 它的工作表有:{$list}
    .hint = {$hint} 它的工作表有:{$list}
workbook-periods-sheet = `{$name}` 的工作表 `{$sheet}` 填的是某一项的各个时段 (每行一个时段),不是各单位的数据
    .help = 请用 `--sheet` 指定每行一个单位的工作表 (证据表中名为“证据”);各时段工作表由 kaohe 按名称一并读取
workbook-not-cells = `{$name}` 的工作表 `{$sheet}` 不是由单元格组成的工作表
    .help = 请指定填有证据的工作表:表头有 `单位`,每个单位一行
workbook-no-visible = 其中没有可见的工作表
workbook-other-sheets = 已读取 `{$name}` 的工作表 `{$sheet}`;另有 {$count} 个工作表 {$list} 也有证据表头,没有读取
    .help = 请用 `--sheet 工作表名` 指定要读取的工作表;要为几个工作表中的单位计分,请把它们复制到同一个工作表中,或把每个工作表另存为单独的文件
workbook-sheet-unreadable = 无法读取 `{$name}` 的工作表 `{$sheet}`:{$reason}
    .help = 请在 Excel 或 WPS 中把文件另存为 Excel 工作簿(.xlsx)
syntax-name-bracket = 事实的名称中不能有 `{$found}`
    .label = 在名称中
    .help = 名称只能由字母、汉字、数字和 `_` 组成,全角和半角括号都不行:去掉括号写名称(如 `指南不规范条数`),把括号里的话写进带引号的说明
syntax-unclosed = 缺少 `{"}"}`:文件在一个块的中间就结束了
    .label = 文件在这里结束
    .open = 这个 `{"{"}` 没有对应的 `{"}"}`
    .help = 在块的最后一条语句后写上 `{"}"}`:每个指标或考核项的 `{"{"}` 都要有对应的 `{"}"}`
syntax-spaced-name = 含有空格的名称或标题必须加引号
    .label = 名称在空格后还没有结束
    .help = 请加上引号,写成 `{$quoted}`:不加引号时,名称或标题到第一个空格就结束了
syntax-colon = 名称和分值之间不能用 `{$found}` 连接
    .label = 这里的 `{$found}`
    .points = 这里之前应当是分值
    .help = 把 `{$found}` 换成空格,如 `item 决策公开 4 {"{"}`:不加引号的名称到下一个空格为止

## 电子表格证据的逐格问题:CSV 文件和工作簿的工作表(src/evidence/grid/、src/evidence/cell/)。

sheet-what = `{$path}`
    .sheet = `{$path}` 的工作表 `{$sheet}`
sheet-cell = 单元格 {$cell}(第 {$row} 行,{$column})
    .sheet = 工作表 `{$sheet}` 单元格 {$cell}(第 {$row} 行,{$column})
sheet-column = {$letters} 列
    .header = `{$header}` 列
sheet-at = {$place}:{$message}
sheet-row = 第 {$row} 行
    .named = 第 {$row} 行(`{$name}`)
sheet-cell-header = {$cell}(`{$header}`)
sheet-expected = 应填写数值
    .count = 应填写个数
    .reason = 应填写理由
    .points = 应填写分值
    .bool = 应填写是或否
    .percent = 应填写百分比
    .date = 应填写日期或“否”
    .members = 应填写成员名称
sheet-no-row = {$what} 中没有单位:表头下面没有填写任何一行
    .label = 表头
    .help = 请在表头下面每个单位填一行,第一格填写单位名称
sheet-empty = {$what} 中没有单位:表格是空的
    .label = 空表
    .help = 请先写表头(可用 `kaohe template 规则文件 --format csv` 生成),再在表头下面每个单位填一行
sheet-unheaded = {$letters} 列填了内容,但没有表头
    .label = 这个值没有表头
    .help = 请在上方第 {$row} 行写上这一列的表头(`考核项/事实`),或删除这一列
sheet-unit-twice = 单位 `{$name}` 的证据填在了两行中
    .label = 这里再次出现
    .first = 第一次在这里出现
    .help = 第一次出现在第 {$row} 行;每个单位只填一行
sheet-cell-type = `{$header}` 是 {$kind} 类型的事实,目前还不能在电子表格单元格中填写
    .label = 单元格中无法填写
    .help = 请用 TOML 或 JSON 填写本评分表的证据(`kaohe template 规则文件 --format toml`)
    .periods = 工作簿在单独的工作表 `{$sheet}` 中填写各时段,每个时段一行(`kaohe template 规则文件 --format xlsx` 生成的表格中已有);CSV 文件不能填写,请用 TOML 或 JSON
sheet-no-cell-fact = {$what} 无法填写 `{$fact}`:这是 {$kind} 类型的事实,单元格中不能填写
    .label = 各行都缺少此项
sheet-periods-absent = {$what} 中没有填写 `{$fact}` 各时段的工作表 `{$sheet}`
    .help = 请增加名为 `{$sheet}` 的工作表,表头为 `{$unit}`、`{$from}`、`{$to}`,每个时段填一行(`kaohe template 规则文件 --format xlsx` 生成的表格中已有);没有时段的单位不填行
sheet-periods-header = {$what} 中没有写明 `{$unit}`、`{$from}`、`{$to}` 的表头
    .label = 没有这样的表头
    .help = 请在同一行写表头 `{$unit}`、`{$from}`、`{$to}`,其下每行填一个时段
sheet-periods-no-unit = 该时段没有填写单位:单元格是空的
    .label = 空白
    .help = 请在 `{$unit}` 列填写该时段所属的单位,名称与单位工作表中的一致
sheet-periods-blank = `{$column}` 没有填写
    .label = 空白
    .from = 请填写时段开始的日期,如 `2020-03-02`
    .to = 请填写时段结束的日期,如 `2020-03-30`;从未结束的(如未答复的申请)填 `否`
sheet-periods-date = `{$column}` 应填写日期,不是 `{$text}`
    .label = 不是日期
    .help = 时段须有开始日期,写作 `2020-03-02`、`2020/3/2` 或 `2020年3月2日`
sheet-periods-reversed = 时段的结束早于开始:`{$to}` 早于 `{$from}`
    .label = 结束日期
    .first = 开始日期
    .help = 请核对两个日期:`{$to}` 是时段结束的日期,应不早于 `{$from}`
sheet-periods-unit = `{$name}` 不是单位工作表中的单位
    .label = 没有这个单位
    .help = 请按单位工作表 `{$unit}` 列中的写法填写单位名称;不参加考核的单位,请删去其各行
sheet-unknown-column = 评分表中没有 `{$text}` 这一列
    .label = 未知的列
    .help = 事实所在列的表头按规则文件中的名称写作 `考核项/事实`{$example};`kaohe template 规则文件 --format csv` 可生成完整的表头
    .example = ,如 `{$header}`
sheet-column-twice = 表头中 `{$text}` 列出现了两次
    .label = 这里再次出现
    .first = 第一次在这里出现
    .help = 只保留一个 `{$text}` 列(第一个在 {$letters} 列);删除或改名另一列
sheet-no-unit-column = {$what} 的表头中没有 `{$unit}` 列
    .label = 表头
    .help = 请增加一列,表头写 `{$unit}`,填写各单位的名称(`kaohe template` 生成的表格把它放在第一列)
sheet-absent-columns = {$what} 的表头中缺少 {$count} 个事实的列:{$names}{ $more ->
        [0] {""}
       *[other] {" "}等(另有 {$more} 列未列出)
    }
    .label = 表头
    .help = 请补上缺少的列(`kaohe template 规则文件 --format csv` 可生成含全部列的表头);只有设了 `default` 的事实可以不设列
sheet-skipped = {$what}:跳过了单位下方的 {$count} 行:第 {$rows} 行{ $more ->
        [0] {""}
       *[other] 等(另有 {$more} 行未列出)
    }
    .label = `{$label}`:不是单位
    .help = 合计、小计、平均等汇总行,备注行,填表人、审核人、制表日期等签署行,以及 `=SUM(…)` 之类的公式行都不是单位,不计分;删除这些行即可消除这条警告
sheet-no-unit = 第 {$row} 行填了内容,但没有单位:单元格 {$cell} 是空的
    .label = 空白
    .help = 请在 `{$unit}` 列填写被考核单位的名称,如 `蓬江区`
sheet-in-part = `{$fact}` 只填了一部分:单元格 {$cell} 是空的
    .label = 空白
    .tally = 请填写 {$cells};没有的填 0,空白单元格表示缺少数值,不等于 0
    .discretion = 请填写 {$cells};酌情评分要同时填写分值和理由
sheet-blanks = {$items} 个考核项共有 {$cells} 个单元格空白
    .label = 空白
    .help = 请填写 {$names}{ $more ->
        [0] {""}
       *[other] {" "}等(另有 {$more} 个单元格未列出)
    };空白单元格表示缺少事实,不等于 0 或“否”
cell-error = `{$name}` 的单元格是表格错误值 `{$error}`,不是数值
    .help = 请改正公式,或直接在单元格中填写数值
cell-type = `{$name}` 是 {$kind} 类型的事实,目前还不能在电子表格单元格中填写
    .help = 请用 TOML 或 JSON 填写这个单位的证据
cell-bool = `{$name}` 应填写是或否,不是 `{$text}`
    .help = 请填写 `是` 或 `否`(也可填 `true`/`false`、`有`/`无`、`对`/`错`、`√`/`×`、`✓`/`✗`、`Y`/`N`、`1`/`0`)
cell-count = `{$name}` 应填写整数,不是 `{$text}`
    .help = 请填写个数,用整数,可写阿拉伯数字(`12`、`1,234`)或汉字数字(`十二`);没有的填 `0`
    .max = 请填写个数,0 至 {$max} 之间的整数,可写阿拉伯数字(`12`、`1,234`)或汉字数字(`十二`);没有的填 `0`
    .none = 没有的请填 `0`(`{$text}` 不算作 0);{$help}
cell-too-large = `{$name}` 大于任何实际的个数
    .help = 请核对数值
cell-percent = `{$name}` 应填写百分比,不是 `{$text}`
    .help = 百分比填写数字,3.5% 填 `3.5`,也可填 `3.5%`
cell-number = `{$name}` 应填写数字,不是 `{$text}`
    .help = 请填写不小于 0 的数字,如 `12.5`
    .max = 请填写 0 至 {$max} 之间的数字,如 `12.5`
cell-points = `{$name}` 应填写分值,不是 `{$text}`
    .help = 请填写所给的分值,0 至 {$max} 之间的数字
cell-reason = 请用文字写明给分的理由
cell-members = `{$name}` 应按名称列出成员,不是 `{$text}`
    .help = 请列出具备的成员,用 `、` 分隔(也可用 `，` `,` `；` `;` `|` 或换行),如 `{$example}`;一个也没有的填 `无`;成员有:{$members}
cell-date = `{$name}` 应填写日期或“否”,不是 `{$text}`
    .help = 日期写作 `2020-12-30`、`2020/12/30`、`2020.12.30` 或 `2020年12月30日`;从未做的填 `否`(也可填 `false`、`无`)
cell-day-number = `{$name}` 的单元格是 Excel 的日期序号 `{$serial}`,{$why}
    .help = 请在单元格中直接输入日期,如 `2020-12-30`
    .format = 请把单元格格式设为日期(设置单元格格式 → 日期)查看是哪一天,再填入正确的日期
cell-no-such-day = `{$name}` 填的是 `{$text}`,没有这一天:{$why}
    .help = 请改正单元格中的日期;日期按年、月、日的顺序读取
cell-date-number = `{$name}` 应填写日期,不是数字 `{$text}`
    .help = `{$text}` 是 Excel 中 {$day} 的日期序号;如果就是这一天,请填写 `{$day}`
cell-no-day = 不对应任何日期
    .after = 晚于 Excel 能表示的最后一天 9999-12-31
    .zero = Excel 显示为 1900-01-00,没有这一天
    .leap = Excel 显示为 1900-02-29,这一天并不存在(Excel 把 1900 年当作闰年)
cell-no-month = 没有 {$month} 月
cell-no-day-zero = 没有 0 日
cell-month-days = {$year} 年 {$month} 月只有 {$days} 天

## TOML、JSON、YAML 文件无法读取的原因(src/input/reason.rs):解析器给出的英文原因按种类译成中文。

input-reason = { $what ->
    [duplicate-key] 键或表名重复:同一个键(或表名)只能出现一次
    [unquoted-key] 键中有不加引号时不能用的字符(中文的键要加引号)
    [empty-key] 键不能为空
    [no-value] 键后面缺少 `=` 和值
    [missing-value] 缺少值
    [unquoted-string] 文字的值要加引号
    [bad-string] 字符串有误(可能缺少结尾的引号)
    [opening-quote] 字符串缺少开头的引号
    [unclosed-table] 表名缺少结尾的方括号
    [unclosed-array] 数组缺少结尾的方括号
    [unclosed-inline-table] 内联表缺少结尾的花括号
    [array-comma] 数组的元素之间缺少逗号
    [pair-comma] 键值对之间缺少逗号
    [extra-comma] 多了一个逗号
    [missing-equals] 键和值之间缺少 `=`
    [extra-equals] 多了一个 `=`
    [escape] 反斜杠 `\` 后的转义字符有误(要写反斜杠本身,请写 `\\`)
    [leading-zero] 数字不能以 0 开头
    [boolean] 是或否只能写 `true` 或 `false`
    [number] 数字有误
    [date] 日期有误(日期写作 `2020-12-30`)
    [extra-content] 这里有多余的内容
    [bad-value] 值有误
    [bad-pair] 键值对有误
    [eof] 文件在这里意外结束(可能缺少结尾的括号或引号)
    [colon] 键后面缺少冒号 `:`
    [comma-array] 这里应为逗号 `,` 或 `]`
    [comma-object] 这里应为逗号 `,` 或 `{"}"}`
    [ident] 这里应为 `true`、`false` 或 `null`
    [value] 这里应为一个值
    [json-key] 键要加双引号
    [trailing] JSON 结束后还有多余的内容
    [control] 字符串中有控制字符(如换行),换行要写作 `\n`
    [unicode] `\u` 转义有误
    [yaml-mapping] 这里不能出现键值对(请检查缩进;值中的冒号要加引号)
    [yaml-dash] 列表的各项要以 `-` 开头,且缩进一致
    [yaml-tab] 缩进不能用制表符(Tab),请用空格
    [yaml-key] 这里应为一个键(请检查缩进)
   *[other] 格式有误({ $what })
}
input-reason-token = { $token ->
    [letters] 字母
    [numbers] 数字
    [digits] 数字
    [key] 键
    [value] 值
    [string] 字符串
   *[other] { $token }
}
input-reason-expected = { $reason },此处应为:{ $expected }
input-reason-or = { $list } 或 { $last }
input-reason-other = 格式有误(解析器原文:{ $detail })
