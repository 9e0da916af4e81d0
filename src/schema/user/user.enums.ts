import { registerEnumType } from 'type-graphql';
import { UserRole } from '../../entities/enums';

registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user may do.',
  valuesConfig: {
    OWNER: { description: 'Agency owner/admin: everything in the agency, including users and settings.' },
    MANAGER: { description: 'Account manager: works with clients, pipeline and documents.' },
    CLIENT: { description: 'Client-portal user bound to exactly one client: reads what is addressed to it.' },
  },
});
