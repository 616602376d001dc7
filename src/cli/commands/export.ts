import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { configPatchProblems } from '../../export/omni/configPatch';
import { omniTemplate } from '../../export/omni/exportTemplate';
import { loadTemplate } from '../../export/omni/loadTemplate';
import { formatProblem } from '../../export/omni/templateModel';
import { validateTemplate } from '../../export/omni/validateTemplate';
import { CliExit, EXIT_PLAN_FAILS, EXIT_USAGE, PLAN_FILE, type CliCommand } from '../command';
import { loadPlan } from '../loadPlan';
import { inertText } from '../safeText';
import { loadTalosSchemas } from '../talosSchemas';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a plan as an Omni cluster template (Talos patches checked against the Talos schema)',
  args: [PLAN_FILE],
  options: [
    { name: 'to', type: 'string', valueName: 'FORMAT', choices: ['omni'], description: 'what to export to (omni: an Omni cluster template)' },
    { name: 'out', type: 'string', valueName: 'DIR', description: 'write <cluster>.omni.yaml into DIR instead of printing the template' },
  ],
  run({ args, options, io }) {
    if (options.to !== 'omni') throw new CliExit(EXIT_USAGE, 'plan export: --to omni is required (the only export so far)');
    const plan = loadPlan(args[0]);
    const exported = omniTemplate(plan);
    const problems: string[] = [];
    const loaded = loadTemplate(exported.template);
    const { folder, checks } = loadTalosSchemas();
    const version = exported.format.schemaVersion;
    const check = version ? checks.get(version) : undefined;
    if (!loaded.ok) problems.push(...loaded.problems.map(formatProblem));
    else problems.push(...validateTemplate(loaded.documents, { talosCheck: check }).map(formatProblem));
    if (check) {
      for (const { document, patch } of exported.patches) {
        const text = patch.documents.map((d) => YAML.stringify(d)).join('---\n');
        for (const p of configPatchProblems(text, check)) problems.push(`${document} › patch "${patch.name}": ${p}`);
      }
    }
    const schemaLine = !version
      ? `Talos ${exported.format.minor}: no configuration schema for this version (we have 1.12, 1.13, 1.14); patches not checked against a schema`
      : check ? `Talos ${version}: every patch checked against the Talos ${version} configuration schema`
        : `Talos ${version}: schema not found in ${folder}; patches not checked against a schema`;
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
