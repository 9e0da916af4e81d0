import { startTestApp, TestApp } from '../support/app';
import { createClient, createContact, createUser, registerAgency } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('resolves the owners of action items to the user and the contact', async () => {
  const a = await registerAgency(t);
  const manager = await createUser(t, a.ownerToken, 'MANAGER');
  const client = await createClient(t, a.ownerToken);
  const contact = await createContact(t, a.ownerToken, client.id, { fullName: 'Смирнова Анна Сергеевна' });
  const res = await t.gql(
    `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { actionItems { description ownerUser { id } ownerContact { id fullName } } } }`,
    {
      i: {
        clientId: client.id,
        title: 'Планёрка',
        startsAt: '2026-01-10T10:00:00.000Z',
        actionItems: [
          { description: 'Отправить медиаплан', ownerUserId: manager.id, dueDate: '2026-01-12' },
          { description: 'Дать доступы к Метрике', ownerContactId: contact.id },
        ],
      },
    },
    a.ownerToken,
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.createMeeting.actionItems).toEqual([
    { description: 'Отправить медиаплан', ownerUser: { id: manager.id }, ownerContact: null },
    { description: 'Дать доступы к Метрике', ownerUser: null, ownerContact: { id: contact.id, fullName: 'Смирнова Анна Сергеевна' } },
  ]);
});
