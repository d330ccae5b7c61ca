"""moto's server for rootlock's integration tests, with a thin WSGI layer of the project's own in front.

Stock moto (5.2.x, as installed on the project's machines) serves IAM, STS, EventBridge and the Account API, but
not CloudTrail's LookupEvents. This layer adds, without touching moto's code:

- cloudtrail:LookupEvents, answered from events the test posts to  POST /_harness/cloudtrail-events
  (a JSON list of CloudTrail records as AWS stores them); DELETE clears them;
- a log of every AWS request received:  GET /_harness/requests  -> [{"service", "action"}], DELETE clears it
  (so a test can count the writes a dry run sent: none);
- injected faults:  POST /_harness/faults  {"action": "GetAccountSummary", "code": "Throttling", "status": 400,
  "times": 2}  or  {"action": "...", "deny": true}  (AccessDenied until cleared); DELETE clears them.

It listens on 127.0.0.1, on a free port, and prints "PORT=<n>" once it is serving.
"""

import json
import sys
import threading
import uuid
from datetime import datetime
from urllib.parse import parse_qs

import moto
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

if not moto.__version__.startswith("5.2."):
    print(f"warning: rootlock's launcher was written for moto 5.2.x, this is {moto.__version__}", file=sys.stderr)

lock = threading.Lock()
events: list = []
requests_seen: list = []
faults: dict = {}


def service_of(environ) -> str:
    # SigV4: Credential=AKID/date/region/SERVICE/aws4_request
    auth = environ.get("HTTP_AUTHORIZATION", "")
    try:
        return auth.split("Credential=")[1].split("/")[3]
    except IndexError:
        return ""


def action_of(environ, body: bytes) -> str:
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return target.split(".")[-1]
    params = parse_qs(body.decode("utf-8", "replace")) if body else {}
    params.update(parse_qs(environ.get("QUERY_STRING", "")))
    return (params.get("Action") or [""])[0]


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


def harness(environ, start_response, body: bytes):
    path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
    with lock:
        if path == "/_harness/cloudtrail-events":
            if method == "POST":
                events.extend(json.loads(body))
            else:
                events.clear()
        elif path == "/_harness/requests":
            if method == "GET":
                return respond(start_response, 200, json.dumps(requests_seen), "application/json")
            requests_seen.clear()
        elif path == "/_harness/faults":
            if method == "POST":
                spec = json.loads(body)
                faults[spec["action"]] = spec
            else:
                faults.clear()
        else:
            return respond(start_response, 404, "no such harness route", "text/plain")
    return respond(start_response, 200, "{}", "application/json")


def with_harness(app):
    def wrapped(environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        if environ["PATH_INFO"].startswith("/_harness/"):
            return harness(environ, start_response, body)
        action = action_of(environ, body)
        service = service_of(environ)
        with lock:
            if action and service:
                requests_seen.append({"service": service, "action": action})
            fault = faults.get(action)
            if fault and not fault.get("deny"):
                fault["times"] = fault.get("times", 1) - 1
                if fault["times"] <= 0:
                    del faults[action]
        if fault:
            if fault.get("deny"):
                message = f"User is not authorized to perform: {service}:{action}"
                return aws_error(start_response, environ, 403, "AccessDenied" if not environ.get("HTTP_X_AMZ_TARGET") else "AccessDeniedException", message)
            return aws_error(start_response, environ, int(fault.get("status", 400)), fault["code"], fault.get("message", fault["code"]))
        if service == "cloudtrail" and action == "LookupEvents":
            return respond(start_response, 200, lookup_events(body), "application/x-amz-json-1.1")
        # Hand moto the body we read.
        from io import BytesIO

        environ["wsgi.input"] = BytesIO(body)
        return app(environ, start_response)

    return wrapped


def main():
    app = DomainDispatcherApplication(create_backend_app)
    server = make_server("127.0.0.1", 0, with_harness(app), threaded=True)
    print(f"PORT={server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
