// Finds the programs the end-to-end tests drive: Chromium (CHROMIUM_PATH, else /usr/bin/chromium)
// and poppler's pdftoppm, which turns the printable report's PDF into page images. When one is
// missing and we are root on Debian, installs its Debian package (`chromium`, `poppler-utils`);
// otherwise stops with a message saying how to get it. Playwright is never allowed to download a
// browser of its own.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (process.env.CHROMIUM_PATH && !existsSync(chromium)) {
  console.error(`CHROMIUM_PATH is set to ${chromium}, but no file is there. Point it at a Chromium binary.`);
  process.exit(1);
}
const onPath = (program) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

/** What is missing: [what, Debian package, is it there now]. */
const tools = [
  ['Chromium at /usr/bin/chromium', 'chromium', () => existsSync(chromium)],
  ["poppler's pdftoppm", 'poppler-utils', () => onPath('pdftoppm')],
];
const missing = tools.filter(([, , present]) => !present());
if (missing.length === 0) process.exit(0);

const packages = missing.map(([, pkg]) => pkg).join(' ');
if (isRoot && isDebian) {
  console.log(`${missing.map(([what]) => what).join(' and ')} not found: installing Debian's ${packages}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
  const still = missing.filter(([, , present]) => !present());
  if (still.length === 0) process.exit(0);
  console.error(`apt-get finished but ${still.map(([what]) => what).join(' and ')} is still missing.`);
  process.exit(1);
}
console.error(
  [
    `The end-to-end tests need ${missing.map(([what]) => what).join(' and ')}, which this machine lacks.`,
    `Install it (Debian/Ubuntu: \`sudo apt-get install ${packages}\`)${existsSync(chromium) ? '' : ' or set CHROMIUM_PATH to a Chromium binary'},`,
    'then run `npm test` again.',
  ].join('\n'),
);
process.exit(1);
