// The simulated organization: the `Org` port in memory, answering as AWS does (its refusals and their codes
// included), for `rootlock org --demo` and for the engine's unit tests. Deterministic: the same options give the same
// organization, and time is injected (`now`, `sleep`), so a test with a fake clock has no real waits.
//
// The default world (60 member accounts, built from the account's number so that it never changes):
// - OUs: Production (1–24, with an SCP that protects member roots and exempts AssumeRoot sessions), Development
//   (25–48), Sandbox (49–57), Restricted (58–60, with a Control Tower style SCP that denies root everything, AssumeRoot
//   sessions included);
// - root credentials by number: a password (every 5th), access keys (every 7th; two, one inactive, every 14th),
//   a virtual MFA device (every 9th), a hardware one (every 11th), a signing certificate (every 13th);
// - account 45 is SUSPENDED, account 52's region is disabled (RegionDisabled), account 30's first session
//   expires before it is used (ExpiredToken);
// - AssumeRoot is throttled above `assumeRootPerSecond` calls a second (a token bucket on the injected clock).
import type { AccessKey } from "../account.js";
import { IAM_SERVICE_PRINCIPAL, type AccountPage, type MemberRoot, type Org, type OrgAccount, type OrgCaller, type OrgFeature, type Organization } from "../org.js";
import type { RootCredentials, RootMfaDevice, RootTask, ScpPolicy, SigningCertificate } from "../org.js";
import { OrgError } from "../org-errors.js";
import { dispatchOrg, dispatchRoot, type OrgWrite, type OrgWriteHandlers, type RootWrite, type RootWriteHandlers, shownRootCall } from "../org-operations.js";
import { protectiveScp, scpDenies } from "../scp.js";
import { rootArnOf, taskPolicyAllows, taskPolicyDocumentOf } from "../task-policy.js";
import { systemNow, systemSleep } from "../../lib/clock.js";

export interface SimulatedOrgOptions {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Member accounts (default 60). */
  members?: number;
  /** Latency added to every call, in ms (0 in tests; the demo adds some so the table moves as it would). */
  latencyMs?: number;
  /** AssumeRoot calls allowed a second before Throttling (default 20). */
  assumeRootPerSecond?: number;
  /** Readiness: trusted access for IAM (default true), all features (default true), IAM's features enabled (default both). */
  trustedAccess?: boolean;
  allFeatures?: boolean;
  features?: OrgFeature[];
  /** The caller: the management account (default) or the IAM delegated administrator (member account 1). */
  caller?: "management" | "delegated-admin";
}

/** The actions each task policy's document lists (aws-facts §5, from zoph-io/MAMIP; moto ships the same documents). */
export const TASK_POLICY_ACTIONS: Record<RootTask, readonly string[]> = {
  IAMAuditRootUserCredentials: [
    "iam:ListAccessKeys",
    "iam:ListSigningCertificates",
    "iam:GetLoginProfile",
    "iam:ListMFADevices",
    "iam:GetAccountSummary",
    "iam:GetUser",
    "iam:GetAccessKeyLastUsed",
  ],
  IAMCreateRootUserPassword: ["iam:CreateLoginProfile", "iam:GetLoginProfile"],
  IAMDeleteRootUserCredentials: [
    "iam:DeleteAccessKey",
    "iam:DeleteSigningCertificate",
    "iam:DeleteLoginProfile",
    "iam:DeactivateMFADevice",
    "iam:DeleteVirtualMFADevice",
    "iam:ListAccessKeys",
    "iam:ListSigningCertificates",
    "iam:GetLoginProfile",
    "iam:ListMFADevices",
    "iam:GetUser",
    "iam:GetAccessKeyLastUsed",
  ],
};

/** A Control Tower style SCP: denies everything to a member's root, with no exemption for AssumeRoot sessions. */
export const DENY_ROOT_SCP = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Sid: "GRRESTRICTROOTUSER", Effect: "Deny", Action: "*", Resource: "*", Condition: { StringLike: { "aws:PrincipalArn": ["arn:aws:iam::*:root"] } } }],
});

interface SimRoot {
  password: boolean;
  keys: AccessKey[];
  mfa: (RootMfaDevice & { active: boolean })[];
  /** Virtual devices that exist (assigned or not), by serial number. */
  virtualDevices: Set<string>;
  certificates: SigningCertificate[];
}

