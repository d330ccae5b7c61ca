// EventBridge's matching and input transformers, reduced to what root-activity alerts use, for the simulated
// account: it delivers an alert only when a rule's pattern really matches the event, and shapes the message the
// way the rule's input transformer says, so a trainee meets the same wrong pattern or empty field AWS would show.
import type { RuleTarget } from "./account.js";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A pattern matches when every field it names is present in the event with one of the listed values (an array of
 * values at the leaves, objects nest). Content filters other than `{ "prefix": … }` and `{ "anything-but": … }`
 * are not needed here and never match.
 */
export function matchesPattern(pattern: unknown, event: unknown): boolean {
  if (!isObject(pattern)) return false;
  return Object.entries(pattern).every(([field, wanted]) => {
    const value = isObject(event) ? event[field] : undefined;
    if (Array.isArray(wanted)) return wanted.some((w) => leafMatches(w, value));
    return matchesPattern(wanted, value);
  });
}

function leafMatches(wanted: Json, value: unknown): boolean {
  if (isObject(wanted)) {
    if (typeof wanted.prefix === "string") return typeof value === "string" && value.startsWith(wanted.prefix);
    if ("anything-but" in wanted) {
      const but = wanted["anything-but"];
      return value !== undefined && !(Array.isArray(but) ? but : [but]).includes(value as Json);
    }
    return false;
  }
  // A leaf value in the event may be an array: it matches when any element does.
  if (Array.isArray(value)) return value.some((v) => v === wanted);
  return value === wanted;
}

/** Resolves `$.a.b.c` in the event; undefined when any step is missing. */
function jsonPath(event: unknown, path: string): unknown {
  if (!path.startsWith("$")) return undefined;
  let node: unknown = event;
  for (const part of path.slice(1).split(".").filter(Boolean)) {
    if (!isObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

/**
 * The text a target receives. With an input transformer, each `<name>` in the template becomes the value at its
 * path (a missing value becomes empty, as EventBridge does); without one, the whole event as JSON.
 */
export function transformInput(target: RuleTarget, event: unknown): string {
  if (!target.inputTemplate) return JSON.stringify(event);
  const template = target.inputTemplate;
  const filled = template.replace(/<([\w.-]+)>/g, (whole, name: string) => {
    const path = target.inputPathsMap?.[name];
    if (!path) return whole;
    const value = jsonPath(event, path);
    return value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  });
  // A template that is a JSON string ("…") is delivered as that string's text.
  if (filled.startsWith('"') && filled.endsWith('"')) {
    try {
      return JSON.parse(filled) as string;
    } catch {
      return filled;
    }
  }
  return filled;
}

function isObject(x: unknown): x is Record<string, Json> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
