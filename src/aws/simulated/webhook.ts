// The simulated account's webhook alerts: EventBridge connections and API destinations, the IAM role EventBridge
// invokes them with, targets on rules, and PutEvents, as AWS answers and refuses them. A connection with an API key
// is AUTHORIZED and a destination ACTIVE once made (as AWS shows them for a public HTTPS endpoint). The webhook URL
// is checked (HTTPS, as EventBridge requires) and then kept only as its digest and mask (aws/webhook.ts): the demo
// saves the account to a file, and a URL must never land in one.
import { randomUUID } from "node:crypto";
import type { AccountReads, WriteReceipt } from "../account.js";
import { AccountError } from "../errors.js";
import { RULE_NAME_PATTERN, USER_NAME_PATTERN } from "../names.js";
import type { WriteHandlers } from "../operations.js";
import { type WebhookOpName, type WebhookReadName, webhookRef } from "../webhook.js";
import { ACCOUNT_ID, SIMULATED_REGION } from "./scenarios.js";
import { isJson, type SimulatedWorld } from "./state.js";

const eventsArn = (kind: string, name: string) => `arn:aws:events:${SIMULATED_REGION}:${ACCOUNT_ID}:${kind}/${name}/${randomUUID()}`;
const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;

/**
 * EventBridge takes only an HTTPS endpoint for an API destination ("API destinations … HTTPS endpoints", EventBridge
 * User Guide, eb-api-destinations); anything else is refused as a ValidationException.
 */
function httpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

export function webhookReads(w: SimulatedWorld): Pick<AccountReads, WebhookReadName> {
  return {
    async getConnection(name) {
      const c = (w.read("events:DescribeConnection", "events").connections ?? []).find((x) => x.name === name);
      return c && { ...c };
    },
    async getApiDestination(name) {
      const d = (w.read("events:DescribeApiDestination", "events").destinations ?? []).find((x) => x.name === name);
      return d && structuredClone(d);
    },
    async getRole(roleName) {
      const role = w.read("iam:GetRole").roles.find((r) => r.name === roleName);
      return role && { name: role.name, arn: roleArn(role.name), trustPolicy: role.trustPolicy };
    },
    async getRolePolicy(roleName, policyName) {
      return w.read("iam:GetRolePolicy").roles.find((r) => r.name === roleName)?.inlinePolicies?.[policyName];
    },
  };
}

