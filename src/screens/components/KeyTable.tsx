// Root's access keys with when, by which service and in which region each was last used.
import { Box, Text } from "ink";
import type { RootKeyView } from "../../steps/root-access-keys.js";
import { formatDate, formatRelative } from "../format.js";
import { useUi } from "../ui-context.js";

const WIDTHS = [36, 10, 12, 40];

function Row({ cells, color }: { cells: string[]; color?: string }) {
  return (
    <Box>
      {cells.map((cell, i) => (
        <Box key={i} width={WIDTHS[i]}>
          <Text color={color} wrap="truncate-end">
            {cell}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

export function KeyTable({ keys, now = new Date() }: { keys: RootKeyView[]; now?: Date }) {
  const { t, lang } = useUi();
  const k = t.rootKeys;
  return (
    <Box flexDirection="column" marginY={1}>
      <Row cells={[k.table.key, k.table.status, k.table.created, k.table.lastUsed]} color="gray" />
      {keys.map((key, i) => {
        const name = `${key.id ?? k.slot(key.slot ?? i + 1)}${key.signing ? ` ${k.signing}` : ""}`;
        const used = key.lastUsed ? k.lastUse(formatRelative(key.lastUsed.at, now, lang), key.lastUsed.service, key.lastUsed.region) : k.never;
        return <Row key={name} cells={[name, key.status, key.createdAt ? formatDate(key.createdAt) : "—", used]} color={key.status === "Active" ? "red" : "yellow"} />;
      })}
    </Box>
  );
}
