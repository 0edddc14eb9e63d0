#!/usr/bin/env node
import { headroomCli } from './commands/index.js';
import { runCli } from './run-cli.js';

const code = await runCli(headroomCli, process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
});
// Let pending writes to piped stdout finish instead of exiting mid-flush.
process.exitCode = code;
