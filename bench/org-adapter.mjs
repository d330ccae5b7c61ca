// The bench's own SDK adapter for the organization port (src/aws/org.ts), limited to what an audit calls:
// organization(), accountsPage(), assumeRoot() and its MemberRoot's credentials(), scpsFor(). It stands in until
// org-core's live adapter (src/aws/live/) is merged; then bench/org-worker.mjs imports that one instead. Real SDK
// clients, found through AWS_ENDPOINT_URL; every client makes one attempt (maxAttempts 1), so each Throttling reaches
// the engine, which retries with backoff and halves its pool (src/steps/org/session.ts, pool.ts).
import {
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListSigningCertificatesCommand,
} from "@aws-sdk/client-iam";
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAccountsCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AssumeRootCommand, STSClient } from "@aws-sdk/client-sts";
import { OrgError, ORG_CODES, deniedByScp } from "../src/aws/org-errors.js";
import { taskPolicyArn } from "../src/aws/org.js";

const REGION = process.env.AWS_REGION ?? "us-east-1";
const CODE_OF = { NoSuchEntityException: "NoSuchEntity", RegionDisabledException: "RegionDisabled", AWSOrganizationsNotInUseException: "AWSOrganizationsNotInUse" };

/** An SDK failure as the port's OrgError: AWS's code and the action that failed. */
function orgError(error, action) {
  const name = CODE_OF[error?.name] ?? error?.name ?? "Unknown";
  const code = ORG_CODES.includes(name) ? name : name.endsWith("Exception") && ORG_CODES.includes(name.slice(0, -9)) ? name.slice(0, -9) : "Unknown";
  return new OrgError(code, action, code === "AccessDenied" ? (deniedByScp(error?.message) ? "scp" : "other") : undefined);
}

async function call(action, promise) {
  try {
    return await promise;
  } catch (error) {
    throw orgError(error, action);
  }
}

function memberRoot(accountId, task, credentials, expiresAt) {
  const iam = new IAMClient({ region: REGION, credentials, maxAttempts: 1 });
  const password = () =>
    iam.send(new GetLoginProfileCommand({})).then(
      () => true,
      (error) => {
        if (error?.name === "NoSuchEntityException") return false;
        throw orgError(error, "iam:GetLoginProfile");
      },
    );
  const accessKeys = async () => {
    const listed = (await call("iam:ListAccessKeys", iam.send(new ListAccessKeysCommand({})))).AccessKeyMetadata ?? [];
    return Promise.all(
      listed.map(async (k) => {
        const used = (await call("iam:GetAccessKeyLastUsed", iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId }))))?.AccessKeyLastUsed;
        const lastUsed = used?.LastUsedDate ? { at: used.LastUsedDate, service: used.ServiceName, region: used.Region } : undefined;
        return { id: k.AccessKeyId, status: k.Status, createdAt: k.CreateDate, ...(lastUsed ? { lastUsed } : {}) };
      }),
    );
  };
  const mfaDevices = async () =>
    ((await call("iam:ListMFADevices", iam.send(new ListMFADevicesCommand({})))).MFADevices ?? []).map((d) => ({
      serialNumber: d.SerialNumber,
      virtual: d.SerialNumber.startsWith("arn:"),
    }));
  const certificates = async () =>
    ((await call("iam:ListSigningCertificates", iam.send(new ListSigningCertificatesCommand({})))).Certificates ?? []).map((c) => ({
      id: c.CertificateId,
      status: c.Status,
    }));
  return {
    accountId,
    task,
    expiresAt,
    async credentials() {
      const [p, k, m, c] = await Promise.all([password(), accessKeys(), mfaDevices(), certificates()]);
      return { password: p, accessKeys: k, mfaDevices: m, certificates: c };
    },
    send() {
      throw new Error("the bench's adapter audits only");
    },
  };
}

export async function openLiveOrg() {
  const sts = new STSClient({ region: REGION, maxAttempts: 1 });
  const orgs = new OrganizationsClient({ region: "us-east-1", maxAttempts: 1 });
  return {
    async organization() {
      const o = (await call("organizations:DescribeOrganization", orgs.send(new DescribeOrganizationCommand({})))).Organization;
      return { id: o.Id, managementAccountId: o.MasterAccountId, allFeatures: o.FeatureSet === "ALL" };
    },
    async accountsPage(next) {
      const page = await call("organizations:ListAccounts", orgs.send(new ListAccountsCommand({ MaxResults: 20, NextToken: next })));
      return {
        accounts: (page.Accounts ?? []).map((a) => ({ id: a.Id, name: a.Name, email: a.Email, state: a.State ?? a.Status })),
        ...(page.NextToken ? { next: page.NextToken } : {}),
      };
    },
    async assumeRoot(accountId, task, durationSeconds) {
      const answer = await call(
        "sts:AssumeRoot",
        sts.send(new AssumeRootCommand({ TargetPrincipal: accountId, TaskPolicyArn: { arn: taskPolicyArn(task) }, DurationSeconds: durationSeconds })),
      );
      const c = answer.Credentials;
      return memberRoot(accountId, task, { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken }, c.Expiration);
    },
    async scpsFor(accountId) {
      const targets = [accountId];
      for (let child = accountId; ;) {
        const parent = (await call("organizations:ListParents", orgs.send(new ListParentsCommand({ ChildId: child })))).Parents?.[0];
        if (!parent) break;
        targets.push(parent.Id);
        if (parent.Type === "ROOT") break;
        child = parent.Id;
      }
      const policies = [];
      for (const target of targets) {
        const listed = await call(
          "organizations:ListPoliciesForTarget",
          orgs.send(new ListPoliciesForTargetCommand({ TargetId: target, Filter: "SERVICE_CONTROL_POLICY" })),
        );
        for (const p of listed.Policies ?? []) {
          const content = await orgs.send(new DescribePolicyCommand({ PolicyId: p.Id })).then(
            (d) => d.Policy?.Content,
            () => undefined,
          );
          policies.push({ id: p.Id, name: p.Name, ...(content ? { document: content } : {}) });
        }
      }
      return policies;
    },
  };
}
