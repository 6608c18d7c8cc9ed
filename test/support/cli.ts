// Runs pono's CLI as a user would (`node bin/pono.js …`) and spells its options from an object, so a test names
// the values that matter instead of repeating the flags.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type CliOptions = Record<string, string | true | undefined>;

/** `command…` followed by `--kebab-case value` for each option (`true` gives a bare flag; undefined is left out). */
export function cliArgs(command: string[], options: CliOptions = {}): string[] {
  const args = [...command];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    args.push(`--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
    if (value !== true) args.push(value);
  }
  return args;
}

/** A function running `pono …` in the given environment, resolving with its output or rejecting with its exit code. */
export function ponoCli(env: NodeJS.ProcessEnv) {
  return (...args: string[]) => run(process.execPath, ['bin/pono.js', ...args], { env, timeout: 60_000 });
}

export interface CliFailure {
  code: number;
  stderr: string;
}
