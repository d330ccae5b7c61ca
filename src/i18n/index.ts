// Both catalogues, by language, at hand at once: for the tests and the catalogue checks. The program loads only
// its run's language (load.ts); which language that is comes from lang.ts.
import { en, type Messages } from "./en.js";
import { ko } from "./ko.js";
import type { Lang } from "./lang.js";

export { type Lang, langFromArgs, langFromEnv } from "./lang.js";

export function messages(lang: Lang): Messages {
  return lang === "ko" ? ko : en;
}

export type { Messages };
