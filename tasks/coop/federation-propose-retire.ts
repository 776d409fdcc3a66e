import { proposeStatus } from "./federation-propose.js";

export default proposeStatus("retire");
