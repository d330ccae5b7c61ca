// Evidence in words. A step says what it read as a phrase of the catalogue's `evidence` section (its name and
// values), not as a finished sentence: the English rendering is the stable text of the JSON, the tests and the
// default; a screen or a report in another language renders the same phrase with its own catalogue, at the edge.
// Steps depend on the English phrases only (i18n/evidence-en.ts, a fixed default), never on the run's language.
import { evidenceEn, type EvidenceWords } from "../i18n/evidence-en.js";

export type { EvidenceWords };
type Key = keyof EvidenceWords;

/** A value of a phrase: plain, or a phrase of its own (rendered first, in the same language), or a list of them. */
type Arg<T> = T extends string ? T | Phrase | Phrase[] : T;
type Args<F> = F extends (...a: infer P) => string ? { [I in keyof P]: Arg<P[I]> } : never;

export type Phrase = { [K in Key]: { key: K; args: Args<EvidenceWords[K]> } }[Key];

export function phrase<K extends Key>(key: K, ...args: Args<EvidenceWords[K]>): Phrase {
  return { key, args } as Phrase;
}

const isPhrase = (v: unknown): v is Phrase => typeof v === "object" && v !== null && "key" in v && "args" in v;

/** The phrase in `words` (a catalogue's evidence section); English by default. Lists are joined with "; ". */
export function say(p: Phrase, words: EvidenceWords = evidenceEn): string {
  const args = (p.args as unknown[]).map((a) => (Array.isArray(a) ? a.map((x: Phrase) => say(x, words)).join(words.separator) : isPhrase(a) ? say(a, words) : a));
  return (words[p.key] as (...a: unknown[]) => string)(...args);
}

/** A read's text in `words`: its phrase where it has one, else its English text as it was read. */
export function sayRead(e: { read: string; said?: Phrase }, words: EvidenceWords = evidenceEn): string {
  return e.said ? say(e.said, words) : e.read;
}

/** The fields of an evidence line from a phrase: `read` in English, `said` for the run's language. */
export function reads(p: Phrase): { read: string; said: Phrase } {
  return { read: say(p), said: p };
}

/** Where a read came from when it is not an AWS call: rootlock's own records and the operator's word (English: the JSON's). */
export const SOURCES = evidenceEn.sources;

/** A source in `words`: rootlock's own labels are said in the run's language; an AWS action stays as AWS names it. */
export function saySource(source: string, words: EvidenceWords = evidenceEn): string {
  const key = (Object.keys(SOURCES) as (keyof typeof SOURCES)[]).find((k) => SOURCES[k] === source);
  return key ? words.sources[key] : source;
}
