// The step registry: the one list of the wizard's steps. Each line says what the step is called, which audit
// controls it answers (CIS AWS Foundations v3.0, Security Hub), whether the operator may decline it, for which
// caller it applies, and where it goes in the order. The step order, the summary's rows, the report's controls,
// the control-id table (controls.ts) and the app's screen switch (screens/step-screens.tsx) all come from here.
//
// Adding a step: a step module (src/steps/<step>.ts), a screen (src/screens/<Step>Screen.tsx, put in the map of
// screens/step-screens.tsx, which fails to compile without it), its catalogue entries (en.ts and ko.ts: `steps`
// and its own section), and one line below. No Ink here: the screens are keyed by the same ids on their side.
//
// Sources for the ids: CIS v3.0 numbering and Security Hub's mappings, ../shared/reference/aws-facts.md §7.2, §7.3.
// Security Hub IAM.20 ("Avoid the use of the root user") maps to CIS v1.2.0/1.1 only and checks a metric filter;
// CIS v3.0 1.7 has no Security Hub control. CloudWatch.1 ("A log metric filter and alarm should exist for usage of
// the root user") lists CIS v1.4.0/1.7 and 4.3 among its related requirements (Security Hub user guide,
// cloudwatch-controls.md).
import type { Caller } from "../aws/account.js";
import type { ControlIds } from "./controls.js";
import { type Phrase, phrase, reads, SOURCES } from "./said.js";
import type { AlertRoute, DrillAnswer, Handoff, Verdict } from "./types.js";

export interface StepEntry<Id extends string = string> {
  id: Id;
  /** The audit ids this step's verdict answers. */
  ids: ControlIds;
  /** Offered when missing; declining it does not cost "all verified" (a taken-on step counts like any other). */
  optional: boolean;
  /** Whether the step exists for this caller; where it does not, the run records it as not applicable. */
  appliesTo(caller: Caller): boolean;
  /**
   * With root's own access key, this step ends the session (deleting the key rootlock signs with): it goes last,
   * after every step that needs the key. Any other caller takes it in its place in the list.
   */
  endsRootSession?: boolean;
  /** How this step's verdict takes what a later step hands on (the fire drill's answer joins the alerts' evidence). */
  receive?(own: Verdict, handoff: Handoff): Verdict;
}

const always = () => true;

/** Keeps each line's id as a literal, so that `StepId` is the union of the ids listed. */
function step<const Id extends string>(entry: StepEntry<Id>): StepEntry<Id> {
  return entry;
}

/**
 * In the order the wizard takes them (and the summary and the report list them). The rest of the first-day
 * checklist comes before the alerts and the sign-in test: the password policy first, so that the new admin
 * user's password (and the one it picks at first sign-in) is made under it. The alerts come just before the
 * sign-in test, so that the test sign-in doubles as a fire drill for the alert.
 */
export const STEPS = [
  // CIS 1.4: no root access key exists (an inactive key still counts as present).
  step({ id: "root-access-keys", ids: { cis: "1.4", securityHub: "IAM.4" }, optional: false, appliesTo: always, endsRootSession: true }),
  // CIS 1.5: MFA is enabled for the root user (virtual, hardware or passkey).
  step({ id: "root-mfa", ids: { cis: "1.5", securityHub: "IAM.9" }, optional: false, appliesTo: always }),
  // CIS 1.10: MFA for every IAM user with a console password — here, the operator's own admin user. Only an IAM
  // user has one: root and roles have no IAM user to enrol.
  step({ id: "operator-mfa", ids: { cis: "1.10", securityHub: "IAM.5" }, optional: false, appliesTo: (caller) => caller.kind === "iam-user" }),
  // CIS 1.8 (minimum length 14) and 1.9 (reuse prevention 24): Security Hub IAM.15 and IAM.16. Optional: it says
  // when it is already in place, and can be skipped.
  step({ id: "password-policy", ids: { cis: "1.8, 1.9", securityHub: "IAM.15, IAM.16" }, optional: true, appliesTo: always }),
  // CIS 1.7 asks that root not be used for daily work: that needs an administrator other than root. No Security Hub
  // control checks for one. Optional, like the password policy.
  step({ id: "admin-identity", ids: { cis: "1.7", securityHub: "—" }, optional: true, appliesTo: always }),
  // CIS 4.3 (a metric filter and alarm on root use) is the control this answers: rootlock reaches the same alert by
  // AWS's recommended road, an EventBridge rule to SNS. Security Hub's CloudWatch.1 checks for the metric filter and
  // alarm themselves, so it would still fail on an account alerted this way: it is related, not met.
  step({
    id: "root-alerts",
    ids: { cis: "4.3", securityHub: "—", related: "CloudWatch.1" },
    optional: true,
    appliesTo: always,
    // No API can see an email arrive: the operator's answer to the fire drill is recorded as theirs.
    receive: (own, handoff) => (handoff.drillAnswers?.length ? withDrillAnswers(own, handoff.drillAnswers) : own),
  }),
  // CIS 1.7: avoid root use. The sign-in test proves root can sign in only with MFA, and is seen by CloudTrail. No
  // Security Hub control checks CIS v3.0 1.7 (IAM.20 is CIS v1.2's 1.1); CloudWatch.1, an alarm on root use, is related.
  step({ id: "root-signin", ids: { cis: "1.7", securityHub: "—", related: "CloudWatch.1" }, optional: false, appliesTo: always }),
] as const;

