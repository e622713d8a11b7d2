/**
 * `npm start`: after the build, writes the test pages (seed texts and independent articles in
 * news-site markup) to .output/demo-pages/ and prints Upstream's report on each, from the
 * same engine and seed store the built extension ships.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { pageCases } from '../fixtures/pages';

const dir = new URL('../.output/demo-pages/', import.meta.url);
await mkdir(dir, { recursive: true });
const files: string[] = [];
for (const c of pageCases()) {
  const file = new URL(`${c.name}.html`, dir);
  await writeFile(file, c.html);
  files.push(file.pathname);
}
spawnSync(process.execPath, ['--import', 'tsx', new URL('check.ts', import.meta.url).pathname, ...files], {
  stdio: 'inherit',
});
console.log(`
The extension is built in .output/chrome-mv3 (Chrome, "Load unpacked") and .output/firefox-mv3
(Firefox, about:debugging → "Load Temporary Add-on…"; .output/firefox-mv2 for MV2). Serve ${dir.pathname} over http
(for example: python3 -m http.server -d ${dir.pathname}) and open the pages to see the badge and popup.`);
