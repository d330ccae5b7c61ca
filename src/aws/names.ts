// AWS's naming rules for what rootlock names, each once: the steps check a name before they send it, the console
// stand-in checks what is typed into it, and the simulated account refuses a bad name as AWS does. Plain data, no
// SDK. Sources: the IAM API model (botocore 1.43 iam/2010-05-08 service-2.json: virtualMFADeviceName min 1, pattern
// `[\w+=,.@-]+`, no maximum; serialNumberType 9–256; userNameType 1–64; groupNameType 1–128), SNS CreateTopic
// ("1 to 256 … letters, numbers, underscores, and hyphens"), EventBridge PutRule (Name: 1–64, `[\.\-_A-Za-z0-9]+`),
// S3 bucket naming rules (3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or
// digit).

/**
 * A virtual MFA device's name: the model sets no maximum, but the device's serial `arn:aws:iam::ACCOUNT:mfa/NAME`
 * is a serialNumberType of at most 256 characters, which leaves 226 for the name (30 for the rest).
 */
const DEVICE_NAME_MAX = 226;
/**
 * The name the root user types into the console's "Device name" field, which rootlock asks for first: up to 128, as
 * rootlock's text field and the stand-in's hint say (the console's own limit is not confirmed against an AWS page
 * here; the API would take up to DEVICE_NAME_MAX).
 */
export const CONSOLE_DEVICE_NAME_MAX = 128;

const DEVICE_NAME_CHARS = /^[\w+=,.@-]+$/;

export function isDeviceName(name: string, max = DEVICE_NAME_MAX): boolean {
  return name.length <= max && DEVICE_NAME_CHARS.test(name);
}

export const USER_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
export const GROUP_NAME_PATTERN = /^[\w+=,.@-]{1,128}$/;
export const TOPIC_NAME_PATTERN = /^[\w-]{1,256}$/;
export const RULE_NAME_PATTERN = /^[.\-_A-Za-z0-9]{1,64}$/;
export const BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
