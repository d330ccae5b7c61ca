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
    accounts take a few seconds (2 to 7 s measured, on a loaded machine). The management account and the delegated administrator each get an IAM user
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
POST /_harness/org/list-quirks {"empty_page_every": 3}   (0: off)
    ListAccounts answers every Nth page empty, with a NextToken (AWS may: "an empty page with a NextToken is not the
    end"); the next call with that token carries on where the listing stood.
POST /_harness/org/features    {"RootCredentialsManagement"?: bool, "RootSessions"?: bool,
                                "trusted_access"?: bool, "delegated_admin"?: "<account id>" | null}
    Sets the organization's state directly (the seed does the same), without the API's rules.
    -> {} or {"delegated_admin": {"id", "access_key_id", "secret_access_key"}} when one is registered
GET  /_harness/org/state
    -> {"organization_id", "management", "features": [...], "trusted_access": [...], "delegated_admins": [...],
        "now", "sessions": [{"access_key_id", "account", "task_policy", "expires", "expired"}],
        "assume_root": {"accepted": N, "throttled": N, "refused": N}, "scps": [{"policy_id", "name", "targets"}]}
GET  /_harness/requests (the launcher's log of calls) also says, for each call, "account" (the caller's account),
    "region" (the SigV4 scope's), "host" (the Host header's name: the endpoint the client chose), and "root_session": "<member id>" when it was signed with AssumeRoot credentials.

AWS BEHAVIOUR EMULATED (one section each below, with its source):
- Organizations EnableAWSServiceAccess / DisableAWSServiceAccess / ListAWSServiceAccessForOrganization and
  RegisterDelegatedAdministrator / ListDelegatedAdministrators accept iam.amazonaws.com (moto refuses it).
- IAM ListOrganizationsFeatures, Enable/DisableOrganizationsRootCredentialsManagement, Enable/DisableOrganizations-
  RootSessions with AWS's errors: OrganizationNotFoundException, OrganizationNotInAllFeaturesModeException,
  ServiceAccessNotEnabledException, AccountNotManagementOrDelegatedAdministratorException,
  CallerIsNotManagementAccountException (enable: management account only; a delegated administrator may list).
- Organizations ListAccounts / ListAccountsForParent: MaxResults above 20 is refused as AWS refuses it; the
  delegated administrator reads the organization (moto would answer from its own empty backend), only the
  management account changes it, any other member gets AccessDeniedException.
- STS AssumeRoot: caller is the management account or the IAM delegated administrator; RootSessions enabled;
  TargetPrincipal an ACTIVE member, never the management account; TaskPolicyArn one of the five root-task
  policies; DurationSeconds ≤ 900 (default 900); a regional endpoint: the Host header decides. sts.amazonaws.com is
  the global endpoint (refused: 400 InvalidAction), sts.<region>.amazonaws.com that region, and any other host
  (127.0.0.1: AWS_ENDPOINT_URL) the region the request is signed for; SCPs; throttling; disabled regions. It
  answers ASIA… credentials that act as the member's root, allowed only the task policy's actions, until they
  expire on the launcher's clock. Where AWS documents no error code, the section says which the launcher chose.
- IAM calls with no UserName from such credentials act on the member's root: GetLoginProfile, CreateLoginProfile
  (no input), DeleteLoginProfile, ListAccessKeys, GetAccessKeyLastUsed, DeleteAccessKey, ListMFADevices,
  DeactivateMFADevice, DeleteVirtualMFADevice, ListSigningCertificates, DeleteSigningCertificate, with AWS's errors.
- Service control policies: a Deny in an SCP attached to the account, an OU above it or the root refuses the
  action with AWS's AccessDenied wording ("… with an explicit deny in a service control policy"), honouring
  conditions on aws:PrincipalArn and aws:AssumedRoot; the management account is never subject to SCPs.
"""

import json
import random
import re
import string
import threading
import time
import uuid
from collections import deque
from datetime import datetime, timedelta, timezone
from fnmatch import fnmatchcase
from urllib.parse import parse_qs

IAM_PRINCIPAL = "iam.amazonaws.com"
FEATURES = ("RootCredentialsManagement", "RootSessions")
ROOT_TASKS = ("IAMAuditRootUserCredentials", "IAMCreateRootUserPassword", "IAMDeleteRootUserCredentials", "S3UnlockBucketPolicy", "SQSUnlockQueuePolicy")
ROOT_TASK_PREFIX = "arn:aws:iam::aws:policy/root-task/"
ADMIN_USER = "org-admin"  # the IAM user that signs requests as the management account or the delegated administrator
IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/"
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"

# Set by moto_launcher.py before any request: the name of the IAM user that plays an account's root (its other
# patches make that user answer as root: GetAccountSummary's flags, the credential report's <root_account> row).
STANDIN = "root-standin"


class State:
    """Everything this module keeps besides moto's own backends. POST /_harness/reset makes a new one."""

    def __init__(self):
        self.management = None  # the management account's id, once an organization is seeded
        self.features = set()  # IAM's centralized root access features enabled for the organization
        self.keys = {}  # access key id -> account id, for the org-admin keys (moto would scan every account)
        self.key_accounts = {}  # any other key id -> the account it was found in (see account_of_key)
        self.sessions = {}  # AssumeRoot key id -> {"account", "task", "expires", "caller"}
        self.clock_offset = 0.0  # seconds added to wall time: the launcher's clock
        self.throttle_per_second = 0
        self.assume_root_times = deque()  # wall times of accepted AssumeRoot calls in the last second
        self.latency_ms = 0
        self.latency_actions = None  # None: every action
        self.disabled_regions = set()
        self.counters = {"accepted": 0, "throttled": 0, "refused": 0}
        self.empty_page_every = 0  # ListAccounts answers an empty page (with a NextToken) every Nth page
        self.page_count = 0
        self.page_tokens = {}  # launcher token -> moto's token, for the empty pages


state = State()
lock = threading.RLock()


def reset():
    global state
    with lock:
        state = State()


def now() -> datetime:
    return datetime.fromtimestamp(time.time() + state.clock_offset, tz=timezone.utc)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def root_arn(account_id: str) -> str:
    return f"arn:aws:iam::{account_id}:root"


# ---------------------------------------------------------------------------------------------------------------
# moto's objects, reached in-process
# ---------------------------------------------------------------------------------------------------------------


def org_backend():
    """moto's Organizations backend of the management account (the organization lives there), or None."""
    from moto.organizations.models import organizations_backends

    if state.management is None:
        return None
    backend = organizations_backends[state.management]["aws"]
    return backend if backend.org is not None else None


def iam_of(account_id: str):
    from moto.iam.models import iam_backends

    return iam_backends[account_id]["aws"]


def member(account_id: str):
    backend = org_backend()
    return next((a for a in backend.accounts if a.id == account_id), None) if backend else None


def standin(account_id: str):
    """The IAM user that holds the member root's credentials in moto (made on first use: a root always exists)."""
    iam = iam_of(account_id)
    user = iam.users.get(STANDIN)
    return user if user is not None else iam.create_user("us-east-1", STANDIN)


def delegated_admins() -> list:
    backend = org_backend()
    return [a.account.id for a in backend.admins if IAM_PRINCIPAL in a.services] if backend else []


def trusted_access() -> bool:
    backend = org_backend()
    return bool(backend) and any(s["ServicePrincipal"] == IAM_PRINCIPAL for s in backend.services)


def patch_moto_for_iam_principal():
    """moto's Organizations refuses iam.amazonaws.com for trusted access and as a delegated administrator's service
    ("You specified an unrecognized service principal"): AWS lists IAM among the services that integrate with
    Organizations, delegated administrator included (Organizations User Guide, "AWS Identity and Access Management
    and AWS Organizations"; IAM User Guide, "Centrally manage root access for member accounts")."""
    from moto.organizations.models import FakeDelegatedAdministrator, FakeServiceAccess

    for listing in (FakeServiceAccess.TRUSTED_SERVICES, FakeDelegatedAdministrator.SUPPORTED_SERVICES):
        if IAM_PRINCIPAL not in listing:
            listing.append(IAM_PRINCIPAL)


# ---------------------------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------------------------


class Answer(Exception):
    """A whole HTTP answer (an AWS error or result) this module gives instead of moto."""

    def __init__(self, status: int, body: str, content_type: str = "text/xml"):
        super().__init__(body)
        self.status, self.body, self.content_type = status, body, content_type


def xml_escape(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def query_error(status: int, code: str, message: str, namespace: str = IAM_NS) -> Answer:
    body = (
        f'<ErrorResponse xmlns="{namespace}"><Error><Type>Sender</Type><Code>{code}</Code>'
        f"<Message>{xml_escape(message)}</Message></Error><RequestId>{uuid.uuid4()}</RequestId></ErrorResponse>"
    )
    return Answer(status, body)


def json_error(status: int, code: str, message: str, **extra) -> Answer:
    return Answer(status, json.dumps({"__type": code, "Message": message, **extra}), "application/x-amz-json-1.1")


def query_result(action: str, inner: str, namespace: str = IAM_NS) -> Answer:
    result = f"<{action}Result>{inner}</{action}Result>" if inner is not None else ""
    body = (
        f'<{action}Response xmlns="{namespace}">{result}'
        f"<ResponseMetadata><RequestId>{uuid.uuid4()}</RequestId></ResponseMetadata></{action}Response>"
    )
    return Answer(200, body)


def access_denied(principal: str, action: str, resource: str, where: str, namespace: str = IAM_NS) -> Answer:
    # IAM User Guide, "Access denied error messages": "User: <principal> is not authorized to perform: <action> on
    # resource: <resource> with an explicit deny in a <policy type>" (the policy's ARN follows, for an SCP of the
    # same organization).
    return query_error(403, "AccessDenied", f"User: {principal} is not authorized to perform: {action} on resource: {resource} {where}", namespace)


# ---------------------------------------------------------------------------------------------------------------
# Policy evaluation, as far as the task policies and SCPs need it
# IAM User Guide, "Policy evaluation logic" and "IAM JSON policy elements: Condition operators". An explicit Deny
# wins; a missing key fails a condition, except with ...IfExists and for the negated operators (StringNotEquals,
# StringNotLike, ArnNotEquals, ArnNotLike), which match when the key is absent; Null tests the key's presence.
# ---------------------------------------------------------------------------------------------------------------


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def action_matches(patterns, action: str) -> bool:
    return any(fnmatchcase(action.lower(), p.lower()) for p in as_list(patterns))  # action names ignore case


def resource_matches(patterns, resource: str) -> bool:
    return any(fnmatchcase(resource, p) for p in as_list(patterns))


def substitute(value: str, context: dict) -> str:
    return re.sub(r"\$\{([^}]+)\}", lambda m: str(context.get(m.group(1).lower(), "")), value)


def condition_holds(operator: str, key: str, values: list, context: dict) -> bool:
    if_exists = operator.endswith("IfExists")
    base = operator[: -len("IfExists")] if if_exists else operator
    key = key.lower()
    if base == "Null":
        return (key not in context) == (str(values[0]).lower() == "true")
    if key not in context:
        return if_exists or base in ("StringNotEquals", "StringNotLike", "ArnNotEquals", "ArnNotLike", "StringNotEqualsIgnoreCase")
    actual = str(context[key])
    wanted = [substitute(str(v), context) for v in values]
    tests = {
        "StringEquals": lambda: actual in wanted,
        "StringNotEquals": lambda: actual not in wanted,
        "StringEqualsIgnoreCase": lambda: actual.lower() in [w.lower() for w in wanted],
        "StringNotEqualsIgnoreCase": lambda: actual.lower() not in [w.lower() for w in wanted],
        "StringLike": lambda: any(fnmatchcase(actual, w) for w in wanted),
        "StringNotLike": lambda: not any(fnmatchcase(actual, w) for w in wanted),
        "ArnEquals": lambda: actual in wanted,
        "ArnLike": lambda: any(fnmatchcase(actual, w) for w in wanted),
        "ArnNotEquals": lambda: actual not in wanted,
        "ArnNotLike": lambda: not any(fnmatchcase(actual, w) for w in wanted),
        "Bool": lambda: actual.lower() in [w.lower() for w in wanted],
    }
    if base not in tests:
        return False  # an operator this launcher does not know never matches (so it never denies by mistake)
    return tests[base]()


def statement_applies(statement: dict, action: str, resource: str, context: dict) -> bool:
    if "Action" in statement and not action_matches(statement["Action"], action):
        return False
    if "NotAction" in statement and action_matches(statement["NotAction"], action):
        return False
    if "Resource" in statement and not resource_matches(statement["Resource"], resource):
        return False
    if "NotResource" in statement and resource_matches(statement["NotResource"], resource):
        return False
    for operator, block in statement.get("Condition", {}).items():
        for key, values in block.items():
            if not condition_holds(operator, key, as_list(values), context):
                return False
    return True


def first_statement(document: dict, effect: str, action: str, resource: str, context: dict):
    for statement in as_list(document.get("Statement", [])):
        if statement.get("Effect") == effect and statement_applies(statement, action, resource, context):
            return statement
    return None


# ---------------------------------------------------------------------------------------------------------------
# Service control policies
# Organizations User Guide, "Service control policies (SCPs)": SCPs apply to every principal of a member account,
# its root user included, never to the management account; an action must be allowed by an SCP at every level
# (the root, each OU down to the account, the account) and denied by none. They take effect only once the
# SERVICE_CONTROL_POLICY type is enabled on the root. IAM User Guide, "AWS global condition context keys":
# aws:AssumedRoot is present (true) only in a session from sts:AssumeRoot, so the recommended guard rail
# (aws-samples/service-control-policy-examples, "Prevent root credentials management in member accounts") denies
# arn:aws:iam::*:root with {"Null": {"aws:AssumedRoot": "true"}} and leaves the central root sessions alone.
# sts:AssumeRoot itself is checked against the SCPs of the caller's account (the delegated administrator's; the
# management account has none) and, as issue 15 asks ("an SCP denying sts:AssumeRoot" fails that account), against
# those in effect on the target member. The second is the launcher's model, not a documented AWS rule: AWS's
# documents say SCPs govern the principals of their own account; a control on the target's side would be a
# resource control policy (STS supports RCPs). The root session's own calls are the member's principal's, so its
# SCPs govern them as AWS documents.
# ---------------------------------------------------------------------------------------------------------------


def scp_levels(account_id: str) -> list:
    """The organization's nodes whose SCPs govern the account: root first, then each OU down, then the account."""
    backend = org_backend()
    account = member(account_id)
    if backend is None or account is None or account_id == state.management:
        return []
    levels = [account]
    parent = account.parent_id
    while parent:
        node = next((ou for ou in backend.ou if ou.id == parent), None)
        if node is None:
            break
        levels.insert(0, node)
        parent = getattr(node, "parent_id", None)
    return levels


def scps_enabled() -> bool:
    backend = org_backend()
    root = next((ou for ou in backend.ou if ou.type == "ROOT"), None) if backend else None
    return bool(root) and any(t["Type"] == "SERVICE_CONTROL_POLICY" and t["Status"] == "ENABLED" for t in root.policy_types)


def scp_refusal(account_id: str, principal: str, action: str, resource: str, context: dict, namespace: str):
    """AccessDenied if the SCPs in effect on the account refuse the action, else None."""
    if not scps_enabled():
        return None
    for node in scp_levels(account_id):
        policies = [p for p in node.attached_policies if p.type == "SERVICE_CONTROL_POLICY"]
        allowed = False
        for policy in policies:
            document = json.loads(policy.content)
            if first_statement(document, "Deny", action, resource, context) is not None:
                return access_denied(principal, action, resource, f"with an explicit deny in a service control policy: {policy.arn}", namespace)
            allowed = allowed or first_statement(document, "Allow", action, resource, context) is not None
        if not allowed:
            return access_denied(principal, action, resource, f"because no service control policy allows the {action} action", namespace)
    return None


def attach_scp(spec: dict) -> dict:
    backend = org_backend()
    if "document" in spec:
        document = spec["document"]
    else:
        statement = {"Effect": "Deny", "Action": spec.get("deny", ["*"]), "Resource": "*"}
        condition = {}
        if spec.get("root_only"):
            condition["ArnLike"] = {"aws:PrincipalArn": ["arn:aws:iam::*:root"]}
        if spec.get("exempt_assumed_root"):
            condition["Null"] = {"aws:AssumedRoot": "true"}
        if condition:
            statement["Condition"] = condition
        document = {"Version": "2012-10-17", "Statement": [statement]}
    name = spec.get("name") or f"deny-{uuid.uuid4().hex[:8]}"
    policy = backend.create_policy(Name=name, Description=name, Type="SERVICE_CONTROL_POLICY", Content=json.dumps(document))["Policy"]
    summary = policy["PolicySummary"]
    if not scps_enabled():
        backend.enable_policy_type(RootId=backend.org.root_id, PolicyType="SERVICE_CONTROL_POLICY")
    backend.attach_policy(PolicyId=summary["Id"], TargetId=target_id(spec["target"]))
    return {"policy_id": summary["Id"], "arn": summary["Arn"]}


def target_id(target: str) -> str:
    backend = org_backend()
    if target == "root":
        return backend.org.root_id
    if re.fullmatch(r"\d{12}", target):
        return target
    return ou_path_ids()[target]


def ou_path_ids() -> dict:
    backend = org_backend()
    by_id = {ou.id: ou for ou in backend.ou}

    def path(ou):
        parent = by_id.get(ou.parent_id)
        return ou.name if parent is None or parent.type == "ROOT" else f"{path(parent)}/{ou.name}"

    return {path(ou): ou.id for ou in backend.ou if ou.type != "ROOT"}


# ---------------------------------------------------------------------------------------------------------------
# Seeding (harness only): the organization in moto's own backends, in-process
# ---------------------------------------------------------------------------------------------------------------


def random_account_id() -> str:
    return "".join(random.choice(string.digits) for _ in range(12))


def admin_key(account_id: str) -> dict:
    """An IAM user with a key in the account, to sign requests as that account."""
    iam = iam_of(account_id)
    if ADMIN_USER not in iam.users:
        iam.create_user("us-east-1", ADMIN_USER)
    key = iam.create_access_key(ADMIN_USER)
    state.keys[key.access_key_id] = account_id
    return {"id": account_id, "access_key_id": key.access_key_id, "secret_access_key": key.secret_access_key}


def seed(spec: dict) -> dict:
    from moto.organizations.models import organizations_backends

    management = (spec.get("management") or {}).get("id") or random_account_id()
    backend = organizations_backends[management]["aws"]
    backend.create_organization(region="us-east-1", FeatureSet=spec.get("feature_set", "ALL"))
    if (spec.get("management") or {}).get("email"):
        backend.org.master_account_email = spec["management"]["email"]
    state.management = management
    ous = {}
    for path in spec.get("ous", []):
        parent, _, name = path.rpartition("/")
        parent_id = ous[parent] if parent else backend.org.root_id
        ous[path] = backend.create_organizational_unit(Name=name, ParentId=parent_id)["OrganizationalUnit"]["Id"]
    wanted = spec.get("accounts", [])
    wanted = [{} for _ in range(wanted)] if isinstance(wanted, int) else wanted
    accounts = []
    for index, entry in enumerate(wanted):
        name = entry.get("name") or f"member-{index + 1:04d}"
        status = backend.create_account(AccountName=name, Email=entry.get("email") or f"{name}@example.com")["CreateAccountStatus"]
        account = backend.get_account_by_id(status["AccountId"])
        if entry.get("id"):
            rename_account(backend, account, entry["id"])
        if entry.get("ou"):
            account.parent_id = ous[entry["ou"]]
        if entry.get("state", "ACTIVE") != "ACTIVE":
            account.state = account.status = entry["state"]
        accounts.append({"id": account.id, "name": account.name, "email": account.email, "ou_id": account.parent_id, "state": account.state})
    for principal in spec.get("trusted_access", []):
        backend.enable_aws_service_access(ServicePrincipal=principal)
    admin = spec.get("delegated_admin")
    if isinstance(admin, int):
        admin = accounts[admin]["id"]
    if admin:
        backend.register_delegated_administrator(AccountId=admin, ServicePrincipal=IAM_PRINCIPAL)
    state.features = set(spec.get("features", []))
    return {
        "organization_id": backend.org.id,
        "root_id": backend.org.root_id,
        "ous": ous,
        "management": admin_key(management),
        "delegated_admin": admin_key(admin) if admin else None,
        "accounts": accounts,
    }


def rename_account(backend, account, new_id: str):
    """A seeded account with the id the test chose (moto draws one at random)."""
    from moto.organizations.models import organizations_backends

    organizations_backends.master_accounts.pop(account.id, None)
    account.id = new_id  # policy attachments hold the account object itself, so they follow
    organizations_backends.master_accounts[new_id] = (backend.account_id, backend.partition)


_certificate = None


def signing_certificate_body() -> str:
    """A self-signed X.509 certificate in PEM (moto's UploadSigningCertificate parses the body)."""
    global _certificate
    if _certificate is None:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "rootlock-test")])
        start = datetime.now(timezone.utc)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + timedelta(days=365))
            .sign(key, hashes.SHA256())
        )
        _certificate = certificate.public_bytes(serialization.Encoding.PEM).decode()
    return _certificate


