/** Opcodes that the EVM of `cancun` (or later) has and RSK does not. */
export const RSK_MISSING_OPCODES: ReadonlyMap<number, string> = new Map([
  [0x1e, "CLZ"],
  [0x49, "BLOBHASH"],
  [0x4a, "BLOBBASEFEE"],
]);

const PUSH1 = 0x60;
const PUSH32 = 0x7f;

export interface OpcodeHit {
  offset: number;
  opcode: number;
  name: string;
}

function toBytes(code: string | Uint8Array): Uint8Array {
  if (typeof code !== "string") return code;
  const hex = code.startsWith("0x") ? code.slice(2) : code;
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

/** solc's metadata CBOR map `{ "ipfs": bytes(34), "solc": bytes(3) }` and its length. */
const METADATA_PREFIX = [0xa2, 0x64, 0x69, 0x70, 0x66, 0x73, 0x58, 0x22];
const METADATA_LENGTH = 53; // 51 bytes of CBOR and the 2-byte length 0x0033

function metadataAt(bytes: Uint8Array, pc: number): boolean {
  return METADATA_PREFIX.every((byte, i) => bytes[pc + i] === byte);
}

/**
 * Returns where `code` executes an opcode that RSK lacks. It walks the code
 * as the EVM does, so bytes inside PUSH1..PUSH32 immediates (constants,
 * addresses) are data, not instructions, and never count. Solidity metadata
 * (the trailer, and that of any creation code embedded by `new`) is data
 * that no jump can reach, and is skipped too.
 */
export function findMissingOpcodes(code: string | Uint8Array): OpcodeHit[] {
  const bytes = toBytes(code);
  const end = executableLength(bytes);
  const hits: OpcodeHit[] = [];
  for (let pc = 0; pc < end; pc++) {
    if (metadataAt(bytes, pc)) {
      pc += METADATA_LENGTH - 1;
      continue;
    }
    const opcode = bytes[pc];
    const name = RSK_MISSING_OPCODES.get(opcode);
    if (name !== undefined) hits.push({ offset: pc, opcode, name });
    if (opcode >= PUSH1 && opcode <= PUSH32) pc += opcode - PUSH1 + 1;
  }
  return hits;
}

/** Length of `bytes` without solc's CBOR metadata trailer, if it has one. */
export function executableLength(bytes: Uint8Array): number {
  if (bytes.length < 2) return bytes.length;
  const metadataLength = (bytes[bytes.length - 2] << 8) | bytes[bytes.length - 1];
  const start = bytes.length - 2 - metadataLength;
  // A CBOR map of solc metadata starts with 0xa1..0xa5 (a map of 1 to 5 entries).
  if (metadataLength > 0 && start >= 0 && bytes[start] >= 0xa1 && bytes[start] <= 0xa5) {
    return start;
  }
  return bytes.length;
}
