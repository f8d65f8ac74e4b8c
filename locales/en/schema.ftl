# Sentences for report.json problems (parseReport in src/core/report/schema.ts): $where names the field.

schema-unknown-id = { $where }: not a cell or part id of this format.
schema-not-a-number = { $where }: not a number.
schema-negative = { $where }: cannot be negative.
schema-fraction = { $where }: counts must be whole numbers.
schema-too-many-decimals = { $where }: amounts in 万元 take at most six decimals.
schema-hidden-characters = { $where }: the name contains invisible characters (direction marks, zero-width characters).
schema-too-large = { $where }: too large (at most 1000000000).
schema-invalid-type = { $where }: wrong type (a number or a text was expected).
schema-invalid-value = { $where }: value not allowed (e.g. format must be nianbao.report/1).
schema-invalid-format = { $where }: wrong format (e.g. dates are written 2022-01-31).
schema-too-big = { $where }: too large or too long.
schema-too-small = { $where }: too small or empty.
schema-unrecognized-keys = { $where }: contains fields this format does not know.
schema-invalid-union = { $where }: matches none of the allowed forms.
schema-invalid-key = { $where }: invalid field name.
schema-invalid-element = { $where }: contains an invalid element.
schema-not-multiple-of = { $where }: not an allowed multiple.
schema-custom = { $where }: invalid value.
schema-other = { $where }: problem ({ $code }).
schema-root = the whole file
