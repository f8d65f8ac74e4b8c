# Published forms: /export pdf, /export html, /preview (issue 15).
published-no-report = 还没有本年度的报告。发送 /report 开始填写。
published-final = 正式报告（已通过校验）。
published-draft = 草稿：报告尚未填完或未通过校验，请勿报送或发布。
published-html = 网页片段，可直接粘贴到政府网站的内容管理系统。
published-no-office = 服务器未安装 LibreOffice，无法生成 PDF，先发送 Word 文档（.docx）。
published-preview-text = 服务器未安装 LibreOffice 或 pdftoppm，无法生成页面图片。请发送 /review 查看文字版全表。
published-preview-page = 第 { $page } 页，共 { $pages } 页
