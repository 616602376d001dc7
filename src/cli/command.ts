/**
 * One shape for every CLI command: its name, arguments, options and help, declared once, so
 * `plan --help`, `plan <command> --help`, argument checking and the exit codes are the same for
 * all of them. Commands live in `commands/<name>.ts` and are listed in `registry.ts`.
 *
 * Exit codes: 0 fine; 1 the plan fails (invalid, or a gate such as `sweep` or `check` fails);
 * 2 usage (unknown command or flag, missing argument, unreadable file).
 */

export const EXIT_OK = 0;
export const EXIT_PLAN_FAILS = 1;
export const EXIT_USAGE = 2;

export interface CliArgument {
  name: string;
  description: string;
  optional?: boolean;
  /** Takes every remaining positional argument (must be last). */
  variadic?: boolean;
}

export interface CliOption {
  name: string;
  type: 'boolean' | 'string';
  description: string;
  /** Shown in help as `--name VALUE`. */
  valueName?: string;
  /** May be given several times (`--fail rack:R2 --fail feed:R3/A`); its value is then a string array. */
  multiple?: boolean;
  /** Allowed values of a string option; anything else is a usage error naming the option. */
  choices?: readonly string[];
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** What a command may do to the outside world; tests pass their own. */
export interface CliIo {
  /** Writes to stdout; text from a plan is made inert before it reaches the terminal. */
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext {
  args: string[];
  options: OptionValues;
  io: CliIo;
}

export interface CliCommand {
  name: string;
  /** One line for `plan --help`. */
  summary: string;
  args: readonly CliArgument[];
  options: readonly CliOption[];
  /** Returns the exit code. Throw `CliExit` to stop with a message. */
  run(ctx: CliContext): number | Promise<number>;
}

/** Stops a command with an exit code and a message for stderr. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

/** The `--json` option most report commands share. */
export const JSON_OPTION: CliOption = { name: 'json', type: 'boolean', description: 'print the result as JSON instead of text' };

/** The `<file>` argument most commands share. */
export const PLAN_FILE: CliArgument = { name: 'file', description: 'a plan, JSON or YAML' };
