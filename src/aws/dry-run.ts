// Dry run: wraps another adapter. Reads pass through to the real account (ForwardingReads); every write is
// recorded as the operations table shows it, never sent, and answered with `DryRunWrite` (errors.ts) so a step
// stops there instead of waiting for a change that cannot come. A secret argument is never looked at.
import { systemNow } from "../lib/clock.js";
import { type Account, ForwardingReads } from "./account.js";
import { type OpName, recorded, type SecretArg, type Write, type WriteOf } from "./operations.js";
import { DryRunWrite, type RecordedWrite } from "./errors.js";

export class DryRunAccount extends ForwardingReads implements Account {
  readonly mode = "dry-run" as const;
  readonly recorded: RecordedWrite[] = [];

  constructor(
    inner: Account,
    private readonly now: () => Date = systemNow,
  ) {
    super(inner);
  }

  send<K extends OpName>(write: WriteOf<K>, ..._secret: SecretArg<K>): Promise<never> {
    const entry = { ...recorded(write as Write), at: this.now() };
    this.recorded.push(entry);
    return Promise.reject(new DryRunWrite(entry));
  }
}
