// The account the live end-to-end tests start from, on moto: the launcher's stand-in root user with two access
// keys, and an admin user with one, AdministratorAccess attached (the way rootlock recognises an administrator).
// Both may do everything (an inline "*" policy), so that moto's own auth, once a test turns it on, lets them.
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { type Account, ADMINISTRATOR_ACCESS_ARN } from "../../src/aws/account.js";
import { inspectPreflight } from "../../src/steps/preflight.js";
import type { StepContext, Timing } from "../../src/steps/types.js";
import type { MotoServer } from "./moto-server.js";
import { LiveAccount } from "../../src/aws/live/account.js";

/** The test's own key for setting moto up (moto accepts any key until its auth is turned on). */
export const SETUP = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
export type Key = { accessKeyId: string; secretAccessKey: string };

const EVERYTHING = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });

export function setupClient(moto: MotoServer): IAMClient {
  return new IAMClient({ region: "us-east-1", endpoint: moto.endpoint, credentials: SETUP, maxAttempts: 1 });
}

export async function liveWorld(iam: IAMClient, admin = "ops-admin"): Promise<{ rootKeys: Key[]; adminKey: Key }> {
  const key = async (user: string): Promise<Key> => {
    const k = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!;
    return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
  };
  for (const user of ["root-standin", admin]) {
    await iam.send(new CreateUserCommand({ UserName: user }));
    await iam.send(new PutUserPolicyCommand({ UserName: user, PolicyName: "everything", PolicyDocument: EVERYTHING }));
  }
  await iam.send(new AttachUserPolicyCommand({ UserName: admin, PolicyArn: ADMINISTRATOR_ACCESS_ARN }));
  return { rootKeys: [await key("root-standin"), await key("root-standin")], adminKey: await key(admin) };
}

/** The environment that points a rootlock process at moto, signing with `key`. */
export function liveEnv(moto: MotoServer, key: Key): Record<string, string> {
  return { AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey };
}

/** A step's context on a live account, as the wizard builds it after its preflight (real clock, real sleeps). */
export async function stepContextOn(account: Account, timing: Timing): Promise<StepContext> {
  const preflight = await inspectPreflight(account, () => new Date());
  return {
    account,
    caller: preflight.caller,
    now: () => new Date(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    timing,
    clockOffsetMs: preflight.clockOffsetMs,
  };
}

/** A step's context as the admin user ops-admin (a fresh key), on the live adapter pointed at `moto` (the alerts' tests). */
export async function adminContextOn(moto: MotoServer): Promise<StepContext> {
  const setup = setupClient(moto);
  await setup.send(new CreateUserCommand({ UserName: "ops-admin" }));
  const key = await setup.send(new CreateAccessKeyCommand({ UserName: "ops-admin" }));
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  const account = new LiveAccount({ maxAttempts: 1, credentials: { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! } });
  return stepContextOn(account, { iamPollMs: 50, iamTimeoutMs: 3000, trailPollMs: 50, trailTimeoutMs: 500 });
}
