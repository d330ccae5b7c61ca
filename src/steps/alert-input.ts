// What the operator types for the alerts step, validated with zod before anything is planned: an address AWS
// would refuse (or a typo like a missing domain) is caught here, with a clear message, not by sns:Subscribe.
import * as z from "zod/mini";

const alertEmailSchema = z.email();

export function parseAlertEmail(text: string): string | undefined {
  const parsed = alertEmailSchema.safeParse(text.trim());
  return parsed.success ? parsed.data : undefined;
}

/** Why a webhook URL was refused: not a URL at all, or not HTTPS (EventBridge calls HTTPS endpoints only). */
export type WebhookRefusal = "not-url" | "not-https";

/** EventBridge's limit on InvocationEndpoint (EventBridge API reference, CreateApiDestination: up to 2048). */
const WEBHOOK_URL_MAX = 2048;

/**
 * A webhook URL the operator typed or pasted: an absolute https:// URL with a host, no spaces, at most 2048
 * characters. The answer never echoes the text back (it is a secret): a refusal says only why.
 */
export function parseWebhookUrl(text: string): { ok: true; url: string } | { ok: false; why: WebhookRefusal } {
  const candidate = text.trim();
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, why: "not-url" };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(candidate) || !url.hostname || candidate.length > WEBHOOK_URL_MAX) return { ok: false, why: "not-url" };
  if (url.protocol !== "https:") return { ok: false, why: "not-https" };
  return { ok: true, url: candidate };
}
