// Runs in every test worker before the test file is imported.
//
// Ink decides at import time (through is-in-ci) whether it is "in CI", and in CI it draws nothing until the
// app exits. CI runs this suite with CI=true, so remove the flag before any test file imports Ink. Vitest
// evaluates setupFiles before the test module (and so before its static imports); test/unit/ci-env.test.tsx
// checks that this order holds.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
