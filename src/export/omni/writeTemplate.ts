import YAML from 'yaml';
import { formatGoDuration } from './goDuration';
import type { InlineContent, KubernetesHealthCheck, TemplateDocument, TemplatePatch } from './templateModel';

/**
 * Writes template documents as one multi-document YAML file, keys in the order Omni's own
 * `omnictl cluster template export` uses, durations as Go durations, inline patches as YAML maps
 * (a list when a patch has several documents). `loadTemplate(writeTemplate(d))` gives back `d`.
 */
export function writeTemplate(documents: readonly TemplateDocument[]): string {
  return documents.map((d) => YAML.stringify(plain(d), { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}

function plain(doc: TemplateDocument): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  put('kind', doc.kind);
  put('name', doc.name);
  put('labels', doc.labels);
  put('annotations', doc.annotations);
  if (doc.kind === 'Cluster') {
    put(
      'kubernetes',
      doc.kubernetes &&
        strip({
          version: doc.kubernetes.version,
          manifests: doc.kubernetes.manifests?.map((m) => strip({ ...m, inline: m.inline && inline(m.inline) })),
          healthchecks: doc.kubernetes.healthchecks?.map(healthcheck),
        }),
    );
    put('talos', doc.talos);
    put(
      'features',
      doc.features &&
        strip({
          ...doc.features,
          backupConfiguration:
            doc.features.backupConfiguration &&
            strip({
              interval:
                doc.features.backupConfiguration.intervalSeconds === undefined ? undefined : formatGoDuration(doc.features.backupConfiguration.intervalSeconds),
            }),
        }),
    );
  } else if (doc.kind === 'Machine') {
    put('locked', doc.locked);
    put('install', doc.install);
  } else {
    put('bootstrapSpec', doc.bootstrapSpec);
    put('machines', doc.machines);
    put('machineClass', doc.machineClass);
    put('updateStrategy', doc.updateStrategy);
    put('deleteStrategy', doc.deleteStrategy);
    put('upgradeStrategy', doc.upgradeStrategy);
  }
  put('systemExtensions', doc.systemExtensions);
  put('kernelArgs', doc.kernelArgs);
  put('patches', doc.patches?.map(patch));
  return out;
}

function patch(p: TemplatePatch): Record<string, unknown> {
  return strip({ name: p.name, idOverride: p.idOverride, labels: p.labels, annotations: p.annotations, file: p.file, inline: p.inline && inline(p.inline) });
}

function healthcheck(h: KubernetesHealthCheck): Record<string, unknown> {
  const { intervalSeconds, job, ...rest } = h;
  return strip({ ...rest, job: job && inline(job), interval: intervalSeconds === undefined ? undefined : formatGoDuration(intervalSeconds) });
}

function inline(i: InlineContent): unknown {
  if ('text' in i) return i.text;
  return i.documents.length === 1 ? i.documents[0] : i.documents;
}

function strip<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
