export { federationExecute as default } from "./federation-vote.js";
