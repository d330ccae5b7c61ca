// The look of the console stand-in: clearly a simulation, clearly "the browser", with a way back.
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { useUi } from "../ui-context.js";

/** What this frame adds around its page: border and padding (4 columns); border, banner, title, margin, back (6 rows). */
export const STAND_IN_AROUND = { cols: 4, rows: 6 };

/** `backHint`: the way back to rootlock is said, except where Esc means something else (a prompt's "not now"). */
export function StandInFrame({ title, children, backHint = true }: { title: string; children: ReactNode; backHint?: boolean }) {
  const { t } = useUi();
  return (
    <Box flexDirection="column" borderStyle="double" borderColor="magenta" paddingX={1}>
      <Text color="magenta">{t.standIn.banner}</Text>
      <Text bold>{title}</Text>
      <Box flexDirection="column" marginTop={1}>
        {children}
      </Box>
      <Text dimColor>{backHint ? t.standIn.back : " "}</Text>
    </Box>
  );
}
