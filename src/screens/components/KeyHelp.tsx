// The ? help: every key the screen takes at this moment, each with a sentence, from the same declarations that route
// the keys (keys.ts), so the help never names a key that does nothing or leaves out one that works. The wizard
// (app.tsx) and `rootlock org`'s screen both show it, each with its own sentences.
import { Box, Text } from "ink";
import type { KeyName } from "../keys.js";
import { useOffered } from "../keyboard.js";

interface Props {
  title: string;
  /** What the key does here, its key first ("q       quit …"). */
  describe: (name: KeyName) => string;
  footer: string;
}

export function KeyHelp({ title, describe, footer }: Props) {
  const { names } = useOffered();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>{title}</Text>
      {names.map((name) => (
        <Text key={name}>{describe(name)}</Text>
      ))}
      <Text dimColor>{footer}</Text>
    </Box>
  );
}
