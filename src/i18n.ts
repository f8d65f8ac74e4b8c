// The one i18n stack for every shell (bot, CLI, console): @fluent/bundle over locales/<lang>/*.ftl,
// one file per feature.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { repoPath } from "./repo-root.ts";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export const LOCALES_DIR = repoPath("locales");

export type TranslateParams = Record<string, FluentVariable>;
export type Translate = (key: string, params?: TranslateParams) => string;

const bundles = new Map<Locale, FluentBundle>();

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Picks our locale for a Telegram language_code or LANG value: zh-CN unless it is English. */
export function localeFor(code: string | undefined): Locale {
  return code !== undefined && /^en(?:[-_.@]|$)/i.test(code) ? "en" : DEFAULT_LOCALE;
}

/** The language of what is printed in a terminal (the bot's stderr lines, the CLI): NIANBAO_LANG, else the system's. */
export function terminalLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  return localeFor(env["NIANBAO_LANG"] ?? env["LC_ALL"] ?? env["LANG"]);
}

export function loadBundle(locale: Locale): FluentBundle {
  const cached = bundles.get(locale);
  if (cached !== undefined) return cached;
  // useIsolating: false — otherwise invisible marks wrap every variable in Telegram.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const dir = join(LOCALES_DIR, locale);
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".ftl")).sort()) {
    const errors = bundle.addResource(new FluentResource(readFileSync(join(dir, file), "utf8")));
    if (errors.length > 0) throw new Error(`i18n: ${locale}/${file}: ${errors.map(String).join("; ")}`);
  }
  bundles.set(locale, bundle);
  return bundle;
}

const translators = new Map<Locale, Translate>();

/** A translator for one locale (one per locale, shared: every update asks); a missing key falls back to zh-CN, then to the key itself. */
export function translator(locale: Locale): Translate {
  const cached = translators.get(locale);
  if (cached !== undefined) return cached;
  const bundle = loadBundle(locale);
  const translate: Translate = (key, params) => {
    const target = bundle.hasMessage(key) ? bundle : loadBundle(DEFAULT_LOCALE);
    const value = target.getMessage(key)?.value;
    return value == null ? key : target.formatPattern(value, params ?? {});
  };
  translators.set(locale, translate);
  return translate;
}
