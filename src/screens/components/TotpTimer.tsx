// The 30-second TOTP window on AWS's clock, so the operator knows when the next code appears.
import { Text } from "ink";
import { useEffect, useState } from "react";
import { PERIOD_SECONDS, secondsLeftInStep } from "../../lib/totp.js";
import { useUi } from "../ui-context.js";

export function TotpTimer({ clockOffsetMs, now = () => new Date() }: { clockOffsetMs: number; now?: () => Date }) {
  const { t } = useUi();
  const awsTime = () => new Date(now().getTime() + clockOffsetMs);
  const [left, setLeft] = useState(secondsLeftInStep(awsTime()));
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeftInStep(awsTime())), 250);
    return () => clearInterval(timer);
    // awsTime reads only these two.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clockOffsetMs, now]);
  const filled = Math.round((left / PERIOD_SECONDS) * 20);
  return (
    <Text>
      <Text color={left <= 5 ? "yellow" : "green"}>{"█".repeat(filled)}</Text>
      <Text dimColor>{"░".repeat(20 - filled)}</Text> {t.rootMfa.timer(left)}
    </Text>
  );
}