def seed_root_credentials(spec: dict) -> dict:
    from moto.iam.models import AccessKeyLastUsed

    account_id = spec["account"]
    iam, user = iam_of(account_id), standin(account_id)
    password = spec.get("password")
    if password:
        user.password = "".join(random.choice(string.ascii_letters) for _ in range(24))
        user.password_reset_required = bool(isinstance(password, dict) and password.get("reset_required"))
    made = {"access_key_ids": [], "mfa_serials": [], "certificate_ids": []}
    for entry in spec.get("access_keys", []):
        key = iam.create_access_key(STANDIN, status=entry.get("status", "Active"))
        used = entry.get("last_used")
        if used:
            when = datetime.fromisoformat(used["date"].replace("Z", "+00:00"))
            key.last_used = AccessKeyLastUsed(timestamp=when, service=used.get("service", "s3"), region=used.get("region", "us-east-1"))
        made["access_key_ids"].append(key.access_key_id)
    for entry in spec.get("mfa", []):
        if entry.get("type", "virtual") == "virtual":
            # IAM User Guide, "Enable a virtual MFA device for the root user": the device is named
            # root-account-mfa-device.
            serial = iam.create_virtual_mfa_device("root-account-mfa-device", "/").serial_number
        else:
            serial = "GAHT" + "".join(random.choice(string.digits) for _ in range(8))  # a hardware token's serial
        iam.enable_mfa_device(STANDIN, serial, "123456", "654321")
        made["mfa_serials"].append(serial)
    for entry in spec.get("signing_certificates", []):
        certificate = iam.upload_signing_certificate(STANDIN, signing_certificate_body())
        certificate.status = entry.get("status", "Active")
        made["certificate_ids"].append(certificate.id)
    return made


