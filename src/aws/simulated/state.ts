// The simulated account's shared machinery: the account's data (the truth, and the copy reads see), the injected
// clock, the delays AWS shows, and what every simulated call goes through (injected failures, the caller's key,
// eventual consistency, the write log). The services (iam.ts, alerts.ts) and the console stand-in (console.ts)
// act on one `SimulatedWorld`.
//
// Every write is checked against and applied to the true state at once; reads see a copy that catches up
// `visibilityDelayMs` later.
import { randomUUID } from "node:crypto";
import { ruleStateIsEnabled, type RuleTarget, type WriteReceipt } from "../account.js";
import { AccountError, type ErrorCode } from "../errors.js";
import { matchesPattern, transformInput } from "../event-pattern.js";
import { systemNow, systemSleep } from "../../lib/clock.js";
import type { ScenarioName } from "../scenario-names.js";
import type { Partition } from "../partition.js";
import {
  type AccountState,
  type GroupRecord,
  inPartition,
  type KeyRecord,
  type Scenario,
  scenario as makeScenario,
  SIMULATED_REGION,
  type TrailRecord,
} from "./scenarios.js";

export interface SimulatedOptions {
  scenario?: ScenarioName;
  now?: () => Date;
  /** Every wait the account acts out (the credential report's generation) goes through this. */
  sleep?: (ms: number) => Promise<void>;
  /** IAM's eventual consistency: how long a change takes to show in reads. */
  visibilityDelayMs?: number;
  /** How long a console sign-in takes to show in LookupEvents. */
  cloudTrailDelayMs?: number;
  /** How long GenerateCredentialReport takes. */
  reportDelayMs?: number;
  /** The account's clock minus ours. */
  clockSkewMs?: number;
  /**
   * Sign as root with temporary credentials (an `aws login` or GetSessionToken session, key id ASIA…) instead of
   * the scenario's own caller. IAM then refuses the access-key calls that omit UserName, as AWS does.
   */
  rootSession?: boolean;
  /** The account as a previous run left it (saved.ts): used instead of the scenario's starting state. */
  saved?: AccountState;
  /**
   * Called with the true state after each change (a write, a console action, a report): "change"; and after each
   * call, which records its key's last use as AWS does: "key-use". saved.ts keeps the state (a key's use it writes
   * later, with the next change or on exit: every read is a key use).
   */
  onChange?: (state: AccountState, what: StateChange) => void;
  /**
   * The partition the caller's ARN and AWS's managed policies are in (aws-us-gov: GovCloud). Only these: the other
   * ARNs of the simulated account stay in the standard partition.
   */
  partition?: Partition;
}

/** What changed the true state: the account's data, or only the last use of the caller's key (every call). */
export type StateChange = "change" | "key-use";

/** A root session's key id: AWS gives temporary credentials ASIA… ids. */
const ROOT_SESSION_KEY = "ASIA4ROOTSESSIONKEY1";
// AWS's answer to ListAccessKeys/UpdateAccessKey/DeleteAccessKey without UserName from temporary credentials
// (HTTP 400; reported in aws/aws-sdk-java#1304, dcoker/awsmfa#9, jckuester/awsweeper#114).
const NON_USER_CREDENTIALS = "ValidationError: Must specify userName when calling with non-User credentials";

interface Pending {
  due: number;
  change: (state: AccountState) => void;
}

export class SimulatedWorld {
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** How long a console sign-in takes to show in CloudTrail (and reach EventBridge). */
  readonly trailDelay: number;
  readonly partition: Partition;
  readonly reportDelay: number;
  readonly caller: Scenario["caller"];
  readonly truth: AccountState;
  private readonly seen: AccountState;
  private readonly delay: number;
  private readonly skew: number;
  private readonly pending: Pending[] = [];
  private readonly failures = new Map<string, { code: ErrorCode; times: number }>();
  readonly writeLog: { call: string; at: Date }[] = [];
  private readonly onChange?: (state: AccountState, what: StateChange) => void;

