import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * A list page's statement text, built by TypeORM once per shape.
 *
 * A page is read through a query builder that its service fills anew on every request (scope,
 * filters, cursor, order, limit), and TypeORM turns it into SQL on every request: selecting and
 * escaping the columns, replacing property names over the whole text, numbering the parameters.
 * That was ~5 % of the server's CPU on the nested invoice list, for a text that is the same for
 * the same shape of query. Here it is built once per shape (the entity, alias, selections,
 * conditions as written, order, limit, and which parameters are lists and how long), with a
 * stand-in for each parameter value; the stand-ins found again among TypeORM's parameters say
 * where each of the request's values goes. The statement then runs on the builder's own query
 * runner (the request's unit of work), as getRawMany would.
 *
 * Only a plain select qualifies: conditions written as SQL text, no joins, grouping, locks,
 * DISTINCT, subqueries, result cache or parameters computed by functions; anything else is built
 * by TypeORM as before. In tests (NODE_ENV=test) every reuse is checked against the text and
 * parameters TypeORM builds itself, so a shape this misses fails the suite instead of a request.
 */
interface Statement {
  sql: string;
  /** for each parameter of the text: the builder's parameter name, and the index for a list spread with `:...name` */
  from: [name: string, index: number | null][];
}

const statements = new WeakMap<EntityMetadata, Map<string, Statement | null>>();
/** shapes per entity: the app builds a few dozen; filters are optional, so a bound keeps odd combinations from piling up */
const MAX_SHAPES_PER_ENTITY = 256;

let verify = false;

/** Set in tests (createApp, NODE_ENV=test): every reuse is compared with TypeORM's own text and parameters. */
export function setStatementCheck(on: boolean): void {
  verify = on;
}

/** The shape of a plain select (see the module), or null when the builder is not one. */
function shapeOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): string | null {
  const m = qb.expressionMap;
  const main = m.mainAlias;
  if (!main?.hasMetadata || main.subQuery || m.subQuery) return null;
  if (m.joinAttributes.length > 0 || m.relationIdAttributes.length > 0 || m.relationCountAttributes.length > 0) return null;
  if (m.groupBys.length > 0 || m.havings.length > 0 || m.lockMode || m.comment || m.selectDistinct || m.selectDistinctOn.length > 0) return null;
  if (m.cache || m.useTransaction || m.commonTableExpressions.length > 0 || m.timeTravel || m.maxExecutionTime || m.useIndex || m.extraAppendedAndWhereCondition) return null;
  if (Object.keys(m.nativeParameters).length > 0) return null;
  const wheres: string[] = [];
  for (const w of m.wheres) {
    if (typeof w.condition !== 'string') return null;
    wheres.push(w.type, w.condition);
  }
  const params: (string | number)[] = [];
  for (const [name, value] of Object.entries(m.parameters)) {
    if (typeof value === 'function') return null;
    params.push(name, Array.isArray(value) ? value.length : -1);
  }
  return JSON.stringify([
    main.name,
    m.selects.map((s) => [s.selection, s.aliasName ?? null]),
    wheres,
    m.orderBys,
    m.limit ?? null,
    m.offset ?? null,
    m.take ?? null,
    m.skip ?? null,
    m.withDeleted,
    params,
  ]);
}

/** Builds the shape's statement with stand-ins for the values; null when a parameter of the text is not one of them. */
function build<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Statement | null {
  const m = qb.expressionMap;
  const given = m.parameters;
  const where = new Map<unknown, [string, number | null]>();
  const standIns: ObjectLiteral = {};
  for (const [name, value] of Object.entries(given)) {
    if (Array.isArray(value)) {
      // a list is either spread (`IN (:...name)`: each element a parameter) or bound whole (`= ANY(:name)`)
      const list = value.map((_, i) => {
        const s = {};
        where.set(s, [name, i]);
        return s;
      });
      where.set(list, [name, null]);
      standIns[name] = list;
    } else {
      const s = {};
      where.set(s, [name, null]);
      standIns[name] = s;
    }
  }
  m.parameters = standIns;
  let built: [string, unknown[]];
  try {
    built = qb.getQueryAndParameters();
  } finally {
    m.parameters = given;
  }
  const from: Statement['from'] = [];
  for (const p of built[1]) {
    const at = where.get(p);
    if (!at) return null;
    from.push(at);
  }
  return { sql: built[0], from };
}

/** `qb.getRawMany()`, with the statement text built once per shape (see the module). */
export async function rawRowsOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<Record<string, unknown>[]> {
  // the runner the builder was made with (the request's unit of work); a builder without one is left to TypeORM
  const runner = (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
  const shape = runner && !runner.isReleased ? shapeOf(qb) : null;
  if (shape === null) return qb.getRawMany();
  // getRawMany reads rows, not entities: the text it builds is the one for this flag
  qb.expressionMap.queryEntity = false;
  const metadata = qb.expressionMap.mainAlias!.metadata;
  let byShape = statements.get(metadata);
  if (!byShape) statements.set(metadata, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (statement === undefined) {
    statement = build(qb);
    if (byShape.size < MAX_SHAPES_PER_ENTITY) byShape.set(shape, statement);
  }
  if (statement === null) return qb.getRawMany();
  const values = qb.expressionMap.parameters;
  const params = statement.from.map(([name, index]) => (index === null ? values[name] : (values[name] as unknown[])[index]));
  if (verify) {
    const [sql, expected] = qb.getQueryAndParameters();
    if (sql !== statement.sql || expected.length !== params.length || expected.some((v, i) => v !== params[i])) {
      throw new Error(`select statement reused for another text or other parameters:\n${statement.sql}\n${sql}`);
    }
  }
  return runner!.query(statement.sql, params) as Promise<Record<string, unknown>[]>;
}
