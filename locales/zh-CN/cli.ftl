# kaohe 的简体中文消息:cli(与 locales/en/cli.ftl 的消息一一对应)。
# 各命令的 `--help`。命令的简介为 `cli-命令`;参数的说明为 `cli-命令-参数`,
# 几个命令共有的参数为 `cli-arg-参数`;取值的说明为 `cli-命令-参数-取值` 或 `cli-value-参数-取值`。

## clap 自身的用语。

cli-usage = 用法:
cli-arguments = 参数
cli-options = 选项
cli-commands = 命令
cli-help = 显示帮助
cli-help-command = 显示本帮助,或所给命令的帮助
cli-version = 显示版本
cli-possible-values = 可选值:
cli-default = 默认:{ $value }

## 各命令。

cli-kaohe = 考核:把考核评分表写成规则文件——检查评分表,按证据评分,说明每一处失分
cli-check = 检查规则文件:分值是否相符、是否使用了未声明的事实项,以及其他各类错误
cli-outline = 显示已检查的评分表的结构:一级指标、二级指标、分值、事实项和评分规则
cli-eval = 按评分表为每个单位的证据评分
cli-explain = 用评分表的语言说明一个单位的每一处失分,附评分细则原文(`--verbose`:再附上对应的规则条款和规则文件的行号)
cli-template = 根据规则文件生成空白的证据填报表:TOML(每个单位一个文件)或 CSV、XLSX(每个单位一行),逐项说明
cli-fmt = 按 kaohe 的标准格式排版规则文件,注释和文字原样保留
cli-render = 按公布的考核表样式输出评分表:一级指标 | 二级指标 | 分值 | 评分说明与细则
cli-diff = 比较两个规则文件:新增、删除、改名的指标,分值的变动,评分规则的改动;给出证据时,再比较每个单位在两个评分表下的得分
cli-test = 运行测试用例:证据文件中的 `[expect]` 表写明总分及任一一级、二级指标的得分,有任何不符即报错

## 几个命令共有的参数。

cli-arg-lang = 消息和报告的语言:zh(简体中文)或 en(英文);未指定时依次取 `KAOHE_LANG` 和系统语言
cli-value-lang-zh = 简体中文
cli-value-lang-en = 英文
cli-arg-rule = 规则文件(`.rule`)
cli-arg-message-format = 错误和警告在标准错误输出上的格式
cli-value-message-format-human = miette 格式的报告,供人阅读
cli-value-message-format-json = 每行一个 JSON 对象,供编辑器和持续集成使用
cli-arg-calendar = 自备的日历文件,用于计算工作日,代替规则文件指定的日历(`calendar cn` 或规则文件所在文件夹中的文件)

## 各命令自己的参数。

