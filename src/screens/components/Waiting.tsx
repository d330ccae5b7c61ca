// A visible wait: spinner, what is awaited, time elapsed and reads made, and how to stop waiting.
import { Box, Text } from "ink";
import { Spinner } from "./Spinner.js";
import { useEffect, useState } from "react";
import { useUi } from "../ui-context.js";

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function Waiting({ what, since, reads, canGiveUp = true }: { what: string; since: number; reads: number; canGiveUp?: boolean }) {
  const { t } = useUi();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Box flexDirection="column">
      <Text>
        <Text color="cyan">
          <Spinner />
        </Text>{" "}
        {t.common.waiting(what)} <Text dimColor>({t.common.elapsed(formatElapsed(now - since), reads)})</Text>
      </Text>
      {canGiveUp && <Text dimColor>{t.common.giveUp}</Text>}
    </Box>
  );
}
