# kaohe's messages in English: general words shared by every area.
# Each area keeps its messages in a file of its own (diagnostics.ftl, reports.ftl, …);
# the same file in locales/zh-CN/ has the same ids, attributes and arguments.

lang-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
lang-name = English
