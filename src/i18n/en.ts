// English: the message catalogue. Every sentence the operator reads comes from here (or ko.ts, which must
// have the same shape: TypeScript checks it). Functions take the values a sentence needs.
import type { ErrorCode } from "../aws/errors.js";
import type { CodePairProblem } from "../lib/totp.js";
import type { ControlId } from "../steps/controls.js";
import type { VerdictReason, VerdictState } from "../steps/types.js";

export const en = {
  cli: {
    usage: `rootlock — lock down the root user of an AWS account in one guided, verified pass

Usage: rootlock [options]            the wizard
       rootlock check [--json]       a non-interactive audit of the root user (exit 0 pass, 1 fail, 2 unknown)

Modes
  (default)            live: the AWS credentials found (environment, profile, SSO); with none, the simulated account
  --demo               the simulated account, for training and workshops (no AWS account needed)
  --dry-run            read the real account, send no write: every write is shown instead

Options
  --scenario NAME      a simulated account (implies --demo): new-account (default), clean, hardened, root-key
  --lang en|ko         language (default: from LANG)
  --profile NAME       AWS profile to use
  --region REGION      AWS region for regional calls (CloudTrail sign-ins are always read in us-east-1)
  --report PATH        where to write the evidence report (PATH.md and PATH.json; default: the current folder)
  -h, --help           this help
  -v, --version        the version

Keys in the wizard: Enter continue · Esc back · s skip · q quit · ? help`,
    badOption: (detail: string) => `${detail}\nSee: rootlock --help`,
    noTty: "The wizard needs an interactive terminal (a TTY) on standard input and output. Run it in a terminal window; for scripts and CI, use `rootlock check`.",
    unknownProfile: (profile: string, config: string, credentials: string) =>
      `No AWS profile named "${profile}" in ${config === credentials ? config : `${config} or ${credentials}`}. Check the name with \`aws configure list-profiles\`, or set it up with \`aws configure --profile ${profile}\` (or \`aws configure sso\`).`,
    reportWritten: (markdown: string, json: string) => `Evidence report: ${markdown} (and ${json})`,
    reportFailed: (code: string) => `The evidence report could not be written (${code}). Use --report PATH to choose a writable place.`,
    leftBehind: (ids: string) => `Could not undo on the way out: ${ids}. Delete it in the IAM console (Security credentials → MFA) or run rootlock again.`,
  },
  app: {
    name: "rootlock",
    modes: { simulated: "SIMULATED", live: "LIVE", "dry-run": "DRY RUN" },
    account: (id: string) => `account ${id}`,
    keys: { continue: "Enter continue", back: "Esc back", quit: "q quit", help: "? help", skip: "s skip" },
    noCredentials: "No AWS credentials found (no AWS_* variables, no profile): running on the simulated account.",
    helpTitle: "Keys",
    helpLines: [
      "Enter  continue, or confirm the change shown",
      "Esc    back: decline the change shown, or return to the previous step",
      "s      skip this step (it is reported as skipped)",
      "q      quit (anything half-done is undone first)",
      "Ctrl-C quit at once (anything half-done is undone first)",
      "Ctrl-K show an MFA secret key as text, beside its QR code",
      "?      show or hide this help",
    ],
    helpFooter: "Nothing is reported done until AWS shows it. A change you made that AWS has not shown yet is reported as unverified.",
    quitting: "Quitting: undoing what is half-done…",
  },
  steps: {
    preflight: "Preflight",
    "root-access-keys": "Root access keys",
    "root-mfa": "Root MFA",
    "operator-mfa": "Admin user MFA",
    "root-signin": "Sign-in test",
    summary: "Summary",
  } satisfies Record<ControlId | "preflight" | "summary", string>,
  /** The step list at the top of every screen: short, so it fits one line of an 80-column terminal. */
  stepsShort: {
    preflight: "Checks",
    "root-access-keys": "Root keys",
    "root-mfa": "Root MFA",
    "operator-mfa": "Admin MFA",
    "root-signin": "Sign-in",
    summary: "Summary",
  } satisfies Record<ControlId | "preflight" | "summary", string>,
  states: {
    verified: "verified",
    unverified: "done, not verified",
    failed: "failed",
    skipped: "skipped",
  } satisfies Record<VerdictState, string>,
  reasons: {
    "already-compliant": "already in place",
    "read-back-confirms": "read back from AWS",
    "not-visible-yet": "AWS has not shown the change yet",
    "operator-moved-on": "you moved on before AWS showed it",
    "operator-skipped": "you skipped it",
    "not-applicable": "not applicable to this caller",
    "permission-missing": "a permission is missing",
    "still-present": "AWS still shows a root access key",
    "signin-without-mfa": "root signed in WITHOUT MFA",
    "signin-failed": "only failed sign-ins were seen",
    "key-still-accepted": "AWS still accepts the deleted key",
    "dry-run": "dry run: shown, not sent",
    error: "an error stopped it",
  } satisfies Record<VerdictReason, string>,
  common: {
    waiting: (what: string) => `Waiting for AWS: ${what}`,
    elapsed: (time: string, reads: number) => `${time} elapsed, ${reads} read${reads === 1 ? "" : "s"}`,
    giveUp: "Esc: stop waiting (recorded as not verified)",
    confirmTitle: "rootlock will call:",
    confirmDryRun: "DRY RUN: this call is recorded, not sent.",
    wouldCall: "Dry run: rootlock would call",
    wouldVerify: (what: string) => `…and then verify: ${what}`,
    confirmKeys: "Enter: do it · Esc: not now",
    confirmAgain: "This cannot be undone. Press Enter once more to confirm · Esc: not now",
    done: "Enter: continue",
    evidence: "Read back:",
    retryKeys: "r: retry · s: skip this step · q: quit",
    outcomeUnknown: "AWS may have made this change before the answer was lost. rootlock reads the account before it sends anything again.",
  },
  errors: {
    AccessDenied: (action: string) => `AWS refused ${action}: this identity lacks the permission. Add "${action}" to its policy, or run rootlock as an identity that has it.`,
    InvalidAuthenticationCode: (_action: string) => "AWS did not accept the two codes. Wait for a fresh code, then type two consecutive codes.",
    EntityAlreadyExists: (_action: string) => "A device with that name already exists. Delete the unassigned one, or choose another name.",
    DeleteConflict: (action: string) => `AWS refused ${action} because the item is still in use (a key must be deactivated, a device unassigned, first).`,
    LimitExceeded: (_action: string) => "An AWS limit was reached (for example, eight MFA devices per user). Remove one you no longer use.",
    EntityTemporarilyUnmodifiable: (_action: string) => "AWS is still applying a recent change to this item. Wait a minute and retry.",
    NoSuchEntity: (action: string) => `AWS says the item no longer exists (${action}). It may have been removed already: retry to read the current state.`,
    InvalidClientTokenId: (_action: string) => "AWS rejects these credentials: the access key is unknown or was deleted. Use other credentials.",
    ExpiredToken: (_action: string) => "The AWS session has expired. Refresh it (for example `aws sso login`) and start rootlock again.",
    NoCredentials: (_action: string) =>
      "No usable AWS credentials (environment, profile or SSO session). Check with `aws sts get-caller-identity`, refresh the session (e.g. `aws sso login`), and start again.",
    Throttling: (action: string) => `AWS is throttling ${action}. Wait a few seconds and retry.`,
    NetworkError: (action: string) => `Could not reach AWS for ${action}: check the network, then retry.`,
    ServiceFailure: (action: string) => `AWS failed to answer ${action} (a server error). Retry in a moment.`,
    Unknown: (action: string) => `${action} failed unexpectedly. Retry, or skip this step.`,
  } satisfies Record<ErrorCode, (action: string) => string>,
  preflight: {
    title: "Who is calling, and where the root user stands",
    reading: "Reading the account…",
    caller: "Caller",
    account: "Account",
    callerKinds: { root: "root user (long-term access key)", "iam-user": "IAM user", "assumed-role": "IAM role", other: "other identity" },
    clock: (seconds: string) => `Clock offset to AWS: ${seconds} s`,
    clockOff: (seconds: string) =>
      `Your clock is ${seconds} s away from AWS's: authenticator codes will not match. Turn on automatic time (e.g. \`timedatectl set-ntp true\`) and start again.`,
    rootKeys: (present: boolean): string => (present ? "Root access keys: present" : "Root access keys: none"),
    rootMfa: (on: boolean): string => (on ? "Root MFA: enabled" : "Root MFA: not enabled"),
    orphans: (n: number) => `Unassigned virtual MFA devices: ${n}`,
    denied: (action: string) => `Not allowed to read: ${action}. The steps that need it will say so and end unverified; add it to this identity's policy for a full check.`,
    operatorMfa: (user: string, n: number) => `MFA on ${user}: ${n > 0 ? "enabled" : "not enabled"}`,
    plan: "rootlock will take you through:",
    planRoot: "You are signed in with root's own access key: the root keys step comes last, because deleting that key ends this session.",
    planRecommended: "You are not root: rootlock guides what only root can do in the console, and verifies it from here.",
  },
  rootKeys: {
    title: "Root access keys (CIS 1.4 / Security Hub IAM.4)",
    why: "A root access key gives full access, with no MFA: root should have none.",
    none: "The root user has no access keys.",
    table: { key: "Key", status: "Status", created: "Created", lastUsed: "Last used" },
    slot: (n: number) => `key ${n}`,
    signing: "(this session)",
    never: "never",
    lastUse: (when: string, service: string, region: string) => `${when} · ${service} · ${region}`,
    reportAge: (when: string) => `From the credential report made at ${when} (one every 4 hours at most).`,
    inactiveCounts: "An inactive key still counts (CIS): each key is deactivated, then deleted.",
    apiIntro: "rootlock will deactivate each key, read it back, then delete it. The key this session signs with goes last.",
    signingWarning: "This deletes the key rootlock is signing with: the session ends, and AWS rejecting the key is the proof.",
    consoleIntro: "Only root can delete root's keys, in the console, in another window:",
    consoleSteps: [
      "Sign in as root at https://console.aws.amazon.com/.",
      "Account menu (top right) → Security credentials.",
      "Access keys: for each key, Actions → Deactivate, then Actions → Delete.",
      "Back here, press Enter: rootlock checks that AWS shows no root key.",
    ],
    verifying: "no root access key in the account summary",
    confirmingAction: "the change to show in IAM",
    rejection: "AWS to reject the deleted key",
    verified: "AWS shows no root access key.",
    openStandIn: "c: open the console stand-in (simulated)",
  },
  rootMfa: {
    title: "Root MFA (CIS 1.5 / Security Hub IAM.9)",
    consoleOnly: "AWS lets only the root user turn on root MFA, in the console: rootlock guides each click and then checks IAM.",
    already: "Root MFA is already enabled.",
    hardware: "Root uses a hardware key or passkey (no virtual device): this also meets CIS 1.6 / IAM.6.",
    devices: (names: string) => `Virtual devices on root: ${names}`,
    orphan: (serial: string) => `An unassigned device ${serial} exists: the console would fail with "Entity already exists" until it is deleted.`,
    consoleSteps: [
      "Sign in as root at https://console.aws.amazon.com/ in a private browser window.",
      "Account menu (top right) → Security credentials → Multi-factor authentication (MFA) → Assign MFA device.",
      "Device name: any name you like (e.g. root-phone). Device: Authenticator app → Next.",
      "Show QR code, scan it with your authenticator app.",
      "MFA code 1: the code shown now. Wait for the code to change (the timer below). MFA code 2: the new code.",
      "Add MFA. Then come back here and press Enter: rootlock checks IAM.",
    ],
    timer: (s: number) => `Next code in ${s} s`,
    backup: "Recommended: add a second device as a backup (AWS allows up to eight, root included), e.g. a security key kept in a safe.",
    verifying: "root MFA in the account summary",
    verified: "AWS shows root MFA enabled.",
    openStandIn: "c: open the console stand-in (simulated)",
    hardwareAdvice: "CIS 1.6 / IAM.6 asks for a hardware device on root: a virtual device does not meet it. Add a security key or passkey later.",
  },
  userMfa: {
    title: (user: string) => `MFA for ${user} (CIS 1.10 / Security Hub IAM.5)`,
    why: "This admin user replaces root for daily work, so it needs MFA too. This one rootlock can set up by API.",
    already: (user: string) => `${user} already has MFA.`,
    notApplicable: "The caller is not an IAM user: there is no admin user of yours to enrol here.",
    creating: "Creating the virtual MFA device…",
    scan: "Scan this QR code with your authenticator app (Google Authenticator, Authy, 1Password, …):",
    secretFallback: "Or type this secret key into the app:",
    tooSmall: (cols: number, rows: number) => `The terminal is too small for the QR code (it needs ${cols}×${rows}). Enlarge it, or type the secret key below into your app.`,
    showSecret: "Ctrl-K: show the secret key as text",
    code1: "First code",
    code2: "Next code",
    codeHint: "Type the code shown now, then wait for the next one and type it too.",
    thenEnable: "…and then, once you have typed two codes that check out here:",
    enabling: "Enabling the device in IAM…",
    verifying: "the device on the user in IAM",
    verified: (user: string) => `AWS shows MFA enabled for ${user}.`,
    problems: {
      malformed: "A code is six digits: no letters, spaces or other characters.",
      "same-code": "Both codes are the same. Wait until the app shows a new code, and type that as the second.",
      "wrong-order": "The codes are in the wrong order: the first code must be the older one.",
      "too-old": "These codes are too old. Type the code the app shows now, then the next one.",
      "from-future": "These codes are from the future: the phone's clock is fast. Set it to automatic time.",
      "not-consecutive": "The codes are not consecutive: type one code, then the very next one the app shows.",
      "no-match": "A code matches nothing: scan this QR code again (not an older one), or set the phone's clock to automatic.",
    } satisfies Record<CodePairProblem, string>,
    discarding: "Removing the device rootlock created…",
    discarded: "The unfinished device was removed: nothing is left behind.",
  },
  signin: {
    title: "Sign-in test (CIS 1.7 / Security Hub IAM.20)",
    warning:
      "A root sign-in sets off other tools for a while: root-usage findings and alarms (Security Hub IAM.20, CloudWatch.1) and GuardDuty's RootCredentialUsage. Tell your security team before you start.",
    noMfa: "Root MFA is not enabled, so this test cannot pass yet: a sign-in now would be without MFA.",
    steps: [
      "Open a private (incognito) browser window, so your other sessions are not used.",
      "Go to https://console.aws.amazon.com/ → Root user → your account email → Next.",
      "Type the root password, then the code from your authenticator app.",
      "Once you see the console, sign out, and come back here.",
    ],
    start: "Enter: I am starting the sign-in now",
    began: (time: string) => `Test began at ${time}. Looking for a root sign-in with MFA in CloudTrail (us-east-1).`,
    latency: "CloudTrail usually shows a sign-in within about 5 minutes; it can take longer.",
    verifying: "the sign-in in CloudTrail",
    failuresSeen: (n: number) => `${n} failed root sign-in${n === 1 ? "" : "s"} seen since the test began.`,
    verified: "CloudTrail shows a root sign-in with MFA.",
    withoutMfa: "CloudTrail shows a root sign-in WITHOUT MFA: root MFA is not in force. Check the root MFA step.",
    openStandIn: "c: open the console sign-in stand-in (simulated)",
  },
  summary: {
    title: "Summary",
    control: "Control",
    ids: "CIS / Security Hub",
    state: "State",
    allVerified: "Every control is verified by a read from AWS.",
    someNot: "Not everything is verified: see the rows above. Run rootlock again to pick up where this left off.",
    exit: "Enter or q: exit",
  },
  standIn: {
    banner: "AWS console (simulated stand-in for training)",
    back: "Esc: back to rootlock",
    keys: {
      title: "Security credentials → Access keys",
      actions: "↑↓ choose a key · d deactivate · a activate · x delete",
      deleteConfirm: (id: string) => `Delete ${id}? To confirm, type the access key ID:`,
      mismatch: "The text does not match the access key ID.",
      empty: "No access keys.",
      deactivateFirst: "Before you can delete an access key, you must make it inactive.",
      failed: "The console could not do that. Try again.",
    },
    mfa: {
      title: "Assign MFA device",
      deviceName: "Device name",
      deviceNameHint: "Up to 128 letters, digits and + = , . @ - _",
      deviceKind: "MFA device: Authenticator app",
      setup: "Set up device",
      scan: "Show QR code: scan it with the authenticator app on your phone.",
      showSecret: "Ctrl-K: Show secret key",
      code1: "MFA code 1",
      code2: "MFA code 2",
      add: "Enter on MFA code 2: Add MFA",
      added: "MFA device assigned.",
      alreadyExists: "Entity already exists: MFADevice entity at the same path and name already exists.",
      invalidCode: "Invalid authentication code: enter two consecutive codes from your app.",
    },
    signin: {
      title: "Root user sign in",
      email: "Email: owner@example.com",
      password: "Password: ••••••••••••",
      mfa: "MFA code",
      mfaNone: "No MFA on root: press Enter to sign in with the password alone.",
      success: "Signed in to the console. You may close it.",
      failure: "Your authentication information is incorrect. Please try again.",
      trainingCode: (code: string) => `Training aid: this simulated root device shows ${code} right now.`,
    },
  },
};

export type Messages = typeof en;
