// Dry run: wraps another adapter. Reads pass through to the real account; writes are recorded, never sent,
// and answered with `DryRunWrite` (errors.ts) so a step stops there instead of waiting for a change that
// cannot come.
import type { Account, AccessKeyStatus, PasswordPolicy, RuleState, RuleTarget, WriteReceipt } from "./account.js";
import { passwordPolicyParams, writeParams } from "./write-params.js";
import { DryRunWrite, type RecordedWrite } from "./errors.js";


export class DryRunAccount implements Account {
  readonly mode = "dry-run" as const;
  readonly recorded: RecordedWrite[] = [];

  constructor(
    private readonly inner: Account,
    private readonly now: () => Date = () => new Date(),
  ) {}

  getCaller = () => this.inner.getCaller();
  getServerTime = () => this.inner.getServerTime();
  getRootSummary = () => this.inner.getRootSummary();
  listRootAccessKeys = () => this.inner.listRootAccessKeys();
  listVirtualMfaDevices: Account["listVirtualMfaDevices"] = (filter) => this.inner.listVirtualMfaDevices(filter);
  listUserMfaDevices: Account["listUserMfaDevices"] = (userName) => this.inner.listUserMfaDevices(userName);
  getRootCredentialReport = () => this.inner.getRootCredentialReport();
  lookupConsoleLogins: Account["lookupConsoleLogins"] = (since) => this.inner.lookupConsoleLogins(since);
  lookupRootMfaEnablements: Account["lookupRootMfaEnablements"] = (since) => this.inner.lookupRootMfaEnablements(since);
  listEventRules = () => this.inner.listEventRules();
  getSecurityContact = () => this.inner.getSecurityContact();
  getTopic: Account["getTopic"] = (arn) => this.inner.getTopic(arn);
  listSubscriptions: Account["listSubscriptions"] = (arn) => this.inner.listSubscriptions(arn);
  getEventRule: Account["getEventRule"] = (name) => this.inner.getEventRule(name);
  listTrails = () => this.inner.listTrails();
  getBucket: Account["getBucket"] = (bucket, expectedOwner) => this.inner.getBucket(bucket, expectedOwner);
  getPasswordPolicy = () => this.inner.getPasswordPolicy();
  listPolicyEntities: Account["listPolicyEntities"] = (policyArn) => this.inner.listPolicyEntities(policyArn);
  getGroup: Account["getGroup"] = (groupName) => this.inner.getGroup(groupName);
  listAttachedGroupPolicies: Account["listAttachedGroupPolicies"] = (groupName) => this.inner.listAttachedGroupPolicies(groupName);
  userExists: Account["userExists"] = (userName) => this.inner.userExists(userName);
  getLoginProfile: Account["getLoginProfile"] = (userName) => this.inner.getLoginProfile(userName);

  updateRootAccessKey(accessKeyId: string, status: AccessKeyStatus): Promise<WriteReceipt> {
    return this.refuse("iam:UpdateAccessKey", { AccessKeyId: accessKeyId, Status: status });
  }
  deleteRootAccessKey(accessKeyId: string): Promise<WriteReceipt> {
    return this.refuse("iam:DeleteAccessKey", { AccessKeyId: accessKeyId });
  }
  deleteVirtualMfaDevice(serialNumber: string): Promise<WriteReceipt> {
    return this.refuse("iam:DeleteVirtualMFADevice", { SerialNumber: serialNumber });
  }
  createVirtualMfaDevice(name: string): Promise<never> {
    return this.refuse("iam:CreateVirtualMFADevice", { VirtualMFADeviceName: name });
  }
  enableMfaDevice(userName: string, serialNumber: string): Promise<WriteReceipt> {
    return this.refuse("iam:EnableMFADevice", { UserName: userName, SerialNumber: serialNumber });
  }

