// The sign-in test: the operator signs in as root, with MFA, in a separate private browser window, and
// rootlock finds that sign-in in CloudTrail (us-east-1). A successful root sign-in WITHOUT MFA after the test
// began is a failure, not a pass: it means root can still get in with a password alone.
import { phrase, reads } from "./said.js";
import type { ConsoleLoginEvent } from "../aws/account.js";
import type { Action, AlertRoute, Evidence, StepContext, Verdict } from "./types.js";
import { verdict } from "./types.js";
import { trailWait, type WaitHooks, waitUntil } from "./wait.js";

export function planSigninTest(): Action[] {
  return [{ by: "operator", where: "console", task: "root-sign-in" }];
}

export interface SigninObservation {
  /** Root, success, MFA used. */
  passed?: ConsoleLoginEvent;
  /** Root, success, no MFA: root MFA is not in force. */
  withoutMfa?: ConsoleLoginEvent;
  /** Root sign-ins that failed (a wrong password or code): shown, and the wait goes on. */
  failures: ConsoleLoginEvent[];
}

/** Sorts the ConsoleLogin events seen since the test began. */
export function classifySignins(events: ConsoleLoginEvent[], since: Date): SigninObservation {
  const root = events.filter((e) => e.identityType.toLowerCase() === "root" && e.at.getTime() >= since.getTime());
  return {
    passed: root.find((e) => e.success && e.mfaUsed),
    withoutMfa: root.find((e) => e.success && !e.mfaUsed),
    failures: root.filter((e) => !e.success),
  };
}

export interface SigninHooks extends WaitHooks {
  /** Each lookup's result, so the screen can show failed attempts while it waits. */
  onObservation?: (observation: SigninObservation) => void;
}

export async function verifySigninTest(ctx: StepContext, since: Date, hooks: SigninHooks = {}): Promise<Verdict> {
  const result = await waitUntil(
    ctx,
    async () => {
      const observation = classifySignins(await ctx.account.lookupConsoleLogins(since), since);
      hooks.onObservation?.(observation);
      return observation;
    },
    (o) => o.passed !== undefined || o.withoutMfa !== undefined,
    trailWait(ctx, hooks),
  );
  const seen = result.last;
  const at = ctx.now();
  const source = "cloudtrail:LookupEvents (us-east-1)";
  if (seen?.passed) {
    return verdict("verified", "read-back-confirms", [{ source, read: describeEvent(seen.passed), at }]);
  }
  if (seen?.withoutMfa) {
    return verdict("failed", "signin-without-mfa", [{ source, read: describeEvent(seen.withoutMfa), at }]);
  }
  const evidence: Evidence[] = [{ source, ...reads(phrase("noSigninSince", since.toISOString())), at }];
  if (seen && seen.failures.length > 0) return verdict("unverified", "signin-failed", evidence);
  return verdict("unverified", result.aborted ? "operator-moved-on" : "not-visible-yet", evidence);
}

function describeEvent(e: ConsoleLoginEvent): string {
  const mfa = e.mfaUsed ? `MFAUsed=Yes${e.mfaIdentifier ? ` (${e.mfaIdentifier})` : ""}` : "MFAUsed=No";
  return `ConsoleLogin ${e.eventId} at ${e.at.toISOString()}: Root, ${e.success ? "Success" : "Failure"}, ${mfa}`;
}

/**
 * The sign-in test doubles as a fire drill when alerts were set up in this run (taken on, not skipped): one question
 * for each route the alerts step handed on (the address, the webhook's channel). Alerts kept as they were name no
 * route: the drill then asks about the alert email, as it always did.
 */
export function drillRoutes(results: Partial<Record<string, Verdict>>): AlertRoute[] {
  const alerts = results["root-alerts"];
  if (!alerts || alerts.state === "skipped") return [];
  return alerts.handoff?.alertRoutes?.length ? alerts.handoff.alertRoutes : [{ kind: "email" }];
}
