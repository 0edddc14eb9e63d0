#!/usr/bin/env node
import { headroomCli } from './commands/index.js';
import { runCli } from './run-cli.js';

// A reader that stops early (`headroom inspect --json | head`) closes the pipe: stop quietly, as Unix
// tools do, instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const code = await runCli(headroomCli, process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
});
// Let pending writes to piped stdout finish instead of exiting mid-flush.
process.exitCode = code;
