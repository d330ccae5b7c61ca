// The screen of each registered step (src/steps/registry.ts), keyed by the same ids: the app's screen switch. A
// step added to the registry without a screen here fails to compile (`satisfies Record<StepId, …>`). Each entry
// is a thin adapter from what the shell knows (the run so far, its options) to the screen's own props.
//
// The app loads this module (and through it the step modules, the QR encoder, the TOTP code…) only after the
// preflight's screen is up (app.tsx, `loadStepScreens`): none of it is on the first screen, and the first screen
// comes sooner without it.
import type { ReactElement } from "react";
import { drillRoutes } from "../steps/signin-test.js";
import type { StepId } from "../steps/registry.js";
import type { Verdict } from "../steps/types.js";
import { AdminIdentityScreen } from "./AdminIdentityScreen.js";
import { AlertsScreen } from "./AlertsScreen.js";
import { PasswordPolicyScreen } from "./PasswordPolicyScreen.js";
import { RootKeysScreen } from "./RootKeysScreen.js";
import { RootMfaScreen } from "./RootMfaScreen.js";
import { SigninScreen } from "./SigninScreen.js";
import type { StepScreenProps } from "./use-step.js";
import { UserMfaScreen } from "./UserMfaScreen.js";

/** What the shell hands a step's screen: the step's own props, the results so far, and the run's options. */
export interface StepSlot extends StepScreenProps {
  results: Partial<Record<StepId, Verdict>>;
  /** The SNS topic for root-activity alerts (--topic). */
  topicName?: string;
}

export const STEP_SCREENS = {
  "root-access-keys": (p) => <RootKeysScreen {...p} />,
  "root-mfa": (p) => <RootMfaScreen {...p} />,
  "operator-mfa": (p) => <UserMfaScreen {...p} />,
  "password-policy": (p) => <PasswordPolicyScreen {...p} />,
  "admin-identity": (p) => <AdminIdentityScreen {...p} />,
  "root-alerts": (p) => <AlertsScreen {...p} topicName={p.topicName} />,
  // The sign-in test doubles as a fire drill when alerts were set up in this run.
  "root-signin": (p) => <SigninScreen {...p} drill={drillRoutes(p.results)} />,
} satisfies Record<StepId, (props: StepSlot) => ReactElement>;

/** The screen of step `control`: the app's one component for all of them, loaded lazily. */
export function StepScreen({ control, ...slot }: StepSlot & { control: StepId }) {
  const Screen = STEP_SCREENS[control];
  return <Screen {...slot} />;
}
