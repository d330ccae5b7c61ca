// A webhook URL (a Slack incoming webhook, or any HTTPS endpoint that takes JSON) is a secret: anyone who holds it
// can post to the channel. It travels only as the secret argument of `send` (events:CreateApiDestination,
// events:UpdateApiDestination) and never leaves an adapter once read back (DescribeApiDestination answers it as
// InvocationEndpoint): what the steps, the journal and the report see is its digest (to compare) and its mask (to
// show). Plain functions, no SDK: the adapters and the steps both use them.
import { createHash } from "node:crypto";

/** What stands for a webhook URL everywhere but the request that carries it. */
export interface WebhookRef {
  /** SHA-256 of the URL, hex: equal URLs, equal digests; the URL cannot be read back from it. */
  digest: string;
  /** `https://hooks.slack.com/…/abcd`: the scheme and host, then the last 4 characters only. */
  mask: string;
}

/** How many of the URL's last characters the mask shows (the issue: "the last characters only"). */
const SHOWN_TAIL = 4;

export function webhookDigest(url: string): string {
  return createHash("sha256").update(url, "utf8").digest("hex");
}

/** `https://hooks.slack.com/…/XXXX`: enough for the owner to tell two webhooks apart, not enough to post with. */
export function maskWebhook(url: string): string {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = "…";
  }
  return `${origin}/…/${url.slice(-SHOWN_TAIL)}`;
}

export function webhookRef(url: string): WebhookRef {
  return { digest: webhookDigest(url), mask: maskWebhook(url) };
}

/** The port's webhook reads and the operations table's webhook ops: what each adapter's webhook module implements. */
export type WebhookReadName = "getConnection" | "getApiDestination" | "getRole" | "getRolePolicy";
export type WebhookOpName =
  | "createConnection"
  | "createApiDestination"
  | "updateApiDestination"
  | "createWebhookRole"
  | "updateWebhookRoleTrust"
  | "putWebhookRolePolicy"
  | "putWebhookTarget"
  | "putTestEvent"
  | "removeWebhookTarget"
  | "deleteWebhookRolePolicy"
  | "deleteWebhookRole"
  | "deleteApiDestination"
  | "deleteConnection";
