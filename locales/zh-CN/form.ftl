# kaohe 的简体中文消息:form(与 locales/en/form.ftl 的消息一一对应)。
