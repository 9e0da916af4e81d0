import type { Campaign } from '../entities';

/**
 * What was computed from a campaign's figures, kept in this process by the campaign's version.
 * Portals and dashboards read the same campaign's charts and KPIs again and again between two
 * imports, and most of such a read is recomputing them.
 *
 * The version is the campaign's `updatedAt`: every write of figures, targets, deviations, dates,
 * budget or status stamps the campaign in the same transaction (scoped update), and a stamp never repeats
 * for a row (each is later than the one before it, see ScopedRepository.update). The campaign row
 * itself is read afresh by every request (through the scope, so a reader that may not see it
 * never gets here), so a reader meets the version it reads, on any API node. Entries are plain
 * values shared between requests: nothing may change them. Least recently used out.
 */
export class CampaignVersionCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}

  /** The key of what is computed from `c` as it is now, with `parts` telling the computations apart. */
  static key(c: Pick<Campaign, 'agencyId' | 'id' | 'updatedAt'>, ...parts: (string | number)[]): string {
    return [c.agencyId, c.id, c.updatedAt.getTime(), ...parts].join('|');
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}
