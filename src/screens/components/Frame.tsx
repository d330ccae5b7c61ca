// The frame of every screen: who and where (with the mode badge on every screen), the step list with
// progress, the screen itself, and the keys that work on it now (declared by the screens: keys.ts).
import { Box, Text } from "ink";
import { type ReactNode, useMemo, useState } from "react";
import type { ControlId } from "../../steps/controls.js";
import type { Verdict } from "../../steps/types.js";
import { CoverContext } from "../cover.js";
import { useOffered } from "../keyboard.js";
import type { KeyName } from "../keys.js";
import { packedRows, RoomContext, SPARE_ROWS } from "../room.js";
import { fitStepBar } from "../step-bar.js";
import { useTerminalSize } from "../terminal-size.js";
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
  /** The ? help: drawn instead of the page while it is open (the page keeps its state, hidden). */
  help?: ReactNode;
}

/** The frame's padding, a column each side. */
const PADDING = 1;

export function Frame({ steps, current, results, accountId, callerArn, children, help }: Props) {
  const { t, mode, standIn } = useUi();
  const footer = footerKeys(useOffered().names);
  // Each key whole on its line: a key that does not fit goes to the next line with its name ("? help", never "?" then "help").
  const footerKeysShown = footer.map((name, i) => t.app.keys[name] + (i < footer.length - 1 ? " ·" : ""));
  const size = useTerminalSize();
  const width = size.cols - 2 * PADDING;
  // A dry run of the simulated account is both: say both.
  const badges = mode === "dry-run" && standIn ? (["simulated", "dry-run"] as const) : ([mode] as const);
  const currentIndex = steps.indexOf(current);
  // A view covering the page (cover.tsx): drawn with the header and the keys line alone, on one row each.
  const [cover, setCover] = useState<ReactNode>(undefined);
  const covered = cover !== undefined;
  const host = useMemo(() => ({ hosted: true, covered, set: setCover }), [covered]);
  const bar = fitStepBar(
    steps.map((step, i) => {
      const verdict = step === "preflight" || step === "summary" ? undefined : results[step];
      // The step at hand is marked ▸ even when it has a result already (the operator went back to it).
      const mark = i === currentIndex ? "▸" : verdict ? STATE_MARK[verdict.state] : i < currentIndex ? "✔" : "·";
      return { mark, label: t.stepsShort[step] };
    }),
    currentIndex,
    width,
  );
  // The page has what the header (one line), the step bar (one line), the blank lines and the keys line leave.
  const footerRows = covered && !help ? 1 : packedRows(footerKeysShown, width);
  const room = useMemo(() => ({ rows: size.rows - SPARE_ROWS - 4 - footerRows, cols: width }), [size.rows, footerRows, width]);
  const pageShown = !covered && !help;
  return (
    <CoverContext.Provider value={host}>
      <Box flexDirection="column" paddingX={PADDING}>
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
        <Box flexWrap="wrap" columnGap={1} display={covered && !help ? "none" : "flex"}>
          {steps.map((step, i) => {
            const verdict = step === "preflight" || step === "summary" ? undefined : results[step];
            const color = i === currentIndex ? "cyan" : verdict ? STATE_COLOR[verdict.state] : i < currentIndex ? "green" : "gray";
            const { mark, label } = bar[i]!;
            return (
              <Text key={step} color={color} bold={i === currentIndex}>
                {label === undefined ? mark : `${mark} ${label}`}
              </Text>
            );
          })}
        </Box>
        {/* Hidden, not unmounted, while covered: the screen keeps its state (the codes typed, the device). */}
        <Box marginTop={1} flexDirection="column" display={pageShown ? "flex" : "none"}>
          <RoomContext.Provider value={room}>{children}</RoomContext.Provider>
        </Box>
        {/* The help covers the page, or the view covering it (? again goes back to it). */}
        {help && <Box marginTop={1}>{help}</Box>}
        {!help && cover}
        {covered && !help ? (
          <Text dimColor wrap="truncate-end">
            {footerKeysShown.join(" ")}
          </Text>
        ) : (
          <Box marginTop={1} flexWrap="wrap" columnGap={1}>
            {footerKeysShown.map((label) => (
              <Text key={label} dimColor>
                {label}
              </Text>
            ))}
          </Box>
        )}
      </Box>
    </CoverContext.Provider>
  );
}

/** The footer names the keys that work now; Ctrl-C only where q does not (a text field has the keyboard). */
export const footerKeys = (names: KeyName[]): KeyName[] => (names.includes("quit") ? names.filter((n) => n !== "interrupt") : names);
