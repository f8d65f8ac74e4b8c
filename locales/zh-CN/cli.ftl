cli-help =
    年报助手 nianbao — 政府信息公开工作年度报告的填报、校验与生成

    用法：npx nianbao <命令> [参数]

      import <报告.txt|报告.html|报告.docx> [-o report.json] [--agency 单位名称] [--year 年度]
          读取已有报告（纯文本、网页另存的 .html 或 Word .docx），转换为 report.json
      check <report.json> [--last-year 上年report.json] [--json]
          按国家格式校验：退出码 0 通过，1 有违反硬性规则的问题，2 文件无法读取
      render <report.json> -o 输出.docx [--draft] [--pdf | --html] [--agency 单位全称]
          生成正式格式的 Word 文档（未填完或未通过校验时标注为草稿）；--pdf 经 LibreOffice 生成 PDF，
          --html 生成可粘贴到网站的网页片段
      summary <数据目录> --office <单位名称> -o 输出.docx
          生成上级单位的汇总报告
      demo [-o 输出.docx]
          用随附的真实报告（奉化区应急管理局 2021 年度）生成示例文档
      admin …
          管理单位、部门和邀请（npx nianbao admin help）

    选项：--lang zh-CN|en 切换语言
cli-unknown-command = 未知命令「{ $command }」。运行 npx nianbao help 查看可用命令。
cli-usage-check = 用法：npx nianbao check <report.json> [--last-year 上年report.json] [--json]
cli-usage-render = 用法：npx nianbao render <report.json> -o 输出.docx [--draft] [--pdf | --html] [--agency 单位全称]
cli-usage-import = 用法：npx nianbao import <文件> [-o report.json]
cli-file-missing = 找不到文件：{ $file }
cli-file-is-dir = { $file } 是文件夹，不是文件。
cli-file-too-large = 文件过大：{ $file }
cli-file-unreadable = 无法读取 { $file }（{ $reason }）。
cli-file-unwritable = 无法写入 { $file }（{ $reason }）。
cli-json-invalid = { $file } 不是有效的 JSON（{ $reason }）。
cli-report-invalid = { $file } 不是有效的 report.json，共 { $count } 处问题：
cli-import-failed = 无法导入 { $file }：{ $reason }
cli-import-written = 已写入 { $file }（{ $cells } 个单元格）。
cli-check-clean = 校验通过：没有违反硬性规则的问题（提醒 { $warnings } 条）。
cli-check-failed = 校验未通过：{ $errors } 处错误，{ $warnings } 条提醒。
cli-render-final = 已生成正式文档：{ $file }（{ $kb } KB）
cli-render-draft = 已生成草稿（尚未填完或未通过校验）：{ $file }（{ $kb } KB）
cli-demo-done = 示例文档已生成：{ $file }（错误 { $errors } 处，提醒 { $warnings } 条）
cli-internal-error = 内部错误：{ $reason }。请将此信息反馈给维护者。
cli-render-agency-missing = 报告没有填报单位，标题无法写明单位名称，只能生成草稿。请加上 --agency "单位全称"。
cli-render-pdf = 已生成正式 PDF：{ $file }（{ $kb } KB）
cli-render-pdf-draft = 已生成草稿 PDF（尚未填完或未通过校验）：{ $file }（{ $kb } KB）
cli-render-html = 已生成网页片段（可粘贴到网站内容管理系统）：{ $file }（{ $kb } KB）
cli-render-html-draft = 已生成网页片段，但报告尚未填完或未通过校验，请勿发布：{ $file }（{ $kb } KB）
cli-render-no-office = 本机未安装 LibreOffice（soffice），无法生成 PDF，已改为生成 .docx：{ $file }
cli-usage-summary = 用法：npx nianbao summary <数据目录> --office <主管单位名称> -o 输出.docx [--year 年度] [--all]
cli-summary-final = 已生成汇总报告：{ $file }，分部门数据表：{ $xlsx }
cli-summary-draft = 已生成汇总报告草稿（有部门未报送或未通过校验）：{ $file }，分部门数据表：{ $xlsx }