def read_root_credentials(account_id: str) -> dict:
    iam, user = iam_of(account_id), standin(account_id)
    virtual = {serial for serial in iam.virtual_mfa_devices}
    devices = [{"serial": s, "type": "virtual" if s in virtual else "hardware", "enabled": True} for s in user.mfa_devices]
    devices += [{"serial": s, "type": "virtual", "enabled": False} for s in virtual if s not in user.mfa_devices and ":mfa/root-account-mfa-device" in s]
    return {
        "login_profile": {"created": iso(user.create_date), "reset_required": bool(user.password_reset_required)} if user.password else None,
        "access_keys": [
            {
                "id": k.access_key_id,
                "status": k.status,
                "last_used": {"date": iso(k.last_used.timestamp), "service": k.last_used.service, "region": k.last_used.region} if k.last_used else None,
            }
            for k in user.access_keys
        ],
        "mfa_devices": devices,
        "signing_certificates": [{"id": c.id, "status": c.status} for c in user.signing_certificates.values()],
    }


# ---------------------------------------------------------------------------------------------------------------
# IAM: the organization's centralized root access features
# IAM API Reference, ListOrganizationsFeatures, EnableOrganizationsRootCredentialsManagement,
# EnableOrganizationsRootSessions, DisableOrganizationsRootCredentialsManagement, DisableOrganizationsRootSessions:
# all answer OrganizationId and EnabledFeatures; errors (HTTP 400) OrganizationNotFoundException ("no organization is
# associated with your account"), OrganizationNotInAllFeaturesModeException, ServiceAccessNotEnabledException
# (trusted access for IAM), AccountNotManagementOrDelegatedAdministratorException; only the Enable calls name
# CallerIsNotManagementAccountException (a delegated administrator may list and disable, not enable).
# ---------------------------------------------------------------------------------------------------------------

