#!/usr/bin/env node
/**
 * The Rackplan command line: the same model code as the app, for plans kept in git.
 * `plan --help` lists every command (from `registry.ts`) with its options and the exit codes.
 */
import { COMMANDS } from './registry';
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), COMMANDS, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
