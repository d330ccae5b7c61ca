// The QR code of an otpauth:// URI, drawn the way the terminal can hold it now (followed live as it is resized):
//   - inline, among the code fields, when there is room for both;
//   - alone, covering the page (the frame keeps its header and keys line), where it fits only by itself, as in
//     an 80x24 terminal: shown first, since scanning comes first; Enter goes to the code fields, Ctrl-R back;
//   - not at all where it does not fit even alone: the secret as text instead, saying the size it needs.
// Nothing else keeps the secret: it leaves the screen with this component.
import { Box, Text } from "ink";
import { useContext, useMemo, useState } from "react";
import { MIN_QUIET_ZONE, qrSize, quietZoneFor } from "../qr.js";
import { CoverContext, useCover } from "../cover.js";
import { useKeys } from "../keys.js";
import { type TerminalSize, useTerminalSize } from "../terminal-size.js";
import { useUi } from "../ui-context.js";
import { Qr } from "./Qr.js";

/** Lines the rest of a screen needs around an inline QR (header, steps, instructions, code fields, keys). */
export const CHROME_ROWS = 16;
/** Around a QR covering the page: the frame's header and its keys line, one row each. */
export const COVER_ROWS = 2;
/** The frame's padding, a column each side. */
const FRAME_COLS = 2;
/** Every frame is kept a row shorter than the terminal: Ink clears the whole screen for one as tall as it. */
const SPARE_ROWS = 1;

export type QrFit = { kind: "inline" | "alone"; quietZone: number } | { kind: "text" };

/** Extra room a page takes around an inline code (the console stand-in's border and banner). */
export interface Around {
  cols: number;
  rows: number;
}

const NOTHING_AROUND: Around = { cols: 0, rows: 0 };

/** How the code is drawn in a terminal of this size: inline if it fits there, else alone, else as text. */
export function qrFit(uri: string, size: TerminalSize, around: Around = NOTHING_AROUND): QrFit {
  const cols = size.cols - FRAME_COLS;
  const rows = size.rows - SPARE_ROWS;
  const inline = quietZoneFor(uri, cols - around.cols, rows - CHROME_ROWS - around.rows);
  if (inline !== undefined) return { kind: "inline", quietZone: inline };
  const alone = quietZoneFor(uri, cols, rows - COVER_ROWS);
  return alone !== undefined ? { kind: "alone", quietZone: alone } : { kind: "text" };
}

/** The smallest terminal that shows the code (alone, with the narrower quiet zone). */
export function qrNeeds(uri: string): TerminalSize {
  const size = qrSize(uri, MIN_QUIET_ZONE);
  return { cols: size.cols + FRAME_COLS, rows: size.rows + COVER_ROWS + SPARE_ROWS };
}

interface Props {
  uri: string;
  secret: string;
  active: boolean;
  /** How the "show the secret as text" key is labelled (the console stand-in uses the console's words). */
  showSecretLabel?: string;
  around?: Around;
}

export function QrOrSecret({ uri, secret, active, showSecretLabel, around }: Props) {
  const { t } = useUi();
  const size = useTerminalSize();
  // The code alone needs a frame to cover (a screen drawn without one, in a test, shows the secret instead).
  const { hosted } = useContext(CoverContext);
  const fitted = qrFit(uri, size, around);
  const fit: QrFit = fitted.kind === "alone" && !hosted ? { kind: "text" } : fitted;
  const [showSecret, setShowSecret] = useState(false);
  // Where the code needs the whole terminal, it comes first: the codes come from scanning it.
  const [alone, setAlone] = useState(true);
  // A resize that changes the layout to "alone" brings the code back (the operator enlarged the terminal to see it).
  const [lastKind, setLastKind] = useState(fit.kind);
  if (lastKind !== fit.kind) {
    setLastKind(fit.kind);
    if (fit.kind === "alone") setAlone(true);
  }
  const covering = active && fit.kind === "alone" && alone;
  const quietZone = fit.kind === "text" ? MIN_QUIET_ZONE : fit.quietZone;
  const cover = useMemo(() => (covering ? <Qr value={uri} quietZone={quietZone} /> : undefined), [covering, uri, quietZone]);
  useCover(cover);
  useKeys(
    covering
      ? {
          typeCodes: () => setAlone(false),
          showSecret: () => {
            setAlone(false);
            setShowSecret(true);
          },
        }
      : { showSecret: () => setShowSecret((v) => !v), showQr: fit.kind === "alone" && (() => setAlone(true)) },
    { isActive: active },
  );

  if (covering) return null; // the frame draws the cover
  const needs = qrNeeds(uri);
  return (
    <Box flexDirection="column">
      {fit.kind === "inline" && <Qr value={uri} quietZone={fit.quietZone} />}
      {fit.kind === "alone" && <Text>{t.userMfa.qrAlone}</Text>}
      {fit.kind === "text" && <Text color="yellow">{t.userMfa.tooSmall(needs.cols, needs.rows)}</Text>}
      {fit.kind !== "text" && !showSecret && <Text dimColor>{showSecretLabel ?? t.userMfa.showSecret}</Text>}
      {(fit.kind === "text" || showSecret) && (
        <Text>
          {t.userMfa.secretFallback} <Text bold>{secret}</Text>
        </Text>
      )}
    </Box>
  );
}
