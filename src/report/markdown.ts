import { escapeMarkdown as md } from './escape';
import type { PlanReportData } from './reportData';
import { fmtNumber, usd } from './numbers';

/** The plan report as Markdown, for a ticket or a pull request. Every piece of plan text is escaped. */
export function planReportMarkdown(d: PlanReportData): string {
  const lines: string[] = [`# Plan report: ${md(d.title)}`, ''];
  if (d.description) lines.push(md(d.description), '');
  lines.push('## Summary', '', '| | |', '|---|---|', ...d.summary.map((s) => `| ${s.label} | ${md(s.value)} |`), '');
  lines.push(`**Findings:** ${d.counts.error} error(s), ${d.counts.warning} warning(s), ${d.counts.info} info.`, '');
  lines.push(
    '## Bill of materials',
    '',
    '| Item | Count | U each | Typical W each | Peak W each | Unit price | Total |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const b of d.bom) {
    lines.push(
      `| ${md(b.item)} | ${b.count} | ${fmtNumber(b.heightU)} | ${fmtNumber(b.typicalW)} | ${fmtNumber(b.peakW)} | ${b.unitPriceUsd === null ? 'no price' : usd(b.unitPriceUsd)} | ${b.unitPriceUsd === null ? '' : usd(b.unitPriceUsd * b.count)} |`,
    );
  }
  const t = d.bomTotals;
  lines.push(
    `| **Total** | | ${fmtNumber(t.heightU)} U | ${fmtNumber(t.typicalW)} W | ${fmtNumber(t.peakW)} W | | **${usd(t.priceUsd)}**${t.unpriced ? ` + ${t.unpriced} unpriced` : ''} |`,
    '',
  );
  lines.push('## Control-plane sizing', '', `${d.sizing.members} member(s), quorum ${d.sizing.quorum}, tolerates ${d.sizing.tolerated} failure(s).`, '');
  lines.push('| Failure domain | Tolerated | Why |', '|---|---:|---|', ...d.sizing.tolerance.map((x) => `| ${x.level} | ${x.tolerance} | ${md(x.why)} |`), '');
  lines.push(
    '| Need per control plane | Value |',
    '|---|---:|',
    ...d.sizing.requirements.map((r) => `| ${r.resource} | ${fmtNumber(r.value)} ${r.unit} |`),
    '',
  );
  lines.push(
    '| Hardware profile | Verdict | Deciding reason |',
    '|---|---|---|',
    ...d.sizing.verdicts.map((v) => `| ${md(v.name)}${v.inUse ? ' (in use)' : ''} | ${v.verdict} | ${md(v.reason)} |`),
    '',
  );
  lines.push('## Findings', '');
  for (const sev of ['error', 'warning', 'info'] as const) {
    const items = d.findings.filter((f) => f.severity === sev);
    if (items.length === 0) continue;
    lines.push(`### ${sev === 'error' ? 'Errors' : sev === 'warning' ? 'Warnings' : 'Info'} (${items.length})`, '');
    for (const f of items) {
      lines.push(
        `- **${f.ruleId}** ${md(f.message)}. *Why:* ${md(f.why)}${f.figure ? ` (${md(f.figure.label)}: ${fmtNumber(f.figure.value)} ${md(f.figure.unit)})` : ''}${f.fix ? ` Fix: ${md(f.fix.label)}.` : ''}`,
      );
    }
    lines.push('');
  }
  lines.push('### Guidance checklist', '', ...d.guidance.map((g) => `- [${g.answered ? 'x' : ' '}] **${g.id}** ${md(g.topic)}: ${md(g.answer)}`), '');
  lines.push(
    '## Key predictions',
    '',
    '| Area | Prediction | Value |',
    '|---|---|---:|',
    ...d.predictions.map((p) => `| ${p.group} | ${p.label} | ${fmtNumber(p.value)} ${p.unit} |`),
    '',
  );
  return `${lines.join('\n')}\n`;
}
