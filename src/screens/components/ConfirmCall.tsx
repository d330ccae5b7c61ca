// The confirmation before every change rootlock makes: the exact call and its parameters (never a secret),
// Enter to go ahead, Esc to decline, and in a plan of several calls `a` for this one and all after it.
// Irreversible calls on the key this session signs with ask twice.
import { Box, Text } from "ink";
import { useState } from "react";
import { PLACEHOLDERS, shownCall, type ShownCall } from "../../aws/operations.js";
import { shortCall } from "../../steps/plan-outcome.js";
import type { ApiAction } from "../../steps/types.js";
import { useKeys } from "../keys.js";
import { useUi } from "../ui-context.js";

interface Props {
  action: ApiAction;
  twice?: boolean;
  warning?: string;
  onConfirm: () => void;
  onDecline: () => void;
  /** The whole plan, shown at its first call: that call in full, each later one on a line of its own. */
  plan?: ApiAction[];
  /** How many calls `a` would approve (this one included); absent: not offered. */
  approveAll?: number;
  onApproveAll?: () => void;
}

/** A change as the operations table shows it (placeholders where a secret goes). */
/** `oneLine`: cut short at the edge (a list of the calls to come; each is shown whole when it is confirmed). */
export function ActionLine({ action, oneLine = false }: { action: ApiAction; oneLine?: boolean }) {
  return <CallLine {...shownCall(action)} oneLine={oneLine} />;
}

/** A call and its parameters: "iam:DeleteAccessKey(AccessKeyId=…)". */
export function CallLine({ call, params, oneLine = false }: ShownCall & { oneLine?: boolean }) {
  const { t } = useUi();
  // A placeholder (where a secret goes) is said in the run's language; AWS's names and values stay as they are.
  const say = (v: string) => {
    const name = (Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[]).find((n) => PLACEHOLDERS[n] === v);
    return name ? t.common.placeholders[name] : v;
  };
  const shown = Object.entries(params)
    .map(([k, v]) => `${k}=${say(v)}`)
    .join(", ");
  return (
    <Text wrap={oneLine ? "truncate-end" : "wrap"}>
      <Text color="cyan">{call}</Text>({shown})
    </Text>
  );
}

export function ConfirmCall({ action, twice = false, warning, onConfirm, onDecline, plan, approveAll, onApproveAll }: Props) {
  const { t, mode } = useUi();
  const [asked, setAsked] = useState(0);
  useKeys({
    continue: () => (twice && asked === 0 ? setAsked(1) : onConfirm()),
    back: onDecline,
    approveAll: approveAll !== undefined && onApproveAll && !twice ? onApproveAll : undefined,
  });
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={twice ? "red" : "yellow"} paddingX={1}>
      <Text bold>
        {t.common.confirmTitle}
        {plan && <Text dimColor> {t.common.planTitle(plan.length)}</Text>}
      </Text>
      {plan ? <PlanLines plan={plan} /> : <ActionLine action={action} />}
      {warning && <Text color="red">{warning}</Text>}
      {mode === "dry-run" && <Text color="magenta">{t.common.confirmDryRun}</Text>}
      <Text dimColor>
        {asked === 1 ? t.common.confirmAgain : [t.common.confirmKeys, approveAll !== undefined && !twice && t.common.approveAll(approveAll)].filter(Boolean).join(" · ")}
      </Text>
    </Box>
  );
}

/** A plan of several calls at its first confirmation: the first in full (it is the one asked for), the rest one line each. */
function PlanLines({ plan }: { plan: ApiAction[] }) {
  const width = String(plan.length).length;
  return (
    <>
      {plan.map((a, i) =>
        i === 0 ? (
          <Text key={i}>
            {`${"1".padStart(width)}. `}
            <ActionLine action={a} />
          </Text>
        ) : (
          <Text key={i} dimColor wrap="truncate-end">
            {`${String(i + 1).padStart(width)}. ${shortCall(a)}`}
          </Text>
        ),
      )}
    </>
  );
}
