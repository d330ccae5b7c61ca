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

/** The two shared files the SDK reads profiles from, as it finds them (environment first, then ~/.aws). */
export function sharedFiles(env: NodeJS.ProcessEnv, home = homedir()): { config: string; credentials: string } {
  return {
    config: env.AWS_CONFIG_FILE ?? join(home, ".aws", "config"),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, ".aws", "credentials"),
  };
}

/**
 * Whether a profile of this name is written in either shared file: `[profile NAME]` or `[NAME]` (quotes
 * allowed). Lenient on purpose (a section in the wrong file still counts): it exists to refuse a mistyped
 * --profile with a message naming it, instead of letting every AWS call fail with "no credentials"; the SDK
 * has the last word on what the profile holds.
 */
export function profileDefined(name: string, env: NodeJS.ProcessEnv, home = homedir()): boolean {
  const { config, credentials } = sharedFiles(env, home);
  const header = /^\s*\[\s*(?:profile\s+)?(["']?)([^\]"']+)\1\s*\]/gm;
  return [config, credentials].some((file) => {
    if (!existsSync(file)) return false;
    for (const m of readFileSync(file, "utf8").matchAll(header)) if (m[2]!.trim() === name) return true;
    return false;
  });
}
