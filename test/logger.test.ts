import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { log: createLogger({ level: 'info', pretty: false }, stream), text: () => lines.join('') };
}

describe('logger', () => {
  it('redacts tokens, secrets and provider auth headers wherever they sit', () => {
    const { log, text } = capture();
    log.info({ accessToken: 'AT-1', auth: { refreshToken: 'RT-2', accessToken: 'AT-3' }, spotify: { clientSecret: 'CS-4' },
      req: { headers: { authorization: 'Bearer AT-5', 'music-user-token': 'MUT-6' } }, musicUserToken: 'MUT-7' }, 'provider call');
    const out = text();
    for (const secret of ['AT-1', 'RT-2', 'AT-3', 'CS-4', 'AT-5', 'MUT-6', 'MUT-7']) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
    expect(out).toContain('provider call');
  });

  it('logs object first with child bindings', () => {
    const { log, text } = capture();
    log.child({ blendId: 'b-1' }).info({ members: 3 }, 'blend claimed');
    expect(JSON.parse(text())).toMatchObject({ blendId: 'b-1', members: 3, msg: 'blend claimed' });
  });
});
