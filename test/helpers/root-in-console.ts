// What the root user does outside rootlock, in the AWS console, done by the tests at the moment the operator
// would: on moto, the launcher's stand-in user acts as root, so these are SDK calls on its behalf, and a console
// sign-in is CloudTrail's record of one, posted to the launcher's LookupEvents.
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, type IAMClient } from "@aws-sdk/client-iam";
import { codeAt, timeStepOf } from "../../src/lib/totp.js";
import type { MotoServer } from "./moto-server.js";

const STANDIN = "root-standin";

/** Root assigns a virtual MFA device in the console (Assign MFA device → two consecutive codes). */
export async function rootAssignsVirtualMfa(iam: IAMClient, name = "root-phone"): Promise<void> {
  const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))).VirtualMFADevice!;
  const secret = new TextDecoder().decode(device.Base32StringSeed);
  const step = timeStepOf(new Date());
  await iam.send(
    new EnableMFADeviceCommand({
      UserName: STANDIN,
      SerialNumber: device.SerialNumber,
      AuthenticationCode1: codeAt(secret, step - 1),
      AuthenticationCode2: codeAt(secret, step),
    }),
  );
}

/** Root signs in to the console with MFA: CloudTrail's ConsoleLogin record, a moment from now. */
export async function rootSignsInWithMfa(moto: MotoServer, accountId = "123456789012"): Promise<void> {
  await moto.postEvents([
    {
      eventID: crypto.randomUUID(),
      eventTime: new Date(Date.now() + 2000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      userIdentity: { type: "Root", arn: `arn:aws:iam::${accountId}:root` },
      responseElements: { ConsoleLogin: "Success" },
      additionalEventData: { MFAUsed: "Yes", MFAIdentifier: `arn:aws:iam::${accountId}:mfa/root-phone` },
    },
  ]);
}