  constructor(options: SimulatedOptions) {
    this.now = options.now ?? systemNow;
    this.sleep = options.sleep ?? systemSleep;
    this.delay = options.visibilityDelayMs ?? 1500;
    this.trailDelay = options.cloudTrailDelayMs ?? 8000;
    this.reportDelay = options.reportDelayMs ?? 1000;
    this.skew = options.clockSkewMs ?? 0;
    this.partition = options.partition ?? "aws";
    const { state, caller } = makeScenario(options.scenario ?? "new-account", this.now());
    // The scenario's attached managed policies, in the account's partition.
    for (const holder of [...state.users, ...state.groups, ...state.roles]) holder.policies = holder.policies?.map((p) => inPartition(p, this.partition));
    this.caller = options.rootSession ? { kind: "root", accessKeyId: ROOT_SESSION_KEY, session: true } : caller;
    // A saved account starts with reads seeing all of it: its changes are older than any visibility delay.
    this.truth = options.saved ?? state;
    this.seen = structuredClone(this.truth);
    this.onChange = options.onChange;
  }

  /** The true state changed: tell whoever keeps it. */
  changed(what: StateChange = "change"): void {
    this.onChange?.(this.truth, what);
  }

  /** The next `times` calls of `call` fail with `code`. */
  failNext(call: string, code: ErrorCode, times: number): void {
    this.failures.set(call, { code, times });
  }

  /** A change made outside the API (a test's setup): to the truth and the visible copy at once. */
  both(change: (state: AccountState) => void): void {
    for (const s of [this.truth, this.seen]) change(s);
    this.changed();
  }

  /** The account's clock (AWS's, which may differ from ours by `clockSkewMs`). */
  awsNow(): Date {
    return new Date(this.now().getTime() + this.skew);
  }

  /** Every API call starts here: injected failures, then the caller's key must still be valid. */
  enter(call: string, service = "iam"): void {
    const failure = this.failures.get(call);
    if (failure) {
      failure.times -= 1;
      if (failure.times <= 0) this.failures.delete(call);
      throw new AccountError(failure.code, call);
    }
    const state = this.visible();
    // A session stays valid until it expires (longer than any run here); it is no key of the account's.
    if (this.caller.kind === "root" && this.caller.session) return;
    const key = this.callerKeys(state).find((k) => k.id === this.caller.accessKeyId);
    if (!key || key.status !== "Active") throw new AccountError("InvalidClientTokenId", call);
    // AWS records each use of a key (GetAccessKeyLastUsed); root's key in the root-key scenario shows it.
    const lastUsed = { at: this.now(), service, region: SIMULATED_REGION };
    for (const s of [this.truth, state]) {
      const k = this.callerKeys(s).find((k) => k.id === this.caller.accessKeyId);
      if (k) k.lastUsed = { ...lastUsed };
    }
    this.changed("key-use");
  }

  /** A read: the call's checks, then the state as reads see it now. */
  read(call: string, service = "iam"): AccountState {
    this.enter(call, service);
    return this.visible();
  }

  /** Applies the changes that are due to the visible copy, in order. */
  private visible(): AccountState {
    const now = this.now().getTime();
    while (this.pending.length > 0 && this.pending[0]!.due <= now) this.pending.shift()!.change(this.seen);
    return this.seen;
  }

  /** A write carried out: the truth changes now, reads see it `visibilityDelayMs` later. */
  commit(change: (state: AccountState) => void): void {
    change(this.truth);
    this.pending.push({ due: this.now().getTime() + this.delay, change });
    this.changed();
  }

  receipt(call: string): WriteReceipt {
    const at = this.now();
    this.writeLog.push({ call, at });
    return { call, requestId: randomUUID(), at };
  }

  callerKeys(state: AccountState): KeyRecord[] {
    if (this.caller.kind === "root") return state.rootKeys;
    const name = this.caller.userName;
    return state.users.find((u) => u.name === name)?.keys ?? [];
  }

