import { task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

/**
 * `npx hardhat deploy --network <name>`: deploys a whole cooperative (the
 * `Confoederatio` Ignition module) with `deploy/parameters/<name>.json`, or
 * resumes the deployment recorded for that chain, and prints every address.
 */
const deployTask = task("deploy", "Deploy a cooperative on --network, or resume its deployment")
  .addOption({
    name: "parameters",
    description: "The parameters file, instead of deploy/parameters/<network>.json",
    type: ArgumentType.STRING_WITHOUT_DEFAULT,
    defaultValue: undefined,
  })
  .setAction(() => import("./deploy-action.js"))
  .build();

export default deployTask;
