"""moto's server for rootlock's integration tests, with a thin WSGI layer of the project's own in front.

Stock moto (5.2.x, as installed on the project's machines) serves IAM, STS, EventBridge and the Account API, but
not CloudTrail's LookupEvents. This layer adds, without touching moto's code:

- cloudtrail:LookupEvents, answered from events the test posts to  POST /_harness/cloudtrail-events
  (a JSON list of CloudTrail records as AWS stores them); DELETE clears them;
- a log of every AWS request received:  GET /_harness/requests  -> [{"service", "action"}], DELETE clears it
  (so a test can count the writes a dry run sent: none);
- injected faults:  POST /_harness/faults  {"action": "GetAccountSummary", "code": "Throttling", "status": 400,
  "times": 2}  or  {"action": "...", "deny": true}  (AccessDenied until cleared); DELETE clears them. A fault's
  "kind" is "error" (the default: an AWS error response), "reset" (the connection is closed with a TCP reset and
  no answer) or "delay" (the answer comes "delay_ms" late); "skip": N lets N calls through before it; with
  "after": true moto carries the request out
  first, so the change is made and only its answer is lost or late (the ambiguous case a client must read back);
- the request log records, for each request, moto's HTTP status (0 when the connection was reset) and the kind
  of fault served to it, if any;
- a whole reset:  POST /_harness/reset  wipes moto's state (as /moto-api/reset does), turns moto's auth back off
  (/moto-api/reset-auth turns it on, and moto's reset leaves it on), and clears everything this layer keeps:
  posted events, the request log, faults, pending confirmation emails, deleted keys and sessions. A server shared
  by several test cases (test/helpers/moto-server.ts) gives each of them the world a new server would.

and, since moto has no root user, it makes one stand-in IAM user (env ROOTLOCK_ROOT_USER, default
"root-standin") act as root, with small patches of moto's classes (each cites what it patches):

- sts:GetCallerIdentity answers arn:aws:iam::ACCT:root (UserId = the account id) for the stand-in's keys;
- IAM calls whose UserName is optional act on the stand-in when it calls without one (ListMFADevices,
  EnableMFADevice, DeactivateMFADevice; moto already does it for the access-key calls);
- GetAccountSummary's AccountMFAEnabled, AccountAccessKeysPresent and AccountSigningCertificatesPresent describe
  the stand-in (Users leaves it out);
- ListVirtualMFADevices shows a device assigned to the stand-in as assigned to arn:aws:iam::ACCT:root;
- the credential report has a <root_account> row built from the stand-in's, and no row of its own;
- a request signed with an access key that DeleteAccessKey removed is refused with InvalidClientTokenId, as AWS
  refuses it (moto checks no key unless /moto-api/reset-auth turns its whole auth on, policies included);
- sts:GetSessionToken signed by an IAM user's key (the stand-in's included) returns a session of the caller's own,
  key id ASIA… with a session token, as AWS does (moto answers the same fixed AKIA… example to everyone);
  GetCallerIdentity with it answers the user's ARN (root's, for the stand-in). IAM then treats it as AWS does:
  without MFA (no SerialNumber/TokenCode in the GetSessionToken call) every IAM call is refused with
  InvalidClientTokenId; with MFA, the calls whose UserName is optional answer 400 ValidationError "Must specify
  userName when calling with non-User credentials" when it is left out. The MFA code itself is not checked (moto
  checks none); the session never expires here. This is how a root session (`aws login`, GetSessionToken) is played.

For root-activity alerts it also makes moto answer as AWS does where it does not:

- an email subscription (sns:Subscribe, Protocol=email) stays pending, listed with SubscriptionArn
  "PendingConfirmation", until the test plays its owner clicking the emailed link:
  POST /_harness/sns-confirm {"endpoint": "owner@example.com"} -> {"confirmed": N} (moto confirms at once);
- a new trail has AWS's default event selector (all management events; moto starts with none);
- an organization's trail is seen from its member accounts, as AWS shows it (aws-facts §7.1;
  turbot/steampipe-plugin-aws#577, elastic/cloudbeat#1750, cloud-custodian#6394): POST /_harness/org-trail
  {"name": "org-trail", "owner": "999988887777", "home_region": "us-east-1"} makes a multi-region organization trail
  in that (management) account, logging; DescribeTrails (shadow trails included) in every other account lists it
  with IsOrganizationTrail true and the owner's ARN, and there GetTrailStatus answers TrailNotFoundException
  ("Unknown trail: ARN for the user: ACCT") and GetEventSelectors CloudTrailARNInvalidException ("AccountID in
  ARN is wrong, you can only access resources with AccountID ACCT"); moto lists another account's trails nowhere;
- an S3 bucket belongs to its owner: a request with x-amz-expected-bucket-owner naming another account is refused
  with 403 AccessDenied (S3 User Guide, "Verifying bucket ownership with bucket owner condition"), and so is any
  request to a bucket of another account (a bucket is private to its owner unless its policy says otherwise; no
  test gives one a policy for another account); moto checks neither. POST /_harness/foreign-bucket
  {"name": "...", "owner": "999988887777"} makes a bucket in another account, as if someone else held the name;

For webhook alerts (EventBridge API destinations; issue 16):

- moto's Rule.send_to_targets (moto/events/models.py) calls an api-destination target's endpoint with
  requests.request, method and headers but no body, and only when MOTO_EVENTS_INVOKE_HTTP is true. The launcher
  never calls out (it sets that false) and records instead what AWS would POST: the target's input transformer
  applied to the event as the JSON body, to the destination's endpoint, only while the destination is ACTIVE and its
  connection AUTHORIZED (EventBridge API reference, ApiDestinationState / ConnectionState).
  GET /_harness/webhook-posts -> [{"destination", "endpoint", "method", "body", "role"}], DELETE clears them;
- an API destination's endpoint must be HTTPS (EventBridge User Guide, "API destinations as targets",
  eb-api-destinations: "API destinations are HTTPS endpoints"); moto takes any text. Here CreateApiDestination and
  UpdateApiDestination refuse another with ValidationException, as AWS does;
- POST /_harness/webhook-state {"destination": "INACTIVE"} / {"connection": "DEAUTHORIZED"} sets every
  destination's or connection's state, as EventBridge changes them on its own.

AWS Organizations' centralized root access (trusted access and delegated administrator for IAM, the IAM
*OrganizationsFeatures calls, sts:AssumeRoot and the member-root sessions it mints, SCPs, throttling, latency, the
clock) is emulated in launcher_org.py beside this file; its docstring lists its harness routes (/_harness/org/...).

and two gaps of moto's IAM that the admin-identity step would meet are filled:

- AWS managed policies exist in every real account; moto loads them only with MOTO_IAM_LOAD_MANAGED_POLICIES
  (about 1,500 of them, ~2 s for each account's IAM). The launcher turns that on with moto's own data for the few
  the tests use (AdministratorAccess, ReadOnlyAccess, SecurityAudit);
- CreateLoginProfile ignores PasswordResetRequired in moto 5.2 (GetLoginProfile then always says false); here it
  is kept, as AWS keeps it.

It listens on 127.0.0.1, on a free port, and prints "PORT=<n>" once it is serving.
"""

