import type { Plan } from '../plan/schema';
import { rowElevations } from './elevationSvg';
import { escapeHtml as esc } from './escape';
import { fmtNumber, usd } from './numbers';
import type { PlanReportData } from './reportData';

/**
 * The print stylesheet: A4 portrait with margins; headings stay with what follows; tables,
 * findings and each row's elevation never split across pages; elevations scale to the page
 * width; colours print as shown (print-color-adjust), since severity and role are colour-coded.
 */
const STYLE = `
  :root { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 11pt; color: #111827; }
  body { margin: 0 auto; max-width: 190mm; padding: 12mm 0; }
  h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #d1d5db; }
  h3 { font-size: 11pt; margin: 4mm 0 1mm; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
  th, td { text-align: left; padding: 1mm 2mm; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .muted { color: #6b7280; } .error { color: #b91c1c; } .warning { color: #b45309; } .info { color: #6b7280; }
  ul.findings { padding-left: 0; list-style: none; } ul.findings li { border-left: 3px solid #e5e7eb; padding: 0.5mm 0 0.5mm 2mm; margin-bottom: 1.5mm; font-size: 9.5pt; }
  ul.findings li.error { border-color: #b91c1c; } ul.findings li.warning { border-color: #b45309; }
  .rule { font-family: ui-monospace, monospace; font-weight: 600; font-size: 8.5pt; }
  figure { margin: 0 0 4mm; } figcaption { font-size: 9pt; color: #374151; margin-bottom: 1mm; }
  figure svg { max-width: 100%; height: auto; max-height: 240mm; }
  svg text { font-family: system-ui, sans-serif; } .rack-name { font-size: 11px; fill: #374151; font-weight: 600; } .rack-name.bad { fill: #b91c1c; }
  .frame { fill: #f3f4f6; stroke: #1f2937; stroke-width: 3; } .frame.bad { stroke: #b91c1c; stroke-width: 4; }
  .switch { fill: #4b5563; } .node { stroke: rgb(0 0 0 / 0.25); } .node-name { font-size: 7.5px; fill: white; font-weight: 600; }
  .counts span { margin-right: 4mm; font-weight: 600; }
  @page { size: A4 portrait; margin: 12mm; }
  @media print {
    body { padding: 0; max-width: none; }
    * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    h2, h3 { break-after: avoid; }
    table, tr, figure, ul.findings li { break-inside: avoid; }
    .elevations { break-before: page; }
  }
`;

/**
 * The plan report as one printable HTML page: summary, bill of materials, control-plane sizing,
 * findings, key predictions, then the elevations. No script, no external resource; every piece of
 * plan text goes through `escapeHtml` (plan text is never injected as HTML).
 */
