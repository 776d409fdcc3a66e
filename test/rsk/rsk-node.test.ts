import { expect } from "chai";
import { network } from "hardhat";

import { developmentKeys } from "../../lib/rsk/node/accounts.js";
import type { RskNodeOptions } from "../../lib/rsk/node/node.js";
import { startRskNode, type RunningRskNode } from "../../lib/rsk/node/start.js";

const MINIMUM = 60_000_000n;
const KEYS = developmentKeys(2);

/** An RSK-shaped testnet node and a connection configured as `rskTestnet` is: URL + private keys. */
async function rskTestnetOn(options: Partial<RskNodeOptions> = {}) {
  const running = await startRskNode(network, {
    chainId: 31,
    minimumGasPrice: MINIMUM,
    gasPriceMultiplier: 1,
    ...options,
  });
  const client = await network.create({
    network: "rskTestnet",
    override: { url: running.url, accounts: KEYS },
  });
  return { running, client };
}

describe("RSK-shaped node", function () {
  let running: RunningRskNode | undefined;
  let close: (() => Promise<void>) | undefined;

  afterEach(async function () {
    await close?.();
    await running?.close();
    running = undefined;
    close = undefined;
  });

  describe("when an account is configured by private key (as rskTestnet)", function () {
    it("receives a signed type-0 chain-31 transaction when no gas price is set", async function () {
      const setup = await rskTestnetOn();
      running = setup.running;
      close = () => setup.client.close();
      const [from, to] = await setup.client.ethers.getSigners();
      const sent = await from.sendTransaction({ to: to.address, value: 1n });
      const receipt = await sent.wait();
      expect(receipt?.status).to.equal(1);
      const received = running.node.received;
      expect(received).to.have.length(1);
      expect(received[0]).to.deep.include({
        method: "eth_sendRawTransaction",
        type: 0,
        chainId: 31,
        hash: sent.hash,
      });
      expect(received[0].refused).to.equal(undefined);
    });
  });
});
