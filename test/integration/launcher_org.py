"""AWS Organizations' centralized root access, emulated for rootlock's tests (imported by moto_launcher.py).

moto 5.2.1 has Organizations (organization, accounts, OUs, SCPs) but none of centralized root access: no trusted
access or delegated administrator for iam.amazonaws.com, no IAM *OrganizationsFeatures / *OrganizationsRoot* calls,
no sts:AssumeRoot, and no root user (see /work/shared/reference/moto.md §5, §8, §9). This module adds them in front
of moto, as AWS documents them; each section below names its source. Everything here is wiped by the launcher's
POST /_harness/reset (a new server's world).

HARNESS ROUTES (the contract with the product's tests; JSON bodies and answers; 200 unless said):

POST /_harness/org/seed
    {"management": {"id"?: "111111111111", "email"?: "..."},          # ids are generated when left out
     "feature_set": "ALL" | "CONSOLIDATED_BILLING",                     # default "ALL"
     "ous": ["Prod", "Prod/Web", "Sandbox"],                           # paths under the root, parents first
     "accounts": 250 | [{"id"?: "...", "name"?: "...", "email"?: "...", "ou"?: "Prod/Web",
                         "state"?: "ACTIVE" | "SUSPENDED"}],          # a number: that many ACTIVE accounts at the root
     "trusted_access": ["iam.amazonaws.com"],                          # default [] (EnableAWSServiceAccess done)
     "delegated_admin": "<account id>" | <index into accounts>,        # registered for iam.amazonaws.com
     "features": ["RootCredentialsManagement", "RootSessions"]}        # default [] (needs trusted access for IAM)
    Makes the organization in moto's own Organizations backend (so DescribeOrganization, ListAccounts,
    ListAccountsForParent, ListRoots, ListOrganizationalUnitsForParent, DescribeAccount answer it), in-process: 1,000
    accounts take about a second. The management account and the delegated administrator each get an IAM user
    "org-admin" with an access key (moto maps a key to its account), to sign requests as that account.
    -> {"organization_id", "root_id", "ous": {"Prod": "ou-…", …},
        "management": {"id", "access_key_id", "secret_access_key"},
        "delegated_admin": {"id", "access_key_id", "secret_access_key"} | null,
        "accounts": [{"id", "name", "email", "ou_id", "state"}]}   (members only, in the order given)

POST /_harness/org/root-credentials
    {"account": "<member id>",
     "password"?: true | {"reset_required": bool},                     # a login profile for the member's root
     "access_keys"?: [{"status"?: "Active" | "Inactive", "last_used"?: {"date": ISO-8601, "service": "s3",
                       "region": "us-east-1"}}],                     # never used when last_used is left out
     "mfa"?: [{"type": "virtual" | "hardware"}],                       # virtual: arn:aws:iam::ACCT:mfa/root-account-mfa-device
     "signing_certificates"?: [{"status"?: "Active" | "Inactive"}]}
    Adds to what the member's root holds (call it again to add more).
    -> {"access_key_ids": [...], "mfa_serials": [...], "certificate_ids": [...]}
GET /_harness/org/root-credentials?account=<member id>
    -> {"login_profile": null | {"created", "reset_required"},
        "access_keys": [{"id", "status", "last_used": null | {"date", "service", "region"}}],
        "mfa_devices": [{"serial", "type", "enabled"}],              # virtual devices still existing, enabled or not
        "signing_certificates": [{"id", "status"}]}

POST /_harness/org/scp
    {"target": "<account id>" | "<ou path>" | "root", "name"?: "...",
     "deny": ["sts:AssumeRoot"] | ["*"] | [...actions],               # a Deny statement over these actions …
     "root_only"?: true,                                               # … for arn:aws:iam::*:root principals only
     "exempt_assumed_root"?: true}                                     # … except AssumeRoot sessions (aws:AssumedRoot)
    or {"target": ..., "document": {<a whole SCP>}}
    Creates the policy in moto's Organizations (SERVICE_CONTROL_POLICY, enabled on the root if it is not) and
    attaches it, so DescribePolicy / ListPoliciesForTarget read it as AWS would. The launcher enforces every SCP in
    moto's state (these, and any the product creates through the API): see "Service control policies".
    -> {"policy_id", "arn"}

POST /_harness/org/throttle    {"assume_root_per_second": 20}   (0 or null: off)
    AssumeRoot calls above that many in any sliding second (launcher clock is wall time here) answer HTTP 400
    Throttling "Rate exceeded", as STS throttles. Throttled calls are counted (GET /_harness/org/state).
POST /_harness/org/latency     {"ms": 80, "actions"?: ["AssumeRoot", ...]}   (ms 0: off)
    Every AWS call (or only those actions) is answered that much later; harness routes never are.
POST /_harness/org/clock       {"advance_seconds": 901} | {"now": ISO-8601}  -> {"now"}
GET  /_harness/org/clock       -> {"now"}
    The launcher's clock for root sessions (expiry). It starts at wall time and moves only with wall time or here.
POST /_harness/org/expire-sessions   {"account"?: "<member id>"}  -> {"expired": N}
    Root sessions (of that member, or all) expire now: their next call answers 403 ExpiredToken.
POST /_harness/org/disabled-regions  {"regions": ["ap-east-1"]}
    STS in those regions is not activated for the organization's accounts: AssumeRoot there answers 403
    RegionDisabledException.
POST /_harness/org/features    {"RootCredentialsManagement"?: bool, "RootSessions"?: bool,
                                "trusted_access"?: bool, "delegated_admin"?: "<account id>" | null}
    Sets the organization's state directly (the seed does the same), without the API's rules.
GET  /_harness/org/state
    -> {"organization_id", "management", "features": [...], "trusted_access": [...], "delegated_admins": [...],
        "now", "sessions": [{"access_key_id", "account", "task_policy", "expires", "expired"}],
        "assume_root": {"accepted": N, "throttled": N, "refused": N}, "scps": [{"policy_id", "targets"}]}
GET  /_harness/requests (the launcher's log of calls) also says, for each call, "account" (the caller's account),
    "region" (the SigV4 scope's), and "root_session": "<member id>" when it was signed with AssumeRoot credentials.

AWS BEHAVIOUR EMULATED (one section each below, with its source):
- Organizations EnableAWSServiceAccess / DisableAWSServiceAccess / ListAWSServiceAccessForOrganization and
  RegisterDelegatedAdministrator / ListDelegatedAdministrators accept iam.amazonaws.com (moto refuses it).
- IAM ListOrganizationsFeatures, Enable/DisableOrganizationsRootCredentialsManagement, Enable/DisableOrganizations-
  RootSessions with AWS's errors: OrganizationNotFoundException, OrganizationNotInAllFeaturesModeException,
  ServiceAccessNotEnabledException, AccountNotManagementOrDelegatedAdministratorException,
  CallerIsNotManagementAccountException (enable: management account only; a delegated administrator may list).
- Organizations ListAccounts / ListAccountsForParent: MaxResults above 20 is refused as AWS refuses it.
- STS AssumeRoot: caller is the management account or the IAM delegated administrator; RootSessions enabled;
  TargetPrincipal an ACTIVE member, never the management account; TaskPolicyArn one of the five root-task
  policies; DurationSeconds ≤ 900 (default 900); a regional endpoint (the global one is refused: see the section for
  how a custom endpoint tells them apart); SCPs; throttling; disabled regions. It answers ASIA… credentials that act
  as the member's root, allowed only the task policy's actions, until they expire on the launcher's clock.
- IAM calls with no UserName from such credentials act on the member's root: GetLoginProfile, CreateLoginProfile
  (no input), DeleteLoginProfile, ListAccessKeys, GetAccessKeyLastUsed, DeleteAccessKey, ListMFADevices,
  DeactivateMFADevice, DeleteVirtualMFADevice, ListSigningCertificates, DeleteSigningCertificate, with AWS's errors.
- Service control policies: a Deny in an SCP attached to the account, an OU above it or the root refuses the
  action with AWS's AccessDenied wording ("… with an explicit deny in a service control policy"), honouring
  conditions on aws:PrincipalArn and aws:AssumedRoot; the management account is never subject to SCPs.
"""
