// `rootlock check`: the root user's posture from any read-only identity (SecurityAudit is enough), every
// independent read in parallel, each finding with its source and how fresh it is. Reads only.
import type {
  AccessKey,
  Account,
  ConsoleLoginEvent,
  MfaEnablementEvent,
  EventRule,
  PasswordPolicy,
  RootCredentialReport,
  RootSummary,
  SecurityContact,
  TopicSubscription,
  Trail,
  VirtualMfaDevice,
} from "../aws/account.js";
import { deliveringTrailPhrase, trailDeliversRootCalls, trailsDeliver } from "./alert-shapes.js";
import { catchesRootMfaRemoval, type DestinationReads, judgeSignInAlerts, readAlertRoutes } from "./alert-judgement.js";
import { administratorAccessArn, isRootArn, signsWithRootKey } from "../aws/account.js";
import { type Partition, partitionOf } from "../aws/partition.js";
import { type Read, read } from "./reads.js";
import type { CheckFinding, CheckReport, CheckStatus } from "../check-schema.js";
import { AUDIT_IDS } from "./controls.js";
import { type AdminHolder, describeAdmins, findAdminIdentities } from "./admin-holders.js";
import { CIS_MIN_LENGTH, CIS_REUSE_PREVENTION, meetsMinLength, meetsReusePrevention } from "./password-policy.js";
import { type Phrase, phrase, say } from "./said.js";

const DAY = 86_400_000;
/** CloudTrail's event history keeps 90 days. */
const HISTORY_DAYS = 90;

export interface CheckInput {
  summary: Read<RootSummary>;
  report: Read<RootCredentialReport>;
  devices: Read<VirtualMfaDevice[]>;
  signins: Read<ConsoleLoginEvent[]>;
  /**
   * Root's own EnableMFADevice events in CloudTrail's 90 days: when root's MFA started, for a hardware key or a
   * passkey (no IAM list shows those). Read only when root signed in without MFA (absent: not read).
   */
  mfaEnablements?: Read<MfaEnablementEvent[]>;
  rules: Read<EventRule[]>;
  /** The subscriptions of each SNS topic that a root-sign-in rule targets: is anyone actually told? */
  topics?: Record<string, Read<TopicSubscription[]>>;
  /** The API destinations (and their connections) the root-sign-in rules target, by target ARN. */
  destinations?: DestinationReads;
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
async function readPosture(account: Account, now: Date, partition: Promise<Partition>): Promise<CheckInput> {
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY);
  const [summary, report, devices, [signins, mfaEnablements], [rules, topics, destinations], trails, contact, admins, passwordPolicy] = await Promise.all([
    read(() => account.getRootSummary(), "iam:GetAccountSummary"),
    read(() => account.getRootCredentialReport(), "iam:GetCredentialReport"),
    read(() => account.listVirtualMfaDevices("Assigned"), "iam:ListVirtualMFADevices"),
    readRootSignins(account, since),
    readAlertRoutes(account),
    read(() => account.listTrails(), "cloudtrail:DescribeTrails"),
    read(() => account.getSecurityContact(), "account:GetAlternateContact"),
    // AdministratorAccess in the caller's partition (the standard one when the caller could not be read). Asked at once
    // in the standard partition, where nearly every account is, so this read does not wait for STS; asked again only
    // when the caller turns out to be elsewhere (GovCloud, China).
    read(async () => {
      const standard = findAdminIdentities(account, administratorAccessArn("aws"));
      // Handled at once: it may fail while STS is still being asked (a dropped network fails both), and a rejection
      // nobody awaits yet would end the process. The failure still reaches read() through `return standard`.
      standard.catch(() => undefined);
      const where = await partition;
      if (where === "aws") return standard;
      return findAdminIdentities(account, administratorAccessArn(where)); // another partition's answer is the one that counts
    }, "iam:ListEntitiesForPolicy"),
    read(() => account.getPasswordPolicy(), "iam:GetAccountPasswordPolicy"),
  ]);
  return { summary, report, devices, signins, mfaEnablements, rules, topics, destinations, trails, contact, admins, passwordPolicy };
}

/**
 * Root's console sign-ins, then (only if one was without MFA) root's MFA enablements: a sign-in without MFA made
 * before root's MFA was turned on is the one the owner made to turn it on, not a failure. A second lookup only when
 * needed, as LookupEvents allows 2 requests a second.
 */
async function readRootSignins(account: Account, since: Date): Promise<[Read<ConsoleLoginEvent[]>, Read<MfaEnablementEvent[]> | undefined]> {
  const signins = await read(() => account.lookupConsoleLogins(since), "cloudtrail:LookupEvents");
  if (!signins.ok || !rootSignins(signins.value).some((e) => !e.mfaUsed)) return [signins, undefined];
  return [signins, await read(() => account.lookupRootMfaEnablements(since), "cloudtrail:LookupEvents")];
}

