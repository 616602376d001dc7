import { parseArgs } from 'node:util';
import { CliExit, EXIT_USAGE, type CliCommand, type CliIo, type OptionValues } from './command';
import { inertText } from './safeText';
import { commandUsage, programUsage } from './usage';

/**
 * Runs `plan <argv…>` against a list of commands and returns the exit code. Options are parsed
 * strictly with `node:util` `parseArgs`: an unknown flag, a missing value, a value outside an
 * option's choices or a wrong number of arguments exits 2 with that command's usage. Everything
 * written to stdout and stderr passes through `inertText`.
 */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { out: (t) => rawIo.out(inertText(t)), err: (t) => rawIo.err(inertText(t)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(`${programUsage(commands)}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`plan: unknown command "${name}"\n${programUsage(commands)}\n`);
    return EXIT_USAGE;
  }
  const usageError = (message: string) => {
    io.err(`plan ${command.name}: ${message}\n${commandUsage(command)}\n`);
    return EXIT_USAGE;
  };
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = { help: { type: 'boolean' } };
    for (const o of command.options) options[o.name] = o.multiple ? { type: o.type, multiple: true } : { type: o.type };
    parsed = parseArgs({ args: [...rest], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    return usageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (parsed.values.help) {
    io.out(`${commandUsage(command)}\n`);
    return 0;
  }
  for (const o of command.options) {
    if (!o.choices) continue;
    const v = parsed.values[o.name];
    const values = v === undefined ? [] : Array.isArray(v) ? v : [String(v)];
    const bad = values.find((x) => !o.choices?.includes(x));
    if (bad !== undefined) return usageError(`--${o.name} must be one of ${o.choices.join(', ')}, got "${bad}"`);
  }
  const required = command.args.filter((a) => !a.optional).length;
  const variadic = command.args.some((a) => a.variadic);
  if (parsed.positionals.length < required) return usageError(`missing <${command.args[parsed.positionals.length].name}>`);
  if (!variadic && parsed.positionals.length > command.args.length) return usageError(`unexpected argument "${parsed.positionals[command.args.length]}"`);
  try {
    return await command.run({ args: parsed.positionals, options: parsed.values, io });
  } catch (error) {
    if (error instanceof CliExit) {
      io.err(`${error.message}\n`);
      return error.code;
    }
    throw error;
  }
}
