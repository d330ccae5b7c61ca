// The spinner of the waits, as ink-spinner draws its "dots" (cli-spinners 2.9: these ten frames, every 80 ms).
// Our own because ink-spinner imports all of cli-spinners' ~90 spinners (~45 kB of source) to draw this one, on
// the first screen's path (the preflight's "Reading the account…").
import { Text } from "ink";
import { useEffect, useState } from "react";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const INTERVAL_MS = 80;

export function Spinner() {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), INTERVAL_MS);
    return () => clearInterval(timer);
  }, []);
  return <Text>{FRAMES[frame]}</Text>;
}
