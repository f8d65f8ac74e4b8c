// Import notes and failures as sentences in the officer's language (keys import-<code> in
// locales/<lang>/import.ftl), naming cells by their official labels.
import type { ImportFailure, ImportNote } from "./core/import/import-result.ts";
import { partLabel } from "./findings-text.ts";
import type { Translate, TranslateParams } from "./i18n.ts";

export function importNoteSentence(t: Translate, note: ImportNote): string {
  const params: TranslateParams = {
    code: note.code,
    cell: note.cell === undefined ? "" : partLabel(t, note.cell),
    part: note.part === undefined ? "" : partLabel(t, note.part),
  };
  // Numbers as strings: Fluent would group digits (2,021) and cut the decimals of 万元.
  for (const [name, value] of Object.entries(note.params ?? {})) params[name] = String(value);
  const key = `import-${note.code}`;
  const sentence = t(key, params);
  return sentence === key ? t("import-unknown", params) : sentence;
}

export function importFailureSentence(t: Translate, reason: ImportFailure): string {
  return importNoteSentence(t, { code: reason });
}
