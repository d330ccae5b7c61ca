// A read that may fail without failing the whole audit: its value, or AWS's error code and the action refused.
import { AccountError } from "../aws/errors.js";

export type Read<T> = { ok: true; value: T } | { ok: false; code: string; action: string };

export async function read<T>(run: () => Promise<T>, action: string): Promise<Read<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, code: error instanceof AccountError ? error.code : "Unknown", action: error instanceof AccountError ? error.action : action };
  }
}
