// Numbered instructions whose wrapped lines stay indented under their text.
import { Box, Text } from "ink";

export function NumberedList({ items }: { items: readonly string[] }) {
  return (
    <Box flexDirection="column">
      {items.map((item, i) => (
        <Box key={i}>
          <Box width={5} flexShrink={0}>
            <Text>{`  ${i + 1}.`}</Text>
          </Box>
          <Text>{item}</Text>
        </Box>
      ))}
    </Box>
  );
}
