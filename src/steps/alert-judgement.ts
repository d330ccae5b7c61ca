// One judgement of "does anyone hear when root signs in?", shared by `rootlock check`'s alert row and the alerts
// step (which says "already in place" when the account's own rules pass it): a rule on the default bus in
// us-east-1 that catches root's console sign-ins, a target that delivers (an SNS topic with a confirmed
// subscription, or an EventBridge API destination that is ACTIVE with its connection AUTHORIZED), and a trail that
// brings the events to EventBridge at all. Reads only.
import type { Account, EventRule, TopicSubscription, Trail } from "../aws/account.js";
import { deliveringTrailPhrase, SIGN_IN_DETAIL_TYPES, trailDeliversRootCalls } from "./alert-shapes.js";
import { type Read, read } from "./reads.js";
import { type Phrase, phrase, say } from "./said.js";

const isTopicArn = (arn: string) => /^arn:aws[\w-]*:sns:/.test(arn);
/** An API destination's ARN: `arn:aws:events:REGION:ACCOUNT:api-destination/NAME/SUFFIX`; its name, or undefined. */
export const destinationNameOf = (arn: string) => /^arn:aws[\w-]*:events:[^:]*:[^:]*:api-destination\/([^/]+)/.exec(arn)?.[1];
const connectionNameOf = (arn: string) => /:connection\/([^/]+)/.exec(arn)?.[1];

/** The subscriptions of each SNS topic a root-sign-in rule targets, by topic ARN. */
export type TopicReads = Record<string, Read<TopicSubscription[]>>;

/** What EventBridge needs to deliver through an API destination: its ARN and state, and its connection's state. */
export interface DestinationHealth {
  arn: string;
  state: string;
  connectionState?: string;
}
/** Each API destination a root-sign-in rule targets, by the target's ARN (undefined: no such destination). */
export type DestinationReads = Record<string, Read<DestinationHealth | undefined>>;

/** The rules, then (depending on them) the SNS topics' subscriptions and the API destinations the root-sign-in rules send to. */
export async function readAlertRoutes(account: Account): Promise<[Read<EventRule[]>, TopicReads, DestinationReads]> {
  const rules = await read(() => account.listEventRules(), "events:ListRules");
  if (!rules.ok) return [rules, {}, {}];
  const targets = [...new Set(rules.value.filter(catchesRootSignIn).flatMap((r) => r.targetArns ?? []))];
  const arns = targets.filter(isTopicArn);
  const destinations = targets.filter((arn) => destinationNameOf(arn) !== undefined);
  const [subs, health] = await Promise.all([
    Promise.all(arns.map((arn) => read(() => account.listSubscriptions(arn), "sns:ListSubscriptionsByTopic"))),
    Promise.all(destinations.map((arn) => read(() => readDestination(account, destinationNameOf(arn)!), "events:DescribeApiDestination"))),
  ]);
  return [rules, Object.fromEntries(arns.map((arn, i) => [arn, subs[i]!])), Object.fromEntries(destinations.map((arn, i) => [arn, health[i]!]))];
}

async function readDestination(account: Account, name: string): Promise<DestinationHealth | undefined> {
  const d = await account.getApiDestination(name);
  if (!d) return undefined;
  const connection = connectionNameOf(d.connectionArn);
  const c = connection ? await account.getConnection(connection) : undefined;
  return { arn: d.arn, state: d.state, connectionState: c?.state };
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
 * Who hears of a root sign-in: for each rule, its SNS topics' confirmed subscriptions, and its API destinations
 * that EventBridge can deliver through: ACTIVE (EventBridge API reference, ApiDestinationState) with the connection
 * AUTHORIZED (ConnectionState), and still the destination the target names (one deleted and made again gets a new
 * ARN). Another kind of target (a Lambda, a queue) cannot be judged from here and counts as delivered.
 */
function deliveries(rules: EventRule[], topics: TopicReads, destinations: DestinationReads): { delivered: AlertRoute[]; pending: string[]; unreadable: string[] } {
  const delivered: AlertRoute[] = [];
  const pending: string[] = [];
  const unreadable: string[] = [];
  for (const rule of rules) {
    for (const arn of rule.targetArns ?? []) {
      if (destinationNameOf(arn) !== undefined) {
        const health = destinations[arn];
        if (!health || !health.ok) unreadable.push(arn);
        else if (health.value?.arn === arn && health.value.state === "ACTIVE" && health.value.connectionState === "AUTHORIZED")
          delivered.push({ rule: rule.name, target: arn });
        else
          pending.push(
            `${arn} (${health.value ? `${health.value.arn === arn ? "" : "replaced, "}${health.value.state}, connection ${health.value.connectionState ?? "absent"}` : "absent"})`,
          );
        continue;
      }
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
export function judgeSignInAlerts(
  rules: Read<EventRule[]>,
  topics: TopicReads,
  trails: Read<Trail[]> | undefined,
  destinations: DestinationReads = {},
): SignInAlertJudgement {
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
  const d = deliveries(catching, topics, destinations);
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
