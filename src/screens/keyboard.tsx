// The one listener to the terminal's keys.
//
// A terminal delivers keys typed fast (or a held Backspace, or a paste) in one chunk, and Ink 6 hands such a
// chunk to useInput as one `input` string ("\x7f\x7f\x7f", "abc\r", "\r\r\r") with no key flag set: read as
// one key it would insert invisible characters and lose the Enters. Here every chunk that holds several keys
// is split, and each key is sent through Ink again on its own, one at a time, after React has drawn what the
// key before it did: the keys of a burst act exactly as if they had been pressed one by one, and a key that
// follows an Enter reaches the field or screen that Enter led to.
//
// Each key also carries when its chunk arrived, the quiet before that chunk, and whether the chunk held it alone
// (`Arrival`): a confirmation panel takes Enter only when it was pressed on purpose, after the panel was seen
// (confirm-guard.ts), never a held Enter's repeats or the rest of a burst.
//
// Screens do not subscribe to Ink themselves: they register what they take (`useKeys`, in keys.ts) when React
// commits the frame, so the registry is always the frame on screen's. Ink subscribes its listeners only after
// the frame (a passive effect), which is too late for the next key of a burst.
import type { EventEmitter } from "node:events";
import { type Key, useInput, useStdin } from "ink";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useReducer, useSyncExternalStore } from "react";
import { enterMeanings, isPrintable, isTypedText, KEY_NAMES, type KeyHandler, type KeyName } from "./keys.js";

const ESC = "\u001b";

/**
 * The keys in one chunk from the terminal. Ink has already cut escape sequences (arrows, Alt-x) into chunks of
 * their own, so a chunk of several characters is several keys. CR LF (a Windows paste) is one Enter, and a
 * line feed inside a burst (a pasted line) is Enter too.
 */
export function splitKeys(chunk: string): string[] {
  if (chunk.startsWith(ESC)) return [chunk];
  const chars = Array.from(chunk);
  if (chars.length <= 1) return [chunk];
  return Array.from(chunk.replace(/\r\n/g, "\r")).map((ch) => (ch === "\n" ? "\r" : ch));
}

/** When and how a key reached rootlock. */
export interface Arrival {
  /** When its chunk arrived (performance.now(), ms). */
  at: number;
  /** Milliseconds between the chunk before and its chunk (Infinity for the first). */
  quiet: number;
  /** Its chunk held this key only: not a burst (keys typed faster than rootlock reads, a paste, a held key's repeats that piled up). */
  alone: boolean;
}

/** The clock arrivals are stamped with: monotonic, so a change of the wall clock cannot make a key look late. */
export const keyClock = () => performance.now();

export interface KeyEntry {
  handle: KeyHandler;
  names: KeyName[];
  /** A text field with the keyboard. */
  text: boolean;
}

export interface Offered {
  /** Every key offered on the screen now, by every active declaration, in the keyboard map's order. */
  names: KeyName[];
  /** A text field has the keyboard: plain characters are typed, and q / ? / s are letters. */
  text: boolean;
}

export class Keyboard {
  /**
   * Told when a screen, once drawn, gives Enter more than one meaning (keys.ts `enterMeanings`). The tests that walk
   * every screen set it and fail on any call; nothing listens in a run (the screen on hand cannot be changed then).
   */
  static onTwoMeaningsOfEnter: ((names: KeyName[]) => void) | undefined;

  private entries: KeyEntry[] = [];
  private queue: { key: string; arrival: Arrival }[] = [];
  /** When the last chunk arrived from the terminal. */
  private lastAt = Number.NEGATIVE_INFINITY;
  /** The key being delivered now, as it arrived. */
  private currentArrival: Arrival = { at: Number.NEGATIVE_INFINITY, quiet: 0, alone: false };
  /** Set while a key of a burst is sent through Ink again, so that it is delivered, not split. */
  private replaying = false;
  /** Whether the chunk Ink is delivering now was taken apart (its keys follow one by one). */
  private swallow = false;
  private listeners = new Set<() => void>();
  private snapshot: Offered = { names: [], text: false };

  constructor(private readonly emitter: EventEmitter) {}

  /** Listens to every chunk before Ink's useInput does (a prepended listener). */
  attach(): () => void {
    const onChunk = (chunk: string) => this.onChunk(chunk);
    this.emitter.prependListener("input", onChunk);
    return () => void this.emitter.off("input", onChunk);
  }

