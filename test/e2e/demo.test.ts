import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run demo -- --once`, as a newcomer runs it: its own process, its own fresh database. */
function runDemoOnce(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/demo/main.ts', '--once'], { cwd: process.cwd(), env: { ...process.env, TEST_DATABASE_URL: '' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += String(chunk); });
    child.stderr.on('data', (chunk: Buffer) => { output += String(chunk); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`demo did not finish:\n${output}`)); }, 110_000);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, output }); });
  });
}

describe('npm run demo -- --once', () => {
  it('plays the whole blend readably and exits 0 once it is built and its page is served', async () => {
    const { code, output } = await runDemoOnce();
    expect(output).toContain('Ana runs /blend start');
    expect(output).toMatch(/Dev has closed their DMs/);
    expect(output).toMatch(/Linked Spotify as \*\*Ben\*\*/);
    expect(output).toMatch(/Your Blend \*\*Friday Night Blend\*\* is ready!/);
    expect(output).toMatch(/Spotify \d+\/20 · Apple Music \d+\/20/);
    expect(output).toMatch(/The public page: http:\/\/127\.0\.0\.1:\d+\/b\/[2-9A-Z]{10}/);
    expect(output).toContain('(the public page answers 200)');
    expect(output).not.toMatch(/"level":\d+/);
    expect(code).toBe(0);
  }, 120_000);
});
