// Exit statuses, distinct so a script (or a test) can tell how a run ended.
export const EXIT = {
  /** The wizard finished and every control is verified. */
  verified: 0,
  /** The wizard finished, but something is not verified, failed or was skipped. */
  notAllVerified: 1,
  /** Bad arguments, or no terminal to run the wizard in. */
  usage: 2,
  /** `rootlock check` could not audit: no AWS credentials (its report's own 2 means a control could not be read). */
  notAudited: 2,
  /** The operator quit with q before the end. */
  quit: 3,
  /** Ctrl-C (the conventional 128 + SIGINT). */
  interrupted: 130,
} as const;
