// The root user's console, as the simulated account's stand-in offers it: what AWS allows only there (root's keys
// from the console, root's MFA assignment, a root sign-in), the alert mailbox, and the training code. It acts as
// root whoever runs rootlock, and shows its own page's changes at once.
import { randomUUID } from "node:crypto";
import type { RootConsole } from "../account.js";
import { AccountError } from "../errors.js";
import { newSecret } from "../../lib/secret.js";
import { totp } from "./totp.js";
import { assign, MAX_DEVICES_PER_USER, removeKey } from "./iam.js";
import { ACCOUNT_ID, mfaArn, ROOT_ARN, SIMULATED_REGION } from "./scenarios.js";
import type { SimulatedWorld } from "./state.js";

/** Where the simulated root user signs in from (an address of TEST-NET-3, RFC 5737). */
const SIGN_IN_IP = "203.0.113.10";

export function rootConsole(w: SimulatedWorld): RootConsole {
  const rootKey = (id: string) => {
    const key = w.truth.rootKeys.find((k) => k.id === id);
    if (!key) throw new AccountError("NoSuchEntity", "console:AccessKeys");
    return key;
  };
  return {
    listAccessKeys: async () => structuredClone(w.truth.rootKeys),
    setAccessKeyStatus: async (id, status) => {
      rootKey(id);
      w.commit((s) => {
        const key = s.rootKeys.find((k) => k.id === id);
        if (key) key.status = status;
      });
    },
    deleteAccessKey: async (id) => {
      if (rootKey(id).status === "Active") throw new AccountError("DeleteConflict", "console:DeleteAccessKey");
      w.commit((s) => removeKey(s.rootKeys, id));
    },
    openMfaAssignment: async () => ({ secret: newSecret(), accountId: ACCOUNT_ID }),
    finishMfaAssignment: async (deviceName, secret, code1, code2) => {
      const call = "console:AssignMFADevice";
      const serialNumber = mfaArn(deviceName);
      // Only a device of the same name is in the way; root may hold up to eight devices, of any names.
      if (w.truth.devices.some((d) => d.serialNumber === serialNumber)) throw new AccountError("EntityAlreadyExists", call);
      if (w.truth.devices.filter((d) => d.assignedTo === ROOT_ARN).length >= MAX_DEVICES_PER_USER) throw new AccountError("LimitExceeded", call);
      if (!(await totp()).checkConsecutiveCodes(secret, code1, code2, w.awsNow()).ok) throw new AccountError("InvalidAuthenticationCode", call);
      const at = w.awsNow();
      w.commit((s) => {
        s.devices.push({ serialNumber, kind: "virtual", secret });
        assign(s, serialNumber, ROOT_ARN, at);
      });
    },
    confirmAlertEmail: async (email) => {
      const pending = w.truth.topics.some((t) => t.subscriptions.some((s) => s.endpoint === email && !s.confirmed));
      if (!pending) return false;
      w.commit((s) => s.topics.forEach((t) => t.subscriptions.filter((x) => x.endpoint === email).forEach((x) => (x.confirmed = true))));
      return true;
    },
    alertInbox: () => w.truth.mailbox.filter((m) => m.at.getTime() <= w.awsNow().getTime()).map((m) => ({ ...m })),
    webhookChannel: () => (w.truth.webhookPosts ?? []).filter((m) => m.at.getTime() <= w.awsNow().getTime()).map((m) => ({ ...m })),
    trainingCode: async () => {
      const device = w.truth.devices.find((d) => d.assignedTo === ROOT_ARN && d.training && d.secret);
      return device?.secret ? (await totp()).codeFor(device.secret, w.awsNow()) : undefined;
    },
    signIn: async (mfaCode) => {
      // Any TOTP device of root's (virtual, or a hardware token) can sign it in.
      const rootDevices = w.truth.devices.filter((d) => d.assignedTo === ROOT_ARN && d.secret);
      const hasMfa = w.truth.devices.some((d) => d.assignedTo === ROOT_ARN);
      const { isCurrentCode } = await totp();
      const used = rootDevices.find((d) => isCurrentCode(d.secret!, mfaCode, w.awsNow()));
      const success = hasMfa ? used !== undefined : true;
      const at = w.awsNow();
      w.truth.signins.push({ eventId: randomUUID(), at, success, mfaUsed: hasMfa, mfaIdentifier: used?.serialNumber, sourceIp: SIGN_IN_IP });
      if (success) w.truth.rootPasswordLastUsed = at;
      // EventBridge sees the same CloudTrail record, about as late as LookupEvents does.
      w.routeEvent(
        {
          version: "0",
          "detail-type": "AWS Console Sign In via CloudTrail",
          source: "aws.signin",
          account: ACCOUNT_ID,
          time: at.toISOString(),
          region: SIMULATED_REGION,
          detail: {
            eventName: "ConsoleLogin",
            eventSource: "signin.amazonaws.com",
            userIdentity: { type: "Root", arn: ROOT_ARN, accountId: ACCOUNT_ID },
            sourceIPAddress: SIGN_IN_IP,
            responseElements: { ConsoleLogin: success ? "Success" : "Failure" },
            additionalEventData: { MFAUsed: hasMfa ? "Yes" : "No" },
          },
        },
        new Date(at.getTime() + w.trailDelay),
      );
      w.changed();
      return success ? "success" : "failure";
    },
  };
}
