import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePlan } from '../../plan';
import { SAMPLES } from '../../plan/samples/samples';
import type { CliCommand } from '../command';

export const examplesCommand: CliCommand = {
  name: 'examples',
  summary: 'write the sample plans into <dir>',
  args: [{ name: 'dir', description: 'folder to write the sample plans to' }],
  options: [],
  run({ args, io }) {
    const dir = args[0];
    mkdirSync(dir, { recursive: true });
    for (const [file, build] of Object.entries(SAMPLES)) writeFileSync(join(dir, file), writePlan(build(), 'json'));
    io.out(`wrote ${Object.keys(SAMPLES).length} plans to ${dir}\n`);
    return 0;
  },
};
