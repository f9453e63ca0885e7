# kaohe 的简体中文消息:checker(与 locales/en/checker.ftl 的消息一一对应)。
