export { proposeSettlementRate as default } from "./federation-propose.js";