/** A route in words: the address or the channel's mask. */
function routePhrase(route: AlertRoute): Phrase {
  if (route.kind === "webhook") return phrase("drillChannel", route.mask);
  return route.address ? phrase("drillEmailTo", route.address) : phrase("drillEmailAny");
}

/**
 * The fire drill's answers, after the sign-in test, one line a route: no API can see a message arrive, so it is the
 * operator's word. Here rather than in alerts.ts: the registry is on the first screen's path, the alerts step's module is not.
 */
export function withDrillAnswers(v: Verdict, answers: DrillAnswer[]): Verdict {
  return {
    ...v,
    evidence: [
      ...v.evidence,
      ...answers.map((a) => ({
        source: SOURCES.operatorAfterSignin,
        ...reads(phrase(a.arrived ? "drillArrived" : "drillNotArrived", routePhrase(a.route))),
        at: a.at,
      })),
    ],
  };
}

export type StepId = (typeof STEPS)[number]["id"];

const byId = new Map<string, StepEntry>(STEPS.map((s) => [s.id, s]));

export function stepEntry(id: StepId): StepEntry<StepId> {
  return byId.get(id) as StepEntry<StepId>;
}

/** Every step, in the registry's order: the summary's rows and the report's controls. */
export const STEP_IDS: readonly StepId[] = STEPS.map((s) => s.id);

/** Offered when missing, and the operator may decline them without the run counting as not verified. */
export const OPTIONAL_STEPS: readonly StepId[] = STEPS.filter((s) => s.optional).map((s) => s.id);

/** Which steps run, in which order, for this caller (see `endsRootSession`). */
export function stepOrder(caller: Caller): StepId[] {
  const applying = STEPS.filter((s) => s.appliesTo(caller));
  const last = caller.kind === "root" ? applying.filter((s) => "endsRootSession" in s && s.endsRootSession) : [];
  return [...applying.filter((s) => !last.includes(s)), ...last].map((s) => s.id);
}

/** The steps that do not exist for this caller, recorded as such from the start. */
export function notApplicable(caller: Caller): StepId[] {
  return STEPS.filter((s) => !s.appliesTo(caller)).map((s) => s.id);
}

/**
 * A step's verdict joins the results; what it hands on (its `handoff`) reaches the steps that take it. The verdict
 * keeps its handoff (the summary reads the root MFA kind from it).
 */
export type StepResults = Partial<Record<StepId, Verdict>>;

export function recordVerdict(results: StepResults, id: StepId, v: Verdict): StepResults {
  const next: StepResults = { ...results, [id]: revisited(results[id], v) };
  if (v.handoff) {
    for (const s of STEPS) {
      const own = next[s.id];
      if ("receive" in s && s.receive && own && s.id !== id) next[s.id] = s.receive(own, v.handoff);
    }
  }
  return next;
}

/**
 * Verdicts that record nothing done in the step: the account was found so, the operator passed, or the run ended
 * before anything was left done (an interruption undoes what was half-done).
 */
const NOTHING_DONE = new Set<Verdict["reason"]>(["already-compliant", "operator-skipped", "not-applicable", "interrupted", "dry-run"]);

/**
 * A step's verdict when the operator comes back to it (Esc, then forward again). The screen inspects afresh, and
 * what it finds now is what this run made: "already in place" would replace "fixed in this run, read back" and
 * drop the reads before the change. So a revisit that did nothing keeps the earlier verdict, its evidence (the
 * reads before, each change, the read-back) and adds the revisit's reads after it; where those reads now show the
 * change in place, a change that was not visible yet is verified by them. A revisit that did something again
 * tells its story after the earlier one.
 */
export function revisited(earlier: Verdict | undefined, now: Verdict): Verdict {
  if (!earlier || NOTHING_DONE.has(earlier.reason)) return now;
  const evidence = [...earlier.evidence, ...now.evidence];
  if (!NOTHING_DONE.has(now.reason)) return { ...now, evidence };
  const kept: Verdict = { ...earlier, evidence, handoff: earlier.handoff ?? now.handoff };
  if (now.state !== "verified" || earlier.state === "verified") return kept;
  // Not visible yet then, in place now: verified by the later read; what a declined plan had left unfinished is not.
  return { ...kept, state: "verified", reason: "read-back-confirms", leftBehind: undefined };
}
