export { proposeIndex as default } from "./federation-propose.js";
