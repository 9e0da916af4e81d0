import type { CreatedApp } from '../app';
import { DEFAULT_TIME_ZONE } from '../entities/agency.entity';
import { addDays, localDate } from '../services/time';

/**
 * The living part of the demo agency, created through the public GraphQL API (so every rule
 * applies): briefs, meetings, proposals in several states, deals across the funnel, a contract
 * with approvals and a payment schedule, invoices (one partially paid, a prepayment refunded),
 * and acts. Dates are relative to the day of seeding, so the funnel and the control points look alive.
 */
export interface DemoIds {
  agencyId: string;
  ownerId: string;
  managerId: string;
  clients: { id: string; name: string; contactIds: string[] }[];
}

type Exec = CreatedApp['execute'];

/** The proposal and contract the demo campaigns link to. */
export interface DemoActivityLinks {
  proposalId: string;
  contractId: string;
}

export async function seedDemoActivity(execute: Exec, token: string, ids: DemoIds, now: Date = new Date()): Promise<DemoActivityLinks> {
  const today = localDate(now, DEFAULT_TIME_ZONE);
  const day = (n: number) => addDays(today, n);
  const instant = (daysFromNow: number, hour: number) => new Date(`${day(daysFromNow)}T${String(hour).padStart(2, '0')}:00:00+03:00`).toISOString();
  const run = <T = any>(q: string, v: Record<string, unknown> = {}) => execute<T>(q, v, token);
  const [romashka, sever, okna, slanchev] = ids.clients;

  await run(
    `mutation($i: UpdateAgencyRequisitesInput!) { updateAgencyRequisites(input: $i) { legalName } }`,
    {
      i: {
        legalName: 'ООО «Вектор»',
        inn: '7707083893',
        kpp: '770701001',
        ogrn: '1027700132195',
        address: '101000, г. Москва, ул. Мясницкая, д. 1',
        bankName: 'ПАО Сбербанк',
        bic: '044525225',
        settlementAccount: '40702810938000000001',
        correspondentAccount: '30101810400000000225',
        signatoryName: 'Орлова Е. П.',
        signatoryPosition: 'Генеральный директор',
        vatPayer: true,
      },
    },
  );

  // --- interactions and development state
  await run(`mutation($i: LogInteractionInput!) { logInteraction(input: $i) { id } }`, {
    i: { clientId: romashka.id, contactId: romashka.contactIds[0], kind: 'CALL', occurredAt: instant(-3, 11), summary: 'Обсудили итоги первого месяца и план на квартал', nextContactOn: day(4), nextContactGoal: 'Согласовать допродажу SEO', nextContactProduct: 'SEO-продвижение' },
  });
  await run(`mutation($i: LogInteractionInput!) { logInteraction(input: $i) { id } }`, {
    i: { clientId: sever.id, contactId: sever.contactIds[0], kind: 'EMAIL', occurredAt: instant(-10, 15), summary: 'Отправили кейсы по туризму', nextContactOn: day(-1), nextContactGoal: 'Узнать решение по КП' },
  });

  // --- briefs
  const brief = await run(`mutation($i: CreateBriefInput!) { createBrief(input: $i) { id } }`, {
    i: {
      clientId: romashka.id,
      title: 'Бриф: контекстная реклама, весна',
      marketingKnowledge: 'INTERMEDIATE',
      contactInfo: { contactIds: romashka.contactIds, decisionMakers: 'Петров И. В. (бюджет), Смирнова А. С. (задачи)' },
      business: { description: 'Сеть цветочных салонов в Москве', products: 'Букеты, доставка, оформление событий', geography: 'Москва и область', competitors: ['Флорист.ру', 'Цветы Экспресс'], seasonality: 'Пики: 14 февраля, 8 марта, 1 сентября' },
      expectations: { goals: 'Рост онлайн-заказов доставки', expectedResults: '+30% заказов к 8 марта' },
      kpis: [
        { metric: 'CPA заказа', target: '450', unit: 'RUB', direction: 'DECREASE' },
        { metric: 'Заказы в месяц', target: '600', direction: 'INCREASE' },
      ],
      proposalCriteria: [
        { criterion: 'Прогноз результата', weight: 50 },
        { criterion: 'Цена', weight: 30 },
        { criterion: 'Опыт в нише', weight: 20 },
      ],
      constraints: { budgetMin: '250000', budgetMax: '400000', currency: 'RUB', startDate: day(-40), endDate: day(60) },
    },
  });
  await run(`mutation($i: CreateBriefInput!) { createBrief(input: $i) { id } }`, {
    i: { clientId: okna.id, title: 'Бриф: SEO и контекст', marketingKnowledge: 'BASIC', business: { description: 'Производство ПВХ-окон' } },
  });

  // --- meetings: one protocol sent, one waiting (a control point)
  await run(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
    i: {
      clientId: romashka.id, title: 'Установочная встреча', startsAt: instant(-45, 11), endsAt: instant(-45, 12), location: 'Офис клиента',
      agenda: 'Бриф, цели, KPI', decisions: ['Запуск с поиска Яндекса', 'Отчёт раз в неделю'],
      participantUserIds: [ids.managerId], participantContactIds: romashka.contactIds,
    },
  }).then((m) => run(`mutation($i: MarkProtocolSentInput!) { markProtocolSent(input: $i) { __typename } }`, { i: { id: m.createMeeting.id, sentAt: instant(-44, 10) } }));
  await run(`mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, {
    i: {
      clientId: sever.id, title: 'Презентация агентства', startsAt: instant(-2, 15), location: 'Zoom', agenda: 'Кейсы, подход к туризму',
      decisions: ['Подготовить КП до конца недели'], actionItems: [{ description: 'Отправить КП', ownerUserId: ids.managerId, dueDate: day(2) }],
      participantUserIds: [ids.managerId], participantContactIds: sever.contactIds,
    },
  });

  // --- deals across the funnel
  const dealQ = `mutation($i: CreateDealInput!) { createDeal(input: $i) { id } }`;
  const move = (id: string, stage: string) => run(`mutation($i: MoveDealInput!) { moveDeal(input: $i) { __typename } }`, { i: { id, stage } });
  const dealRomashka = (await run(dealQ, { i: { clientId: romashka.id, title: 'Контекстная реклама, весна', product: 'Контекст', amount: '360000.00', currency: 'RUB' } })).createDeal.id;
  const dealSever = (await run(dealQ, { i: { clientId: sever.id, title: 'Продвижение туров', product: 'Контекст + таргет', amount: '1200000.00', currency: 'RUB' } })).createDeal.id;
  const dealOkna = (await run(dealQ, { i: { clientId: okna.id, title: 'SEO для сайта', product: 'SEO' } })).createDeal.id;
  const dealLost = (await run(dealQ, { i: { clientId: slanchev.id, title: 'SMM, сезон', product: 'SMM', amount: '4000.00', currency: 'EUR' } })).createDeal.id;
  await move(dealSever, 'PROPOSAL');
  await run(`mutation($i: RecordDealDeviationInput!) { recordDealDeviation(input: $i) { id } }`, {
    i: { dealId: dealOkna, kind: 'PRESENTATION_REFUSED', dueOn: day(7), note: 'Нет времени до конца месяца, просили перезвонить' },
  });
  await move(dealLost, 'PROPOSAL');
  await run(`mutation($i: CloseDealInput!) { closeDeal(input: $i) { __typename } }`, { i: { id: dealLost, outcome: 'LOST', reason: 'PRICE', note: 'Выбрали фрилансера' } });

  // --- proposals: accepted (Ромашка), sent with a justified mix (Северный ветер), draft, rejected
  const mediaPlan = [
    { channel: 'Яндекс Директ, поиск', budget: '180000.00', agencyFee: '27000.00', category: 'PROVEN', expectedKpi: 'CPA ≤ 450 ₽' },
    { channel: 'Яндекс Директ, РСЯ', budget: '50000.00', agencyFee: '7500.00', category: 'UNCERTAIN' },
    { channel: 'VK Реклама', budget: '26000.00', agencyFee: '3900.00', category: 'EXPERIMENTAL', feeInternal: true },
  ];
  const propQ = `mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }`;
  const accepted = (await run(propQ, {
    i: {
      clientId: romashka.id, briefId: brief.createBrief.id, dealId: dealRomashka, currency: 'RUB', validUntil: day(20), title: 'КП: контекстная реклама',
      blocks: { companyPresentation: 'Агентство «Вектор»: 9 лет в performance-маркетинге', recommendations: 'Начать с поиска, через месяц подключить РСЯ', commercialTerms: 'Оплата: 50% предоплата, 50% по итогам месяца', guarantees: 'Возврат комиссии, если CPA выше 600 ₽' },
      lines: mediaPlan,
    },
  })).createProposal.id;
  await move(dealRomashka, 'PROPOSAL');
  await run(`mutation($i: SendProposalInput!) { sendProposal(input: $i) { __typename } }`, { i: { id: accepted } });
  await run(`mutation($i: AcceptProposalInput!) { acceptProposal(input: $i) { __typename } }`, { i: { id: accepted } });
  await move(dealRomashka, 'CONTRACT');

  const sent = (await run(propQ, {
    i: { clientId: sever.id, dealId: dealSever, currency: 'RUB', validUntil: day(5), title: 'КП: туры на майские', lines: [
      { channel: 'Яндекс Директ, поиск', budget: '600000.00', category: 'PROVEN' },
      { channel: 'Telegram Ads', budget: '400000.00', category: 'EXPERIMENTAL' },
    ] },
  })).createProposal.id;
  await run(`mutation($i: SendProposalInput!) { sendProposal(input: $i) { __typename } }`, {
    i: { id: sent, justification: 'Клиент сам просит протестировать Telegram Ads на 40% бюджета; риски согласованы на встрече' },
  });
  await run(propQ, { i: { clientId: okna.id, currency: 'RUB', validUntil: day(30), title: 'КП: SEO (черновик)', lines: [{ channel: 'SEO-продвижение', budget: '90000.00', category: 'PROVEN' }] } });
  const rejected = (await run(propQ, { i: { clientId: slanchev.id, currency: 'EUR', validUntil: day(10), title: 'КП: SMM', lines: [
    { channel: 'Instagram', budget: '2800.00', category: 'PROVEN' }, { channel: 'TikTok', budget: '800.00', category: 'UNCERTAIN' }, { channel: 'Threads', budget: '400.00', category: 'EXPERIMENTAL' },
  ] } })).createProposal.id;
  await run(`mutation($i: SendProposalInput!) { sendProposal(input: $i) { __typename } }`, { i: { id: rejected } });
  await run(`mutation($i: RejectProposalInput!) { rejectProposal(input: $i) { __typename } }`, { i: { id: rejected, reason: 'PRICE', note: 'Бюджет клиента меньше' } });

  // --- money: contract from the accepted proposal, 50% prepayment + 50% after delivery
  const contract = (await run(`mutation($i: CreateContractInput!) { createContract(input: $i) { id paymentSchedule { id isPrepayment } } }`, {
    i: {
      clientId: romashka.id, proposalId: accepted, contractDate: day(-30), startsOn: day(-30), endsOn: day(60),
      paymentSchedule: [
        { label: 'Предоплата 50%', trigger: 'ON_SIGNING', percent: '50', isPrepayment: true },
        { label: 'Постоплата 50%', trigger: 'AFTER_DELIVERY', percent: '50' },
      ],
    },
  })).createContract;
  const submitted = await run(`mutation($i: SubmitContractForApprovalInput!) { submitContractForApproval(input: $i) { ... on Contract { approvals { id name } } } }`, {
    i: { id: contract.id, approvers: [{ name: 'Петров И. В.', position: 'Генеральный директор' }, { name: 'Зайцева О. Н.', position: 'Главный бухгалтер' }] },
  });
  for (const a of submitted.submitContractForApproval.approvals) {
    await run(`mutation($i: ApproveContractInput!) { approveContract(input: $i) { __typename } }`, { i: { id: contract.id, approvalId: a.id, decision: 'APPROVED' } });
  }
  await run(`mutation($i: SignContractInput!) { signContract(input: $i) { __typename } }`, { i: { id: contract.id, signedOn: day(-28), signedByClient: 'Петров И. В.' } });

  const invQ = `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }`;
  const issue = (id: string, issueDate: string) => run(`mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { __typename } }`, { i: { id, issueDate } });
  const pay = (invoiceId: string, amount: string, paidAt: string) =>
    run(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename } }`, { i: { invoiceId, amount, paidAt, reference: 'п/п' } });
  const [prepItem, postItem] = contract.paymentSchedule;
  const prepayment = (await run(invQ, { i: { clientId: romashka.id, contractId: contract.id, scheduleItemId: prepItem.id, currency: 'RUB', dueDate: day(-20) } })).createInvoice.id;
  await issue(prepayment, day(-27));
  const due = await run(`query($id: ID!) { invoice(id: $id) { balanceDue } }`, { id: prepayment });
  await pay(prepayment, due.invoice.balanceDue, day(-25));
  const final = (await run(invQ, {
    i: {
      clientId: romashka.id, contractId: contract.id, scheduleItemId: postItem.id, kind: 'FINAL', currency: 'RUB', dueDate: day(10), supplyDate: day(-1),
      // the second half of the contract (prices «в т.ч. НДС», as the contract's): 145 250 in all
      lines: [
        { description: 'Ведение рекламных кампаний в Яндекс Директ', quantity: '1', unitPrice: '115000.00' },
        { description: 'Размещение в VK Рекламе', quantity: '1', unitPrice: '13000.00' },
        { description: 'Агентское вознаграждение', quantity: '1', unitPrice: '17250.00' },
      ],
    },
  })).createInvoice.id;
  await issue(final, day(-1));
  await pay(final, '100000.00', today);

  // an act for the first month: issued and signed; the deal goes to CLOSING with it
  const act = (await run(`mutation($i: CreateActInput!) { createAct(input: $i) { id } }`, {
    i: { clientId: romashka.id, contractId: contract.id, currency: 'RUB', periodStart: day(-30), periodEnd: day(-1), invoiceIds: [final] },
  })).createAct.id;
  await run(`mutation($i: IssueActInput!) { issueAct(input: $i) { __typename } }`, { i: { id: act, actDate: day(-1) } });

  // the seed's withdrawal: Северный ветер paid a prepayment invoice, then withdrew; the money was returned
  const severInvoice = (await run(invQ, {
    i: { clientId: sever.id, currency: 'RUB', dueDate: day(-5), lines: [{ description: 'Предоплата за аудит рекламных кабинетов', unitPrice: '50000.00' }] },
  })).createInvoice.id;
  await issue(severInvoice, day(-12));
  await pay(severInvoice, '61000.00', day(-11));
  const payments = await run(`query($id: ID!) { invoice(id: $id) { payments { id } } }`, { id: severInvoice });
  await run(`mutation($i: RefundPaymentInput!) { refundPayment(input: $i) { __typename } }`, {
    i: { paymentId: payments.invoice.payments[0].id, paidAt: day(-4), reason: 'Клиент отказался от аудита' },
  });
  await run(`mutation($i: CancelInvoiceInput!) { cancelInvoice(input: $i) { __typename } }`, { i: { id: severInvoice, reason: 'Клиент отказался, предоплата возвращена' } });
  return { proposalId: accepted, contractId: contract.id };
}
