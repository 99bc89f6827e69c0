#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled TypeScript under dist/.
require("../dist/provider/src/cli/main.js").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : String(err)); process.exitCode = 1; },
);
