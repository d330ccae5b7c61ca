// The live organization: the `Org` port over AWS SDK v3 (Organizations, IAM, STS). Imported lazily by
// org-command.ts, only for a live `rootlock org`.
//
// - One STS client for every AssumeRoot, at a regional endpoint: "The STS global endpoint is not supported for
//   AssumeRoot. You must send this request to a Regional STS endpoint" (STS API reference, AssumeRoot). The SDK's
//   STS client uses the regional endpoint of its region (sts.<region>.amazonaws.com) unless told to use the global
//   one; the region is --region, else the environment's, else us-east-1. Adaptive retry mode: the SDK's client-side
//   rate limiter backs off from throttling with jittered delays, and the engine's pool adapts above it.
// - Each member session's IAM calls are signed with that session's credentials alone, with no UserName, and sent
//   through the run's one HTTP handler (iam-query.ts says why not through an SDK client).
// - Organizations and IAM are global services with one endpoint; their SDK clients need a region only to sign.
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  EnableAWSServiceAccessCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import {
  EnableOrganizationsRootCredentialsManagementCommand,
  EnableOrganizationsRootSessionsCommand,
  GetLoginProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListOrganizationsFeaturesCommand,
} from "@aws-sdk/client-iam";
import { getEndpointFromInstructions } from "@smithy/core/endpoints";
import { AssumeRootCommand, GetCallerIdentityCommand, STSClient, type STSClientConfig } from "@aws-sdk/client-sts";
import type { AccessKey } from "../account.js";
import {
  type AccountPage,
  type MemberRoot,
  type Org,
  type OrgAccount,
  type OrgCaller,
  type OrgFeature,
  type Organization,
  type RootCredentials,
  type RootTask,
  type ScpPolicy,
  taskPolicyArn,
} from "../org.js";
import { deniedByScp, ORG_CODES, OrgError, type OrgErrorCode } from "../org-errors.js";
import { dispatchOrg, dispatchRoot, type OrgWrite, type OrgWriteHandlers, type RootWrite, type RootWriteHandlers } from "../org-operations.js";
import { errorCodeOf } from "./aws-errors.js";
import { type IamEndpoint, members, SessionIam } from "./iam-query.js";

export interface LiveOrgOptions {
  profile?: string;
  region?: string;
  /** Explicit credentials instead of the default chain (integration tests act as the management account). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK attempts per call (adaptive retry mode). */
  maxAttempts?: number;
  /**
   * How requests reach AWS (the SDK's own by default). A test hands one that delivers them to the launcher with the
   * Host header the SDK chose, so it can see which endpoint the adapter uses (test/integration/org-endpoint.test.ts).
   */
  requestHandler?: STSClientConfig["requestHandler"];
}

const ORG_ALIASES: Record<string, OrgErrorCode> = {
  AWSOrganizationsNotInUseException: "AWSOrganizationsNotInUse",
  OrganizationNotFoundException: "OrganizationNotFound",
  OrganizationNotInAllFeaturesModeException: "OrganizationNotInAllFeaturesMode",
  ServiceAccessNotEnabledException: "ServiceAccessNotEnabled",
  AccountNotManagementOrDelegatedAdministratorException: "AccountNotManagementOrDelegatedAdministrator",
  CallerIsNotManagementAccountException: "CallerIsNotManagementAccount",
  RegionDisabledException: "RegionDisabled",
  AccountNotFoundException: "AccountNotFound",
  ConcurrentModificationException: "ConcurrentModification",
  ParentNotFoundException: "NoSuchEntity",
  TargetNotFoundException: "NoSuchEntity",
  PolicyNotFoundException: "NoSuchEntity",
  InvalidAction: "InvalidParameter",
};

/** What the SDK threw, as an OrgError naming the action (an SCP's AccessDenied said apart by AWS's wording). */
export function toOrgError(error: unknown, action: string): OrgError {
  if (error instanceof OrgError) return error;
  const e = error as { name?: string; message?: string };
  const name = e?.name ?? "";
  const code: OrgErrorCode = ORG_ALIASES[name] ?? ((ORG_CODES as readonly string[]).includes(name) ? (name as OrgErrorCode) : errorCodeOf(error));
  return new OrgError(code, action, code === "AccessDenied" ? (deniedByScp(e?.message) ? "scp" : "other") : undefined);
}

