// The authority whose plans these are: found or created, and its settings.
import { NotFoundError } from '../domain/errors.ts';
import type { Organisation } from '../repositories/organisation.repository.ts';
import type { Store } from '../repositories/store.ts';

export class OrganisationService {
  constructor(private readonly store: Store) {}

  list(): Promise<Organisation[]> {
    return this.store.read.organisations.list();
  }

  /**
   * The authority a command or page works on: the one named, or the only one there is. A database
   * usually holds one authority; several are allowed for regional services.
   */
  async resolve(shortName?: string): Promise<Organisation> {
    const repos = this.store.read;
    if (shortName !== undefined) {
      const found = await repos.organisations.findByShortName(shortName);
      if (!found) throw new NotFoundError(`There is no authority called "${shortName}".`);
      return found;
    }
    const all = await repos.organisations.list();
    if (all.length === 0) {
      throw new NotFoundError('The database holds no authority yet. Run "parentis init" to set up your authority (or open Parentis in a browser to do it there), or "parentis demo" to load the demonstration.');
    }
    if (all.length > 1) {
      throw new NotFoundError(`The database holds ${all.length} authorities (${all.map((o) => o.shortName).join(', ')}): name one with --org.`);
    }
    return all[0]!;
  }
}
