# kaohe 的简体中文消息:diagnostics(与 locales/en/diagnostics.ftl 的消息一一对应)。