async function call<R>(action: string, send: () => Promise<R>): Promise<R> {
  try {
    return await send();
  } catch (error) {
    throw toOrgError(error, action);
  }
}

const defaultRegion = (region?: string) => region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";

export class LiveOrg implements Org {
  private readonly organizations: OrganizationsClient;
  private readonly iam: IAMClient;
  private readonly sts: STSClient;
  private readonly region: string;
  private readonly maxAttempts: number;
  private readonly taskDocuments = new Map<RootTask, Promise<string>>();

  constructor(options: LiveOrgOptions = {}) {
    this.region = defaultRegion(options.region);
    this.maxAttempts = options.maxAttempts ?? 3;
    const common = {
      profile: options.profile,
      credentials: options.credentials,
      region: this.region,
      maxAttempts: this.maxAttempts,
      retryMode: "adaptive",
      requestHandler: options.requestHandler,
    };
    this.organizations = new OrganizationsClient(common);
    this.iam = new IAMClient(common);
    // The one STS client: regional (the SDK's default for STS in v3), adaptive retries.
    this.sts = new STSClient({ ...common, useGlobalEndpoint: false });
  }

  async caller(): Promise<OrgCaller> {
    const out = await call("sts:GetCallerIdentity", () => this.sts.send(new GetCallerIdentityCommand({})));
    return { accountId: out.Account ?? "", arn: out.Arn ?? "" };
  }

  async organization(): Promise<Organization> {
    const out = await call("organizations:DescribeOrganization", () => this.organizations.send(new DescribeOrganizationCommand({})));
    const o = out.Organization ?? {};
    return { id: o.Id ?? "", managementAccountId: o.MasterAccountId ?? "", allFeatures: o.FeatureSet === "ALL" };
  }

  async trustedServices(): Promise<string[]> {
    const principals: string[] = [];
    let next: string | undefined;
    do {
      const out = await call("organizations:ListAWSServiceAccessForOrganization", () =>
        this.organizations.send(new ListAWSServiceAccessForOrganizationCommand({ NextToken: next, MaxResults: 20 })),
      );
      principals.push(...(out.EnabledServicePrincipals ?? []).map((p) => p.ServicePrincipal ?? ""));
      next = out.NextToken;
    } while (next);
    return principals;
  }