FEATURE_ACTIONS = {
    "ListOrganizationsFeatures": None,
    "EnableOrganizationsRootCredentialsManagement": ("RootCredentialsManagement", True),
    "EnableOrganizationsRootSessions": ("RootSessions", True),
    "DisableOrganizationsRootCredentialsManagement": ("RootCredentialsManagement", False),
    "DisableOrganizationsRootSessions": ("RootSessions", False),
}


def organization_of(account_id: str):
    """The organization the account belongs to (as management or member), or None."""
    backend = org_backend()
    if backend is None or (account_id != state.management and member(account_id) is None):
        return None
    return backend


def features_call(action: str, caller: str) -> Answer:
    backend = organization_of(caller)
    if backend is None:
        raise query_error(400, "OrganizationNotFoundException", "The request was rejected because no organization is associated with your account.")
    if caller != state.management and caller not in delegated_admins():
        raise query_error(
            400,
            "AccountNotManagementOrDelegatedAdministratorException",
            "The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.",
        )
    if backend.org.feature_set != "ALL":
        raise query_error(
            400,
            "OrganizationNotInAllFeaturesModeException",
            "The request was rejected because your organization does not have All features enabled. For more information, see Available feature sets in the AWS Organizations User Guide.",
        )
    if not trusted_access():
        raise query_error(
            400,
            "ServiceAccessNotEnabledException",
            "The request was rejected because trusted access is not enabled for IAM in AWS Organizations. For details, see IAM and AWS Organizations in the AWS Organizations User Guide.",
        )
    change = FEATURE_ACTIONS[action]
    if change is not None:
        feature, enable = change
        if enable and caller != state.management:
            raise query_error(400, "CallerIsNotManagementAccountException", "The request was rejected because the account making the request is not the management account for the organization.")
        (state.features.add if enable else state.features.discard)(feature)
    members = "".join(f"<member>{f}</member>" for f in FEATURES if f in state.features)
    return query_result(action, f"<OrganizationId>{backend.org.id}</OrganizationId><EnabledFeatures>{members}</EnabledFeatures>")