export function planReportHtml(d: PlanReportData, plan: Plan): string {
  const errorRacks = new Set(d.findings.filter((f) => f.severity === 'error').flatMap((f) => [...(f.subjects?.racks ?? [])]));
  const row = (cells: string[], numeric: readonly number[] = []) =>
    `<tr>${cells.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`;
  const t = d.bomTotals;
  const sections: string[] = [];
  sections.push(
    `<h1>Plan report: ${esc(d.title)}</h1>`,
    d.description ? `<p>${esc(d.description)}</p>` : '',
    `<p class="counts">Findings: <span class="error">${d.counts.error} error(s)</span><span class="warning">${d.counts.warning} warning(s)</span><span class="info">${d.counts.info} info</span></p>`,
    '<h2>Summary</h2><table><tbody>',
    ...d.summary.map((s) => `<tr><th>${esc(s.label)}</th><td>${esc(s.value)}</td></tr>`),
    '</tbody></table>',
  );
  sections.push(
    '<h2>Bill of materials</h2><table><thead><tr><th>Item</th><th class="num">Count</th><th class="num">U each</th><th class="num">Typical W each</th><th class="num">Peak W each</th><th class="num">Unit price</th><th class="num">Total</th></tr></thead><tbody>',
    ...d.bom.map((b) =>
      row(
        [
          esc(b.item),
          String(b.count),
          fmtNumber(b.heightU),
          fmtNumber(b.typicalW),
          fmtNumber(b.peakW),
          b.unitPriceUsd === null ? '<span class="muted">no price</span>' : usd(b.unitPriceUsd),
          b.unitPriceUsd === null ? '' : usd(b.unitPriceUsd * b.count),
        ],
        [1, 2, 3, 4, 5, 6],
      ),
    ),
    row(
      [
        '<strong>Total</strong>',
        '',
        `${fmtNumber(t.heightU)} U`,
        `${fmtNumber(t.typicalW)} W`,
        `${fmtNumber(t.peakW)} W`,
        '',
        `<strong>${usd(t.priceUsd)}</strong>${t.unpriced ? ` <span class="muted">+ ${t.unpriced} unpriced</span>` : ''}`,
      ],
      [2, 3, 4, 6],
    ),
    '</tbody></table>',
  );
  const s = d.sizing;
  sections.push(
    `<h2>Control-plane sizing</h2><p>${s.members} member(s), quorum ${s.quorum}, tolerates ${s.tolerated} failure(s).</p>`,
    '<table><thead><tr><th>Failure domain</th><th class="num">Tolerated</th><th>Why</th></tr></thead><tbody>',
    ...s.tolerance.map((x) => row([esc(x.level), String(x.tolerance), esc(x.why)], [1])),
    '</tbody></table>',
    '<h3>Needs per control-plane node</h3><table><tbody>',
    ...s.requirements.map((r) => row([esc(r.resource), `${fmtNumber(r.value)} ${esc(r.unit)}`], [1])),
    '</tbody></table>',
    '<h3>Hardware verdicts</h3><table><thead><tr><th>Profile</th><th>Verdict</th><th>Deciding reason</th></tr></thead><tbody>',
    ...s.verdicts.map((v) => row([`${esc(v.name)}${v.inUse ? ' <strong>(in use)</strong>' : ''}`, esc(v.verdict), esc(v.reason)])),
    '</tbody></table>',
  );
  sections.push('<h2>Findings</h2>');
  for (const sev of ['error', 'warning', 'info'] as const) {
    const items = d.findings.filter((f) => f.severity === sev);
    if (items.length === 0) continue;
    sections.push(
      `<h3 class="${sev}">${sev === 'error' ? 'Errors' : sev === 'warning' ? 'Warnings' : 'Info'} (${items.length})</h3><ul class="findings">`,
      ...items.map(
        (f) =>
          `<li class="${sev}"><span class="rule">${esc(f.ruleId)}</span> ${esc(f.message)}. <span class="muted">${esc(f.why)}${f.figure ? ` (${esc(f.figure.label)}: ${fmtNumber(f.figure.value)} ${esc(f.figure.unit)})` : ''}</span>${f.fix ? ` <em>Fix: ${esc(f.fix.label)}.</em>` : ''}</li>`,
      ),
      '</ul>',
    );
  }
  sections.push(
    '<h3>Guidance checklist</h3><ul class="findings">',
    ...d.guidance.map(
      (g) => `<li>${g.answered ? '☑' : '☐'} <span class="rule">${esc(g.id)}</span> ${esc(g.topic)}: <span class="muted">${esc(g.answer)}</span></li>`,
    ),
    '</ul>',
  );
  sections.push(
    '<h2>Key predictions</h2><table><thead><tr><th>Area</th><th>Prediction</th><th class="num">Value</th></tr></thead><tbody>',
    ...d.predictions.map((p) => row([esc(p.group), esc(p.label), `${fmtNumber(p.value)} ${esc(p.unit)}`], [2])),
    '</tbody></table>',
  );
  sections.push(
    '<section class="elevations"><h2>Elevations</h2>',
    ...rowElevations(plan, errorRacks).map((e) => `<figure><figcaption>${esc(e.title)}</figcaption>${e.svg}</figure>`),
    '</section>',
  );
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(`Plan report: ${d.title}`)}</title><style>${STYLE}</style></head><body>${sections.join('\n')}</body></html>\n`;
}
