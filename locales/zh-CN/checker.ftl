# kaohe 的简体中文消息:checker(与 locales/en/checker.ftl 的消息一一对应)。

checker-denied-warnings = 有 { $count } 个警告，`--deny-warnings` 不允许任何警告：未评分

checker-allow-unknown = `allow { $name }` 不是可以确认的检查
    .label = kaohe 没有这项检查
    .help = `allow` 后应写 { $names } 之一
checker-allow-unused = `allow { $name }` 没有需要确认的内容
    .label = 本指标没有 { $year } 年以外的日期
    .help = 删去这一行：本指标的日期都在考核年度内

checker-value-absent = 未提供
checker-domain-bool = `{ $name }` 为 true 或 false
checker-domain-count = `{ $name }` 是从 0 起的整数
checker-domain-count-max = `{ $name }` 的取值为 0 至 { $max }
checker-domain-percent = `{ $name }` 的取值为 0% 至 100%
checker-domain-date = `{ $name }` 是日期或未提供
checker-applicable-never = `applicable unless` 的条件永远不成立：本指标对所有单位都适用
    .label = 任何单位的情况都不能使其成立
    .help = { $domains }；任何取值都不能使条件成立。请核对其中的数字和比较符，或删去这一行
checker-applicable-always = `applicable unless` 的条件对所有单位都成立：本指标对任何单位都不适用
    .label = 任何单位的情况都使其成立
    .help = { $domains }；任何取值都使条件成立，所有单位的得分都将不计本指标而折算。请核对其中的数字、比较符和 `not`
checker-condition-never = 此条件永远不成立：该条款不会生效
    .label = 任何单位的情况都不能使其成立
    .effect = 永远不会扣分或加分
    .help = { $domains }；任何取值都不能使条件成立（例如 { $example } 时不成立）。请核对数字和比较符：把 `< 10` 误写为 `< 0` 这类笔误会使该条款对所有单位都不生效
checker-condition-inapplicable = 此条件只在本指标不适用时成立：该条款不会生效
    .label = 只对不适用本指标的单位成立
    .applicable = 此条件成立时本指标不适用
    .help = 请对照 `applicable unless` 一行核对此条件：两者之一可能写反了
checker-condition-always = 此条件对所有单位都成立：该条款总会生效
    .label = 任何单位的情况都使其成立
    .effect = 对所有单位都生效
    .help = { $domains }；任何取值都使条件成立（例如 { $example }）。请核对数字、比较符和 `not`；如确实对所有单位都生效，请直接写在指标分值或 `start` 中
checker-unless-never = 此 `unless` 永远不成立：该豁免不会生效
    .label = 任何单位的情况都不能使其成立
    .help = { $domains }；在条款适用时任何取值都不能使豁免成立。请核对其中的数字和比较符，或删去 `unless …`
checker-unless-always = 凡条款适用时此 `unless` 都成立：该条款不会生效
    .label = 豁免了所有单位
    .effect = 永远不会扣分或加分
    .help = 凡条款条件成立时豁免条件也成立（例如 { $example }）。请核对豁免条件：两者之一可能写反了
checker-condition-undecided = 本指标的条件组合过多，无法精确判定
    .label = 未判定
    .help = 判定此条件需要尝试 { $count } 种取值组合，超过 kaohe 的上限 { $limit }；未检查其是否恒成立或恒不成立。拆分指标或条件后即可检查

checker-dead-floor = 此条款永远不会扣分：其 `floor { $floor }` 等于指标分值
    .label = 得分不得低于 { $floor }
    .points = 本指标分值为 { $points }
    .help = 得分从不高于指标分值，此条款在扣分前就已停止。通常应为 `floor 0`（扣完为止）；请对照评分表核对数字
checker-dead-repeat = 此条款与本指标的另一条款重复
    .label = 重复的条款
    .first = 首次出现在此
    .help = 每个条款各扣一次：请删去重复的条款，或按评分表改正
checker-dead-zero = 此条款不会改变任何得分：凡它适用时，本指标的 `zero` 也适用
    .label = 只在本指标得 0 分时适用
    .zero = 凡此条款适用时此 `zero` 都适用
    .help = 不得分时本指标为 0 分，其他条款不再起作用。请核对两个条款的条件：其中之一可能有误，否则可删去此条款
