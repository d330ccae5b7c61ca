// Picks the catalogue: --lang wins, else the locale variables (LC_ALL, LC_MESSAGES, LANG), else English.
import { en, type Messages } from "./en.js";
import { ko } from "./ko.js";

export type Lang = "en" | "ko";
export const LANGS: readonly Lang[] = ["en", "ko"];

export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("ko") ? "ko" : "en";
}

export function messages(lang: Lang): Messages {
  return lang === "ko" ? ko : en;
}

export type { Messages };