interface SimAccount extends OrgAccount {
  ou: string;
  root: SimRoot;
  regionDisabled: boolean;
  expireFirstSession: boolean;
}

interface SimOu {
  id: string;
  name: string;
  scps: ScpPolicy[];
}

export const SIM_ROOT_ID = "r-sim0";
export const SIM_ORG_ID = "o-rootlocksim0";
export const SIM_MANAGEMENT_ID = "100000000001";
export const memberId = (n: number): string => String(200000000000 + n);

const OUS: (SimOu & { from: number })[] = [
  { id: "ou-sim0-production", name: "Production", from: 1, scps: [{ id: "p-protectroot", name: "ProtectMemberRoots", document: JSON.stringify(protectiveScp()) }] },
  { id: "ou-sim0-development", name: "Development", from: 25, scps: [] },
  { id: "ou-sim0-sandbox", name: "Sandbox", from: 49, scps: [] },
  { id: "ou-sim0-restricted", name: "Restricted", from: 58, scps: [{ id: "p-denyroot", name: "DenyRootUser", document: DENY_ROOT_SCP }] },
];

function ouOf(n: number): SimOu {
  return [...OUS].reverse().find((ou) => n >= ou.from) as SimOu;
}

function rootFor(n: number, id: string, at: Date): SimRoot {
  const day = 86_400_000;
  const keys: AccessKey[] = [];
  if (n % 7 === 0) {
    keys.push({
      id: `AKIASIM${String(n).padStart(4, "0")}A000001`,
      status: "Active",
      createdAt: new Date(at.getTime() - 400 * day),
      lastUsed: { at: new Date(at.getTime() - (n % 30) * day), service: "s3", region: "us-east-1" },
    });
  }
  if (n % 14 === 0) keys.push({ id: `AKIASIM${String(n).padStart(4, "0")}B000002`, status: "Inactive", createdAt: new Date(at.getTime() - 900 * day) });
  const mfa: SimRoot["mfa"] = [];
  const virtualDevices = new Set<string>();
  if (n % 9 === 0) {
    const serial = `arn:aws:iam::${id}:mfa/root-account-mfa-device`;
    mfa.push({ serialNumber: serial, virtual: true, active: true });
    virtualDevices.add(serial);
  }
  if (n % 11 === 0) mfa.push({ serialNumber: `GAHT${String(n).padStart(8, "0")}`, virtual: false, active: true });
  const certificates: SigningCertificate[] = n % 13 === 0 ? [{ id: `SIMCERT${String(n).padStart(4, "0")}`, status: "Active" }] : [];
  return { password: n % 5 === 0, keys, mfa, virtualDevices, certificates };
}

/** The page size AWS allows at most for ListAccounts. */
const PAGE = 20;

export type WriteFault = "answer-lost" | "not-done";

export class SimulatedOrg implements Org {
  readonly accounts: SimAccount[];
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly latencyMs: number;
  private readonly rate: number;
  private tokens: number;
  private refilledAt: number;
  private trusted: Set<string>;
  private allFeatures: boolean;
  private enabled: Set<OrgFeature>;
  private readonly callerKind: "management" | "delegated-admin";
  private readonly expiredOnce = new Set<string>();
  /** Every call made, in order: for tests and the demo's counters. */
  /** Root writes set to go wrong once, by "account op" (failNextWrite). */
  private readonly writeFaults = new Map<string, WriteFault>();
  readonly calls: { action: string; accountId?: string; durationSeconds?: number; task?: RootTask; at: Date }[] = [];

  constructor(options: SimulatedOrgOptions = {}) {
    this.now = options.now ?? systemNow;
    this.sleep = options.sleep ?? systemSleep;
    this.latencyMs = options.latencyMs ?? 0;
    this.rate = options.assumeRootPerSecond ?? 20;
    this.tokens = this.rate;
    this.refilledAt = this.now().getTime();
    this.trusted = new Set(options.trustedAccess === false ? [] : [IAM_SERVICE_PRINCIPAL]);
    this.allFeatures = options.allFeatures ?? true;
    this.enabled = new Set(options.features ?? ["RootCredentialsManagement", "RootSessions"]);
    this.callerKind = options.caller ?? "management";
    const at = this.now();
    this.accounts = Array.from({ length: options.members ?? 60 }, (_, i) => {
      const n = i + 1;
      const id = memberId(n);
      return {
        id,
        name: `team-${String(n).padStart(2, "0")}`,
        email: `aws+team-${String(n).padStart(2, "0")}@example.com`,
        state: n === 45 ? "SUSPENDED" : "ACTIVE",
        ou: ouOf(n).id,
        root: rootFor(n, id, at),
        regionDisabled: n === 52,
        expireFirstSession: n === 30,
      } satisfies SimAccount;
    });
  }

