// Whether the AWS SDK would find credentials, decided without loading the SDK (it costs ~0.1 s): the
// environment variables and shared files of the SDK's default chain. Instance and container roles are
// seen only through their environment variables; an EC2 instance role alone is not detected here.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const CREDENTIAL_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_PROFILE",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
];

export function credentialsFound(env: NodeJS.ProcessEnv, home = homedir()): boolean {
  if (CREDENTIAL_VARIABLES.some((name) => env[name])) return true;
  const files = [env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, ".aws", "credentials"), env.AWS_CONFIG_FILE ?? join(home, ".aws", "config")];
  return files.some((file) => existsSync(file) && /^\s*\[[^\]]+\]/m.test(readFileSync(file, "utf8")));
}
