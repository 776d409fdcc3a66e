import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { runCommand } from "../../lib/cli/errors.js";
import { parseChoice, required } from "../../lib/cli/parse.js";
import { SUPPORT } from "../../lib/coop/governance.js";
import { timestampText } from "../../lib/format/durations.js";
import { proposalRef } from "../../lib/governance/refs.js";
import {
  executeFederation,
  queueFederation,
  resolveFederationProposal,
  voteFederation,
} from "../../lib/coop/federation-governance.js";
import { openFederationSession } from "../../lib/coop/federation-session.js";

interface Args {
  proposal: string | undefined;
  support: string | undefined;
  from: string | undefined;
}

export default async function federationVote(args: Args, hre: HardhatRuntimeEnvironment) {
  await runCommand(async () => {
    const wanted = required(args.proposal, "--proposal");
    const support = parseChoice(args.support, "--support", SUPPORT);
    const fed = await openFederationSession(hre, args.from);
    const id = await resolveFederationProposal(fed, wanted);
    const voted = await voteFederation(fed, id, support);
    console.log(
      `Voted ${SUPPORT[support]} on federation proposal ${proposalRef(id)} with ${voted.weight} vote (transaction ${voted.hash})`,
    );
  });
}

export async function federationQueue(args: Omit<Args, "support">, hre: HardhatRuntimeEnvironment) {
  await runCommand(async () => {
    const wanted = required(args.proposal, "--proposal");
    const fed = await openFederationSession(hre, args.from);
    const id = await resolveFederationProposal(fed, wanted);
    const queued = await queueFederation(fed, id);
    console.log(
      `Queued federation proposal ${proposalRef(id)}; executable from ${timestampText(queued.eta)} (transaction ${queued.hash})`,
    );
  });
}

export async function federationExecute(
  args: Omit<Args, "support">,
  hre: HardhatRuntimeEnvironment,
) {
  await runCommand(async () => {
    const wanted = required(args.proposal, "--proposal");
    const fed = await openFederationSession(hre, args.from);
    const id = await resolveFederationProposal(fed, wanted);
    const sent = await executeFederation(fed, id);
    console.log(`Executed federation proposal ${proposalRef(id)} (transaction ${sent.hash})`);
  });
}
