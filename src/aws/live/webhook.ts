// The webhook half of the live adapter (issue 16): EventBridge connections, API destinations, targets and PutEvents
// in the alerts region, and the IAM role EventBridge invokes the destination with. Loaded with account.ts (lazily).
// The webhook URL arrives only as the secret of CreateApiDestination / UpdateApiDestination and goes into that
// request alone; DescribeApiDestination's InvocationEndpoint is turned into a digest and a mask here, so the URL
// never leaves this module (aws/webhook.ts).
import {
  CreateApiDestinationCommand,
  CreateConnectionCommand,
  DeleteApiDestinationCommand,
  DeleteConnectionCommand,
  DescribeApiDestinationCommand,
  DescribeConnectionCommand,
  type EventBridgeClient,
  PutEventsCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  UpdateApiDestinationCommand,
} from "@aws-sdk/client-eventbridge";
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import type { AccountReads, WriteReceipt } from "../account.js";
import { AccountError, noneIfAbsent } from "../errors.js";
import { type OpArgs, OPS, type WriteHandlers } from "../operations.js";
import { type WebhookOpName, type WebhookReadName, webhookRef } from "../webhook.js";
import { errorCodeOf } from "./aws-errors.js";

type Call = <T>(action: string, run: () => Promise<T>) => Promise<T>;
type Write = (call: string, run: () => Promise<{ $metadata: { requestId?: string } }>) => Promise<WriteReceipt>;

/** IAM answers policy documents URL-encoded (IAM API reference, GetRole / GetRolePolicy). */
const decoded = (text: string | undefined) => (text === undefined ? undefined : decodeURIComponent(text));

/**
 * PutTargets with a RoleArn needs iam:PassRole on that role as well; AWS's AccessDenied then names it ("… is not
 * authorized to perform: iam:PassRole"). Said so, the operator learns which permission is missing, not just that
 * PutTargets was refused. (AWS's text names an action and an ARN, never a secret; it is read, not kept.)
 */
async function passingRole<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = (error as { message?: string }).message ?? "";
    if (errorCodeOf(error) === "AccessDenied" && message.includes("iam:PassRole")) throw new AccountError("AccessDenied", "iam:PassRole");
    throw error;
  }
}

export interface WebhookClients {
  /** Reads and writes in the alerts region (writes with one attempt: `write` decides what is sent again). */
  events: EventBridgeClient;
  eventsWrites: EventBridgeClient;
  iam: IAMClient;
  iamWrites: IAMClient;
}

export function liveWebhookReads(c: WebhookClients, call: Call): Pick<AccountReads, WebhookReadName> {
  return {
    async getConnection(name) {
      const out = await noneIfAbsent(call("events:DescribeConnection", () => c.events.send(new DescribeConnectionCommand({ Name: name }))));
      return out && { name, arn: out.ConnectionArn ?? "", state: out.ConnectionState ?? "", authorizationType: out.AuthorizationType ?? "" };
    },
    async getApiDestination(name) {
      const out = await noneIfAbsent(call("events:DescribeApiDestination", () => c.events.send(new DescribeApiDestinationCommand({ Name: name }))));
      if (!out) return undefined;
      return {
        name,
        arn: out.ApiDestinationArn ?? "",
        state: out.ApiDestinationState ?? "",
        connectionArn: out.ConnectionArn ?? "",
        httpMethod: out.HttpMethod ?? "",
        rateLimitPerSecond: out.InvocationRateLimitPerSecond,
        // The URL is a secret: only its digest and mask leave this function.
        endpoint: webhookRef(out.InvocationEndpoint ?? ""),
      };
    },
    async getRole(roleName) {
      const out = await noneIfAbsent(call("iam:GetRole", () => c.iam.send(new GetRoleCommand({ RoleName: roleName }))));
      return out && { name: roleName, arn: out.Role?.Arn ?? "", trustPolicy: decoded(out.Role?.AssumeRolePolicyDocument) };
    },
    async getRolePolicy(roleName, policyName) {
      const out = await noneIfAbsent(call("iam:GetRolePolicy", () => c.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }))));
      return decoded(out?.PolicyDocument);
    },
  };
}

