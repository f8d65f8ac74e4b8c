cli-help =
    年报助手 nianbao — 政府信息公开工作年度报告的填报、校验与生成

    用法：npx nianbao <命令> [参数]

      import <报告.txt|报告.html|报告.docx|报告.pdf> [-o report.json] [--agency 单位名称] [--year 年度]
          读取已有报告（纯文本、网页另存的 .html、Word .docx 或 PDF），转换为 report.json
      check <report.json|report.txt|.html|.docx|.pdf|文件夹> [--last-year 上年report.json] [--json]
          按国家格式校验（已公开的报告先导入；文件夹则每份报告一行）：退出码 0 通过，1 违反硬性规则，2 无法读取，3 不完整（有数字可作多种拆分）
      render <report.json> -o 输出.docx [--draft] [--pdf | --html] [--agency 单位全称]
          生成正式格式的 Word 文档（未填完或未通过校验时标注为草稿）；--pdf 经 LibreOffice 生成 PDF，
          --html 生成可粘贴到网站的网页片段
      summary <数据目录> --office <单位名称> -o 输出.docx
          生成上级单位的汇总报告
      demo [-o 输出.docx]
          用随附的真实报告（奉化区应急管理局 2021 年度）生成示例文档
      admin …
          管理单位、部门和邀请（npx nianbao admin help）
      doctor
          检查数据目录（DATA_DIR），列出无法读取的损坏文件及其备份情况（机器人运行时也可使用）
      backup <文件.tar.gz>
          数据目录的一致备份，机器人运行时也可执行（定时任务见 README）
      restore <文件.tar.gz>
          恢复备份（请先停止机器人）；恢复前的目录保留在旁边

    选项：--lang zh-CN|en 切换语言
cli-unknown-command = 未知命令「{ $command }」。运行 npx nianbao help 查看可用命令。
cli-bad-option = 选项「{ $option }」不认识或缺少取值。运行 npx nianbao help 查看可用选项。
cli-usage-check = 用法：npx nianbao check <report.json | 已公开的报告（.txt .html .docx .pdf）| 文件夹> [--last-year 上年report.json] [--json]
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
cli-check-incomplete = 不完整：有 { $cells } 个单元格的数字连在一起、可作多种拆分（见上方列出的各种拆法），已留空；请确定正确的拆法后重新校验。
cli-check-folder-empty = { $folder } 中没有报告文件（.txt .html .docx .pdf .json）。
cli-check-column-file = 文件
cli-check-column-agency = 机关
cli-check-column-year = 年度
cli-check-column-cells = 导入单元格
cli-check-column-errors = 违反规则
cli-check-column-open = 待选择
cli-check-column-status = 结果
cli-check-status-clean = 通过
cli-check-status-violations = 违反规则
cli-check-status-incomplete = 不完整
cli-check-status-unreadable = 无法读取
cli-render-final = 已生成正式文档：{ $file }（{ $kb } KB）
cli-render-draft = 已生成草稿（尚未填完或未通过校验）：{ $file }（{ $kb } KB）
cli-demo-done = 示例文档已生成：{ $file }（错误 { $errors } 处，提醒 { $warnings } 条）
cli-internal-error = 内部错误：{ $reason }。请将此信息反馈给维护者。

# npx nianbao doctor (src/cli/commands/doctor.ts)
doctor-clean = { $dir }：检查了 { $files } 个文件，没有损坏。
doctor-damaged = ✗ { $file }：{ $reason }
doctor-backup-none = 备份：没有可读的备份
doctor-backup-readable = 备份：{ $file }.bak 可读
doctor-backup-report = 备份：可读，保存于 { $since }（第 { $revision } 版），此后的修改不在备份中
doctor-summary = { $dir }：{ $files } 个文件中有 { $count } 个已损坏。机器人会告诉相关填报人报告已损坏。若可以接受备份缺少的修改，请在停止机器人后用 .bak 替换损坏的文件。
cli-render-agency-missing = 报告没有填报单位，标题无法写明单位名称，只能生成草稿。请加上 --agency "单位全称"。
cli-render-pdf = 已生成正式 PDF：{ $file }（{ $kb } KB）
cli-render-pdf-draft = 已生成草稿 PDF（尚未填完或未通过校验）：{ $file }（{ $kb } KB）
cli-render-html = 已生成网页片段（可粘贴到网站内容管理系统）：{ $file }（{ $kb } KB）
cli-render-html-draft = 已生成网页片段，但报告尚未填完或未通过校验，请勿发布：{ $file }（{ $kb } KB）
cli-render-no-office = 本机未安装 LibreOffice（soffice），无法生成 PDF，已改为生成 .docx：{ $file }
cli-usage-summary = 用法：npx nianbao summary <数据目录> --office <主管单位名称> -o 输出.docx [--year 年度] [--all]
cli-summary-final = 已生成汇总报告：{ $file }，分部门数据表：{ $xlsx }
cli-summary-draft = 已生成汇总报告草稿（有部门未报送或未通过校验）：{ $file }，分部门数据表：{ $xlsx }
