import type { Plan, PlanIssue } from '../../plan';
import { omniTemplate, type OmniExport } from './exportTemplate';
import { planFromTemplate, type ImportAnswers } from './importTemplate';
import { loadTemplate } from './loadTemplate';
import type { TemplateProblem } from './templateModel';
import { validateTemplate } from './validateTemplate';

/** What the export dialog shows: the template, and Omni's checks run on it (no Talos schema in the app). */
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
