# kaohe's messages in English: form (the same ids as locales/zh-CN/form.ftl).
# The evidence form `kaohe template` writes (TOML comments, the XLSX form's notes,
# prompts and 说明 sheet) and the headings of the table `kaohe render` writes.

## The TOML form's comments.

form-toml-title = Evidence form for { $title }
form-toml-made = Made by `kaohe template` from { $file }.
form-toml-howto =
    One file per assessed unit. Write the unit's name after `unit`. Then, under each
    item, give every fact: delete the `# ` in front of the fact's line and write its
    value after `=`. A fact whose line is still commented out is missing, and the unit
    is not scored until every fact it needs is given. The values each fact takes are
    above its line; docs/evidence.md explains them all.
form-toml-methods-sep = {", "}
form-toml-methods = This table is assessed by { $methods } apart: fill one form for each method, keep them apart, and name each when scoring with `--method NAME=PATH`.
form-toml-guard = a guard against scoring this file with another rule file
form-toml-bonus = 加分项 (bonus)
form-toml-penalty = 倒扣分 (penalty)
form-toml-not-applicable = Not applicable (折分处理) when `{ $condition }`; then only { $facts } is needed.
form-toml-members = members: { $members }
form-toml-bool = bool, true or false
form-toml-count-max = count, a whole number from 0 to { $max }
form-toml-count = count, a whole number, 0 or more
form-toml-percent = percent, a number (3.5 for 3.5%) or a text "3.5%"
form-toml-percent-max = percent, a number (150 for 150%) or a text "150%", from 0 to { $max }%
form-toml-number-max = number, a decimal such as 12.5, from 0 to { $max }
form-toml-number = number, a decimal such as 12.5, 0 or more
form-toml-date = date, such as { $example }, or false if it was never done
form-toml-set = set, the members present, such as [{ $example }], or [] for none
form-toml-tally = tally, how many for each member; a member left out is 0
form-toml-periods = periods, a list such as [{ $example }], { $to } false if it never ended, or [] for none
form-toml-discretion = discretion, the points given from 0 to { $max } with the reason, such as { $example }
form-toml-given-when = needed only when `{ $when }` holds; leave it out otherwise
form-toml-dates = dates, every day it was done in { $year }, such as { $example }; [] if never
form-write-dates = write every day it was done, separated by 、 or , or ;, such as 2023-01-10、2023-01-24; write 无 if never
form-toml-default = { $values }; may be left out (default { $default })

## The XLSX form: what to write in each column (the notes, prompts and error boxes).

form-yes = yes
form-no = no
form-unit = the assessed unit's name, one row per unit; a unit may be named once
form-unit-short = the assessed unit's name
form-unit-about = one row per unit; a unit may be named once
form-write-bool = choose yes or no (kaohe also takes 是/否, true/false, 有/无, √/×, Y/N, 1/0)
form-write-count-max = write how many, a whole number from 0 to { $max }; write 0 where there was none
form-write-count = write how many, a whole number, 0 or more; write 0 where there was none
form-write-percent = write the percentage as a number, 3.5 for 3.5%, or as 3.5%
form-write-percent-max = write the percentage as a number, 150 for 150%, or as 150%, at most { $max }%
form-write-number-max = write the number as it stands, such as 12.5, from 0 to { $max }
form-write-number = write the number as it stands, such as 12.5, 0 or more
form-write-date = write the day as 2020-12-30 or 2020年12月30日 (also 2020/12/30, 2020.12.30), or 否 if it was never done
form-write-set = list the members present, separated by 、, or write 无 for none; the members are { $members }
form-write-member = how many of this member, a whole number, 0 or more; write 0 where there was none
form-write-reason = write the reason for the score, in words
form-write-discretion = write the points given, a number from 0 to { $max }
form-write-other = give this unit's evidence in TOML or JSON
form-period-unit = the unit's name, as on sheet `{ $form }`; one row per period, as many rows as the unit has periods; a unit without any period has no row
form-write-period-from = write the day the period began, such as 2020-03-02 or 2020年3月2日 (also 2020/3/2, 2020.3.2)
form-write-period-to = write the day the period ended, such as 2020-03-30 or 2020年3月30日, or 否 if it never ended
form-guide-periods = `{ $fact }` is filled on sheet `{ $sheet }`: one row per period, the unit's name under `{ $unit }` as on sheet `{ $form }`, then `{ $from }` and `{ $to }`. A unit without any period has no row there (it has none); a workbook without the sheet lacks the fact for every unit.
form-default = may be left blank: the rule file gives a default
form-item-points = { $item } ({ $points } 分)
form-item-open = { $item } (no cap)

## The XLSX form's 说明 sheet.

form-guide-title = Evidence form for { $title }
form-guide-made = Fill sheet `{ $sheet }`: one row per unit below its two header rows, the unit's name under `{ $unit }`, one value per cell. A blank cell is a missing fact, never 0 or no: every fact without a default must be given.
form-guide-accepts = Yes/no is written 是 or 否 (also true/false, 有/无, √/×); dates as 2020-12-30 or 2020年12月30日; counts as whole numbers; percentages as 3.5 or 3.5%. Return the filled form to the assessors, who score it.
form-guide-column = Column
form-guide-header = Header
form-guide-section = Section (一级指标)
form-guide-item = Item (二级指标)
form-guide-write = What to write
form-guide-about = About
form-guide-criteria = Criteria (评分说明与细则)

## The headings of the table `kaohe render` writes.

render-level = Level { $level } indicator
render-points = Points
render-criteria = Scoring rules and details
render-total = Total
render-method = { $name } { $weight }%
render-method-sep = {", "}
render-draft-title = { $title } (DRAFT)
render-section-points = ({ $points } points)
render-bonus-points = (bonus, at most { $points } points)
render-penalty-points = (penalty, at most { $points } points)
render-total-max = at most { $points } with bonus points
render-no-cap = no cap
render-bonus-open = (bonus, no cap)
render-penalty-open = (penalty, no cap)
render-total-no-min = may go below 0
render-pooled-points = ({ $points } points, deductions stop at 0 for the section as a whole)
