#!/usr/bin/env bash
# End-to-end as on RSK testnet: start the RSK-shaped node (chain 31, no
# node-managed accounts, a block every 30 s of chain time, a minimum gas
# price that rises 1% a block toward its target, eth_gasPrice = the minimum),
# then run the demo (the full Ignition deployment and the cooperative's life)
# and every CLI command that sends a transaction through the `rskLocal`
# network: configured as rskTestnet is, with a URL and private keys. At the
# end, check every transaction the node received (scripts/e2e-rsk-check.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

port=${E2E_RSK_PORT:-4445}
url="http://127.0.0.1:$port"
log=$(mktemp -d)
deployments=deploy/deployments/chain-31
rpc() { # rpc <method> [params json]
  curl -sf -H 'content-type: application/json' \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" "$url"
}
if rpc eth_chainId >/dev/null 2>&1; then echo "e2e: port $port is already in use"; exit 1; fi
# Chain 31 is RSK testnet's: never overwrite a real testnet deployment's journal.
if [ -e "$deployments" ]; then
  echo "e2e: $deployments exists (an RSK testnet deployment?); move it away first"; exit 1
fi

RSK_NODE_PORT=$port RSK_NODE_CHAIN_ID=31 RSK_NODE_BLOCKS=30s RSK_NODE_TICK_MS=100 \
  RSK_NODE_MINIMUM_GAS_PRICE=60000000 RSK_NODE_TARGET_MINIMUM_GAS_PRICE=66000000 \
  RSK_NODE_GAS_PRICE_MULTIPLIER=1 RSK_NODE_LOG="$log/received.jsonl" \
  node_modules/.bin/hardhat run scripts/rsk-node.ts >"$log/node.log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; rm -rf "$deployments"' EXIT

for _ in $(seq 1 240); do
  rpc eth_chainId >/dev/null 2>&1 && break
  sleep 0.5
done
rpc eth_chainId >/dev/null || { echo "e2e: the RSK node did not start"; cat "$log/node.log"; exit 1; }

# The rskLocal network, as a user configures rskTestnet: a URL and private keys
# (here Hardhat's well-known development keys, funded on the local chain).
keys=$(node -e '
const { HDNodeWallet, Mnemonic } = require("ethers");
const m = Mnemonic.fromPhrase("test test test test test test test test test test test junk");
for (let i = 0; i < 4; i++) console.log(HDNodeWallet.fromMnemonic(m, `m/44'"'"'/60'"'"'/0'"'"'/0/${i}`).privateKey);
')
mapfile -t key <<<"$keys"
export RSK_LOCAL_RPC_URL=$url RSK_LOCAL_PRIVATE_KEY=${key[0]} RSK_LOCAL_PRIVATE_KEY_1=${key[1]} \
  RSK_LOCAL_PRIVATE_KEY_2=${key[2]} RSK_LOCAL_PRIVATE_KEY_3=${key[3]}

check() { # check <what> <file> <pattern>
  if grep -Eq "$3" "$2"; then echo "e2e ok: $1"; else echo "e2e FAILED: $1"; cat "$2"; exit 1; fi
}
coop() { # coop <log name> <args...>: a CLI command on rskLocal that must succeed
  local name=$1; shift
  if ! npx hardhat coop "$@" --network rskLocal >"$log/$name.log" 2>&1; then
    echo "e2e FAILED: coop $*"; cat "$log/$name.log"; exit 1
  fi
}
advance() { # advance <seconds>: rskj EvmModule's evm_increaseTime, then a block
  rpc evm_increaseTime "[\"0x$(printf '%x' "$1")\"]" >/dev/null
  rpc evm_mine >/dev/null
}

npx hardhat run scripts/e2e-rsk-wrbtc.ts --network rskLocal >"$log/wrbtc.log" 2>&1 || { cat "$log/wrbtc.log"; exit 1; }
check "WRBTC at the address rskLocal.json names" "$log/wrbtc.log" "^WRBTC $(node -e 'console.log(require("./deploy/parameters/rskLocal.json").Dex.wrbtc)')$"
npx hardhat deploy --network rskLocal >"$log/deploy.log" 2>&1 || { cat "$log/deploy.log"; exit 1; }
test -f "$deployments/deployed_addresses.json"
echo "e2e ok: npm run deploy on the RSK node"
# The demo deploys its own cooperative with founders' balances: a new journal.
rm -rf "$deployments"

npx hardhat run scripts/demo.ts --network rskLocal >"$log/demo.log" 2>&1 || { cat "$log/demo.log"; exit 1; }
check "demo executed the approval proposal on the RSK node" "$log/demo.log" "executed \(gas [0-9,]+\): minted 17.5 hours and 5 care"
check "demo defended the floor on the RSK node" "$log/demo.log" "floor defended: spent"
test -f "$deployments/deployed_addresses.json"

bob=$(node -e 'console.log(new (require("ethers").Wallet)(process.argv[1]).address.toLowerCase())' "${key[2]}")
coop claim claim --from 2 --hours 1.5 --category care --evidence e2e
check "a claim" "$log/claim.log" "^claim 5 submitted: 1.5 hours of care work"
coop approve propose approve --claims 5 --from 1
coop revoke propose revoke --account "$bob" --hours 1 --reason e2e --from 1
coop param propose param --name votingPeriod --value 600 --from 1
coop sale propose sale --price 0.0002 --cap 10 --accountCap 5 --days 7 --from 1
coop band-proposal propose band --floor 0.00008 --ceiling 0.00015 --budget 0.0001 --emission 10 --period 86400 --slippage 20 --from 1
proposal=$(sed -n 's/^proposal \(p[0-9a-f]*\): .*/\1/p' "$log/approve.log" | head -1)
test -n "$proposal" || { echo "e2e FAILED: no proposal id"; cat "$log/approve.log"; exit 1; }
# rskLocal.json: votingDelay 60 s, votingPeriod 1 day, timelock 600 s (chain time runs
# 30 s a block by itself, so the periods are long enough for the CLI to vote in).
advance 61
for from in 1 2 3; do coop "vote-$from" vote --proposal "$proposal" --support for --from "$from"; done
advance 86401
coop queue queue --proposal "$proposal" --from 1
advance 601
coop execute execute --proposal "$proposal" --from 1
coop fund fund --amount 0.001 --from 1
coop redeem redeem --category commons --hours 1 --from 1
coop swap swap --sell reserve --amount 0.0001 --from 3
coop liquidity-add liquidity add --hours 1 --amount 0.0001 --from 1
coop liquidity-remove liquidity remove --from 1
coop buy buy --hours 1 --from 3
check "a purchase in the founding sale" "$log/buy.log" "bought"
# The demo already defended the floor: a second defence may be sent or refused, never half-done.
if npx hardhat coop band --defend floor --network rskLocal --from 3 >"$log/band.log" 2>&1; then
  echo "e2e ok: the band defended again"
else
  test "$(wc -l <"$log/band.log")" -eq 1 || { echo "e2e FAILED: band"; cat "$log/band.log"; exit 1; }
  echo "e2e ok: a band defence that is not due is refused in one line: $(cat "$log/band.log")"
fi
coop status status --from 1 --proposals 6
check "the approval proposal executed" "$log/status.log" "^$proposal  executed  "

node scripts/e2e-rsk-check.ts "$log/received.jsonl" "$url" 40
echo "e2e (RSK-shaped node): passed"
