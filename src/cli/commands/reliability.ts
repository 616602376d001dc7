import { CliExit, EXIT_USAGE, JSON_OPTION, PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';

const number = (name: string, text: unknown, min: number, max: number, integer: boolean): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (typeof text !== 'string' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new CliExit(EXIT_USAGE, `--${name}: must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${String(text)}"`);
  }
  return n;
};

export const reliabilityCommand: CliCommand = {
  name: 'reliability',
  summary: 'Monte Carlo and exact Markov: P(quorum loss), hours without API, nines, P(data loss), capacity short',
  args: [PLAN_FILE],
  options: [
    { name: 'years', type: 'string', valueName: 'N', description: "mission length in years (replaces the plan's missionYears; 1 year is always reported)" },
    { name: 'trials', type: 'string', valueName: 'N', description: 'trial budget (default 20000; stops earlier once the intervals are tight)' },
    { name: 'seed', type: 'string', valueName: 'S', description: 'random seed (default 1); the same seed gives the same figures' },
    JSON_OPTION,
  ],
  async run({ args, options, io }) {
    const years = number('years', options.years, 0.1, 100, false);
    const trials = number('trials', options.trials, 1, 10_000_000, true);
    const seed = number('seed', options.seed, 0, 2 ** 32 - 1, true);
    const plan = loadPlan(args[0]);
    // Loaded on demand: mathjs costs every other command about two seconds of start-up.
    const { runReliability } = await import('../../models/reliability/reliabilityRun');
    const { formatReliability } = await import('../reliabilitySummary');
    const run = runReliability(plan, { seed, maxTrials: trials, missionYears: years === undefined ? undefined : [years] });
    io.out(options.json ? `${JSON.stringify(run, null, 2)}\n` : `${formatReliability(plan.name, run)}\n`);
    return 0;
  },
};
