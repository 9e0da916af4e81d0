import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver, UserResolver } from './auth.resolver';
import { ClientResolver } from './client.resolver';
import { ContactResolver } from './contact.resolver';

export const RESOLVERS: NonEmptyArray<Function> = [AuthResolver, UserResolver, ClientResolver, ContactResolver];
