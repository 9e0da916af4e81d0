/** GraphQL documents shared by the e2e tests: what a front-end would send. */

export const REGISTER_AGENCY = /* GraphQL */ `
  mutation RegisterAgency($input: RegisterAgencyInput!) {
    registerAgency(input: $input) {
      token
      expiresAt
      user { id email role }
      agency { id name timeZone }
    }
  }
`;

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) { token user { id email role } agency { id name } }
  }
`;

export const ME = /* GraphQL */ `
  query Me { me { id email role clientId agency { id name } client { id name } } }
`;

export const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { id email role clientId }
  }
`;

export const CLIENT_FIELDS = /* GraphQL */ `
  fragment ClientFields on Client {
    id name legalName country inn kpp ogrn eik vatNumber address website industry
    companySize brandStrength companyLifeStage advertisingBudget advertisingBudgetCurrency
    lifecycleStage terminatedAt terminationReason notes archivedAt createdAt updatedAt
    owner { id email }
  }
`;

export const CREATE_CLIENT = /* GraphQL */ `
  mutation CreateClient($input: CreateClientInput!) { createClient(input: $input) { ...ClientFields } }
  ${CLIENT_FIELDS}
`;

export const UPDATE_CLIENT = /* GraphQL */ `
  mutation UpdateClient($input: UpdateClientInput!) { updateClient(input: $input) { ...ClientFields } }
  ${CLIENT_FIELDS}
`;

export const ARCHIVE_CLIENT = /* GraphQL */ `
  mutation ArchiveClient($id: ID!) { archiveClient(id: $id) { id archivedAt } }
`;

export const RESTORE_CLIENT = /* GraphQL */ `
  mutation RestoreClient($id: ID!) { restoreClient(id: $id) { id archivedAt } }
`;

export const TERMINATE_CLIENT = /* GraphQL */ `
  mutation TerminateClient($input: TerminateClientInput!) {
    terminateClient(input: $input) { id terminatedAt terminationReason lifecycleStage }
  }
`;

export const GET_CLIENT = /* GraphQL */ `
  query GetClient($id: ID!) { client(id: $id) { ...ClientFields contacts { id fullName } } }
  ${CLIENT_FIELDS}
`;

export const LIST_CLIENTS = /* GraphQL */ `
  query ListClients($first: Int, $after: String, $filter: ClientFilter, $orderBy: ClientOrder) {
    clients(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name lifecycleStage archivedAt createdAt } }
    }
  }
`;

/** What a client-portal user may select of its client (the agency's internal fields answer FORBIDDEN). */
export const PORTAL_CLIENT_FIELDS = /* GraphQL */ `
  fragment PortalClientFields on Client {
    id name legalName country inn kpp ogrn eik vatNumber address website industry createdAt
    accountManager { fullName email phone }
  }
`;

export const GET_PORTAL_CLIENT = /* GraphQL */ `
  query GetPortalClient($id: ID!) { client(id: $id) { ...PortalClientFields contacts { id fullName } } }
  ${PORTAL_CLIENT_FIELDS}
`;

export const LIST_PORTAL_CLIENTS = /* GraphQL */ `
  query ListPortalClients($first: Int, $after: String, $filter: ClientFilter, $orderBy: ClientOrder) {
    clients(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name createdAt } }
    }
  }
`;

export const LIST_PORTAL_CLIENTS_WITH_CONTACTS = /* GraphQL */ `
  query ListPortalClientsWithContacts($first: Int) {
    clients(first: $first) {
      edges { node { id name accountManager { email } contacts { id fullName client { id name } } } }
    }
  }
`;

export const LIST_CLIENTS_WITH_CONTACTS = /* GraphQL */ `
  query ListClientsWithContacts($first: Int) {
    clients(first: $first) {
      edges { node { id name owner { id email } contacts { id fullName client { id name } } } }
    }
  }
`;

export const CREATE_CONTACT = /* GraphQL */ `
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      id clientId fullName position email phone birthday salutation addressForm preferredChannels isPrimary notes
    }
  }
`;

export const UPDATE_CONTACT = /* GraphQL */ `
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) { id fullName phone isPrimary preferredChannels }
  }
`;

export const ARCHIVE_CONTACT = /* GraphQL */ `
  mutation ArchiveContact($id: ID!) { archiveContact(id: $id) { id archivedAt isPrimary } }
`;
