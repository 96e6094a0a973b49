/**
 * `npm run bench`: runs every `*.bench.ts` module in this folder (each exports `run()`, which
 * prints its own figures), one after another so they do not disturb each other's timings.
 * `npm run bench -- core` runs only the modules whose file name contains "core".
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

interface BenchModule { run(): Promise<void> }

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
for (const file of files) {
  console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as BenchModule;
  await mod.run();
}
process.exit(0);
