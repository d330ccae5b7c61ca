// `rootlock org`'s journal: one JSON line per call made for an account, and one line when the account is done
// (its whole result). Written synchronously, line by line, so that a run stopped by Ctrl-C (or killed) leaves a
// journal that says what each account's last call did, and `--resume` finds the accounts already done.
// Readable by the owner only: it names accounts and key ids (never a secret: rootlock's org calls carry none).
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { AccountResult, Evidence } from "./steps/org/types.js";
import type { Phase, PhaseJournal } from "./steps/org/phase.js";

export type { Phase };

type Line = { at: string; account: string; phase: Phase } & ({ call: string; result: string; kind: Evidence["kind"] } | { done: AccountResult });

export const DEFAULT_JOURNAL = "rootlock-org-journal.jsonl";

export class OrgJournal implements PhaseJournal {
  constructor(readonly path: string) {}

  /** A new journal (an earlier one at the same path is replaced), or, with resume, the one there, continued. */
  static open(path: string, resume: boolean): OrgJournal {
    if (!resume || !existsSync(path)) writeFileSync(path, "", { mode: 0o600 });
    return new OrgJournal(path);
  }

  private append(line: Line): void {
    appendFileSync(this.path, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  }

  call(phase: Phase, account: string, e: Evidence): void {
    this.append({ at: e.at, account, phase, kind: e.kind, call: e.call, result: e.result });
  }

  done(phase: Phase, result: AccountResult, at: Date): void {
    this.append({ at: at.toISOString(), account: result.account.id, phase, done: result });
  }

  /**
   * The accounts done in a phase, by id (the last line wins). A failed account or one stopped half-way is not done:
   * a resumed run does it again. A torn last line (the process killed mid-write) is ignored.
   */
  finished(phase: Phase): Map<string, AccountResult> {
    const done = new Map<string, AccountResult>();
    if (!existsSync(this.path)) return done;
    for (const text of readFileSync(this.path, "utf8").split("\n")) {
      if (!text.trim()) continue;
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        continue;
      }
      if (line.phase === phase && "done" in line && line.done.state !== "failed") done.set(line.account, line.done);
    }
    return done;
  }
}
