// A view that covers the page inside the frame: the frame draws it instead of the screen (whose state is kept,
// hidden), without the step list, so it has the whole terminal but the header and the keys line. The QR code
// uses it where the terminal is too small for the code and the code fields together (80x24).
import { createContext, type ReactNode, useContext, useLayoutEffect } from "react";

interface CoverHost {
  /** False outside a frame (a screen rendered alone in a test): nothing can cover the page. */
  hosted: boolean;
  /** Whether a view covers the page now: the page's text fields do not take keys meanwhile. */
  covered: boolean;
  set: (view: ReactNode | undefined) => void;
}

export const CoverContext = createContext<CoverHost>({ hosted: false, covered: false, set: () => {} });

/** Covers the page with `view` while it is defined. Pass a memoised view: a new one each render redraws the frame. */
export function useCover(view: ReactNode | undefined): void {
  const { set } = useContext(CoverContext);
  useLayoutEffect(() => set(view), [set, view]);
  useLayoutEffect(() => () => set(undefined), [set]);
}

export const useCovered = (): boolean => useContext(CoverContext).covered;
