# kaohe 的简体中文消息:html(与 locales/en/html.ftl 的消息一一对应)。
