// The confirmation before every change rootlock makes: the exact call and its parameters (never a secret),
// Enter to go ahead, Esc to decline. Irreversible calls on the key this session signs with ask twice.
import { Box, Text } from "ink";
import { useState } from "react";
import type { ApiAction } from "../../steps/types.js";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";

interface Props {
  action: ApiAction;
  twice?: boolean;
  warning?: string;
  onConfirm: () => void;
  onDecline: () => void;
}

export function ActionLine({ action }: { action: ApiAction }) {
  const params = Object.entries(action.params).map(([k, v]) => `${k}=${v}`).join(", ");
  return (
    <Text>
      <Text color="cyan">{action.call}</Text>({params})
    </Text>
  );
}

export function ConfirmCall({ action, twice = false, warning, onConfirm, onDecline }: Props) {
  const { t, mode } = useUi();
  const [asked, setAsked] = useState(0);
  useKeys({ continue: () => (twice && asked === 0 ? setAsked(1) : onConfirm()), back: onDecline });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={twice ? "red" : "yellow"} paddingX={1}>
      <Text bold>{t.common.confirmTitle}</Text>
      <ActionLine action={action} />
      {warning && <Text color="red">{warning}</Text>}
      {mode === "dry-run" && <Text color="magenta">{t.common.confirmDryRun}</Text>}
      <Text dimColor>{asked === 1 ? t.common.confirmAgain : t.common.confirmKeys}</Text>
    </Box>
  );
}
