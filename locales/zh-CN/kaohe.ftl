# kaohe 的简体中文消息:各部分共用的词语。
# 每个部分的消息各在一个文件中(diagnostics.ftl、reports.ftl 等);
# locales/en/ 中的同名文件有相同的消息、属性和参数。

lang-problems = { $count } 个问题
lang-name = 简体中文