export function webhookWrites(w: SimulatedWorld): Pick<WriteHandlers, WebhookOpName> {
  const events = (call: string, name: string) => {
    w.enter(call, "events");
    if (!RULE_NAME_PATTERN.test(name)) throw new AccountError("InvalidParameter", call);
  };
  const connectionNamed = (name: string, call: string) => {
    const c = (w.truth.connections ?? []).find((x) => x.name === name);
    if (!c) throw new AccountError("NoSuchEntity", call);
    return c;
  };
  const role = (name: string, call: string) => {
    const r = w.truth.roles.find((x) => x.name === name);
    if (!r) throw new AccountError("NoSuchEntity", call);
    return r;
  };
  const done = (call: string): WriteReceipt => w.receipt(call);
  return {
    async createConnection(a) {
      const call = "events:CreateConnection";
      events(call, a.name);
      if ((w.truth.connections ?? []).some((c) => c.name === a.name)) throw new AccountError("EntityAlreadyExists", call);
      const record = { name: a.name, arn: eventsArn("connection", a.name), state: "AUTHORIZED", authorizationType: "API_KEY" };
      w.commit((s) => (s.connections ??= []).push({ ...record }));
      return done(call);
    },
    async createApiDestination(a, secret) {
      const call = "events:CreateApiDestination";
      events(call, a.name);
      if (!httpsUrl(secret.url)) throw new AccountError("InvalidParameter", call);
      if ((w.truth.destinations ?? []).some((d) => d.name === a.name)) throw new AccountError("EntityAlreadyExists", call);
      const connection = connectionNamed(a.connection, call);
      const record = {
        name: a.name,
        arn: eventsArn("api-destination", a.name),
        state: "ACTIVE",
        connectionArn: connection.arn,
        httpMethod: "POST",
        rateLimitPerSecond: a.rateLimitPerSecond,
        endpoint: webhookRef(secret.url),
      };
      w.commit((s) => (s.destinations ??= []).push(structuredClone(record)));
      return done(call);
    },
    async updateApiDestination(a, secret) {
      const call = "events:UpdateApiDestination";
      events(call, a.name);
      if (!httpsUrl(secret.url)) throw new AccountError("InvalidParameter", call);
      if (!(w.truth.destinations ?? []).some((d) => d.name === a.name)) throw new AccountError("NoSuchEntity", call);
      const connectionArn = connectionNamed(a.connection, call).arn;
      const endpoint = webhookRef(secret.url);
      w.commit((s) => {
        const d = s.destinations?.find((x) => x.name === a.name);
        if (d) Object.assign(d, { connectionArn, endpoint: { ...endpoint }, httpMethod: "POST", rateLimitPerSecond: a.rateLimitPerSecond });
      });
      return done(call);
    },
    async createWebhookRole(a) {
      const call = "iam:CreateRole";
      w.enter(call);
      if (!USER_NAME_PATTERN.test(a.roleName)) throw new AccountError("InvalidParameter", call);
      if (!isJson(a.trustPolicy)) throw new AccountError("InvalidParameter", call, "MalformedPolicyDocument");
      if (w.truth.roles.some((r) => r.name === a.roleName)) throw new AccountError("EntityAlreadyExists", call);
      w.commit((s) => s.roles.push({ name: a.roleName, policies: [], trustPolicy: a.trustPolicy, inlinePolicies: {} }));
      return done(call);
    },
    async updateWebhookRoleTrust(a) {
      const call = "iam:UpdateAssumeRolePolicy";
      w.enter(call);
      role(a.roleName, call);
      if (!isJson(a.trustPolicy)) throw new AccountError("InvalidParameter", call, "MalformedPolicyDocument");
      w.commit((s) => {
        const r = s.roles.find((x) => x.name === a.roleName);
        if (r) r.trustPolicy = a.trustPolicy;
      });
      return done(call);
    },
    async putWebhookRolePolicy(a) {
      const call = "iam:PutRolePolicy";
      w.enter(call);
      role(a.roleName, call);
      if (!isJson(a.policy)) throw new AccountError("InvalidParameter", call, "MalformedPolicyDocument");
      w.commit((s) => {
        const r = s.roles.find((x) => x.name === a.roleName);
        if (r) r.inlinePolicies = { ...r.inlinePolicies, [a.policyName]: a.policy };
      });
      return done(call);
    },
    async putWebhookTarget(a) {
      const call = "events:PutTargets";
      w.enter(call, "events");
      if (!w.truth.rules.some((r) => r.name === a.rule)) throw new AccountError("NoSuchEntity", call);
      const destination = (w.truth.destinations ?? []).find((d) => d.name === a.destination);
      if (!destination) throw new AccountError("NoSuchEntity", call);
      const target = { id: a.id, arn: destination.arn, roleArn: a.roleArn, inputPathsMap: { ...a.inputPathsMap }, inputTemplate: a.inputTemplate };
      w.commit((s) => {
        const rule = s.rules.find((r) => r.name === a.rule);
        if (rule) rule.targets = [...rule.targets.filter((t) => t.id !== a.id), structuredClone(target)];
      });
      return done(call);
    },
    async putTestEvent(a) {
      const call = "events:PutEvents";
      w.enter(call, "events");
      // "aws." sources are AWS's own: PutEvents refuses them (EventBridge API reference, PutEventsRequestEntry Source).
      if (a.source.startsWith("aws.") || !isJson(a.detail)) throw new AccountError("InvalidParameter", call);
      const at = w.awsNow();
      const event = {
        version: "0",
        id: randomUUID(),
        "detail-type": a.detailType,
        source: a.source,
        account: ACCOUNT_ID,
        time: at.toISOString(),
        region: SIMULATED_REGION,
        resources: [],
        detail: JSON.parse(a.detail) as unknown,
      };
      w.routeEvent(event, at, false);
      w.changed();
      return done(call);
    },
    async removeWebhookTarget(a) {
      const call = "events:RemoveTargets";
      w.enter(call, "events");
      if (!w.truth.rules.some((r) => r.name === a.rule)) throw new AccountError("NoSuchEntity", call);
      w.commit((s) => {
        const rule = s.rules.find((r) => r.name === a.rule);
        if (rule) rule.targets = rule.targets.filter((t) => t.id !== a.id);
      });
      return done(call);
    },
    async deleteWebhookRolePolicy(a) {
      const call = "iam:DeleteRolePolicy";
      w.enter(call);
      if (role(a.roleName, call).inlinePolicies?.[a.policyName] === undefined) throw new AccountError("NoSuchEntity", call);
      w.commit((s) => {
        const r = s.roles.find((x) => x.name === a.roleName);
        if (r?.inlinePolicies) delete r.inlinePolicies[a.policyName];
      });
      return done(call);
    },
    async deleteWebhookRole(a) {
      const call = "iam:DeleteRole";
      w.enter(call);
      // IAM refuses to delete a role that still has inline policies (DeleteConflict; IAM API reference, DeleteRole).
      if (Object.keys(role(a.roleName, call).inlinePolicies ?? {}).length > 0) throw new AccountError("DeleteConflict", call);
      w.commit((s) => (s.roles = s.roles.filter((r) => r.name !== a.roleName)));
      return done(call);
    },
    async deleteApiDestination(a) {
      const call = "events:DeleteApiDestination";
      w.enter(call, "events");
      if (!(w.truth.destinations ?? []).some((d) => d.name === a.name)) throw new AccountError("NoSuchEntity", call);
      w.commit((s) => (s.destinations = (s.destinations ?? []).filter((d) => d.name !== a.name)));
      return done(call);
    },
    async deleteConnection(a) {
      const call = "events:DeleteConnection";
      w.enter(call, "events");
      connectionNamed(a.name, call);
      w.commit((s) => (s.connections = (s.connections ?? []).filter((c) => c.name !== a.name)));
      return done(call);
    },
  };
}
