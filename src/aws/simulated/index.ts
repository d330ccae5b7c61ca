// An in-memory AWS account that behaves like AWS, for the demo and training mode and for the steps' tests.
// It is an adapter like the real one, not a mock: it answers with AWS's error names, shows IAM changes only
// after a delay (eventual consistency), accepts EnableMFADevice only with two consecutive codes, refuses a
// device name an orphan already holds, regenerates the credential report at most every 4 hours, throttles
// LookupEvents at 2 a second, and shows a console sign-in in CloudTrail only some seconds later.
//
// Split by service: state.ts (the account's data, the clock, the delays, what every call goes through), iam.ts,
// alerts.ts (CloudTrail, EventBridge, SNS, S3), console.ts (the root console stand-in); scenarios.ts holds the
// accounts a trainee starts from.
import { type Account, type AccountReads, ForwardingReads, type RootConsole } from "../account.js";
import type { ErrorCode } from "../errors.js";
import { dispatch, type OpName, type OpResult, type SecretArg, type WriteHandlers, type WriteOf } from "../operations.js";
import { alertReads, alertWrites } from "./alerts.js";
import { rootConsole } from "./console.js";
import { iamReads, iamWrites } from "./iam.js";
import { SIMULATED_REGION } from "./scenarios.js";
import { type SimulatedOptions, SimulatedWorld } from "./state.js";
import { webhookReads, webhookWrites } from "./webhook.js";

export type { SimulatedOptions } from "./state.js";
export type { ScenarioName } from "../scenario-names.js";

/** The reads are those of iam.ts and alerts.ts (checked complete in the constructor), forwarded as every wrapper's are. */
export class SimulatedAccount extends ForwardingReads implements Account {
  readonly mode = "simulated" as const;
  readonly console: RootConsole;
  private readonly world: SimulatedWorld;
  /** Every op of the operations table, as AWS would carry it out (and refuse it). */
  private readonly ops: WriteHandlers;

  constructor(options: SimulatedOptions = {}) {
    const world = new SimulatedWorld(options);
    const reads: AccountReads = { ...iamReads(world), ...alertReads(world), ...webhookReads(world) };
    super(reads);
    this.world = world;
    this.ops = { ...iamWrites(world), ...alertWrites(world), ...webhookWrites(world) };
    this.console = rootConsole(world);
  }

  send<K extends OpName>(write: WriteOf<K>, ...secret: SecretArg<K>): Promise<OpResult<K>> {
    return dispatch(this.ops, write, secret);
  }

  // ---- test and training hooks -------------------------------------------------------------------

  /** The next `times` calls of `call` (e.g. "iam:ListVirtualMFADevices") fail with `code`. */
  failNext(call: string, code: ErrorCode, times = 1): void {
    this.world.failNext(call, code, times);
  }

  /**
   * This account joins an organization whose management account `owner` has an organization trail (multi-region,
   * global service events, logging): listed here, not readable here, as AWS shows it to a member account.
   */
  addOrganizationTrail(name: string, owner: string): void {
    const trail = {
      name,
      homeRegion: SIMULATED_REGION,
      multiRegion: true,
      includeGlobalServiceEvents: true,
      logging: true,
      managementEvents: "all" as const,
      bucket: `${name}-${owner}`,
      owner,
      organization: true,
    };
    this.world.both((s) => s.trails.push({ ...trail }));
  }

  /** Another AWS account holds this bucket name (names are global). */
  addForeignBucket(name: string, owner: string): void {
    this.world.both((s) => s.buckets.push({ name, owner }));
  }

  /**
   * EventBridge changed the webhook's parts on its own: a connection DEAUTHORIZED (its endpoint refused the
   * credentials), a destination INACTIVE. As AWS shows it, at once.
   */
  setWebhookStates(states: { connection?: string; destination?: string }): void {
    this.world.both((s) => {
      for (const c of s.connections ?? []) if (states.connection) c.state = states.connection;
      for (const d of s.destinations ?? []) if (states.destination) d.state = states.destination;
    });
  }

  /** Every write call made through the API port, in order. */
  writes(): { call: string; at: Date }[] {
    return [...this.world.writeLog];
  }
}
