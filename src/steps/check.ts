// `rootlock check`: the root user's posture from any read-only identity (SecurityAudit is enough), every
// independent read in parallel, each finding with its source and how fresh it is. Reads only.
import type {
  AccessKey,
  Account,
  ConsoleLoginEvent,
  EventRule,
  PasswordPolicy,
  RootCredentialReport,
  RootSummary,
  SecurityContact,
  TopicSubscription,
  Trail,
  VirtualMfaDevice,
} from "../aws/account.js";
import { trailDeliversRootCalls } from "./alert-shapes.js";
import { isRootArn, signsWithRootKey } from "../aws/account.js";
import { AccountError } from "../aws/errors.js";
import type { CheckFinding, CheckReport, CheckStatus } from "../check-schema.js";
import { type AdminHolder, describeAdmins, findAdminIdentities } from "./admin-identity.js";
import { CIS_MIN_LENGTH, CIS_REUSE_PREVENTION, meetsMinLength, meetsReusePrevention } from "./password-policy.js";

const DAY = 86_400_000;
/** CloudTrail's event history keeps 90 days. */
const HISTORY_DAYS = 90;

type Read<T> = { ok: true; value: T } | { ok: false; code: string; action: string };

async function read<T>(run: () => Promise<T>, action: string): Promise<Read<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, code: error instanceof AccountError ? error.code : "Unknown", action: error instanceof AccountError ? error.action : action };
  }
}

export interface CheckInput {
  summary: Read<RootSummary>;
  report: Read<RootCredentialReport>;
  devices: Read<VirtualMfaDevice[]>;
  signins: Read<ConsoleLoginEvent[]>;
  rules: Read<EventRule[]>;
  /** The subscriptions of each SNS topic that a root-sign-in rule targets: is anyone actually told? */
  topics?: Record<string, Read<TopicSubscription[]>>;
  trails?: Read<Trail[]>;
  contact: Read<SecurityContact | undefined>;
  /** Root's own keys by id: readable only with root's credentials (ListAccessKeys acts on the caller). */
  rootKeys?: Read<AccessKey[]>;
  /** Who other than root holds AdministratorAccess (absent: not read, and not reported). */
  admins?: Read<AdminHolder[]>;
  /** The account password policy; a value of undefined means the account has none. */
  passwordPolicy?: Read<PasswordPolicy | undefined>;
}

/** Every read at once: they do not depend on each other. */
export async function readPosture(account: Account, now: Date): Promise<CheckInput> {
  const [summary, report, devices, signins, [rules, topics], trails, contact, admins, passwordPolicy] = await Promise.all([
    read(() => account.getRootSummary(), "iam:GetAccountSummary"),
    read(() => account.getRootCredentialReport(), "iam:GetCredentialReport"),
    read(() => account.listVirtualMfaDevices("Assigned"), "iam:ListVirtualMFADevices"),
    read(() => account.lookupConsoleLogins(new Date(now.getTime() - HISTORY_DAYS * DAY)), "cloudtrail:LookupEvents"),
    readAlertRoutes(account),
    read(() => account.listTrails(), "cloudtrail:DescribeTrails"),
    read(() => account.getSecurityContact(), "account:GetAlternateContact"),
    read(() => findAdminIdentities(account), "iam:ListEntitiesForPolicy"),
    read(() => account.getPasswordPolicy(), "iam:GetAccountPasswordPolicy"),
  ]);
  return { summary, report, devices, signins, rules, topics, trails, contact, admins, passwordPolicy };
}

/** The rules, then (depending on them) the subscriptions of the SNS topics the root-sign-in rules send to. */
async function readAlertRoutes(account: Account): Promise<[Read<EventRule[]>, Record<string, Read<TopicSubscription[]>>]> {
  const rules = await read(() => account.listEventRules(), "events:ListRules");
  if (!rules.ok) return [rules, {}];
  const arns = [...new Set(rules.value.filter(catchesRootSignIn).flatMap((r) => (r.targetArns ?? []).filter(isTopicArn)))];
  const subs = await Promise.all(arns.map((arn) => read(() => account.listSubscriptions(arn), "sns:ListSubscriptionsByTopic")));
  return [rules, Object.fromEntries(arns.map((arn, i) => [arn, subs[i]!]))];
}

const isTopicArn = (arn: string) => /^arn:aws[\w-]*:sns:/.test(arn);

