// The peer side of bench_mrz: parses the same generated documents with the npm `mrz`
// package (https://www.npmjs.com/package/mrz) and prints one JSON line
// {"documents", "valid", "seconds", "cpu_seconds"}: the best of 3 rounds of parsing only
// (reading and splitting the file are not timed, as on the C++ side).
//   node tests/bench/mrz_peer.js DOCUMENTS_FILE NPM_PREFIX
// NPM_PREFIX is the folder given to `npm install --prefix NPM_PREFIX mrz`.
'use strict';
const fs = require('fs');
const path = require('path');
const url = require('url');

async function main() {
  const [file, prefix] = process.argv.slice(2);
  if (!file || !prefix) {
    console.error('usage: node mrz_peer.js DOCUMENTS_FILE NPM_PREFIX');
    process.exit(2);
  }
  const dir = path.join(prefix, 'node_modules', 'mrz');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const entry = (pkg.exports && (pkg.exports['.'].import || pkg.exports['.'].default || pkg.exports['.'])) || pkg.main;
  const { parse } = await import(url.pathToFileURL(path.join(dir, entry)).href);

  const docs = fs.readFileSync(file, 'utf8').split(/\n\s*\n/)
    .map((d) => d.split('\n').filter((l) => l.length > 0))
    .filter((d) => d.length > 0);
  let best = Infinity;
  let bestCpu = Infinity;
  let valid = 0;
  for (let round = 0; round < 3; ++round) {
    valid = 0;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const d of docs) {
      try {
        if (parse(d).valid) ++valid;
      } catch (e) {
        // the package throws on a layout it does not know; counted as not valid
      }
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0); // microseconds, user + system, all threads
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  console.log(JSON.stringify({ documents: docs.length, valid, seconds: best, cpu_seconds: bestCpu, version: pkg.version }));
}

main().catch((e) => {
  console.error(String(e && e.stack || e));
  process.exit(1);
});
