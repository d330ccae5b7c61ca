// What the operator types for the alerts step, validated with zod before anything is planned: an address AWS
// would refuse (or a typo like a missing domain) is caught here, with a clear message, not by sns:Subscribe.
import * as z from "zod/mini";

const alertEmailSchema = z.email();

export function parseAlertEmail(text: string): string | undefined {
  const parsed = alertEmailSchema.safeParse(text.trim());
  return parsed.success ? parsed.data : undefined;
}
