import type { CliCommand } from './command';
import { compareCommand } from './commands/compare';
import { drillCommand } from './commands/drill';
import { checkCommand } from './commands/check';
import { reportCommand } from './commands/report';
import { evaluateCommand } from './commands/evaluate';
import { examplesCommand } from './commands/examples';
import { fioCommand } from './commands/fio';
import { exportCommand } from './commands/export';
import { importOmniCommand } from './commands/importOmni';
import { etcdCommand, networkCommand, storageCommand } from './commands/reportSections';
import { reliabilityCommand } from './commands/reliability';
import { schemaCommand } from './commands/schema';
import { sweepCommand } from './commands/sweep';
import { upgradeCommand } from './commands/upgrade';
import { validateCommand } from './commands/validate';

/** Every command of `plan`, in the order `plan --help` lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  evaluateCommand,
  checkCommand,
  reportCommand,
  etcdCommand,
  networkCommand,
  storageCommand,
  reliabilityCommand,
  drillCommand,
  sweepCommand,
  upgradeCommand,
  compareCommand,
  schemaCommand,
  examplesCommand,
  fioCommand,
  exportCommand,
  importOmniCommand,
];
