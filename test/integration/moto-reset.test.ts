// A moto server is shared by every case of a worker (test/moto-servers.ts), so its reset must give each case the
// world a new server would: nothing of the previous case's account in moto, moto's auth off again, and none of
// the launcher's own state (posted CloudTrail events, the request log, faults, pending confirmation emails,
// deleted keys, sessions). Each kind of state is made dirty, shown to be seen (so the check can fail), then reset.
import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, IAMClient, ListUsersCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateTopicCommand, SNSClient, SubscribeCommand } from "@aws-sdk/client-sns";
import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Key, SETUP } from "../helpers/live-world.js";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";

const available = requireMoto("the moto reset tests");

describe.runIf(available)("a shared moto server, reset, is as clean as a new one", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  const region = "us-east-1";
  const client = <C>(Client: new (config: object) => C, key: Key = SETUP, extra: object = {}) =>
    new Client({ region, endpoint: moto.endpoint, credentials: key, maxAttempts: 1, ...extra });
  /** Resolves to the AWS error code of a call, or "ok". */
  const outcome = (call: Promise<unknown>) =>
    call.then(
      () => "ok",
      (e: { name?: string }) => e.name ?? String(e),
    );
  const listUsers = (key: Key = SETUP) => outcome(client(IAMClient, key).send(new ListUsersCommand({})));
  const EVERYTHING = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });

  async function userWithKey(name: string): Promise<Key> {
    const iam = client(IAMClient);
    await iam.send(new CreateUserCommand({ UserName: name }));
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "everything", PolicyDocument: EVERYTHING }));
    const k = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
  }

  /**
   * Each kind of state: `dirty` leaves some behind and answers a probe of it, `probe()` answers what is seen now;
   * after dirty() the probe must differ from `clean`, and after a reset equal it. The request log comes first and
   * auth last: the other probes send requests, and once auth is on the setup key may do nothing.
   */
  const STATE: { name: string; clean: unknown; dirty: () => Promise<() => Promise<unknown>> }[] = [
    {
      name: "the request log",
      clean: 0,
      dirty: async () => {
        await listUsers();
        return async () => (await moto.requests()).length;
      },
    },
    {
      name: "moto's own state (an IAM user)",
      clean: [],
      dirty: async () => {
        await userWithKey("left-over");
        return async () => ((await client(IAMClient).send(new ListUsersCommand({}))).Users ?? []).map((u) => u.UserName);
      },
    },
    {
      name: "CloudTrail events posted for LookupEvents",
      clean: 0,
      dirty: async () => {
        await moto.postEvents([{ eventID: "e-1", eventTime: new Date().toISOString(), eventName: "ConsoleLogin", eventSource: "signin.amazonaws.com" }]);
        return async () => ((await client(CloudTrailClient).send(new LookupEventsCommand({}))).Events ?? []).length;
      },
    },
    {
      name: "injected faults",
      clean: "ok",
      dirty: async () => {
        await moto.fault({ action: "ListUsers", deny: true });
        return () => listUsers();
      },
    },
    {
      name: "an email subscription waiting for its link to be clicked",
      clean: 0,
      dirty: async () => {
        const sns = client(SNSClient);
        const topic = (await sns.send(new CreateTopicCommand({ Name: "alerts" }))).TopicArn!;
        // The probe clicks a link, which ends that subscription's wait: one owner for each time it runs.
        const owners = ["first@example.com", "second@example.com"];
        for (const owner of owners) await sns.send(new SubscribeCommand({ TopicArn: topic, Protocol: "email", Endpoint: owner }));
        return () => moto.confirmEmail(owners.shift() ?? "nobody@example.com");
      },
    },
    {
      name: "an access key deleted (refused ever after)",
      clean: "ok",
      dirty: async () => {
        const key = await userWithKey("key-holder");
        await client(IAMClient).send(new DeleteAccessKeyCommand({ UserName: "key-holder", AccessKeyId: key.accessKeyId }));
        // With auth off, moto accepts any key it does not know: a new server would accept this one too.
        return () => listUsers(key);
      },
    },
    {
      name: "a session from GetSessionToken without MFA (refused by IAM)",
      clean: "ok",
      dirty: async () => {
        const key = await userWithKey("session-holder");
        const c = (await client(STSClient, key).send(new GetSessionTokenCommand({}))).Credentials!;
        const session = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
        return () => listUsers(session);
      },
    },
    {
      name: "a bucket name held by another account",
      clean: "ok",
      dirty: async () => {
        await moto.foreignBucket({ name: "taken-name", owner: "999988887777" });
        return () => outcome(client(S3Client, SETUP, { forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: "taken-name" })));
      },
    },
    {
      name: "moto's auth, turned on by /moto-api/reset-auth",
      clean: "ok",
      dirty: async () => {
        await fetch(`${moto.endpoint}/moto-api/reset-auth`, { method: "POST", body: "0" });
        return () => listUsers(); // the test's setup key is no user's: refused once auth is on
      },
    },
  ];

  it.each(STATE)("$name is gone after the reset", async ({ dirty, clean }) => {
    await moto.reset();
    const probe = await dirty();
    expect(await probe(), "the probe sees the state left behind").not.toEqual(clean);
    await moto.reset();
    expect(await probe()).toEqual(clean);
  });

  it("startMoto() hands the next file its worker's server with every kind of state gone at once", async () => {
    await moto.reset();
    const probes = [];
    for (const state of STATE) probes.push(await state.dirty());
    const next = await startMoto();
    expect(next.endpoint === moto.endpoint || process.env.VITEST_POOL_ID === undefined).toBe(true);
    for (const [i, probe] of probes.entries()) expect(await probe(), STATE[i]!.name).toEqual(STATE[i]!.clean);
  });
});

describe.runIf(available)("the launcher's injected faults look to the SDK as they would from AWS", () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => moto?.stop());

  it("a 'reset' fault drops the connection (no HTTP answer at all), before and after moto carries the call out", async () => {
    const iam = new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP, maxAttempts: 1 });
    for (const after of [false, true]) {
      await moto.reset();
      await moto.fault({ action: "ListUsers", kind: "reset", after });
      const error = (await iam.send(new ListUsersCommand({})).then(
        () => undefined,
        (e: unknown) => e,
      )) as { code?: string; $metadata?: { httpStatusCode?: number } } | undefined;
      // A server error page (it once answered an HTML 500 here) has a status; a dropped network has none.
      expect(error?.$metadata?.httpStatusCode, `after: ${after}`).toBeUndefined();
      expect(error?.code, `after: ${after}`).toMatch(/^(ECONNRESET|EPIPE)$/);
      expect(await iam.send(new ListUsersCommand({})).then(() => "ok")).toBe("ok"); // one call only
    }
  });
});
