// Command-line options: parsed by node:util's parseArgs, validated by zod, so a bad value is refused
// with the valid choices listed and never reaches the wizard.
//
// zod/mini, not "zod": every run (--help included) loads this file first, and the full zod is ~730 kB that
// the bundle would compile before anything else (~35 ms); zod/mini's functions tree-shake to a few dozen kB.
// zod's own messages are not used (no locale is loaded): a refusal is data (Refusal), said from the catalogue
// in the run's language.
import { parseArgs } from "node:util";
import * as z from "zod/mini";
import { TOPIC_NAME_PATTERN } from "./aws/names.js";
import { SCENARIOS } from "./aws/scenario-names.js";
import type { Messages } from "./i18n/index.js";

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
    region: z.optional(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/))),
    report: nonEmpty(),
    // SNS's rule for a topic name, checked before anything is sent.
    topic: z.optional(z.string().check(z.regex(TOPIC_NAME_PATTERN))),
    json: flag(),
    // `rootlock org`: a subset of the organization (comma-separated account ids, OU ids), and the journal.
    accounts: z.optional(z.string().check(z.regex(/^\d{12}(,\d{12})*$/))),
    ou: z.optional(z.string().check(z.regex(/^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})(,(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}))*$/))),
    resume: flag(),
    journal: nonEmpty(),
    // `rootlock policy --check | --wizard`: which mode's IAM policy to print.
    check: flag(),
    wizard: flag(),
    help: flag(),
    version: flag(),
  })
  .check(z.refine((o) => !((o.demo || o.scenario) && o.profile), { path: ["profile"] }));

export type Command = "wizard" | "check" | "alerts" | "policy" | "org";

/** `rootlock org [check | recover ACCOUNT | scp]`. */
export type OrgSub = "run" | "check" | "recover" | "scp";

export type Options = z.infer<typeof optionsSchema> & { command: Command; org?: { sub: OrgSub; account?: string } };

/** Every option rootlock takes: what parseArgs reads, and the list a refusal of an unknown one gives. */
export const OPTIONS = {
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

/** Where an option belongs, when it was given where it does not (the catalogue says it in the run's language). */
export type Belongs = "org" | "orgCheck" | "check" | "wizardOrAlerts";

/** The options whose value has a shape of its own (a region, a topic name, account and OU ids). */
export type Shaped = "region" | "topic" | "accounts" | "ou";

/**
 * Why a command line is refused, as data: the CLI says it from the catalogue, in the language the command line asks
 * for (an English sentence built here came out in English under --lang ko).
 */
export type Refusal =
  /** A flag rootlock does not have, as typed (`--bogus`, `-x`): said with the list of those it has. */
  | { code: "unknownOption"; option: string }
  | { code: "missingValue"; option: string }
  | { code: "takesNoValue"; option: string }
  /** A value not among the option's choices (`--lang fr`). */
  | { code: "choices"; option: string; given: string; choices: readonly string[] }
  | { code: "shape"; option: Shaped }
  | { code: "demoProfile" }
  | { code: "unknownCommand"; typed: string }
  | { code: "unknownOrgCommand"; typed: string }
  | { code: "notAnAccount"; typed: string }
  | { code: "goesWith"; option: string; belongs: Belongs }
  | { code: "resetNeedsDemo" }
  | { code: "policyFlags" }
  | { code: "onePolicy" }
  | { code: "orgTakes" }
  /** Node's parseArgs refused it for a reason not above: its own sentence, as a last resort. */
  | { code: "other"; detail: string };

export type ParseFailure = { ok: false; refusal: Refusal };

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
  if (unknown !== undefined) return refuse({ code: "unknownOption", option: unknown });
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: OPTIONS }));
  } catch (error) {
    return refuse(parseArgsRefusal(error as Error & { code?: string }));
  }
  if (positionals[0] === "org") return parseOrg(positionals.slice(1), values);
  const command = z.optional(z.enum(["check", "alerts", "policy"])).safeParse(positionals[0]);
  if (!command.success || positionals.length > 1) return refuse({ code: "unknownCommand", typed: positionals.join(" ") });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) return refuse(schemaRefusal(parsed.error.issues[0]!, values));
  const orgOnly = (["accounts", "ou", "resume", "journal"] as const).find((k) => parsed.data[k]);
  if (orgOnly) return refuse({ code: "goesWith", option: `--${orgOnly}`, belongs: "org" });
  if (parsed.data.reset && !parsed.data.demo && parsed.data.scenario === undefined) return refuse({ code: "resetNeedsDemo" });
  if (parsed.data.json && command.data !== "check") return refuse({ code: "goesWith", option: "--json", belongs: "check" });
  if ((parsed.data.check || parsed.data.wizard) && command.data !== "policy") return refuse({ code: "policyFlags" });
  if (parsed.data.check && parsed.data.wizard) return refuse({ code: "onePolicy" });
  if (parsed.data.topic && command.data === "check") return refuse({ code: "goesWith", option: "--topic", belongs: "wizardOrAlerts" });
  return { ok: true, options: { ...parsed.data, command: command.data ?? "wizard" } };
}

