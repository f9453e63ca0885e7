# kaohe's messages in English: form (the same ids as locales/zh-CN/form.ftl).
