// The shape of `rootlock check --json`, as a zod schema: exported by the package (rootlock/check-schema)
// so that scripts can validate what they read, and documented in the README.
import { z } from "zod";

export const checkStatusSchema = z.enum(["pass", "fail", "unknown"]);

export const checkFindingSchema = z.object({
  /** rootlock's name for the control. */
  // New controls are added at the end; none is renamed, so older readers keep working on the ones they know.
  control: z.enum([
    "root-access-keys",
    "root-mfa",
    "root-hardware-mfa",
    "root-use",
    "root-activity-alerts",
    "security-contact",
    "admin-identity",
    "password-min-length",
    "password-reuse",
  ]),
  title: z.string(),
  /** CIS AWS Foundations Benchmark v3.0 id. */
  cis: z.string(),
  /** AWS Security Hub control id ("—" when no Security Hub control checks this one). */
  securityHub: z.string(),
  /** A Security Hub control that checks something related, not this control itself (e.g. CloudWatch.1 for CIS 1.7). */
  related: z.string().optional(),
  status: checkStatusSchema,
  /** What was read, in words: "key 1 active, last used 3 days ago by s3 in ap-northeast-2". */
  evidence: z.string(),
  /** Where it was read, e.g. "iam:GetAccountSummary". */
  source: z.string(),
  /** How fresh the source is: "live" (read now), or the time the credential report was generated. */
  asOf: z.string(),
});

export const checkReportSchema = z.object({
  tool: z.object({ name: z.literal("rootlock"), version: z.string() }),
  account: z.string().optional(),
  caller: z.string().optional(),
  simulated: z.boolean(),
  checkedAt: z.string(),
  /** 0 every control passes, 1 at least one fails, 2 none fails but at least one could not be told. */
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  findings: z.array(checkFindingSchema),
  notes: z.array(z.string()),
});

export type CheckStatus = z.infer<typeof checkStatusSchema>;
export type CheckFinding = z.infer<typeof checkFindingSchema>;
export type CheckReport = z.infer<typeof checkReportSchema>;