/** Does an EventBridge pattern catch root's MFA removals (an API call event, so only with a trail)? */
export function catchesRootMfaRemoval(rule: EventRule): boolean {
  if (!rule.enabled || rule.targets === 0 || !rule.pattern) return false;
  try {
    const p = JSON.parse(rule.pattern) as { "detail-type"?: string[]; detail?: { eventName?: string[]; userIdentity?: { type?: string[] } } };
    const names = p.detail?.eventName;
    return (
      (p["detail-type"] ?? []).includes("AWS API Call via CloudTrail") &&
      (p.detail?.userIdentity?.type ?? []).includes("Root") &&
      (names === undefined || (names.includes("DeactivateMFADevice") && names.includes("DeleteVirtualMFADevice")))
    );
  } catch {
    return false;
  }
}

/**
 * Who hears of a root sign-in: for each rule, its SNS topics' confirmed subscriptions. A target that is not an
 * SNS topic (a Lambda, a queue) cannot be judged from here and counts as delivered.
 */
function deliveries(rules: EventRule[], topics: Record<string, Read<TopicSubscription[]>>): { delivered: string[]; pending: string[]; unreadable: string[] } {
  const delivered: string[] = [];
  const pending: string[] = [];
  const unreadable: string[] = [];
  for (const rule of rules) {
    for (const arn of rule.targetArns ?? []) {
      if (!isTopicArn(arn)) {
        delivered.push(`${rule.name} → ${arn}`);
        continue;
      }
      const subs = topics[arn];
      if (!subs || !subs.ok) unreadable.push(arn);
      else if (subs.value.some((s) => !s.pending)) delivered.push(`${rule.name} → ${arn} (${subs.value.filter((s) => !s.pending).length} confirmed)`);
      else pending.push(arn);
    }
  }
  return { delivered, pending, unreadable };
}

const unknown = (r: { code: string; action: string }) => `could not read (${r.code} on ${r.action})`;

function ago(at: Date, now: Date): string {
  const days = Math.floor((now.getTime() - at.getTime()) / DAY);
  if (days >= 1) return `${days} day${days === 1 ? "" : "s"} ago`;
  const hours = Math.floor((now.getTime() - at.getTime()) / 3_600_000);
  return hours >= 1 ? `${hours} hour${hours === 1 ? "" : "s"} ago` : "less than an hour ago";
}

const lastUse = (used: AccessKey["lastUsed"], now: Date) => (used ? `last used ${ago(used.at, now)} by ${used.service} in ${used.region}` : "never used");

/** A key id shown the way consoles abbreviate it: enough to recognise, not the whole id. */
const shortId = (id: string) => `${id.slice(0, 4)}…${id.slice(-3)}`;

/** Which keys and their last use: by id with root's credentials, else by the credential report's slots. */
function keyEvidence(input: CheckInput, now: Date): string {
  if (input.rootKeys?.ok && input.rootKeys.value.length > 0) {
    return input.rootKeys.value.map((k) => `key ${shortId(k.id)} ${k.status.toLowerCase()}, ${lastUse(k.lastUsed, now)}`).join("; ");
  }
  if (!input.report.ok || input.report.value.keys.length === 0) return "";
  const slots = input.report.value.keys.map((k) => `key ${k.slot} ${k.active ? "active" : "inactive"}, ${lastUse(k.lastUsed, now)}`);
  return `${slots.join("; ")} (credential report)`;
}

/** Does an EventBridge pattern catch root's console sign-ins? */
export function catchesRootSignIn(rule: EventRule): boolean {
  if (!rule.enabled || rule.targets === 0 || !rule.pattern) return false;
  try {
    const p = JSON.parse(rule.pattern) as { "detail-type"?: string[]; detail?: { userIdentity?: { type?: string[] } } };
    const types = p.detail?.userIdentity?.type ?? [];
    return (p["detail-type"] ?? []).includes("AWS Console Sign In via CloudTrail") && types.includes("Root");
  } catch {
    return false;
  }
}

