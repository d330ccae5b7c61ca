// The QR code of an otpauth:// URI when the terminal can hold it, the secret as text when it cannot (or
// when asked with k). Nothing else keeps the secret: it leaves the screen with this component.
import { Box, Text, useStdout } from "ink";
import { useState } from "react";
import { fitsIn, qrSize } from "../qr.js";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";
import { Qr } from "./Qr.js";

/** Lines the rest of a screen needs around the QR (header, steps, instructions, code fields, keys). */
export const CHROME_ROWS = 16;

interface Props {
  uri: string;
  secret: string;
  active: boolean;
  /** How the "show the secret as text" key is labelled (the console stand-in uses the console's words). */
  showSecretLabel?: string;
}

export function QrOrSecret({ uri, secret, active, showSecretLabel }: Props) {
  const { t } = useUi();
  const { stdout } = useStdout();
  const [showSecret, setShowSecret] = useState(false);
  useKeys({ showSecret: () => setShowSecret((v) => !v) }, { isActive: active });
  const cols = stdout.columns ?? 80;
  const rows = stdout.rows ?? 24;
  const fits = fitsIn(uri, cols - 2, rows - CHROME_ROWS);
  const size = qrSize(uri);
  return (
    <Box flexDirection="column">
      {fits ? <Qr value={uri} /> : <Text color="yellow">{t.userMfa.tooSmall(size.cols + 2, size.rows + CHROME_ROWS)}</Text>}
      {fits && !showSecret && <Text dimColor>{showSecretLabel ?? t.userMfa.showSecret}</Text>}
      {(!fits || showSecret) && (
        <Text>
          {t.userMfa.secretFallback} <Text bold>{secret}</Text>
        </Text>
      )}
    </Box>
  );
}
