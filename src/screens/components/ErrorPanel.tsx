// An AWS failure as the operator sees it: a plain sentence naming the action, and the ways forward.
import { Box, Text } from "ink";
import type { AccountFailure } from "../../aws/errors.js";
import { isRetry, isSkip, useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";

export function ErrorPanel({ failure, onRetry, onSkip }: { failure: AccountFailure; onRetry: () => void; onSkip: () => void }) {
  const { t } = useUi();
  useKeys((input, key) => {
    if (isRetry(input, key)) onRetry();
    else if (isSkip(input, key)) onSkip();
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
      <Text color="red">
        {failure.code}: {t.errors[failure.code](failure.action)}
      </Text>
      <Text dimColor>{t.common.retryKeys}</Text>
    </Box>
  );
}
