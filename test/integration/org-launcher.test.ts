// The launcher's AWS Organizations and centralized root access (test/integration/launcher_org.py), met through the
// raw SDK as AWS documents them: real clients, the endpoint found through AWS_ENDPOINT_URL as any SDK finds it. Each
// test names the AWS source of the rule it checks. The product's own tests (org*.test.ts) build on this.
import http from "node:http";
import type { LookupFunction } from "node:net";
import {
  CreateLoginProfileCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteLoginProfileCommand,
  DeleteSigningCertificateCommand,
  DeleteVirtualMFADeviceCommand,
  DisableOrganizationsRootSessionsCommand,
  EnableOrganizationsRootCredentialsManagementCommand,
  EnableOrganizationsRootSessionsCommand,
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListOrganizationsFeaturesCommand,
  ListSigningCertificatesCommand,
  ListUsersCommand,
} from "@aws-sdk/client-iam";
import {
  DescribePolicyCommand,
  EnableAWSServiceAccessCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
} from "@aws-sdk/client-organizations";
import { AssumeRootCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MotoServer, requireMoto, startMoto } from "../helpers/moto-server.js";
import { credentialsOf, IAM_PRINCIPAL, type OrgWorld, orgWorld, type RootTask, type SeededOrg, type Signer, taskPolicyArn } from "../helpers/org-world.js";

const available = requireMoto("the organization launcher tests");
const REGION = "eu-west-1";
type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** What the SDK threw, as a plain object, to compare with AWS's documented answer. */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    const error = e as Error & { $metadata?: { httpStatusCode?: number }; Reason?: string };
    return { name: error.name, status: error.$metadata?.httpStatusCode, message: error.message, reason: error.Reason };
  }
  throw new Error("the call succeeded");
}

