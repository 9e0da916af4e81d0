import { isUUID } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { leanMany } from '../db/lean-rows';
import { BadUserInputError } from '../errors';
import type { ConnectionResult } from '../schema/common/connection';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/common/connection';
import { msg } from '../i18n';

export interface SortKey<T> {
  /** SQL expression of a NOT NULL column, e.g. `e."name"` */
  column: string;
  /** the same value read from a loaded row */
  value: (row: T) => string | number | Date;
  /** how to cast the cursor's value back in SQL, e.g. 'timestamptz' */
  cast?: string;
  direction: 'ASC' | 'DESC';
  /** the row's property `value` reads, when it is a column (a page may then read only the columns it shows and this one) */
  property?: string;
}

type CursorValue = string | number;

function isIsoInstant(v: string): boolean {
  const d = new Date(v);
  return !Number.isNaN(d.getTime()) && d.toISOString() === v;
}

function encodeCursor(value: string | number | Date, id: string): string {
  const v: CursorValue = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string' &&
      isUUID(parsed[1]) &&
      !(typeof parsed[0] === 'string' && parsed[0].includes('\u0000'))
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    /* fall through */
  }
  throw new BadUserInputError([{ path: 'after', message: msg('validation.cursorNotFromList') }]);
}

/** An edge whose cursor is encoded when read: a list's client often selects no cursor but the last one. */
class PageEdge<T extends { id: string }> {
  private encoded: string | undefined;

  constructor(
    readonly node: T,
    private readonly sort: SortKey<T>,
  ) {}

  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.sort.value(this.node), this.node.id));
  }
}

/**
 * Keyset pagination over (sort key, id): stable under concurrent inserts and O(page) at any
 * depth, unlike OFFSET. `qb` must already carry the scope and filters; totalCount is counted
 * from the same filters only if the client asks for it.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: { first?: number | null; after?: string | null },
  sort: SortKey<T>,
  /** only these columns of the rows (src/schema/common/row-projection.ts; the sort key's is added), or null for whole rows */
  columns: readonly string[] | null = null,
): Promise<ConnectionResult<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError([{ path: 'first', message: msg('validation.pageSize', { max: MAX_PAGE_SIZE }) }]);
  }
  const alias = qb.alias;
  const countQb = qb.clone();
  const op = sort.direction === 'ASC' ? '>' : '<';
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    // exactly what encodeCursor wrote, or PostgreSQL would be the one to reject it
    if (sort.cast === 'timestamptz' && (typeof value !== 'string' || !isIsoInstant(value))) {
      throw new BadUserInputError([{ path: 'after', message: msg('validation.cursorOtherSort') }]);
    }
    const cast = sort.cast ? `::${sort.cast}` : '';
    qb.andWhere(`(${sort.column}, ${alias}.id) ${op} (:__cursorValue${cast}, :__cursorId::uuid)`, {
      __cursorValue: value,
      __cursorId: id,
    });
  }
  qb.orderBy(sort.column, sort.direction).addOrderBy(`${alias}.id`, sort.direction).take(undefined).limit(first + 1);
  // a page is read, never written back: plain rows, without TypeORM's hydration (see leanMany)
  const rows = await leanMany(qb, columns && sort.property ? [...new Set([...columns, sort.property])] : null);
  const hasNextPage = rows.length > first;
  const page = hasNextPage ? rows.slice(0, first) : rows;
  const edges = page.map((node) => new PageEdge(node, sort));
  let counted: Promise<number> | null = null;
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(args.after),
      // getters too: encoded only when selected
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    // a getter: the COUNT query runs only when a client selects totalCount
    get totalCount() {
      return (counted ??= countQb.getCount());
    },
  };
}

/** A filter's given values by column: one value narrows by equality, a non-empty list by IN. */
export type ColumnFilter = Record<string, string | readonly string[] | null | undefined>;

/** Narrows a list query by the given values; omitted values and empty lists narrow nothing. */
export function matching<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, filter: ColumnFilter): SelectQueryBuilder<T> {
  for (const [column, value] of Object.entries(filter)) {
    const param = `__filter_${column}`;
    if (typeof value === 'string' && value) qb.andWhere(`${alias}."${column}" = :${param}`, { [param]: value });
    else if (Array.isArray(value) && value.length) qb.andWhere(`${alias}."${column}" IN (:...${param})`, { [param]: value });
  }
  return qb;
}

/** The usual order of a list: newest first by an instant column (e.g. createdAt). */
export function latestFirst<T extends ObjectLiteral>(alias: string, column: keyof T & string): SortKey<T> {
  return { column: `${alias}."${column}"`, value: (row) => row[column] as Date, cast: 'timestamptz', direction: 'DESC', property: column };
}
