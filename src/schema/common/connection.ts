import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PortalVisible } from './visibility';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @PortalVisible()
  @Field({ description: 'Whether more items follow the last edge.' })
  hasNextPage: boolean;

  @PortalVisible()
  @Field({ description: 'Whether items precede the first edge (true when `after` was given).' })
  hasPreviousPage: boolean;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor: string | null;

  @PortalVisible()
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (an `endCursor` of a previous page).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What services return for a list; `totalCount` is a lazy getter, counted only when selected. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge of a ${name} connection.` })
  class EdgeType {
    @PortalVisible()
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor: string;

    @PortalVisible()
    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}ConnectionBase`, { description: `Base of ${name}Connection (never exposed).` })
  abstract class ConnectionType {
    @PortalVisible()
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges: EdgeType[];

    @PortalVisible()
    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo: PageInfo;

    @PortalVisible()
    @Field(() => Int, { description: 'How many items match the filter in all pages.' })
    totalCount: number;
  }
  return ConnectionType;
}
