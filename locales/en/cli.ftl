# kaohe's messages in English: cli (the same ids as locales/zh-CN/cli.ftl).
# The `--help` of every command. The English is the commands' own documentation,
# word for word (a test of the command line holds them equal); the Chinese replaces it
# when kaohe speaks Chinese. A command's about is `cli-COMMAND`; an argument's help
# `cli-COMMAND-ARG`, else `cli-arg-ARG` for one that several commands share; a value's
# `cli-COMMAND-ARG-VALUE`, else `cli-value-ARG-VALUE`.

## clap's own words.

cli-usage = Usage:
cli-arguments = Arguments
cli-options = Options
cli-commands = Commands
cli-help = Print help
cli-help-command = Print this message or the help of the given subcommand(s)
cli-version = Print version
cli-possible-values = Possible values:
cli-default = default: { $value }

## The commands.

cli-kaohe = 考核: assessment rubrics as code — check them, score evidence, explain every point lost
cli-check = Check rule files: points that do not add up, undeclared facts, and every other mistake
cli-outline = Print a checked rubric's outline: sections, items, points, facts and clauses
cli-eval = Score the evidence of each unit against a rubric
cli-explain = Explain every point a unit lost, in the words of the table, with the criterion text (`--verbose`: each clause and the rule file's line)
cli-template = Write an empty evidence form for a rule file: TOML (one file per unit) or CSV and XLSX (one row per unit), every fact described
cli-fmt = Lay out rule files in kaohe's canonical layout, keeping comments and texts exactly
cli-render = Print a rubric as the published table: 一级指标 | 二级指标 | 分值 | 评分说明与细则
cli-diff = Compare two rule files: items added, removed, renamed, points moved, clauses changed, and, given evidence, each unit's score under both
cli-test = Run test cases: evidence files whose `[expect]` table pins the total and any section or item; fail on any difference

## The arguments several commands share.

cli-arg-lang = The language of messages and reports: zh (简体中文) or en; else `KAOHE_LANG`, else the system locale
cli-value-lang-zh = 简体中文
cli-value-lang-en = English
cli-arg-rule = The `.rule` file
cli-arg-message-format = How diagnostics are printed on stderr
cli-value-message-format-human = miette's report, for people
cli-value-message-format-json = One JSON object per line, for editors and CI
cli-arg-calendar = A calendar file of your own to count working days with, in place of the one the rule file names (`calendar cn` or a file in its folder)

## Each command's own arguments.

cli-check-rules = The `.rule` files, folders to search for them (with their subfolders), or `-` for standard input
cli-check-deny-warnings = Fail (exit 1) on warnings too
cli-check-verbose = Show the warnings the rule file acknowledges with `allow NAME` too (otherwise only counted)
cli-check-draft = Check the rule files as drafts, whatever they say: the sums that do not add up yet are warnings
cli-render-draft = Render the rule file as a draft, whatever it says: sums that do not add up yet are warnings, and the table is marked 草稿 (DRAFT)
cli-arg-draft = Score a draft table (`draft` in the rule file), and check any rule file as a draft: its sums as warnings. The scores are not final
cli-eval-evidence = Evidence files (`.toml`, `.json`, `.yaml`: one unit each; `.csv`, `.xlsx`: one unit a row) or folders of them
cli-eval-format = The report's format; by default the one `--output`'s extension names (`.xlsx`, `.html`, `.md`, `.json`, `.csv`, `.txt`), else `table`
cli-eval-format-table = A ranking of the units with each first-level subtotal
cli-eval-format-json = Every unit's whole score sheet with its trace
cli-eval-format-md = Each unit's score sheet as a Markdown table laid out like the official one
cli-eval-format-csv = The ranking as CSV: rank, unit, total, each first-level subtotal
cli-eval-format-xlsx = A workbook: the ranking, and each unit's score sheet laid out like the official one (needs `--output`)
cli-eval-output = Write the report to this file (whole, or not at all) instead of stdout; XLSX needs it
cli-eval-encoding = The encoding of CSV evidence; detected when left out (UTF-8, or GBK as Excel and WPS save "CSV" on Chinese Windows, with a warning)
cli-eval-encoding-utf-8 = UTF-8, with or without a byte-order mark ("CSV UTF-8")
cli-eval-encoding-gbk = GBK, read as GB18030, of which it is a part ("CSV" on Chinese Windows)
cli-eval-encoding-gb18030 = GB18030
cli-eval-sheet = The worksheet of XLSX evidence to read; by default the first visible sheet with an evidence header (`单位` and the rubric's columns)
cli-explain-evidence = The evidence file: one unit's (`.toml`, `.json`, `.yaml`), or a sheet of units (`.csv`, `.xlsx`), each explained unless `--unit` names one
cli-template-format = The form's format; by default the one `--output`'s extension names (`.toml`, `.csv`, `.xlsx`), else `toml`
cli-template-format-toml = One TOML file per unit, every fact described in comments
cli-template-format-csv = One row per unit: the header of a CSV file
cli-template-format-xlsx = One row per unit: an XLSX workbook with notes and drop-down lists
cli-template-output = Write the form to this file (whole, or not at all) instead of stdout; XLSX needs it
cli-fmt-files = The `.rule` files, folders to search for them (with their subfolders), or `-` to format standard input onto standard output
cli-fmt-check = Write nothing: show what would change as a unified diff, and fail if anything would
cli-render-format = The table's format; by default the one `--output`'s extension names, else `md`
cli-render-format-md = A Markdown table; a first-level cell is written on the first of its rows only
cli-render-format-html = A self-contained HTML page, printable on A4, first-level cells spanning rows
cli-render-format-xlsx = An XLSX workbook with merged cells and wrapped text, set up for A4
cli-render-output = Write the table to this file (whole, or not at all) instead of stdout
cli-diff-old = The old `.rule` file (last year's)
cli-diff-new = The new `.rule` file
cli-diff-evidence = Evidence files (`.toml`, `.json`, `.csv`, `.xlsx`) or folders of them, scored under both rubrics
cli-diff-format = The report's format
cli-diff-format-text = A report for people
cli-diff-format-json = The same report as one JSON object
cli-diff-output = Write the report to this file (whole, or not at all) instead of stdout
cli-test-cases = Case files (`.toml`, `.json`) or folders of them
cli-arg-color = Colour in diagnostics: `auto` on a terminal (not with `NO_COLOR`; always with `CLICOLOR_FORCE`), `always`, or `never`
cli-value-color-auto = On a terminal, unless `NO_COLOR` is set; always with `CLICOLOR_FORCE`
cli-value-color-always = Always, even into a file or a pipe
cli-value-color-never = Never
cli-eval-format-html = One self-contained page for the screen and A4: the ranking, charts, and each unit's score sheet
cli-explain-unit = Explain only the unit of this name (`单位` of a sheet's row, `unit` of a file)
cli-explain-verbose = Follow each sentence with its clause and the rule file's line
cli-explain-encoding = The encoding of CSV evidence; detected when left out (UTF-8, or GBK as Excel and WPS save "CSV" on Chinese Windows, with a warning)
cli-explain-encoding-utf-8 = UTF-8, with or without a byte-order mark ("CSV UTF-8")
cli-explain-encoding-gbk = GBK, read as GB18030, of which it is a part ("CSV" on Chinese Windows)
cli-explain-encoding-gb18030 = GB18030
cli-explain-sheet = The worksheet of XLSX evidence to read; by default the first visible sheet with an evidence header (`单位` and the rubric's columns)
cli-diff-format-html = A self-contained page: each unit's score under both rubrics as a chart and a table
cli-completions = Print the completions of a shell: `kaohe completions bash > /etc/bash_completion.d/kaohe`
cli-completions-shell = The shell
cli-man = Print kaohe's manual page (roff): `kaohe man > kaohe.1; man ./kaohe.1`
cli-lsp = Serve an editor over stdin and stdout (the Language Server Protocol): live diagnostics, hover, completion, rename, formatting
cli-arg-deny-warnings = Refuse a rule file with any warning, as with an error: nothing is scored
cli-eval-method = The evidence of one method of a blended table (`methods` in the rule file), as `NAME=PATH`: one for each method, in place of EVIDENCE
cli-method-not-blended = `--method` is for a blended table, and this rule file has no `methods`
    .help = give the evidence files without `--method`
cli-method-unknown = `--method {$name}` names no method of the table
    .help = write `--method NAME=PATH` with one of {$names}
cli-method-missing = a blended table is scored from each method's evidence
    .help = give `--method NAME=PATH` for each of {$names}, and no other evidence
cli-method-unit = the unit `{$unit}` has no evidence for the method `{$method}`
    .help = each unit needs evidence under every method: check the unit's name in each folder

## A command line clap cannot parse: its error in clap's own words, which a test holds
## equal to clap's (src/cli/usage_error.rs).

cli-error-line = error: { $message }
cli-error-tip = tip: { $text }
cli-error-usage = Usage: { $usage }
cli-error-try-help = For more information, try '{ $help }'.
cli-error-quoted = '{ $text }'
cli-error-separator = { ", " }
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-argument-repeated = the argument '{ $arg }' cannot be used multiple times
cli-error-argument-conflict-one = the argument '{ $arg }' cannot be used with '{ $other }'
cli-error-argument-conflict-many = the argument '{ $arg }' cannot be used with:
cli-error-argument-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
cli-error-subcommand-conflict-one = the subcommand '{ $arg }' cannot be used with '{ $other }'
cli-error-subcommand-conflict-many = the subcommand '{ $arg }' cannot be used with:
cli-error-subcommand-conflict-any = the subcommand '{ $arg }' cannot be used with one or more of the other specified arguments
cli-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-error-missing-value = a value is required for '{ $arg }' but none was supplied
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-possible-values = { "[" }possible values: { $values }]
cli-error-invalid-subcommand = unrecognized subcommand '{ $name }'
cli-error-missing-arguments = the following required arguments were not provided:
cli-error-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
cli-error-subcommands = { "[" }subcommands: { $values }]
cli-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-too-few-values = { $min } values required by '{ $arg }'; only { $actual } { $actual ->
        [0] was
        [1] was
       *[other] were
    } provided
cli-error-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $actual } { $actual ->
        [0] was
        [1] was
       *[other] were
    } provided
cli-error-value-validation = invalid value '{ $value }' for '{ $arg }'
cli-error-value-validation-reason = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-error-other = { $detail }
cli-error-similar-argument = { $count ->
        [one] a similar argument exists
       *[other] some similar arguments exist
    }: { $names }
cli-error-similar-subcommand = { $count ->
        [one] a similar subcommand exists
       *[other] some similar subcommands exist
    }: { $names }
cli-error-similar-value = { $count ->
        [one] a similar value exists
       *[other] some similar values exist
    }: { $names }
cli-error-pass-as-value = to pass '{ $arg }' as a value, use '{ $usage }'
cli-error-flag-of-subcommand = '{ $usage }' exists
cli-error-remove-double-dash = subcommand '{ $name }' exists; to use it, remove the '--' before it
cli-error-other-tip = { $text }
