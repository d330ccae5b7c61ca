// Shapes of `rootlock org`'s engine: what each member account ended in, why, and the evidence behind it.
// Plain data (the JSON report and the journal hold them as they are); no Ink, no SDK.
import type { Org, OrgAccount, RootCredentials } from "../../aws/org.js";
import type { OrgErrorCode } from "../../aws/org-errors.js";
import type { ScpEffect } from "../../aws/scp.js";

export type AccountState =
  /** Audited: the root holds no password, key, certificate or MFA device. */
  | "credential-less"
  /** Audited: the root holds something (in `credentials`). */
  | "holds"
  /** Remediated, and the audit policy's read afterwards shows nothing: the only road to "verified credential-less". */
  | "verified"
  /** Remediated, but the read afterwards still shows something (in `credentials`). */
  | "still-holds"
  | "failed"
  | "skipped";

export type FailureReason = "scp" | "region-disabled" | "throttled" | "expired" | "access-denied" | "other";

export interface ScpSeen {
  id: string;
  name: string;
  document?: string;
  effect: ScpEffect;
}

export interface OrgFailure {
  reason: FailureReason;
  code: OrgErrorCode;
  action: string;
  /** For an SCP's denial: the SCPs above the account, with their documents when readable. */
  scps?: ScpSeen[];
}

/** One line of evidence: a call made for this account and what it answered. */
export interface Evidence {
  at: string;
  kind: "read" | "write" | "read-back";
  /** The exact call, "iam:DeleteAccessKey(AccessKeyId=AKIA…)". */
  call: string;
  /** What it answered, in plain English words (the JSON's and the journal's text): "ok", "already gone (NoSuchEntity)", "password: no, access keys: 2, …", or an error code. */
  result: string;
  /** The same answer as a phrase of the org catalogue's `evidence` section, for the screen and the report in the run's language (an error code has none). */
  said?: EvidenceSaid;
}

export type EvidenceSaid =
  { key: "ok" } | { key: "gone" } | { key: "minted" } | { key: "found"; password: boolean; accessKeys: number; mfaDevices: number; certificates: number };

export interface AccountResult {
  account: OrgAccount;
  state: AccountState;
  credentials?: RootCredentials;
  skip?: "management" | "not-active";
  failure?: OrgFailure;
  /** Throttling answers retried for this account. */
  retries: number;
  evidence: Evidence[];
}

/** What the engine runs with: the port, time and randomness injected (tests: a fake clock, no real sleeps). */
export interface OrgDeps {
  org: Org;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the backoff's jitter. */
  random: () => number;
  /** Told of every call as it is made (the journal: what each account's last call did, even after Ctrl-C). */
  journal?: (accountId: string, evidence: Evidence) => void;
}
