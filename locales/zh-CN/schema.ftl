# Sentences for report.json problems (parseReport in src/core/report/schema.ts): $where names the field.

schema-unknown-id = { $where }：不是本格式中的栏目或段落编号。
schema-not-a-number = { $where }：不是数字。
schema-negative = { $where }：不能为负数。
schema-fraction = { $where }：件数应为整数。
schema-too-many-decimals = { $where }：金额（万元）最多保留六位小数。
schema-hidden-characters = { $where }：名称含有看不见的字符（方向控制符、零宽字符等）。
schema-too-large = { $where }：数值过大（不超过 1000000000）。
schema-invalid-type = { $where }：类型不对（例如应为数字或文字）。
schema-invalid-value = { $where }：值不符合要求（例如 format 应为 nianbao.report/1）。
schema-invalid-format = { $where }：格式不对（例如日期应写作 2022-01-31）。
schema-too-big = { $where }：值过大或过长。
schema-too-small = { $where }：值过小或为空。
schema-unrecognized-keys = { $where }：含有本格式不认识的字段。
schema-invalid-union = { $where }：值不符合任何允许的形式。
schema-invalid-key = { $where }：字段名无效。
schema-invalid-element = { $where }：含有无效的元素。
schema-not-multiple-of = { $where }：值不是允许的倍数。
schema-custom = { $where }：值无效。
schema-other = { $where }：有问题（{ $code }）。
schema-root = 整个文件
