# kaohe's messages in English: cli (the same ids as locales/zh-CN/cli.ftl).
