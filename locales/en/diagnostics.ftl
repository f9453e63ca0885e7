# kaohe's messages in English: diagnostics (the same ids as locales/zh-CN/diagnostics.ftl).
