// Preflight: who is calling, which account, the clock, and every control's state before any change.
import { Box, Text } from "ink";
import { useEffect } from "react";
import type { PreflightFinding } from "../steps/preflight.js";
import { clockIsOff, inspectPreflight } from "../steps/preflight.js";
import { type Account, isRootSession } from "../aws/account.js";
import { stepOrder } from "../steps/registry.js";
import type { ControlId } from "../steps/controls.js";
import { useKeys } from "./keys.js";
import { useUi } from "./ui-context.js";
import { useInspection } from "./use-step.js";

interface Props {
  account: Account;
  now: () => Date;
  onDone: (finding: PreflightFinding) => void;
  onQuit: () => void;
  /** The steps this run will take (the alerts command: its step alone); the wizard's for the caller if absent. */
  order?: (caller: PreflightFinding["caller"]) => ControlId[];
  /** The finding is on screen: the app loads what comes next then, not before the first screen. */
  onShown?: () => void;
}

export function PreflightScreen({ account, now, onDone, onQuit, order, onShown }: Props) {
  const inspection = useInspection(() => inspectPreflight(account, now), "preflight", onQuit);
  useKeys(inspection.value ? { continue: () => onDone(inspection.value!) } : {});
  const shown = inspection.value !== undefined;
  useEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);
  if (!inspection.value) return inspection.gate;
  return <PreflightView finding={inspection.value} order={order} />;
}

export function PreflightView({ finding, order: orderFor = stepOrder }: { finding: PreflightFinding; order?: Props["order"] }) {
  const { t } = useUi();
  const p = t.preflight;
  const seconds = (finding.clockOffsetMs / 1000).toFixed(1);
  const order = orderFor(finding.caller);
  return (
    <Box flexDirection="column">
      <Text bold>{p.title}</Text>
      <Text>
        {p.caller}: {p.callerKinds[finding.caller.kind]} <Text dimColor>{finding.caller.arn}</Text>
      </Text>
      {/* The account and the clock share a line: preflight fits 80x24 with seven steps and four findings. */}
      <Text>
        {p.account}: {finding.caller.accountId} · {clockIsOff(finding) ? <Text color="red">{p.clockOff(seconds)}</Text> : <Text dimColor>{p.clock(seconds)}</Text>}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {finding.summary && (
          <>
            <Text color={finding.summary.accountAccessKeysPresent ? "red" : "green"}>{p.rootKeys(finding.summary.accountAccessKeysPresent)}</Text>
            <Text color={finding.summary.accountMfaEnabled ? "green" : "red"}>{p.rootMfa(finding.summary.accountMfaEnabled)}</Text>
          </>
        )}
        {finding.denied.map((action) => (
          <Text key={action} color="red">
            {p.denied(action)}
          </Text>
        ))}
        {finding.orphans.length > 0 && <Text dimColor>{p.orphans(finding.orphans.length)}</Text>}
        {finding.caller.userName && finding.operatorMfa && (
          <Text color={finding.operatorMfa.length > 0 ? "green" : "red"}>{p.operatorMfa(finding.caller.userName, finding.operatorMfa.length)}</Text>
        )}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text>{p.plan}</Text>
        {/* Two columns, read down the left first. */}
        <Box>
          {[order.slice(0, Math.ceil(order.length / 2)), order.slice(Math.ceil(order.length / 2))].map((column, c) => (
            <Box key={c} flexDirection="column" width="50%">
              {column.map((step, i) => (
                <Text key={step}>
                  {"  "}
                  {c * Math.ceil(order.length / 2) + i + 1}. {t.steps[step]}
                </Text>
              ))}
            </Box>
          ))}
        </Box>
        <Text dimColor>{isRootSession(finding.caller) ? p.planRootSession : finding.caller.kind === "root" ? p.planRoot : p.planRecommended}</Text>
      </Box>
      <Text dimColor>{t.common.done}</Text>
    </Box>
  );
}