import copy
import errno
import inspect
import socket
import struct
import time
import json
import os
import sys
import threading
import uuid
from datetime import datetime
from urllib.parse import parse_qs

import launcher_org  # AWS Organizations' centralized root access (beside this file)
import moto
from moto import settings as moto_settings
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

if not moto.__version__.startswith("5.2."):
    print(f"warning: rootlock's launcher was written for moto 5.2.x, this is {moto.__version__}", file=sys.stderr)

STANDIN = os.environ.get("ROOTLOCK_ROOT_USER", "root-standin")
MANAGED_POLICIES = ["AdministratorAccess", "ReadOnlyAccess", "SecurityAudit", *launcher_org.ROOT_TASKS]
launcher_org.STANDIN = STANDIN


def root_arn(account_id: str) -> str:
    return f"arn:aws:iam::{account_id}:root"


def patch_moto_for_a_root_standin():
    from moto.iam.models import AccountSummary, IAMBackend, User
    from moto.iam.responses import IamResponse
    from moto.sts.models import STSBackend

    # moto/sts/models.py STSBackend.get_caller_identity -> (user_id, arn, account_id)
    original_identity = STSBackend.get_caller_identity

    def get_caller_identity(self, access_key_id, region):
        user_id, arn, account_id = original_identity(self, access_key_id, region)
        if arn.endswith(f":user/{STANDIN}"):
            return account_id, root_arn(account_id), account_id
        return user_id, arn, account_id

    STSBackend.get_caller_identity = get_caller_identity

    # moto/iam/responses.py IamResponse.<action>: UserName is read with _get_param("UserName").
    def caller_is_standin(response) -> bool:
        try:
            return response.backend.get_access_key_last_used(response.get_access_key())["user_name"] == STANDIN
        except Exception:
            return False

    def defaulting_user_name(method):
        def wrapped(self):
            if not self._get_param("UserName") and caller_is_standin(self):
                self.querystring["UserName"] = [STANDIN]
                if isinstance(getattr(self, "params", None), dict):
                    self.params["UserName"] = STANDIN
            return method(self)

        return wrapped

    for name in ["list_mfa_devices", "enable_mfa_device", "deactivate_mfa_device"]:
        setattr(IamResponse, name, defaulting_user_name(getattr(IamResponse, name)))

    # moto/iam/models.py AccountSummary.summary_map (a property; the two root flags are hard-coded 0 there)
    original_map = AccountSummary.summary_map.fget

    def summary_map(self):
        result = dict(original_map(self))
        standin = self._iam_backend.users.get(STANDIN)
        if standin is not None:
            result["AccountMFAEnabled"] = 1 if standin.mfa_devices else 0
            result["AccountAccessKeysPresent"] = 1 if standin.access_keys else 0
            result["AccountSigningCertificatesPresent"] = 1 if standin.signing_certificates else 0
            result["Users"] = result["Users"] - 1
        return result

    AccountSummary.summary_map = property(summary_map)

    # moto/iam/models.py IAMBackend.list_virtual_mfa_devices -> (devices, marker); the device's `user` is
    # serialised as its User element.
    original_list = IAMBackend.list_virtual_mfa_devices
    # User.arn is a read-only property: show the stand-in through a subclass whose arn is root's.
    RootView = type("RootView", (User,), {"arn": property(lambda self: self.root_arn)})

    def list_virtual_mfa_devices(self, *args, **kwargs):
        devices, marker = original_list(self, *args, **kwargs)
        shown = []
        for device in devices:
            if device.user is not None and device.user.name == STANDIN:
                device = copy.copy(device)
                user = copy.copy(device.user)
                user.__class__ = RootView
                user.root_arn = root_arn(self.account_id)
                user.id = self.account_id
                device.user = user
                if device.user_attribute:
                    device.user_attribute = {**device.user_attribute, "Arn": user.arn, "UserId": user.id}
            shown.append(device)
        return shown, marker

    IAMBackend.list_virtual_mfa_devices = list_virtual_mfa_devices

    # moto/iam/models.py IAMBackend.get_credential_report -> CSV text, one row per IAM user
    original_report = IAMBackend.get_credential_report

    def get_credential_report(self):
        lines = original_report(self).splitlines()
        header, rows = lines[0], lines[1:]
        kept, root_row = [], None
        for row in rows:
            cells = row.split(",")
            if cells[0] == STANDIN:
                cells[0], cells[1] = "<root_account>", root_arn(self.account_id)
                cells[3], cells[5], cells[6] = "not_supported", "not_supported", "not_supported"
                root_row = ",".join(cells)
            else:
                kept.append(row)
        return "\n".join([header] + ([root_row] if root_row else []) + kept) + "\n"

    IAMBackend.get_credential_report = get_credential_report

    # moto/iam/models.py IAMBackend.delete_access_key(access_key_id, user_name)
    original_delete_key = IAMBackend.delete_access_key

    def delete_access_key(self, access_key_id, *args, **kwargs):
        result = original_delete_key(self, access_key_id, *args, **kwargs)
        with lock:
            deleted_keys.add(access_key_id)
        return result

    IAMBackend.delete_access_key = delete_access_key


