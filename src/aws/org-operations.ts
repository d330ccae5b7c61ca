// Every write `rootlock org` can send, declared once in the style of the operations table (operations.ts): the
// IAM action, typed arguments, how the call is shown (`show`: the parameters as AWS's API names them; the confirm
// prompt, the journal and the evidence report print them), and which part of `rootlock org` sends it.
//
// Two tables, because the calls are made by two different principals:
// - ORG_OPS: by the caller (the management account), on the organization;
// - ROOT_OPS: by a member account's root, inside an AssumeRoot session scoped to a task policy (`task`). These
//   omit UserName (the session acts on root), so `show` prints no UserName either.
// Plain data (no SDK): --help and `rootlock policy` may load it.
import type { RootTask } from "./org.js";

interface Spec<A> {
  action: string;
  usedBy: string;
  show: (args: A) => Record<string, string>;
}

interface RootSpec<A> extends Spec<A> {
  /** The task policy whose session may send it. */
  task: RootTask;
}

const spec = <A>(s: Spec<A>): Spec<A> => s;
const rootSpec = <A>(s: RootSpec<A>): RootSpec<A> => s;

export const ORG_OPS = {
  enableTrustedAccess: spec({
    action: "organizations:EnableAWSServiceAccess",
    usedBy: "org readiness (management account)",
    show: (a: { servicePrincipal: string }) => ({ ServicePrincipal: a.servicePrincipal }),
  }),
  enableRootCredentialsManagement: spec({
    action: "iam:EnableOrganizationsRootCredentialsManagement",
    usedBy: "org readiness (management account)",
    show: (_a: Record<string, never>) => ({}),
  }),
  enableRootSessions: spec({
    action: "iam:EnableOrganizationsRootSessions",
    usedBy: "org readiness (management account)",
    show: (_a: Record<string, never>) => ({}),
  }),
};

export const ROOT_OPS = {
  deleteAccessKey: rootSpec({
    action: "iam:DeleteAccessKey",
    task: "IAMDeleteRootUserCredentials",
    usedBy: "org remediation (member root, AssumeRoot)",
    show: (a: { keyId: string }) => ({ AccessKeyId: a.keyId }),
  }),
  deleteSigningCertificate: rootSpec({
    action: "iam:DeleteSigningCertificate",
    task: "IAMDeleteRootUserCredentials",
    usedBy: "org remediation (member root, AssumeRoot)",
    show: (a: { certificateId: string }) => ({ CertificateId: a.certificateId }),
  }),
  deactivateMfaDevice: rootSpec({
    action: "iam:DeactivateMFADevice",
    task: "IAMDeleteRootUserCredentials",
    usedBy: "org remediation (member root, AssumeRoot)",
    show: (a: { serialNumber: string }) => ({ SerialNumber: a.serialNumber }),
  }),
  deleteVirtualMfaDevice: rootSpec({
    action: "iam:DeleteVirtualMFADevice",
    task: "IAMDeleteRootUserCredentials",
    usedBy: "org remediation (member root, AssumeRoot)",
    show: (a: { serialNumber: string }) => ({ SerialNumber: a.serialNumber }),
  }),
  deleteLoginProfile: rootSpec({
    action: "iam:DeleteLoginProfile",
    task: "IAMDeleteRootUserCredentials",
    usedBy: "org remediation (member root, AssumeRoot)",
    show: (_a: Record<string, never>) => ({}),
  }),
  // "Password must be omitted when you make the request with an AssumeRoot session" (IAM API reference,
  // CreateLoginProfile): it makes the root password recoverable, by the root email's owner ("Forgot password").
  createLoginProfile: rootSpec({
    action: "iam:CreateLoginProfile",
    task: "IAMCreateRootUserPassword",
    usedBy: "org recover (member root, AssumeRoot)",
    show: (_a: Record<string, never>) => ({}),
  }),
};

export type OrgOpName = keyof typeof ORG_OPS;
export type RootOpName = keyof typeof ROOT_OPS;
type ArgsOf<T> = T extends { show: (args: infer A) => unknown } ? A : never;

export type OrgWrite = { [K in OrgOpName]: { op: K; args: ArgsOf<(typeof ORG_OPS)[K]> } }[OrgOpName];
export type RootWrite = { [K in RootOpName]: { op: K; args: ArgsOf<(typeof ROOT_OPS)[K]> } }[RootOpName];

export function orgWrite<K extends OrgOpName>(op: K, args: ArgsOf<(typeof ORG_OPS)[K]>): OrgWrite {
  return { op, args } as OrgWrite;
}

export function rootWrite<K extends RootOpName>(op: K, args: ArgsOf<(typeof ROOT_OPS)[K]>): RootWrite {
  return { op, args } as RootWrite;
}

/** A call as printed: "iam:DeleteAccessKey(AccessKeyId=AKIA…)". */
export interface ShownOrgCall {
  call: string;
  params: Record<string, string>;
}

export function shownOrgCall(w: OrgWrite): ShownOrgCall {
  const s = ORG_OPS[w.op] as Spec<unknown>;
  return { call: s.action, params: s.show(w.args) };
}

export function shownRootCall(w: RootWrite): ShownOrgCall {
  const s = ROOT_OPS[w.op] as RootSpec<unknown>;
  return { call: s.action, params: s.show(w.args) };
}

/** "iam:DeleteAccessKey(AccessKeyId=AKIA…)": one line, the exact call. */
export function callText(c: ShownOrgCall): string {
  return `${c.call}(${Object.entries(c.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ")})`;
}

/** Each adapter implements every op (a missing one does not compile). */
export type OrgWriteHandlers = { [K in OrgOpName]: (args: ArgsOf<(typeof ORG_OPS)[K]>) => Promise<void> };
export type RootWriteHandlers = { [K in RootOpName]: (args: ArgsOf<(typeof ROOT_OPS)[K]>) => Promise<void> };

export function dispatchOrg(handlers: OrgWriteHandlers, w: OrgWrite): Promise<void> {
  return (handlers[w.op] as (args: unknown) => Promise<void>)(w.args);
}

export function dispatchRoot(handlers: RootWriteHandlers, w: RootWrite): Promise<void> {
  return (handlers[w.op] as (args: unknown) => Promise<void>)(w.args);
}
