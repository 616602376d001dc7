import { evaluate } from '../../models/evaluate';
import { headline } from '../../models/headline/headline';
import { compareHeadlines, planChanges } from '../../models/headline/comparePlans';
import { JSON_OPTION, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';

const LIST_LIMIT = 20;

function list(title: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  return [
    `${title} (${items.length}):`,
    ...items.slice(0, LIST_LIMIT).map((i) => `  ${i}`),
    ...(items.length > LIST_LIMIT ? [`  … and ${items.length - LIST_LIMIT} more`] : []),
  ];
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'compare two plans: every headline figure side by side with the difference and the better plan, then what changed',
  args: [
    { name: 'a.json', description: 'the first plan (JSON or YAML)' },
    { name: 'b.json', description: 'the second plan (JSON or YAML)' },
  ],
  options: [JSON_OPTION],
  run({ args, options, io }) {
    const a = loadPlan(args[0]);
    const b = loadPlan(args[1]);
    const figures = compareHeadlines(headline(evaluate(a)), headline(evaluate(b)));
    const changes = planChanges(a, b);
    if (options.json) {
      io.out(`${JSON.stringify({ a: { file: args[0], name: a.name }, b: { file: args[1], name: b.name }, figures, changes }, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...figures.map((f) => f.label.length), 6);
    const col = Math.max(...figures.map((f) => (f.a?.text ?? '-').length), 10);
    const lines = [
      `a: ${a.name} (${args[0]})`,
      `b: ${b.name} (${args[1]})`,
      '',
      `${'figure'.padEnd(width)}  ${'a'.padEnd(col)}  ${'b'.padEnd(col)}  difference     better`,
      ...figures.map(
        (f) =>
          `${f.label.padEnd(width)}  ${`${f.a?.text ?? '-'}`.padEnd(col)}  ${`${f.b?.text ?? '-'}`.padEnd(col)}  ${(f.difference ?? '').padEnd(13)}  ${f.better ?? ''}`,
      ),
      '',
      ...list('Nodes added', changes.added),
      ...list('Nodes removed', changes.removed),
      ...list('Nodes moved', changes.moved),
      ...list('Nodes changed', changes.changedNodes),
      ...list('Settings changed', changes.settings),
    ];
    if (changes.added.length + changes.removed.length + changes.moved.length + changes.changedNodes.length + changes.settings.length === 0)
      lines.push('The plans are the same.');
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
