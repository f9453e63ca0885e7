# kaohe's messages in English: checker (the same ids as locales/zh-CN/checker.ftl).
