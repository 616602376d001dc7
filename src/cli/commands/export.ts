import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { omniTemplate } from '../../export/omni/exportTemplate';
import { loadTalosValidator } from '../talosSchemas';
import { loadTemplate } from '../../export/omni/loadTemplate';
import { availableTalosSchemas } from '../../export/omni/talosFormat';
import { formatTalosPatchProblem, talosPatchVerdict, type TalosPatchVerdict } from '../../export/omni/talosPatchVerdict';
import { formatProblem } from '../../export/omni/templateModel';
import { validateTemplate } from '../../export/omni/validateTemplate';
import { CliExit, EXIT_PLAN_FAILS, EXIT_USAGE, PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';
import { inertText } from '../safeText';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a plan as an Omni cluster template (Talos patches checked against the Talos schema)',
  args: [PLAN_FILE],
  options: [
    { name: 'to', type: 'string', valueName: 'FORMAT', choices: ['omni'], description: 'what to export to (omni: an Omni cluster template)' },
    { name: 'out', type: 'string', valueName: 'DIR', description: 'write <cluster>.omni.yaml into DIR instead of printing the template' },
  ],
  async run({ args, options, io }) {
    if (options.to !== 'omni') throw new CliExit(EXIT_USAGE, 'plan export: --to omni is required (the only export so far)');
    const plan = loadPlan(args[0]);
    const exported = omniTemplate(plan);
    const problems: string[] = [];
    // Omni's own checks first (structure, forbidden fields), then the Talos schema of the plan's version.
    const loaded = loadTemplate(exported.template);
    if (!loaded.ok) problems.push(...loaded.problems.map(formatProblem));
    else problems.push(...validateTemplate(loaded.documents).map(formatProblem));
    const verdict = await talosPatchVerdict(exported, loadTalosValidator);
    if (verdict.status === 'checked') problems.push(...verdict.problems.map(formatTalosPatchProblem));
    const schemaLine = schemaSentence(verdict, exported.patches.length);
    let written = '';
    if (typeof options.out === 'string') {
      mkdirSync(options.out, { recursive: true });
      written = join(options.out, `${plan.cluster.name}.omni.yaml`);
      writeFileSync(written, exported.template);
    } else io.out(inertText(exported.template));
    const report = [
      ...(written ? [`wrote ${written} (${exported.documents.length} documents, ${exported.patches.length} patches)`] : []),
      schemaLine,
      ...exported.machineClasses.map((c) => `machine class ${c.name}: ${c.size} × ${c.hardwareId} (${c.role}); create it in Omni`),
      ...exported.notes.map((n) => `note: ${n}`),
      ...problems.map((p) => `error: ${p}`),
    ];
    (written ? io.out : io.err)(inertText(`${report.join('\n')}\n`));
    return problems.length > 0 ? EXIT_PLAN_FAILS : 0;
  },
};

/** What the Talos schema check did, in one line (the export dialog says the same in its own words). */
function schemaSentence(verdict: TalosPatchVerdict, patchCount: number): string {
  switch (verdict.status) {
    case 'checked': {
      const patches = `${patchCount} patch${patchCount === 1 ? '' : 'es'}`;
      const bad = verdict.problems.length;
      return bad === 0
        ? `Talos ${verdict.schemaVersion}: ${patches} valid against the Talos ${verdict.schemaVersion} configuration schema`
        : `Talos ${verdict.schemaVersion}: ${patches} checked against the Talos ${verdict.schemaVersion} configuration schema, ${bad} problem${bad === 1 ? '' : 's'}`;
    }
    case 'no-schema':
      return `Talos ${verdict.talosMinor}: no configuration schema for this version (schemas: Talos ${availableTalosSchemas(verdict.available)}); patches not checked against a schema`;
    case 'unavailable':
      return `Talos ${verdict.schemaVersion}: the configuration schema could not be loaded (${verdict.reason}); patches not checked against a schema`;
  }
}
