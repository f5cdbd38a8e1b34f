// Part of scripts/wasm-link. The page chunks call into the main module through its function
// table, which they take from the main module's exports as `__indirect_function_table`; but
// wasm-bindgen deletes that export (trunk cannot pass it --keep-lld-exports). So the table is
// exported a second time under a name wasm-bindgen leaves alone, and the chunks' loader reads
// it from there.
//   node scripts/wasm-split-table.mjs <main.wasm> <__wasm_split.js>
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, loaderPath] = process.argv.slice(2);
const FROM = '__indirect_function_table';
const ALIAS = '__runway_split_table';

function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
function encode(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return Buffer.from(out);
}
function fail(why) {
  console.error(`wasm-split-table: ${why}`);
  process.exit(1);
}

const wasm = readFileSync(wasmPath);
if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
let at = 8;
let patched = null;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = uleb(wasm, at + 1);
  const end = body + size;
  if (id === 7) {
    let [count, p] = uleb(wasm, body);
    let entry = null;
    for (let i = 0; i < count; i++) {
      const [len, nameAt] = uleb(wasm, p);
      const name = wasm.toString('utf8', nameAt, nameAt + len);
      const kind = wasm[nameAt + len];
      const [index, next] = uleb(wasm, nameAt + len + 1);
      if (name === ALIAS) fail(`${wasmPath} already exports ${ALIAS}`);
      if (name === FROM && kind === 1) entry = index;
      p = next;
    }
    if (entry === null) fail(`${wasmPath} does not export its table as ${FROM}`);
    const name = Buffer.from(ALIAS, 'utf8');
    const content = Buffer.concat([
      encode(count + 1),
      wasm.subarray(uleb(wasm, body)[1], end),
      encode(name.length),
      name,
      Buffer.from([1]),
      encode(entry),
    ]);
    patched = Buffer.concat([wasm.subarray(0, at), Buffer.from([7]), encode(content.length), content, wasm.subarray(end)]);
    break;
  }
  at = end;
}
if (!patched) fail(`${wasmPath} has no export section`);
writeFileSync(wasmPath, patched);

const loader = readFileSync(loaderPath, 'utf8');
const destructure = /const \{([^}]*)\b__indirect_function_table\b([^}]*)\} = initSync/;
if (!destructure.test(loader)) fail(`${loaderPath} does not take the table from initSync's exports`);
writeFileSync(
  loaderPath,
  loader.replace(destructure, `const {$1${ALIAS}: __indirect_function_table$2} = initSync`),
);