def patch_moto_for_sessions():
    from moto.iam.models import iam_backends
    from moto.iam.utils import generate_access_key_id_from_account_id, random_alphanumeric
    from moto.sts.models import STSBackend
    from moto.sts.responses import TokenResponse

    # moto/sts/responses.py TokenResponse.get_session_token answers the fixed example key AKIAIOSFODNN7EXAMPLE to
    # every caller. AWS returns temporary credentials of the caller's own: a key id ASIA…, a secret and a session
    # token (STS API reference, GetSessionToken; "AKIA… long-term, ASIA… temporary", IAM User Guide, Unique identifiers).
    original_session_token = TokenResponse.get_session_token

    def get_session_token(self):
        answer = original_session_token(self)
        user = iam_backends[self.current_account][self.partition].get_user_from_access_key_id(self.get_access_key())
        if user is None:
            return answer
        key_id = generate_access_key_id_from_account_id(account_id=user.account_id, prefix="ASIA", total_length=20)
        credentials = answer.result["Credentials"]
        credentials["AccessKeyId"] = key_id
        credentials["SecretAccessKey"] = random_alphanumeric(40)
        credentials["SessionToken"] = "FwoGZXIvYXdzE" + random_alphanumeric(100)
        with lock:
            sessions[key_id] = {"user": user.name, "mfa": bool(self._get_param("SerialNumber") and self._get_param("TokenCode"))}
        return answer

    TokenResponse.get_session_token = get_session_token

    # moto/sts/models.py STSBackend.get_caller_identity: a session key is unknown to moto ("user/moto"). AWS answers
    # the identity that asked for the session (the stand-in's is root's: see patch_moto_for_a_root_standin).
    original_identity = STSBackend.get_caller_identity

    def get_caller_identity(self, access_key_id, region):
        session = sessions.get(access_key_id)
        if session is None:
            return original_identity(self, access_key_id, region)
        user = iam_backends[self.account_id][self.partition].get_user(session["user"])
        if user.name == STANDIN:
            return self.account_id, root_arn(self.account_id), self.account_id
        return user.id, user.arn, user.account_id

    STSBackend.get_caller_identity = get_caller_identity


