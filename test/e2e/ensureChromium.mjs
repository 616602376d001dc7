// Finds Chromium for the end-to-end tests: CHROMIUM_PATH, else /usr/bin/chromium. When it is
// missing and we are root on Debian, installs Debian's `chromium` package; otherwise stops with
// a message saying how to get it. Playwright is never allowed to download a browser of its own.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${path}, but no file is there. Point it at a Chromium binary.`);
  process.exit(1);
}
if (isRoot && isDebian) {
  console.log("Chromium not found at /usr/bin/chromium: installing Debian's chromium package…");
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (existsSync(path)) process.exit(0);
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
console.error(
  [
    'The end-to-end tests need Chromium and did not find it at /usr/bin/chromium.',
    'Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary,',
    'then run `npm test` again.',
  ].join('\n'),
);
process.exit(1);
