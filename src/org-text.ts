// The words of `rootlock org`'s results, in the run's language: an account's detail, the counts by state, the table,
// the exit status. Shared by the text run (org-command.ts) and the Ink screen (screens/org/), so neither depends on
// the other. Plain strings: no Ink, no terminal.
import stringWidth from "string-width";
import type { OrgMessages } from "./i18n/org-en.js";
import type { AccountResult, Evidence } from "./steps/org/types.js";
import { sayEvidence } from "./steps/org/session.js";
import type { RunEnd } from "./steps/org/end.js";

/** What a call answered, in the run's language (an error code stays as AWS gave it). */
export function resultOf(e: Evidence, t: OrgMessages): string {
  return e.said ? sayEvidence(e.said, t.evidence) : e.result;
}

/** An account's last answer, for the screen's row where its detail says nothing more. */
export function lastResultOf(r: AccountResult, t: OrgMessages): string {
  const last = r.evidence.at(-1);
  return last ? resultOf(last, t) : "";
}

/** The exit status of an audit or a run: 1 findings, else 2 when an account could not be audited, else 0. */
export function exitOf(results: readonly AccountResult[], incomplete: boolean): number {
  if (results.some((r) => r.state === "holds" || r.state === "still-holds")) return 1;
  if (incomplete || results.some((r) => r.state === "failed")) return 2;
  return 0;
}

/** An account's detail, in the run's language: what it holds, why it failed or was skipped. */
export function detailOf(r: AccountResult, t: OrgMessages): string {
  if (r.skip === "management") return t.skip.management;
  if (r.skip === "not-active") return t.skip["not-active"](r.account.state);
  if (r.failure) {
    const f = r.failure;
    if (f.reason === "scp") return t.failures.scp(f.action);
    if (f.reason === "access-denied") return t.failures["access-denied"](f.action);
    if (f.reason === "other") return t.failures.other(f.action, f.code);
    return t.failures[f.reason];
  }
  const c = r.credentials;
  return c && (r.state === "holds" || r.state === "still-holds") ? t.holds(c.password, c.accessKeys.length, c.mfaDevices.length, c.certificates.length) : "";
}

export function countsText(results: readonly AccountResult[], t: OrgMessages): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  return t.audit.counts([...counts].map(([state, n]) => `${t.states[state as AccountResult["state"]]} ${n}`).join(" · "));
}

export function tableText(results: readonly AccountResult[], t: OrgMessages): string {
  const rows = results.map((r) => [r.account.id, r.account.name, t.states[r.state], detailOf(r, t)]);
  // By display width: a Korean word takes two columns a character.
  const width = (i: number) => Math.max(stringWidth(t.head[(["account", "name", "state"] as const)[i] as "account"]), ...rows.map((row) => stringWidth(row[i] ?? "")));
  const widths = [0, 1, 2].map(width);
  const pad = (c: string, w: number) => c + " ".repeat(Math.max(0, w - stringWidth(c)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? pad(c, widths[i] ?? 0) : c)).join("  ");
  return [line([t.head.account, t.head.name, t.head.state, t.head.detail]), ...rows.map(line)].join("\n");
}

/** Ids on the screen's "run again" line at most: more would take the page; the report has the whole command. */
export const AGAIN_ON_SCREEN = 6;

export interface EndText {
  headline: string;
  /** One line an account: the ones not done first (failed, still holding, not removed, not started). */
  accounts: string[];
  /** What to fix, and the command to run again for just those accounts. */
  forward: string[];
  /** What the run did not cover (the management account, accounts not ACTIVE). */
  skipped?: string;
}

/**
 * How a run ended, in the run's language. `command` is the run's own command line ("rootlock org --demo"), to which
 * the run-again line adds --accounts; `ids` caps the ids it names (the screen's room), the report passes none.
 */
export function endText(end: RunEnd, t: OrgMessages, command: string, ids = Infinity): EndText {
  const e = t.end;
  const covered = end.verified + end.already + end.again.length;
  const why = end.reasons.map((r) => e.reasons[r.reason](r.count)).join(", ");
  const parts = [
    end.failed.length > 0 ? e.parts.failed(end.failed.length, why) : "",
    end.stillHolds.length > 0 ? e.parts.stillHolds(end.stillHolds.length) : "",
    end.notRemoved.length > 0 ? e.parts.notRemoved(end.notRemoved.length) : "",
    end.notStarted.length > 0 ? e.parts.notStarted(end.notStarted.length) : "",
  ].filter(Boolean);
  const row = (id: string, state: string, detail: string) => `${id}  ${state}  ${detail}`;
  const accounts = [
    ...[...end.failed, ...end.stillHolds].map((r) => row(r.account.id, t.states[r.state], detailOf(r, t))),
    ...end.notRemoved.map((r) => row(r.account.id, t.states[r.state], e.notSent(detailOf(r, t)))),
    ...end.notStarted.map((id) => `${id}  ${e.notStarted}`),
  ];
  const skipped = [
    end.skipped.some((r) => r.skip === "management") ? e.skippedManagement : "",
    ...(end.skipped.some((r) => r.skip === "not-active") ? [e.skippedInactive(end.skipped.filter((r) => r.skip === "not-active").length)] : []),
  ].filter(Boolean);
  return {
    headline: end.done ? e.done(end.verified, end.already) : e.notDone(end.again.length, covered, parts.join("; ")),
    accounts,
    forward: end.done ? [] : forwardLines(end, t, command, ids),
    ...(skipped.length > 0 ? { skipped: e.skipped(skipped.join("; ")) } : {}),
  };
}

/** What to fix, one line a cause, then the command to run again for just the accounts not done. */
function forwardLines(end: RunEnd, t: OrgMessages, command: string, ids: number): string[] {
  const e = t.end;
  const lines: string[] = [];
  for (const r of end.reasons) {
    if (r.reason === "scp") {
      const named = end.scps.filter((p) => p.effect === "blocks-assume-root" || p.effect === "unknown");
      if (named.length === 0) lines.push(e.findScp);
      for (const p of named) lines.push(p.effect === "unknown" ? e.checkScp(p.name, p.id) : e.fixScp(p.name, p.id));
    } else if (r.reason === "region-disabled") lines.push(e.fixRegion);
    else if (r.reason === "access-denied") lines.push(e.fixAccess(r.actions.join(", ")));
    else if (r.reason === "other") lines.push(e.fixOther);
    else if (!lines.includes(e.fixLater)) lines.push(e.fixLater);
  }
  if (end.stillHolds.length > 0) lines.push(e.fixStillHolds);
  if (end.notRemoved.length > 0) lines.push(e.fixNotRemoved);
  lines.push(end.again.length <= ids ? e.again(`${command} --accounts ${end.again.join(",")}`) : e.againMany(end.again.length, command));
  return lines;
}