  private async call(action: string, extra: Partial<(typeof this.calls)[number]> = {}): Promise<void> {
    this.calls.push({ action, at: this.now(), ...extra });
    if (this.latencyMs > 0) await this.sleep(this.latencyMs);
  }

  private get isManagement(): boolean {
    return this.callerKind === "management";
  }

  private callerId(): string {
    return this.isManagement ? SIM_MANAGEMENT_ID : memberId(1);
  }

  async caller(): Promise<OrgCaller> {
    await this.call("sts:GetCallerIdentity");
    return { accountId: this.callerId(), arn: `arn:aws:iam::${this.callerId()}:role/PlatformAdmin` };
  }

  async organization(): Promise<Organization> {
    await this.call("organizations:DescribeOrganization");
    return { id: SIM_ORG_ID, managementAccountId: SIM_MANAGEMENT_ID, allFeatures: this.allFeatures };
  }

  async trustedServices(): Promise<string[]> {
    await this.call("organizations:ListAWSServiceAccessForOrganization");
    return [...this.trusted];
  }

  async delegatedAdministrators(servicePrincipal: string): Promise<string[]> {
    await this.call("organizations:ListDelegatedAdministrators");
    return servicePrincipal === IAM_SERVICE_PRINCIPAL && this.trusted.has(IAM_SERVICE_PRINCIPAL) ? [memberId(1)] : [];
  }

  /** The checks IAM's organization calls share (IAM API reference, ListOrganizationsFeatures: Errors). */
  private checkFeatureCall(action: string, enabling: boolean): void {
    if (!this.allFeatures) throw new OrgError("OrganizationNotInAllFeaturesMode", action);
    if (!this.trusted.has(IAM_SERVICE_PRINCIPAL)) throw new OrgError("ServiceAccessNotEnabled", action);
    if (enabling && !this.isManagement) throw new OrgError("CallerIsNotManagementAccount", action);
  }

  async features(): Promise<OrgFeature[]> {
    await this.call("iam:ListOrganizationsFeatures");
    this.checkFeatureCall("iam:ListOrganizationsFeatures", false);
    return [...this.enabled];
  }

  async accountsPage(next?: string): Promise<AccountPage> {
    await this.call("organizations:ListAccounts");
    const start = next ? Number(next.replace(/^sim-/, "").replace(/-empty$/, "")) : 0;
    // AWS "can occasionally return an empty set" with a NextToken: the simulation does it once, after the first page.
    if (start === PAGE && !next?.endsWith("-empty")) return { accounts: [], next: `sim-${PAGE}-empty` };
    const all: OrgAccount[] = [this.managementAccount(), ...this.accounts.map(({ id, name, email, state }) => ({ id, name, email, state }))];
    const end = start + PAGE;
    return { accounts: all.slice(start, end), ...(end < all.length ? { next: `sim-${end}` } : {}) };
  }

  private managementAccount(): OrgAccount {
    return { id: SIM_MANAGEMENT_ID, name: "management", email: "aws+management@example.com", state: "ACTIVE" };
  }

  async accountsUnder(parentId: string): Promise<string[]> {
    await this.call("organizations:ListAccountsForParent");
    if (parentId === SIM_ROOT_ID) return [SIM_MANAGEMENT_ID, ...this.accounts.map((a) => a.id)];
    if (!OUS.some((ou) => ou.id === parentId)) throw new OrgError("NoSuchEntity", "organizations:ListAccountsForParent");
    return this.accounts.filter((a) => a.ou === parentId).map((a) => a.id);
  }

