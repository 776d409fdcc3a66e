export { federationQueue as default } from "./federation-vote.js";
