// The confirmation before every change rootlock makes: the exact call and its parameters (never a secret),
// Enter to go ahead, Esc to decline. Irreversible calls on the key this session signs with ask twice.
import { Box, Text } from "ink";
import { useState } from "react";
import { shownCall, type ShownCall } from "../../aws/operations.js";
import type { ApiAction } from "../../steps/types.js";
import { isBack, isContinue, useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";

interface Props {
  action: ApiAction;
  twice?: boolean;
  warning?: string;
  onConfirm: () => void;
  onDecline: () => void;
}

/** A change as the operations table shows it (placeholders where a secret goes). */
export function ActionLine({ action }: { action: ApiAction }) {
  return <CallLine {...shownCall(action)} />;
}

/** A call and its parameters: "iam:DeleteAccessKey(AccessKeyId=…)". */
export function CallLine({ call, params }: ShownCall) {
  const shown = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(", ");
  return (
    <Text>
      <Text color="cyan">{call}</Text>({shown})
    </Text>
  );
}

export function ConfirmCall({ action, twice = false, warning, onConfirm, onDecline }: Props) {
  const { t, mode } = useUi();
  const [asked, setAsked] = useState(0);
  useKeys((input, key) => {
    if (isBack(input, key)) return onDecline();
    if (!isContinue(input, key)) return;
    if (twice && asked === 0) return setAsked(1);
    onConfirm();
  });
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
