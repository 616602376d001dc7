import type { Plan, PlanIssue } from '../../plan';
import { omniTemplate, type OmniExport } from './exportTemplate';
import { planFromTemplate, type ImportAnswers } from './importTemplate';
import { loadPrecompiledTalosValidator } from './loadPrecompiledTalosValidator';
import { loadTemplate } from './loadTemplate';
import { talosPatchVerdict, type LoadTalosValidator, type TalosPatchVerdict } from './talosPatchVerdict';
import type { TemplateProblem } from './templateModel';
import { validateTemplate } from './validateTemplate';

/** What the export dialog shows first: the template, and Omni's checks run on it (the Talos schema check follows, `omniTalosCheckJob`). */
export interface OmniExportSummary extends Omit<OmniExport, 'documents' | 'patches'> {
  documentCount: number;
  patchCount: number;
  problems: TemplateProblem[];
}

/** Exports and re-checks a plan's template; run in the engine worker (5,000 nodes take a moment). */
export function omniExportJob(plan: Plan): OmniExportSummary {
  const { documents, patches, ...rest } = omniTemplate(plan);
  const loaded = loadTemplate(rest.template);
  const problems = loaded.ok ? validateTemplate(loaded.documents) : loaded.problems;
  return { ...rest, documentCount: documents.length, patchCount: patches.length, problems };
}

/**
 * Checks every Talos patch a plan's template carries against the schema of the plan's Talos
 * version, loading that version's validator on first use: a separate job from the export, so the
 * preview shows at once while the worker downloads the plan's validator. `load` gives a version's
 * validator: by default the one compiled at build time (tests also pass a failing one).
 */
export function omniTalosCheckJob(plan: Plan, load: LoadTalosValidator = loadPrecompiledTalosValidator): Promise<TalosPatchVerdict> {
  return talosPatchVerdict(omniTemplate(plan), load);
}

export type OmniImportOutcome =
  | { stage: 'refused'; problems: TemplateProblem[] }
  | { stage: 'unplannable'; issues: PlanIssue[] }
  | { stage: 'ready'; plan: Plan; notes: string[]; setCount: number };

/**
 * Reads a template's text as Omni would and, if Omni would accept it, builds the plan the
 * answers describe. `file:` patches cannot be read in the browser and are reported as such.
 */
export function omniImportJob(text: string, answers: Omit<ImportAnswers, 'readFile'>): OmniImportOutcome {
  const loaded = loadTemplate(text);
  if (!loaded.ok) return { stage: 'refused', problems: loaded.problems };
  const problems = validateTemplate(loaded.documents);
  if (problems.length > 0) return { stage: 'refused', problems };
  const result = planFromTemplate(loaded.documents, answers);
  if (!result.ok) return { stage: 'unplannable', issues: result.issues };
  const setCount = loaded.documents.filter((d) => d.kind === 'ControlPlane' || d.kind === 'Workers').length;
  return { stage: 'ready', plan: result.plan, notes: result.notes, setCount };
}
