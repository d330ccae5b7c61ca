// Which language a run speaks: --lang wins, else the locale variables (LC_ALL, LC_MESSAGES, LANG), else English.
// No catalogue here: the program's start picks the language before it loads the one catalogue it needs (load.ts).

export type Lang = "en" | "ko";
const LANGS: readonly Lang[] = ["en", "ko"];

export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("ko") ? "ko" : "en";
}

/**
 * A valid --lang among arguments that were refused as a whole (another option was wrong): the refusal is then
 * said in the language asked for.
 */
export function langFromArgs(argv: string[]): Lang | undefined {
  for (const [i, arg] of argv.entries()) {
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (value && (LANGS as readonly string[]).includes(value)) return value as Lang;
  }
  return undefined;
}