const rootSignins = (events: ConsoleLoginEvent[]) => events.filter((e) => e.identityType.toLowerCase() === "root" && e.success);

/**
 * Since when root has had MFA without a break: the earliest enablement known, of a virtual device root holds
 * (ListVirtualMFADevices) or from root's EnableMFADevice events (any kind). The earliest is the strict choice: fewer
 * sign-ins without MFA count as "before". Undefined with a reason when it cannot be told.
 */
function rootMfaSince(input: CheckInput, now: Date): { at: Date; label: Phrase } | { at?: undefined; why: Phrase } {
  const failure = (r?: { code: string; action: string }) => (r ? phrase("failedOn", r.code, r.action) : "");
  if (!input.summary.ok) return { why: phrase("cannotTellMfa", failure(input.summary)) };
  if (!input.summary.value.accountMfaEnabled) return { why: phrase("rootWithoutMfa") };
  const virtual = input.devices.ok ? input.devices.value.filter((d) => isRootArn(d.userArn) && d.enabledAt).map((d) => d.enabledAt!) : [];
  const events = input.mfaEnablements?.ok ? input.mfaEnablements.value.map((e) => e.at) : [];
  const known = [...virtual, ...events].sort((a, b) => a.getTime() - b.getTime());
  if (known.length > 0) return { at: known[0]!, label: phrase("mfaEnabledAt", known[0]!.toISOString()) };
  // Root has MFA, no virtual device, and no enablement in CloudTrail's 90 days: its device is older than that.
  if (input.mfaEnablements?.ok) return { at: new Date(now.getTime() - HISTORY_DAYS * DAY), label: phrase("mfaEnabledLongAgo") };
  const failed = input.mfaEnablements && !input.mfaEnablements.ok ? input.mfaEnablements : undefined;
  return { why: phrase("cannotTellMfaSince", failure(failed)) };
}

// The alert judgement lives in alert-judgement.ts, shared with the alerts step; re-exported for check's callers.
export { catchesRootMfaRemoval, catchesRootSignIn } from "./alert-judgement.js";

const unknown = (r: { code: string; action: string }) => phrase("couldNotRead", r.code, r.action);

function ago(at: Date, now: Date): Phrase {
  const days = Math.floor((now.getTime() - at.getTime()) / DAY);
  if (days >= 1) return phrase("daysAgo", String(days));
  const hours = Math.floor((now.getTime() - at.getTime()) / 3_600_000);
  return hours >= 1 ? phrase("hoursAgo", String(hours)) : phrase("underAnHour");
}

const lastUse = (used: AccessKey["lastUsed"], now: Date) => (used ? phrase("lastUsed", ago(used.at, now), used.service, used.region) : phrase("neverUsed"));
const keyState = (active: boolean) => phrase(active ? "active" : "inactive");

/** A key id shown the way consoles abbreviate it: enough to recognise, not the whole id. */
const shortId = (id: string) => `${id.slice(0, 4)}…${id.slice(-3)}`;

/** Which keys and their last use: by id with root's credentials, else by the credential report's slots. */
function keyEvidence(input: CheckInput, now: Date): Phrase[] | Phrase | "" {
  if (input.rootKeys?.ok && input.rootKeys.value.length > 0) {
    return input.rootKeys.value.map((k) => phrase("keyById", shortId(k.id), keyState(k.status === "Active"), lastUse(k.lastUsed, now)));
  }
  if (!input.report.ok || input.report.value.keys.length === 0) return "";
  const slots = input.report.value.keys.map((k) => phrase("keyBySlot", String(k.slot), keyState(k.active), lastUse(k.lastUsed, now)));
  return phrase("fromCredentialReport", slots);
}

/** A row's control name with its ids, from the one table (controls.ts). */
const ids = <C extends CheckFinding["control"]>(control: C) => ({ control, ...AUDIT_IDS[control] });

