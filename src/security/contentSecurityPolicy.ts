/**
 * The Content-Security-Policy the built app runs under: no inline or remote script, no remote
 * origin of any kind, no plugins, no <base> or form redirection. A plan's names and notes are
 * never injected as HTML, and this is the second line: even if one were, it could not run.
 *
 * - `script-src 'self'`: Vite emits every script as a same-origin module file (its
 *   module-preload helper is bundled, not inlined), so no inline script is ever needed.
 * - `worker-src 'self'`: the engine workers are same-origin module files.
 * - `style-src 'self' 'unsafe-inline'`: Svelte writes `style` attributes, and the printable
 *   HTML report (opened from a blob: URL, which inherits this policy) carries its stylesheet
 *   inline. Styles cannot run code; scripts stay strict.
 * - `img-src data: blob:`: PNG export draws the chart's SVG from a blob: URL onto a canvas.
 * - `frame-ancestors` is only honoured as an HTTP header, so it is in {@link CSP_HEADER} (the
 *   preview server behind `npm start`) and not in the `<meta>` tag.
 */
const DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as a `<meta http-equiv>` carries it (the built index.html). */
export const CSP_META = DIRECTIVES.join('; ');

/** The policy as an HTTP header (also forbids framing the app). */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