  /** "If a temporary access key is used, then UserName is required" (ListAccessKeys, UpdateAccessKey in the IAM API reference). */
  refuseWithoutUserName(call: string): void {
    if (this.caller.kind === "root" && this.caller.session) throw new AccountError("Unknown", call, NON_USER_CREDENTIALS);
  }

  user(state: AccountState, userName: string, call: string) {
    const user = state.users.find((u) => u.name === userName);
    if (!user) throw new AccountError("NoSuchEntity", call);
    return user;
  }

  group(state: AccountState, groupName: string, call: string): GroupRecord {
    const group = state.groups.find((g) => g.name === groupName);
    if (!group) throw new AccountError("NoSuchEntity", call);
    return group;
  }

  /** SNS delivers to confirmed email subscriptions only: a pending one receives nothing. */
  deliver(topicArn: string, subject: string, body: string, at: Date): void {
    const topic = this.truth.topics.find((t) => t.arn === topicArn);
    for (const s of topic?.subscriptions ?? []) if (s.confirmed) this.truth.mailbox.push({ to: s.endpoint, subject, body, at });
  }

  /**
   * A CloudTrail event on the default bus: each enabled rule whose pattern matches sends it to its SNS targets,
   * shaped by the target's input transformer. A topic reached this way must let events.amazonaws.com publish.
   * As on AWS, a "… via CloudTrail" event (a console sign-in included) reaches EventBridge only while a trail with
   * logging records it (EventBridge User Guide, "AWS service events delivered via AWS CloudTrail",
   * eb-service-event-cloudtrail): without one, no rule fires.
   */
  routeEvent(event: Record<string, unknown>, at: Date, viaCloudTrail = true): void {
    if (viaCloudTrail && !this.truth.trails.some(recordsRootEvents)) return;
    for (const rule of this.truth.rules) {
      if (!ruleStateIsEnabled(rule.state) || !rule.pattern || !matchesPattern(JSON.parse(rule.pattern), event)) continue;
      for (const target of rule.targets) {
        if (target.arn.includes(":api-destination/")) {
          this.post(target, event, at);
          continue;
        }
        const topic = this.truth.topics.find((t) => t.arn === target.arn);
        if (!topic || !topic.policy.includes("events.amazonaws.com")) continue;
        this.deliver(topic.arn, "AWS Notification Message", transformInput(target, event), at);
      }
    }
  }

  /**
   * An API destination target: EventBridge POSTs the transformed event to the webhook, as AWS does only while the
   * destination is ACTIVE, its connection AUTHORIZED, and the target's role trusts EventBridge and may invoke it.
   * The channel keeps the webhook's mask, never its URL (the simulated account never holds one).
   */
  private post(target: RuleTarget, event: Record<string, unknown>, at: Date): void {
    const destination = (this.truth.destinations ?? []).find((d) => d.arn === target.arn);
    if (destination?.state !== "ACTIVE") return;
    const connection = (this.truth.connections ?? []).find((c) => c.arn === destination.connectionArn);
    if (connection?.state !== "AUTHORIZED") return;
    const role = this.truth.roles.find((r) => target.roleArn?.endsWith(`:role/${r.name}`));
    const mayInvoke = Object.values(role?.inlinePolicies ?? {}).some((p) => p.includes("events:InvokeApiDestination"));
    if (!role?.trustPolicy?.includes("events.amazonaws.com") || !mayInvoke) return;
    (this.truth.webhookPosts ??= []).push({ to: destination.endpoint.mask, body: transformInput(target, event), at });
  }
}

export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A trail that brings root's sign-ins and IAM calls to EventBridge in the alerts region: logging write management
 * events, covering that region, with global service events (the same test as the alerts step's
 * `trailDeliversRootCalls`, which the adapter may not import).
 */
function recordsRootEvents(t: TrailRecord): boolean {
  return (
    t.logging && (t.managementEvents === "all" || t.managementEvents === "write") && (t.multiRegion || t.homeRegion === SIMULATED_REGION) && t.includeGlobalServiceEvents
  );
}