describe.runIf(available)("the launcher's AWS Organizations and centralized root access, through the raw SDK", () => {
  let moto: MotoServer;
  let world: OrgWorld;
  let savedEndpoint: string | undefined;

  const iam = (credentials: Credentials) => new IAMClient({ region: REGION, credentials, maxAttempts: 1 });
  const sts = (credentials: Credentials, extra: object = {}) => new STSClient({ region: REGION, credentials, maxAttempts: 1, ...extra });
  const orgs = (credentials: Credentials) => new OrganizationsClient({ region: "us-east-1", credentials, maxAttempts: 1 });
  const signer = (s: Signer | null) => credentialsOf(s!);

  /** An organization where centralized root access is ready: trusted access for IAM, both features on. */
  const readyOrg = (extra: Parameters<OrgWorld["seed"]>[0] = {}) =>
    world.seed({ accounts: 3, trusted_access: [IAM_PRINCIPAL], features: ["RootCredentialsManagement", "RootSessions"], ...extra });

  async function rootSession(org: SeededOrg, target: string, task: RootTask, by: Signer = org.management, DurationSeconds?: number) {
    const answer = await sts(credentialsOf(by)).send(new AssumeRootCommand({ TargetPrincipal: target, TaskPolicyArn: { arn: taskPolicyArn(task) }, DurationSeconds }));
    const c = answer.Credentials!;
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken!, expiration: c.Expiration! };
  }

  beforeAll(async () => {
    moto = await startMoto();
    world = orgWorld(moto);
    savedEndpoint = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = moto.endpoint; // the SDK finds the launcher as it finds any endpoint
  });
  beforeEach(async () => moto.reset());
  afterAll(async () => {
    if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = savedEndpoint;
    await moto?.stop();
  });

  describe("IAM's centralized root access features (IAM API Reference: ListOrganizationsFeatures, Enable/Disable…)", () => {
    it("an account in no organization: OrganizationNotFoundException", async () => {
      await world.seed({ accounts: 1 }); // an organization, which moto's default account 123456789012 is not part of
      const outsider = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
      expect(await failure(iam(outsider).send(new ListOrganizationsFeaturesCommand({})))).toMatchObject({ name: "OrganizationNotFoundException", status: 400 });
    });

    it("an organization without all features: OrganizationNotInAllFeaturesModeException", async () => {
      const org = await world.seed({ accounts: 1, feature_set: "CONSOLIDATED_BILLING", trusted_access: [IAM_PRINCIPAL] });
      expect(await failure(iam(signer(org.management)).send(new ListOrganizationsFeaturesCommand({})))).toMatchObject({
        name: "OrganizationNotInAllFeaturesModeException",
        status: 400,
      });
    });

    it("without trusted access for IAM: ServiceAccessNotEnabledException; EnableAWSServiceAccess for iam.amazonaws.com fixes it", async () => {
      // Organizations User Guide, "AWS Identity and Access Management and AWS Organizations" (moto refuses the principal)
      const org = await world.seed({ accounts: 1 });
      const management = signer(org.management);
      expect(await failure(iam(management).send(new EnableOrganizationsRootSessionsCommand({})))).toMatchObject({ name: "ServiceAccessNotEnabledException" });
      await orgs(management).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: IAM_PRINCIPAL }));
      const access = await orgs(management).send(new ListAWSServiceAccessForOrganizationCommand({}));
      expect(access.EnabledServicePrincipals?.map((s) => s.ServicePrincipal)).toContain(IAM_PRINCIPAL);
      const enabled = await iam(management).send(new EnableOrganizationsRootSessionsCommand({}));
      expect(enabled).toMatchObject({ OrganizationId: org.organization_id, EnabledFeatures: ["RootSessions"] });
      await iam(management).send(new EnableOrganizationsRootCredentialsManagementCommand({}));
      expect((await iam(management).send(new ListOrganizationsFeaturesCommand({}))).EnabledFeatures).toEqual(["RootCredentialsManagement", "RootSessions"]);
    });

    it("the delegated administrator may list and disable, not enable: CallerIsNotManagementAccountException", async () => {
      // IAM API Reference: only the Enable calls name CallerIsNotManagementAccountException
      const org = await world.seed({ accounts: 2, trusted_access: [IAM_PRINCIPAL], features: ["RootSessions"] });
      const management = signer(org.management);
      await orgs(management).send(new RegisterDelegatedAdministratorCommand({ AccountId: org.accounts[1]!.id, ServicePrincipal: IAM_PRINCIPAL }));
      const admins = await orgs(management).send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: IAM_PRINCIPAL }));
      expect(admins.DelegatedAdministrators?.map((a) => a.Id)).toEqual([org.accounts[1]!.id]);
      const admin = credentialsOf((await world.setFeatures({ delegated_admin: org.accounts[1]!.id })).delegated_admin!);
      expect((await iam(admin).send(new ListOrganizationsFeaturesCommand({}))).EnabledFeatures).toEqual(["RootSessions"]);
      expect(await failure(iam(admin).send(new EnableOrganizationsRootCredentialsManagementCommand({})))).toMatchObject({
        name: "CallerIsNotManagementAccountException",
        status: 400,
      });
      expect((await iam(admin).send(new DisableOrganizationsRootSessionsCommand({}))).EnabledFeatures ?? []).toEqual([]);
    });

    it("any other member account: AccountNotManagementOrDelegatedAdministratorException", async () => {
      const org = await readyOrg();
      const other = credentialsOf((await world.setFeatures({ delegated_admin: org.accounts[0]!.id })).delegated_admin!);
      await world.setFeatures({ delegated_admin: null }); // its key stays, its role goes
      expect(await failure(iam(other).send(new ListOrganizationsFeaturesCommand({})))).toMatchObject({
        name: "AccountNotManagementOrDelegatedAdministratorException",
        status: 400,
      });
    });
  });

  describe("sts:AssumeRoot (STS API Reference, AssumeRoot)", () => {
    it("mints credentials that act as the member's root, expiring after DurationSeconds", async () => {
      const org = await readyOrg();
      const target = org.accounts[0]!.id;
      const before = Date.parse((await world.state()).now);
      const session = await rootSession(org, target, "IAMAuditRootUserCredentials", org.management, 300);
      expect(session.accessKeyId).toMatch(/^ASIA/);
      expect(session.expiration.getTime() - before).toBeGreaterThanOrEqual(299_000);
      expect(session.expiration.getTime() - before).toBeLessThanOrEqual(302_000);
      const identity = await sts(session).send(new GetCallerIdentityCommand({}));
      expect(identity).toMatchObject({ Account: target, Arn: `arn:aws:iam::${target}:root`, UserId: target });
      // TargetPrincipal: "The member account principal ARN or account ID"
      const byArn = await sts(signer(org.management)).send(
        new AssumeRootCommand({ TargetPrincipal: `arn:aws:iam::${target}:root`, TaskPolicyArn: { arn: taskPolicyArn("IAMAuditRootUserCredentials") } }),
      );
      expect(byArn.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    });

    it("DurationSeconds above 900 is refused; left out, it is 900", async () => {
      const org = await readyOrg();
      const target = org.accounts[0]!.id;
      expect(await failure(rootSession(org, target, "IAMAuditRootUserCredentials", org.management, 901))).toMatchObject({ name: "ValidationError", status: 400 });
      const before = Date.parse((await world.state()).now);
      const session = await rootSession(org, target, "IAMAuditRootUserCredentials");
      expect(Math.round((session.expiration.getTime() - before) / 1000)).toBeGreaterThanOrEqual(899);
    });

    it("a TaskPolicyArn that is not a root-task policy is refused", async () => {
      const org = await readyOrg();
      const call = sts(signer(org.management)).send(
        new AssumeRootCommand({ TargetPrincipal: org.accounts[0]!.id, TaskPolicyArn: { arn: "arn:aws:iam::aws:policy/AdministratorAccess" } }),
      );
      expect(await failure(call)).toMatchObject({ name: "ValidationError", status: 400 });
    });

    it("never the management account, nor a SUSPENDED member, nor an account outside the organization", async () => {
      const org = await readyOrg({ accounts: [{}, { state: "SUSPENDED" }] });
      for (const target of [org.management.id, org.accounts[1]!.id, "999999999999"]) {
        const refused = await failure(rootSession(org, target, "IAMAuditRootUserCredentials"));
        expect(refused).toMatchObject({ name: "AccessDenied", status: 403 });
        expect(refused.message).toContain(`sts:AssumeRoot on resource: arn:aws:iam::${target}:root`);
      }
    });

    it("the caller is the management account or the IAM delegated administrator, no one else", async () => {
      const org = await readyOrg({ delegated_admin: 1 });
      const admin = org.delegated_admin!;
      const session = await rootSession(org, org.accounts[0]!.id, "IAMAuditRootUserCredentials", admin);
      expect(session.accessKeyId).toMatch(/^ASIA/);
      await world.setFeatures({ delegated_admin: null });
      expect(await failure(rootSession(org, org.accounts[0]!.id, "IAMAuditRootUserCredentials", admin))).toMatchObject({ name: "AccessDenied", status: 403 });
    });

    it("needs RootSessions (IAM API Reference, DisableOrganizationsRootSessions)", async () => {
      const org = await readyOrg();
      await iam(signer(org.management)).send(new DisableOrganizationsRootSessionsCommand({}));
      const refused = await failure(rootSession(org, org.accounts[0]!.id, "IAMAuditRootUserCredentials"));
      expect(refused).toMatchObject({ name: "AccessDenied", status: 403 });
      expect(refused.message).toContain("RootSessions");
    });

    it("the global endpoint is refused; a regional endpoint answers (the SDK's region decides the host)", async () => {
      // STS API Reference, AssumeRoot: "The STS global endpoint is not supported for AssumeRoot" (400 InvalidAction
      // "Unknown Operation", boto/boto3#4461). The launcher is reached under AWS's host names through a DNS lookup
      // that answers 127.0.0.1, so the Host header is the one the SDK sends to AWS.
      const org = await readyOrg();
      const port = new URL(moto.endpoint).port;
      const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
        options.all ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4)) as unknown as LookupFunction;
      const at = (host: string, region: string) =>
        new STSClient({
          region,
          endpoint: `http://${host}:${port}`,
          credentials: signer(org.management),
          maxAttempts: 1,
          requestHandler: { httpAgent: new http.Agent({ lookup }) },
        });
      const input = { TargetPrincipal: org.accounts[0]!.id, TaskPolicyArn: { arn: taskPolicyArn("IAMAuditRootUserCredentials") } };
      expect(await failure(at("sts.amazonaws.com", "us-east-1").send(new AssumeRootCommand(input)))).toMatchObject({ name: "InvalidAction", status: 400 });
      const regional = await at("sts.us-east-1.amazonaws.com", "us-east-1").send(new AssumeRootCommand(input));
      expect(regional.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    });

    it("a disabled region: RegionDisabledException", async () => {
      const org = await readyOrg();
      await world.disableRegions([REGION]);
      expect(await failure(rootSession(org, org.accounts[0]!.id, "IAMAuditRootUserCredentials"))).toMatchObject({ name: "RegionDisabledException", status: 403 });
      const elsewhere = await sts(signer(org.management), { region: "eu-central-1" }).send(
        new AssumeRootCommand({ TargetPrincipal: org.accounts[0]!.id, TaskPolicyArn: { arn: taskPolicyArn("IAMAuditRootUserCredentials") } }),
      );
      expect(elsewhere.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    });

    it("above N calls a second: Throttling, counted by the launcher", async () => {
      // STS Common Errors: ThrottlingException ("Rate exceeded"); IAM User Guide, "IAM and AWS STS quotas"
      const org = await readyOrg();
      await world.throttle(5);
      const input = { TargetPrincipal: org.accounts[0]!.id, TaskPolicyArn: { arn: taskPolicyArn("IAMAuditRootUserCredentials") } };
      const client = sts(signer(org.management));
      const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => client.send(new AssumeRootCommand(input))));
      const throttled = outcomes.filter((o) => o.status === "rejected" && (o.reason as Error).name === "Throttling");
      expect(throttled.length).toBeGreaterThanOrEqual(6);
      expect((await world.state()).assume_root).toMatchObject({ accepted: 12 - throttled.length, throttled: throttled.length });
    });
  });

  describe('a member root\'s session (IAM User Guide, "Perform a privileged task on a member account")', () => {
    it("audits with no UserName: login profile, keys with last use, MFA devices, signing certificates", async () => {
      const org = await readyOrg();
      const target = org.accounts[0]!.id;
      const given = await world.giveRoot(target, {
        password: true,
        access_keys: [{ last_used: { date: "2026-03-04T05:06:07Z", service: "s3", region: "eu-west-1" } }, { status: "Inactive" }],
        mfa: [{ type: "virtual" }, { type: "hardware" }],
        signing_certificates: [{}],
      });
      const root = iam(await rootSession(org, target, "IAMAuditRootUserCredentials"));
      expect((await root.send(new GetLoginProfileCommand({}))).LoginProfile?.PasswordResetRequired).toBe(false);
      const keys = (await root.send(new ListAccessKeysCommand({}))).AccessKeyMetadata ?? [];
      expect(keys.map((k) => [k.AccessKeyId, k.Status])).toEqual([
        [given.access_key_ids[0], "Active"],
        [given.access_key_ids[1], "Inactive"],
      ]);
      const used = await root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: given.access_key_ids[0] }));
      expect(used.AccessKeyLastUsed).toMatchObject({ ServiceName: "s3", Region: "eu-west-1", LastUsedDate: new Date("2026-03-04T05:06:07Z") });
      const never = await root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: given.access_key_ids[1] }));
      expect(never.AccessKeyLastUsed).toEqual({ ServiceName: "N/A", Region: "N/A" });
      const devices = (await root.send(new ListMFADevicesCommand({}))).MFADevices ?? [];
      expect(devices.map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${target}:mfa/root-account-mfa-device`, given.mfa_serials[1]]);
      expect((await root.send(new ListSigningCertificatesCommand({}))).Certificates?.map((c) => c.CertificateId)).toEqual(given.certificate_ids);
    });

    it("a credential-less root: NoSuchEntity for the login profile, empty lists", async () => {
      // IAM API Reference, GetLoginProfile: NoSuchEntity (404) when the user has no password
      const org = await readyOrg();
      const root = iam(await rootSession(org, org.accounts[0]!.id, "IAMAuditRootUserCredentials"));
      expect(await failure(root.send(new GetLoginProfileCommand({})))).toMatchObject({ name: "NoSuchEntityException", status: 404 });
      expect((await root.send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toEqual([]);
      expect((await root.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
      expect((await root.send(new ListSigningCertificatesCommand({}))).Certificates).toEqual([]);
    });

    it("the task policy allows only its actions, on root only (moto's copies of AWS's root-task documents)", async () => {
      const org = await readyOrg();
      const target = org.accounts[0]!.id;
      const given = await world.giveRoot(target, { access_keys: [{}], mfa: [{ type: "virtual" }] });
      const audit = iam(await rootSession(org, target, "IAMAuditRootUserCredentials"));
      const deleting = await failure(audit.send(new DeleteAccessKeyCommand({ AccessKeyId: given.access_key_ids[0] })));
      expect(deleting).toMatchObject({ name: "AccessDenied", status: 403 });
      expect(deleting.message).toContain("iam:DeleteAccessKey");
      // Deny [its actions] on NotResource arn:aws:iam::*:root: naming a user is refused
      expect(await failure(audit.send(new ListAccessKeysCommand({ UserName: "someone" })))).toMatchObject({ name: "AccessDenied" });
      // IAMDeleteRootUserCredentials lists DeleteVirtualMFADevice but denies it on a non-root resource: the device's
      // ARN (Service Authorization Reference: DeleteVirtualMFADevice acts on the mfa resource) is not root's
      const remover = iam(await rootSession(org, target, "IAMDeleteRootUserCredentials"));
      await remover.send(new DeactivateMFADeviceCommand({ SerialNumber: given.mfa_serials[0] }));
      const deleteDevice = await failure(remover.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: given.mfa_serials[0] })));
      expect(deleteDevice).toMatchObject({ name: "AccessDenied" });
      expect(deleteDevice.message).toContain(`on resource: ${given.mfa_serials[0]}`);
      expect(await failure(remover.send(new CreateLoginProfileCommand({})))).toMatchObject({ name: "AccessDenied" });
    });

    it("removes every credential (IAMDeleteRootUserCredentials), and the launcher's state shows none left", async () => {
      const org = await readyOrg();
      const target = org.accounts[0]!.id;
      const given = await world.giveRoot(target, { password: true, access_keys: [{}, {}], mfa: [{ type: "virtual" }, { type: "hardware" }], signing_certificates: [{}] });
      const root = iam(await rootSession(org, target, "IAMDeleteRootUserCredentials"));
      for (const AccessKeyId of given.access_key_ids) await root.send(new DeleteAccessKeyCommand({ AccessKeyId }));
      for (const CertificateId of given.certificate_ids) await root.send(new DeleteSigningCertificateCommand({ CertificateId }));
      for (const SerialNumber of given.mfa_serials) await root.send(new DeactivateMFADeviceCommand({ SerialNumber }));
      await root.send(new DeleteLoginProfileCommand({}));
      // Already gone: NoSuchEntity (404), as IAM answers for an entity that does not exist
      expect(await failure(root.send(new DeleteLoginProfileCommand({})))).toMatchObject({ name: "NoSuchEntityException", status: 404 });
      expect(await failure(root.send(new DeleteAccessKeyCommand({ AccessKeyId: given.access_key_ids[0] })))).toMatchObject({ name: "NoSuchEntityException" });
      expect(await failure(root.send(new DeactivateMFADeviceCommand({ SerialNumber: given.mfa_serials[1] })))).toMatchObject({ name: "NoSuchEntityException" });
      expect(await failure(root.send(new DeleteSigningCertificateCommand({ CertificateId: given.certificate_ids[0] })))).toMatchObject({ name: "NoSuchEntityException" });
      const left = await world.rootOf(target);
      expect(left).toMatchObject({ login_profile: null, access_keys: [], signing_certificates: [] });
      // the virtual device survives, unassigned (DeactivateMFADevice does not delete it)
      expect(left.mfa_devices).toEqual([{ serial: given.mfa_serials[0], type: "virtual", enabled: false }]);
    });

    it("allows password recovery: CreateLoginProfile with no input (IAMCreateRootUserPassword), once", async () => {
      const org = await readyOrg();
      const target = org.accounts[0]!.id;
      const root = iam(await rootSession(org, target, "IAMCreateRootUserPassword"));
      const made = await root.send(new CreateLoginProfileCommand({}));
      expect(made.LoginProfile?.CreateDate).toBeInstanceOf(Date);
      expect((await world.rootOf(target)).login_profile).not.toBeNull();
      expect(await failure(root.send(new CreateLoginProfileCommand({})))).toMatchObject({ name: "EntityAlreadyExistsException", status: 409 });
    });

    it("expires after DurationSeconds on the launcher's clock (ExpiredToken), and on request", async () => {
      const org = await readyOrg();
      const target = org.accounts[0]!.id;
      const root = iam(await rootSession(org, target, "IAMAuditRootUserCredentials", org.management, 60));
      await root.send(new ListAccessKeysCommand({}));
      await world.advanceClock(61);
      expect(await failure(root.send(new ListAccessKeysCommand({})))).toMatchObject({ name: "ExpiredToken", status: 403 });
      const other = iam(await rootSession(org, org.accounts[1]!.id, "IAMAuditRootUserCredentials"));
      expect(await world.expireSessions(org.accounts[1]!.id)).toEqual({ expired: 1 });
      expect(await failure(other.send(new ListAccessKeysCommand({})))).toMatchObject({ name: "ExpiredToken" });
    });
  });

  describe("service control policies (Organizations User Guide, SCPs; IAM User Guide, aws:AssumedRoot)", () => {
    it("an SCP on an OU above the target that denies sts:AssumeRoot: AccessDenied naming the policy, which DescribePolicy reads", async () => {
      const org = await readyOrg({ ous: ["Prod", "Prod/Web"], accounts: [{ ou: "Prod/Web" }, {}] });
      const scp = await world.attachScp({ target: "Prod", deny: ["sts:AssumeRoot"] });
      const refused = await failure(rootSession(org, org.accounts[0]!.id, "IAMAuditRootUserCredentials"));
      expect(refused).toMatchObject({ name: "AccessDenied", status: 403 });
      expect(refused.message).toContain(`with an explicit deny in a service control policy: ${scp.arn}`);
      const policy = await orgs(signer(org.management)).send(new DescribePolicyCommand({ PolicyId: scp.policy_id }));
      expect(JSON.parse(policy.Policy!.Content!).Statement[0].Action).toEqual(["sts:AssumeRoot"]);
      expect((await rootSession(org, org.accounts[1]!.id, "IAMAuditRootUserCredentials")).accessKeyId).toMatch(/^ASIA/); // outside Prod
    });

    it("an SCP denying root actions refuses the root session's calls, unless it exempts aws:AssumedRoot", async () => {
      const org = await readyOrg();
      const [blocked, exempt] = [org.accounts[0]!.id, org.accounts[1]!.id];
      await world.attachScp({ target: blocked, deny: ["*"], root_only: true });
      await world.attachScp({ target: exempt, deny: ["*"], root_only: true, exempt_assumed_root: true });
      const refused = await failure(iam(await rootSession(org, blocked, "IAMAuditRootUserCredentials")).send(new ListAccessKeysCommand({})));
      expect(refused).toMatchObject({ name: "AccessDenied", status: 403 });
      expect(refused.message).toContain("with an explicit deny in a service control policy");
      const allowed = await iam(await rootSession(org, exempt, "IAMAuditRootUserCredentials")).send(new ListAccessKeysCommand({}));
      expect(allowed.AccessKeyMetadata).toEqual([]);
    });
  });

  describe("the organization's accounts (Organizations API Reference, ListAccounts)", () => {
    it("250 accounts, listed in pages of 20, an empty page with a NextToken not being the end; MaxResults above 20 refused", async () => {
      const org = await world.seed({ ous: ["Sandbox"], accounts: Array.from({ length: 250 }, (_, i) => (i % 5 === 0 ? { ou: "Sandbox" } : {})) });
      await world.emptyPageEvery(4);
      const client = orgs(signer(org.management));
      const seen: string[] = [];
      let pages = 0;
      let empties = 0;
      let NextToken: string | undefined;
      do {
        const page = await client.send(new ListAccountsCommand({ MaxResults: 20, NextToken }));
        pages += 1;
        if ((page.Accounts ?? []).length === 0) empties += 1;
        expect((page.Accounts ?? []).length).toBeLessThanOrEqual(20);
        seen.push(...(page.Accounts ?? []).map((a) => a.Id!));
        NextToken = page.NextToken;
      } while (NextToken);
      expect(empties).toBeGreaterThan(0);
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(251 / 20) + empties);
      expect(new Set(seen)).toEqual(new Set([org.management.id, ...org.accounts.map((a) => a.id)]));
      expect(seen).toHaveLength(251);
      const refused = await failure(client.send(new ListAccountsCommand({ MaxResults: 21 })));
      expect(refused).toMatchObject({ name: "InvalidInputException", status: 400, reason: "MAX_VALUE_EXCEEDED" });
      const sandbox = await client.send(new ListAccountsForParentCommand({ ParentId: org.ous.Sandbox, MaxResults: 20 }));
      expect(sandbox.Accounts?.every((a) => org.accounts.find((b) => b.id === a.Id)?.ou_id === org.ous.Sandbox)).toBe(true);
    });

    it("1,000 accounts seed in seconds, and a key of no seeded account still answers at once (moto alone scanned every account)", async () => {
      const started = performance.now();
      const org = await world.seed({ accounts: 1000 });
      expect(org.accounts).toHaveLength(1000);
      expect(performance.now() - started).toBeLessThan(20_000);
      const outsider = iam({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" });
      const asked = performance.now();
      await outsider.send(new ListUsersCommand({}));
      expect(performance.now() - asked).toBeLessThan(2_000); // 36 s for moto's own lookup, which built every partition's IAM
    });

    it("the delegated administrator reads the organization; another member gets AccessDeniedException", async () => {
      const org = await readyOrg({ delegated_admin: 0 });
      const listed = await orgs(signer(org.delegated_admin)).send(new ListAccountsCommand({ MaxResults: 20 }));
      expect(listed.Accounts).toHaveLength(4);
      // writes are the management account's alone (Organizations API Reference, EnableAWSServiceAccess)
      expect(await failure(orgs(signer(org.delegated_admin)).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: "ssm.amazonaws.com" })))).toMatchObject({
        name: "AccessDeniedException",
      });
      const other = credentialsOf((await world.setFeatures({ delegated_admin: org.accounts[1]!.id })).delegated_admin!);
      await world.setFeatures({ delegated_admin: null });
      expect(await failure(orgs(other).send(new ListAccountsCommand({})))).toMatchObject({ name: "AccessDeniedException" });
    });

    it("POST /_harness/reset wipes the organization and every setting of it, as a new server would start", async () => {
      const org = await readyOrg();
      await rootSession(org, org.accounts[0]!.id, "IAMAuditRootUserCredentials");
      await world.throttle(1);
      await world.latency(400);
      await world.advanceClock(3600);
      await world.disableRegions([REGION]);
      await moto.reset();
      const state = await world.state();
      expect(state).toMatchObject({ organization_id: null, management: null, features: [], sessions: [], assume_root: { accepted: 0, throttled: 0, refused: 0 } });
      expect(Math.abs(Date.parse(state.now) - Date.now())).toBeLessThan(5_000);
      const again = await readyOrg();
      const started = performance.now();
      await rootSession(again, again.accounts[0]!.id, "IAMAuditRootUserCredentials");
      await rootSession(again, again.accounts[1]!.id, "IAMAuditRootUserCredentials"); // neither throttled, nor late, nor refused
      expect(performance.now() - started).toBeLessThan(400);
    });

    it("per-call latency, and the request log naming each call's account and root session", async () => {
      const org = await readyOrg();
      await world.latency(150);
      const started = performance.now();
      const session = await rootSession(org, org.accounts[0]!.id, "IAMAuditRootUserCredentials");
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      await iam(session).send(new ListAccessKeysCommand({}));
      const log = await moto.requests();
      expect(log.at(-2)).toMatchObject({ action: "AssumeRoot", account: org.management.id, region: REGION, status: 200 });
      expect(log.at(-1)).toMatchObject({ action: "ListAccessKeys", account: org.accounts[0]!.id, root_session: org.accounts[0]!.id });
    });
  });
});
