// A scannable QR code. Both colours are painted explicitly (light glyphs on a black background, see
// ../qr.ts for why), so the code reads the same on dark and light terminal themes. It draws nothing but
// the code: the caller decides whether the terminal is big enough (QrOrSecret) and offers the secret as text.
import { Box, Text } from "ink";
import { useMemo } from "react";
import { QUIET_ZONE, qrLines } from "../qr.js";

const LIGHT = "#ffffff";
const DARK = "#000000";

export function Qr({ value, quietZone = QUIET_ZONE }: { value: string; quietZone?: number }) {
  const lines = useMemo(() => qrLines(value, quietZone), [value, quietZone]);
  return (
    // flexShrink 0: a squeezed or wrapped row would make the code unreadable; better to overflow visibly.
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} color={LIGHT} backgroundColor={DARK} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