  private onChunk(chunk: string): void {
    if (this.replaying) return void (this.swallow = false);
    const at = keyClock();
    const keys = splitKeys(chunk);
    const arrival: Arrival = { at, quiet: at - this.lastAt, alone: keys.length === 1 };
    this.lastAt = at;
    // One key, and no burst still being played: Ink delivers it as it is.
    if (keys.length === 1 && this.queue.length === 0) {
      this.currentArrival = arrival;
      return void (this.swallow = false);
    }
    this.swallow = true;
    const idle = this.queue.length === 0;
    this.queue.push(...keys.map((key) => ({ key, arrival })));
    if (idle) setImmediate(this.replayNext);
  }

  /**
   * Sends the next key of a burst through Ink, which parses it as the single key it is and delivers it as it
   * would a key pressed alone. Then it asks the provider for a frame, and the next key waits until React has
   * committed it (`framed`, from the provider's layout effect): the frame the key led to, and the keys that
   * frame takes, are in place before the next key arrives. (React 19 renders in a task of its own, later than
   * a setImmediate or a microtask from here, so waiting a fixed turn of the event loop is not enough.) A chunk
   * the terminal sends meanwhile waits in the queue, behind the burst.
   */
  private replayNext = () => {
    const next = this.queue.shift();
    if (next === undefined) return;
    this.replaying = true;
    this.currentArrival = next.arrival;
    try {
      this.emitter.emit("input", next.key);
    } finally {
      this.replaying = false;
    }
    if (this.queue.length > 0) this.requestFrame();
  };

  /** Set by the provider: a state change of its own, so that a frame is committed even if the key changed nothing. */
  requestFrame: () => void = () => setImmediate(this.replayNext);

  /** The provider committed a frame: the next key of a burst may go. */
  framed(): void {
    if (this.queue.length > 0) setImmediate(this.replayNext);
  }

  /** How the key being delivered now arrived (read by a handler while it runs). */
  arrival(): Arrival {
    return this.currentArrival;
  }

  /** When the terminal last sent anything. */
  lastArrival(): number {
    return this.lastAt;
  }

  /** A key from Ink's useInput: to every active declaration, unless it was the chunk of a burst. */
  deliver(input: string, key: Key): void {
    if (this.swallow) return;
    const entries = [...this.entries];
    const typing = entries.some((e) => e.text);
    for (const entry of entries) {
      // While a text field has the keyboard, a character is typed, never a command elsewhere.
      if (typing && !entry.text && isTypedText(input, key)) continue;
      entry.handle(input, key);
    }
  }

  register(entry: KeyEntry): () => void {
    this.entries.push(entry);
    this.changed();
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
      this.changed();
    };
  }

  private changed(): void {
    const text = this.entries.some((e) => e.text);
    const declared = new Set(this.entries.flatMap((e) => e.names));
    const names = KEY_NAMES.filter((name) => declared.has(name) && !(text && isPrintable(name)));
    this.snapshot = { names, text };
    for (const listener of this.listeners) listener();
    // Checked once the frame has settled: React commits a layout effect's state change (a view covering the page)
    // before anything else runs, and one declaration may be dropped in it as another comes.
    if (Keyboard.onTwoMeaningsOfEnter) queueMicrotask(() => this.checkEnter());
  }

  private checkEnter(): void {
    const meanings = enterMeanings(this.entries);
    if (meanings.length > 1) Keyboard.onTwoMeaningsOfEnter?.(meanings);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  offered = (): Offered => this.snapshot;
}

const KeyboardContext = createContext<Keyboard | undefined>(undefined);

/** Around everything that takes keys (the app, or a screen in a test). */
export function KeyboardProvider({ children }: { children: ReactNode }) {
  const { internal_eventEmitter: emitter } = useStdin();
  const keyboard = useMemo(() => new Keyboard(emitter), [emitter]);
  const [frame, nextFrame] = useReducer((n: number) => n + 1, 0);
  keyboard.requestFrame = nextFrame;
  // Children's layout effects run first: the keys of the new frame are registered when this one runs.
  useLayoutEffect(() => {
    if (frame > 0) keyboard.framed();
  }, [keyboard, frame]);
  useEffect(() => keyboard.attach(), [keyboard]);
  useInput(useCallback((input: string, key: Key) => keyboard.deliver(input, key), [keyboard]));
  return <KeyboardContext.Provider value={keyboard}>{children}</KeyboardContext.Provider>;
}

export function useKeyboard(): Keyboard {
  const keyboard = useContext(KeyboardContext);
  if (!keyboard) throw new Error("useKeys needs a <KeyboardProvider> around it");
  return keyboard;
}

/** The keys offered on screen now (for the footer and the help), redrawn when they change. */
export function useOffered(): Offered {
  const keyboard = useKeyboard();
  return useSyncExternalStore(keyboard.subscribe, keyboard.offered);
}