cli-check-rules = 要检查的规则文件(`.rule`)、在其中(含子文件夹)查找规则文件的文件夹,或 `-` 表示从标准输入读取
cli-check-deny-warnings = 有警告也视为失败(退出码 1)
cli-check-verbose = 同时列出规则文件以 `allow NAME` 确认的警告(否则只给出数目)
cli-check-draft = 不论文件是否写明,都按草稿检查:尚未合计正确的分值只作警告
cli-render-draft = 不论文件是否写明,都按草稿输出:尚未合计正确的分值只作警告,表格标明“草稿”
cli-arg-draft = 对草稿考核表(规则文件中写有 `draft`)照样计分,并把任何规则文件按草稿检查:分值合计只作警告。分数不是最终结果
cli-eval-evidence = 证据文件(`.toml`、`.json`、`.yaml`:每个文件一个单位;`.csv`、`.xlsx`:每行一个单位)或存放证据文件的文件夹
cli-eval-format = 报告的格式;未指定时按 `--output` 文件的扩展名(`.xlsx`、`.html`、`.md`、`.json`、`.csv`、`.txt`)确定,否则为 `table`
cli-eval-format-table = 各单位的排名及各一级指标的小计
cli-eval-format-json = 每个单位完整的评分表及评分过程
cli-eval-format-md = 每个单位的评分表,Markdown 表格,版式同正式的考核表
cli-eval-format-csv = CSV 格式的排名:名次、单位、总分、各一级指标小计
cli-eval-format-xlsx = 工作簿:排名,以及每个单位版式同正式考核表的评分表(须指定 `--output`)
cli-eval-output = 把报告写入此文件(要么完整写入,要么不写),不输出到标准输出;XLSX 必须指定
cli-eval-encoding = CSV 证据的编码;未指定时自动识别(UTF-8,或中文 Windows 上 Excel、WPS 保存“CSV”时用的 GBK,并给出警告)
cli-eval-encoding-utf-8 = UTF-8,有无字节顺序标记均可(“CSV UTF-8”)
cli-eval-encoding-gbk = GBK,按其超集 GB18030 读取(中文 Windows 上的“CSV”)
cli-eval-encoding-gb18030 = GB18030
cli-eval-sheet = 要读取的 XLSX 证据工作表;默认取第一个有证据表头(`单位` 和评分表各列)的可见工作表
cli-explain-evidence = 证据文件:一个单位的(`.toml`、`.json`、`.yaml`),或多个单位的表格(`.csv`、`.xlsx`);表格中的每个单位都会说明,用 `--unit` 可只说明其中一个
cli-template-format = 填报表的格式;未指定时按 `--output` 文件的扩展名(`.toml`、`.csv`、`.xlsx`)确定,否则为 `toml`
cli-template-format-toml = 每个单位一个 TOML 文件,每项都在注释中说明
cli-template-format-csv = 每个单位一行:CSV 文件的表头
cli-template-format-xlsx = 每个单位一行:带批注和下拉选项的 XLSX 工作簿
cli-template-output = 把填报表写入此文件(要么完整写入,要么不写),不输出到标准输出;XLSX 必须指定
cli-fmt-files = 规则文件(`.rule`)、在其中(含子文件夹)查找规则文件的文件夹,或 `-` 表示整理标准输入并写到标准输出
cli-fmt-check = 不写入任何文件:以统一差异格式显示将作的改动,有改动即报告失败
cli-render-format = 考核表的格式;默认按 `--output` 的扩展名确定,否则为 `md`
cli-render-format-md = Markdown 表格;一级指标只写在其第一行
cli-render-format-html = 独立的 HTML 网页,可用 A4 纸打印,一级指标单元格跨行合并
cli-render-format-xlsx = XLSX 工作簿,合并单元格、自动换行,按 A4 纸设置
cli-render-output = 把考核表写入此文件(要么完整写入,要么不写),不输出到标准输出
cli-diff-old = 旧的规则文件(上一年的 `.rule`)
cli-diff-new = 新的规则文件(`.rule`)
cli-diff-evidence = 证据文件(`.toml`、`.json`、`.csv`、`.xlsx`)或存放证据文件的文件夹,分别按两个评分表评分
cli-diff-format = 报告的格式
cli-diff-format-text = 供人阅读的报告
cli-diff-format-json = 同一份报告,一个 JSON 对象
cli-diff-output = 把报告写入此文件(要么完整写入,要么不写),不输出到标准输出
cli-test-cases = 用例文件(`.toml`、`.json`)或存放用例的文件夹
cli-arg-color = 诊断信息的颜色:`auto` 在终端上着色(设置了 `NO_COLOR` 时不着色;设置了 `CLICOLOR_FORCE` 时总是着色),`always` 总是着色,`never` 从不着色
cli-value-color-auto = 在终端上着色,设置了 `NO_COLOR` 时除外;设置了 `CLICOLOR_FORCE` 时总是着色
cli-value-color-always = 总是着色,写入文件或管道时也是
cli-value-color-never = 从不着色
cli-eval-format-html = 一个独立的网页,可在屏幕上阅读,也可按 A4 打印:排名、图表和每个单位的评分表
cli-explain-unit = 只说明这个名称的单位(表格中一行的 `单位`,或文件中的 `unit`)
cli-explain-verbose = 在每句说明后附上对应的规则条款和规则文件的行号
cli-explain-encoding = CSV 证据的编码;未指定时自动识别(UTF-8,或中文 Windows 上 Excel、WPS 保存“CSV”时用的 GBK,并给出警告)
cli-explain-encoding-utf-8 = UTF-8,有无字节顺序标记均可(“CSV UTF-8”)
cli-explain-encoding-gbk = GBK,按其超集 GB18030 读取(中文 Windows 上的“CSV”)
cli-explain-encoding-gb18030 = GB18030
cli-explain-sheet = 要读取的 XLSX 证据工作表;默认取第一个有证据表头(`单位` 和评分表各列)的可见工作表
cli-diff-format-html = 一个独立的网页:以图表和表格列出每个单位在新旧两个评分表下的得分
cli-completions = 输出命令行补全脚本:`kaohe completions bash > /etc/bash_completion.d/kaohe`
cli-completions-shell = 命令行外壳(shell)的种类
cli-man = 输出 kaohe 的手册页(roff 格式):`kaohe man > kaohe.1; man ./kaohe.1`
cli-lsp = 通过标准输入输出为编辑器提供语言服务(Language Server Protocol):实时诊断、悬停提示、补全、重命名、格式化
cli-arg-deny-warnings = 规则文件有任何警告都按错误处理,拒绝评分
cli-eval-method = 综合评分考核表(规则文件中的 `methods`)中一种考核方式的证据,写作 `名称=路径`:每种方式一个,代替证据文件
cli-method-not-blended = `--method` 用于综合评分的考核表,本规则文件没有 `methods`
    .help = 不加 `--method`,直接给出证据文件
