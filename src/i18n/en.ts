// English: the message catalogue. Every sentence the operator reads comes from here (or ko.ts, which must
// have the same shape: TypeScript checks it). Functions take the values a sentence needs.
import type { ErrorCode } from "../aws/errors.js";
import { CONSOLE_DEVICE_NAME_MAX } from "../aws/names.js";
import type { CodePairProblem } from "../lib/totp.js";
import type { KeyName } from "../screens/keys.js";
import { AUDIT_IDS, CONTROL_IDS, type ControlId, HARDWARE_MFA_IDS, idsInTitle, idsShort } from "../steps/controls.js";
import type { VerdictReason, VerdictState } from "../steps/types.js";
import type { CheckFinding } from "../check-schema.js";
import { evidenceEn } from "./evidence-en.js";
import { reportEn } from "./report-en.js";

type CheckControl = CheckFinding["control"];

/** A control's ids in a title, from the one table (steps/controls.ts). */
const titleIds = (control: ControlId) => idsInTitle(CONTROL_IDS[control], (related) => `${related}, related`);

export const en = {
  cli: {
    usage: `rootlock — lock down an AWS account's root user in one guided, verified pass

Usage:
  rootlock [options]
      the wizard
  rootlock check [--json] [--report PATH]
      a non-interactive audit of the root user (exit 0 pass, 1 fail, 2 unknown
      or could not audit); it needs AWS credentials, or --demo for the
      simulated account
  rootlock alerts
      only the root-activity alerts step (SNS email, EventBridge rules, trail)
  rootlock policy [--check|--wizard] [--dry-run]
      print the least-privilege IAM policy for check (default) or the wizard
  rootlock org [check [--json] | recover ACCOUNT | scp]
               [--accounts IDS] [--ou IDS] [--journal PATH] [--resume]
      every member account's root, from the management account (or IAM's
      delegated administrator): audit (check: exit 0 all credential-less,
      1 findings, 2 could not audit), remove, verify; --demo: a simulated one.
      --journal PATH: the file where each call made for an account is written
      as it is made, a JSON line each (default: rootlock-org-journal.jsonl in
      the current folder); --resume reads it and skips the accounts done

Modes
  (default)        live: the AWS credentials found (environment, profile,
                   SSO); with none, the simulated account
  --demo           the simulated account, for training and workshops (no AWS
                   account needed); it is kept between runs (and read by
                   check --demo) in ~/.local/state/rootlock or $XDG_STATE_HOME
  --reset          with --demo: start the simulated account over
  --dry-run        read the real account, send no write: every write is shown

Options
  --scenario NAME  a simulated account (implies --demo): new-account (default),
                   clean, hardened, root-key
  --lang en|ko     language (default: from LANG)
  --profile NAME   AWS profile to use
  --region REGION  AWS region for regional calls (CloudTrail sign-ins are
                   always read in us-east-1)
  --topic NAME     the SNS topic for root-activity alerts
                   (default: rootlock-root-activity)
  --report PATH    where to write the evidence report: into a folder (default:
                   the current folder), or as PATH.md and PATH.json;
                   with check: the audit as PATH.json and PATH.md (default:
                   none)
  -h, --help       this help
  -v, --version    the version

Keys in the wizard: Enter continue · Esc back · s skip · q quit · ? help`,
    badOption: (detail: string) => `${detail}\nSee: rootlock --help`,
    /** Why a command line is refused (options.ts's Refusal), each said here so that --lang ko says it in Korean. */
    refusals: {
      missingValue: (option: string) => `${option} needs a value after it.`,
      takesNoValue: (option: string) => `${option} is a switch: it takes no value.`,
      choices: (option: string, given: string, choices: string) => `${option}: "${given}" is not one of ${choices}.`,
      shapes: {
        region: "a region looks like us-east-1",
        topic: "a topic name has 1-256 letters, digits, - or _",
        accounts: "account ids are 12 digits, separated by commas",
        ou: "an OU id looks like ou-ab12-cd34ef56 (or a root, r-ab12); separate several with commas",
      },
      demoProfile: "The simulated account (--demo, --scenario) takes no --profile.",
      unknownCommand: (typed: string) => `Unknown command "${typed}": the commands are "check", "alerts", "policy" and "org" (or none, for the wizard).`,
      unknownOrgCommand: (typed: string) =>
        `Unknown command "org ${typed}": it is \`rootlock org\`, \`rootlock org check\`, \`rootlock org recover ACCOUNT\` or \`rootlock org scp\`.`,
      notAnAccount: (typed: string) => `"${typed}" is not an account id (12 digits).`,
      goesWith: (option: string, where: string) => `${option} goes with ${where}.`,
      belongs: { org: "`rootlock org`", orgCheck: "`rootlock org check`", check: "`rootlock check`", wizardOrAlerts: "the wizard or `rootlock alerts`" },
      resetNeedsDemo: "--reset goes with --demo or --scenario: it starts the simulated account over.",
      policyFlags: "--check and --wizard go with `rootlock policy`.",
      onePolicy: "`rootlock policy` prints one policy: --check or --wizard, not both.",
      orgTakes: "`rootlock org` takes --demo, --profile, --region, --accounts, --ou, --resume, --journal, --report, --lang and, with check, --json.",
    },
    unknownOption: (option: string, known: string) => `rootlock has no option ${option}. Its options: ${known}.\nSee: rootlock --help`,
    noTty: "The wizard needs an interactive terminal (a TTY) on standard input and output. Run it in a terminal window; for scripts and CI, use `rootlock check`.",
    unknownProfile: (profile: string, config: string, credentials: string) =>
      `No AWS profile named "${profile}" in ${config === credentials ? config : `${config} or ${credentials}`}. Check the name with \`aws configure list-profiles\`, or set it up with \`aws configure --profile ${profile}\` (or \`aws configure sso\`).`,
    checkNoCredentials: (config: string, credentials: string) =>
      `rootlock check found no AWS credentials (no AWS_ACCESS_KEY_ID, AWS_PROFILE, web identity or container variables, and no profile in ${config} or ${credentials}), so it audited nothing. Give it credentials (for example --profile NAME), or run \`rootlock check --demo\` to audit the simulated account.`,
    /** `rootlock org` and `rootlock org check` (`command`) with no credentials: the organization's own way forward. */
    orgNoCredentials: (command: string, config: string, credentials: string) =>
      `${command} found no AWS credentials (no AWS_ACCESS_KEY_ID, AWS_PROFILE, web identity or container variables, and no profile in ${config} or ${credentials}), so it did nothing. Give it the management account's credentials (for example --profile NAME), or run \`${command} --demo\` on the simulated organization.`,
    reportWritten: (markdown: string, json: string) => `Evidence report: ${markdown} (and ${json})`,
    reportFailed: (code: string) => `The evidence report could not be written (${code}). Use --report PATH to choose a writable place.`,
    leftBehind: (ids: string) =>
      `Could not undo on the way out: ${ids}. Remove it in the IAM console (an MFA device: IAM → Multi-factor authentication devices; a user or group: IAM → Users or User groups), or run rootlock again.`,
  },
  app: {
    name: "rootlock",
    modes: { simulated: "SIMULATED", live: "LIVE", "dry-run": "DRY RUN" },
    account: (id: string) => `account ${id}`,
    /** The footer: each key that works on the screen at hand, named by what it does (screens/keys.ts). */
    keys: {
      continue: "Enter continue",
      back: "Esc back",
      confirm: "Enter do it",
      notNow: "Esc not now",
      deleteTyped: "Enter delete the key",
      stopWaiting: "Esc stop waiting",
      checkAgain: "Esc check again",
      useName: "Enter use this name",
      keepName: "Esc keep the previous name",
      notChecked: "Enter not checked",
      exit: "Enter exit",
      otherField: "Tab other code",
      select: "↑↓ choose a key",
      skip: "s skip",
      retry: "r retry",
      openStandIn: "c open the console (simulated)",
      showSecret: "Ctrl-K secret key as text",
      showQr: "Ctrl-R QR code",
      typeCodes: "Enter type the codes",
      changeName: "n another device name",
      newAdmin: "n make another admin",
      addOwnAlerts: "a add rootlock's alerts too",
      toggleApiCalls: "a API-call alert on/off",
      toggleReadOnly: "r read-only calls on/off",
      toggleTrail: "t trail on/off",
      sendTest: "t send a test message",
      openMailbox: "m open the mailbox (simulated)",
      webhook: "w webhook (Slack)",
      approveAll: "a yes to all",
      yes: "y it arrived",
      no: "n it did not",
      deactivateKey: "d deactivate",
      activateKey: "a activate",
      deleteKey: "x delete",
      send: "y send",
      decline: "n do not send",
      eachAccount: "e account by account",
      quit: "q quit",
      help: "? help",
      interrupt: "Ctrl-C quit",
    } satisfies Record<KeyName, string>,
    /** The ? help: the same keys, each with a sentence. */
    keyHelp: {
      continue: "Enter   continue",
      back: "Esc     back: return to the previous step or page",
      confirm: "Enter   make the change shown",
      notNow: "Esc     decline the change shown: it and the ones after it are not sent",
      deleteTyped: "Enter   delete the access key whose ID you typed (simulated console)",
      stopWaiting: "Esc     stop waiting for AWS: the step is recorded as not verified",
      checkAgain: "Esc     back to the console steps, then check again",
      useName: "Enter   use the device name typed",
      keepName: "Esc     keep the previous device name",
      notChecked: "Enter   go on without answering: the alert is recorded as not checked",
      exit: "Enter   end the run (q too)",
      otherField: "Tab     move to the other code field",
      select: "↑ ↓     choose an access key in the list",
      skip: "s       skip this step (it is reported as skipped)",
      retry: "r       try the failed call again",
      openStandIn: "c       open the simulated AWS console, to do the console's part here",
      showSecret: "Ctrl-K  show the MFA secret key as text, beside its QR code",
      showQr: "Ctrl-R  show the QR code alone, on the whole terminal (a small terminal cannot hold it beside the code fields)",
      typeCodes: "Enter   leave the QR code and type the two codes (Ctrl-R too)",
      changeName: "n       choose another name for the root MFA device",
      newAdmin: "n       make another admin user anyway",
      addOwnAlerts: "a       add rootlock's root-activity alerts beside the account's own",
      toggleApiCalls: "a       alert on every root API call too, or on sign-ins only",
      toggleReadOnly: "r       the API-call alert also takes read-only calls, or write calls only",
      toggleTrail: "t       create a trail, or set up rules that cannot fire until one exists",
      sendTest: "t       send a test message through the alert topic",
      openMailbox: "m       open the simulated mailbox and click the confirmation link",
      webhook: "w       add, change or remove the Slack (or other HTTPS) webhook; on the result, send it a test message",
      approveAll: "a       approve this change and every one after it in the plan (a deletion still asks on its own)",
      yes: "y       the alert email arrived",
      no: "n       the alert email did not arrive",
      deactivateKey: "d       deactivate the chosen access key",
      activateKey: "a       activate the chosen access key again",
      deleteKey: "x       delete the chosen access key (deactivate it first)",
      send: "y       rootlock org: send the call shown (or every call of the plan shown)",
      decline: "n       rootlock org: do not send it",
      eachAccount: "e       rootlock org: confirm the plan one account at a time",
      quit: "q       quit (anything half-done is undone first)",
      help: "?       show or hide this help",
      interrupt: "Ctrl-C  quit at once (anything half-done is undone first)",
    } satisfies Record<KeyName, string>,
    noCredentials: "No AWS credentials found (no AWS_* variables, no profile): running on the simulated account.",
    demoResumed: "The simulated account is as your last run left it. To start over: rootlock --demo --reset.",
    helpTitle: "Keys",
    helpFooter: "Nothing is reported done until AWS shows it. A change you made that AWS has not shown yet is reported as unverified.",
    quitting: "Quitting: undoing what is half-done…",
    stopped: "rootlock stopped. Run it again to go on: it reads the account first.",
    undoneOnTheWayOut: (what: string) =>
      `On the way out, rootlock deleted what it had made and not finished: ${what}. AWS accepted each deletion; nothing else was changed on the way out.`,
  },
  steps: {
    preflight: "Preflight",
    "root-access-keys": "Root access keys",
    "root-mfa": "Root MFA",
    "operator-mfa": "Admin user MFA",
    "password-policy": "Password policy",
    "admin-identity": "Admin identity",
    "root-alerts": "Root activity alerts",
    "root-signin": "Sign-in test",
    summary: "Summary",
  } satisfies Record<ControlId | "preflight" | "summary", string>,
  /** The step list at the top of every screen: short, so it fits one line of an 80-column terminal. */
  /** Long lists in a short terminal (BoundedList): what is left out above the lines shown. */
  bounded: {
    moreSettings: (n: number) => `… ${n} more settings above`,
    more: (n: number) => `… ${n} more above`,
    moreInReport: (n: number) => `… ${n} more above (all of them in the evidence report)`,
  },
  stepsShort: {
    preflight: "Checks",
    "root-access-keys": "Root keys",
    "root-mfa": "Root MFA",
    "operator-mfa": "Admin MFA",
    "password-policy": "Passwords",
    "admin-identity": "Admin",
    "root-alerts": "Alerts",
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
    "subscription-pending": "in place, but the email subscription is not confirmed: nothing is delivered yet",
    "no-trail": "rules in place, but no trail logs management events: they cannot fire",
    declined: "you declined a change: it and the ones after it were not sent",
    "not-reached": "not reached: the run ended before this step",
    interrupted: "the run ended during this step (anything half-done was undone)",
    error: "an error stopped it",
  } satisfies Record<VerdictReason, string>,
  common: {
    waiting: (what: string) => `Waiting for AWS: ${what}`,
    elapsed: (time: string, reads: number) => `${time} elapsed, ${reads} read${reads === 1 ? "" : "s"}`,
    confirmTitle: "rootlock will call:",
    confirmDryRun: "DRY RUN: this call is recorded, not sent.",
    wouldCall: "Dry run: rootlock would call",
    wouldVerify: (what: string) => `…and then verify: ${what}`,
    confirmAgain: "This cannot be undone: press Enter once more to confirm.",
    keyNotTaken: "Not taken: too soon, or a key held down. Read the call, then press again.",
    done: "Enter: continue",
    /** On a "done, not verified" result of a step done in the console: back to its instructions, to check again. */
    /** The first confirmation of a plan of several calls lists them all. */
    planTitle: (n: number) => `change 1 of ${n} — the whole plan, in this order`,
    /** Where a plan is: which change of how many. */
    progress: (i: number, n: number) => `change ${i} of ${n}`,
    /** What the confirm panel shows where a secret goes (operations.ts PLACEHOLDERS). */
    placeholders: { password: "(generated, shown once)", firstCode: "(first code)", nextCode: "(next code)" },
    /** `n`: this call and the ones after it. */
    approveAll: (n: number) => `Yes to all sends the ${n} calls one after another (a deletion still asks).`,
    leftBehind: (items: string) => `Made before that, left in the account: ${items}`,
    evidence: "Read back:",
    retryKeys: "r: retry · s: skip this step · q: quit",
    outcomeUnknown: "AWS may have made this change before the answer was lost. rootlock reads the account before it sends anything again.",
  },
  errors: {
    AccessDenied: (action: string) =>
      `AWS refused ${action}: this identity lacks the permission. Add "${action}" to its policy, or run rootlock as an identity that has it.`,
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
    PasswordPolicyViolation: (_action: string) => "AWS refused the password: it does not meet the account's password policy.",
    Unknown: (action: string) => `${action} failed unexpectedly. Retry, or skip this step.`,
    InvalidParameter: (action: string) => `AWS refused a value in ${action} (for example an address or a name it does not accept). Check it and retry.`,
    BucketAlreadyExists: (_action: string) =>
      "That S3 bucket name is taken by another AWS account (bucket names are global). Skip the trail, or create one with another bucket in the console.",
    InsufficientS3BucketPolicy: (_action: string) =>
      "CloudTrail cannot write to the bucket: its policy does not let cloudtrail.amazonaws.com write. Retry once the bucket policy shows.",
  } satisfies Record<ErrorCode, (action: string) => string>,
  /** `rootlock check`'s table and Markdown (the JSON keeps its English keys and titles). */
  check: {
    head: { control: "Control", cis: "CIS v3.0", securityHub: "Security Hub", status: "Status", evidence: "Evidence", source: "Source" },
    status: { pass: "PASS", fail: "FAIL", unknown: "UNKNOWN" },
    related: (id: string) => `related: ${id}`,
    asOf: (when: string) => `as of ${when}`,
    titles: {
      "root-access-keys": "No root access key",
      "root-mfa": "MFA on the root user",
      "root-hardware-mfa": "Hardware MFA on the root user",
      "root-use": "Root used only with MFA (sign-ins, 90 days)",
      "root-activity-alerts": "Alert on root activity",
      "security-contact": "Security alternate contact",
      "admin-identity": "An administrator other than root",
      "password-min-length": "Password policy: minimum length 14 or more",
      "password-reuse": "Password policy: prevents reuse (24)",
    } satisfies Record<CheckControl, string>,
    header: (account: string | undefined, simulated: boolean, caller: string | undefined, at: string) =>
      `rootlock check — account ${account ?? "unknown"}${simulated ? " (SIMULATED)" : ""}, as ${caller ?? "unknown caller"}, at ${at}`,
    markdown: {
      account: "Account",
      caller: "Caller",
      checked: "Checked",
      exit: "Exit status",
      unknown: "unknown",
      simulated: "SIMULATED",
    },
    note: (text: string) => `Note: ${text}`,
  },
  /**
   * What was read, in words (i18n/evidence-en.ts and evidence-ko.ts, modules of their own so that steps can use the
   * English without the catalogue): a step names a phrase and its values; the screen or report says it here.
   */
  evidence: evidenceEn,
  /** The wizard's evidence report (i18n/report-en.ts): its Markdown is said in the run's language; its JSON stays English. */
  report: reportEn,
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
    // Information, not a to-do: the root MFA step clears only a device in the way of root's (see rootMfa.orphan).
    orphans: (n: number) => `Unassigned virtual MFA devices: ${n} (root MFA clears only one in its way)`,
    denied: (action: string) =>
      `Not allowed to read: ${action}. The steps that need it will say so and end unverified; add it to this identity's policy for a full check.`,
    operatorMfa: (user: string, n: number) => `MFA on ${user}: ${n > 0 ? "enabled" : "not enabled"}`,
    plan: "rootlock will take you through:",
    planRoot: "You are signed in with root's own access key: the root keys step comes last, because deleting that key ends this session.",
    planRootSession:
      "You are signed in as root with temporary credentials (a session, not root's access key): AWS does not let a session list or delete root's keys, so you delete them in the console and rootlock checks.",
    planRecommended: "You are not root: rootlock guides what only root can do in the console, and verifies it from here.",
  },
  rootKeys: {
    title: `Root access keys (${titleIds("root-access-keys")})`,
    why: "A root access key gives full access, with no MFA: root should have none.",
    none: "The root user has no access keys.",
    table: { key: "Key", status: "Status", created: "Created", lastUsed: "Last used" },
    slot: (n: number) => `key ${n}`,
    /** An access key's Status, as the console labels it. */
    status: { Active: "Active", Inactive: "Inactive" },
    signing: "(this session)",
    never: "never",
    lastUse: (when: string, service: string, region: string) => `${when} · ${service} · ${region}`,
    reportAge: (when: string) => `From the credential report made at ${when} (one every 4 hours at most).`,
    inactiveCounts: "An inactive key still counts (CIS): each key is deactivated, then deleted.",
    apiIntro: "rootlock will deactivate each key, read it back, then delete it. The key this session signs with goes last.",
    signingWarning: "This deletes the key rootlock is signing with: the session ends, and AWS rejecting the key is the proof.",
    consoleIntro: "Only root can delete root's keys, in the console, in another window:",
    sessionWhy:
      "You are root, but signed in with temporary credentials (aws login or a session, key ASIA…): AWS lists and deletes root's keys by API only with root's own long-term key (AKIA…), so this is done in the console.",
    consoleSteps: [
      "Sign in as root at https://console.aws.amazon.com/.",
      "Account menu (top right) → Security credentials.",
      "Access keys: for each key, Actions → Deactivate, then Actions → Delete.",
      "Back here, continue: rootlock checks that AWS shows no root key.",
    ],
    verifying: "no root access key in the account summary",
    confirmingAction: "the change to show in IAM",
    rejection: "AWS to reject the deleted key",
    verified: "AWS shows no root access key.",
    openStandIn: "Simulated account: the console's part can be done here, in a stand-in of the console.",
  },
  rootMfa: {
    title: `Root MFA (${titleIds("root-mfa")})`,
    consoleOnly: "AWS lets only the root user turn on root MFA, in the console: rootlock guides each click and then checks IAM.",
    already: "Root MFA is already enabled.",
    hardware: `Root uses a hardware key or passkey (no virtual device): this also meets ${idsShort(HARDWARE_MFA_IDS)}.`,
    devices: (names: string) => `Virtual devices on root: ${names}`,
    orphan: (serial: string) => `An unassigned device ${serial} exists: the console would fail with "Entity already exists" until it is deleted.`,
    otherOrphan: (serial: string) => `Unassigned device ${serial}: another name, so it does not block root's. Left alone: it may be someone's enrolment in progress.`,
    deviceName: (name: string) => `Device name you will type in the console: ${name}`,
    changeName: "Another device name can be chosen, before anything is deleted.",
    nameLabel: "Device name",
    namePattern: "Letters, digits and + = , . @ - _ only, no spaces: AWS's rule for a device name.",
    nameAssigned: (name: string) => `A device named ${name} is already assigned (it stays): choose another name.`,
    nameToType: (name: string) => `Device name to type: ${name}`,
    consoleSteps: [
      "Sign in as root at https://console.aws.amazon.com/ in a private browser window.",
      "Account menu (top right) → Security credentials → Multi-factor authentication (MFA) → Assign MFA device.",
      "Device name: the name below, exactly. Device: Authenticator app → Next.",
      "Show QR code, scan it with your authenticator app.",
      "MFA code 1: the code shown now. Wait for the code to change (the timer below). MFA code 2: the new code.",
      "Add MFA. Then come back here and continue: rootlock checks IAM.",
    ],
    timer: (s: number) => `Next code in ${s} s`,
    backup: "Recommended: add a second device as a backup (AWS allows up to eight, root included), e.g. a security key kept in a safe.",
    verifying: "root MFA in the account summary",
    verified: "AWS shows root MFA enabled.",
    openStandIn: "Simulated account: the console's part can be done here, in a stand-in of the console.",
    hardwareAdvice: `${idsShort(HARDWARE_MFA_IDS)} asks for a hardware device on root: a virtual device does not meet it. Add a security key or passkey later.`,
  },
  userMfa: {
    title: (user: string) => `MFA for ${user} (${titleIds("operator-mfa")})`,
    why: "This admin user replaces root for daily work, so it needs MFA too. This one rootlock can set up by API.",
    already: (user: string) => `${user} already has MFA.`,
    notApplicable: "The caller is not an IAM user: there is no admin user of yours to enrol here.",
    creating: "Creating the virtual MFA device…",
    scan: "Scan this QR code with your authenticator app (Google Authenticator, Authy, 1Password, …):",
    secretFallback: "Or type this secret key into the app:",
    tooSmall: (cols: number, rows: number) =>
      `The terminal is too small for the QR code (it needs ${cols}×${rows}). Enlarge it, or type the secret key below into your app.`,
    showSecret: "Ctrl-K: show the secret key as text",
    qrAlone: "The QR code needs the whole terminal here: Ctrl-R shows it.",
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
  passwordPolicy: {
    title: `Password policy for IAM users (${titleIds("password-policy")})`,
    why: "The account password policy sets the rules for IAM users' console passwords. CIS asks for at least 14 characters and no reuse of the last 24 passwords.",
    none: "The account has no password policy of its own: AWS's default rules apply (8 characters, three of four kinds, reuse allowed).",
    setting: "Setting",
    now: "Now",
    after: "rootlock sets",
    unset: "not set",
    length: (ok: boolean) => `${idsShort(AUDIT_IDS["password-min-length"])}, minimum length 14 or more: ${ok ? "met" : "NOT met"}`,
    reuse: (ok: boolean) => `${idsShort(AUDIT_IDS["password-reuse"])}, reuse of the last 24 passwords prevented: ${ok ? "met" : "NOT met"}`,
    keeps: "Every other setting is carried over as it is, and a value stricter than CIS's stays.",
    noneDefaults:
      "With no policy to carry over, rootlock also requires all four kinds of character (AWS's default asks for three) and lets users change their own password.",
    already: `The password policy already meets CIS ${AUDIT_IDS["password-min-length"].cis} and ${AUDIT_IDS["password-reuse"].cis}.`,
    rootNote:
      "The root user's password is not governed by this policy. AWS's rules for it: 8 to 128 characters, at least three of uppercase letters, lowercase letters, numbers and symbols, and not the same as the account name or email address.",
    verifying: "the password policy in IAM",
    verified: "AWS shows the new password policy, every setting as sent.",
  },
  adminIdentity: {
    title: `An admin identity instead of root (${titleIds("admin-identity")})`,
    why: "Daily work needs an administrator that is not root: an IAM user of its own, with a password and MFA, given its rights through a group.",
    identityCenter: "Organizations (several people, several accounts) should use IAM Identity Center instead; rootlock does not set that up.",
    found: "Identities other than root with AdministratorAccess:",
    holder: (kind: "user" | "role", name: string, via?: string) =>
      `${kind === "user" ? "user" : "role"} ${name} ${via ? `(through group ${via})` : "(attached directly)"}`,
    none: "No IAM user or role has AdministratorAccess: root is the only administrator of this account.",
    createAnyway: "Another admin user can be made all the same.",
    willCreate: "rootlock will create, each change confirmed and read back:",
    nameLabel: "User name for the new admin (e.g. your own name)",
    nameHint: "Letters, digits and + = , . @ - _ (up to 64).",
    nameInvalid: "A user name has 1 to 64 characters: letters, digits and + = , . @ - _ only.",
    nameTaken: (name: string) => `A user named ${name} already exists: choose another name.`,
    checkingName: "Checking the name…",
    passwordTitle: (user: string) => `Console password for ${user}, shown this once only:`,
    passwordKeep: "Store it now, in your password manager. rootlock writes it nowhere, and it leaves this screen when you press Enter.",
    passwordChange: "AWS asks for a new password at the first sign-in.",
    signInAt: (url: string) => `Sign-in page: ${url}`,
    passwordContinue: "Stored it? Next: the user's MFA.",
    rollingBack: "Removing what rootlock created, last first, each removal read back…",
    rolledBack: "Everything rootlock created in this step was removed again.",
    leftTitle: "Still in the account (rootlock could not remove it: delete it in the IAM console, or run rootlock again):",
    verifying: "the group, its policy, the membership, the login profile and the MFA device in IAM",
    verified: (user: string) => `AWS shows ${user} in the admin group, a password to change at first sign-in, and MFA.`,
    switchTo: (user: string, url: string) => `From now on, sign in as ${user} at ${url} for daily work, not as root.`,
    switchFromRoot: (user: string) => `You are running rootlock as root: once this run is over, use ${user} instead.`,
  },
  signin: {
    title: `Sign-in test (${titleIds("root-signin")})`,
    warning:
      "A root sign-in sets off other tools for a while: root-usage findings and alarms (Security Hub IAM.20 of the CIS v1.2 standard, CloudWatch.1) and GuardDuty's RootCredentialUsage. Tell your security team before you start.",
    noMfa: "Root MFA is not enabled, so this test cannot pass yet: a sign-in now would be without MFA.",
    steps: [
      "Open a private (incognito) browser window, so your other sessions are not used.",
      "Go to https://console.aws.amazon.com/ → Root user → your account email → Next.",
      "Type the root password, then the code from your authenticator app.",
      "Once you see the console, sign out, and come back here.",
    ],
    start: "Continue as you start the sign-in: rootlock then waits for CloudTrail to show it.",
    began: (time: string) => `Test began at ${time}. Looking for a root sign-in with MFA in CloudTrail (us-east-1).`,
    latency: "CloudTrail usually shows a sign-in within about 5 minutes; it can take longer.",
    verifying: "the sign-in in CloudTrail",
    failuresSeen: (n: number) => `${n} failed root sign-in${n === 1 ? "" : "s"} seen since the test began.`,
    verified: "CloudTrail shows a root sign-in with MFA.",
    withoutMfa: "CloudTrail shows a root sign-in WITHOUT MFA: root MFA is not in force. Check the root MFA step.",
    openStandIn: "Simulated account: the sign-in can be done here, in a stand-in of the console's sign-in page.",
    drillQuestion: "Fire drill: did the root sign-in alert email arrive at your alert address? (it can take a few minutes)",
    drillRecorded: (arrived: boolean): string =>
      arrived
        ? "Recorded: the alert email arrived (your word: no API can see an email arrive)."
        : "Recorded: no alert email arrived. Check the subscription is confirmed and the spam folder.",
    inbox: (n: number) => `Simulated mailbox: ${n} alert email${n === 1 ? "" : "s"} received.`,
    // The fire drill names each route the alerts step set up: the address, the webhook's channel (masked).
    drillEmailAt: (address: string) => `Fire drill: did the root sign-in alert email arrive at ${address}? (it can take a few minutes)`,
    drillChannel: (mask: string) => `Fire drill: did the root sign-in alert arrive in the channel of ${mask}? (it can take a few minutes)`,
    drillChannelRecorded: (arrived: boolean, mask: string): string =>
      arrived
        ? `Recorded: the alert arrived in the channel of ${mask} (your word: no API can see a message arrive).`
        : `Recorded: no alert arrived in the channel of ${mask}. Check the webhook with \`rootlock check\` (its API destination must be ACTIVE) and the channel.`,
  },
  alerts: {
    title: `Root activity alerts (${titleIds("root-alerts")})`,
    why: "Whenever the root user signs in or removes its MFA, its owner should hear about it within minutes. rootlock sets up, in us-east-1 (where root's events arrive): an SNS topic EventBridge may publish to, an email subscription, EventBridge rules with readable messages, and (if none does) a trail that brings the events to EventBridge.",
    topic: (arn: string, exists: boolean) => `Topic ${arn}: ${exists ? "exists" : "to be created"}`,
    subscription: (email: string, state: string) => `Email ${email}: ${state}`,
    subscriptionStates: { confirmed: "confirmed", pending: "pending (its owner has not clicked the link yet)", missing: "not subscribed" },
    rule: (name: string, catches: string, state: string) => `Rule ${name} (${catches}): ${state}`,
    ruleCatches: { "console-sign-in": "root console sign-ins", "mfa-removal": "root MFA removals", "api-call": "root API calls delivered to us-east-1" },
    ruleStates: { right: "in place", drifted: "not as it should be (will be repaired)", absent: "to be created", optional: "optional (on request)" },
    trailFound: (name: string) => `CloudTrail: trail ${name} logs management events into us-east-1, so the alert rules can fire.`,
    trailFoundOrganization: (name: string, owner: string) =>
      `CloudTrail: ${name} is your organization's trail (owned by account ${owner}). A member account cannot read its status, so rootlock judges it from its description: multi-region, run by the organization, logging management events. The alert rules can fire.`,
    bucketTaken: (bucket: string) =>
      `S3 refused rootlock's trail bucket ${bucket} (403): another AWS account holds that name, or this identity may not read it. rootlock will not create a trail with it, so the rules cannot fire until a trail logs management events: create a trail with a bucket of your own in the console, then run this step again.`,
    noTrail:
      "CloudTrail: NO trail logs management events into us-east-1. EventBridge receives root's console sign-ins and API calls only from a trail with logging: without one, NO alert rule can fire.",
    trailOffer: "A multi-region trail can be created (with its own S3 bucket and bucket policy).",
    trailChoice: (on: boolean): string =>
      on
        ? "Trail: will be created (t to change)"
        : "Trail: not created — the rules are set up but CANNOT fire until a trail logs management events into us-east-1 (t to change)",
    apiChoice: (on: boolean) => `Alert on root's API calls delivered to us-east-1 too: ${on ? "yes" : "no"} (a to change)`,
    apiScope: "  It sees global services (IAM, STS, Organizations…) and us-east-1's own services; calls to other regions' services are not delivered to us-east-1.",
    readOnlyChoice: (on: boolean) =>
      `  Read-only calls (Get…, List…, Describe…) too: ${on ? "yes — rule state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (many more emails)" : "no — write calls only (rule state ENABLED)"} (r to change)`,
    introKeys: "Next: set up the alerts, or check the ones in place. This step is optional.",
    existingTitle: "Already in place: this account's own alert tells someone when root signs in.",
    existingRoute: (rule: string, target: string, confirmed: number | undefined) =>
      `Rule ${rule} → ${target}${confirmed === undefined ? " (not an SNS topic: counted as delivered)" : ` (${confirmed} confirmed address${confirmed === 1 ? "" : "es"})`}`,
    existingTrail: (name: string) => `Trail ${name} logs management events into us-east-1, so the rule can fire.`,
    existingKeys: "Nothing to change: they can stay as they are, or rootlock's own alerts can be added beside them. This step is optional.",
    emailLabel: "Alert email address",
    emailHint: "Type the address that should receive root-activity alerts, then Enter.",
    badEmail: "That is not an email address (like owner@example.com). Type it again.",
    nothingToDo: "Everything is already in place: nothing to change.",
    pendingWarning:
      "The email subscription is NOT confirmed yet: nothing will be delivered until its owner clicks the link in the email from AWS Notifications (look in the spam folder too).",
    confirmTitle: (email: string) => `AWS has emailed a confirmation link to ${email}.`,
    confirmSteps: [
      'Open the email from "AWS Notifications" (no-reply@sns.amazonaws.com); it often lands in spam or junk.',
      'Click "Confirm subscription". Until then, no alert is delivered.',
    ],
    verifying: "the alerts to read back, and the subscription to be confirmed",
    openMailbox: "Simulated account: the alert mailbox can be opened here, to click the confirmation link.",
    mailboxClicked: "Confirmation link clicked in the simulated mailbox.",
    verified: "Alerts are in place and the subscription is confirmed.",
    pending: "Alerts are in place, but the subscription is still pending: NOTHING is delivered until it is confirmed. Run `rootlock alerts` again later to check.",
    noTrailResult:
      "The alert rules are in place, but NO trail logs management events into us-east-1: none of them can fire until one does. Run `rootlock alerts` again and let it create the trail.",
    testOffer: "A test message can be sent through the topic.",
    testMayHaveBeenSent: (email: string) =>
      `The test message may have been sent to ${email} before the answer was lost, and nothing in AWS can show whether it was. Look in the mailbox first: r sends it again (a second message if the first arrived); s stops without sending.`,
    testSent: (id: string) => `Test message sent (request ${id}). It reaches confirmed addresses only.`,
    // The webhook (Slack, or any HTTPS webhook taking JSON): its URL is a secret, shown masked only.
    emailOptionalHint: "Leave it empty to send the alerts to a webhook (Slack) only: w on the next screen.",
    webhookChoice: (mask: string | undefined): string =>
      mask
        ? `Webhook: ${mask} — Slack's {"text": …} message through an EventBridge API destination (w to change)`
        : "Webhook: none (w to add a Slack or other HTTPS webhook)",
    webhookLabel: "Webhook URL",
    webhookHint:
      "Paste the Slack incoming webhook URL (https://hooks.slack.com/services/…), or any HTTPS webhook that takes JSON, then Enter. It is a secret: it is shown as dots, kept only in memory, and never written to the report. Empty: no webhook.",
    badWebhook: {
      "not-url": "That is not a URL (like https://hooks.slack.com/services/…). Paste it again.",
      "not-https": "The webhook must be an HTTPS URL: EventBridge calls HTTPS endpoints only. Paste an https:// URL.",
    },
    needRoute: "Choose where the alerts go: an email address (Esc back), a webhook (w), or both.",
    webhookParts:
      "The webhook: an EventBridge connection and API destination (POST, 1 a second), an IAM role EventBridge invokes it with, and a target on each rule. No Lambda.",
    undoingWebhook: "Removing the webhook's parts made so far, last first",
    webhookUndone: "The webhook's parts made in this run were removed again.",
    webhookLeft: (left: string) => `Could not remove: ${left}. Remove it in the console, or run \`rootlock alerts\` again.`,
    webhookFound: (mask: string, state: string) => `Webhook ${mask}: API destination ${state} (to keep checking it, add it again (w): its URL is never stored)`,
    verifiedWebhook: "Alerts are in place: EventBridge delivers them to the webhook (destination ACTIVE, connection AUTHORIZED).",
    webhookTestOffer: "The webhook can be sent a test message (through the same EventBridge path).",
    webhookTestPreparing: "Reading the test message's route",
    webhookTestQuestion: (mask: string) => `Did the test message arrive in the channel of ${mask}? (it takes a few seconds)`,
    webhookTestKeys: "y: it arrived · n: it did not",
    webhookTestRecorded: (arrived: boolean): string =>
      arrived
        ? "Recorded: the test message arrived (your word: no API can see a message arrive)."
        : "Recorded: no test message arrived. Check the webhook URL and the channel.",
    webhookTestMayHavePosted: (mask: string) =>
      `The test message may have been posted to the channel of ${mask} before the answer was lost, and nothing in AWS can show whether it was. Look in the channel first: r sends it again (a second message if the first arrived); s stops without sending.`,
    channel: (n: number) => `Simulated channel: ${n} message${n === 1 ? "" : "s"} received.`,
    channelMessage: (text: string) => `  ▸ ${text}`,
  },
  summary: {
    title: "Summary",
    control: "Control",
    ids: "CIS / Security Hub",
    state: "State",
    allVerified: "Every control is verified by a read from AWS.",
    allTakenVerified: (skipped: string) => `Every control you took on is verified by a read from AWS. Skipped: ${skipped}.`,
    someNot: "Not everything is verified: see the rows above. Run rootlock again to pick up where this left off.",
    someNotAlerts: "Not verified: see the row above. Run `rootlock alerts` again to pick up where this left off.",
    dryRunEnd: "Dry run: nothing was changed, so nothing new is verified. Run rootlock without --dry-run to make the changes shown.",
  },
  standIn: {
    banner: "AWS console (simulated stand-in for training)",
    back: "Esc: back to rootlock",
    keys: {
      title: "Security credentials → Access keys",
      deleteConfirm: (id: string) => `Delete ${id}? To confirm, type the access key ID:`,
      mismatch: "The text does not match the access key ID.",
      empty: "No access keys.",
      deactivateFirst: "Before you can delete an access key, you must make it inactive.",
      failed: "The console could not do that. Try again.",
    },
    mfa: {
      title: "Assign MFA device",
      deviceName: "Device name",
      deviceNameHint: `Up to ${CONSOLE_DEVICE_NAME_MAX} letters, digits and + = , . @ - _`,
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
  /** Root MFA: the device of the chosen name still there after its deletion was declined or failed (RootMfaScreen). */
  rootMfaInTheWay: {
    stillThere: (serial: string, name: string) =>
      `The unassigned device ${serial} is still there: the console would refuse to assign a device named ${name} ("Entity already exists"). Choose another name, or skip this step.`,
    /** Its deletion failed without an answer: AWS may have deleted it, rootlock cannot tell. */
    mayBeThere: (serial: string, name: string) =>
      `The unassigned device ${serial} may still be there (AWS's answer to its deletion was lost): if it is, the console will refuse to assign a device named ${name} ("Entity already exists"). Choose another name, or skip this step.`,
    keys: "n: choose another device name · s: skip this step",
  },
};

export type Messages = typeof en;
