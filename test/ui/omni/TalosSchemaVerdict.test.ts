// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { TalosPatchVerdict } from '../../../src/export/omni/talosPatchVerdict';
import TalosSchemaVerdict from '../../../src/ui/omni/TalosSchemaVerdict.svelte';

function render(verdict: TalosPatchVerdict | null, failure: string | null = null) {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(TalosSchemaVerdict, { target, props: { verdict, failure, talosMinor: '1.13' } });
  flushSync();
  const text = target.textContent!.replace(/\s+/g, ' ').trim();
  const html = target.innerHTML;
  unmount(app);
  target.remove();
  return { text, html };
}

describe('TalosSchemaVerdict', () => {
  it('TalosSchemaVerdict(checked, no problems) says how many patches are valid against which schema', () => {
    expect(render({ status: 'checked', schemaVersion: '1.13', patchCount: 20, problems: [] }).text).toBe('20 patches valid against the Talos 1.13 schema');
  });

  it('TalosSchemaVerdict(checked, problems) names the document, the patch, the Talos document and the field of each, as text', () => {
    const { text, html } = render({
      status: 'checked',
      schemaVersion: '1.13',
      patchCount: 1,
      problems: [
        {
          document: 'Workers "<b>x</b>"',
          patch: 'rackplan-firewall',
          talosDocument: 'NetworkRuleConfig "apid"',
          field: 'ingress.0.subnet',
          message: 'must be string',
        },
      ],
    });
    expect(text).toBe(
      '1 problem in 1 patch against the Talos 1.13 schema: Workers "<b>x</b>" › patch rackplan-firewall › NetworkRuleConfig "apid" › ingress.0.subnet: must be string',
    );
    // Plan names reach the DOM as text, never as markup.
    expect(html).not.toContain('<b>');
  });

  it('TalosSchemaVerdict(no-schema) names the version and the ones that have a schema, and that export still works', () => {
    expect(render({ status: 'no-schema', talosMinor: '1.11', available: ['1.12', '1.13', '1.14'] }).text).toBe(
      'No Talos configuration schema for Talos 1.11 (schemas: Talos 1.12, 1.13 and 1.14): the patches are not checked against one. The template can still be downloaded.',
    );
  });

  it('TalosSchemaVerdict(unavailable | job failure | pending) says the patches are unchecked, or that the check runs', () => {
    expect(render({ status: 'unavailable', schemaVersion: '1.13', reason: 'network error' }).text).toContain(
      'The Talos 1.13 schema could not be loaded (network error): the patches are not checked against it.',
    );
    expect(render(null, 'the engine did not answer for 60 s').text).toContain(
      'could not run (the engine did not answer for 60 s): the patches are not checked',
    );
    expect(render(null).text).toBe('Checking the Talos patches against the Talos 1.13 schema…');
  });
});
