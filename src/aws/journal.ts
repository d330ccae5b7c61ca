// A record of every change sent through the port, for the evidence report: the call, its parameters, when,
// the AWS request id, and how it ended. It wraps any adapter. It never records a secret: the seed that
// CreateVirtualMFADevice returns and the codes given to EnableMFADevice are left out by construction.
import type { Account, AccessKeyStatus, AssignmentFilter, PasswordPolicy, RuleState, RuleTarget, WriteReceipt } from "./account.js";
import { passwordPolicyParams, writeParams } from "./write-params.js";
import { AccountError, DryRunWrite } from "./errors.js";

export interface JournalEntry {
  call: string;
  params: Record<string, string>;
  at: Date;
  outcome: "sent" | "not-sent (dry run)" | `failed: ${string}`;
  requestId?: string;
}

export class JournalingAccount implements Account {
  readonly entries: JournalEntry[] = [];

  constructor(
    readonly inner: Account,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get mode() {
    return this.inner.mode;
  }

  getCaller = () => this.inner.getCaller();
  getServerTime = () => this.inner.getServerTime();
  getRootSummary = () => this.inner.getRootSummary();
  listRootAccessKeys = () => this.inner.listRootAccessKeys();
  listVirtualMfaDevices = (filter: AssignmentFilter) => this.inner.listVirtualMfaDevices(filter);
  listUserMfaDevices = (userName: string) => this.inner.listUserMfaDevices(userName);
  getRootCredentialReport = () => this.inner.getRootCredentialReport();
  lookupConsoleLogins = (since: Date) => this.inner.lookupConsoleLogins(since);
  lookupRootMfaEnablements = (since: Date) => this.inner.lookupRootMfaEnablements(since);
  listEventRules = () => this.inner.listEventRules();
  getSecurityContact = () => this.inner.getSecurityContact();
  getTopic = (topicArn: string) => this.inner.getTopic(topicArn);
  listSubscriptions = (topicArn: string) => this.inner.listSubscriptions(topicArn);
  getEventRule = (name: string) => this.inner.getEventRule(name);
  listTrails = () => this.inner.listTrails();
  getBucket = (bucket: string, expectedOwner: string) => this.inner.getBucket(bucket, expectedOwner);
  getPasswordPolicy = () => this.inner.getPasswordPolicy();
  listPolicyEntities = (policyArn: string) => this.inner.listPolicyEntities(policyArn);
  getGroup = (groupName: string) => this.inner.getGroup(groupName);
  listAttachedGroupPolicies = (groupName: string) => this.inner.listAttachedGroupPolicies(groupName);
  userExists = (userName: string) => this.inner.userExists(userName);
  getLoginProfile = (userName: string) => this.inner.getLoginProfile(userName);

  updateRootAccessKey(accessKeyId: string, status: AccessKeyStatus) {
    return this.record("iam:UpdateAccessKey", { AccessKeyId: accessKeyId, Status: status }, () => this.inner.updateRootAccessKey(accessKeyId, status));
  }
  deleteRootAccessKey(accessKeyId: string) {
    return this.record("iam:DeleteAccessKey", { AccessKeyId: accessKeyId }, () => this.inner.deleteRootAccessKey(accessKeyId));
  }
  deleteVirtualMfaDevice(serialNumber: string) {
    return this.record("iam:DeleteVirtualMFADevice", { SerialNumber: serialNumber }, () => this.inner.deleteVirtualMfaDevice(serialNumber));
  }
  async createVirtualMfaDevice(name: string) {
    let device: Awaited<ReturnType<Account["createVirtualMfaDevice"]>> | undefined;
    await this.record("iam:CreateVirtualMFADevice", { VirtualMFADeviceName: name }, async () => {
      device = await this.inner.createVirtualMfaDevice(name);
      return device.receipt;
    });
    return device!;
  }
  enableMfaDevice(userName: string, serialNumber: string, code1: string, code2: string) {
    // The two codes are not recorded: they are one-time, but still secrets while they are valid.
    return this.record("iam:EnableMFADevice", { UserName: userName, SerialNumber: serialNumber }, () =>
      this.inner.enableMfaDevice(userName, serialNumber, code1, code2),
    );
  }

  createTopic(name: string) {
    return this.record("sns:CreateTopic", writeParams.createTopic(name), () => this.inner.createTopic(name));
  }
  setTopicPolicy(topicArn: string, policy: string) {
    return this.record("sns:SetTopicAttributes", writeParams.setTopicPolicy(topicArn, policy), () => this.inner.setTopicPolicy(topicArn, policy));
  }
  subscribeEmail(topicArn: string, email: string) {
    return this.record("sns:Subscribe", writeParams.subscribeEmail(topicArn, email), () => this.inner.subscribeEmail(topicArn, email));
  }
  publish(topicArn: string, subject: string, message: string) {
    return this.record("sns:Publish", writeParams.publish(topicArn, subject, message), () => this.inner.publish(topicArn, subject, message));
  }
  putEventRule(name: string, pattern: string, description: string, state: RuleState) {
    return this.record("events:PutRule", writeParams.putEventRule(name, pattern, description, state), () => this.inner.putEventRule(name, pattern, description, state));
  }
  putRuleTarget(rule: string, target: RuleTarget) {
    return this.record("events:PutTargets", writeParams.putRuleTarget(rule, target), () => this.inner.putRuleTarget(rule, target));
  }
  createBucket(bucket: string) {
    return this.record("s3:CreateBucket", writeParams.createBucket(bucket), () => this.inner.createBucket(bucket));
  }
  putBucketPolicy(bucket: string, policy: string) {
    return this.record("s3:PutBucketPolicy", writeParams.putBucketPolicy(bucket, policy), () => this.inner.putBucketPolicy(bucket, policy));
  }
  createTrail(name: string, bucket: string) {
    return this.record("cloudtrail:CreateTrail", writeParams.createTrail(name, bucket), () => this.inner.createTrail(name, bucket));
  }
  startLogging(trailName: string) {
    return this.record("cloudtrail:StartLogging", writeParams.startLogging(trailName), () => this.inner.startLogging(trailName));
  }
  updatePasswordPolicy(policy: PasswordPolicy) {
    return this.record("iam:UpdateAccountPasswordPolicy", passwordPolicyParams(policy), () => this.inner.updatePasswordPolicy(policy));
  }
  createGroup(groupName: string) {
    return this.record("iam:CreateGroup", { GroupName: groupName }, () => this.inner.createGroup(groupName));
  }
  deleteGroup(groupName: string) {
    return this.record("iam:DeleteGroup", { GroupName: groupName }, () => this.inner.deleteGroup(groupName));
  }
  attachGroupPolicy(groupName: string, policyArn: string) {
    return this.record("iam:AttachGroupPolicy", { GroupName: groupName, PolicyArn: policyArn }, () => this.inner.attachGroupPolicy(groupName, policyArn));
  }
  detachGroupPolicy(groupName: string, policyArn: string) {
    return this.record("iam:DetachGroupPolicy", { GroupName: groupName, PolicyArn: policyArn }, () => this.inner.detachGroupPolicy(groupName, policyArn));
  }
  createUser(userName: string) {
    return this.record("iam:CreateUser", { UserName: userName }, () => this.inner.createUser(userName));
  }
  deleteUser(userName: string) {
    return this.record("iam:DeleteUser", { UserName: userName }, () => this.inner.deleteUser(userName));
  }
  addUserToGroup(groupName: string, userName: string) {
    return this.record("iam:AddUserToGroup", { GroupName: groupName, UserName: userName }, () => this.inner.addUserToGroup(groupName, userName));
  }
  removeUserFromGroup(groupName: string, userName: string) {
    return this.record("iam:RemoveUserFromGroup", { GroupName: groupName, UserName: userName }, () => this.inner.removeUserFromGroup(groupName, userName));
  }
  createLoginProfile(userName: string, password: string, passwordResetRequired: boolean) {
    // The password is a secret: the journal records that a login profile was made, never what it holds.
    return this.record("iam:CreateLoginProfile", { UserName: userName, PasswordResetRequired: String(passwordResetRequired) }, () =>
      this.inner.createLoginProfile(userName, password, passwordResetRequired),
    );
  }
  deleteLoginProfile(userName: string) {
    return this.record("iam:DeleteLoginProfile", { UserName: userName }, () => this.inner.deleteLoginProfile(userName));
  }

  private async record(call: string, params: Record<string, string>, send: () => Promise<WriteReceipt>): Promise<WriteReceipt> {
    try {
      const receipt = await send();
      this.entries.push({ call, params, at: receipt.at, outcome: "sent", requestId: receipt.requestId });
      return receipt;
    } catch (error) {
      const outcome = error instanceof DryRunWrite ? "not-sent (dry run)" : (`failed: ${error instanceof AccountError ? error.code : "Unknown"}` as const);
      this.entries.push({ call, params, at: this.now(), outcome });
      throw error;
    }
  }
}