  async delegatedAdministrators(servicePrincipal: string): Promise<string[]> {
    const ids: string[] = [];
    let next: string | undefined;
    do {
      const out = await call("organizations:ListDelegatedAdministrators", () =>
        this.organizations.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: servicePrincipal, NextToken: next, MaxResults: 20 })),
      );
      ids.push(...(out.DelegatedAdministrators ?? []).map((a) => a.Id ?? ""));
      next = out.NextToken;
    } while (next);
    return ids;
  }

  async features(): Promise<OrgFeature[]> {
    const out = await call("iam:ListOrganizationsFeatures", () => this.iam.send(new ListOrganizationsFeaturesCommand({})));
    return (out.EnabledFeatures ?? []) as OrgFeature[];
  }

  async accountsPage(next?: string): Promise<AccountPage> {
    // MaxResults at most 20 (Organizations API reference, ListAccounts).
    const out = await call("organizations:ListAccounts", () => this.organizations.send(new ListAccountsCommand({ NextToken: next, MaxResults: 20 })));
    const accounts: OrgAccount[] = (out.Accounts ?? []).map((a) => ({
      id: a.Id ?? "",
      name: a.Name ?? "",
      email: a.Email ?? "",
      // `State` replaces the deprecated `Status` (2025); either may be set.
      state: ((a as { State?: string }).State ?? a.Status ?? "ACTIVE") as OrgAccount["state"],
    }));
    return { accounts, ...(out.NextToken ? { next: out.NextToken } : {}) };
  }

  async accountsUnder(parentId: string): Promise<string[]> {
    const ids: string[] = [];
    let next: string | undefined;
    do {
      const out = await call("organizations:ListAccountsForParent", () =>
        this.organizations.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken: next, MaxResults: 20 })),
      );
      ids.push(...(out.Accounts ?? []).map((a) => a.Id ?? ""));
      next = out.NextToken;
    } while (next);
    next = undefined;
    do {
      const out = await call("organizations:ListOrganizationalUnitsForParent", () =>
        this.organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken: next, MaxResults: 20 })),
      );
      for (const ou of out.OrganizationalUnits ?? []) ids.push(...(await this.accountsUnder(ou.Id ?? "")));
      next = out.NextToken;
    } while (next);
    return ids;
  }

  async scpsFor(accountId: string): Promise<ScpPolicy[]> {
    // The account, then each parent up to the root: an SCP attached anywhere above applies.
    const targets = [accountId];
    for (let target = accountId; ;) {
      const out = await call("organizations:ListParents", () => this.organizations.send(new ListParentsCommand({ ChildId: target })));
      const parent = out.Parents?.[0];
      if (!parent?.Id) break;
      targets.push(parent.Id);
      if (parent.Type === "ROOT") break;
      target = parent.Id;
    }
    const policies = new Map<string, ScpPolicy>();
    for (const target of targets) for (const p of await this.policiesOf(target)) if (!policies.has(p.id)) policies.set(p.id, p);
    return [...policies.values()];
  }

  /** An OU's or the root's SCPs are read once per run (the guard rails ask for every account); an account's each time. */
  private readonly policiesByTarget = new Map<string, Promise<ScpPolicy[]>>();

  private policiesOf(target: string): Promise<ScpPolicy[]> {
    const cached = this.policiesByTarget.get(target);
    if (cached) return cached;
    const read = this.readPolicies(target);
    if (!/^\d{12}$/.test(target)) this.policiesByTarget.set(target, read);
    return read;
  }

  private async readPolicies(target: string): Promise<ScpPolicy[]> {
    const out = await call("organizations:ListPoliciesForTarget", () =>
      this.organizations.send(new ListPoliciesForTargetCommand({ TargetId: target, Filter: "SERVICE_CONTROL_POLICY" })),
    );
    const policies: ScpPolicy[] = [];
    for (const p of out.Policies ?? []) {
      if (!p.Id) continue;
      const described = await this.organizations.send(new DescribePolicyCommand({ PolicyId: p.Id })).catch(() => undefined);
      const document = described?.Policy?.Content;
      policies.push({ id: p.Id, name: p.Name ?? p.Id, ...(document ? { document } : {}) });
    }
    return policies;
  }

  taskPolicyDocument(task: RootTask): Promise<string> {
    let document = this.taskDocuments.get(task);
    if (!document) {
      document = this.readTaskPolicy(task);
      this.taskDocuments.set(task, document);
    }
    return document;
  }

  /** The AWS managed policy's default version (the document comes URL-encoded). */
  private async readTaskPolicy(task: RootTask): Promise<string> {
    const arn = taskPolicyArn(task);
    const policy = await call("iam:GetPolicy", () => this.iam.send(new GetPolicyCommand({ PolicyArn: arn })));
    const version = await call("iam:GetPolicyVersion", () => this.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: policy.Policy?.DefaultVersionId })));
    return decodeURIComponent(version.PolicyVersion?.Document ?? "{}");
  }

  async assumeRoot(accountId: string, task: RootTask, durationSeconds: number): Promise<MemberRoot> {
    const out = await call("sts:AssumeRoot", () =>
      this.sts.send(new AssumeRootCommand({ TargetPrincipal: accountId, TaskPolicyArn: { arn: taskPolicyArn(task) }, DurationSeconds: durationSeconds })),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new OrgError("Unknown", "sts:AssumeRoot");
    const iam = new SessionIam(
      this.sessionEndpoint(),
      { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken },
      this.maxAttempts,
    );
    return new LiveMemberRoot(accountId, task, c.Expiration ?? new Date(Date.now() + durationSeconds * 1000), iam);
  }

  private iamEndpoint?: Promise<IamEndpoint>;

  /**
   * IAM's endpoint and signing region, as the management IAM client's endpoint rules resolve them (once a run), and
   * its request handler: one connection pool for the whole run, not one per account.
   */
  private sessionEndpoint(): Promise<IamEndpoint> {
    this.iamEndpoint ??= getEndpointFromInstructions({}, GetLoginProfileCommand, this.iam.config).then((endpoint) => {
      const scheme = (endpoint.properties?.authSchemes as { signingRegion?: string }[] | undefined)?.[0];
      return {
        url: new URL(endpoint.url.href),
        signingRegion: scheme?.signingRegion ?? this.region,
        handler: this.iam.config.requestHandler as IamEndpoint["handler"],
        // STS has just answered AssumeRoot: its client has measured the clock's skew, if any (the SDK corrects it
        // from AWS's Date header after a refusal for skew).
        clockOffset: () => this.sts.config.systemClockOffset ?? 0,
      };
    });
    return this.iamEndpoint;
  }

  private readonly writes: OrgWriteHandlers = {
    enableTrustedAccess: async ({ servicePrincipal }) => {
      await call("organizations:EnableAWSServiceAccess", () => this.organizations.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: servicePrincipal })));
    },
    enableRootCredentialsManagement: async () => {
      await call("iam:EnableOrganizationsRootCredentialsManagement", () => this.iam.send(new EnableOrganizationsRootCredentialsManagementCommand({})));
    },
    enableRootSessions: async () => {
      await call("iam:EnableOrganizationsRootSessions", () => this.iam.send(new EnableOrganizationsRootSessionsCommand({})));
    },
  };

  send(write: OrgWrite): Promise<void> {
    return dispatchOrg(this.writes, write);
  }
}

