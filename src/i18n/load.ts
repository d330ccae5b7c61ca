// The run's catalogue, loaded alone: the program (cli.tsx, wizard.tsx) imports this, not index.ts, so that an
// English run does not load the Korean catalogue (~75 kB of source with its evidence phrases) on its way to the
// first screen, nor a Korean run more than it needs. English is the fallback every catalogue is typed against.
import { en, type Messages } from "./en.js";
import type { Lang } from "./lang.js";

export async function loadMessages(lang: Lang): Promise<Messages> {
  return lang === "ko" ? (await import("./ko.js")).ko : en;
}