export function liveWebhookWrites(c: WebhookClients, call: Call, write: Write): Pick<WriteHandlers, WebhookOpName> {
  /** EventBridge gives a connection's and a destination's ARN a generated suffix: read it just before it is needed. */
  const connectionArn = async (name: string, op: string) => {
    const out = await noneIfAbsent(call("events:DescribeConnection", () => c.events.send(new DescribeConnectionCommand({ Name: name }))));
    if (!out?.ConnectionArn) throw new AccountError("NoSuchEntity", op);
    return out.ConnectionArn;
  };
  const destinationArn = async (name: string, op: string) => {
    const out = await noneIfAbsent(call("events:DescribeApiDestination", () => c.events.send(new DescribeApiDestinationCommand({ Name: name }))));
    if (!out?.ApiDestinationArn) throw new AccountError("NoSuchEntity", op);
    return out.ApiDestinationArn;
  };
  const destination = async (a: OpArgs<"createApiDestination">, url: string, op: string) => ({
    Name: a.name,
    ConnectionArn: await connectionArn(a.connection, op),
    InvocationEndpoint: url,
    HttpMethod: "POST" as const,
    InvocationRateLimitPerSecond: a.rateLimitPerSecond,
  });
  return {
    createConnection: (a) =>
      write(OPS.createConnection.action, () =>
        c.eventsWrites.send(
          new CreateConnectionCommand({
            Name: a.name,
            AuthorizationType: "API_KEY",
            AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: a.apiKeyName, ApiKeyValue: a.apiKeyValue } },
          }),
        ),
      ),
    createApiDestination: async (a, secret) => {
      const input = await destination(a, secret.url, OPS.createApiDestination.action);
      return write(OPS.createApiDestination.action, () => c.eventsWrites.send(new CreateApiDestinationCommand(input)));
    },
    updateApiDestination: async (a, secret) => {
      const input = await destination(a, secret.url, OPS.updateApiDestination.action);
      return write(OPS.updateApiDestination.action, () => c.eventsWrites.send(new UpdateApiDestinationCommand(input)));
    },
    createWebhookRole: (a) =>
      write(OPS.createWebhookRole.action, () =>
        c.iamWrites.send(
          new CreateRoleCommand({ RoleName: a.roleName, AssumeRolePolicyDocument: a.trustPolicy, Description: "rootlock: EventBridge posts root alerts to the webhook" }),
        ),
      ),
    updateWebhookRoleTrust: (a) =>
      write(OPS.updateWebhookRoleTrust.action, () => c.iamWrites.send(new UpdateAssumeRolePolicyCommand({ RoleName: a.roleName, PolicyDocument: a.trustPolicy }))),
    putWebhookRolePolicy: (a) =>
      write(OPS.putWebhookRolePolicy.action, () =>
        c.iamWrites.send(new PutRolePolicyCommand({ RoleName: a.roleName, PolicyName: a.policyName, PolicyDocument: a.policy })),
      ),
    putWebhookTarget: async (a) => {
      const op = OPS.putWebhookTarget.action;
      const arn = await destinationArn(a.destination, op);
      return write(op, async () => {
        const out = await passingRole(() =>
          c.eventsWrites.send(
            new PutTargetsCommand({
              Rule: a.rule,
              Targets: [{ Id: a.id, Arn: arn, RoleArn: a.roleArn, InputTransformer: { InputPathsMap: a.inputPathsMap, InputTemplate: a.inputTemplate } }],
            }),
          ),
        );
        // PutTargets answers 200 even when it refused the target: the refusal is in the body.
        if ((out.FailedEntryCount ?? 0) > 0)
          throw new AccountError(out.FailedEntries?.[0]?.ErrorCode === "ConcurrentModificationException" ? "Throttling" : "InvalidParameter", op);
        return out;
      });
    },
    putTestEvent: (a) =>
      write(OPS.putTestEvent.action, async () => {
        const out = await c.eventsWrites.send(new PutEventsCommand({ Entries: [{ Source: a.source, DetailType: a.detailType, Detail: a.detail }] }));
        // PutEvents, too, answers 200 with the refused entries counted in the body.
        if ((out.FailedEntryCount ?? 0) > 0)
          throw new AccountError(out.Entries?.[0]?.ErrorCode === "ThrottlingException" ? "Throttling" : "InvalidParameter", OPS.putTestEvent.action);
        return out;
      }),
    removeWebhookTarget: (a) =>
      write(OPS.removeWebhookTarget.action, async () => {
        const out = await c.eventsWrites.send(new RemoveTargetsCommand({ Rule: a.rule, Ids: [a.id] }));
        if ((out.FailedEntryCount ?? 0) > 0) throw new AccountError("InvalidParameter", OPS.removeWebhookTarget.action);
        return out;
      }),
    deleteWebhookRolePolicy: (a) =>
      write(OPS.deleteWebhookRolePolicy.action, () => c.iamWrites.send(new DeleteRolePolicyCommand({ RoleName: a.roleName, PolicyName: a.policyName }))),
    deleteWebhookRole: (a) => write(OPS.deleteWebhookRole.action, () => c.iamWrites.send(new DeleteRoleCommand({ RoleName: a.roleName }))),
    deleteApiDestination: (a) => write(OPS.deleteApiDestination.action, () => c.eventsWrites.send(new DeleteApiDestinationCommand({ Name: a.name }))),
    deleteConnection: (a) => write(OPS.deleteConnection.action, () => c.eventsWrites.send(new DeleteConnectionCommand({ Name: a.name }))),
  };
}
