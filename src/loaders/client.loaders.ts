import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { Client, ClientStageChange, Contact } from '../entities';
import { childRows, rowsById } from './loader-kit';

export interface ClientLoaders {
  clientById: DataLoader<string, Client | null>;
  contactById: DataLoader<string, Contact | null>;
  /** active (not archived) contacts of each client, primary first, then by name */
  contactsByClient: DataLoader<string, Contact[]>;
  /** lifecycle stage changes of each client, oldest first */
  clientStageHistory: DataLoader<string, ClientStageChange[]>;
}

export function createClientLoaders(ctx: RequestContext): ClientLoaders {
  return {
    clientById: rowsById(ctx, Client),
    contactById: rowsById(ctx, Contact),
    contactsByClient: childRows(ctx, Contact, 'clientId', ['isPrimary DESC', 'fullName'], 'x."archivedAt" IS NULL'),
    clientStageHistory: childRows(ctx, ClientStageChange, 'clientId', ['changedAt', 'createdAt']),
  };
}
