import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * src/core is pure: it imports nothing outside src/core except fastest-levenshtein (string
 * distance), and uses no clock, randomness, console or process. This reads every file's
 * import lines and body, so a stray `import { db } from '../../db/client.js'` fails here.
 */
const coreDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/core');
const ALLOWED_PACKAGES = new Set(['fastest-levenshtein']);
const IMPURE = /\b(?:Date\.now|new Date|Math\.random|performance\.now|process\.|console\.|setTimeout|setInterval|fetch\(|crypto\.)/;

async function coreFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? coreFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat().filter((file) => file.endsWith('.ts'));
}

function importedSpecifiers(source: string): string[] {
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('src/core purity', () => {
  it('has source files to check', async () => {
    expect((await coreFiles(coreDir)).length).toBeGreaterThan(5);
  });

  it('imports nothing outside src/core but fastest-levenshtein', async () => {
    const leaks: string[] = [];
    for (const file of await coreFiles(coreDir)) {
      for (const spec of importedSpecifiers(await readFile(file, 'utf8'))) {
        const inside = spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(coreDir + path.sep);
        if (!inside && !ALLOWED_PACKAGES.has(spec)) leaks.push(`${path.relative(coreDir, file)} → ${spec}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('uses no clock, randomness, console or process', async () => {
    const found: string[] = [];
    for (const file of await coreFiles(coreDir)) {
      const code = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const hit = IMPURE.exec(code);
      if (hit) found.push(`${path.relative(coreDir, file)}: ${hit[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('spots an import that leaves the core (the check itself works)', () => {
    expect(importedSpecifiers("import { db } from '../../db/client.js';\nimport type { X } from './x.js';")).toEqual(['../../db/client.js', './x.js']);
  });
});
