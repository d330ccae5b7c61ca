// Every screen of the alerts step's webhook path (issue 16) fits an 80x24 terminal, with the email or without it,
// through to the sign-in test's fire drill (the walk: fit-80x24.tsx).
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { fold, plain } from "../helpers/ink.js";
import { expectAllFit, MASK, webhookScript } from "./fit-80x24.js";

describe.each(["en", "ko"] as const)("every screen of the webhook path fits 80x24 (%s)", (lang) => {
  const s = messages(lang).signin;
  it.each([
    ["webhook only", false],
    ["email and webhook", true],
  ] as const)(
    "%s",
    // A walk takes 1 to 10 s on a loaded machine (fit-80x24.tsx: the clock moves only while the wizard works).
    { timeout: 45_000 },
    async (_name, withEmail) => {
      const frames = await expectAllFit(lang, "new-account", webhookScript(lang, withEmail));
      // The walk went through the webhook's plan and reached the fire drill's question about its route. (With the
      // email too, this walk ends the sign-in test before the channel's question: the address's question is checked.)
      const asked = withEmail ? s.drillEmailAt("owner@example.com") : s.drillChannel(MASK);
      expect(frames.some((f) => fold(plain(f)).includes(fold(asked)))).toBe(true);
    },
  );
});
