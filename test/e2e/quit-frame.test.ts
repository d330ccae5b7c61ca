// What a quit leaves in the terminal. Ink leaves its last frame on screen once the program ends: that frame must say
// the run stopped and how to go on, not show the page the operator quit — at 80x24 the admin user's QR code (its
// seed) and keys that no longer work. finish() used to call Ink's exit() before React had drawn the quitting frame.
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/exit-codes.js";
import { en as t } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import type { Messages } from "../../src/i18n/index.js";
import { ACCOUNT_ID, ADMIN_USER, userArn } from "../../src/aws/simulated/scenarios.js";
import { stepOrder } from "../../src/steps/registry.js";
import { drive, QR } from "../helpers/drivers.js";
import { spawnRootlock } from "../helpers/pty.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROUTE = stepOrder({ kind: "iam-user", accountId: ACCOUNT_ID, arn: userArn(ADMIN_USER), userName: ADMIN_USER });

describe.each([
  ["en", t],
  ["ko", ko],
] as [string, Messages][])("quitting at 80x24 (%s)", (lang, words) => {
  it.each(["q", "ctrl-c"] as const)(
    "%s on the QR code: the last frame says rootlock stopped, with no QR code and no keys",
    async (key) => {
      const dir = mkdtempSync(join(tmpdir(), "rootlock-quit-frame-"));
      const s = spawnRootlock(["--scenario", "new-account", "--lang", lang, "--report", join(dir, "report")], { cols: 80, rows: 24, cwd: dir });
      const w = drive(s, words);
      await w.skipTo(ROUTE, "operator-mfa");
      await w.userMfa.toCodes(); // at 80x24 the code covers the page
      expect(s.screen()).toMatch(QR);
      if (key === "q") s.write("q");
      else s.press("ctrl-c");
      expect((await s.waitForExit()).exitCode).toBe(key === "q" ? EXIT.quit : EXIT.interrupted);
      const last = s.screen();
      expect(last.replace(/\s+/g, " ")).toContain(words.app.stopped.replace(/\s+/g, " "));
      expect(last).not.toMatch(QR);
      expect(last).not.toContain(words.app.keys.quit);
      expect(last).not.toContain(words.app.keys.showSecret);
    },
    60_000,
  );
});
