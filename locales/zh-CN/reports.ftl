# kaohe 的简体中文消息:reports(与 locales/en/reports.ftl 的消息一一对应)。