# IAM calls whose UserName is optional: with temporary credentials AWS requires it ("If a temporary access key is
# used, then UserName is required", IAM API reference, ListAccessKeys / UpdateAccessKey) and answers HTTP 400
# ValidationError "Must specify userName when calling with non-User credentials" (aws/aws-sdk-java#1304,
# dcoker/awsmfa#9, jckuester/awsweeper#114: "status code: 400").
USER_NAME_OPTIONAL = {
    "ListAccessKeys", "UpdateAccessKey", "DeleteAccessKey", "CreateAccessKey", "GetUser", "ListMFADevices",
    "ListSigningCertificates", "ListSSHPublicKeys", "ListServiceSpecificCredentials",
}


def session_refusal(environ, body: bytes):
    """How AWS refuses an IAM request signed with a session key, or None. A session from GetSessionToken without MFA
    may call no IAM API ("You cannot call any IAM API operations unless MFA authentication information is included",
    STS API reference, GetSessionToken), and AWS answers InvalidClientTokenId (99designs/aws-vault#15, #1056)."""
    session = sessions.get(signing_key_of(environ))
    if session is None or service_of(environ) != "iam":
        return None
    if not session["mfa"]:
        return 403, "InvalidClientTokenId", "The security token included in the request is invalid"
    params = parse_qs(body.decode("utf-8", "replace")) if body else {}
    if action_of(environ, body) in USER_NAME_OPTIONAL and not params.get("UserName"):
        return 400, "ValidationError", "Must specify userName when calling with non-User credentials"
    return None


def patch_moto_for_alerts():
    from moto.cloudtrail.models import Trail
    from moto.sns.models import SNSBackend

    # moto/sns/models.py SNSBackend.subscribe(topic_arn, endpoint, protocol) -> Subscription: moto marks every
    # subscription confirmed ("PendingConfirmation": False). AWS keeps an email one pending until the link in its
    # email is clicked, and ListSubscriptionsByTopic shows "PendingConfirmation" instead of its ARN. moto's
    # serializer takes SubscriptionArn from a `subscription_arn` attribute before `arn`, so that is where it goes.
    original_subscribe = SNSBackend.subscribe

    def subscribe(self, topic_arn, endpoint, protocol):
        existing = self._find_subscription(topic_arn, endpoint, protocol)
        subscription = original_subscribe(self, topic_arn, endpoint, protocol)
        if protocol == "email" and existing is None:
            subscription.subscription_arn = "PendingConfirmation"
            subscription.attributes["PendingConfirmation"] = "true"
            subscription.confirmed = False
            with lock:
                pending_emails.append(subscription)
        return subscription

    SNSBackend.subscribe = subscribe

    # moto/cloudtrail/models.py Trail.__init__ sets event_selectors = []; AWS gives a new trail its default
    # selector, which GetEventSelectors returns: all management events, read and write.
    original_trail_init = Trail.__init__

    def trail_init(self, *args, **kwargs):
        original_trail_init(self, *args, **kwargs)
        if not self.event_selectors and not self.advanced_event_selectors:
            self.event_selectors = [{"ReadWriteType": "All", "IncludeManagementEvents": True, "DataResources": []}]

    Trail.__init__ = trail_init


