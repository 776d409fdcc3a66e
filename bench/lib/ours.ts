/** Our side of the bench: the cooperative's contracts, measured in the same state as the
 * anchors. Each piece runs only when its contracts are in the build; a missing piece is listed
 * under "Not measured" and its targets fail `--check`. */
import type { Chain } from "./chain.js";
import { progress } from "./chain.js";
import { type Coop, creditCast, deployCoopDirect, extraMembers } from "./ours-coop.js";
import { HOLDER_BALANCE, MEMBERS_LARGE, MEMBERS_SMALL, TRANSFER_AMOUNT } from "./settings.js";

/** The contracts each piece needs. */
const PIECES = {
  tokens: ["WorkHours", "CareReputation"],
  registry: ["ContributionRegistry"],
  governance: ["HolisticGovernor", "CoopTimelock"],
  treasury: ["RedemptionTreasury"],
  dex: ["CoopPair", "CoopPairFactory", "CoopRouter", "WRBTC", "CoopTwapOracle"],
} as const;

type Piece = keyof typeof PIECES;

async function landed(chain: Chain, piece: Piece): Promise<boolean> {
  const missing: string[] = [];
  for (const name of PIECES[piece]) if (!(await chain.has(name))) missing.push(name);
  if (missing.length > 0) chain.recorder.skip(`${piece}: ${missing.join(", ")} not in the build`);
  return missing.length === 0;
}

export async function measureOurs(chain: Chain) {
  const present = new Set<Piece>();
  for (const piece of Object.keys(PIECES) as Piece[]) {
    if (await landed(chain, piece)) present.add(piece);
  }
  if (present.has("dex")) {
    const { measureDex } = await import("./ours-dex.js");
    await measureDex(chain);
  }
  if (!present.has("tokens")) return;

  const coop = await deployCoopDirect(chain, present.has("treasury"));
  await creditCast(coop);
  if (coop.members.length !== MEMBERS_SMALL) {
    throw new Error(`bench: the cast is ${coop.members.length} members, not ${MEMBERS_SMALL}`);
  }
  await chain.advance(1);
  await measureTransfers(chain, coop);
  if (coop.treasury !== null) await measureTreasury(chain, coop, "small");

  progress(`ours: growing the membership to ${MEMBERS_LARGE}`);
  await coop.credit(extraMembers(0, MEMBERS_LARGE - MEMBERS_SMALL), HOLDER_BALANCE);
  await chain.advance(1);
  if (coop.treasury !== null) await measureTreasury(chain, coop, "large");
}

async function measureTransfers(chain: Chain, coop: Coop) {
  progress("ours: WorkHours transfers");
  const { alice, bob } = coop.cast;
  const [carol] = await chain.wallets(1, "ours-token-new");
  const work = coop.work.connect(alice);
  const existing = await chain.measure(work.transfer(bob.address, TRANSFER_AMOUNT));
  chain.recorder.record("token.transfer.existing", "ours", existing.gas);
  await chain.traceStorage(
    "ours.token.transfer.existing",
    "WorkHours transfer to an existing holder",
    existing,
  );
  const fresh = await chain.measure(work.transfer(carol.address, TRANSFER_AMOUNT));
  chain.recorder.record("token.transfer.new", "ours", fresh.gas);
}

/** Deposit (small membership only) and redeem, each after a warm-up of the same call. */
async function measureTreasury(chain: Chain, coop: Coop, scale: "small" | "large") {
  const treasury = coop.treasury;
  if (treasury === null) return;
  progress(`ours: treasury at ${coop.members.length} members`);
  const [donor] = (await chain.ethers.getSigners()).slice(16);
  const amount = 10n ** 18n;
  if (scale === "small") {
    await chain.send(treasury.connect(donor).deposit(amount, { value: amount }));
    const deposit = await chain.measure(treasury.connect(donor).deposit(amount, { value: amount }));
    chain.recorder.record("treasury.deposit", "ours", deposit.gas);
    await chain.traceStorage("ours.treasury.deposit", "RedemptionTreasury deposit", deposit);
  }
  const redeemer = scale === "small" ? coop.cast.redeemer : coop.cast.redeemerLater;
  const redeem = await chain.measure(treasury.connect(redeemer).redeem(1, TRANSFER_AMOUNT, 0));
  if (scale === "small") {
    chain.recorder.record("treasury.redeem", "ours", redeem.gas);
    await chain.traceStorage("ours.treasury.redeem", "RedemptionTreasury redeem", redeem);
  }
  chain.recorder.scalePoint("scale.redeem.members", "ours", scale, redeem.gas);
}