export function assess(input: CheckInput, now: Date): { findings: CheckFinding[]; notes: string[] } {
  const live = "live";
  const reportAsOf = input.report.ok ? input.report.value.generatedAt.toISOString() : "unavailable";
  const findings: CheckFinding[] = [];
  const saidNotes: Phrase[] = [];
  // Evidence given as a phrase is kept in English for the JSON; the phrase rides along, unlisted (not enumerable:
  // JSON.stringify leaves it out), for the table and the Markdown in the run's language (check-render.ts).
  const add = ({ evidence, ...f }: Omit<CheckFinding, "asOf" | "evidence"> & { asOf?: string; evidence: string | Phrase }) => {
    const finding: CheckFinding = { asOf: live, ...f, evidence: typeof evidence === "string" ? evidence : say(evidence) };
    if (typeof evidence !== "string") Object.defineProperty(finding, "said", { value: evidence, enumerable: false });
    findings.push(finding);
  };

  // CIS 1.4: judged from the account summary, which is current; the report adds which key and its use.
  {
    const base = { ...ids("root-access-keys"), title: "No root access key" } as const;
    if (!input.summary.ok) add({ ...base, status: "unknown", evidence: unknown(input.summary), source: "iam:GetAccountSummary" });
    else {
      const present = input.summary.value.accountAccessKeysPresent;
      add({
        ...base,
        status: present ? "fail" : "pass",
        evidence: present ? phrase("rootHasKey", keyEvidence(input, now)) : "AccountAccessKeysPresent=0",
        source: "iam:GetAccountSummary",
      });
    }
  }

  // CIS 1.5 and 1.6: the summary flag, and whether any virtual device is assigned to root.
  const rootVirtual = input.devices.ok ? input.devices.value.filter((d) => isRootArn(d.userArn)) : undefined;
  {
    const base = { ...ids("root-mfa"), title: "MFA on the root user" } as const;
    if (!input.summary.ok) add({ ...base, status: "unknown", evidence: unknown(input.summary), source: "iam:GetAccountSummary" });
    else {
      const on = input.summary.value.accountMfaEnabled;
      add({ ...base, status: on ? "pass" : "fail", evidence: `AccountMFAEnabled=${on ? 1 : 0}`, source: "iam:GetAccountSummary" });
    }
  }
  {
    const base = { ...ids("root-hardware-mfa"), title: "Hardware MFA on the root user" } as const;
    if (!input.summary.ok || !rootVirtual) {
      const failed = !input.summary.ok ? input.summary : (input.devices as { code: string; action: string });
      add({ ...base, status: "unknown", evidence: unknown(failed), source: "iam:ListVirtualMFADevices" });
    } else if (!input.summary.value.accountMfaEnabled) {
      add({ ...base, status: "fail", evidence: phrase("noRootMfa"), source: "iam:GetAccountSummary" });
    } else if (rootVirtual.length > 0) {
      // AWS Config's rule: non-compliant while any virtual device can sign root in.
      add({ ...base, status: "fail", evidence: phrase("virtualOnRoot", rootVirtual.map((d) => d.serialNumber).join(", ")), source: "iam:ListVirtualMFADevices" });
    } else {
      add({
        ...base,
        status: "pass",
        evidence: phrase("hardwareOnly"),
        source: "iam:ListVirtualMFADevices",
      });
    }
  }

  // CIS 1.7: root's console sign-ins in CloudTrail's 90 days; with MFA each is expected (a sign-in test). Without
  // MFA it is a failure, unless it came before root's MFA was turned on: the owner signs in without MFA once to
  // turn it on (the wizard asks for exactly that), and that sign-in must not fail the audit for 90 days.
  {
    const base = { ...ids("root-use"), title: "Root used only with MFA (sign-ins, 90 days)" } as const;
    const source = "cloudtrail:LookupEvents (us-east-1)";
    if (!input.signins.ok) add({ ...base, status: "unknown", evidence: unknown(input.signins), source });
    else {
      const root = rootSignins(input.signins.value).sort((a, b) => b.at.getTime() - a.at.getTime());
      const withoutMfa = root.filter((e) => !e.mfaUsed);
      const last = root[0];
      const summary = root.length === 0 ? phrase("noRootSignin") : phrase("rootSignins", String(root.length), String(withoutMfa.length), ago(last!.at, now));
      if (withoutMfa.length === 0) add({ ...base, status: "pass", evidence: summary, source });
      else {
        const since = rootMfaSince(input, now);
        const after = since.at ? withoutMfa.filter((e) => e.at.getTime() >= since.at.getTime()) : withoutMfa;
        const before = withoutMfa.length - after.length;
        const detail = since.at ? phrase("signinsAround", summary, String(before), since.label, String(after.length)) : phrase("signinsUncounted", summary, since.why);
        add({
          ...base,
          status: after.length > 0 ? "fail" : "pass",
          evidence: detail,
          source: input.mfaEnablements ? `${source}: ConsoleLogin, EnableMFADevice` : source,
        });
      }
    }
  }

  // CIS 4.3 / CloudWatch.1 (related): an enabled EventBridge rule that tells someone when root signs in, and a
  // trail that brings the sign-in to EventBridge (without one the rule cannot fire).
  {
    const base = { ...ids("root-activity-alerts"), title: "Alert on root activity" } as const;
    if (!input.rules.ok) add({ ...base, status: "unknown", evidence: unknown(input.rules), source: "events:ListRules (us-east-1)" });
    else {
      const judged = judgeSignInAlerts(input.rules, input.topics ?? {}, input.trails, input.destinations);
      const source = "events:ListRules + sns:ListSubscriptionsByTopic + events:DescribeApiDestination (us-east-1) + cloudtrail:DescribeTrails";
      // What else is known: the MFA-removal alert, and whether a trail lets it fire.
      const mfaRule = input.rules.value.some(catchesRootMfaRemoval);
      // Each trail was read on its own: one that could not be read leaves the answer unknown, not false.
      const trail = input.trails?.ok ? trailsDeliver(input.trails.value) : undefined;
      // The trail that brings the events is named even when the rules fall short (the judgement names it on a pass).
      const delivering = input.trails?.ok ? input.trails.value.find(trailDeliversRootCalls) : undefined;
      const mfaAlert = phrase(mfaRule ? (trail === false ? "mfaRuleCannotFire" : "yes") : "no");
      const trailNote = delivering && !judged.trail ? phrase("trailNote", deliveringTrailPhrase(delivering)) : "";
      add({ ...base, status: judged.status, evidence: phrase("alertsWithMfaRemoval", judged.said, mfaAlert, trailNote), source });
    }
  }

  // CIS 1.2: a security contact, so that AWS can reach someone when the root user is in trouble.
  {
    const base = { ...ids("security-contact"), title: "Security alternate contact" } as const;
    if (!input.contact.ok) add({ ...base, status: "unknown", evidence: unknown(input.contact), source: "account:GetAlternateContact" });
    else if (!input.contact.value) add({ ...base, status: "fail", evidence: phrase("noContact"), source: "account:GetAlternateContact" });
    else
      add({
        ...base,
        status: "pass",
        evidence: phrase("contact", input.contact.value.name ?? "", input.contact.value.email ?? "?"),
        source: "account:GetAlternateContact",
      });
  }

  // CIS 1.7 asks that root not be used for daily work: some other identity must hold administrator rights.
  if (input.admins) {
    const base = { ...ids("admin-identity"), title: "An administrator other than root" } as const;
    const source = "iam:ListEntitiesForPolicy (AdministratorAccess)";
    if (!input.admins.ok) add({ ...base, status: "unknown", evidence: unknown(input.admins), source });
    else add({ ...base, status: input.admins.value.length > 0 ? "pass" : "fail", evidence: describeAdmins(input.admins.value), source });
  }

  // CIS 1.8 / IAM.15 and CIS 1.9 / IAM.16: the account password policy (no policy fails both).
  if (input.passwordPolicy) {
    const source = "iam:GetAccountPasswordPolicy";
    const length = { ...ids("password-min-length"), title: `Password policy: minimum length ${CIS_MIN_LENGTH} or more` } as const;
    const reuse = { ...ids("password-reuse"), title: `Password policy: prevents reuse (${CIS_REUSE_PREVENTION})` } as const;
    if (!input.passwordPolicy.ok) {
      for (const base of [length, reuse]) add({ ...base, status: "unknown", evidence: unknown(input.passwordPolicy), source });
    } else {
      const policy = input.passwordPolicy.value;
      const none = phrase("noPasswordPolicy");
      add({ ...length, status: meetsMinLength(policy) ? "pass" : "fail", evidence: policy ? `MinimumPasswordLength=${policy.minimumPasswordLength}` : none, source });
      add({
        ...reuse,
        status: meetsReusePrevention(policy) ? "pass" : "fail",
        evidence: policy ? (policy.passwordReusePrevention === undefined ? phrase("reuseNotSet") : `PasswordReusePrevention=${policy.passwordReusePrevention}`) : none,
        source,
      });
    }
  }

  if (input.report.ok) {
    saidNotes.push(phrase("credentialReportNote", reportAsOf));
  }
  // The notes in English for the JSON; their phrases, unlisted like the findings', for the run's language.
  const notes = saidNotes.map((p) => say(p));
  Object.defineProperty(notes, "said", { value: saidNotes, enumerable: false });
  return { findings, notes };
}

function exitCodeOf(findings: CheckFinding[]): 0 | 1 | 2 {
  const statuses = new Set<CheckStatus>(findings.map((f) => f.status));
  if (statuses.has("fail")) return 1;
  return statuses.has("unknown") ? 2 : 0;
}

export async function runCheck(account: Account, now: () => Date, version: string, simulated: boolean): Promise<CheckReport> {
  // Who is asking decides one extra read (root's keys by id, with root's long-term key only: from a root session
  // IAM refuses ListAccessKeys without UserName); it runs alongside the rest, not before it.
  const callerRead = read(() => account.getCaller(), "sts:GetCallerIdentity");
  const rootKeys = callerRead.then((c) => (c.ok && signsWithRootKey(c.value) ? read(() => account.listRootAccessKeys(), "iam:ListAccessKeys") : undefined));
  const [caller, posture, keys] = await Promise.all([
    callerRead,
    readPosture(
      account,
      now(),
      callerRead.then((c) => (c.ok ? partitionOf(c.value.arn) : "aws")),
    ),
    rootKeys,
  ]);
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