def patch_moto_for_webhooks():
    from moto.events.exceptions import ValidationException
    from moto.events.models import EventsBackend, Rule, events_backends
    from moto.events.utils import EventTemplateParser

    # Never call out, whatever the environment says (moto reads this at each delivery).
    os.environ["MOTO_EVENTS_INVOKE_HTTP"] = "false"
    original_send = Rule.send_to_targets

    def send_to_targets(self, original_event, transform_input=True):
        original_send(self, original_event, transform_input)
        if not self.event_pattern.matches_event(original_event):
            return
        backend = events_backends[self.account_id][self.region_name]
        for target in self.targets:
            parts = target["Arn"].split(":", 5)
            if len(parts) < 6 or parts[2] != "events" or not parts[5].startswith("api-destination/"):
                continue
            destination = backend.destinations.get(parts[5].split("/")[1])
            if destination is None or destination.arn != target["Arn"] or destination.state != "ACTIVE":
                continue
            connection = next((c for c in backend.connections.values() if c.arn == destination.connection_arn), None)
            if connection is None or connection.state != "AUTHORIZED":
                continue
            transformer = target.get("InputTransformer", {})
            body = EventTemplateParser.parse(transformer.get("InputTemplate"), transformer.get("InputPathsMap", {}), original_event)
            with lock:
                webhook_posts.append(
                    {
                        "destination": destination.name,
                        "endpoint": destination.invocation_endpoint,
                        "method": destination.http_method,
                        "body": json.dumps(body),
                        "role": target.get("RoleArn"),
                    }
                )

    Rule.send_to_targets = send_to_targets

    def https_only(original):
        signature = inspect.signature(original)

        def wrapped(self, *args, **kwargs):
            bound = signature.bind(self, *args, **kwargs).arguments
            endpoint = bound.get("invocation_endpoint", bound.get("kwargs", {}).get("invocation_endpoint"))
            if endpoint is not None and not str(endpoint).startswith("https://"):
                raise ValidationException("InvocationEndpoint must be an HTTPS URL.")
            return original(self, *args, **kwargs)

        return wrapped

    EventsBackend.create_api_destination = https_only(EventsBackend.create_api_destination)
    EventsBackend.update_api_destination = https_only(EventsBackend.update_api_destination)


def set_webhook_state(spec: dict) -> None:
    from moto.events.models import events_backends

    for account in list(events_backends.keys()):
        for backend in events_backends[account].values():
            for d in backend.destinations.values():
                d.state = spec.get("destination", d.state)
            for c in backend.connections.values():
                c.state = spec.get("connection", c.state)


def patch_moto_for_organization_trails():
    from moto.cloudtrail.exceptions import TrailNotFoundException
    from moto.cloudtrail.models import CloudTrailBackend, cloudtrail_backends

    # moto/cloudtrail/models.py CloudTrailBackend.describe_trails(include_shadow_trails) looks in the caller's own
    # account only. AWS also lists, in a member account, the organization trail the management account made.
    original_describe = CloudTrailBackend.describe_trails

    def describe_trails(self, include_shadow_trails):
        trails = list(original_describe(self, include_shadow_trails))
        if include_shadow_trails:
            for account_id, regions in list(cloudtrail_backends.items()):
                if account_id == self.account_id:
                    continue
                for backend in regions.values():
                    for trail in backend.trails.values():
                        if trail.is_org_trail and (trail.is_multi_region or trail.region_name == self.region_name):
                            trails.append(trail)
        return trails

    CloudTrailBackend.describe_trails = describe_trails

    # moto/cloudtrail/models.py CloudTrailBackend.get_event_selectors(trail_name) -> get_trail, which answers
    # TrailNotFoundException for another account's ARN; AWS answers CloudTrailARNInvalidException there.
    original_selectors = CloudTrailBackend.get_event_selectors

    def get_event_selectors(self, trail_name):
        owner = account_in_arn(trail_name)
        if owner and owner != self.account_id:
            raise CloudTrailARNInvalid(self.account_id)
        return original_selectors(self, trail_name)

    CloudTrailBackend.get_event_selectors = get_event_selectors

    # moto/cloudtrail/models.py CloudTrailBackend.get_trail_status(name) finds a trail among describe_trails' list,
    # which now holds the organization's: AWS answers TrailNotFoundException for it in a member account.
    original_status = CloudTrailBackend.get_trail_status

    def get_trail_status(self, name):
        owner = account_in_arn(name)
        if owner and owner != self.account_id:
            raise TrailNotFoundException(account_id=self.account_id, name=name)
        return original_status(self, name)

    CloudTrailBackend.get_trail_status = get_trail_status


def account_in_arn(name_or_arn: str) -> str:
    parts = name_or_arn.split(":")
    return parts[4] if name_or_arn.startswith("arn:") and len(parts) > 5 else ""


def CloudTrailARNInvalid(account_id: str):
    from moto.core.exceptions import JsonRESTError

    return JsonRESTError("CloudTrailARNInvalidException", f"AccountID in ARN is wrong, you can only access resources with AccountID {account_id}.")


def add_org_trail(spec: dict) -> None:
    """The management account `owner` makes a multi-region organization trail (with its bucket), and starts it."""
    from moto.cloudtrail.models import cloudtrail_backends
    from moto.s3.models import s3_backends

    owner, region, name = spec["owner"], spec.get("home_region", "us-east-1"), spec["name"]
    bucket = f"{name}-{owner}"
    if bucket not in s3_backends.bucket_accounts:
        s3_backends[owner]["aws"].create_bucket(bucket, region)
    backend = cloudtrail_backends[owner][region]
    trail = backend.create_trail(name, bucket, None, None, True, True, True, True, None, None, None, [])
    trail.status.start_logging()