# ---------------------------------------------------------------------------------------------------------------
# STS AssumeRoot
# STS API Reference, AssumeRoot: "You must use credentials from an Organizations management account or a delegated
# administrator account for IAM to call AssumeRoot. You cannot use root user credentials to make this call."
# "The STS global endpoint is not supported for AssumeRoot. You must send this request to a Regional STS endpoint."
# TargetPrincipal: "The member account principal ARN or account ID"; TaskPolicyArn: one of the root-task AWS
# managed policies; DurationSeconds: "from 0 seconds up to the maximum session duration of 900 seconds", default
# 900. Errors: ExpiredTokenException, RegionDisabledException ("STS is not activated in the requested region for the
# account that is being asked to generate credentials", HTTP 403). IAM API Reference,
# DisableOrganizationsRootSessions: without RootSessions "the management account and the delegated administrator
# for IAM can no longer perform privileged tasks on member accounts" (so AssumeRoot needs RootSessions, and trusted
# access under it).
#
# Global or regional, with a custom endpoint: the SDK signs a global-endpoint request for us-east-1 and sends it to
# the host sts.amazonaws.com; a regional one goes to sts.<region>.amazonaws.com, signed for that region. Signing
# cannot tell "global" from "regional us-east-1", the Host header can. So the launcher reads the Host: the name
# sts.amazonaws.com is the global endpoint (refused as AWS refuses it: 400 InvalidAction "Unknown Operation",
# boto/boto3#4461), sts.<region>.amazonaws.com is that region's endpoint (signed for another region: 403
# SignatureDoesNotMatch "Credential should be scoped to a valid region"), and any other host (127.0.0.1, the
# AWS_ENDPOINT_URL of the tests) is a regional endpoint of the region the request is signed for. A test reaches the
# launcher under AWS's host names through an HTTP agent whose DNS lookup answers 127.0.0.1.
#
# Decisions where AWS's documentation names no error: a caller that is neither the management account nor the
# delegated administrator, RootSessions off, a target that is the management account, outside the organization or
# not ACTIVE: 403 AccessDenied (AWS's answer for an authorization refused); a TaskPolicyArn that is not a root-task
# policy or a DurationSeconds above 900: 400 ValidationError (AWS's common error for a parameter out of its
# constraints).
# ---------------------------------------------------------------------------------------------------------------


def endpoint_of(environ, signing_region: str):
    host = environ.get("HTTP_HOST", "").split(":")[0].lower()
    if host in ("sts.amazonaws.com", "sts.amazonaws.com.cn"):
        return "global", "us-east-1"
    regional = re.fullmatch(r"sts\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?", host)
    if regional:
        return "regional", regional.group(1)
    return "regional", signing_region


def throttled() -> bool:
    """STS's rate limit: above N AssumeRoot calls in any second, 400 Throttling "Rate exceeded" (STS API
    Reference, Common Errors: ThrottlingException; IAM User Guide, "IAM and AWS STS quotas": requests per second
    to STS are limited per account)."""
    if not state.throttle_per_second:
        return False
    moment = time.time()
    while state.assume_root_times and state.assume_root_times[0] <= moment - 1:
        state.assume_root_times.popleft()
    if len(state.assume_root_times) >= state.throttle_per_second:
        return True
    state.assume_root_times.append(moment)
    return False


def caller_arn(key: str, account_id: str) -> str:
    name = iam_user_of(key, account_id)
    return root_arn(account_id) if name == STANDIN else f"arn:aws:iam::{account_id}:user/{name or 'unknown'}"


def assume_root(environ, params: dict, key: str, caller: str, signing_region: str) -> Answer:
    kind, region = endpoint_of(environ, signing_region)
    if kind == "global":
        raise query_error(400, "InvalidAction", "Unknown Operation", STS_NS)
    if region != signing_region:
        raise query_error(403, "SignatureDoesNotMatch", f"Credential should be scoped to a valid region, not '{signing_region}'.", STS_NS)
    if throttled():
        state.counters["throttled"] += 1
        raise query_error(400, "Throttling", "Rate exceeded", STS_NS)
    try:
        answer = mint_root_session(params, key, caller, region)
    except Answer:
        state.counters["refused"] += 1
        raise
    state.counters["accepted"] += 1
    return answer


def mint_root_session(params: dict, key: str, caller: str, region: str) -> Answer:
    from moto.iam.utils import random_alphanumeric

    if region in state.disabled_regions:
        raise query_error(
            403,
            "RegionDisabledException",
            f"STS is not activated in this region for account:{caller}. Your account administrator can activate STS in this region using the IAM Console.",
            STS_NS,
        )
    target = (params.get("TargetPrincipal") or [""])[0]
    target = re.sub(r"^arn:aws:iam::(\d{12}):root$", r"\1", target)
    task_arn = (params.get("TaskPolicyArn.arn") or [""])[0]
    duration = int((params.get("DurationSeconds") or ["900"])[0])
    if duration > 900 or duration < 0:
        raise query_error(
            400,
            "ValidationError",
            f"1 validation error detected: Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 900",
            STS_NS,
        )
    if not task_arn.startswith(ROOT_TASK_PREFIX) or task_arn[len(ROOT_TASK_PREFIX) :] not in ROOT_TASKS:
        raise query_error(400, "ValidationError", f"The task policy {task_arn} is not a root-task policy (arn:aws:iam::aws:policy/root-task/...).", STS_NS)
    if not re.fullmatch(r"\d{12}", target):
        raise query_error(400, "ValidationError", f"TargetPrincipal {target} is not an account ID or a root user ARN.", STS_NS)
    principal = caller_arn(key, caller)
    resource = root_arn(target)

    def denied(why: str) -> Answer:
        return access_denied(principal, "sts:AssumeRoot", resource, why, STS_NS)

    if principal == root_arn(caller):
        raise denied("because root user credentials cannot call AssumeRoot")
    if organization_of(caller) is None or (caller != state.management and caller not in delegated_admins()):
        raise denied("because the caller is neither the organization's management account nor the delegated administrator for IAM")
    if "RootSessions" not in state.features or not trusted_access():
        raise denied("because centralized root access (RootSessions) is not enabled for the organization")
    if target == state.management:
        raise denied("because AssumeRoot cannot target the organization's management account")
    account = member(target)
    if account is None:
        raise denied("because the target is not a member account of the organization")
    if account.state != "ACTIVE":
        raise denied(f"because the target account is {account.state}")
    context = {"aws:principalarn": principal, "aws:principalaccount": caller, "sts:taskpolicyarn": task_arn}
    # SCPs apply to the caller's own account (a delegated administrator; never the management account), and, as
    # issue 15 asks, those in effect on the target member refuse AssumeRoot for it (see the SCP section).
    for governed in (caller, target):
        refusal = scp_refusal(governed, principal, "sts:AssumeRoot", resource, context, STS_NS)
        if refusal is not None:
            raise refusal
    key_id = "ASIA" + "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(16))
    secret, token = random_alphanumeric(40), "IQoJb3JpZ2luX2VjE" + random_alphanumeric(120)
    expires = now() + timedelta(seconds=duration)
    state.sessions[key_id] = {"account": target, "task": task_arn[len(ROOT_TASK_PREFIX) :], "expires": expires, "caller": caller}
    credentials = (
        f"<Credentials><AccessKeyId>{key_id}</AccessKeyId><SecretAccessKey>{secret}</SecretAccessKey>"
        f"<SessionToken>{token}</SessionToken><Expiration>{iso(expires)}</Expiration></Credentials>"
    )
    return query_result("AssumeRoot", credentials, STS_NS)


