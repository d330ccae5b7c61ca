// Command-line options: parsed by node:util's parseArgs, validated by zod, so a bad value is refused
// with the valid choices listed and never reaches the wizard.
//
// zod/mini, not "zod": every run (--help included) loads this file first, and the full zod is ~730 kB that
// the bundle would compile before anything else (~35 ms); zod/mini's functions tree-shake to a few dozen kB.
// zod/mini ships no messages, so the English locale is loaded for "expected one of …" and the like.
import { parseArgs } from "node:util";
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { TOPIC_NAME_PATTERN } from "./aws/names.js";
import { SCENARIOS } from "./aws/scenario-names.js";
import type { Messages } from "./i18n/index.js";

z.config(en());

const flag = () => z._default(z.boolean(), false);
const nonEmpty = () => z.optional(z.string().check(z.minLength(1)));

export const optionsSchema = z
  .object({
    demo: flag(),
    // `--demo --reset`: the simulated account starts over (its saved state is deleted).
    reset: flag(),
    "dry-run": flag(),
    scenario: z.optional(z.enum(SCENARIOS)),
    lang: z.optional(z.enum(["en", "ko"])),
    profile: nonEmpty(),
    region: z.optional(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "a region looks like us-east-1"))),
    report: nonEmpty(),
    // SNS's rule for a topic name, checked before anything is sent.
    topic: z.optional(z.string().check(z.regex(TOPIC_NAME_PATTERN, "a topic name has 1-256 letters, digits, - or _"))),
    json: flag(),
    // `rootlock org`: a subset of the organization (comma-separated account ids, OU ids), and the journal.
    accounts: z.optional(z.string().check(z.regex(/^\d{12}(,\d{12})*$/, "account ids are 12 digits, separated by commas"))),
    ou: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})(,(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}))*$/,
            "an OU id looks like ou-ab12-cd34ef56 (or a root, r-ab12); separate several with commas",
          ),
        ),
    ),
    resume: flag(),
    journal: nonEmpty(),
    // `rootlock policy --check | --wizard`: which mode's IAM policy to print.
    check: flag(),
    wizard: flag(),
    help: flag(),
    version: flag(),
  })
  .check(z.refine((o) => !((o.demo || o.scenario) && o.profile), { message: "the simulated account (--demo, --scenario) takes no --profile", path: ["profile"] }));

export type Command = "wizard" | "check" | "alerts" | "policy" | "org";

/** `rootlock org [check | recover ACCOUNT | scp]`. */
export type OrgSub = "run" | "check" | "recover" | "scp";

export type Options = z.infer<typeof optionsSchema> & { command: Command; org?: { sub: OrgSub; account?: string } };

