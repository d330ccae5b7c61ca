// AWS failures as typed values.
//
// Adapters throw `AccountError` with AWS's own error code and the IAM action that was called. The wizard
// catches it at the step boundary and hands `{ code, action }` to a screen, which looks the text up in the
// message catalogue: no stack trace and no raw SDK message ever reaches the operator. The AWS message is kept
// for the report only when it cannot carry a secret (AWS never echoes MFA codes or secret keys in messages).

export const KNOWN_CODES = [
  "AccessDenied",
  "InvalidAuthenticationCode",
  "EntityAlreadyExists",
  "DeleteConflict",
  "LimitExceeded",
  "EntityTemporarilyUnmodifiable",
  "NoSuchEntity",
  "PasswordPolicyViolation",
  "InvalidClientTokenId",
  "ExpiredToken",
  "NoCredentials",
  "Throttling",
  "NetworkError",
  "ServiceFailure",
  "InvalidParameter",
  "BucketAlreadyExists",
  "InsufficientS3BucketPolicy",
  "Unknown",
] as const;

export type ErrorCode = (typeof KNOWN_CODES)[number];

export interface AccountFailure {
  code: ErrorCode;
  /** The IAM/STS/CloudTrail action, e.g. "iam:GetAccountSummary". */
  action: string;
}

export class AccountError extends Error {
  readonly code: ErrorCode;
  readonly action: string;
  constructor(code: ErrorCode, action: string, detail?: string) {
    super(`${code} on ${action}${detail ? `: ${detail}` : ""}`);
    this.name = "AccountError";
    this.code = code;
    this.action = action;
  }
  toFailure(): AccountFailure {
    return { code: this.code, action: this.action };
  }
}

/** Turns anything thrown into a typed failure; unknown errors keep only the action, never their text. */
export function toFailure(error: unknown, action: string): AccountFailure {
  if (error instanceof AccountError) return error.toFailure();
  return { code: "Unknown", action };
}

export function isAccountError(error: unknown, code?: ErrorCode): error is AccountError {
  return error instanceof AccountError && (code === undefined || error.code === code);
}

/**
 * Failures after which a write may or may not have been carried out (AWS answered 5xx, the connection dropped,
 * or the answer never came): the account must be read before the write is sent again.
 */
export function outcomeUnknown(code: ErrorCode): boolean {
  return code === "ServiceFailure" || code === "NetworkError" || code === "Unknown";
}

export interface RecordedWrite {
  call: string;
  /** The parameters as the call would send them; never a secret (codes are not recorded). */
  params: Record<string, string>;
  at: Date;
}

/** What every write answers in a dry run: the screens show "would call …" and move on. */
export class DryRunWrite extends Error {
  readonly write: RecordedWrite;
  constructor(write: RecordedWrite) {
    super(`dry run: ${write.call} not sent`);
    this.name = "DryRunWrite";
    this.write = write;
  }
}

/** A read whose NoSuchEntity is an answer ("there is none"), not a failure. */
export async function noneIfAbsent<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isAccountError(error, "NoSuchEntity")) return undefined;
    throw error;
  }
}
