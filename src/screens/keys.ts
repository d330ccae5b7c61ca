// The keyboard map: every screen uses these, so Enter, Esc, s, q and ? mean the same everywhere.
import { type Key, useInput } from "ink";
import { useCallback, useRef } from "react";

export const isContinue = (_input: string, key: Key) => key.return;
export const isBack = (_input: string, key: Key) => key.escape;
export const isSkip = (input: string, key: Key) => input === "s" && !key.ctrl && !key.meta;
export const isQuit = (input: string, key: Key) => input === "q" && !key.ctrl && !key.meta;
export const isHelp = (input: string) => input === "?";
export const isInterrupt = (input: string, key: Key) => key.ctrl && input === "c";
export const isRetry = (input: string, key: Key) => input === "r" && !key.ctrl && !key.meta;
/** Opens the simulated console stand-in (demo only). */
export const isOpenStandIn = (input: string, key: Key) => input === "c" && !key.ctrl && !key.meta;
/** Shows a secret key as text, where a QR code is shown. Ctrl-K, because the code fields beside the QR take letters (to refuse them clearly). */
export const isShowSecret = (input: string, key: Key) => input === "k" && key.ctrl;

const plainKey = (letter: string) => (input: string, key: Key) => input === letter && !key.ctrl && !key.meta;
/** Alerts: turn "alert on every root API call" on or off. */
export const isToggleApiCalls = plainKey("a");
/** Alerts: the API-call rule also takes read-only calls (or write calls only). */
export const isToggleReadOnly = plainKey("r");
/** Alerts, when the account's own alerts are already in place: add rootlock's own anyway. */
export const isAddOwnAlerts = plainKey("a");
/** Alerts: create the trail, or set up rules that cannot fire until a trail exists. */
export const isToggleTrail = plainKey("t");
/** Alerts, on the result: send a test message through the topic. */
export const isSendTest = plainKey("t");
/** Alerts: open the simulated mailbox and click the confirmation link (demo only). */
export const isOpenMailbox = plainKey("m");
/** A plan of several calls: approve this call and every one after it (a deletion still asks on its own). */
export const isApproveAll = plainKey("a");
/** A yes/no question (the fire drill after the sign-in test). */
export const isYes = plainKey("y");
export const isNo = plainKey("n");
/** Root MFA: choose another device name than the suggested one. */
export const isChangeName = plainKey("n");

type KeyHandler = (input: string, key: Key) => void;

/**
 * Ink's useInput, always calling the handler of the latest render. Ink re-subscribes a new handler only after
 * React commits, so a key pressed right after a frame appears could reach the previous screen's handler;
 * through a ref, the frame on screen and the handler that answers its keys are always the same render's.
 */
export function useKeys(handler: KeyHandler, options?: { isActive?: boolean }): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback<KeyHandler>((input, key) => latest.current(input, key), []);
  useInput(stable, options);
}
