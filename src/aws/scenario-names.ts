// The simulated accounts' names, on their own so that option parsing can list them without loading the
// simulated account itself (which `--help` and bad arguments must not pay for).
export const SCENARIOS = ["new-account", "clean", "hardened", "root-key"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
