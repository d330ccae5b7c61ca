// From what the AWS SDK throws to rootlock's typed failures. The SDK names modelled errors with an
// "Exception" suffix (NoSuchEntityException) and unmodelled ones by their wire code (AccessDenied,
// InvalidClientTokenId); network failures carry a Node error code instead. The SDK's own message is kept
// out of what the operator sees (it can be long, and is never needed to decide what to do next).
import { AccountError, type ErrorCode, KNOWN_CODES } from "../errors.js";

const ALIASES: Record<string, ErrorCode> = {
  AccessDeniedException: "AccessDenied",
  UnauthorizedOperation: "AccessDenied",
  ThrottlingException: "Throttling",
  TooManyRequestsException: "Throttling",
  RequestLimitExceeded: "Throttling",
  ServiceUnavailable: "ServiceFailure",
  InternalFailure: "ServiceFailure",
  InternalError: "ServiceFailure",
  ExpiredTokenException: "ExpiredToken",
  RequestExpired: "ExpiredToken",
  UnrecognizedClientException: "InvalidClientTokenId",
  SignatureDoesNotMatch: "InvalidClientTokenId",
  CredentialsProviderError: "NoCredentials",
  TokenProviderError: "ExpiredToken",
  // SNS, EventBridge, S3 and CloudTrail name the same kinds of refusal their own way.
  InvalidParameterException: "InvalidParameter",
  InvalidParameterValueException: "InvalidParameter",
  ValidationException: "InvalidParameter",
  InvalidEventPatternException: "InvalidParameter",
  InvalidS3BucketNameException: "InvalidParameter",
  AuthorizationErrorException: "AccessDenied",
  TrailAlreadyExistsException: "EntityAlreadyExists",
  ResourceAlreadyExistsException: "EntityAlreadyExists",
  BucketAlreadyOwnedByYou: "EntityAlreadyExists",
  S3BucketDoesNotExistException: "NoSuchEntity",
  NotFoundException: "NoSuchEntity",
  ResourceNotFoundException: "NoSuchEntity",
  TrailNotFoundException: "NoSuchEntity",
  // "AccountID in ARN is wrong": the trail is another account's, so not one this caller can find.
  CloudTrailARNInvalidException: "NoSuchEntity",
  NoSuchBucket: "NoSuchEntity",
  InsufficientS3BucketPolicyException: "InsufficientS3BucketPolicy",
  InsufficientSnsTopicPolicyException: "InvalidParameter",
};

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "ENETUNREACH", "EHOSTUNREACH"]);

export function errorCodeOf(error: unknown): ErrorCode {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  const name = e?.name ?? "";
  const bare = name.endsWith("Exception") ? name.slice(0, -"Exception".length) : name;
  if ((KNOWN_CODES as readonly string[]).includes(name)) return name as ErrorCode;
  if ((KNOWN_CODES as readonly string[]).includes(bare)) return bare as ErrorCode;
  if (ALIASES[name]) return ALIASES[name];
  if (name === "TimeoutError" || (e?.code && NETWORK_CODES.has(e.code))) return "NetworkError";
  const status = e?.$metadata?.httpStatusCode;
  if (status && status >= 500) return "ServiceFailure";
  return "Unknown";
}

export function toAccountError(error: unknown, action: string): AccountError {
  if (error instanceof AccountError) return error;
  return new AccountError(errorCodeOf(error), action);
}
