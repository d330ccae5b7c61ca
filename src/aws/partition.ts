// AWS partitions: the standard one (aws), China (aws-cn) and GovCloud (aws-us-gov). Every ARN rootlock builds, and
// the region where root's events arrive, follow the partition of the account it works on. Plain functions, no SDK:
// steps and adapters both use them.

export type Partition = "aws" | "aws-cn" | "aws-us-gov";

/** The partition of an ARN (`arn:PARTITION:service:…`); "aws" when the text is not an ARN. */
export function partitionOf(arn: string): Partition {
  const p = arn.startsWith("arn:") ? arn.split(":")[1] : undefined;
  return p === "aws-cn" || p === "aws-us-gov" ? p : "aws";
}

/** The partition a region belongs to (cn-north-1 → aws-cn, us-gov-west-1 → aws-us-gov, anything else → aws). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/**
 * Where IAM's and the console sign-in's CloudTrail events are recorded, so where the alert rules, their topic and
 * the sign-in lookups must be: the region that serves IAM in the partition.
 * - aws: us-east-1 (CloudTrail User Guide: global service events "are recorded in … us-east-1"; aws-facts §6, §7.1).
 * - aws-us-gov: us-gov-west-1, the GovCloud region IAM is served from (iam.us-gov.amazonaws.com signs in
 *   us-gov-west-1). NOT confirmed against an AWS page here: the search found none that names the region of
 *   GovCloud's global service events.
 * - aws-cn: cn-north-1 (Beijing), the China region IAM is served from (iam.cn-north-1.amazonaws.com.cn). NOT
 *   confirmed against an AWS page here either.
 */
export function alertsRegionFor(partition: Partition): string {
  switch (partition) {
    case "aws-us-gov":
      return "us-gov-west-1";
    case "aws-cn":
      return "cn-north-1";
    default:
      return "us-east-1";
  }
}

/** The account id in an ARN (`arn:p:service:region:ACCOUNT:…`); "" when it has none. */
export function accountOf(arn: string): string {
  const parts = arn.split(":");
  return arn.startsWith("arn:") && parts.length > 5 ? (parts[4] ?? "") : "";
}
