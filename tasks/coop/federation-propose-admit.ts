export { default } from "./federation-propose.js";