/** Every option rootlock takes: what parseArgs reads, and the list a refusal of an unknown one gives. */
const OPTIONS = {
  demo: { type: "boolean" },
  reset: { type: "boolean" },
  "dry-run": { type: "boolean" },
  scenario: { type: "string" },
  lang: { type: "string" },
  profile: { type: "string" },
  region: { type: "string" },
  report: { type: "string" },
  topic: { type: "string" },
  json: { type: "boolean" },
  accounts: { type: "string" },
  ou: { type: "string" },
  resume: { type: "boolean" },
  journal: { type: "string" },
  check: { type: "boolean" },
  wizard: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** The options as a person types them: `--lang LANG`, `--help (-h)`. */
export const OPTION_NAMES: readonly string[] = Object.entries(OPTIONS).map(([name, spec]) => {
  const short = "short" in spec ? ` (-${spec.short})` : "";
  return spec.type === "string" ? `--${name} ${name.toUpperCase()}${short}` : `--${name}${short}`;
});

export type ParseFailure =
  /** A flag rootlock does not have, as typed (`--bogus`, `-x`): said in rootlock's words, with the list. */
  { ok: false; unknownOption: string } | { ok: false; message: string };

export type ParseResult = { ok: true; options: Options } | ParseFailure;

/** The first option in the arguments that rootlock does not have, as typed. */
function unknownOption(argv: string[]): string | undefined {
  const { tokens } = parseArgs({ args: argv, strict: false, allowPositionals: true, tokens: true, options: OPTIONS });
  for (const token of tokens) if (token.kind === "option" && !Object.hasOwn(OPTIONS, token.name)) return token.rawName;
  return undefined;
}

export function parseOptions(argv: string[]): ParseResult {
  // Node's own sentence for an unknown flag ends in advice about '--' that does not apply to rootlock.
  const unknown = unknownOption(argv);
  if (unknown !== undefined) return { ok: false, unknownOption: unknown };
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: OPTIONS }));
  } catch (error) {
    // parseArgs names the unknown flag or the missing value; keep its sentence, drop the stack.
    return { ok: false, message: (error as Error).message };
  }
  if (positionals[0] === "org") return parseOrg(positionals.slice(1), values);
  const command = z.optional(z.enum(["check", "alerts", "policy"])).safeParse(positionals[0]);
  if (!command.success || positionals.length > 1) {
    return { ok: false, message: `Unknown command "${positionals.join(" ")}": the commands are "check", "alerts", "policy" and "org" (or none, for the wizard).` };
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n") };
  }
  const orgOnly = (["accounts", "ou", "resume", "journal"] as const).find((k) => parsed.data[k]);
  if (orgOnly) return { ok: false, message: `--${orgOnly} goes with \`rootlock org\`.` };
  if (parsed.data.reset && !parsed.data.demo && parsed.data.scenario === undefined)
    return { ok: false, message: "--reset goes with --demo or --scenario: it starts the simulated account over." };
  if (parsed.data.json && command.data !== "check") return { ok: false, message: "--json goes with `rootlock check`." };
  if ((parsed.data.check || parsed.data.wizard) && command.data !== "policy") return { ok: false, message: "--check and --wizard go with `rootlock policy`." };
  if (parsed.data.check && parsed.data.wizard) return { ok: false, message: "`rootlock policy` prints one policy: --check or --wizard, not both." };
  if (parsed.data.topic && command.data === "check") return { ok: false, message: "--topic goes with the wizard or `rootlock alerts`." };
  return { ok: true, options: { ...parsed.data, command: command.data ?? "wizard" } };
}

/** `rootlock org [check | recover ACCOUNT | scp]` and its options. */
function parseOrg(args: string[], values: Record<string, unknown>): ParseResult {
  const [sub = "run", account, ...rest] = args;
  const known = ["check", "recover", "scp"];
  if (rest.length > 0 || (sub !== "run" && !known.includes(sub)) || (sub === "recover") !== (account !== undefined))
    return {
      ok: false,
      message: `Unknown command "org ${args.join(" ")}": it is \`rootlock org\`, \`rootlock org check\`, \`rootlock org recover ACCOUNT\` or \`rootlock org scp\`.`,
    };
  if (sub === "recover" && !/^\d{12}$/.test(account ?? "")) return { ok: false, message: `"${account}" is not an account id (12 digits).` };
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n") };
  if (parsed.data.json && sub !== "check") return { ok: false, message: "--json goes with `rootlock org check`." };
  if (parsed.data.scenario || parsed.data["dry-run"] || parsed.data.topic || parsed.data.check || parsed.data.wizard || parsed.data.reset)
    return { ok: false, message: "`rootlock org` takes --demo, --profile, --region, --accounts, --ou, --resume, --journal, --report, --lang and, with check, --json." };
  return { ok: true, options: { ...parsed.data, command: "org", org: { sub: sub as OrgSub, ...(account ? { account } : {}) } } };
}

/** What the command line prints for refused arguments, in the run's language. */
export function refusalText(failure: ParseFailure, t: Messages): string {
  return "unknownOption" in failure ? t.cli.unknownOption(failure.unknownOption, OPTION_NAMES.join(", ")) : t.cli.badOption(failure.message);
}
