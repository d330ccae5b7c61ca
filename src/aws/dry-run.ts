// Dry run: wraps another adapter. Reads pass through to the real account; writes are recorded, never sent,
// and answered with `DryRunWrite` (errors.ts) so a step stops there instead of waiting for a change that
// cannot come.
import type { Account, AccessKeyStatus, WriteReceipt } from "./account.js";
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
  listEventRules = () => this.inner.listEventRules();
  getSecurityContact = () => this.inner.getSecurityContact();

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

  private refuse(call: string, params: Record<string, string>): Promise<never> {
    const write = { call, params, at: this.now() };
    this.recorded.push(write);
    return Promise.reject(new DryRunWrite(write));
  }
}
