// ESLint (flat config): the recommended JavaScript and TypeScript rules and React's two rules of hooks, over all
// the code tsc checks (src, test, scripts, bench) and the config files beside this one. Formatting is Prettier's
// job (.prettierrc.json): no stylistic rule here.
//
// Not type-aware: tsc --noEmit (strict) already runs in `npm test`, and typescript-eslint's type-checked preset
// doubled the lint's time while finding mostly `any` from JSON.parse in tests and async adapter methods that
// need no await (they implement an async port).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["dist/", "coverage/", ".test-results/", "bench/.out/"]),
  {
    files: ["**/*.{js,mjs,ts,tsx}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // tsc's own convention (noUnusedParameters): a parameter named with a leading underscore is unused on
      // purpose, to keep a signature (the catalogue's sentences that ignore their argument, a port's method).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // React's rules of hooks, both as errors: a warning would pass CI unseen. A dependency left out on purpose
    // is said so where it happens, with an eslint-disable comment that gives the reason.
    // Not the plugin's `recommended` preset: since version 7 it adds the React Compiler's rules (refs, purity,
    // immutability, set-state-in-effect), written for code the compiler memoizes; rootlock does not use the
    // compiler, and its keyboard deliberately keeps the latest bindings in refs (src/screens/keys.ts).
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Ink draws a JSX text's spaces as they are, but Prettier collapses a run of them to one (it assumes HTML's
    // rendering: https://github.com/prettier/prettier/issues/1661), which would move what the terminal shows.
    files: ["**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "JSXText[value=/(^|\\S)[ \\t]{2,}/]", message: "Prettier collapses spaces in JSX text: put them in a string, {`  ${name}`}." },
      ],
    },
  },
  {
    // Tests read what a terminal receives: their patterns match escape sequences (ESC, BEL) on purpose.
    files: ["test/**"],
    rules: { "no-control-regex": "off" },
  },
]);