  async scpsFor(accountId: string): Promise<ScpPolicy[]> {
    await this.call("organizations:ListPoliciesForTarget", { accountId });
    const account = this.accounts.find((a) => a.id === accountId);
    return account ? (OUS.find((ou) => ou.id === account.ou)?.scps ?? []) : [];
  }

  async taskPolicyDocument(task: RootTask): Promise<string> {
    await this.call("iam:GetPolicyVersion");
    return taskPolicyDocumentOf(TASK_POLICY_ACTIONS[task]);
  }

  /** A token bucket of `rate` calls a second, refilled by the injected clock. */
  private takeToken(): boolean {
    const now = this.now().getTime();
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  async assumeRoot(accountId: string, task: RootTask, durationSeconds: number): Promise<MemberRoot> {
    const action = "sts:AssumeRoot";
    await this.call(action, { accountId, durationSeconds, task });
    if (!this.takeToken()) throw new OrgError("Throttling", action);
    // STS API reference, AssumeRoot: DurationSeconds "can have a value from 0 to 900"; "If you specify a value
    // higher than this setting, the operation fails".
    if (durationSeconds > 900 || durationSeconds < 0) throw new OrgError("InvalidParameter", action);
    // EnableOrganizationsRootSessions "allows the management account or delegated administrator to perform
    // privileged tasks on member accounts" (IAM API reference): AssumeRoot needs RootSessions.
    if (!this.enabled.has("RootSessions")) throw new OrgError("AccessDenied", action, "other");
    const account = this.accounts.find((a) => a.id === accountId);
    // The management account is never a target; neither is an account outside the organization or not ACTIVE.
    if (!account || account.state !== "ACTIVE") throw new OrgError("AccessDenied", action, "other");
    if (account.regionDisabled) throw new OrgError("RegionDisabled", action);
    let expiresAt = new Date(this.now().getTime() + durationSeconds * 1000);
    if (account.expireFirstSession && !this.expiredOnce.has(accountId)) {
      this.expiredOnce.add(accountId);
      expiresAt = this.now();
    }
    return new SimulatedMemberRoot(this, account, task, expiresAt);
  }

  /** A member root's call: the session's expiry, its task policy, then the account's SCPs, as AWS evaluates them. */
  /**
   * The next `op` sent as `accountId`'s root goes wrong once: "answer-lost", it is done but its answer never arrives
   * (the caller sees a failure, as after a dropped connection); "not-done", it is answered as done but nothing
   * changed (as a read right after an eventually consistent write can find). What the recover's read-back is for.
   */
  failNextWrite(accountId: string, op: RootWrite["op"], fault: WriteFault): void {
    this.writeFaults.set(`${accountId} ${op}`, fault);
  }

  takeWriteFault(accountId: string, op: RootWrite["op"]): WriteFault | undefined {
    const fault = this.writeFaults.get(`${accountId} ${op}`);
    this.writeFaults.delete(`${accountId} ${op}`);
    return fault;
  }

  async rootCall(session: SimulatedMemberRoot, action: string, resource = rootArnOf(session.accountId)): Promise<SimRoot> {
    await this.call(action, { accountId: session.accountId, task: session.task });
    if (this.now().getTime() >= session.expiresAt.getTime()) throw new OrgError("ExpiredToken", action);
    if (!taskPolicyAllows(taskPolicyDocumentOf(TASK_POLICY_ACTIONS[session.task]), action, resource)) throw new OrgError("AccessDenied", action, "other");
    const scps = OUS.find((ou) => ou.id === session.account.ou)?.scps ?? [];
    const request = { action, principalArn: `arn:aws:iam::${session.accountId}:root`, assumedRoot: true };
    if (scps.some((p) => p.document && scpDenies(p.document, request) === "denied")) throw new OrgError("AccessDenied", action, "scp");
    return session.account.root;
  }

  private readonly writes: OrgWriteHandlers = {
    enableTrustedAccess: async ({ servicePrincipal }) => {
      await this.call("organizations:EnableAWSServiceAccess");
      if (!this.isManagement) throw new OrgError("AccessDenied", "organizations:EnableAWSServiceAccess", "other");
      this.trusted.add(servicePrincipal);
    },
    enableRootCredentialsManagement: async () => {
      await this.call("iam:EnableOrganizationsRootCredentialsManagement");
      this.checkFeatureCall("iam:EnableOrganizationsRootCredentialsManagement", true);
      this.enabled.add("RootCredentialsManagement");
    },
    enableRootSessions: async () => {
      await this.call("iam:EnableOrganizationsRootSessions");
      this.checkFeatureCall("iam:EnableOrganizationsRootSessions", true);
      this.enabled.add("RootSessions");
    },
  };

  send(write: OrgWrite): Promise<void> {
    return dispatchOrg(this.writes, write);
  }
}

class SimulatedMemberRoot implements MemberRoot {
  readonly accountId: string;
  constructor(
    private readonly org: SimulatedOrg,
    readonly account: SimAccount,
    readonly task: RootTask,
    readonly expiresAt: Date,
  ) {
    this.accountId = account.id;
  }