const refuse = (refusal: Refusal): ParseFailure => ({ ok: false, refusal });

/** parseArgs's error, as a refusal: the option it names (its sentence has it in quotes: '--lang <value>'). */
function parseArgsRefusal(error: Error & { code?: string }): Refusal {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (option && error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return /does not take an argument/.test(error.message) ? { code: "takesNoValue", option } : { code: "missingValue", option };
  return { code: "other", detail: error.message };
}

/** The schema's first objection, as a refusal about the option it concerns. */
function schemaRefusal(issue: z.core.$ZodIssue, values: Record<string, unknown>): Refusal {
  const name = String(issue.path[0]);
  if (issue.code === "custom") return { code: "demoProfile" };
  if (issue.code === "invalid_value") return { code: "choices", option: `--${name}`, given: String(values[name]), choices: issue.values.map(String) };
  if (name === "region" || name === "topic" || name === "accounts" || name === "ou") return { code: "shape", option: name };
  return { code: "missingValue", option: `--${name}` };
}

/** `rootlock org [check | recover ACCOUNT | scp]` and its options. */
function parseOrg(args: string[], values: Record<string, unknown>): ParseResult {
  const [sub = "run", account, ...rest] = args;
  const known = ["check", "recover", "scp"];
  if (rest.length > 0 || (sub !== "run" && !known.includes(sub)) || (sub === "recover") !== (account !== undefined))
    return refuse({ code: "unknownOrgCommand", typed: args.join(" ") });
  if (sub === "recover" && !/^\d{12}$/.test(account ?? "")) return refuse({ code: "notAnAccount", typed: account ?? "" });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) return refuse(schemaRefusal(parsed.error.issues[0]!, values));
  if (parsed.data.json && sub !== "check") return refuse({ code: "goesWith", option: "--json", belongs: "orgCheck" });
  if (parsed.data.scenario || parsed.data["dry-run"] || parsed.data.topic || parsed.data.check || parsed.data.wizard || parsed.data.reset)
    return refuse({ code: "orgTakes" });
  return { ok: true, options: { ...parsed.data, command: "org", org: { sub: sub as OrgSub, ...(account ? { account } : {}) } } };
}

/** What the command line prints for refused arguments, in the run's language. */
export function refusalText({ refusal: r }: ParseFailure, t: Messages): string {
  return r.code === "unknownOption" ? t.cli.unknownOption(r.option, OPTION_NAMES.join(", ")) : t.cli.badOption(sentence(r, t.cli.refusals));
}

function sentence(r: Exclude<Refusal, { code: "unknownOption" }>, said: Messages["cli"]["refusals"]): string {
  switch (r.code) {
    case "missingValue":
    case "takesNoValue":
      return said[r.code](r.option);
    case "choices":
      return said.choices(r.option, r.given, r.choices.map((c) => `"${c}"`).join(", "));
    case "shape":
      return `--${r.option}: ${said.shapes[r.option]}.`;
    case "unknownCommand":
    case "unknownOrgCommand":
    case "notAnAccount":
      return said[r.code](r.typed);
    case "goesWith":
      return said.goesWith(r.option, said.belongs[r.belongs]);
    case "other":
      return r.detail;
    default:
      return said[r.code];
  }
}