export function assess(input: CheckInput, now: Date): { findings: CheckFinding[]; notes: string[] } {
  const live = "live";
  const reportAsOf = input.report.ok ? input.report.value.generatedAt.toISOString() : "unavailable";
  const findings: CheckFinding[] = [];
  const notes: string[] = [];
  const add = (f: Omit<CheckFinding, "asOf"> & { asOf?: string }) => findings.push({ asOf: live, ...f });

  // CIS 1.4: judged from the account summary, which is current; the report adds which key and its use.
  {
    const base = { control: "root-access-keys", title: "No root access key", cis: "1.4", securityHub: "IAM.4" } as const;
    if (!input.summary.ok) add({ ...base, status: "unknown", evidence: unknown(input.summary), source: "iam:GetAccountSummary" });
    else {
      const present = input.summary.value.accountAccessKeysPresent;
      const keys = present ? keyEvidence(input, now) : "";
      const detail = keys ? `: ${keys}` : "";
      add({ ...base, status: present ? "fail" : "pass", evidence: present ? `root has an access key${detail}` : "AccountAccessKeysPresent=0", source: "iam:GetAccountSummary" });
    }
  }

  // CIS 1.5 and 1.6: the summary flag, and whether any virtual device is assigned to root.
  const rootVirtual = input.devices.ok ? input.devices.value.filter((d) => isRootArn(d.userArn)) : undefined;
  {
    const base = { control: "root-mfa", title: "MFA on the root user", cis: "1.5", securityHub: "IAM.9" } as const;
    if (!input.summary.ok) add({ ...base, status: "unknown", evidence: unknown(input.summary), source: "iam:GetAccountSummary" });
    else {
      const on = input.summary.value.accountMfaEnabled;
      add({ ...base, status: on ? "pass" : "fail", evidence: `AccountMFAEnabled=${on ? 1 : 0}`, source: "iam:GetAccountSummary" });
    }
  }
  {
    const base = { control: "root-hardware-mfa", title: "Hardware MFA on the root user", cis: "1.6", securityHub: "IAM.6" } as const;
    if (!input.summary.ok || !rootVirtual) {
      const failed = !input.summary.ok ? input.summary : (input.devices as { code: string; action: string });
      add({ ...base, status: "unknown", evidence: unknown(failed), source: "iam:ListVirtualMFADevices" });
    } else if (!input.summary.value.accountMfaEnabled) {
      add({ ...base, status: "fail", evidence: "root has no MFA at all", source: "iam:GetAccountSummary" });
    } else if (rootVirtual.length > 0) {
      // AWS Config's rule: non-compliant while any virtual device can sign root in.
      add({ ...base, status: "fail", evidence: `virtual device on root: ${rootVirtual.map((d) => d.serialNumber).join(", ")}`, source: "iam:ListVirtualMFADevices" });
    } else {
      add({ ...base, status: "pass", evidence: "root MFA is on and no virtual device is assigned to root (hardware key or passkey)", source: "iam:ListVirtualMFADevices" });
    }
  }

  // CIS 1.7: root's console sign-ins in CloudTrail's 90 days; with MFA each is expected (a sign-in test),
  // without MFA it is a failure.
  {
    const base = { control: "root-use", title: "Root used only with MFA (sign-ins, 90 days)", cis: "1.7", securityHub: "IAM.20" } as const;
    if (!input.signins.ok) add({ ...base, status: "unknown", evidence: unknown(input.signins), source: "cloudtrail:LookupEvents (us-east-1)" });
    else {
      const root = input.signins.value.filter((e) => e.identityType.toLowerCase() === "root" && e.success).sort((a, b) => b.at.getTime() - a.at.getTime());
      const withoutMfa = root.filter((e) => !e.mfaUsed);
      const last = root[0];
      const evidence =
        root.length === 0
          ? "no root console sign-in in 90 days"
          : `${root.length} root sign-in${root.length === 1 ? "" : "s"} in 90 days, ${withoutMfa.length} without MFA; last ${ago(last!.at, now)}`;
      add({ ...base, status: withoutMfa.length > 0 ? "fail" : "pass", evidence, source: "cloudtrail:LookupEvents (us-east-1)" });
    }
  }

  // CIS 4.3 / CloudWatch.1 (related): an enabled EventBridge rule that tells someone when root signs in.
  {
    const base = { control: "root-activity-alerts", title: "Alert on root activity", cis: "4.3", securityHub: "CloudWatch.1" } as const;
    if (!input.rules.ok) add({ ...base, status: "unknown", evidence: unknown(input.rules), source: "events:ListRules (us-east-1)" });
    else {
      const rules = input.rules.value.filter(catchesRootSignIn);
      const source = "events:ListRules + sns:ListSubscriptionsByTopic (us-east-1)";
      // What else is known: the MFA-removal alert, and whether a trail brings API-call events at all.
      const mfaRule = input.rules.value.some(catchesRootMfaRemoval);
      const trail = input.trails?.ok ? input.trails.value.some(trailDeliversRootCalls) : undefined;
      const extra = `; root MFA-removal alert: ${mfaRule ? (trail === false ? "rule present, but NO trail logs management events, so it cannot fire" : "yes") : "no"}`;
      if (rules.length === 0) add({ ...base, status: "fail", evidence: `no enabled rule with a target catches root console sign-ins${extra}`, source });
      else {
        const d = deliveries(rules, input.topics ?? {});
        if (d.delivered.length > 0) add({ ...base, status: "pass", evidence: `rule ${d.delivered.join(", ")}${extra}`, source });
        else if (d.unreadable.length > 0) add({ ...base, status: "unknown", evidence: `rule ${rules.map((r) => r.name).join(", ")}: could not read the subscriptions of ${d.unreadable.join(", ")}${extra}`, source });
        else add({ ...base, status: "fail", evidence: `rule ${rules.map((r) => r.name).join(", ")}: its topic has no confirmed subscription (pending: ${d.pending.join(", ")}), so nothing is delivered${extra}`, source });
      }
    }
  }

  // CIS 1.2: a security contact, so that AWS can reach someone when the root user is in trouble.
  {
    const base = { control: "security-contact", title: "Security alternate contact", cis: "1.2", securityHub: "Account.1" } as const;
    if (!input.contact.ok) add({ ...base, status: "unknown", evidence: unknown(input.contact), source: "account:GetAlternateContact" });
    else if (!input.contact.value) add({ ...base, status: "fail", evidence: "no security contact", source: "account:GetAlternateContact" });
    else add({ ...base, status: "pass", evidence: `security contact ${input.contact.value.name ?? ""} <${input.contact.value.email ?? "?"}>`.replace("  ", " "), source: "account:GetAlternateContact" });
  }

  // CIS 1.7 asks that root not be used for daily work: some other identity must hold administrator rights.
  if (input.admins) {
    const base = { control: "admin-identity", title: "An administrator other than root", cis: "1.7", securityHub: "—" } as const;
    const source = "iam:ListEntitiesForPolicy (AdministratorAccess)";
    if (!input.admins.ok) add({ ...base, status: "unknown", evidence: unknown(input.admins), source });
    else add({ ...base, status: input.admins.value.length > 0 ? "pass" : "fail", evidence: describeAdmins(input.admins.value), source });
  }

  // CIS 1.8 / IAM.15 and CIS 1.9 / IAM.16: the account password policy (no policy fails both).
  if (input.passwordPolicy) {
    const source = "iam:GetAccountPasswordPolicy";
    const length = { control: "password-min-length", title: `Password policy: minimum length ${CIS_MIN_LENGTH} or more`, cis: "1.8", securityHub: "IAM.15" } as const;
    const reuse = { control: "password-reuse", title: `Password policy: prevents reuse (${CIS_REUSE_PREVENTION})`, cis: "1.9", securityHub: "IAM.16" } as const;
    if (!input.passwordPolicy.ok) {
      for (const base of [length, reuse]) add({ ...base, status: "unknown", evidence: unknown(input.passwordPolicy), source });
    } else {
      const policy = input.passwordPolicy.value;
      const none = "no password policy: AWS's default applies (8 characters minimum, reuse allowed)";
      add({ ...length, status: meetsMinLength(policy) ? "pass" : "fail", evidence: policy ? `MinimumPasswordLength=${policy.minimumPasswordLength}` : none, source });
      add({ ...reuse, status: meetsReusePrevention(policy) ? "pass" : "fail", evidence: policy ? `PasswordReusePrevention=${policy.passwordReusePrevention ?? "not set"}` : none, source });
    }
  }

  if (input.report.ok) {
    notes.push(
      `The credential report was generated at ${reportAsOf}; AWS makes one at most every 4 hours. rootlock judges root keys and MFA from the account summary, which is current; tools that read only the report (Prowler, ScoutSuite) can stay red for up to 4 hours after a fix.`,
    );
  }
  return { findings, notes };
}