  async credentials(): Promise<RootCredentials> {
    // The audit's reads, in the order the engine documents: each its own call, as the live adapter makes them.
    const root = await this.org.rootCall(this, "iam:GetLoginProfile");
    await this.org.rootCall(this, "iam:ListAccessKeys");
    for (let i = 0; i < root.keys.length; i++) await this.org.rootCall(this, "iam:GetAccessKeyLastUsed");
    await this.org.rootCall(this, "iam:ListMFADevices");
    await this.org.rootCall(this, "iam:ListSigningCertificates");
    return {
      password: root.password,
      accessKeys: root.keys.map((k) => ({ ...k })),
      mfaDevices: root.mfa.filter((d) => d.active).map(({ serialNumber, virtual }) => ({ serialNumber, virtual })),
      certificates: root.certificates.map((c) => ({ ...c })),
    };
  }

  private readonly writes: RootWriteHandlers = {
    deleteAccessKey: async ({ keyId }) => {
      const root = await this.org.rootCall(this, "iam:DeleteAccessKey");
      if (!root.keys.some((k) => k.id === keyId)) throw new OrgError("NoSuchEntity", "iam:DeleteAccessKey");
      root.keys = root.keys.filter((k) => k.id !== keyId);
    },
    deleteSigningCertificate: async ({ certificateId }) => {
      const root = await this.org.rootCall(this, "iam:DeleteSigningCertificate");
      if (!root.certificates.some((c) => c.id === certificateId)) throw new OrgError("NoSuchEntity", "iam:DeleteSigningCertificate");
      root.certificates = root.certificates.filter((c) => c.id !== certificateId);
    },
    deactivateMfaDevice: async ({ serialNumber }) => {
      const root = await this.org.rootCall(this, "iam:DeactivateMFADevice");
      const device = root.mfa.find((d) => d.serialNumber === serialNumber && d.active);
      if (!device) throw new OrgError("NoSuchEntity", "iam:DeactivateMFADevice");
      device.active = false;
      root.mfa = root.mfa.filter((d) => d.active);
    },
    deleteVirtualMfaDevice: async ({ serialNumber }) => {
      const root = await this.org.rootCall(this, "iam:DeleteVirtualMFADevice", serialNumber);
      // IAM refuses to delete a device still assigned (DeleteConflict); DeactivateMFADevice comes first.
      if (root.mfa.some((d) => d.serialNumber === serialNumber)) throw new OrgError("DeleteConflict", "iam:DeleteVirtualMFADevice");
      if (!root.virtualDevices.delete(serialNumber)) throw new OrgError("NoSuchEntity", "iam:DeleteVirtualMFADevice");
    },
    deleteLoginProfile: async () => {
      const root = await this.org.rootCall(this, "iam:DeleteLoginProfile");
      if (!root.password) throw new OrgError("NoSuchEntity", "iam:DeleteLoginProfile");
      root.password = false;
    },
    createLoginProfile: async () => {
      const root = await this.org.rootCall(this, "iam:CreateLoginProfile");
      if (root.password) throw new OrgError("EntityAlreadyExists", "iam:CreateLoginProfile");
      root.password = true;
    },
  };

  async send(write: RootWrite): Promise<void> {
    const fault = this.org.takeWriteFault(this.accountId, write.op);
    const before = fault === "not-done" ? structuredClone(this.account.root) : undefined;
    await dispatchRoot(this.writes, write);
    if (before) Object.assign(this.account.root, before);
    if (fault === "answer-lost") throw new OrgError("Unknown", shownRootCall(write).call);
  }
}
