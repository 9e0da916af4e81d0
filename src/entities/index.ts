import { Agency } from './agency.entity';
import { Client } from './client.entity';
import { Contact } from './contact.entity';
import { User } from './user.entity';

export { Agency, Client, Contact, User };
export * from './enums';

export const ENTITIES = [Agency, User, Client, Contact];
