# kaohe's messages in English: reports (the same ids as locales/zh-CN/reports.ftl).
