// What the admin-identity fault files share: the operator's inputs, the identity as moto has it (read directly),
// and the checks that the identity ends complete.
import { GetGroupCommand, GetLoginProfileCommand, GetUserCommand, type IAMClient, ListAttachedGroupPoliciesCommand, NoSuchEntityException } from "@aws-sdk/client-iam";
import { expect } from "vitest";
import { ADMINISTRATOR_ACCESS_ARN } from "../../../src/aws/account.js";
import { en as t } from "../../../src/i18n/en.js";
import type { StepContext } from "../../../src/steps/types.js";
import type { SeenRequest } from "../../helpers/moto-server.js";
import type { freshAccount, Operated } from "./harness.js";

export const USER = "alice";
export const GROUP = "Administrators";
/** The operator: a user name typed once, and Enter once the password has been stored. */
export const OPERATOR = { enterOn: [t.adminIdentity.passwordContinue], typeOn: { [t.adminIdentity.nameLabel]: USER } };
/** The step's writes, in order: the identity, then the new user's MFA (through the user-MFA screen). */
export const WRITES = ["CreateGroup", "AttachGroupPolicy", "CreateUser", "AddUserToGroup", "CreateLoginProfile", "CreateVirtualMFADevice", "EnableMFADevice"];

/** The identity as moto has it, read directly. */
export async function identity(iam: IAMClient) {
  const absent = (e: unknown) => {
    if (e instanceof NoSuchEntityException) return undefined;
    throw e;
  };
  const group = await iam.send(new GetGroupCommand({ GroupName: GROUP })).catch(absent);
  const policies = group ? ((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: GROUP }))).AttachedPolicies ?? []) : [];
  const user = await iam.send(new GetUserCommand({ UserName: USER })).catch(absent);
  const profile = user ? (await iam.send(new GetLoginProfileCommand({ UserName: USER })).catch(absent))?.LoginProfile : undefined;
  return {
    group: !!group,
    members: group?.Users?.map((u) => u.UserName) ?? [],
    policies: policies.map((p) => p.PolicyArn),
    user: !!user,
    profile,
  };
}

/** The step ended verified, every part of the identity is there, each change made once, no device unassigned. */
export async function expectComplete(world: Awaited<ReturnType<typeof freshAccount>>, ctx: StepContext, seen: SeenRequest[], run: Operated) {
  expect(run.verdict?.state).toBe("verified");
  expect(run.verdict?.reason).toBe("read-back-confirms");
  // Each change made once: a change whose answer was lost is read, not sent again. (Not the MFA device: one
  // whose answer was lost is deleted with its lost seed, and made anew; the harm checks see to it.)
  for (const action of WRITES.filter((w) => w !== "CreateVirtualMFADevice")) {
    expect(seen.filter((s) => s.action === action && s.status === 200).length, action).toBe(1);
  }
  expect(await identity(world.iam)).toMatchObject({
    group: true,
    members: [USER],
    policies: [ADMINISTRATOR_ACCESS_ARN],
    user: true,
    profile: { UserName: USER, PasswordResetRequired: true },
  });
  expect((await world.truth.userDevices(USER)).map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${ctx.caller.accountId}:mfa/${USER}`]);
  expect(await world.truth.unassigned()).toEqual([]);
}
