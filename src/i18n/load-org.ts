// `rootlock org`'s catalogue in the run's language, loaded alone (as load.ts loads the wizard's): by `rootlock org`
// and by `rootlock org --help`, never by the wizard, its --help or `check`.
import type { Lang } from "./lang.js";
import type { OrgMessages } from "./org-en.js";

export async function loadOrgMessages(lang: Lang): Promise<OrgMessages> {
  return lang === "ko" ? (await import("./org-ko.js")).orgKo : (await import("./org-en.js")).orgEn;
}
