import { BLAST_ORDER, type BlastRadius } from '../../models/drills/health';
import { runSweep } from '../../models/drills/sweep';
import { sweepBasis } from '../../models/drills/sweepBasis';
import { EXIT_OK, EXIT_PLAN_FAILS, JSON_OPTION, PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';

const FLAG_WORDS: Record<keyof BlastRadius, string> = {
  quorumLost: 'quorum lost',
  dataLost: 'data lost',
  dataUnavailable: 'data unavailable',
  capacityShort: 'capacity short',
  apiUnreachable: 'API unreachable',
  powerOverCapacity: 'power over capacity',
};

export const sweepCommand: CliCommand = {
  name: 'sweep',
  summary: 'fail every component in turn (N-1; --pairs adds pairs of racks and of feeds); exit 1 when one loses quorum or data',
  args: [PLAN_FILE],
  options: [
    { name: 'pairs', type: 'boolean', description: 'also fail every pair of racks and every pair of feeds (N-2)' },
    { name: 'top', type: 'string', valueName: 'N', description: 'rows to print in text mode (default 20)' },
    JSON_OPTION,
  ],
  run({ args, options, io }) {
    const plan = loadPlan(args[0]);
    const { rows, summary } = runSweep(sweepBasis(plan), { pairs: options.pairs === true });
    const code = summary.gateFailures.length > 0 ? EXIT_PLAN_FAILS : EXIT_OK;
    if (options.json) {
      io.out(`${JSON.stringify({ summary, rows }, null, 2)}\n`);
      return code;
    }
    const top = Math.max(1, Number(options.top ?? 20) || 20);
    const lines = [`Sweep: ${summary.scenarios} scenarios${options.pairs ? ' (N-1 and N-2 pairs)' : ' (N-1)'}`];
    for (const k of BLAST_ORDER) if (summary.counts[k]) lines.push(`  ${FLAG_WORDS[k]}: ${summary.counts[k]}`);
    lines.push('', 'Worst first:');
    for (const r of rows.slice(0, top)) {
      const flags = BLAST_ORDER.filter((k) => r.blast[k]).map((k) => FLAG_WORDS[k]);
      const extra = r.feedsOverCapacity.length ? ` (feed ${r.feedsOverCapacity.join(', ')} over capacity)` : '';
      lines.push(
        `  ${r.id}: ${flags.length ? flags.join(', ') : 'tolerated'}; ${r.nodesDown} nodes down, etcd ${r.membersUp}/${r.members}${extra}${r.gated ? '' : ' [outside the gate: holds every rack]'}`,
      );
    }
    lines.push(
      '',
      summary.gateFailures.length
        ? `FAIL: ${summary.gateFailures.length} single failure(s) lose quorum or data: ${summary.gateFailures.join(', ')}`
        : 'OK: no single failure loses quorum or data',
    );
    io.out(`${lines.join('\n')}\n`);
    return code;
  },
};
