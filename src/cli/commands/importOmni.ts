import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatIssue, writePlan } from '../../plan';
import { SAMPLE_HARDWARE } from '../../plan/samples/catalogue';
import { planFromTemplate } from '../../export/omni/importTemplate';
import { loadTalosValidator } from '../talosSchemas';
import { TALOS_SCHEMA_VERSIONS } from '../../export/omni/talosFormat';
import { anyTalosVersion, talosDocumentCheck } from '../../export/omni/talosSchema';
import { loadTemplate, MAX_TEMPLATE_BYTES } from '../../export/omni/loadTemplate';
import { formatProblem } from '../../export/omni/templateModel';
import { validateTemplate } from '../../export/omni/validateTemplate';
import { CliExit, EXIT_PLAN_FAILS, EXIT_USAGE, type CliCommand } from '../command';
import { inertText } from '../safeText';

const HARDWARE = Object.values(SAMPLE_HARDWARE);

export const importOmniCommand: CliCommand = {
  name: 'import-omni',
  summary: 'check an Omni cluster template as Omni would and turn it into a new plan',
  args: [{ name: 'template', description: 'an Omni cluster template (multi-document YAML)' }],
  options: [
    {
      name: 'hardware',
      type: 'string',
      valueName: 'ID',
      choices: HARDWARE.map((h) => h.id),
      description: `hardware profile for every set that names none (default: ${SAMPLE_HARDWARE.cp.id}, ${SAMPLE_HARDWARE.worker.id}, ${SAMPLE_HARDWARE.storage.id} by role)`,
    },
    { name: 'racks', type: 'string', valueName: 'N', description: 'racks to spread nodes over when the template has no rack labels (default 3)' },
    { name: 'unlimited', type: 'string', valueName: 'N', description: 'machines assumed for a machine class of size Unlimited (default 3)' },
    { name: 'out', type: 'string', valueName: 'FILE', description: 'write the plan to FILE (.json or .yaml) instead of printing JSON' },
  ],
  async run({ args, options, io }) {
    const file = args[0];
    let text: string;
    try {
      if (statSync(file).size > MAX_TEMPLATE_BYTES) throw new CliExit(EXIT_PLAN_FAILS, `${file}: templates may be at most ${MAX_TEMPLATE_BYTES / 2 ** 20} MiB`);
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (error instanceof CliExit) throw error;
      throw new CliExit(EXIT_USAGE, `${file}: cannot read: ${(error as Error).message}`);
    }
    const count = (name: string, fallback: number) => {
      const v = options[name];
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CliExit(EXIT_USAGE, `--${name} must be a whole number from 1 to 1000`);
      return n;
    };
    const loaded = loadTemplate(text);
    if (!loaded.ok)
      throw new CliExit(
        EXIT_PLAN_FAILS,
        inertText(`${file}: not an Omni template Omni would load\n${loaded.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`),
      );
    const dir = dirname(resolve(file));
    // Like Omni, `file:` references resolve against the template's folder.
    const readFile = (path: string) => {
      try {
        return readFileSync(resolve(dir, path), 'utf8');
      } catch {
        return undefined;
      }
    };
    // Omni reads patches with its own (newest) Talos machinery, so a patch any schema version accepts passes.
    const validators = await Promise.all(TALOS_SCHEMA_VERSIONS.map(loadTalosValidator));
    const problems = validateTemplate(loaded.documents, { readFile, talosCheck: anyTalosVersion(validators.map(talosDocumentCheck)) });
    if (problems.length > 0) {
      throw new CliExit(
        EXIT_PLAN_FAILS,
        inertText(
          `${file}: Omni would refuse this template (${problems.length} problem${problems.length === 1 ? '' : 's'})\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
        ),
      );
    }
    const chosen = typeof options.hardware === 'string' ? options.hardware : undefined;
    const result = planFromTemplate(loaded.documents, {
      hardware: HARDWARE.map((h) => structuredClone(h)),
      defaultHardwareId: chosen ?? SAMPLE_HARDWARE.worker.id,
      hardwareByRole: chosen ? {} : { controlplane: SAMPLE_HARDWARE.cp.id, worker: SAMPLE_HARDWARE.worker.id, storage: SAMPLE_HARDWARE.storage.id },
      rackCount: count('racks', 3),
      unlimitedSize: count('unlimited', 3),
      readFile,
    });
    if (!result.ok)
      throw new CliExit(EXIT_PLAN_FAILS, inertText(`${file}: cannot make a plan of it\n${result.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`));
    for (const n of result.notes) io.err(inertText(`note: ${n}\n`));
    if (typeof options.out === 'string') {
      const format = /\.ya?ml$/i.test(options.out) ? 'yaml' : 'json';
      writeFileSync(options.out, writePlan(result.plan, format));
      io.out(inertText(`wrote ${options.out}: ${result.plan.nodes.length} nodes in ${result.plan.racks.length} racks\n`));
    } else io.out(inertText(writePlan(result.plan, 'json')));
    return 0;
  },
};
