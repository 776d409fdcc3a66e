import { HDNodeWallet, Mnemonic } from "ethers";

/** Hardhat's well-known development mnemonic: test keys only, never for value. */
export const DEVELOPMENT_MNEMONIC = "test test test test test test test test test test test junk";

/** The first `count` private keys of Hardhat's development accounts. */
export function developmentKeys(count: number): string[] {
  const mnemonic = Mnemonic.fromPhrase(DEVELOPMENT_MNEMONIC);
  return Array.from(
    { length: count },
    (_, i) => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`).privateKey,
  );
}
