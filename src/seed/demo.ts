import type { DataSource, EntityManager } from 'typeorm';
import type { CreatedApp } from '../app';
import { DemoIds, seedDemoActivity } from './demo-activity';
import { seedDemoCampaigns } from './demo-campaigns';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoAnalytics } from './demo-analytics';
import { seedDemoReports } from './demo-reports';
import { newContext, noUsage, type AuthedContext } from '../context';
import { hashPassword } from '../auth/password';
import { localDate } from '../services/time';
import { DEFAULT_TIME_ZONE } from '../entities/agency.entity';
import { Agency, Client, ClientStageChange, Contact, User } from '../entities';
import {
  AddressForm,
  BrandStrength,
  CompanyLifeStage,
  CompanySize,
  ContactChannel,
  CurrencyCode,
  LifecycleStage,
  Locale,
  UserRole,
} from '../entities/enums';

/** Logins printed in the README; the demo agency is for local use only. */
export const DEMO_LOGINS = [
  { email: 'owner@demo.agency', password: 'demo-owner-2026', role: UserRole.OWNER },
  { email: 'manager@demo.agency', password: 'demo-manager-2026', role: UserRole.MANAGER },
  { email: 'client@demo.agency', password: 'demo-client-2026', role: UserRole.CLIENT },
] as const;

type ClientSeed = Partial<Client> & { contacts: Partial<Contact>[] };

const CLIENTS: ClientSeed[] = [
  {
    name: 'Ромашка',
    legalName: 'ООО «Ромашка»',
    country: 'RU',
    inn: '7704123450',
    kpp: '770401001',
    ogrn: '1027700123450',
    address: '119021, г. Москва, ул. Льва Толстого, д. 16',
    website: 'https://romashka.example.ru',
    industry: 'Розничная торговля цветами',
    companySize: CompanySize.SMALL,
    brandStrength: BrandStrength.EMERGING,
    companyLifeStage: CompanyLifeStage.GROWTH,
    advertisingBudget: '350000.00',
    advertisingBudgetCurrency: CurrencyCode.RUB,
    lifecycleStage: LifecycleStage.PURCHASE,
    contacts: [
      {
        fullName: 'Смирнова Анна Сергеевна',
        position: 'Директор по маркетингу',
        email: 'a.smirnova@romashka.example.ru',
        phone: '+79161234567',
        birthday: '1986-03-14',
        salutation: 'Анна Сергеевна',
        preferredChannels: [ContactChannel.TELEGRAM, ContactChannel.EMAIL],
        isPrimary: true,
      },
      {
        fullName: 'Петров Игорь Викторович',
        position: 'Генеральный директор',
        email: 'ceo@romashka.example.ru',
        phone: '+74951234567',
        salutation: 'Игорь Викторович',
        preferredChannels: [ContactChannel.PHONE],
      },
    ],
  },
  {
    name: 'Северный ветер',
    legalName: 'АО «Северный ветер»',
    country: 'RU',
    inn: '7810543216',
    kpp: '781001001',
    ogrn: '1037810543210',
    address: '190000, г. Санкт-Петербург, Невский пр., д. 28',
    website: 'https://sever-veter.example.ru',
    industry: 'Туризм',
    companySize: CompanySize.LARGE,
    brandStrength: BrandStrength.ESTABLISHED,
    companyLifeStage: CompanyLifeStage.PRIME,
    advertisingBudget: '1200000.00',
    advertisingBudgetCurrency: CurrencyCode.RUB,
    lifecycleStage: LifecycleStage.EVALUATION,
    contacts: [
      {
        fullName: 'Кузнецов Дмитрий Андреевич',
        position: 'Руководитель интернет-маркетинга',
        email: 'd.kuznetsov@sever-veter.example.ru',
        phone: '+78121234567',
        birthday: '1990-11-30',
        salutation: 'Дмитрий',
        addressForm: AddressForm.INFORMAL,
        preferredChannels: [ContactChannel.WHATSAPP, ContactChannel.EMAIL],
        isPrimary: true,
      },
    ],
  },
  {
    name: 'Сибирские окна',
    legalName: 'ООО «Сибирские окна»',
    country: 'RU',
    inn: '5406987651',
    ogrn: '1055406987657',
    address: '630099, г. Новосибирск, Красный пр., д. 1',
    industry: 'Производство окон',
    companySize: CompanySize.MEDIUM,
    brandStrength: BrandStrength.UNKNOWN,
    companyLifeStage: CompanyLifeStage.STABILITY,
    lifecycleStage: LifecycleStage.ATTRACTION,
    contacts: [
      {
        fullName: 'Волкова Мария Ивановна',
        position: 'Коммерческий директор',
        email: 'volkova@sib-okna.example.ru',
        salutation: 'Мария Ивановна',
        preferredChannels: [ContactChannel.EMAIL],
        isPrimary: true,
      },
    ],
  },
  {
    name: 'Слънчев бряг Травел',
    legalName: '„Слънчев бряг Травел“ ЕООД',
    country: 'BG',
    eik: '205123457',
    vatNumber: 'BG205123457',
    address: 'гр. Варна, бул. „Приморски“ 12',
    industry: 'Туризъм',
    companySize: CompanySize.SMALL,
    brandStrength: BrandStrength.EMERGING,
    companyLifeStage: CompanyLifeStage.INFANCY,
    advertisingBudget: '4000.00',
    advertisingBudgetCurrency: CurrencyCode.EUR,
    lifecycleStage: LifecycleStage.INTEREST,
    contacts: [
      {
        fullName: 'Георги Димитров',
        position: 'Управител',
        email: 'georgi@slanchev.example.bg',
        phone: '+359888123456',
        salutation: 'г-н Димитров',
        preferredChannels: [ContactChannel.VIBER, ContactChannel.PHONE],
        isPrimary: true,
      },
    ],
  },
];