def iam_user_of(key: str, account_id: str):
    found = iam_of(account_id).access_keys.get(key)
    return found.user_name if found else None


# ---------------------------------------------------------------------------------------------------------------
# What a root session may do
# IAM User Guide, "Perform a privileged task on an AWS Organizations member account": the session acts as the
# member's root, scoped by the task policy. The five documents are moto's copies of AWS's (moto/iam/
# aws_managed_policies.py): each is Deny-only (Deny NotAction [its actions]; Deny [its actions] on NotResource
# arn:aws:iam::*:root, or for non-root principals), so everything else a root may do is refused. Resources follow the
# Service Authorization Reference (IAM): the user-credential actions act on a user (root's ARN when UserName is left
# out); DeleteVirtualMFADevice acts on the mfa resource (the device's serial ARN); GetAccountSummary on "*". The
# session's context: aws:PrincipalArn arn:aws:iam::MEMBER:root, aws:AssumedRoot "true" (IAM User Guide, global
# condition keys). The member's SCPs apply too (a root user of a member account is subject to SCPs).
# An expired session: 403 ExpiredToken "The security token included in the request is expired" (STS/IAM Common
# Errors).
# ---------------------------------------------------------------------------------------------------------------

USER_ACTIONS = {
    "GetLoginProfile", "CreateLoginProfile", "DeleteLoginProfile", "ListAccessKeys", "DeleteAccessKey", "ListMFADevices",
    "DeactivateMFADevice", "ListSigningCertificates", "DeleteSigningCertificate", "GetUser", "UpdateAccessKey",
    "CreateAccessKey", "UpdateLoginProfile",
}


_task_documents: dict = {}


def task_document(task: str) -> dict:
    """The root-task policy's document, as moto ships AWS's (read once: the data holds ~1,500 policies)."""
    if not _task_documents:
        from moto.iam.aws_managed_policies import aws_managed_policies_data

        every = json.loads(aws_managed_policies_data)
        _task_documents.update({name: every[name]["Document"] for name in ROOT_TASKS})
    return _task_documents[task]


def resource_of(service: str, action: str, params: dict, account_id: str) -> str:
    if service != "iam":
        return "*"
    user_name = (params.get("UserName") or [""])[0]
    if action in USER_ACTIONS:
        return f"arn:aws:iam::{account_id}:user/{user_name}" if user_name else root_arn(account_id)
    if action == "GetAccessKeyLastUsed":
        owner = iam_user_of((params.get("AccessKeyId") or [""])[0], account_id)
        return root_arn(account_id) if owner in (None, STANDIN) else f"arn:aws:iam::{account_id}:user/{owner}"
    if action == "DeleteVirtualMFADevice":
        return (params.get("SerialNumber") or ["*"])[0]
    return "*"


def root_session_call(session: dict, service: str, action: str, params: dict):
    """An Answer for a call signed with AssumeRoot credentials, or None to let moto answer it in the member's account."""
    account = session["account"]
    namespace = STS_NS if service == "sts" else IAM_NS
    if session["expires"] <= now():
        raise query_error(403, "ExpiredToken", "The security token included in the request is expired", namespace)
    principal = root_arn(account)
    if service == "sts" and action == "GetCallerIdentity":  # needs no permission (STS API Reference, GetCallerIdentity)
        return query_result(action, f"<Arn>{principal}</Arn><UserId>{account}</UserId><Account>{account}</Account>", STS_NS)
    resource = resource_of(service, action, params, account)
    full_action = f"{service}:{action}"
    context = {"aws:principalarn": principal, "aws:principalaccount": account, "aws:assumedroot": "true", "aws:resourceaccount": account}
    if first_statement(task_document(session["task"]), "Deny", full_action, resource, context) is not None:
        raise access_denied(principal, full_action, resource, "with an explicit deny in a session policy", namespace)
    refusal = scp_refusal(account, principal, full_action, resource, context, namespace)
    if refusal is not None:
        raise refusal
    handler = ROOT_IAM.get(action) if service == "iam" else None
    if handler is None:
        return None
    return handler(account, params)


def no_such_entity(message: str) -> Answer:
    return query_error(404, "NoSuchEntity", message)


def param(params: dict, name: str) -> str:
    return (params.get(name) or [""])[0]


def get_user(account, params):
    user = standin(account)
    return query_result("GetUser", f"<User><UserId>{account}</UserId><Arn>{root_arn(account)}</Arn><CreateDate>{iso(user.create_date)}</CreateDate></User>")


def login_profile_xml(user) -> str:
    reset = "true" if user.password_reset_required else "false"
    return f"<LoginProfile><CreateDate>{iso(user.create_date)}</CreateDate><PasswordResetRequired>{reset}</PasswordResetRequired></LoginProfile>"


def get_login_profile(account, params):
    user = standin(account)
    if not user.password:
        # IAM answers a user without a password "Login Profile for User <name> cannot be found."
        raise no_such_entity("Login Profile for User root cannot be found.")
    return query_result("GetLoginProfile", login_profile_xml(user))


def create_login_profile(account, params):
    # IAMCreateRootUserPassword: CreateLoginProfile with no input lets the root email's owner set a password
    # through "Forgot password" (IAM User Guide, "Perform a privileged task": allow password recovery).
    user = standin(account)
    if user.password:
        raise query_error(409, "EntityAlreadyExists", "Login Profile for user root already exists.")
    user.password = param(params, "Password") or "".join(random.choice(string.ascii_letters) for _ in range(32))
    user.password_reset_required = False
    return query_result("CreateLoginProfile", login_profile_xml(user))


def delete_login_profile(account, params):
    user = standin(account)
    if not user.password:
        raise no_such_entity("Login Profile for User root cannot be found.")
    user.password = None
    return query_result("DeleteLoginProfile", None)


