// A record of every change sent through the port, for the evidence report: the call, its parameters, when,
// the AWS request id, and how it ended. It wraps any adapter: reads pass through (ForwardingReads), and its one
// `send` records what the operations table says the write is. It never records a secret: the seed that
// CreateVirtualMFADevice returns is not looked at, and the secret argument of a write (the codes of
// EnableMFADevice, a console password) is passed on untouched, never recorded (`recorded` leaves its keys out).
import { systemNow } from "../lib/clock.js";
import { type Account, ForwardingReads } from "./account.js";
import { type OpName, type OpResult, receiptOf, recorded, type SecretArg, type Write, type WriteOf } from "./operations.js";
import { AccountError, DryRunWrite } from "./errors.js";

export interface JournalEntry {
  call: string;
  params: Record<string, string>;
  at: Date;
  outcome: "sent" | "not-sent (dry run)" | `failed: ${string}`;
  requestId?: string;
}

export class JournalingAccount extends ForwardingReads implements Account {
  readonly entries: JournalEntry[] = [];

  constructor(
    readonly inner: Account,
    private readonly now: () => Date = systemNow,
  ) {
    super(inner);
  }

  get mode() {
    return this.inner.mode;
  }

  async send<K extends OpName>(write: WriteOf<K>, ...secret: SecretArg<K>): Promise<OpResult<K>> {
    const { call, params } = recorded(write as Write);
    try {
      const result = await this.inner.send(write, ...secret);
      const receipt = receiptOf(result);
      this.entries.push({ call, params, at: receipt.at, outcome: "sent", requestId: receipt.requestId });
      return result;
    } catch (error) {
      const outcome = error instanceof DryRunWrite ? "not-sent (dry run)" : (`failed: ${error instanceof AccountError ? error.code : "Unknown"}` as const);
      this.entries.push({ call, params, at: this.now(), outcome });
      throw error;
    }
  }
}
