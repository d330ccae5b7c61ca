// The 30-second TOTP window on AWS's clock, so the operator knows when the next code appears.
import { Text } from "ink";
import { useEffect, useState } from "react";
import { PERIOD_SECONDS, secondsLeftInStep } from "../../lib/totp.js";
import { useUi } from "../ui-context.js";

const systemNow = () => new Date();
const secondsLeftOnAwsClock = (now: () => Date, clockOffsetMs: number) => secondsLeftInStep(new Date(now().getTime() + clockOffsetMs));

export function TotpTimer({ clockOffsetMs, now = systemNow }: { clockOffsetMs: number; now?: () => Date }) {
  const { t } = useUi();
  const [left, setLeft] = useState(() => secondsLeftOnAwsClock(now, clockOffsetMs));
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeftOnAwsClock(now, clockOffsetMs)), 250);
    return () => clearInterval(timer);
  }, [clockOffsetMs, now]);
  const filled = Math.round((left / PERIOD_SECONDS) * 20);
  return (
    <Text>
      <Text color={left <= 5 ? "yellow" : "green"}>{"█".repeat(filled)}</Text>
      <Text dimColor>{"░".repeat(20 - filled)}</Text> {t.rootMfa.timer(left)}
    </Text>
  );
}
