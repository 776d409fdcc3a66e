#!/usr/bin/env bash
# End-to-end over JSON-RPC: start `hardhat node`, run the demo against it,
# drive the CLI against the deployment the demo recorded, check the outcome,
# and stop the node. Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
# The project's own Node 22 and tools first, also when run without npm.
export PATH="$PWD/node_modules/.bin:$PATH"

port=${E2E_PORT:-8545}
log=$(mktemp -d)
rpc() {
  curl -sf -H 'content-type: application/json' \
    --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":[]}" "http://127.0.0.1:$port"
}
if rpc eth_chainId >/dev/null 2>&1; then echo "e2e: port $port is already in use"; exit 1; fi

# Started directly, not through npx, so that $! is the node itself and the trap stops it.
node_modules/.bin/hardhat node --port "$port" >"$log/node.log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  rpc eth_chainId >/dev/null 2>&1 && break
  sleep 0.5
done
rpc eth_chainId >/dev/null || { echo "e2e: the node did not start"; cat "$log/node.log"; exit 1; }

check() { # check <what> <file> <pattern>
  if grep -Eq "$3" "$2"; then echo "e2e ok: $1"; else echo "e2e FAILED: $1"; cat "$2"; exit 1; fi
}

# A new node is a new chain: forget any deployment recorded for an earlier one.
rm -rf deploy/deployments/chain-31337

npx hardhat run scripts/demo.ts --network localhost >"$log/demo.log" 2>&1
check "demo executed the approval proposal" "$log/demo.log" "executed \(gas [0-9,]+\): minted 17.5 hours and 5 care"
check "demo defended the floor" "$log/demo.log" "floor defended: spent 0\.[0-9]+ RBTC, bought back and burned 0\.[0-9]+ hours"
test -f deploy/deployments/chain-31337/deployed_addresses.json

npx hardhat coop status --network localhost --from 1 --proposals 1 >"$log/status.log" 2>&1
check "status reads the deployment" "$log/status.log" "^account 0x70997970C51812dc3A010C7d01b50e0d17dc79C8$"
check "status shows the executed proposal" "$log/status.log" "^p[0-9a-f]{8}  executed  "

npx hardhat coop claim --network localhost --from 2 --hours 1.5 --category care --evidence e2e >"$log/claim.log" 2>&1
check "a claim over JSON-RPC" "$log/claim.log" "^claim 5 submitted: 1.5 hours of care work"

if npx hardhat coop redeem --network localhost --from 3 --category commons --hours 500 >"$log/bad.log" 2>&1; then
  echo "e2e FAILED: redeeming 500 hours succeeded"; exit 1
fi
check "a bad redemption is refused in one line" "$log/bad.log" "^error: .* cannot redeem 500$"
test "$(wc -l <"$log/bad.log")" -eq 1 || { echo "e2e FAILED: more than one line"; cat "$log/bad.log"; exit 1; }

rm -rf deploy/deployments/chain-31337
echo "e2e: passed"
