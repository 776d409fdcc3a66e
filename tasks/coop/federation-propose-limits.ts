export { proposeLimits as default } from "./federation-propose.js";