def root_key(account: str, key_id: str):
    key = next((k for k in standin(account).access_keys if k.access_key_id == key_id), None)
    if key is None:
        raise no_such_entity(f"The Access Key with id {key_id} cannot be found.")
    return key


def list_access_keys(account, params):
    members = "".join(
        f"<member><AccessKeyId>{k.access_key_id}</AccessKeyId><Status>{k.status}</Status><CreateDate>{iso(k.create_date)}</CreateDate></member>"
        for k in standin(account).access_keys
    )
    return query_result("ListAccessKeys", f"<AccessKeyMetadata>{members}</AccessKeyMetadata><IsTruncated>false</IsTruncated>")


def get_access_key_last_used(account, params):
    key = root_key(account, param(params, "AccessKeyId"))
    used = key.last_used
    if used is None:  # IAM API Reference, AccessKeyLastUsed: ServiceName and Region "N/A" when never used
        inner = "<ServiceName>N/A</ServiceName><Region>N/A</Region>"
    else:
        inner = f"<LastUsedDate>{iso(used.timestamp)}</LastUsedDate><ServiceName>{used.service}</ServiceName><Region>{used.region}</Region>"
    return query_result("GetAccessKeyLastUsed", f"<AccessKeyLastUsed>{inner}</AccessKeyLastUsed>")


def delete_access_key(account, params):
    key = root_key(account, param(params, "AccessKeyId"))
    iam_of(account).delete_access_key(key.access_key_id, STANDIN)
    return query_result("DeleteAccessKey", None)


def list_mfa_devices(account, params):
    members = "".join(
        f"<member><SerialNumber>{d.serial_number}</SerialNumber><EnableDate>{iso(d.enable_date)}</EnableDate></member>" for d in standin(account).mfa_devices.values()
    )
    return query_result("ListMFADevices", f"<MFADevices>{members}</MFADevices><IsTruncated>false</IsTruncated>")


def deactivate_mfa_device(account, params):
    serial = param(params, "SerialNumber")
    if serial not in standin(account).mfa_devices:
        raise no_such_entity(f"MFA Device with serial number {serial} does not exist.")
    iam_of(account).deactivate_mfa_device(STANDIN, serial)  # a virtual device stays, unassigned, as in AWS
    return query_result("DeactivateMFADevice", None)


def delete_virtual_mfa_device(account, params):
    serial = param(params, "SerialNumber")
    device = iam_of(account).virtual_mfa_devices.get(serial)
    if device is None:
        raise no_such_entity(f"VirtualMFADevice with serial number {serial} doesn't exist.")
    if device.enable_date is not None:  # IAM API Reference, DeleteVirtualMFADevice: DeleteConflict while in use
        raise query_error(409, "DeleteConflict", "MFA Device is still in use.")
    iam_of(account).delete_virtual_mfa_device(serial)
    return query_result("DeleteVirtualMFADevice", None)


def list_signing_certificates(account, params):
    members = "".join(
        f"<member><CertificateId>{c.id}</CertificateId><CertificateBody>{xml_escape(c.body)}</CertificateBody><Status>{c.status}</Status>"
        f"<UploadDate>{iso(c.upload_date)}</UploadDate></member>"
        for c in standin(account).signing_certificates.values()
    )
    return query_result("ListSigningCertificates", f"<Certificates>{members}</Certificates><IsTruncated>false</IsTruncated>")


def delete_signing_certificate(account, params):
    certificate_id = param(params, "CertificateId")
    certificates = standin(account).signing_certificates
    if certificate_id not in certificates:
        raise no_such_entity(f"The Certificate with id {certificate_id} cannot be found.")
    del certificates[certificate_id]
    return query_result("DeleteSigningCertificate", None)


ROOT_IAM = {
    "GetUser": get_user,
    "GetLoginProfile": get_login_profile,
    "CreateLoginProfile": create_login_profile,
    "DeleteLoginProfile": delete_login_profile,
    "ListAccessKeys": list_access_keys,
    "GetAccessKeyLastUsed": get_access_key_last_used,
    "DeleteAccessKey": delete_access_key,
    "ListMFADevices": list_mfa_devices,
    "DeactivateMFADevice": deactivate_mfa_device,
    "DeleteVirtualMFADevice": delete_virtual_mfa_device,
    "ListSigningCertificates": list_signing_certificates,
    "DeleteSigningCertificate": delete_signing_certificate,
}


# ---------------------------------------------------------------------------------------------------------------
# Organizations: who may read the organization, and ListAccounts' pages
# Organizations API Reference, ListAccounts / ListAccountsForParent / ListRoots / ...: "This operation can be called
# only from the organization's management account or by a member account that is a delegated administrator";
# anyone else gets AccessDeniedException "You don't have permissions to access this resource." Writes (trusted
# access, delegated administrators, policies) are the management account's alone. moto answers a member from the
# member's own (empty) backend, so a delegated administrator's reads are answered from the management account's.
# MaxResults: "an integer from 1 to 20" for ListAccounts (its API reference's constraints); more is refused with
# InvalidInputException, Reason MAX_VALUE_EXCEEDED (API Reference, InvalidInputException). "Always check the
# NextToken response parameter for a null value ... the API can return an empty page with a NextToken" (the
# pagination note of every Organizations List call): with POST /_harness/org/list-quirks the launcher answers such
# empty pages.
# ---------------------------------------------------------------------------------------------------------------

ANYONE_IN_THE_ORG = {"DescribeOrganization"}
PAGED_TO_20 = {"ListAccounts", "ListAccountsForParent", "ListChildren", "ListOrganizationalUnitsForParent", "ListPoliciesForTarget", "ListPolicies"}


def organizations_call(action: str, caller: str, body: bytes, environ):
    """An Answer, or the body (maybe rewritten) for moto, which then answers in the right account."""
    if org_backend() is None or action in ANYONE_IN_THE_ORG:
        return body
    in_org = caller == state.management or member(caller) is not None
    if not in_org:
        return body  # moto answers AWSOrganizationsNotInUseException, as AWS does
    reads = action.startswith(("List", "Describe"))
    if caller != state.management:
        if not (reads and caller in delegated_admins()):
            raise json_error(400, "AccessDeniedException", "You don't have permissions to access this resource.")
        environ["HTTP_X_MOTO_ACCOUNT_ID"] = state.management
    request = json.loads(body or b"{}")
    if action in PAGED_TO_20 and int(request.get("MaxResults", 1)) > 20:
        raise json_error(400, "InvalidInputException", "You provided a value that exceeds the maximum allowed value.", Reason="MAX_VALUE_EXCEEDED")
    if action == "ListAccounts" and state.empty_page_every:
        token = request.get("NextToken")
        if token in state.page_tokens:  # a token this launcher gave with an empty page: continue where it stood
            real = state.page_tokens.pop(token)
            request.pop("NextToken", None)
            if real:
                request["NextToken"] = real
            body = json.dumps(request).encode()
        state.page_count += 1
        if state.page_count % state.empty_page_every == 0:
            empty = f"launcher-empty-{uuid.uuid4().hex}"
            state.page_tokens[empty] = request.get("NextToken")
            raise Answer(200, json.dumps({"Accounts": [], "NextToken": empty}), "application/x-amz-json-1.1")
    return body


