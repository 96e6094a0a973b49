import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

describe('embedded PGlite in DATA_DIR', () => {
  it('migrates on first open and keeps the data across a reopen', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'blend-data-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir });
      await first.migrate();
      await first.db.insert(users).values({ discordId: 'persisted-1', displayName: 'Still here' });
      await first.close();

      const second = await openDatabase({ kind: 'pglite', dataDir });
      await second.migrate(); // a second migrate on start-up is a no-op
      const rows = await second.db.select().from(users).where(eq(users.discordId, 'persisted-1'));
      await second.close();
      expect(rows).toEqual([expect.objectContaining({ displayName: 'Still here' })]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
