import type { CliCommand } from './command';

const EXIT_CODES = `exit codes:
  0  fine
  1  the plan fails: it is invalid, or a gate (sweep, check, …) fails
  2  usage: unknown command or option, missing argument, unreadable file`;

function synopsis(c: CliCommand): string {
  const args = c.args.map((a) => (a.optional ? `[<${a.name}>${a.variadic ? '…' : ''}]` : `<${a.name}>${a.variadic ? '…' : ''}`));
  const opts = c.options.map((o) => `[--${o.name}${o.type === 'string' ? ` ${o.valueName ?? o.name.toUpperCase()}` : ''}${o.multiple ? ' …' : ''}]`);
  return [c.name, ...args, ...opts].join(' ');
}

/** `plan --help`: every command with its arguments and options, and the exit codes. */
export function programUsage(commands: readonly CliCommand[]): string {
  const lines = ['usage: plan <command> [args] [options]', '', 'commands:'];
  for (const c of commands) {
    lines.push(`  ${synopsis(c)}`, `      ${c.summary}`);
    for (const o of c.options)
      lines.push(
        `      --${o.name}${o.type === 'string' ? ` ${o.valueName ?? o.name.toUpperCase()}` : ''}  ${o.description}${o.choices ? ` (${o.choices.join(' | ')})` : ''}`,
      );
  }
  lines.push('', 'plan <command> --help shows one command.', '', EXIT_CODES);
  return lines.join('\n');
}

/** `plan <command> --help`, also printed with a usage error of that command. */
export function commandUsage(c: CliCommand): string {
  const lines = [`usage: plan ${synopsis(c)}`, `  ${c.summary}`];
  if (c.args.length) lines.push('', 'arguments:', ...c.args.map((a) => `  <${a.name}>  ${a.description}`));
  if (c.options.length) {
    lines.push('', 'options:');
    for (const o of c.options)
      lines.push(
        `  --${o.name}${o.type === 'string' ? ` ${o.valueName ?? o.name.toUpperCase()}` : ''}  ${o.description}${o.choices ? ` (${o.choices.join(' | ')})` : ''}${o.multiple ? ' (repeatable)' : ''}`,
      );
  }
  lines.push('  --help  show this help');
  return lines.join('\n');
}
