// An AWS organization in the launcher, seeded through its harness routes (test/integration/launcher_org.py lists
// them): in-process in moto's own backends, so 1,000 member accounts take seconds, where CreateAccount through the
// API would take minutes. The organization is then read and changed through AWS's own API, as in AWS.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type MotoServer, startMoto } from "./moto-server.js";

export const IAM_PRINCIPAL = "iam.amazonaws.com";
export type RootFeature = "RootCredentialsManagement" | "RootSessions";
export type RootTask = "IAMAuditRootUserCredentials" | "IAMCreateRootUserPassword" | "IAMDeleteRootUserCredentials" | "S3UnlockBucketPolicy" | "SQSUnlockQueuePolicy";
export const taskPolicyArn = (task: RootTask) => `arn:aws:iam::aws:policy/root-task/${task}`;

export interface AccountSpec {
  id?: string;
  name?: string;
  email?: string;
  /** An OU path from `ous`, e.g. "Prod/Web"; the root when left out. */
  ou?: string;
  state?: "ACTIVE" | "SUSPENDED";
}

export interface OrgSpec {
  management?: { id?: string; email?: string };
  feature_set?: "ALL" | "CONSOLIDATED_BILLING";
  /** OU paths under the root, parents first. */
  ous?: string[];
  /** A number: that many ACTIVE accounts at the root. */
  accounts?: number | AccountSpec[];
  trusted_access?: string[];
  /** An account id, or an index into `accounts`. */
  delegated_admin?: string | number;
  features?: RootFeature[];
}

export interface Signer {
  id: string;
  access_key_id: string;
  secret_access_key: string;
}

export interface SeededOrg {
  organization_id: string;
  root_id: string;
  ous: Record<string, string>;
  management: Signer;
  delegated_admin: Signer | null;
  accounts: { id: string; name: string; email: string; ou_id: string; state: string }[];
}

export interface RootCredentialsSpec {
  password?: boolean | { reset_required: boolean };
  access_keys?: { status?: "Active" | "Inactive"; last_used?: { date: string; service?: string; region?: string } }[];
  mfa?: { type: "virtual" | "hardware" }[];
  signing_certificates?: { status?: "Active" | "Inactive" }[];
}

export interface RootCredentials {
  login_profile: { created: string; reset_required: boolean } | null;
  access_keys: { id: string; status: string; last_used: { date: string; service: string; region: string } | null }[];
  mfa_devices: { serial: string; type: "virtual" | "hardware"; enabled: boolean }[];
  signing_certificates: { id: string; status: string }[];
}

export interface ScpSpec {
  /** An account id, an OU path, or "root". */
  target: string;
  name?: string;
  deny?: string[];
  root_only?: boolean;
  exempt_assumed_root?: boolean;
  document?: object;
}

export interface OrgState {
  organization_id: string | null;
  management: string | null;
  features: RootFeature[];
  trusted_access: string[];
  delegated_admins: string[];
  now: string;
  sessions: { access_key_id: string; account: string; task_policy: RootTask; expires: string; expired: boolean }[];
  assume_root: { accepted: number; throttled: number; refused: number };
  scps: { policy_id: string; name: string; targets: string[] }[];
}

/** The organization routes of the launcher behind `moto` (reset it with moto.reset(), as for everything else). */
export function orgWorld(moto: Pick<MotoServer, "endpoint">) {
  const call = async <T>(route: string, method: "GET" | "POST", body?: unknown): Promise<T> => {
    const res = await fetch(`${moto.endpoint}/_harness/org/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`harness ${method} org/${route}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  };
  return {
    seed: (spec: OrgSpec) => call<SeededOrg>("seed", "POST", spec),
    giveRoot: (account: string, spec: RootCredentialsSpec) =>
      call<{ access_key_ids: string[]; mfa_serials: string[]; certificate_ids: string[] }>("root-credentials", "POST", { account, ...spec }),
    rootOf: (account: string) => call<RootCredentials>(`root-credentials?account=${account}`, "GET"),
    attachScp: (spec: ScpSpec) => call<{ policy_id: string; arn: string }>("scp", "POST", spec),
    throttle: (assumeRootPerSecond: number) => call<object>("throttle", "POST", { assume_root_per_second: assumeRootPerSecond }),
    latency: (ms: number, actions?: string[]) => call<object>("latency", "POST", { ms, actions }),
    advanceClock: (seconds: number) => call<{ now: string }>("clock", "POST", { advance_seconds: seconds }),
    expireSessions: (account?: string) => call<{ expired: number }>("expire-sessions", "POST", account ? { account } : {}),
    disableRegions: (regions: string[]) => call<object>("disabled-regions", "POST", { regions }),
    emptyPageEvery: (n: number) => call<object>("list-quirks", "POST", { empty_page_every: n }),
    setFeatures: (spec: Partial<Record<RootFeature | "trusted_access", boolean>> & { delegated_admin?: string | null }) =>
      call<{ delegated_admin?: Signer }>("features", "POST", spec),
    state: () => call<OrgState>("state", "GET"),
  };
}

export type OrgWorld = ReturnType<typeof orgWorld>;

/** SDK credentials of a seeded signer. */
export const credentialsOf = (signer: Signer) => ({ accessKeyId: signer.access_key_id, secretAccessKey: signer.secret_access_key });

/**
 * A describe block's launcher with its organization routes, wiped before each test, and AWS_ENDPOINT_URL pointing
 * at it for the SDK (as the product finds an endpoint), restored after. Read `moto` and `world` inside the tests.
 */
export function orgSuite(): { readonly moto: MotoServer; readonly world: OrgWorld } {
  const suite = {} as { moto: MotoServer; world: OrgWorld };
  let savedEndpoint: string | undefined;
  beforeAll(async () => {
    suite.moto = await startMoto();
    suite.world = orgWorld(suite.moto);
    savedEndpoint = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = suite.moto.endpoint;
  });
  beforeEach(async () => suite.moto.reset());
  afterAll(async () => {
    if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = savedEndpoint;
    await suite.moto?.stop();
  });
  return suite;
}
