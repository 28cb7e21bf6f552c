// The database's one deployment mark: demonstration or real, written once with the first authority.
import type { Kysely } from 'kysely';
import type { Database, DeploymentMode } from '../db/types.ts';

export class DeploymentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async mode(): Promise<DeploymentMode | undefined> {
    const row = await this.db.selectFrom('deployment').select('mode').executeTakeFirst();
    return row?.mode;
  }

  /**
   * Marks the database unless it is marked already: the mark it holds afterwards, and whether this
   * call wrote it (a transaction racing another waits for it, then finds the row and writes nothing).
   */
  async mark(mode: DeploymentMode): Promise<{ mode: DeploymentMode; written: boolean }> {
    const written = await this.db
      .insertInto('deployment')
      .values({ mode })
      .onConflict((oc) => oc.column('onlyRow').doNothing())
      .returning('mode')
      .executeTakeFirst();
    if (written) return { mode: written.mode, written: true };
    const held = await this.mode();
    if (held === undefined) throw new Error('the deployment mark was neither written nor found');
    return { mode: held, written: false };
  }
}