def add_foreign_bucket(spec: dict) -> None:
    from moto.s3.models import s3_backends

    s3_backends[spec["owner"]]["aws"].create_bucket(spec["name"], "us-east-1")


def s3_refusal(environ) -> bool:
    """AWS's 403 for a bucket of another account: ExpectedBucketOwner not matched, or simply not the caller's."""
    from moto.iam.models import get_account_id_from
    from moto.s3.models import s3_backends

    path = environ.get("PATH_INFO", "/").lstrip("/")
    bucket = path.split("/")[0]
    if environ["REQUEST_METHOD"] == "PUT" and path.rstrip("/") == bucket and not environ.get("QUERY_STRING"):
        return False  # CreateBucket: moto answers BucketAlreadyExists for a name held elsewhere, as AWS does
    owner = s3_backends.bucket_accounts.get(bucket, (None, None))[1]
    if not owner:
        return False
    expected = environ.get("HTTP_X_AMZ_EXPECTED_BUCKET_OWNER")
    caller = get_account_id_from(signing_key_of(environ))
    return (expected is not None and expected != owner) or caller != owner


def confirm_emails(endpoint: str) -> int:
    """The owner of `endpoint` clicks the link in each confirmation email AWS sent it."""
    confirmed = 0
    for subscription in list(pending_emails):
        if subscription.endpoint == endpoint:
            del subscription.subscription_arn
            subscription.attributes["PendingConfirmation"] = "false"
            subscription.confirmed = True
            pending_emails.remove(subscription)
            confirmed += 1
    return confirmed


def patch_moto_iam_gaps():
    import moto.iam.models as iam_models
    from moto.iam.responses import IamResponse

    # moto/settings.py load_iam_aws_managed_policies() reads this env var; moto/iam/models.py
    # IAMBackend._init_aws_policies() builds one policy object per entry of aws_managed_policies_data (a JSON text).
    os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"
    every = json.loads(iam_models.aws_managed_policies_data)
    iam_models.aws_managed_policies_data = json.dumps({name: every[name] for name in MANAGED_POLICIES})

    # moto/iam/responses.py IamResponse.create_login_profile reads UserName and Password only.
    original_create_login_profile = IamResponse.create_login_profile

    def create_login_profile(self):
        result = original_create_login_profile(self)
        if str(self._get_param("PasswordResetRequired")).lower() == "true":
            user = self.backend.get_user(self._get_param("UserName"))
            user.password_reset_required = True
            result = original_get_login_profile(self)
        return result

    original_get_login_profile = IamResponse.get_login_profile
    IamResponse.create_login_profile = create_login_profile


lock = threading.Lock()
deleted_keys: set = set()
sessions: dict = {}  # session key id (ASIA…) -> {"user": the IAM user who asked for it, "mfa": bool}
pending_emails: list = []
webhook_posts: list = []
patch_moto_for_a_root_standin()
patch_moto_for_sessions()
patch_moto_for_alerts()
patch_moto_for_organization_trails()
patch_moto_iam_gaps()
patch_moto_for_webhooks()
launcher_org.patch_moto_for_iam_principal()
events: list = []
requests_seen: list = []
faults: dict = {}
# moto checks no signature or policy until /moto-api/reset-auth lowers this (inf unless set in the environment).
AUTH_AT_START = moto_settings.INITIAL_NO_AUTH_ACTION_COUNT


def credential_field(environ, index: int) -> str:
    """A field of the SigV4 credential scope: Credential=AKID/date/REGION/SERVICE/aws4_request (0: the key id)."""
    auth = environ.get("HTTP_AUTHORIZATION", "")
    try:
        return auth.split("Credential=")[1].split("/")[index]
    except IndexError:
        return ""


def signing_key_of(environ) -> str:
    return credential_field(environ, 0)


def region_of(environ) -> str:
    return credential_field(environ, 2)


def service_of(environ) -> str:
    return credential_field(environ, 3)


def action_of(environ, body: bytes) -> str:
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return target.split(".")[-1]
    params = parse_qs(body.decode("utf-8", "replace")) if body else {}
    params.update(parse_qs(environ.get("QUERY_STRING", "")))
    return (params.get("Action") or [""])[0]


def target_of(environ, body: bytes) -> str:
    """What a write acts on (an access key or an MFA device; else the user, group or policy), so a test can tell
    a repeated deletion. The first name present wins: RemoveUserFromGroup is told by its user, DetachGroupPolicy
    by its group."""
    if environ.get("HTTP_X_AMZ_TARGET"):
        return ""
    params = parse_qs(body.decode("utf-8", "replace")) if body else {}
    for name in ("AccessKeyId", "SerialNumber", "VirtualMFADeviceName", "UserName", "GroupName", "PolicyArn"):
        if name in params:
            return params[name][0]
    return ""


