// Command-line options: parsed by node:util's parseArgs, validated by zod, so a bad value is refused
// with the valid choices listed and never reaches the wizard.
import { parseArgs } from "node:util";
import { z } from "zod";
import { SCENARIOS } from "./aws/scenario-names.js";

export const optionsSchema = z
  .object({
    demo: z.boolean().default(false),
    "dry-run": z.boolean().default(false),
    scenario: z.enum(SCENARIOS).optional(),
    lang: z.enum(["en", "ko"]).optional(),
    profile: z.string().min(1).optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "a region looks like us-east-1").optional(),
    report: z.string().min(1).optional(),
    json: z.boolean().default(false),
    help: z.boolean().default(false),
    version: z.boolean().default(false),
  })
  .refine((o) => !((o.demo || o.scenario) && o.profile), { message: "the simulated account (--demo, --scenario) takes no --profile", path: ["profile"] });

export const COMMANDS = ["wizard", "check"] as const;
export type Command = (typeof COMMANDS)[number];

export type Options = z.infer<typeof optionsSchema> & { command: Command };

export type ParseResult = { ok: true; options: Options } | { ok: false; message: string };

export function parseOptions(argv: string[]): ParseResult {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        demo: { type: "boolean" },
        "dry-run": { type: "boolean" },
        scenario: { type: "string" },
        lang: { type: "string" },
        profile: { type: "string" },
        region: { type: "string" },
        report: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    }));
  } catch (error) {
    // parseArgs names the unknown flag or the missing value; keep its sentence, drop the stack.
    return { ok: false, message: (error as Error).message };
  }
  const command = z.enum(["check"]).optional().safeParse(positionals[0]);
  if (!command.success || positionals.length > 1) {
    return { ok: false, message: `Unknown command "${positionals.join(" ")}": the commands are "check" (or none, for the wizard).` };
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n") };
  }
  if (parsed.data.json && command.data !== "check") return { ok: false, message: "--json goes with `rootlock check`." };
  return { ok: true, options: { ...parsed.data, command: command.data ?? "wizard" } };
}
