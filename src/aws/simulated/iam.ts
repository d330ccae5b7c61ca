// The simulated account's IAM (with STS's caller and clock, and the account's security contact): its reads and its
// writes, as AWS answers and refuses them. The consecutive-codes rule, the orphan that holds a device name, the
// credential report regenerated at most every 4 hours.
import type { AccessKeyStatus, AccountReads, NewVirtualMfaDevice, PasswordPolicy, RootCredentialReport, WriteReceipt } from "../account.js";
import { AccountError } from "../errors.js";
import { isDeviceName, GROUP_NAME_PATTERN, USER_NAME_PATTERN } from "../names.js";
import type { WriteHandlers } from "../operations.js";
import { newSecret } from "../../lib/secret.js";
import { totp } from "./totp.js";
import { meetsPasswordPolicy } from "../../lib/password.js";
import { ACCOUNT_ID, type AccountState, type DeviceRecord, inPartition, type KeyRecord, MANAGED_POLICIES, mfaArn, ROOT_ARN, userArn } from "./scenarios.js";
import type { SimulatedWorld } from "./state.js";

/** AWS allows up to eight MFA devices per user, root included. */
export const MAX_DEVICES_PER_USER = 8;
const REPORT_MAX_AGE_MS = 4 * 3_600_000;

type IamReadName =
  | "getCaller"
  | "getServerTime"
  | "getRootSummary"
  | "listRootAccessKeys"
  | "listVirtualMfaDevices"
  | "listUserMfaDevices"
  | "getRootCredentialReport"
  | "getSecurityContact"
  | "getPasswordPolicy"
  | "listPolicyEntities"
  | "getGroup"
  | "listAttachedGroupPolicies"
  | "userExists"
  | "getLoginProfile";

type IamOpName =
  | "updateRootAccessKey"
  | "deleteRootAccessKey"
  | "deleteVirtualMfaDevice"
  | "createVirtualMfaDevice"
  | "enableMfaDevice"
  | "updatePasswordPolicy"
  | "createGroup"
  | "attachGroupPolicy"
  | "createUser"
  | "addUserToGroup"
  | "createLoginProfile"
  | "deleteLoginProfile"
  | "removeUserFromGroup"
  | "deleteUser"
  | "detachGroupPolicy"
  | "deleteGroup";

