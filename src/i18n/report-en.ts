// The wizard's evidence report in words (English): its headings and labels. A module of its own, importing
// nothing, like evidence-en.ts: steps/report.ts renders the Markdown with it by default, without the catalogue.
// The JSON keeps its English keys and text whatever the run's language; the Markdown is said in it.
export const reportEn = {
  title: "rootlock evidence report",
  account: "Account",
  caller: "Caller",
  mode: "Mode",
  started: "Started",
  ended: "Ended",
  unknown: "unknown",
  simulated: (scenario: string | undefined) => `simulated account${scenario ? `, scenario ${scenario}` : ""}`,
  endings: { finished: "finished", quit: "quit by the operator before the end", interrupted: "interrupted (Ctrl-C)" },
  controls: "Controls",
  head: { control: "Control", cis: "CIS v3.0", securityHub: "Security Hub", state: "State", why: "Why" },
  related: (id: string) => `${id}, related`,
  evidence: "Evidence (what was read back from AWS)",
  noRead: "(no read)",
  changes: "Changes sent",
  noChanges: "None.",
  changesHead: { time: "Time", call: "Call", params: "Parameters", outcome: "Outcome", requestId: "Request id" },
  notVerified: "Not verified",
  allVerified: "Everything is verified.",
  leftBehind: "Left behind in the account",
};

export type ReportWordsText = typeof reportEn;