def respond(start_response, status: int, body: str, content_type: str):
    start_response(f"{status} {'OK' if status < 400 else 'Error'}", [("Content-Type", content_type), ("Content-Length", str(len(body.encode())))])
    return [body.encode()]


def aws_error(start_response, environ, status: int, code: str, message: str):
    if environ.get("HTTP_X_AMZ_TARGET"):  # JSON protocols (CloudTrail, EventBridge, …)
        return respond(start_response, status, json.dumps({"__type": code, "message": message}), "application/x-amz-json-1.1")
    xml = (
        f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>"
        f"<RequestId>{uuid.uuid4()}</RequestId></ErrorResponse>"
    )
    return respond(start_response, status, xml, "text/xml")


def lookup_events(body: bytes) -> str:
    request = json.loads(body or b"{}")
    wanted = {a["AttributeKey"]: a["AttributeValue"] for a in request.get("LookupAttributes", [])}
    start = request.get("StartTime")
    end = request.get("EndTime")
    max_results = min(int(request.get("MaxResults", 50)), 50)
    offset = int(request.get("NextToken", "0") or 0)
    with lock:
        matching = []
        for record in events:
            at = datetime.fromisoformat(record["eventTime"].replace("Z", "+00:00")).timestamp()
            if "EventName" in wanted and record.get("eventName") != wanted["EventName"]:
                continue
            if start is not None and at < float(start):
                continue
            if end is not None and at > float(end):
                continue
            matching.append((at, record))
    matching.sort(key=lambda pair: pair[0], reverse=True)  # newest first, as CloudTrail answers
    page = matching[offset : offset + max_results]
    result = {
        "Events": [
            {
                "EventId": r["eventID"],
                "EventName": r.get("eventName"),
                "EventTime": at,
                "EventSource": r.get("eventSource"),
                "Username": r.get("userIdentity", {}).get("userName", "root"),
                "CloudTrailEvent": json.dumps(r),
            }
            for at, r in page
        ]
    }
    if offset + max_results < len(matching):
        result["NextToken"] = str(offset + max_results)
    return json.dumps(result)


def reset_everything() -> None:
    """A new server's world: moto's backends, moto's auth, and the state of this layer."""
    from moto.core.responses import ActionAuthenticatorMixin
    from moto.moto_api._internal.models import moto_api_backend

    moto_api_backend.reset()  # what POST /moto-api/reset does (moto/moto_api/_internal/responses.py reset_response)
    # moto/moto_api/_internal/responses.py reset_auth_response sets these two; moto's reset does not restore them.
    moto_settings.INITIAL_NO_AUTH_ACTION_COUNT = AUTH_AT_START
    ActionAuthenticatorMixin.request_count = 0
    for state in (events, requests_seen, faults, pending_emails, deleted_keys, sessions, webhook_posts):
        state.clear()
    launcher_org.reset()


def harness(environ, start_response, body: bytes):
    path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
    if path.startswith("/_harness/org/"):  # the organization's routes: see launcher_org.py
        answered = launcher_org.harness(path, method, body, environ.get("QUERY_STRING", ""))
        if answered is None:
            return respond(start_response, 404, "no such harness route", "text/plain")
        return respond(start_response, answered[0], json.dumps(answered[1]), "application/json")
    with lock:
        if path == "/_harness/reset":
            reset_everything()
        elif path == "/_harness/cloudtrail-events":
            if method == "POST":
                events.extend(json.loads(body))
            else:
                events.clear()
        elif path == "/_harness/requests":
            if method == "GET":
                return respond(start_response, 200, json.dumps(requests_seen), "application/json")
            requests_seen.clear()
        elif path == "/_harness/sns-confirm":
            confirmed = confirm_emails(json.loads(body)["endpoint"])
            return respond(start_response, 200, json.dumps({"confirmed": confirmed}), "application/json")
        elif path == "/_harness/webhook-posts":
            if method == "GET":
                return respond(start_response, 200, json.dumps(webhook_posts), "application/json")
            webhook_posts.clear()
        elif path == "/_harness/webhook-state":
            set_webhook_state(json.loads(body))
        elif path == "/_harness/org-trail":
            add_org_trail(json.loads(body))
        elif path == "/_harness/foreign-bucket":
            add_foreign_bucket(json.loads(body))
        elif path == "/_harness/faults":
            if method == "POST":
                spec = json.loads(body)
                faults[spec["action"]] = spec
            else:
                faults.clear()
        else:
            return respond(start_response, 404, "no such harness route", "text/plain")
    return respond(start_response, 200, "{}", "application/json")


