# kaohe's messages in English: html (the same ids as locales/zh-CN/html.ftl).