/** IAM's answer for one item of a list (iam-query.ts `members`): its fields as text. */
type Item = Record<string, string | undefined>;

class LiveMemberRoot implements MemberRoot {
  constructor(
    readonly accountId: string,
    readonly task: RootTask,
    readonly expiresAt: Date,
    private readonly iam: SessionIam,
  ) {}

  private iamCall(action: string, params?: Record<string, string>) {
    return call(`iam:${action}`, () => this.iam.call(action, params));
  }

  async credentials(): Promise<RootCredentials> {
    // GetLoginProfile answers NoSuchEntity when root has no password.
    const password = await this.iamCall("GetLoginProfile").then(
      () => true,
      (error: OrgError) => {
        if (error.code === "NoSuchEntity") return false;
        throw error;
      },
    );
    // No paging: a root user holds at most two access keys, two signing certificates and eight MFA devices, and IAM
    // lists 100 a page.
    const keys = members<Item>((await this.iamCall("ListAccessKeys")).AccessKeyMetadata);
    const accessKeys: AccessKey[] = [];
    for (const k of keys) {
      const id = k.AccessKeyId ?? "";
      const last = (await this.iamCall("GetAccessKeyLastUsed", { AccessKeyId: id })).AccessKeyLastUsed as Item | undefined;
      accessKeys.push({
        id,
        status: k.Status === "Inactive" ? "Inactive" : "Active",
        createdAt: k.CreateDate ? new Date(k.CreateDate) : new Date(0),
        ...(last?.LastUsedDate ? { lastUsed: { at: new Date(last.LastUsedDate), service: last.ServiceName ?? "", region: last.Region ?? "" } } : {}),
      });
    }
    const mfa = members<Item>((await this.iamCall("ListMFADevices")).MFADevices);
    const certs = members<Item>((await this.iamCall("ListSigningCertificates")).Certificates);
    return {
      password,
      accessKeys,
      // A virtual device's serial number is its ARN (arn:aws:iam::ACCT:mfa/NAME); a hardware key's is not.
      mfaDevices: mfa.map((d) => ({
        serialNumber: d.SerialNumber ?? "",
        virtual: (d.SerialNumber ?? "").startsWith("arn:") && d.SerialNumber?.includes(":mfa/") === true,
      })),
      certificates: certs.map((c) => ({ id: c.CertificateId ?? "", status: c.Status === "Inactive" ? "Inactive" : "Active" })),
    };
  }

  private readonly writes: RootWriteHandlers = {
    deleteAccessKey: async ({ keyId }) => {
      await this.iamCall("DeleteAccessKey", { AccessKeyId: keyId });
    },
    deleteSigningCertificate: async ({ certificateId }) => {
      await this.iamCall("DeleteSigningCertificate", { CertificateId: certificateId });
    },
    deactivateMfaDevice: async ({ serialNumber }) => {
      await this.iamCall("DeactivateMFADevice", { SerialNumber: serialNumber });
    },
    deleteVirtualMfaDevice: async ({ serialNumber }) => {
      await this.iamCall("DeleteVirtualMFADevice", { SerialNumber: serialNumber });
    },
    deleteLoginProfile: async () => {
      await this.iamCall("DeleteLoginProfile");
    },
    createLoginProfile: async () => {
      // No Password: "must be omitted when you make the request with an AssumeRoot session" (IAM API reference).
      await this.iamCall("CreateLoginProfile");
    },
  };

  send(write: RootWrite): Promise<void> {
    return dispatchRoot(this.writes, write);
  }
}
