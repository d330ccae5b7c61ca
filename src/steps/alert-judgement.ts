// One judgement of "does anyone hear when root signs in?", shared by `rootlock check`'s alert row and the alerts
// step (which says "already in place" when the account's own rules pass it): a rule on the default bus in
// us-east-1 that catches root's console sign-ins, a target that delivers (an SNS topic with a confirmed
// subscription), and a trail that brings the events to EventBridge at all. Reads only.
import type { Account, EventRule, TopicSubscription, Trail } from "../aws/account.js";
import { deliveringTrailPhrase, SIGN_IN_DETAIL_TYPES, trailDeliversRootCalls } from "./alert-shapes.js";
import { type Read, read } from "./reads.js";
import { type Phrase, phrase, say } from "./said.js";

const isTopicArn = (arn: string) => /^arn:aws[\w-]*:sns:/.test(arn);

/** The subscriptions of each SNS topic a root-sign-in rule targets, by topic ARN. */
export type TopicReads = Record<string, Read<TopicSubscription[]>>;

/** The rules, then (depending on them) the subscriptions of the SNS topics the root-sign-in rules send to. */
export async function readAlertRoutes(account: Account): Promise<[Read<EventRule[]>, TopicReads]> {
  const rules = await read(() => account.listEventRules(), "events:ListRules");
  if (!rules.ok) return [rules, {}];
  const arns = [...new Set(rules.value.filter(catchesRootSignIn).flatMap((r) => (r.targetArns ?? []).filter(isTopicArn)))];
  const subs = await Promise.all(arns.map((arn) => read(() => account.listSubscriptions(arn), "sns:ListSubscriptionsByTopic")));
  return [rules, Object.fromEntries(arns.map((arn, i) => [arn, subs[i]!]))];
}

/**
 * Does an EventBridge pattern catch root's console sign-ins? Either spelling of the detail type counts: real
 * events say "AWS Console Sign In via CloudTrail", EventBridge's guide lists "AWS Console Signin via CloudTrail".
 */
export function catchesRootSignIn(rule: EventRule): boolean {
  if (!rule.enabled || rule.targets === 0 || !rule.pattern) return false;
  try {
    const p = JSON.parse(rule.pattern) as { "detail-type"?: string[]; detail?: { userIdentity?: { type?: string[] } } };
    const types = p.detail?.userIdentity?.type ?? [];
    return (p["detail-type"] ?? []).some((t) => SIGN_IN_DETAIL_TYPES.includes(t)) && types.includes("Root");
  } catch {
    return false;
  }
}

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
function deliveries(rules: EventRule[], topics: TopicReads): { delivered: AlertRoute[]; pending: string[]; unreadable: string[] } {
  const delivered: AlertRoute[] = [];
  const pending: string[] = [];
  const unreadable: string[] = [];
  for (const rule of rules) {
    for (const arn of rule.targetArns ?? []) {
      if (!isTopicArn(arn)) {
        delivered.push({ rule: rule.name, target: arn });
        continue;
      }
      const subs = topics[arn];
      if (!subs || !subs.ok) unreadable.push(arn);
      else if (subs.value.some((s) => !s.pending)) delivered.push({ rule: rule.name, target: arn, confirmed: subs.value.filter((s) => !s.pending).length });
      else pending.push(arn);
    }
  }
  return { delivered, pending, unreadable };
}

/** A rule and a target that delivers: an SNS topic with `confirmed` confirmed subscriptions, or another kind of target. */
export interface AlertRoute {
  rule: string;
  target: string;
  confirmed?: number;
}

const routePhrase = (r: AlertRoute): Phrase =>
  r.confirmed !== undefined ? phrase("routeConfirmed", r.rule, r.target, String(r.confirmed)) : phrase("route", r.rule, r.target);

const unreadPhrase = (r: { code: string; action: string }): Phrase => phrase("couldNotRead", r.code, r.action);

export interface SignInAlertJudgement {
  status: "pass" | "fail" | "unknown";
  /** In English (the JSON's text); `said` says the same in the run's language (said.ts). */
  evidence: string;
  said: Phrase;
  /** Each route that delivers (when status is pass). */
  routes: AlertRoute[];
  /** The trail that brings the events (when status is pass). */
  trail?: string;
}

/**
 * The judgement itself. A rule that delivers still fails without a trail: EventBridge receives every
 * "… via CloudTrail" detail type, console sign-ins included, only from a trail with logging (EventBridge User
 * Guide, "AWS service events delivered via AWS CloudTrail", eb-service-event-cloudtrail).
 */
export function judgeSignInAlerts(rules: Read<EventRule[]>, topics: TopicReads, trails: Read<Trail[]> | undefined): SignInAlertJudgement {
  const judged = (status: SignInAlertJudgement["status"], said: Phrase, routes: AlertRoute[] = [], trail?: string): SignInAlertJudgement => ({
    status,
    evidence: say(said),
    said,
    routes,
    trail,
  });
  if (!rules.ok) return judged("unknown", unreadPhrase(rules));
  const catching = rules.value.filter(catchesRootSignIn);
  if (catching.length === 0) return judged("fail", phrase("noCatchingRule"));
  const names = catching.map((r) => r.name).join(", ");
  const d = deliveries(catching, topics);
  if (d.delivered.length === 0) {
    if (d.unreadable.length > 0) return judged("unknown", phrase("subscriptionsUnread", names, d.unreadable.join(", ")));
    return judged("fail", phrase("noConfirmedSubscription", names, d.pending.join(", ")));
  }
  const routes = phrase("routes", d.delivered.map(routePhrase));
  if (!trails) return judged("unknown", phrase("trailsNotRead", routes));
  if (!trails.ok) return judged("unknown", phrase("trailsUnreadable", routes, unreadPhrase(trails)));
  const trail = trails.value.find(trailDeliversRootCalls);
  if (!trail) {
    // Each trail is read on its own: one that could not be read may be the one that delivers.
    const unreadable = trails.value.filter((t) => t.statusFrom === "unreadable");
    if (unreadable.length > 0) {
      const why = unreadable.map((t) => phrase("trailNamedUnreadable", t.name, unreadPhrase(t.unreadable ?? { code: "Unknown", action: "cloudtrail:GetTrailStatus" })));
      return judged("unknown", phrase("trailUnknown", routes, why));
    }
    return judged("fail", phrase("noTrailToFire", routes));
  }
  return judged("pass", phrase("deliveredBy", routes, deliveringTrailPhrase(trail)), d.delivered, trail.name);
}
