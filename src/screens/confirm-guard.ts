// A confirmation counts only when the operator pressed its key on purpose, on the panel they saw.
//
// A terminal sends no key-up: a held Enter is a stream of Enters (the first repeat after an initial delay of
// 250–660 ms — 660 is X11's default, 500 Windows' and GNOME's — then 25–40 a second, about 11 on macOS's
// default), and Enters typed fast arrive in one chunk. Each of them would otherwise confirm whatever panel the
// Enter before it led to: a write the operator never saw. So a confirming key counts only when all of these hold:
//
// - its chunk held it alone: a burst is keys typed before rootlock could draw what the first of them led to;
// - the panel had been on screen SEEN_MS before it arrived: 300 ms, above the quickest visual reaction to a new
//   picture (about 200–250 ms), so no key sooner can be an answer to what the panel shows;
// - the terminal had been quiet QUIET_MS before it: 300 ms, well above any repeat interval in use (a held key's
//   repeats, and the last of them, come 25–150 ms apart);
// - nothing follows it within SETTLE_MS: 150 ms. A held key's first repeat can come after more than 300 ms of
//   quiet (the initial delay); the repeat after it, 25–90 ms later, shows it for what it is. A key pressed on
//   purpose is released and followed by nothing: it counts 150 ms late, which no one notices (the spinner of the
//   call follows).
//
// An Enter that does not count is said on the panel (`t.common.keyNotTaken`), so a fast typist whose Enter came
// too soon knows to press it again; Esc (not now) needs no guard and acts at once.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { keyClock, useKeyboard } from "./keyboard.js";
import type { KeyHandler } from "./keys.js";

export interface ConfirmTiming {
  seenMs: number;
  quietMs: number;
  settleMs: number;
}

export const CONFIRM_TIMING: Readonly<ConfirmTiming> = { seenMs: 300, quietMs: 300, settleMs: 150 };

/**
 * The timing in force. In-process screen tests press keys as soon as a frame shows (no person reads it) and set it
 * to zero (test/setup.ts), the burst rule staying; the guard's own tests, and every run of the program, use
 * CONFIRM_TIMING.
 */
export const confirmTiming: ConfirmTiming = { ...CONFIRM_TIMING };

export interface ConfirmGuard {
  /** The handler for a confirming key: `act` runs only for a key pressed on purpose on the panel as seen. */
  deliberate: (act: () => void) => KeyHandler;
  /** A confirming key was ignored since the panel (or its question, `shown`) was drawn: say so. */
  ignored: boolean;
}

/**
 * The guard of one confirmation panel. `shown` names what the panel asks: when it changes (a second question,
 * "press Enter once more"), the panel counts as drawn anew.
 */
export function useConfirmGuard(shown: unknown = undefined): ConfirmGuard {
  const keyboard = useKeyboard();
  const shownAt = useRef(Number.POSITIVE_INFINITY);
  const [ignored, setIgnored] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // When React commits the frame that shows the panel (its keys are registered in the same commit).
  useLayoutEffect(() => {
    shownAt.current = keyClock();
    clearTimeout(pending.current);
    setIgnored(false);
  }, [shown]);
  useEffect(() => () => clearTimeout(pending.current), []);

  const deliberate =
    (act: () => void): KeyHandler =>
    () => {
      const key = keyboard.arrival();
      const { seenMs, quietMs, settleMs } = confirmTiming;
      // A key while another waits out its settling: neither is a single deliberate press.
      clearTimeout(pending.current);
      if (!key.alone || key.at - shownAt.current < seenMs || key.quiet < quietMs) return setIgnored(true);
      if (settleMs <= 0) return act();
      pending.current = setTimeout(() => {
        if (keyboard.lastArrival() > key.at) return setIgnored(true);
        act();
      }, settleMs);
    };
  return { deliberate, ignored };
}
