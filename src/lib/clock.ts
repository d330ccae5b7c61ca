// The real clock, in one place. Whatever reads the time or waits takes a `now` and a `sleep` that can be injected
// (tests with a fake clock control every delay); these are the defaults when nothing is.
export const systemNow = (): Date => new Date();

export const systemSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
