// An AWS failure as the operator sees it: a plain sentence naming the action, and the ways forward. Retrying a
// change sends it again: r counts then only when pressed on purpose on this panel (confirm-guard.ts), so a held r
// never resends through one failure after another.
import { Box, Text } from "ink";
import { type AccountFailure, outcomeUnknown } from "../../aws/errors.js";
import { useConfirmGuard } from "../confirm-guard.js";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";

interface Props {
  failure: AccountFailure;
  /** The failed call was a change: say when it may have been made all the same. */
  write?: boolean;
  /** What to say instead when the change may have been made and nothing can read it back (a message posted). */
  lostAnswer?: string;
  onRetry: () => void;
  onSkip: () => void;
}

export function ErrorPanel({ failure, write = false, lostAnswer, onRetry, onSkip }: Props) {
  const { t } = useUi();
  const { deliberate, ignored } = useConfirmGuard(failure);
  useKeys({ retry: write ? deliberate(onRetry) : onRetry, skip: onSkip });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
      <Text color="red">
        {failure.code}: {t.errors[failure.code](failure.action)}
      </Text>
      {write && outcomeUnknown(failure.code) && <Text color="yellow">{lostAnswer ?? t.common.outcomeUnknown}</Text>}
      {ignored && <Text color="yellow">{t.common.keyNotTaken}</Text>}
      <Text dimColor>{t.common.retryKeys}</Text>
    </Box>
  );
}