export function exitCodeOf(findings: CheckFinding[]): 0 | 1 | 2 {
  const statuses = new Set<CheckStatus>(findings.map((f) => f.status));
  if (statuses.has("fail")) return 1;
  return statuses.has("unknown") ? 2 : 0;
}

export async function runCheck(account: Account, now: () => Date, version: string, simulated: boolean): Promise<CheckReport> {
  // Who is asking decides one extra read (root's keys by id, with root's long-term key only: from a root session
  // IAM refuses ListAccessKeys without UserName); it runs alongside the rest, not before it.
  const callerRead = read(() => account.getCaller(), "sts:GetCallerIdentity");
  const rootKeys = callerRead.then((c) => (c.ok && signsWithRootKey(c.value) ? read(() => account.listRootAccessKeys(), "iam:ListAccessKeys") : undefined));
  const [caller, posture, keys] = await Promise.all([callerRead, readPosture(account, now()), rootKeys]);
  const input: CheckInput = { ...posture, rootKeys: keys };
  const { findings, notes } = assess(input, now());
  return {
    tool: { name: "rootlock", version },
    account: caller.ok ? caller.value.accountId : undefined,
    caller: caller.ok ? caller.value.arn : undefined,
    simulated,
    checkedAt: now().toISOString(),
    exitCode: exitCodeOf(findings),
    findings,
    notes,
  };
}
