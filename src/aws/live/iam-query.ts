// A member root session's IAM calls (src/aws/live/org.ts, LiveOrg.assumeRoot): IAM's query protocol as AWS
// documents it (a form-encoded POST of Action, Version and the parameters; an XML answer), signed with SigV4 by
// the session's own credentials, sent through the run's one HTTP handler.
//
// Why not an IAMClient per session, as before: every SDK client, and every send through it, rebuilds the SDK's
// configuration, middleware stack and signer: ~850 kB allocated for a session's five reads (V8's sampling heap
// profiler, counting what was collected too), some 850 MB in a 1,000-account audit. Sessions live for a few round
// trips, so much of it outlived a young-generation collection, and V8 grew its young generation to the maximum:
// the audit peaked at 141–159 MB of RSS against a goal of 150 MB (bench/README.md, `npm run bench:org`). This
// transport allocates ~210 kB for the same session, and the audit peaks at ~118 MB.
//
// Why not one IAMClient for every session: the SDK's SigV4 signer takes its credentials from the client's
// credential provider, not from the request. A provider that picked credentials by session would be memoized and
// coalesced across concurrent calls by the SDK, and could sign one account's request with another's credentials.
// Here each session has a signer of its own, made with its credentials and nothing else: no request of one session
// can carry another's key (test/integration/org-sessions.test.ts checks it at the launcher, request by request).
//
// The endpoint and signing region are the SDK's: resolved once per run by the IAM client's own endpoint rules
// (AWS_ENDPOINT_URL, FIPS, the partition: iam.amazonaws.com signs in us-east-1, China and GovCloud elsewhere).
// The signer (@smithy/signature-v4) and the XML parser (@aws-sdk/xml-builder) are the SDK's own, installed with it
// as dependencies of @aws-sdk/core.
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { parseXML } from "@aws-sdk/xml-builder";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, Checksum, HttpRequest, HttpResponse, RequestHandler, SourceData } from "@smithy/types";

/** Where IAM is and how a request to it is signed: the same for every session of a run. */
export interface IamEndpoint {
  url: URL;
  signingRegion: string;
  handler: RequestHandler<HttpRequest, HttpResponse>;
  /** The SDK's measure of this machine's clock against AWS's (ms), which a skewed clock's requests are signed by. */
  clockOffset: () => number;
}

/** An IAM error answer, shaped as the SDK's errors are (name = AWS's code), so toOrgError reads both alike. */
export class IamServiceError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = code;
    this.$metadata = { httpStatusCode: status };
  }
}

/** SHA-256 (and HMAC-SHA-256 when given a key) for the signer, from Node's crypto. */
class Sha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** RFC 3986 percent-encoding, as SigV4 and IAM's query protocol want it (encodeURIComponent leaves !'()* alone). */
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Transient failures the SDK's standard retry strategy retries too: throttling, AWS's 5xx, a dropped connection. */
const THROTTLING = new Set(["Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled"]);
const NETWORK = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);
function transient(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  return THROTTLING.has(e?.name ?? "") || (e?.$metadata?.httpStatusCode ?? 0) >= 500 || NETWORK.has(e?.code ?? "") || e?.name === "TimeoutError";
}

async function readBody(response: HttpResponse): Promise<string> {
  const body = response.body as AsyncIterable<Uint8Array> | string | Uint8Array | undefined;
  if (body === undefined) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/** One member root session's IAM: every request signed with this session's credentials, and only with them. */
export class SessionIam {
  private signer?: SignatureV4;

  /** `endpoint` is awaited by the first call, so that a failure to resolve it is that call's, named on its action. */
  constructor(
    private readonly endpoint: Promise<IamEndpoint>,
    private readonly credentials: AwsCredentialIdentity,
    private readonly maxAttempts: number,
  ) {}

  /** The `<Action>Result` element of IAM's answer, as parsed XML (a list's items under `member`). */
  async call(action: string, params: Record<string, string> = {}): Promise<Record<string, unknown>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(action, params);
      } catch (error) {
        if (attempt >= this.maxAttempts || !transient(error)) throw error;
        // The SDK's standard backoff: full jitter under an exponential cap (100 ms, 200 ms, …; throttling 500 ms, …).
        const base = THROTTLING.has((error as Error).name) ? 500 : 100;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20_000, base * 2 ** (attempt - 1))));
      }
    }
  }

  private async once(action: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    const endpoint = await this.endpoint;
    this.signer ??= new SignatureV4({ credentials: this.credentials, region: endpoint.signingRegion, service: "iam", sha256: Sha256, uriEscapePath: true });
    const { url } = endpoint;
    const body = Object.entries({ Action: action, Version: "2010-05-08", ...params })
      .map(([k, v]) => `${encode(k)}=${encode(v)}`)
      .join("&");
    const request = {
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname || "/",
      query: {},
      headers: { host: url.host, "content-type": "application/x-www-form-urlencoded; charset=utf-8", "content-length": String(Buffer.byteLength(body)) },
      body,
    } as HttpRequest;
    const signed = (await this.signer.sign(request, { signingDate: new Date(Date.now() + endpoint.clockOffset()) })) as HttpRequest;
    const { response } = await endpoint.handler.handle(signed);
    const text = await readBody(response);
    if (response.statusCode < 200 || response.statusCode >= 300) {
      // AWS's error answer; or something else's (a proxy's HTML page): then its status alone (a 5xx is retried).
      const parsed = (text.trimStart().startsWith("<ErrorResponse") ? parseXML(text) : {}) as { ErrorResponse?: { Error?: { Code?: string; Message?: string } } };
      const error = parsed.ErrorResponse?.Error ?? {};
      throw new IamServiceError(error.Code ?? `Http${response.statusCode}`, error.Message ?? "", response.statusCode);
    }
    const parsed = (text ? parseXML(text) : {}) as Record<string, Record<string, unknown> | undefined>;
    return (parsed[`${action}Response`]?.[`${action}Result`] ?? {}) as Record<string, unknown>;
  }
}

/** A list in IAM's answer: its `member` items (the parser gives one item bare, none as an empty string). */
export function members<T>(list: unknown): T[] {
  const items = (list as { member?: T | T[] } | undefined)?.member;
  return items === undefined ? [] : Array.isArray(items) ? items : [items];
}