  createTopic(name: string): Promise<WriteReceipt> {
    return this.refuse("sns:CreateTopic", writeParams.createTopic(name));
  }
  setTopicPolicy(topicArn: string, policy: string): Promise<WriteReceipt> {
    return this.refuse("sns:SetTopicAttributes", writeParams.setTopicPolicy(topicArn, policy));
  }
  subscribeEmail(topicArn: string, email: string): Promise<WriteReceipt> {
    return this.refuse("sns:Subscribe", writeParams.subscribeEmail(topicArn, email));
  }
  publish(topicArn: string, subject: string, message: string): Promise<WriteReceipt> {
    return this.refuse("sns:Publish", writeParams.publish(topicArn, subject, message));
  }
  putEventRule(name: string, pattern: string, description: string, state: RuleState): Promise<WriteReceipt> {
    return this.refuse("events:PutRule", writeParams.putEventRule(name, pattern, description, state));
  }
  putRuleTarget(rule: string, target: RuleTarget): Promise<WriteReceipt> {
    return this.refuse("events:PutTargets", writeParams.putRuleTarget(rule, target));
  }
  createBucket(bucket: string): Promise<WriteReceipt> {
    return this.refuse("s3:CreateBucket", writeParams.createBucket(bucket));
  }
  putBucketPolicy(bucket: string, policy: string): Promise<WriteReceipt> {
    return this.refuse("s3:PutBucketPolicy", writeParams.putBucketPolicy(bucket, policy));
  }
  createTrail(name: string, bucket: string): Promise<WriteReceipt> {
    return this.refuse("cloudtrail:CreateTrail", writeParams.createTrail(name, bucket));
  }
  startLogging(trailName: string): Promise<WriteReceipt> {
    return this.refuse("cloudtrail:StartLogging", writeParams.startLogging(trailName));
  }
  updatePasswordPolicy(policy: PasswordPolicy): Promise<WriteReceipt> {
    return this.refuse("iam:UpdateAccountPasswordPolicy", passwordPolicyParams(policy));
  }
  createGroup(groupName: string): Promise<WriteReceipt> {
    return this.refuse("iam:CreateGroup", { GroupName: groupName });
  }
  deleteGroup(groupName: string): Promise<WriteReceipt> {
    return this.refuse("iam:DeleteGroup", { GroupName: groupName });
  }
  attachGroupPolicy(groupName: string, policyArn: string): Promise<WriteReceipt> {
    return this.refuse("iam:AttachGroupPolicy", { GroupName: groupName, PolicyArn: policyArn });
  }
  detachGroupPolicy(groupName: string, policyArn: string): Promise<WriteReceipt> {
    return this.refuse("iam:DetachGroupPolicy", { GroupName: groupName, PolicyArn: policyArn });
  }
  createUser(userName: string): Promise<WriteReceipt> {
    return this.refuse("iam:CreateUser", { UserName: userName });
  }
  deleteUser(userName: string): Promise<WriteReceipt> {
    return this.refuse("iam:DeleteUser", { UserName: userName });
  }
  addUserToGroup(groupName: string, userName: string): Promise<WriteReceipt> {
    return this.refuse("iam:AddUserToGroup", { GroupName: groupName, UserName: userName });
  }
  removeUserFromGroup(groupName: string, userName: string): Promise<WriteReceipt> {
    return this.refuse("iam:RemoveUserFromGroup", { GroupName: groupName, UserName: userName });
  }
  createLoginProfile(userName: string, _password: string, passwordResetRequired: boolean): Promise<WriteReceipt> {
    // The password is never recorded, not even in a dry run (where none should have been made).
    return this.refuse("iam:CreateLoginProfile", { UserName: userName, PasswordResetRequired: String(passwordResetRequired) });
  }
  deleteLoginProfile(userName: string): Promise<WriteReceipt> {
    return this.refuse("iam:DeleteLoginProfile", { UserName: userName });
  }

  private refuse(call: string, params: Record<string, string>): Promise<never> {
    const write = { call, params, at: this.now() };
    this.recorded.push(write);
    return Promise.reject(new DryRunWrite(write));
  }
}