async function seed(m: EntityManager): Promise<DemoIds> {
  const agency = await m.save(
    m.create(Agency, {
      name: 'Агентство «Вектор»',
      timeZone: DEFAULT_TIME_ZONE,
      locale: Locale.RU,
      defaultCurrency: CurrencyCode.RUB,
      country: 'RU',
    }),
  );
  const [ownerLogin, managerLogin, clientLogin] = DEMO_LOGINS;
  const owner = await m.save(
    m.create(User, {
      agencyId: agency.id,
      email: ownerLogin.email,
      passwordHash: await hashPassword(ownerLogin.password),
      fullName: 'Орлова Екатерина Павловна',
      role: UserRole.OWNER,
    }),
  );
  const manager = await m.save(
    m.create(User, {
      agencyId: agency.id,
      email: managerLogin.email,
      passwordHash: await hashPassword(managerLogin.password),
      fullName: 'Соколов Алексей Николаевич',
      role: UserRole.MANAGER,
    }),
  );
  const clients: DemoIds['clients'] = [];
  for (const { contacts, ...data } of CLIENTS) {
    const client = await m.save(m.create(Client, { ...data, agencyId: agency.id, ownerId: manager.id }));
    const contactIds: string[] = [];
    for (const c of contacts) contactIds.push((await m.save(m.create(Contact, { ...c, agencyId: agency.id, clientId: client.id }))).id);
    await m.save(m.create(ClientStageChange, { agencyId: agency.id, clientId: client.id, fromStage: null, toStage: client.lifecycleStage, changedAt: client.createdAt, actorId: owner.id, note: 'created' }));
    clients.push({ id: client.id, name: client.name, contactIds });
  }
  await m.save(
    m.create(User, {
      agencyId: agency.id,
      email: clientLogin.email,
      passwordHash: await hashPassword(clientLogin.password),
      fullName: 'Смирнова Анна Сергеевна',
      role: UserRole.CLIENT,
      clientId: clients[0].id,
    }),
  );
  return { agencyId: agency.id, ownerId: owner.id, managerId: manager.id, clients };
}

/**
 * Creates the demo agency unless its owner already exists: people and clients directly, then the
 * pipeline and the money flow through the GraphQL API of `app`, as a user would.
 */
export async function seedDemo(ds: DataSource, app: Pick<CreatedApp, 'execute' | 'services'>): Promise<{ logins: string[] } | null> {
  const exists = await ds.getRepository(User).existsBy({ email: DEMO_LOGINS[0].email });
  if (exists) return null;
  const ids = await ds.transaction((m) => seed(m));
  const { token } = await app.services.tokens.issue({ sub: ids.ownerId, agencyId: ids.agencyId });
  const links = await seedDemoActivity(app.execute, token, ids);
  // the demo manager, for what the API cannot backdate: the figures and optimizations of past days
  const managerCtx = newContext<AuthedContext>({
    usage: noUsage(),
    requestId: 'demo-seed',
    actor: { userId: ids.managerId, agencyId: ids.agencyId, role: UserRole.MANAGER, clientId: null },
    authError: null,
    locale: Locale.RU,
    manager: ds.manager,
    app: app.services,
    logger: app.services.logger,
  });
  await seedDemoCampaigns(app.execute, token, managerCtx, ids, links);
  await seedDemoSurveys(app.execute, token, ids);
  await seedDemoAnalytics(app.execute, token, ids, localDate(new Date(), DEFAULT_TIME_ZONE));
  await seedDemoReports(managerCtx, ids.clients[0].id);
  return { logins: DEMO_LOGINS.map((l) => `${l.role}: ${l.email} / ${l.password}`) };
}

/** The first start on an empty database gets the demo agency; a database with agencies is left alone. */
export async function seedDemoIfEmpty(ds: DataSource, app: Pick<CreatedApp, 'execute' | 'services'>): Promise<{ logins: string[] } | null> {
  const anyAgency = await ds.getRepository(Agency).exists();
  return anyAgency ? null : seedDemo(ds, app);
}
