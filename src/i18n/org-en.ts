// English: the catalogue of `rootlock org`. A section of its own, loaded only when `rootlock org` runs (the wizard,
// --help and `check` never load it). org-ko.ts has the same shape (TypeScript checks it).
import type { Missing } from "../steps/org/readiness.js";
import type { AccountState, FailureReason } from "../steps/org/types.js";
import type { ScpEffect } from "../aws/scp.js";
import type { KeyName } from "../screens/keys.js";

export const orgEn = {
  title: "rootlock org — every member account's root, from one place",
  /** The simulated organization's mark beside the title (the wizard's says "simulated account" in Korean: this is an organization). */
  badge: "SIMULATED",
  demo: "Simulated organization (demo): nothing is sent to AWS.",
  readiness: {
    heading: "Readiness",
    caller: (arn: string, role: string) => `Caller: ${arn} (${role})`,
    roles: { management: "management account", "delegated-admin": "delegated administrator for IAM", member: "a member account" } as Record<string, string>,
    noOrganization: "This account is in no AWS organization: `rootlock org` needs one. Run the wizard (`rootlock`) for this account.",
    notAllowed:
      "This caller is neither the management account nor the delegated administrator for IAM, so AWS refuses it AssumeRoot. Run `rootlock org` from the management account, or register this account as IAM's delegated administrator there.",
    ready: "Ready: centralized root access is on, and this caller may use it.",
    missing: {
      organization: "No organization",
      "all-features": "The organization does not have all features (consolidated billing only)",
      "trusted-access": "IAM has no trusted access in the organization",
      RootCredentialsManagement: "IAM's root credentials management is off",
      RootSessions: "IAM's privileged root actions (root sessions) are off",
    } satisfies Record<Missing, string>,
    whoFixes: {
      "management-account": "Only the management account can turn it on.",
      console: "Only the management account can do it, in the Organizations console (every member account must approve).",
    } as Record<string, string>,
    offer: (call: string) => `Send ${call}? [y/N] `,
    fixed: (call: string) => `${call}: sent, and read back: on.`,
    notFixed: (call: string, code: string) => `${call}: ${code}. Nothing else was changed.`,
    notVerified: (call: string) => `${call}: sent, but the read-back does not show it yet. Run rootlock org again in a minute.`,
    cannotAudit: "Centralized root access is not ready, so no member account was audited.",
  },
  unknownAccounts: (ids: string) => `Not in this organization: ${ids}.`,
  audit: {
    heading: (n: number) => `Audit of ${n} accounts (AssumeRoot with IAMAuditRootUserCredentials, one short session per account)`,
    progress: (done: number, total: number, pool: number, eta: string) => `${done}/${total} accounts · ${pool} at a time · ${eta}`,
    eta: (seconds: number) => (seconds < 1 ? "finishing" : `about ${Math.ceil(seconds)} s left`),
    counts: (parts: string) => `Counts: ${parts}`,
    resumed: (n: number) => `${n} accounts were already done in the journal: not audited again.`,
  },
  states: {
    "credential-less": "credential-less",
    holds: "holds credentials",
    verified: "verified credential-less",
    "still-holds": "still holds credentials",
    failed: "failed",
    skipped: "skipped",
  } satisfies Record<AccountState, string>,
  head: { account: "Account", name: "Name", state: "State", detail: "Detail" },
  holds: (password: boolean, keys: number, mfa: number, certs: number) =>
    [
      password ? "password" : "",
      keys ? `${keys} access key${keys > 1 ? "s" : ""}` : "",
      mfa ? `${mfa} MFA device${mfa > 1 ? "s" : ""}` : "",
      certs ? `${certs} certificate${certs > 1 ? "s" : ""}` : "",
    ]
      .filter(Boolean)
      .join(", "),
  skip: {
    management: "the management account: AssumeRoot cannot target it; run the wizard (`rootlock`) there",
    "not-active": (state: string) => `${state}: only ACTIVE accounts are audited`,
  },
  failures: {
    scp: (action: string) => `${action} denied by a service control policy`,
    "region-disabled": "STS is not active in this region for the account (RegionDisabled): enable the region, or run with --region of one it has",
    throttled: "AWS kept throttling after every retry: run again later (--resume continues)",
    expired: "the root session expired twice before its work was done",
    "access-denied": (action: string) => `${action}: access denied (not by an SCP)`,
    other: (action: string, code: string) => `${action}: ${code}`,
  } satisfies Record<FailureReason, unknown>,
  scp: {
    effect: {
      protects: "protects member roots and exempts AssumeRoot sessions",
      "blocks-assume-root": "denies root's actions with no aws:AssumedRoot exemption: it blocks AssumeRoot's work",
      neutral: "does not concern the root user",
      unknown: "rootlock cannot tell (a condition it does not evaluate)",
    } satisfies Record<ScpEffect, string>,
    line: (name: string, id: string, effect: string) => `SCP ${name} (${id}): ${effect}`,
    exemption:
      'An AssumeRoot session is the member\'s root, and its requests carry aws:AssumedRoot = "true". To deny real root sign-ins but let centralized root access work, add to the deny statement: "Null": {"aws:AssumedRoot": "true"}.',
    unreadable: "The SCP's document could not be read by this caller.",
  },
  plan: {
    heading: (accounts: number, calls: number) =>
      `Plan: ${calls} calls in ${accounts} accounts (AssumeRoot with IAMDeleteRootUserCredentials, then a read-back with the audit policy)`,
    account: (id: string, name: string) => `${id} ${name}`,
    confirmAll: "Send all of them? [a]ll, [e]ach account in turn, [n]one: ",
    confirmOne: (id: string) => `Send the calls for ${id}? [y/N] `,
    none: "Nothing to remove: every audited root is credential-less.",
    declined: "Nothing was sent.",
  },
  results: {
    heading: "Results",
    notStarted: (n: number) => `${n} accounts were not started (stopped). Run again with --resume to continue.`,
    interrupted: "Stopped: the accounts in flight finished, nothing new was started. The journal says what each account's last call did.",
  },
  report: {
    written: (markdown: string, json: string) => `Evidence report: ${markdown} (and ${json})`,
    failed: (code: string) => `The evidence report could not be written (${code}). Use --report PATH to choose a writable place.`,
    journal: (path: string) => `Journal: ${path}`,
    title: "rootlock org — evidence",
    organization: "Organization",
    caller: "Caller",
    checked: "Checked",
    exit: "Exit status",
    read: "read",
    write: "changed",
    "read-back": "read back",
  },
  recover: {
    notVerified: (id: string) =>
      `CreateLoginProfile was answered, but the read-back shows no password on ${id}'s root yet: run \`rootlock org recover ${id}\` again in a minute.`,
    notMember: (id: string) => `${id} is not an ACTIVE member account of this organization (or is the management account).`,
    has: (id: string) => `${id}'s root already has a password: nothing to do. Its owner can use "Forgot password" at sign-in.`,
    confirm: (call: string, id: string) => `In ${id}, as its root (AssumeRoot with IAMCreateRootUserPassword): ${call}. Send? [y/N] `,
    done: (id: string, email: string) =>
      `Done, and read back: ${id}'s root has a password no one knows. Now the root email's owner (${email}):\n  1. opens https://console.aws.amazon.com/ and chooses "Root user", enters ${email};\n  2. chooses "Forgot password?" and follows the link AWS emails;\n  3. sets a new password, signs in, and adds MFA at once (rootlock's wizard guides it).`,
    failed: (code: string, action: string) => `${action}: ${code}. Nothing else was changed.`,
  },
  guard: {
    heading: "Guard rails: SCPs over member roots",
    protectedBy: (n: number, total: number) => `${n} of ${total} audited accounts are under an SCP that protects member roots.`,
    none: "No SCP protects member roots. `rootlock org scp` prints one as JSON; rootlock never attaches it: attach it in the Organizations console, to the OUs you choose.",
  },
  screen: {
    stopping: "Stopping: the accounts in flight finish and are journaled; nothing new starts.",
    offer: (call: string) => `Send ${call}?`,
    confirmPlan: "Send every call above (each account in its own session, then read back)?",
    confirmAccount: (id: string, calls: string) => `Send the calls for ${id}: ${calls}?`,
    keyNotTaken: "Not taken: too soon, or a key held down. Read the question, then press again.",
  },
  /** The run's end on the screen (and in the report): done only when every account covered is credential-less. */
  end: {
    done: (verified: number, already: number) =>
      `Done: every member account covered is credential-less, read from AWS (${verified} after the removal, ${already} already).`,
    notDone: (n: number, total: number, parts: string) => `Not done: ${n} of ${total} member accounts are not verified credential-less: ${parts}.`,
    parts: {
      failed: (n: number, why: string) => `${n} failed (${why})`,
      stillHolds: (n: number) => `${n} still hold credentials after the removal`,
      notRemoved: (n: number) => `${n} not changed (declined)`,
      notStarted: (n: number) => `${n} not started`,
    },
    reasons: {
      scp: (n: number) => `${n} denied by an SCP`,
      "region-disabled": (n: number) => `${n} region disabled`,
      throttled: (n: number) => `${n} throttled`,
      expired: (n: number) => `${n} session expired`,
      "access-denied": (n: number) => `${n} access denied`,
      other: (n: number) => `${n} other error`,
    } satisfies Record<FailureReason, (n: number) => string>,
    notSent: (holds: string) => `${holds}: nothing was sent (declined)`,
    notStarted: "not started (stopped)",
    more: (n: number) => `… ${n} more: every account is in the evidence report`,
    forward: "What to do:",
    fixScp: (name: string, id: string) =>
      `Exempt AssumeRoot sessions in SCP ${name} (${id}): add "Null": {"aws:AssumedRoot": "true"} to its deny statement (\`rootlock org scp\` prints an SCP that has it).`,
    checkScp: (name: string, id: string) => `Check SCP ${name} (${id}): rootlock cannot tell whether it exempts AssumeRoot sessions (aws:AssumedRoot).`,
    findScp: 'An SCP denied root\'s work: exempt AssumeRoot sessions in the SCP above these accounts that denies it ("Null": {"aws:AssumedRoot": "true"}).',
    fixRegion: "RegionDisabled: enable the region in these accounts, or run with --region of a region they have.",
    fixLater: "Throttled, or the session expired: run again later.",
    fixAccess: (actions: string) => `Access denied (not by an SCP): give the caller ${actions}.`,
    fixOther: "Other errors: each account's calls and answers are in the evidence report.",
    fixStillHolds: "IAM can show a removal late: run again in a minute (each root is read first; only what is left is planned).",
    fixNotRemoved: "Declined: run again and confirm the plan to remove what they hold.",
    again: (command: string) => `Then run again for these accounts alone: ${command}`,
    againMany: (n: number, command: string) => `Then run again for these ${n} accounts alone: ${command} --accounts and their ids (in the evidence report).`,
    skipped: (parts: string) => `Not covered: ${parts}.`,
    skippedManagement: "the management account (AssumeRoot cannot target it: run `rootlock` there)",
    skippedInactive: (n: number) => `${n} account${n > 1 ? "s" : ""} not ACTIVE`,
    leave: (code: number) => `Enter writes the evidence report and leaves (exit status ${code}).`,
    heading: "How the run ended",
  },
  evidence: {
    ok: "ok",
    gone: "already gone (NoSuchEntity)",
    minted: "ExpiredToken: minted again",
    found: (password: boolean, accessKeys: number, mfaDevices: number, certificates: number) =>
      `password: ${password ? "yes" : "no"}, access keys: ${accessKeys}, MFA devices: ${mfaDevices}, signing certificates: ${certificates}`,
  },
  exitHint: "Exit status: 0 all credential-less, 1 findings, 2 could not audit every account.",
  /** The footer's labels where the org screen's key means something else than the wizard's (the rest: app.keys). */
  keys: { continue: "Enter leave" } as Partial<Record<KeyName, string>>,
  /** The ? help of the org screen: each key it takes, with what it does in the phase at hand (only what is true). */
  keyHelp: {
    title: "Keys",
    send: "y       send the call shown (or every call of the plan shown)",
    decline: "n       do not send it",
    eachAccount: "e       confirm the plan one account at a time",
    continue: "Enter   write the evidence report and leave",
    help: "?       show or hide this help",
    quitBefore: "q       quit now (exit status 3): nothing more is sent, and no member account's root has been changed",
    quitAudit:
      "q       stop the audit (exit status 3): no account starts; the ones under way finish and are journaled. `rootlock org --resume` goes on without auditing again what the journal has as done",
    quitRemoval:
      "q       stop the removal (exit status 3): no account starts; each one under way finishes its calls and its read-back and is journaled; the others are not touched. `rootlock org --resume` goes on without redoing what the journal has as done",
    quitEnd: "q       leave, as Enter does",
    interrupt: "Ctrl-C  as q, with exit status 130",
    footer: "Every call is journaled as it is made; the evidence report is written when rootlock leaves, however it ends.",
  },
  /** `rootlock org --help`: lines of at most 80 columns. */
  usage: `rootlock org — every member account's root, from the management account (or
IAM's delegated administrator), through AssumeRoot's task-scoped sessions

Usage: rootlock org [options]          audit every member root, remove what it
                                       holds (the plan confirmed first), and
                                       read each root back
       rootlock org check [--json]     the audit alone: nothing is changed
       rootlock org recover ACCOUNT    give ACCOUNT's root a password no one
                                       knows, for its owner's "Forgot password"
       rootlock org scp                print an SCP that protects member roots
                                       (with the AssumeRoot exemption), as JSON

Options
  --accounts IDS     only these member accounts (12-digit ids, comma-separated)
  --ou IDS           only the accounts under these OUs (ou-… or r-…, commas)
  --json             with check: the audit as JSON on standard output
  --resume           go on from the journal: what it has as done is not redone
  --journal PATH     the journal (default: ./rootlock-org-journal.jsonl)
  --report PATH      where to write the evidence report (default: this folder)
  --demo             a simulated organization of 60 accounts: nothing is sent
  --profile NAME     the AWS profile: the management account's, or the IAM
                     delegated administrator's
  --region REGION    AssumeRoot's STS region (default: AWS_REGION or us-east-1)
  --lang en|ko       language (default: from LANG)
  -h, --help         this help

Keys: y send · n do not send · e account by account · Enter leave · q quit
      ? help (the keys of the moment) · Ctrl-C quit

Exit status
  0    every member account covered is credential-less (recover, scp: done)
  1    credentials remain: found by check, declined, or still there after
       the removal (recover: declined, or not read back yet)
  2    an account could not be audited or changed, the organization is not
       ready, no credentials, or a wrong command line
  3    quit with q before the end
  130  Ctrl-C`,
};

export type OrgMessages = typeof orgEn;
