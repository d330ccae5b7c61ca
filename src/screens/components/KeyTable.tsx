// Root's access keys with when, by which service and in which region each was last used.
import { Box, Text } from "ink";
import stringWidth from "string-width";
import type { RootKeyView } from "../../steps/root-access-keys.js";
import { formatDate, formatRelative } from "../format.js";
import { useUi } from "../ui-context.js";

function Row({ cells, widths, color }: { cells: string[]; widths: number[]; color?: string }) {
  return (
    <Box>
      {cells.map((cell, i) => {
        // The last column takes what is left and wraps there (at 80 columns "1 second ago · iam · us-east-1" is too long).
        const last = i === cells.length - 1;
        return (
          <Box key={i} width={widths[i]} flexShrink={last ? 1 : 0}>
            <Text color={color} wrap={last ? "wrap" : "truncate-end"}>
              {cell}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}

export function KeyTable({ keys, now = new Date() }: { keys: RootKeyView[]; now?: Date }) {
  const { t, lang } = useUi();
  const k = t.rootKeys;
  const header = [k.table.key, k.table.status, k.table.created, k.table.lastUsed];
  const rows = keys.map((key, i) => [
    `${key.id ?? k.slot(key.slot ?? i + 1)}${key.signing ? ` ${k.signing}` : ""}`,
    k.status[key.status],
    key.createdAt ? formatDate(key.createdAt) : "—",
    key.lastUsed ? k.lastUse(formatRelative(key.lastUsed.at, now, lang), key.lastUsed.service, key.lastUsed.region) : k.never,
  ]);
  // Each column as wide as its widest cell (Korean counts double), the last one taking what is left.
  const widths = [0, 1, 2].map((c) => Math.max(...[header, ...rows].map((r) => stringWidth(r[c]!))) + 2);
  return (
    <Box flexDirection="column" marginY={1}>
      <Row cells={header} widths={widths} color="gray" />
      {rows.map((cells, i) => (
        <Row key={cells[0]} cells={cells} widths={widths} color={keys[i]!.status === "Active" ? "red" : "yellow"} />
      ))}
    </Box>
  );
}
