app-name = 年报助手
