// Runs in every test worker before the test file is imported.
//
// Ink decides at import time (through is-in-ci) whether it is "in CI", and in CI it draws nothing until the
// app exits. CI runs this suite with CI=true, so remove the flag before any test file imports Ink. Vitest
// evaluates setupFiles before the test module (and so before its static imports); test/unit/ci-env.test.tsx
// checks that this order holds.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

// A confirmation panel takes Enter only after it has been on screen a while and the keyboard was quiet
// (src/screens/confirm-guard.ts). The in-process tests press a key as soon as the frame shows it, as no person
// can: their timing is zero (a burst still never confirms). The guard's own tests set CONFIRM_TIMING, and the
// end-to-end walks run the built program, with the real figures. Imported only now, after CI is gone (it loads Ink).
const { confirmTiming } = await import("../src/screens/confirm-guard.js");
Object.assign(confirmTiming, { seenMs: 0, quietMs: 0, settleMs: 0 });
export {};
