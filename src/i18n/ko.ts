// PLACEHOLDER until the Korean catalogue lands.
export { en as ko } from "./en.js";
