// The frame of every screen: who and where (with the mode badge on every screen), the step list with
// progress, the screen itself, and the keys that work on it now (declared by the screens: keys.ts).
import { Box, Text } from "ink";
import { type ReactNode, useMemo, useState } from "react";
import type { ControlId } from "../../steps/controls.js";
import type { Verdict } from "../../steps/types.js";
import { CoverContext } from "../cover.js";
import { useOffered } from "../keyboard.js";
import type { KeyName } from "../keys.js";
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
  children: ReactNode;
}

export function Frame({ steps, current, results, accountId, callerArn, children }: Props) {
  const { t, mode, standIn } = useUi();
  const footer = footerKeys(useOffered().names);
  // A dry run of the simulated account is both: say both.
  const badges = mode === "dry-run" && standIn ? (["simulated", "dry-run"] as const) : ([mode] as const);
  const currentIndex = steps.indexOf(current);
  // A view covering the page (cover.tsx): drawn with the header and the keys line alone, on one row each.
  const [cover, setCover] = useState<ReactNode>(undefined);
  const covered = cover !== undefined;
  const host = useMemo(() => ({ hosted: true, covered, set: setCover }), [covered]);
  return (
    <CoverContext.Provider value={host}>
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
        <Box flexWrap="wrap" columnGap={1} display={covered ? "none" : "flex"}>
          {steps.map((step, i) => {
            const verdict = step === "preflight" || step === "summary" ? undefined : results[step];
            // The step at hand is marked ▸ even when it has a result already (the operator went back to it).
            const mark = i === currentIndex ? "▸" : verdict ? STATE_MARK[verdict.state] : i < currentIndex ? "✔" : "·";
            const color = i === currentIndex ? "cyan" : verdict ? STATE_COLOR[verdict.state] : i < currentIndex ? "green" : "gray";
            return (
              <Text key={step} color={color} bold={i === currentIndex}>
                {mark} {t.stepsShort[step]}
              </Text>
            );
          })}
        </Box>
        {/* Hidden, not unmounted, while covered: the screen keeps its state (the codes typed, the device). */}
        <Box marginTop={1} flexDirection="column" display={covered ? "none" : "flex"}>
          {children}
        </Box>
        {cover}
        <Box marginTop={covered ? 0 : 1}>
          <Text dimColor wrap={covered ? "truncate-end" : "wrap"}>
            {footer.map((name) => t.app.keys[name]).join(" · ")}
          </Text>
        </Box>
      </Box>
    </CoverContext.Provider>
  );
}

/** The footer names the keys that work now; Ctrl-C only where q does not (a text field has the keyboard). */
export const footerKeys = (names: KeyName[]): KeyName[] => (names.includes("quit") ? names.filter((n) => n !== "interrupt") : names);
