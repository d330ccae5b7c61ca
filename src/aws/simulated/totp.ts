// The simulated account checks TOTP codes as AWS does (lib/totp.ts, over otplib), but loads that code only when a
// code is first checked: the demo's first screen does not need it.
export const totp = () => import("../../lib/totp.js");