export function iamReads(w: SimulatedWorld): Pick<AccountReads, IamReadName> {
  return {
    async getCaller() {
      w.enter("sts:GetCallerIdentity", "sts");
      const arn = (standard: string) => inPartition(standard, w.partition);
      if (w.caller.kind === "root" && w.caller.session) return { accountId: ACCOUNT_ID, arn: arn(ROOT_ARN), kind: "root", temporary: true };
      if (w.caller.kind === "root") return { accountId: ACCOUNT_ID, arn: arn(ROOT_ARN), kind: "root", accessKeyId: w.caller.accessKeyId };
      return { accountId: ACCOUNT_ID, arn: arn(userArn(w.caller.userName)), kind: "iam-user", userName: w.caller.userName, accessKeyId: w.caller.accessKeyId };
    },

    async getServerTime() {
      w.enter("sts:GetCallerIdentity", "sts");
      return w.awsNow();
    },

    async getRootSummary() {
      const state = w.read("iam:GetAccountSummary");
      return {
        // An inactive key still counts as present.
        accountAccessKeysPresent: state.rootKeys.length > 0,
        accountMfaEnabled: state.devices.some((d) => d.assignedTo === ROOT_ARN),
      };
    },

    async listRootAccessKeys() {
      // Without UserName, ListAccessKeys lists the CALLER's keys: root's only with root's credentials.
      const state = w.read("iam:ListAccessKeys");
      w.refuseWithoutUserName("iam:ListAccessKeys");
      return w.callerKeys(state).map((k) => structuredClone(k));
    },

    async listVirtualMfaDevices(filter) {
      const state = w.read("iam:ListVirtualMFADevices");
      return state.devices
        .filter((d) => d.kind === "virtual")
        .filter((d) => filter === "Any" || (filter === "Assigned") === (d.assignedTo !== undefined))
        .map((d) => ({ serialNumber: d.serialNumber, userArn: d.assignedTo, enabledAt: d.enabledAt }));
    },

    async listUserMfaDevices(userName) {
      const state = w.read("iam:ListMFADevices");
      w.user(state, userName, "iam:ListMFADevices");
      return state.devices.filter((d) => d.assignedTo === userArn(userName)).map((d) => ({ serialNumber: d.serialNumber, enabledAt: d.enabledAt! }));
    },

    async getRootCredentialReport() {
      w.enter("iam:GenerateCredentialReport");
      // The report belongs to the account (AWS keeps it for every caller, and across runs of rootlock).
      const kept = w.truth.credentialReport;
      const stale = !kept || w.now().getTime() - kept.generatedAt.getTime() >= REPORT_MAX_AGE_MS;
      if (stale) {
        // The report is a snapshot: a change made after it was generated stays invisible for up to 4 hours.
        await w.sleep(w.reportDelay);
        w.truth.credentialReport = snapshotReport(w);
        w.changed();
      }
      w.enter("iam:GetCredentialReport");
      return structuredClone(w.truth.credentialReport!);
    },

    async getSecurityContact() {
      w.enter("account:GetAlternateContact", "account");
      const contact = w.truth.securityContact;
      return contact && { ...contact };
    },

    async getPasswordPolicy() {
      const state = w.read("iam:GetAccountPasswordPolicy");
      return state.passwordPolicy && { ...state.passwordPolicy };
    },

    async listPolicyEntities(policyArn) {
      const state = w.read("iam:ListEntitiesForPolicy");
      if (!isManagedPolicy(w, policyArn)) throw new AccountError("NoSuchEntity", "iam:ListEntitiesForPolicy");
      return {
        users: state.users.filter((u) => u.policies?.includes(policyArn)).map((u) => u.name),
        groups: state.groups.filter((g) => g.policies.includes(policyArn)).map((g) => g.name),
        roles: state.roles.filter((r) => r.policies.includes(policyArn)).map((r) => r.name),
      };
    },

    async getGroup(groupName) {
      const group = w.read("iam:GetGroup").groups.find((g) => g.name === groupName);
      return group && { name: group.name, members: [...group.members] };
    },

    async listAttachedGroupPolicies(groupName) {
      const call = "iam:ListAttachedGroupPolicies";
      return [...w.group(w.read(call), groupName, call).policies];
    },

    async userExists(userName) {
      return w.read("iam:GetUser").users.some((u) => u.name === userName);
    },

    async getLoginProfile(userName) {
      const user = w.read("iam:GetLoginProfile").users.find((u) => u.name === userName);
      return user?.hasPassword ? { passwordResetRequired: !!user.passwordResetRequired } : undefined;
    },
  };
}

/** IAM's writes, as AWS carries them out (and refuses them). */
export function iamWrites(w: SimulatedWorld): Pick<WriteHandlers, IamOpName> {
  return {
    updateRootAccessKey: (a) => updateRootAccessKey(w, a.keyId, a.status),
    deleteRootAccessKey: (a) => deleteRootAccessKey(w, a.keyId),
    deleteVirtualMfaDevice: (a) => deleteVirtualMfaDevice(w, a.serialNumber),
    createVirtualMfaDevice: (a) => createVirtualMfaDevice(w, a.name),
    enableMfaDevice: (a, codes) => enableMfaDevice(w, a.userName, a.serialNumber, codes.code1, codes.code2),
    updatePasswordPolicy: (a) => updatePasswordPolicy(w, a.policy),
    createGroup: (a) => createGroup(w, a.groupName),
    attachGroupPolicy: (a) => attachGroupPolicy(w, a.groupName, a.policyArn),
    createUser: (a) => createUser(w, a.userName),
    addUserToGroup: (a) => addUserToGroup(w, a.groupName, a.userName),
    createLoginProfile: (a, secret) => createLoginProfile(w, a.userName, secret.password, a.passwordResetRequired),
    deleteLoginProfile: (a) => deleteLoginProfile(w, a.userName),
    removeUserFromGroup: (a) => removeUserFromGroup(w, a.groupName, a.userName),
    deleteUser: (a) => deleteUser(w, a.userName),
    detachGroupPolicy: (a) => detachGroupPolicy(w, a.groupName, a.policyArn),
    deleteGroup: (a) => deleteGroup(w, a.groupName),
  };
}

