// The credential report's `<root_account>` row. Values come in any letter case ("TRUE", "true"), dates as
// ISO 8601, and "N/A", "no_information" or "not_supported" where there is nothing to say.
import type { AccessKeyLastUse, RootCredentialReport } from "../account.js";

function cells(line: string): string[] {
  // The report is plain CSV without quoted commas in the root row; split simply.
  return line.split(",").map((c) => c.trim());
}

function date(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const truthy = (value: string | undefined) => value?.toLowerCase() === "true";
const known = (value: string | undefined) => (value && !/^(n\/a|not_supported|no_information)$/i.test(value) ? value : "N/A");

export function parseRootReportRow(csv: string, generatedAt: Date): RootCredentialReport {
  const lines = csv.split(/\r?\n/).filter((l) => l.length > 0);
  const header = cells(lines[0] ?? "");
  const row = lines
    .slice(1)
    .map(cells)
    .find((c) => c[0] === "<root_account>");
  const get = (column: string) => (row ? row[header.indexOf(column)] : undefined);
  const keys: RootCredentialReport["keys"] = [];
  for (const slot of [1, 2] as const) {
    const rotated = date(get(`access_key_${slot}_last_rotated`));
    const active = truthy(get(`access_key_${slot}_active`));
    // A slot with no key says false and N/A everywhere.
    if (!active && !rotated) continue;
    const usedAt = date(get(`access_key_${slot}_last_used_date`));
    const lastUsed: AccessKeyLastUse | undefined = usedAt
      ? { at: usedAt, service: known(get(`access_key_${slot}_last_used_service`)), region: known(get(`access_key_${slot}_last_used_region`)) }
      : undefined;
    keys.push({ slot, active, lastRotated: rotated, lastUsed });
  }
  return { generatedAt, mfaActive: truthy(get("mfa_active")), passwordLastUsed: date(get("password_last_used")), keys };
}
