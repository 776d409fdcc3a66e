import { task } from "hardhat/config";

/**
 * `npx hardhat deploy --network <name>`: deploys a whole cooperative (the
 * `Confoederatio` Ignition module) with `deploy/parameters/<name>.json`, or
 * resumes the deployment recorded for that chain, and prints every address.
 */
const deployTask = task("deploy", "Deploy a cooperative on --network, or resume its deployment")
  .addOption({
    name: "parameters",
    description: "Parameters file (default: deploy/parameters/<network>.json)",
    defaultValue: "",
  })
  .setAction(() => import("./deploy-action.js"))
  .build();

export default deployTask;