// ---- root's access keys ---------------------------------------------------------------------------

async function updateRootAccessKey(w: SimulatedWorld, accessKeyId: string, status: AccessKeyStatus): Promise<WriteReceipt> {
  const call = "iam:UpdateAccessKey";
  w.enter(call);
  w.refuseWithoutUserName(call);
  ownKey(w, accessKeyId, call);
  w.commit((s) => {
    const key = w.callerKeys(s).find((k) => k.id === accessKeyId);
    if (key) key.status = status;
  });
  return w.receipt(call);
}

async function deleteRootAccessKey(w: SimulatedWorld, accessKeyId: string): Promise<WriteReceipt> {
  const call = "iam:DeleteAccessKey";
  w.enter(call);
  w.refuseWithoutUserName(call);
  ownKey(w, accessKeyId, call);
  // The API deletes an active key too: only the console insists on deactivating first.
  w.commit((s) => removeKey(w.callerKeys(s), accessKeyId));
  return w.receipt(call);
}

/** UpdateAccessKey/DeleteAccessKey without UserName act on the caller's own keys only. */
function ownKey(w: SimulatedWorld, accessKeyId: string, call: string): void {
  if (!w.callerKeys(w.truth).some((k) => k.id === accessKeyId)) throw new AccountError("NoSuchEntity", call);
}

// ---- MFA devices ----------------------------------------------------------------------------------

/** One of AWS's managed policies, in the account's partition (a policy ARN of another partition does not exist here). */
function isManagedPolicy(w: SimulatedWorld, policyArn: string): boolean {
  return MANAGED_POLICIES.some((p) => inPartition(p, w.partition) === policyArn);
}

async function deleteVirtualMfaDevice(w: SimulatedWorld, serialNumber: string): Promise<WriteReceipt> {
  const call = "iam:DeleteVirtualMFADevice";
  w.enter(call);
  const device = w.truth.devices.find((d) => d.serialNumber === serialNumber && d.kind === "virtual");
  if (!device) throw new AccountError("NoSuchEntity", call);
  if (device.assignedTo) throw new AccountError("DeleteConflict", call);
  w.commit((s) => {
    s.devices = s.devices.filter((d) => d.serialNumber !== serialNumber);
  });
  return w.receipt(call);
}

async function createVirtualMfaDevice(w: SimulatedWorld, name: string): Promise<NewVirtualMfaDevice & { receipt: WriteReceipt }> {
  const call = "iam:CreateVirtualMFADevice";
  w.enter(call);
  if (!isDeviceName(name)) throw new AccountError("Unknown", call, "ValidationError: invalid device name");
  const serialNumber = mfaArn(name);
  if (w.truth.devices.some((d) => d.serialNumber === serialNumber)) throw new AccountError("EntityAlreadyExists", call);
  const secret = newSecret();
  w.commit((s) => s.devices.push({ serialNumber, kind: "virtual", secret }));
  return { serialNumber, secret, receipt: w.receipt(call) };
}

async function enableMfaDevice(w: SimulatedWorld, userName: string, serialNumber: string, code1: string, code2: string): Promise<WriteReceipt> {
  const call = "iam:EnableMFADevice";
  w.enter(call);
  w.user(w.truth, userName, call);
  const device = w.truth.devices.find((d) => d.serialNumber === serialNumber && d.kind === "virtual");
  if (!device?.secret) throw new AccountError("NoSuchEntity", call);
  if (device.assignedTo) throw new AccountError("EntityAlreadyExists", call);
  if (w.truth.devices.filter((d) => d.assignedTo === userArn(userName)).length >= MAX_DEVICES_PER_USER) throw new AccountError("LimitExceeded", call);
  // AWS says only that the codes are invalid, never why.
  if (!(await totp()).checkConsecutiveCodes(device.secret, code1, code2, w.awsNow()).ok) throw new AccountError("InvalidAuthenticationCode", call);
  const at = w.awsNow();
  w.commit((s) => assign(s, serialNumber, userArn(userName), at));
  return w.receipt(call);
}

