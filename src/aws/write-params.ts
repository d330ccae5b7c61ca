// The parameters of a write as AWS's API names them, in one place: the dry run prints them, the journal records
// them for the evidence report, and the step's planned actions show the same. Nothing here is a secret.
import type { PasswordPolicy, RuleState, RuleTarget } from "./account.js";

/** UpdateAccountPasswordPolicy's parameters: the whole policy, as the real adapter sends it. */
export function passwordPolicyParams(policy: PasswordPolicy): Record<string, string> {
  return {
    MinimumPasswordLength: String(policy.minimumPasswordLength),
    RequireSymbols: String(policy.requireSymbols),
    RequireNumbers: String(policy.requireNumbers),
    RequireUppercaseCharacters: String(policy.requireUppercaseCharacters),
    RequireLowercaseCharacters: String(policy.requireLowercaseCharacters),
    AllowUsersToChangePassword: String(policy.allowUsersToChangePassword),
    // Left out when unset, as the real call leaves them out (AWS then means: never expire / reuse allowed).
    ...(policy.maxPasswordAge !== undefined && { MaxPasswordAge: String(policy.maxPasswordAge) }),
    ...(policy.passwordReusePrevention !== undefined && { PasswordReusePrevention: String(policy.passwordReusePrevention) }),
    HardExpiry: String(policy.hardExpiry),
  };
}

/** The alerts writes. */
export const writeParams = {
  createTopic: (name: string) => ({ Name: name }),
  setTopicPolicy: (topicArn: string, policy: string) => ({ TopicArn: topicArn, AttributeName: "Policy", AttributeValue: policy }),
  subscribeEmail: (topicArn: string, email: string) => ({ TopicArn: topicArn, Protocol: "email", Endpoint: email }),
  publish: (topicArn: string, subject: string, message: string) => ({ TopicArn: topicArn, Subject: subject, Message: message }),
  putEventRule: (name: string, pattern: string, description: string, state: RuleState) => ({ Name: name, EventPattern: pattern, State: state, Description: description }),
  putRuleTarget: (rule: string, target: RuleTarget) => ({
    Rule: rule,
    Id: target.id,
    Arn: target.arn,
    ...(target.inputTemplate ? { InputPathsMap: JSON.stringify(target.inputPathsMap ?? {}), InputTemplate: target.inputTemplate } : {}),
  }),
  createBucket: (bucket: string) => ({ Bucket: bucket }),
  putBucketPolicy: (bucket: string, policy: string) => ({ Bucket: bucket, Policy: policy }),
  createTrail: (name: string, bucket: string) => ({ Name: name, S3BucketName: bucket, IsMultiRegionTrail: "true", IncludeGlobalServiceEvents: "true" }),
  startLogging: (trailName: string) => ({ Name: trailName }),
} satisfies Record<string, (...args: never[]) => Record<string, string>>;
