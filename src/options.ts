// Command-line options: parsed by node:util's parseArgs, validated by zod, so a bad value is refused
// with the valid choices listed and never reaches the wizard.
import { parseArgs } from "node:util";
import { z } from "zod";

export const SCENARIO_NAMES = ["new-account", "clean", "hardened", "root-key"] as const;

export const optionsSchema = z
  .object({
    demo: z.boolean().default(false),
    "dry-run": z.boolean().default(false),
    scenario: z.enum(SCENARIO_NAMES).optional(),
    lang: z.enum(["en", "ko"]).optional(),
    profile: z.string().min(1).optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "a region looks like us-east-1").optional(),
    report: z.string().min(1).optional(),
    help: z.boolean().default(false),
    version: z.boolean().default(false),
  })
  .refine((o) => !((o.demo || o.scenario) && o.profile), { message: "the simulated account (--demo, --scenario) takes no --profile", path: ["profile"] });

export type Options = z.infer<typeof optionsSchema>;

export type ParseResult = { ok: true; options: Options } | { ok: false; message: string };

export function parseOptions(argv: string[]): ParseResult {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: "boolean" },
        "dry-run": { type: "boolean" },
        scenario: { type: "string" },
        lang: { type: "string" },
        profile: { type: "string" },
        region: { type: "string" },
        report: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    }));
  } catch (error) {
    // parseArgs names the unknown flag or the missing value; keep its sentence, drop the stack.
    return { ok: false, message: (error as Error).message };
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n") };
  }
  return { ok: true, options: parsed.data };
}