// ---- the password policy --------------------------------------------------------------------------

async function updatePasswordPolicy(w: SimulatedWorld, policy: PasswordPolicy): Promise<WriteReceipt> {
  const call = "iam:UpdateAccountPasswordPolicy";
  w.enter(call);
  // AWS's ranges for each field; outside them the call is refused and nothing changes.
  const inRange = (v: number | undefined, min: number, max: number) => v === undefined || (Number.isInteger(v) && v >= min && v <= max);
  if (!inRange(policy.minimumPasswordLength, 6, 128) || !inRange(policy.passwordReusePrevention, 1, 24) || !inRange(policy.maxPasswordAge, 1, 1095)) {
    throw new AccountError("Unknown", call, "ValidationError");
  }
  w.commit((s) => {
    s.passwordPolicy = { ...policy };
  });
  return w.receipt(call);
}

// ---- groups, users and their passwords ------------------------------------------------------------

async function createGroup(w: SimulatedWorld, groupName: string): Promise<WriteReceipt> {
  const call = "iam:CreateGroup";
  w.enter(call);
  if (!GROUP_NAME_PATTERN.test(groupName)) throw new AccountError("Unknown", call, "ValidationError: invalid group name");
  if (w.truth.groups.some((g) => g.name === groupName)) throw new AccountError("EntityAlreadyExists", call);
  w.commit((s) => s.groups.push({ name: groupName, policies: [], members: [] }));
  return w.receipt(call);
}

async function deleteGroup(w: SimulatedWorld, groupName: string): Promise<WriteReceipt> {
  const call = "iam:DeleteGroup";
  w.enter(call);
  const group = w.group(w.truth, groupName, call);
  // As AWS: members and attached policies must go first.
  if (group.members.length > 0 || group.policies.length > 0) throw new AccountError("DeleteConflict", call);
  w.commit((s) => {
    s.groups = s.groups.filter((g) => g.name !== groupName);
  });
  return w.receipt(call);
}

async function attachGroupPolicy(w: SimulatedWorld, groupName: string, policyArn: string): Promise<WriteReceipt> {
  const call = "iam:AttachGroupPolicy";
  w.enter(call);
  w.group(w.truth, groupName, call);
  if (!isManagedPolicy(w, policyArn)) throw new AccountError("NoSuchEntity", call);
  w.commit((s) => {
    const group = s.groups.find((g) => g.name === groupName);
    if (group && !group.policies.includes(policyArn)) group.policies.push(policyArn);
  });
  return w.receipt(call);
}

async function detachGroupPolicy(w: SimulatedWorld, groupName: string, policyArn: string): Promise<WriteReceipt> {
  const call = "iam:DetachGroupPolicy";
  w.enter(call);
  if (!w.group(w.truth, groupName, call).policies.includes(policyArn)) throw new AccountError("NoSuchEntity", call);
  w.commit((s) => {
    const group = s.groups.find((g) => g.name === groupName);
    if (group) group.policies = group.policies.filter((p) => p !== policyArn);
  });
  return w.receipt(call);
}

async function createUser(w: SimulatedWorld, userName: string): Promise<WriteReceipt> {
  const call = "iam:CreateUser";
  w.enter(call);
  if (!USER_NAME_PATTERN.test(userName)) throw new AccountError("Unknown", call, "ValidationError: invalid user name");
  if (w.truth.users.some((u) => u.name === userName)) throw new AccountError("EntityAlreadyExists", call);
  w.commit((s) => s.users.push({ name: userName, keys: [], hasPassword: false }));
  return w.receipt(call);
}