# ---------------------------------------------------------------------------------------------------------------
# The launcher's entry points
# ---------------------------------------------------------------------------------------------------------------


def delay(action: str) -> None:
    """The per-call latency a network adds (harness routes are never delayed). Called outside every lock."""
    ms = state.latency_ms
    if ms and (state.latency_actions is None or action in state.latency_actions):
        time.sleep(ms / 1000)


def account_of_key(key: str) -> str:
    """The account a key signs for. moto's own lookup (moto/iam/models.py get_account_id_from, run for every request
    without an x-moto-account-id header) visits every account in every partition and creates the IAM backends it does
    not find: with 1,000 member accounts its first run took 36 s and each later one 3 s. This one looks only at the
    IAM backends that exist, in the "aws" partition, and remembers what it found."""
    if key in state.keys:
        return state.keys[key]
    if key in state.sessions:
        return state.sessions[key]["account"]
    if key not in state.key_accounts:
        from moto.core import DEFAULT_ACCOUNT_ID
        from moto.iam.models import iam_backends

        found = DEFAULT_ACCOUNT_ID
        for account_id, partitions in list(iam_backends.items()):
            backend = dict.get(partitions, "aws")  # dict.get: BackendDict's [] would create the backend
            if backend is not None and key in backend.access_keys:
                found = account_id
                break
        state.key_accounts[key] = found
    return state.key_accounts[key]


def intercept(environ, body: bytes, service: str, action: str, key: str, region: str, seen: dict):
    """Answers a call this module emulates (an Answer), or returns the body to hand moto (environ may now name
    the account moto must act in). `seen` is the request log's entry, which learns the caller's account."""
    with lock:
        session = state.sessions.get(key)
        emulated = (service == "iam" and action in FEATURE_ACTIONS) or (service == "sts" and action == "AssumeRoot")
        if state.management is None and session is None and not emulated:
            return None, body
        caller = account_of_key(key)
        seen.update({"account": caller, "region": region, "host": environ.get("HTTP_HOST", "").split(":")[0].lower()})
        if key:
            environ["HTTP_X_MOTO_ACCOUNT_ID"] = caller  # moto would find the key by scanning every account
        params = parse_qs(body.decode("utf-8", "replace")) if body and not environ.get("HTTP_X_AMZ_TARGET") else {}
        try:
            if session is not None:
                seen["root_session"] = session["account"]
                return root_session_call(session, service, action, params), body
            if service == "iam" and action in FEATURE_ACTIONS:
                return features_call(action, caller), body
            if service == "sts" and action == "AssumeRoot":
                return assume_root(environ, params, key, caller, region), body
            if service == "organizations":
                return None, organizations_call(action, caller, body, environ)
        except Answer as answer:
            return answer, body
        return None, body


def harness(path: str, method: str, body: bytes, query: str):
    """(status, JSON-able answer) for a /_harness/org/ route, or None when the path is not one."""
    spec = json.loads(body) if body else {}
    with lock:
        if path == "/_harness/org/seed":
            return 200, seed(spec)
        if path == "/_harness/org/root-credentials":
            if method == "GET":
                return 200, read_root_credentials(parse_qs(query)["account"][0])
            return 200, seed_root_credentials(spec)
        if path == "/_harness/org/scp":
            return 200, attach_scp(spec)
        if path == "/_harness/org/throttle":
            state.throttle_per_second = int(spec.get("assume_root_per_second") or 0)
            state.assume_root_times.clear()
            return 200, {}
        if path == "/_harness/org/latency":
            state.latency_ms = int(spec.get("ms") or 0)
            state.latency_actions = set(spec["actions"]) if spec.get("actions") else None
            return 200, {}
        if path == "/_harness/org/clock":
            if method == "POST":
                if "now" in spec:
                    state.clock_offset = datetime.fromisoformat(spec["now"].replace("Z", "+00:00")).timestamp() - time.time()
                state.clock_offset += float(spec.get("advance_seconds", 0))
            return 200, {"now": iso(now())}
        if path == "/_harness/org/expire-sessions":
            expired = 0
            for session in state.sessions.values():
                if spec.get("account") in (None, session["account"]) and session["expires"] > now():
                    session["expires"] = now()
                    expired += 1
            return 200, {"expired": expired}
        if path == "/_harness/org/disabled-regions":
            state.disabled_regions = set(spec.get("regions", []))
            return 200, {}
        if path == "/_harness/org/list-quirks":
            state.empty_page_every, state.page_count = int(spec.get("empty_page_every") or 0), 0
            return 200, {}
        if path == "/_harness/org/features":
            return 200, set_features(spec)
        if path == "/_harness/org/state":
            return 200, describe_state()
    return None


def set_features(spec: dict) -> dict:
    backend = org_backend()
    for feature in FEATURES:
        if feature in spec:
            (state.features.add if spec[feature] else state.features.discard)(feature)
    if "trusted_access" in spec:
        if spec["trusted_access"]:
            backend.enable_aws_service_access(ServicePrincipal=IAM_PRINCIPAL)
        else:
            backend.disable_aws_service_access(ServicePrincipal=IAM_PRINCIPAL)
    if "delegated_admin" in spec:
        for admin in delegated_admins():
            backend.deregister_delegated_administrator(AccountId=admin, ServicePrincipal=IAM_PRINCIPAL)
        if spec["delegated_admin"]:
            backend.register_delegated_administrator(AccountId=spec["delegated_admin"], ServicePrincipal=IAM_PRINCIPAL)
            return {"delegated_admin": admin_key(spec["delegated_admin"])}
    return {}


def describe_state() -> dict:
    backend = org_backend()
    return {
        "organization_id": backend.org.id if backend else None,
        "management": state.management,
        "features": sorted(state.features),
        "trusted_access": [s["ServicePrincipal"] for s in backend.services] if backend else [],
        "delegated_admins": delegated_admins(),
        "now": iso(now()),
        "sessions": [
            {"access_key_id": k, "account": s["account"], "task_policy": s["task"], "expires": iso(s["expires"]), "expired": s["expires"] <= now()}
            for k, s in state.sessions.items()
        ],
        "assume_root": dict(state.counters),
        "scps": [
            {"policy_id": p.id, "name": p.name, "targets": [t.id for t in p.attachments]}
            for p in (backend.policies if backend else [])
            if p.type == "SERVICE_CONTROL_POLICY" and not getattr(p, "aws_managed", False)
        ],
    }
