/**
 * A chart on screen takes its colours and fonts from the page's stylesheet (theme variables,
 * scoped component styles); a saved SVG has no stylesheet. These copy the resolved values onto
 * each element so the file looks like the screen, in the theme it was saved in.
 */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-weight',
  'font-family',
  'text-anchor',
  'dominant-baseline',
] as const;

/** The SVG markup of `svg` with every element's computed style inlined and a background of `background`. */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const css = getComputedStyle(el);
    const target = copies[i] as SVGElement;
    target.removeAttribute('class');
    const inline = STYLE_PROPS.map((p) => [p, css.getPropertyValue(p)] as const).filter(([, v]) => v !== '');
    if (inline.length) target.setAttribute('style', inline.map(([p, v]) => `${p}:${v}`).join(';'));
    // Presentation attributes that name a theme variable would be unresolvable outside the page.
    for (const attr of ['fill', 'stroke']) {
      const value = target.getAttribute(attr);
      if (value?.includes('var(')) target.setAttribute(attr, css.getPropertyValue(attr) || 'currentColor');
    }
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const width = svg.getAttribute('width') ?? '0';
  const height = svg.getAttribute('height') ?? '0';
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  copy.insertBefore(bg, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}