async function deleteUser(w: SimulatedWorld, userName: string): Promise<WriteReceipt> {
  const call = "iam:DeleteUser";
  w.enter(call);
  const user = w.user(w.truth, userName, call);
  // As AWS: a password, keys, policies, group memberships and MFA devices must go first.
  const inGroup = w.truth.groups.some((g) => g.members.includes(userName));
  const hasDevice = w.truth.devices.some((d) => d.assignedTo === userArn(userName));
  if (user.hasPassword || user.keys.length > 0 || (user.policies ?? []).length > 0 || inGroup || hasDevice) throw new AccountError("DeleteConflict", call);
  w.commit((s) => {
    s.users = s.users.filter((u) => u.name !== userName);
  });
  return w.receipt(call);
}

async function addUserToGroup(w: SimulatedWorld, groupName: string, userName: string): Promise<WriteReceipt> {
  const call = "iam:AddUserToGroup";
  w.enter(call);
  w.group(w.truth, groupName, call);
  w.user(w.truth, userName, call);
  w.commit((s) => {
    const group = s.groups.find((g) => g.name === groupName);
    if (group && !group.members.includes(userName)) group.members.push(userName);
  });
  return w.receipt(call);
}

async function removeUserFromGroup(w: SimulatedWorld, groupName: string, userName: string): Promise<WriteReceipt> {
  const call = "iam:RemoveUserFromGroup";
  w.enter(call);
  if (!w.group(w.truth, groupName, call).members.includes(userName)) throw new AccountError("NoSuchEntity", call);
  w.commit((s) => {
    const group = s.groups.find((g) => g.name === groupName);
    if (group) group.members = group.members.filter((m) => m !== userName);
  });
  return w.receipt(call);
}

async function createLoginProfile(w: SimulatedWorld, userName: string, password: string, passwordResetRequired: boolean): Promise<WriteReceipt> {
  const call = "iam:CreateLoginProfile";
  w.enter(call);
  const user = w.user(w.truth, userName, call);
  if (user.hasPassword) throw new AccountError("EntityAlreadyExists", call);
  // Checked against the account's policy (or AWS's default rules), then forgotten: only the fact is kept.
  if (!meetsPasswordPolicy(password, w.truth.passwordPolicy)) throw new AccountError("PasswordPolicyViolation", call);
  w.commit((s) => {
    const u = s.users.find((x) => x.name === userName);
    if (u) Object.assign(u, { hasPassword: true, passwordResetRequired });
  });
  return w.receipt(call);
}

async function deleteLoginProfile(w: SimulatedWorld, userName: string): Promise<WriteReceipt> {
  const call = "iam:DeleteLoginProfile";
  w.enter(call);
  if (!w.user(w.truth, userName, call).hasPassword) throw new AccountError("NoSuchEntity", call);
  w.commit((s) => {
    const u = s.users.find((x) => x.name === userName);
    if (u) Object.assign(u, { hasPassword: false, passwordResetRequired: undefined });
  });
  return w.receipt(call);
}

// ---- shared with the console stand-in -------------------------------------------------------------

export function removeKey(keys: KeyRecord[], id: string): void {
  const i = keys.findIndex((k) => k.id === id);
  if (i >= 0) keys.splice(i, 1);
}

export function assign(state: AccountState, serialNumber: string, arn: string, at: Date): void {
  const device: DeviceRecord | undefined = state.devices.find((d) => d.serialNumber === serialNumber);
  if (device) Object.assign(device, { assignedTo: arn, enabledAt: at });
}

function snapshotReport(w: SimulatedWorld): RootCredentialReport {
  const s = w.truth;
  return {
    generatedAt: w.now(),
    mfaActive: s.devices.some((d) => d.assignedTo === ROOT_ARN),
    passwordLastUsed: s.rootPasswordLastUsed,
    keys: s.rootKeys.slice(0, 2).map((k, i) => ({ slot: (i + 1) as 1 | 2, active: k.status === "Active", lastRotated: k.createdAt, lastUsed: k.lastUsed })),
  };
}
