// A visible wait: spinner, what is awaited, time elapsed and reads made.
import { Box, Text } from "ink";
import { Spinner } from "./Spinner.js";
import { useEffect, useState } from "react";
import { useUi } from "../ui-context.js";

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The way to stop waiting, where there is one, is the footer's (Verification declares it): not said again here. */
export function Waiting({ what, since, reads }: { what: string; since: number; reads: number }) {
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
    </Box>
  );
}