def collect(app, environ):
    """Runs moto on a request and keeps its whole answer (status, headers, body) to send, or not, later."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, headers

    answer["body"] = b"".join(app(environ, start_response))
    return answer


def reset_connection(environ):
    """Closes the client's connection with a TCP RST (SO_LINGER 0), as a dropped network looks to the SDK.

    The descriptor itself is closed: socket.close() alone waits for werkzeug's file objects on the same socket to
    close, and werkzeug then answered the request with an HTML 500 page instead (a server error, not a dropped
    network). Raising ConnectionResetError makes werkzeug treat the request as a dropped connection and send nothing.
    """
    sock = environ.get("werkzeug.socket")
    if sock is None:
        raise RuntimeError("werkzeug.socket is missing: the reset fault cannot drop the connection")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    os.close(sock.detach())
    raise ConnectionResetError("rootlock's launcher reset this connection (an injected fault)")


def with_harness(app):
    def wrapped(environ, start_response):
        from io import BytesIO

        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        if environ["PATH_INFO"].startswith("/_harness/"):
            return harness(environ, start_response, body)
        action = action_of(environ, body)
        service = service_of(environ)
        seen = {"service": service, "action": action, "status": 0, "target": target_of(environ, body)}
        launcher_org.delay(action)
        with lock:
            if action and service:
                requests_seen.append(seen)
            refused = signing_key_of(environ) in deleted_keys
            session_refused = session_refusal(environ, body)
            fault = faults.get(action)
            if fault and fault.get("skip", 0) > 0:  # let that many calls through first
                fault["skip"] -= 1
                fault = None
            if fault and not fault.get("deny"):
                seen["fault"] = fault.get("kind", "error")
                fault["times"] = fault.get("times", 1) - 1
                if fault["times"] <= 0:
                    del faults[action]
        if fault and fault.get("deny"):
            seen["status"] = 403
            message = f"User is not authorized to perform: {service}:{action}"
            return aws_error(start_response, environ, 403, "AccessDenied" if not environ.get("HTTP_X_AMZ_TARGET") else "AccessDeniedException", message)
        if fault and not fault.get("after"):
            kind = fault.get("kind", "error")
            if kind == "reset":
                reset_connection(environ)  # raises: nothing is answered
            if kind == "error":
                seen["status"] = int(fault.get("status", 400))
                return aws_error(start_response, environ, seen["status"], fault["code"], fault.get("message", fault["code"]))
            time.sleep(fault.get("delay_ms", 0) / 1000)
        if refused:
            seen["status"] = 403
            code = "UnrecognizedClientException" if environ.get("HTTP_X_AMZ_TARGET") else "InvalidClientTokenId"
            return aws_error(start_response, environ, 403, code, "The security token included in the request is invalid.")
        if session_refused:
            seen["status"], code, message = session_refused
            return aws_error(start_response, environ, seen["status"], code, message)
        if service == "s3" and s3_refusal(environ):
            seen["status"] = 403
            xml = f"<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>{uuid.uuid4()}</RequestId></Error>"
            return respond(start_response, 403, xml, "application/xml")
        org_answer, body = launcher_org.intercept(environ, body, service, action, signing_key_of(environ), region_of(environ), seen)
        if org_answer is not None:
            seen["status"] = org_answer.status
            return respond(start_response, org_answer.status, org_answer.body, org_answer.content_type)
        if service == "cloudtrail" and action == "LookupEvents":
            seen["status"] = 200
            return respond(start_response, 200, lookup_events(body), "application/x-amz-json-1.1")
        # Hand moto the body we read.
        environ["wsgi.input"] = BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        answer = collect(app, environ)
        seen["status"] = int(answer["status"].split()[0])
        if fault and fault.get("after"):
            kind = fault.get("kind", "error")
            if kind == "reset":
                reset_connection(environ)  # raises: nothing is answered
            if kind == "error":
                return aws_error(start_response, environ, int(fault.get("status", 500)), fault["code"], fault.get("message", fault["code"]))
            time.sleep(fault.get("delay_ms", 0) / 1000)
        start_response(answer["status"], answer["headers"])
        return [answer["body"]]

    return wrapped


def main():
    app = DomainDispatcherApplication(create_backend_app)
    server = make_server("127.0.0.1", 0, with_harness(app), threaded=True)
    print_error = server.handle_error

    def handle_error(request, client_address):
        # A connection the reset fault closed (reset_connection) ends its handler with EBADF when werkzeug reads
        # for a next request on it: expected, and not worth a traceback.
        error = sys.exc_info()[1]
        if not (isinstance(error, OSError) and error.errno == errno.EBADF):
            print_error(request, client_address)

    server.handle_error = handle_error
    print(f"PORT={server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
