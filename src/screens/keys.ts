// The keyboard map: every key rootlock answers to, by name. A screen declares the keys it takes at this
// moment (`useKeys({ continue: …, back: … })`); the same declaration routes the key and names it in the
// footer and the ? help (labels: `t.app.keys`, en and ko), so a key that works is always a key on screen.
import type { Key } from "ink";
import { useLayoutEffect, useRef } from "react";
import { useKeyboard } from "./keyboard.js";

export type KeyHandler = (input: string, key: Key) => void;

interface KeyDef {
  matches: (input: string, key: Key) => boolean;
  /** A plain character: typed into a text field while one has the keyboard, so not a command then. */
  printable: boolean;
}

const letter = (ch: string): KeyDef => ({ matches: (input, key) => input === ch && !key.ctrl && !key.meta, printable: true });
const named = (matches: KeyDef["matches"]): KeyDef => ({ matches, printable: false });

/**
 * Every key, in the order the footer and the help list them. Two names may share a key when no screen
 * offers both at once (alerts: `a` adds rootlock's alerts on one page, toggles the API-call rule on the next).
 */
export const KEYMAP = {
  continue: named((_i, key) => key.return),
  back: named((_i, key) => key.escape),
  /** A confirmation panel: make the change shown, and decline it (Enter and Esc, named for what they do there). */
  confirm: named((_i, key) => key.return),
  notNow: named((_i, key) => key.escape),
  /** The simulated console's delete prompt: delete the key whose id was typed. */
  deleteTyped: named((_i, key) => key.return),
  // Enter and Esc where they mean something else than going on and going back, each named for what it does there
  // (one meaning a key on a screen: the footer says it, the page does not say it again).
  /** A visible wait for AWS: stop waiting (the step is recorded as not verified). */
  stopWaiting: named((_i, key) => key.escape),
  /** A console step done but not seen by AWS: back to the console steps, to check again. */
  checkAgain: named((_i, key) => key.escape),
  /** Root MFA's device name page: use the name typed, or keep the previous one. */
  useName: named((_i, key) => key.return),
  keepName: named((_i, key) => key.escape),
  /** The fire drill's question: go on without an answer (recorded as not checked). */
  notChecked: named((_i, key) => key.return),
  /** The summary: end the run. */
  exit: named((_i, key) => key.return),
  /** The other code field (Tab). */
  otherField: named((_i, key) => key.tab),
  /** Up and down: pick a row (the simulated console's key list). */
  select: named((_i, key) => key.upArrow || key.downArrow),
  skip: letter("s"),
  retry: letter("r"),
  /** Opens the simulated console stand-in (demo only). */
  openStandIn: letter("c"),
  /** Shows a secret key as text, where a QR code is shown. Ctrl-K, because the code fields beside the QR take letters. */
  showSecret: named((input, key) => input === "k" && key.ctrl),
  /** Shows the QR code alone, covering the page, where the terminal cannot hold it beside the code fields (80x24). */
  showQr: named((input, key) => input === "r" && key.ctrl),
  /** Leaves the QR code shown alone, back to the code fields (Ctrl-R too: the same key toggles). */
  typeCodes: named((input, key) => key.return || (input === "r" && key.ctrl)),
  /** Root MFA: choose another device name than the suggested one. */
  changeName: letter("n"),
  /** Admin identity, when an admin exists: create another one anyway. */
  newAdmin: letter("n"),
  /** Alerts, when the account's own alerts are already in place: add rootlock's own anyway. */
  addOwnAlerts: letter("a"),
  /** Alerts: turn "alert on every root API call" on or off. */
  toggleApiCalls: letter("a"),
  /** Alerts: the API-call rule also takes read-only calls (or write calls only). */
  toggleReadOnly: letter("r"),
  /** Alerts: create the trail, or set up rules that cannot fire until a trail exists. */
  toggleTrail: letter("t"),
  /** Alerts, on the result: send a test message through the topic. */
  sendTest: letter("t"),
  /** Alerts: add, change or remove the webhook (Slack or any HTTPS webhook); on the result, send it a test message. */
  webhook: letter("w"),
  /** Alerts: open the simulated mailbox and click the confirmation link (demo only). */
  openMailbox: letter("m"),
  /** A plan of several calls: approve this call and every one after it (a deletion still asks on its own). */
  approveAll: letter("a"),
  /** A yes/no question (the fire drill after the sign-in test). */
  yes: letter("y"),
  no: letter("n"),
  /** The simulated console's key list: deactivate, activate, delete the selected key. */
  deactivateKey: letter("d"),
  activateKey: letter("a"),
  deleteKey: letter("x"),
  /** `rootlock org`: send the call (or the whole plan) shown; and do not. */
  send: letter("y"),
  decline: letter("n"),
  /** `rootlock org`'s plan: confirm it account by account instead of at once. */
  eachAccount: letter("e"),
  quit: letter("q"),
  help: letter("?"),
  interrupt: named((input, key) => key.ctrl && input === "c"),
} satisfies Record<string, KeyDef>;

