// What every screen can reach without props drilling: the message catalogue, the mode (for the badge and
// the dry-run wording), the simulated console when there is one, and the registry of undo actions.
import { createContext, useContext } from "react";
import type { AccountMode, RootConsole } from "../aws/account.js";
import type { Lang, Messages } from "../i18n/index.js";
import { en } from "../i18n/en.js";
import type { Cleanups } from "./cleanups.js";
import type { Verdict } from "../steps/types.js";
import { Cleanups as CleanupsImpl } from "./cleanups.js";

/** The simulated account's console (with its training aid for devices whose secret the trainee never saw). */
export type StandIn = RootConsole;

export interface Ui {
  t: Messages;
  lang: Lang;
  mode: AccountMode;
  standIn?: StandIn;
  cleanups: Cleanups;
  /** The verdict on screen (undefined when it leaves): a quit there reports what the operator saw. */
  showVerdict?(verdict: Verdict | undefined): void;
}

export const UiContext = createContext<Ui>({
  t: en,
  lang: "en",
  mode: "simulated",
  cleanups: new CleanupsImpl(),
});

export const useUi = () => useContext(UiContext);
