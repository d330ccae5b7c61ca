// moto's server on 127.0.0.1 with a free port, through the project's launcher (test/integration/moto_launcher.py:
// LookupEvents from posted events, a request log, injected faults), for tests of the real AWS adapter through
// the real SDK. Absent moto skips LOUDLY, and fails where ROOTLOCK_REQUIRE_MOTO is set (as .ci/run does), so a
// green run can never hide a skipped suite.
//
// Starting a launcher costs about a second of CPU (python imports moto, then loads its data), so the projects
// that use moto start one server per vitest worker up front (test/moto-servers.ts, a globalSetup), and
// startMoto() hands the test its worker's server, wiped by the launcher's whole reset: the same clean world a new
// server would be (test/integration/moto-reset.test.ts checks that). Outside those projects it starts its own.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

const LAUNCHER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../integration/moto_launcher.py");

export interface Fault {
  /** The API action, e.g. "GetAccountSummary". */
  action: string;
  /** "error": an AWS error answer (code, status); "reset": the connection is reset; "delay": the answer is late. */
  kind?: "error" | "reset" | "delay";
  code?: string;
  status?: number;
  delay_ms?: number;
  /** moto carries the request out first: the change is made, and only its answer is lost, failed or late. */
  after?: boolean;
  times?: number;
  /** Let this many calls of the action through before the fault. */
  skip?: number;
  /** AccessDenied on every call of the action until the faults are cleared. */
  deny?: boolean;
}

export interface SeenRequest {
  service: string;
  action: string;
  /** moto's HTTP status for it (0: the connection was reset before moto saw it). */
  status: number;
  /** What a write acted on: the access key id, device serial or device name, else the user, group or policy. */
  target: string;
  /** The kind of injected fault served to this request, if one was. */
  fault?: "error" | "reset" | "delay";
  /** Once an organization is seeded (test/helpers/org-world.ts): the caller's account and the SigV4 region. */
  account?: string;
  region?: string;
  /** Once an organization is seeded: the Host header's name (which endpoint the client chose: sts.amazonaws.com is the global one). */
  host?: string;
  /** The member account whose root the call acted as, for a call signed with AssumeRoot credentials. */
  root_session?: string;
}

export interface MotoServer {
  endpoint: string;
  /** Stops a server of the test's own; a worker's shared server stays up (the next startMoto() resets it). */
  stop(): Promise<void>;
  /** A new server's world: moto's state wiped, its auth off, and the launcher's own state cleared. */
  reset(): Promise<void>;
  /** CloudTrail records, as AWS stores them, for LookupEvents to return. */
  postEvents(records: object[]): Promise<void>;
  clearEvents(): Promise<void>;
  /** Every AWS request received since the last clearRequests(). */
  requests(): Promise<SeenRequest[]>;
  clearRequests(): Promise<void>;
  fault(spec: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  /** Plays the owner of `endpoint` clicking the link in SNS's confirmation email; answers how many were confirmed. */
  confirmEmail(endpoint: string): Promise<number>;
  /** The organization's management account `owner` makes an organization trail, seen from every other account. */
  orgTrail(spec: { name: string; owner: string; home_region?: string }): Promise<void>;
  /** Another account `owner` holds the bucket name `name`. */
  foreignBucket(spec: { name: string; owner: string }): Promise<void>;
  /** What EventBridge would have POSTed to API destinations (the launcher never calls out). */
  webhookPosts(): Promise<WebhookPost[]>;
  clearWebhookPosts(): Promise<void>;
  /** EventBridge changes every destination's or connection's state on its own (INACTIVE, DEAUTHORIZED…). */
  webhookState(spec: { destination?: string; connection?: string }): Promise<void>;
}

/** One POST an API destination would have made: where, how, and the JSON body. */
export interface WebhookPost {
  destination: string;
  endpoint: string;
  method: string;
  body: string;
  role?: string;
}

export function motoAvailable(): { ok: true } | { ok: false; why: string } {
  const probe = spawnSync("python3", ["-c", "import moto.server, werkzeug; print(moto.__version__)"], { encoding: "utf8" });
  if (probe.status === 0) return { ok: true };
  return { ok: false, why: (probe.stderr || probe.error?.message || "python3 not found").trim().split("\n").at(-1) ?? "" };
}

/** Skips a suite loudly when moto is absent, and fails it instead where ROOTLOCK_REQUIRE_MOTO is set. */
export function requireMoto(suite: string): boolean {
  const available = sharedServers()?.available ?? motoAvailable();
  if (available.ok) return true;
  const banner = `MOTO NOT AVAILABLE: ${suite} skipped (${available.why})`;
  if (process.env.ROOTLOCK_REQUIRE_MOTO) throw new Error(banner);
  console.warn(`\n${"!".repeat(banner.length)}\n${banner}\n${"!".repeat(banner.length)}\n`);
  return false;
}

/** What test/moto-servers.ts provides: its probe of moto, and one endpoint per worker (VITEST_POOL_ID 1…n). */
export interface SharedMotoServers {
  available: { ok: true } | { ok: false; why: string };
  endpoints: string[];
}

declare module "vitest" {
  export interface ProvidedContext {
    motoServers: SharedMotoServers | undefined;
  }
}

function sharedServers(): SharedMotoServers | undefined {
  try {
    return inject("motoServers");
  } catch {
    return undefined; // not in a vitest worker
  }
}

/** A clean moto for the test: its worker's shared server, reset, or else a server of its own. */
export async function startMoto(): Promise<MotoServer> {
  const endpoint = sharedServers()?.endpoints[Number(process.env.VITEST_POOL_ID) - 1];
  if (!endpoint) return launchMoto();
  const server = motoAt(endpoint, async () => {});
  await server.reset();
  return server;
}

/** Starts a launcher of its own; stop() ends it. */
export async function launchMoto(): Promise<MotoServer> {
  const child: ChildProcess = spawn("python3", [LAUNCHER], { stdio: ["ignore", "pipe", "pipe"] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`moto did not start in 20 s:\n${log}`)), 20_000);
    child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      const m = /PORT=(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.on("exit", (code) => reject(new Error(`moto exited (${code}) before listening:\n${log}`)));
  });
  return motoAt(
    endpoint,
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  );
}

/** The harness routes of the launcher listening at `endpoint`. */
function motoAt(endpoint: string, stop: () => Promise<void>): MotoServer {
  const call = async (route: string, method: string, body?: unknown) => {
    const res = await fetch(`${endpoint}/_harness/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`harness ${method} ${route}: ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  return {
    endpoint,
    reset: async () => void (await call("reset", "POST")),
    postEvents: async (records) => void (await call("cloudtrail-events", "POST", records)),
    clearEvents: async () => void (await call("cloudtrail-events", "DELETE")),
    requests: async () => (await call("requests", "GET")) as SeenRequest[],
    clearRequests: async () => void (await call("requests", "DELETE")),
    fault: async (spec) => void (await call("faults", "POST", spec)),
    clearFaults: async () => void (await call("faults", "DELETE")),
    orgTrail: async (spec) => void (await call("org-trail", "POST", spec)),
    foreignBucket: async (spec) => void (await call("foreign-bucket", "POST", spec)),
    webhookPosts: async () => (await call("webhook-posts", "GET")) as WebhookPost[],
    clearWebhookPosts: async () => void (await call("webhook-posts", "DELETE")),
    webhookState: async (spec) => void (await call("webhook-state", "POST", spec)),
    confirmEmail: async (endpoint) => ((await call("sns-confirm", "POST", { endpoint })) as { confirmed: number }).confirmed,
    stop,
  };
}
