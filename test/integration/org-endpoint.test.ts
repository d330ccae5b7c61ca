// Which STS endpoint the product's live adapter (src/aws/live/org.ts) sends AssumeRoot to. STS API Reference,
// AssumeRoot: "The STS global endpoint is not supported for AssumeRoot. You must send this request to a Regional STS
// endpoint." The launcher decides global or regional by the Host header (launcher_org.py, "STS AssumeRoot"): that
// it refuses sts.amazonaws.com as AWS does (400 InvalidAction) is proven in org-launcher.test.ts ("the global
// endpoint is refused"). Here the adapter runs with no endpoint override, so the SDK picks the host it would pick
// against AWS; a request handler delivers each request to the launcher unchanged but for where the socket goes, so
// the Host header (signed, as sent to AWS) is the SDK's choice, and the launcher's request log shows it.
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LiveOrg } from "../../src/aws/live/org.js";
import { auditAccounts } from "../../src/steps/org/audit.js";
import { systemNow, systemSleep } from "../../src/lib/clock.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { credentialsOf, IAM_PRINCIPAL, type OrgWorld, orgWorld } from "../helpers/org-world.js";

const available = requireMoto("the rootlock org endpoint test");
// A region where the SDK could use the global endpoint (its legacy list): only the adapter's choice keeps it regional.
const REGION = "eu-west-1";

/** Sends every request to the launcher's port, keeping the Host header the SDK set (and signed). */
class ToLauncher extends NodeHttpHandler {
  constructor(private readonly port: number) {
    super();
  }
  override handle(...[request, options]: Parameters<NodeHttpHandler["handle"]>) {
    request.headers.host ??= request.hostname;
    Object.assign(request, { protocol: "http:", hostname: "127.0.0.1", port: this.port });
    return super.handle(request, options);
  }
}

describe.runIf(available)("the live adapter's STS endpoint", () => {
  let moto: MotoServer;
  let world: OrgWorld;
  let savedEndpoint: string | undefined;

  beforeAll(async () => {
    moto = await startMoto();
    world = orgWorld(moto);
    savedEndpoint = process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_ENDPOINT_URL;
  });
  beforeEach(async () => moto.reset());
  afterAll(async () => {
    if (savedEndpoint !== undefined) process.env.AWS_ENDPOINT_URL = savedEndpoint;
    await moto?.stop();
  });

  it("sends AssumeRoot to the regional endpoint of its region (the request log's host and region), and the audit succeeds", async () => {
    const org = await world.seed({ accounts: 2, trusted_access: [IAM_PRINCIPAL], features: ["RootCredentialsManagement", "RootSessions"] });
    const port = Number(new URL(moto.endpoint).port);
    const live = new LiveOrg({ region: REGION, credentials: credentialsOf(org.management), maxAttempts: 1, requestHandler: new ToLauncher(port) });
    const deps = { org: live, now: systemNow, sleep: systemSleep, random: Math.random };
    await moto.clearRequests();
    const run = await auditAccounts(
      deps,
      org.accounts.map((a) => ({ id: a.id, name: a.name, email: a.email, state: "ACTIVE" as const })),
      org.management.id,
    );
    const assumeRoot = (await moto.requests()).filter((r) => r.action === "AssumeRoot");
    expect(assumeRoot.length).toBe(2);
    for (const r of assumeRoot) expect(r).toMatchObject({ host: `sts.${REGION}.amazonaws.com`, region: REGION, status: 200 });
    expect(run.results.map((r) => r.state)).toEqual(["credential-less", "credential-less"]);
  });
});
