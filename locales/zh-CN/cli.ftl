# kaohe 的简体中文消息:cli(与 locales/en/cli.ftl 的消息一一对应)。
