// Proves the pty harness on a trivial Ink program (test/fixtures/hello-ink.mjs), independent of rootlock:
// the first frame shows, repaints replace it (not append), wide characters line up, and Ctrl-C exits.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, spawnNode, spawnPty } from "../helpers/pty.js";

const FIXTURE = path.join(ROOT, "test/fixtures/hello-ink.mjs");

describe("pty harness", () => {
  it("shows the first frame, repaints in place, and exits on Ctrl-C", async () => {
    const s = spawnNode(FIXTURE, [], { cols: 60, rows: 12 });
    await s.waitFor("press a key");
    expect(s.screen()).toContain("루트 사용자 잠금 | lock");
    // the border's right edge lines up on every row, Korean row included: 2 cells per syllable
    const rows = s.screen().split("\n");
    const widths = new Set(rows.map((r) => [...r].reduce((w, ch) => w + (/[가-힣]/.test(ch) ? 2 : 1), 0)));
    expect(widths.size).toBe(1);

    s.press("enter");
    await s.waitFor("last: enter");
    s.press("up");
    await s.waitFor("keys: 2");
    await s.waitFor("last: up"); // a frame can arrive in more than one chunk: wait for all of it
    expect(s.screen()).not.toContain("press a key"); // the old frame was erased, not scrolled
    expect(s.screen().match(/pty smoke/g)).toHaveLength(1);

    s.press("ctrl-c");
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    await s.waitFor("bye"); // output after Ink unmounted still reaches the screen
    expect(s.terminal.cursor().visible).toBe(true); // Ink restored the cursor
  });

  it("gives the child a clean environment: no CI, no AWS_* unless passed, TERM=xterm-256color", async () => {
    const saved = { CI: process.env.CI, AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID };
    process.env.CI = "true";
    process.env.AWS_ACCESS_KEY_ID = "AKIAFROMTHESHELL";
    try {
      const show = `const e = process.env; console.log("CI=" + e.CI, "AWS=" + Object.keys(e).filter((k) => k.startsWith("AWS_") && !k.endsWith("_FILE")).sort().join(","), "TERM=" + e.TERM, "tty=" + process.stdout.isTTY)`;
      const s = spawnPty(process.execPath, ["-e", show], { cols: 200, env: { AWS_REGION: "us-east-1" } });
      await s.waitForExit();
      expect(s.screen()).toContain("CI=undefined AWS=AWS_EC2_METADATA_DISABLED,AWS_REGION TERM=xterm-256color tty=true");
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it("rejects waitFor with the screen when the text never comes", async () => {
    const s = spawnNode(FIXTURE, [], { cols: 60, rows: 12 });
    await s.waitFor("press a key");
    await expect(s.waitFor("never shown", 300)).rejects.toThrow(/timed out after 300 ms.*\n[\s\S]*pty smoke/);
    s.kill();
    await s.waitForExit();
  });
});
