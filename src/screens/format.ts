// Dates and times as the operator reads them, in their language (Node ships full ICU).
import type { Lang } from "../i18n/index.js";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];

/** "3 days ago" / "3일 전". */
export function formatRelative(at: Date, now: Date, lang: Lang): string {
  const diff = at.getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === "second") return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, "second");
}

/** 2026-11-19 (UTC): dates in tables are the same on every machine, and match what AWS shows. */
export function formatDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** 14:05:20 UTC */
export function formatTime(at: Date): string {
  return `${at.toISOString().slice(11, 19)} UTC`;
}
