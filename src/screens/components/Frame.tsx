// The frame of every screen: who and where (with the mode badge on every screen), the step list with
// progress, the screen itself, and the keys.
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import type { ControlId } from "../../steps/controls.js";
import type { Verdict } from "../../steps/types.js";
import { useUi } from "../ui-context.js";
import { STATE_COLOR, STATE_MARK } from "./VerdictView.js";

export type StepKey = ControlId | "preflight" | "summary";

const MODE_COLOR = { simulated: "magenta", live: "red", "dry-run": "blue" } as const;

interface Props {
  steps: StepKey[];
  current: StepKey;
  results: Partial<Record<ControlId, Verdict>>;
  accountId?: string;
  callerArn?: string;
  hints?: string[];
  children: ReactNode;
}

export function Frame({ steps, current, results, accountId, callerArn, hints, children }: Props) {
  const { t, mode, standIn } = useUi();
  // A dry run of the simulated account is both: say both.
  const badges = mode === "dry-run" && standIn ? (["simulated", "dry-run"] as const) : ([mode] as const);
  const currentIndex = steps.indexOf(current);
  return (
    <Box flexDirection="column" paddingX={1}>
      <Box>
        <Box flexShrink={0}>
          <Text bold>{t.app.name}</Text>
          {badges.map((badge) => (
            <Text key={badge}>
              {" "}
              <Text backgroundColor={MODE_COLOR[badge]} color="white" bold>
                {` ${t.app.modes[badge]} `}
              </Text>
            </Text>
          ))}
        </Box>
        {/* Who and where: cut short on a narrow terminal rather than pushing the badge around. */}
        <Text dimColor wrap="truncate-end">
          {accountId ? ` ${t.app.account(accountId)}` : ""}
          {callerArn ? ` · ${callerArn}` : ""}
        </Text>
      </Box>
      <Box flexWrap="wrap" columnGap={1}>
        {steps.map((step, i) => {
          const verdict = step === "preflight" || step === "summary" ? undefined : results[step];
          const mark = verdict ? STATE_MARK[verdict.state] : i < currentIndex ? "✔" : i === currentIndex ? "▸" : "·";
          const color = verdict ? STATE_COLOR[verdict.state] : i === currentIndex ? "cyan" : i < currentIndex ? "green" : "gray";
          return (
            <Text key={step} color={color} bold={i === currentIndex}>
              {mark} {t.stepsShort[step]}
            </Text>
          );
        })}
      </Box>
      <Box marginTop={1} flexDirection="column">
        {children}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{(hints ?? [t.app.keys.continue, t.app.keys.back, t.app.keys.skip, t.app.keys.quit, t.app.keys.help]).join(" · ")}</Text>
      </Box>
    </Box>
  );
}