export type KeyName = keyof typeof KEYMAP;
export const KEY_NAMES = Object.keys(KEYMAP) as KeyName[];

/** What a screen does with each key it takes now; a key it leaves out is not taken (and not shown). */
export type Bindings = Partial<Record<KeyName, KeyHandler | false | undefined>>;

export const isPrintable = (name: KeyName) => KEYMAP[name].printable;

const ENTER = { return: true } as Key;
/** The names Enter answers to (continue; typeCodes, on the QR code shown alone): a screen offers one at a time. */
export const ENTER_NAMES: readonly KeyName[] = KEY_NAMES.filter((name) => KEYMAP[name].matches("\r", ENTER));

/**
 * What Enter would do on a screen whose active declarations are these: one meaning, or none. More than one (a
 * confirmation panel while the page's own Enter is live, code fields beside the QR code's own Enter) is a bug: each
 * declaration that takes the key acts on it.
 */
export const enterMeanings = (declarations: readonly { names: readonly KeyName[] }[]): KeyName[] =>
  declarations.flatMap((d) => d.names.filter((name) => ENTER_NAMES.includes(name)));

/** The keys a declaration offers, in the map's order. */
export const offered = (bindings: Bindings): KeyName[] => KEY_NAMES.filter((name) => !!bindings[name]);

/** The first offered key that this keypress is. */
export function keyFor(bindings: Bindings, input: string, key: Key): KeyName | undefined {
  return offered(bindings).find((name) => KEYMAP[name].matches(input, key));
}

/** A plain character, as a text field takes it (not Enter, Esc, Tab, arrows, Backspace, Ctrl or Alt). */
export function isTypedText(input: string, key: Key): boolean {
  if (key.return || key.escape || key.tab || key.backspace || key.delete || key.ctrl || key.meta) return false;
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end) return false;
  return input.length > 0;
}

interface Options {
  isActive?: boolean;
  /**
   * A text field: the keys no binding takes (characters, Backspace) come here, and while it is active plain
   * characters are typed, not taken as commands by any screen (q, s, ? …).
   */
  typing?: KeyHandler;
}

/**
 * Takes the declared keys while active. The handler that answers is always the latest render's, and the
 * declaration is registered when React commits the frame it belongs to: a key that follows a frame at once (in
 * the same burst) reaches that frame's keys, never the previous screen's.
 */
export function useKeys(bindings: Bindings, { isActive = true, typing }: Options = {}): void {
  const keyboard = useKeyboard();
  const latest = useRef({ bindings, typing });
  latest.current = { bindings, typing };
  const names = offered(bindings);
  const signature = names.join(" ");
  const text = !!typing;

  const handle = useRef<KeyHandler>((input, key) => {
    const { bindings: b, typing: type } = latest.current;
    const name = keyFor(b, input, key);
    if (name) return (b[name] as KeyHandler)(input, key);
    type?.(input, key);
  });

  useLayoutEffect(() => {
    if (!isActive) return;
    return keyboard.register({ handle: handle.current, names: signature ? (signature.split(" ") as KeyName[]) : [], text });
  }, [keyboard, isActive, signature, text]);
}
