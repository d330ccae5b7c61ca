// The confirmation before every change rootlock makes: the exact call and its parameters (never a secret),
// Enter to go ahead, Esc to decline, and in a plan of several calls `a` for this one and all after it.
// Irreversible calls on the key this session signs with ask twice. Enter and `a` count only when pressed on purpose
// on the panel as drawn (confirm-guard.ts): a held Enter, or the rest of a burst, never confirms a call.
import { Box, Text } from "ink";
import { useState } from "react";
import { PLACEHOLDERS, shownCall, type ShownCall } from "../../aws/operations.js";
import { shortCall } from "../../steps/plan-outcome.js";
import type { ApiAction } from "../../steps/types.js";
import { useConfirmGuard } from "../confirm-guard.js";
import { useKeys } from "../keys.js";
import { useRoom, wrappedRows } from "../room.js";
import { useUi } from "../ui-context.js";
import { BoundedList } from "./BoundedList.js";

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
  /** Rows the page takes besides this box (its title, the runner's progress); a long plan shows what fits in the rest. */
  around?: number;
}

/** A page's title and the runner's progress line. */
const AROUND = 2;

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

export function ConfirmCall({ action, twice = false, warning, onConfirm, onDecline, plan, approveAll, onApproveAll, around = AROUND }: Props) {
  const { t, mode } = useUi();
  const room = useRoom();
  const [asked, setAsked] = useState(0);
  // The second question of a call that asks twice is a panel of its own: its Enter too must come after it is seen.
  const { deliberate, ignored } = useConfirmGuard(asked);
  // Enter and Esc named for what they do here: the footer says "Enter do it · Esc not now", and the panel does not
  // say it again (a page's "Enter continue" beside the panel's "Enter: do it" was one key with two meanings).
  useKeys({
    confirm: deliberate(() => (twice && asked === 0 ? setAsked(1) : onConfirm())),
    notNow: onDecline,
    approveAll: approveAll !== undefined && onApproveAll && !twice ? deliberate(onApproveAll) : undefined,
  });
  const keys = asked === 1 ? t.common.confirmAgain : approveAll !== undefined && !twice ? t.common.approveAll(approveAll) : undefined;
  const notTaken = ignored ? t.common.keyNotTaken : undefined;
  // The box's lines besides the plan's (its title, the warning, the dry run's note, the keys), measured inside its border and padding.
  const said = [
    `${t.common.confirmTitle} ${plan ? t.common.planTitle(plan.length) : ""}`,
    warning,
    mode === "dry-run" ? t.common.confirmDryRun : undefined,
    notTaken,
    keys,
  ];
  const rowsOf = (lines: (string | undefined)[]) => lines.reduce((sum, line) => sum + (line === undefined ? 0 : wrappedRows(line, room.cols - 4)), 0);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={twice ? "red" : "yellow"} paddingX={1}>
      <Text bold>
        {t.common.confirmTitle}
        {plan && <Text dimColor> {t.common.planTitle(plan.length)}</Text>}
      </Text>
      {plan ? <PlanLines plan={plan} rows={room.rows - around - 2 - rowsOf(said)} /> : <ActionLine action={action} />}
      {warning && <Text color="red">{warning}</Text>}
      {mode === "dry-run" && <Text color="magenta">{t.common.confirmDryRun}</Text>}
      {notTaken && <Text color="yellow">{notTaken}</Text>}
      {keys && <Text dimColor={asked === 0}>{keys}</Text>}
    </Box>
  );
}

/**
 * A plan of several calls at its first confirmation: the first in full (it is the one asked for), the rest one line
 * each; where they do not all fit in `rows`, the last of them that do, "… N more" above (each is shown whole when
 * it is confirmed).
 */
function PlanLines({ plan, rows }: { plan: ApiAction[]; rows: number }) {
  const { t } = useUi();
  const { cols } = useRoom();
  const width = String(plan.length).length;
  const number = (i: number) => `${String(i + 1).padStart(width)}. `;
  const { call, params } = shownCall(plan[0]!);
  const first = `${number(0)}${call}(${Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ")})`;
  return (
    <>
      <Text>
        {number(0)}
        <ActionLine action={plan[0]!} />
      </Text>
      <BoundedList
        lines={plan.slice(1).map((a, i) => `${number(i + 1)}${shortCall(a)}`)}
        // The first call takes what it wraps to inside the box; the others a row each (cut at the edge).
        rows={rows - wrappedRows(first, cols - 4)}
        more={t.bounded.more}
        measure={() => 1}
        render={(line) => (
          <Text dimColor wrap="truncate-end">
            {line}
          </Text>
        )}
      />
    </>
  );
}
