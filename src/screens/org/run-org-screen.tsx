// Renders the `rootlock org` screen until the operator leaves it; answers its exit status and the accounts' results
// (org-command.ts writes the evidence report from them). Loaded only for an interactive `rootlock org`.
import { render } from "ink";
import { KeyboardProvider } from "../keyboard.js";
import { OrgScreen, type OrgScreenProps } from "./OrgScreen.js";
import type { AccountResult } from "../../steps/org/types.js";

export interface OrgScreenOutcome {
  code: number;
  results: AccountResult[];
  notStarted: string[];
}

export async function runOrgScreen(props: Omit<OrgScreenProps, "onExit">): Promise<OrgScreenOutcome> {
  let outcome: OrgScreenOutcome | undefined;
  const app = render(
    <KeyboardProvider>
      <OrgScreen
        {...props}
        onExit={(code, results, notStarted) => {
          outcome = { code, results, notStarted };
          app.unmount();
        }}
      />
    </KeyboardProvider>,
    { exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  return outcome ?? { code: 130, results: [], notStarted: [] };
}
