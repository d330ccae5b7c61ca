// The spinner of the waits, as ink-spinner draws its "dots" (cli-spinners 2.9: these ten frames, every 80 ms).
// Our own because ink-spinner imports all of cli-spinners' ~90 spinners (~45 kB of source) to draw this one, on
// the first screen's path (the preflight's "Reading the account…").
import { Text } from "ink";
import { useEffect, useState } from "react";

/** Its glyphs: the 80x24 walk reads one on screen as "the wizard is working" and lets the clock run (test/screens/fit-80x24.tsx). */
export const SPINNER_FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const INTERVAL_MS = 80;

export function Spinner() {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % SPINNER_FRAMES.length), INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);
  return <Text>{SPINNER_FRAMES[frame]}</Text>;
}
