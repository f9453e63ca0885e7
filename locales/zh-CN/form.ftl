# kaohe 的简体中文消息:form(与 locales/en/form.ftl 的消息一一对应)。
# `kaohe template` 生成的证据填报表(TOML 注释,XLSX 表的批注、输入提示和“说明”工作表)
# 以及 `kaohe render` 生成的考核表的表头。

## TOML 填报表的注释。

form-toml-title = 证据填报表:{ $title }
form-toml-made = 由 `kaohe template` 根据 { $file } 生成。
form-toml-howto =
    每个被考核单位填一个文件。在 `unit` 后写单位名称;然后在每个二级指标下逐项填写:
    删去该项所在行开头的 `# `,在 `=` 后写上取值。仍被注释掉的项视为缺失,
    所需各项未填齐的单位不予评分。每项可填的取值写在该行上方;
    docs/evidence.md 有全部说明。
form-toml-methods-sep = 、
form-toml-methods = 本表按{ $methods }分别考核:每种考核方式各填一份,分别存放,计分时用 `--method 名称=路径` 指明。
form-toml-guard = 防止用其他规则文件为本文件评分
form-toml-bonus = 加分项
form-toml-penalty = 倒扣分
form-toml-not-applicable = 当 `{ $condition }` 时不适用(折分处理),此时只需填写 { $facts }。
form-toml-members = 可选项:{ $members }
form-toml-bool = 是否,填 true(是)或 false(否)
form-toml-count-max = 数量,填 0 至 { $max } 的整数
form-toml-count = 数量,填 0 或以上的整数
form-toml-percent = 百分比,填数字(3.5 表示 3.5%)或文字 "3.5%"
form-toml-percent-max = 百分比,填数字(150 表示 150%)或文字 "150%",0 至 { $max }%
form-toml-number-max = 数值,填小数或整数,如 12.5,0 至 { $max }
form-toml-number = 数值,填小数或整数,如 12.5,0 或以上
form-toml-date = 日期,如 { $example };从未做过的填 false
form-toml-set = 集合,填具备的选项,如 [{ $example }];一项都没有的填 []
form-toml-tally = 计数,每个选项各有多少;未写的选项按 0 计
form-toml-periods = 期间,填列表,如 [{ $example }];尚未结束的 { $to } 填 false;没有的填 []
form-toml-discretion = 酌情评分,填 0 至 { $max } 的分数并写明理由,如 { $example }
form-toml-given-when = 只在 `{ $when }` 成立时填写,否则不填
form-toml-dates = 一组日期,填 { $year } 年每一次的日期,如 { $example };一次也没有的填 []
form-write-dates = 填每一次的日期,用“、”“,”或“;”隔开,如 2023-01-10、2023-01-24;一次也没有的填“无”
form-toml-default = { $values };可不填(默认 { $default })

## XLSX 填报表:每列填写什么(批注、输入提示和出错提示)。

form-yes = 是
form-no = 否
form-unit = 被考核单位名称,每个单位一行,同一单位只能填一次
form-unit-short = 被考核单位名称
form-unit-about = 每个单位一行,同一单位只能填一次
form-write-bool = 选择“是”或“否”(也可填 true/false、有/无、√/×、Y/N、1/0)
form-write-count-max = 填数量,0 至 { $max } 的整数;没有的填 0
form-write-count = 填数量,0 或以上的整数;没有的填 0
form-write-percent = 填百分比,可写数字 3.5(表示 3.5%)或 3.5%
form-write-percent-max = 填百分比,可写数字 150(表示 150%)或 150%,最多 { $max }%
form-write-number-max = 照实填数值,如 12.5,0 至 { $max }
form-write-number = 照实填数值,如 12.5,0 或以上
form-write-date = 填日期,如 2020-12-30 或 2020年12月30日(也可写 2020/12/30、2020.12.30);从未做过的填“否”
form-write-set = 填具备的选项,多项用“、”分隔,一项都没有的填“无”;可选项为 { $members }
form-write-member = 填该项的数量,0 或以上的整数;没有的填 0
form-write-reason = 用文字写明评分理由
form-write-discretion = 填所给分数,0 至 { $max } 之间的数
form-write-other = 此单位的证据请用 TOML 或 JSON 填写
form-period-unit = 单位名称,与“{ $form }”工作表中的写法一致;每个时段一行,有几个时段填几行;没有时段的单位不填
form-write-period-from = 填时段开始的日期,如 2020-03-02 或 2020年3月2日(也可写 2020/3/2、2020.3.2)
form-write-period-to = 填时段结束的日期,如 2020-03-30 或 2020年3月30日;从未结束的填“否”
form-guide-periods = “{ $fact }”在“{ $sheet }”工作表中填写:每个时段一行,“{ $unit }”列填单位名称(与“{ $form }”工作表一致),其后填“{ $from }”和“{ $to }”。没有时段的单位不填行(视为没有该项期间);工作簿中没有该工作表的,视为所有单位都缺少此项。
form-default = 可留空:规则文件给出了默认值
form-item-points = { $item }({ $points }分)
form-item-open = { $item }(不设上限)

## XLSX 填报表的“说明”工作表。

form-guide-title = 证据填报表:{ $title }
form-guide-made = 请填写“{ $sheet }”工作表:表头两行之下每个单位一行,“{ $unit }”列填单位名称,每格填一个值。空白单元格表示缺少该项(不等于 0 或“否”):没有默认值的项都必须填写。
form-guide-accepts = 可识别的写法:是否项填“是”或“否”(也可填 true/false、有/无、√/×);日期写作 2020-12-30 或 2020年12月30日;数量填整数;百分比写作 3.5 或 3.5%。填好后将本表交回考核组评分。
form-guide-column = 列
form-guide-header = 表头
form-guide-section = 一级指标
form-guide-item = 二级指标
form-guide-write = 填写
form-guide-about = 说明
form-guide-criteria = 评分说明与细则

## `kaohe render` 生成的考核表的表头。

render-level = { $level }级指标
render-points = 分值
render-criteria = 评分说明与细则
render-total = 合计
render-draft-title = { $title } (草稿)
render-method = { $name }占{ $weight }%
render-method-sep = ,
render-section-points = ({ $points }分)
render-bonus-points = (加分, 最多{ $points }分)
render-penalty-points = (扣分, 最多{ $points }分)
render-total-max = 加分后最高{ $points }分
render-no-cap = 不设上限
render-bonus-open = (加分, 不设上限)
render-penalty-open = (扣分, 不设上限)
render-total-no-min = 总分可低于0分
render-pooled-points = ({ $points }分,本指标扣完为止)