cli-method-unknown = `--method {$name}` 不是本考核表的考核方式
    .help = 写作 `--method 名称=路径`,名称为 {$names} 之一
cli-method-missing = 综合评分的考核表须按每种考核方式分别给出证据
    .help = 为 {$names} 各写一个 `--method 名称=路径`,不再另给证据文件
cli-method-unit = 单位“{$unit}”没有“{$method}”的证据
    .help = 每个单位在每种考核方式下都要有证据:请核对各文件夹中的单位名称

## clap 无法解析的命令行:按错误的种类和内容用中文说明(src/cli/usage_error.rs)。

cli-error-line = 错误: { $message }
cli-error-tip = 提示: { $text }
cli-error-usage = 用法: { $usage }
cli-error-try-help = 详细说明,请用 `{ $help }` 查看。
cli-error-quoted = `{ $text }`
cli-error-separator = 、
cli-error-unknown-argument = 无法识别的参数 `{ $arg }`
cli-error-argument-repeated = 参数 `{ $arg }` 不能重复使用
cli-error-argument-conflict-one = 参数 `{ $arg }` 不能与 `{ $other }` 同时使用
cli-error-argument-conflict-many = 参数 `{ $arg }` 不能与以下参数同时使用:
cli-error-argument-conflict-any = 参数 `{ $arg }` 不能与所给的其他参数同时使用
cli-error-subcommand-conflict-one = 命令 `{ $arg }` 不能与 `{ $other }` 同时使用
cli-error-subcommand-conflict-many = 命令 `{ $arg }` 不能与以下参数同时使用:
cli-error-subcommand-conflict-any = 命令 `{ $arg }` 不能与所给的其他参数同时使用
cli-error-no-equals = 给 `{ $arg }` 赋值须用等号,写作 `{ $arg }=值`
cli-error-missing-value = `{ $arg }` 须给出一个值,但没有给出
cli-error-invalid-value = `{ $arg }` 的值 `{ $value }` 无效
cli-error-possible-values = (可选值:{ $values })
cli-error-invalid-subcommand = 没有 `{ $name }` 这个命令
cli-error-missing-arguments = 缺少以下必需的参数:
cli-error-missing-subcommand = `{ $name }` 后须接一个命令,但没有给出
cli-error-subcommands = (可用的命令:{ $values })
cli-error-too-many-values = `{ $arg }` 多给了值 `{ $value }`,不需要更多的值
cli-error-too-few-values = `{ $arg }` 至少需要 { $min } 个值,只给出了 { $actual } 个
cli-error-wrong-number-of-values = `{ $arg }` 需要 { $expected } 个值,给出了 { $actual } 个
cli-error-value-validation = `{ $arg }` 的值 `{ $value }` 无效
cli-error-value-validation-reason = `{ $arg }` 的值 `{ $value }` 无效(解析器原文:{ $reason })
cli-error-invalid-utf8 = 参数中有不是 UTF-8 编码的文字
cli-error-other = 无法解析命令行(解析器原文:{ $detail })
cli-error-similar-argument = { $count ->
       *[other] 有相近的参数
    }:{ $names }
cli-error-similar-subcommand = { $count ->
       *[other] 有相近的命令
    }:{ $names }
cli-error-similar-value = { $count ->
       *[other] 有相近的值
    }:{ $names }
cli-error-pass-as-value = 如要把 `{ $arg }` 作为值传入,请写作 `{ $usage }`
cli-error-flag-of-subcommand = 可以写作 `{ $usage }`
cli-error-remove-double-dash = 有 `{ $name }` 这个命令;要使用它,请去掉它前面的 `--`
cli-error-other-tip = 解析器原文:{ $text }
