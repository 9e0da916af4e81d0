/**
 * The meeting protocol (протокол встречи / протокол от среща / meeting minutes): letterhead, title
 * and the meeting's subject, date, time and place, the two parties, who was present on each side,
 * then the agenda, the discussion, the decisions (numbered), the action items as a table (what,
 * who, by when), the next meeting, and a signature for each side. Pure: model in, bytes out.
 */
import type { RenderOptions } from '../kinds';
import { documentLabels, type Labeller } from '../i18n/labels';
import { drawKeyValues, drawLetterhead, drawSignatures } from '../layout/blocks';
import { DocumentWriter, type RenderedDocument } from '../layout/create-document';
import { formatDate } from '../layout/format';
import { drawTable } from '../layout/table';
import type { PartyModel } from '../shared/party.data';
import { partyLines } from '../shared/party.lines';
import type { LocalDateTime, MeetingProtocolModel, ProtocolPerson } from './meeting-protocol.model';

type Locale = RenderOptions['locale'];

function personLine(p: ProtocolPerson, l: Labeller): string {
  const position = p.position ?? (p.staffRole ? l(`meetingProtocol.role${p.staffRole}`) : null);
  return position ? `${p.name} — ${position}` : p.name;
}

function dateTime(at: LocalDateTime, locale: Locale, l: Labeller): string {
  return l('meetingProtocol.dateTime', { date: formatDate(at.date, locale, 'long'), time: at.time });
}

/** "14:00–15:30 (UTC+3)"; a meeting past midnight names the day it ends. */
function timeOf(model: MeetingProtocolModel, locale: Locale, l: Labeller): string {
  const { starts, ends } = model;
  let time = starts.time;
  if (ends && ends.date === starts.date) time = l('meetingProtocol.timeRange', { start: starts.time, end: ends.time });
  else if (ends) time = l('meetingProtocol.timeRange', { start: starts.time, end: `${formatDate(ends.date, locale, 'short')} ${ends.time}` });
  return l('meetingProtocol.timeWithZone', { time, zone: model.utcOffset });
}

/** A numbered section heading, kept on the page with the start of what follows it. */
function section(w: DocumentWriter, title: string, following: number): void {
  w.gap(8);
  w.ensureSpace(w.heightOf('heading', title, w.width) + 3 + Math.min(following, 60));
  w.text('heading', title, { gapAfter: 3 });
}

/** Free text as typed: paragraphs at blank lines, single line breaks kept. */
function paragraphs(w: DocumentWriter, text: string): void {
  const parts = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  parts.forEach((p, i) => w.text('body', p, { align: 'left', gapAfter: i < parts.length - 1 ? 4 : 0 }));
}

/** "1." at the margin, the text indented after it, flowing over pages. */
function numbered(w: DocumentWriter, items: string[]): void {
  const indent = 18;
  items.forEach((item, i) => {
    const firstLine = w.heightOf('body', 'X', w.width - indent);
    w.ensureSpace(Math.min(w.heightOf('body', item, w.width - indent), firstLine * 2));
    w.textAt('body', `${i + 1}.`, w.left, w.y, indent - 4);
    w.text('body', item, { indent, gapAfter: 2.5 });
  });
}

function people(w: DocumentWriter, side: string, persons: ProtocolPerson[], l: Labeller): void {
  w.ensureSpace(w.heightOf('bodyBold', side, w.width) * 2 + 4);
  w.text('bodyBold', `${side}:`, { gapAfter: 1 });
  const lines = persons.length ? persons.map((p) => personLine(p, l)) : [l('meetingProtocol.nobody')];
  for (const line of lines) w.text('body', line, { indent: 12, gapAfter: 1 });
}

export async function renderMeetingProtocol(model: MeetingProtocolModel, options: RenderOptions): Promise<RenderedDocument> {
  const { locale } = options;
  const l = documentLabels(locale as never);
  const title = l('meetingProtocol.title');
  const w = new DocumentWriter(
    {
      title: `${title}: ${model.title}`,
      subject: model.title,
      author: model.agency.name,
      keywords: [model.agency.tradingName, model.client.name].join(', '),
      locale: locale as never,
      createdAt: options.createdAt,
    },
    {
      runningHeader: `${l('meetingProtocol.runningHeader', { date: formatDate(model.starts.date, locale, 'short') })} · ${model.title}`,
      footerLeft: model.agency.tradingName,
      pageLabel: (page, pages) => l('common.page', { page, pages }),
    },
  );

  const head = [model.agency.tradingName];
  if (model.agency.name !== model.agency.tradingName) head.push(model.agency.name);
  if (model.agency.address) head.push(model.agency.address);
  drawLetterhead(w, { logo: model.logo, lines: head });

  w.text('title', title.toLocaleUpperCase(locale), { align: 'center', gapAfter: 2 });
  w.text('subtitle', l('meetingProtocol.quoted', { text: model.title }), { align: 'center', gapAfter: 10 });

  const facts: Array<[string, string]> = [
    [l('meetingProtocol.date'), formatDate(model.starts.date, locale, 'long')],
    [l('meetingProtocol.time'), timeOf(model, locale, l)],
  ];
  if (model.location) facts.push([l('meetingProtocol.place'), model.location]);
  // the parties by name and tax ids: minutes need no addresses or bank details
  const party = (p: PartyModel) => [p.name, ...partyLines({ ...p, address: null }, l, { bank: false })].join(', ');
  facts.push([l('common.supplier'), party(model.agency)], [l('common.customer'), party(model.client)]);
  drawKeyValues(w, facts, 0.2);

  let n = 0;
  const numberedTitle = (key: string) => `${++n}. ${l(`meetingProtocol.${key}`)}`;

  section(w, l('meetingProtocol.attendees'), 30);
  people(w, l('meetingProtocol.fromAgency'), model.agencyParticipants, l);
  w.gap(3);
  people(w, l('meetingProtocol.fromClient'), model.clientParticipants, l);

  if (model.agenda) {
    section(w, numberedTitle('agenda'), w.heightOf('body', model.agenda, w.width));
    paragraphs(w, model.agenda);
  }
  if (model.discussion) {
    section(w, numberedTitle('discussion'), w.heightOf('body', model.discussion, w.width));
    paragraphs(w, model.discussion);
  }
  if (model.decisions.length) {
    section(w, numberedTitle('decisions'), w.heightOf('body', model.decisions[0], w.width - 18));
    numbered(w, model.decisions);
  }
  if (model.actionItems.length) {
    // the table keeps its header with its first row itself
    section(w, numberedTitle('actionItems'), 0);
    drawTable(
      w,
      [
        { header: l('common.number'), width: 6, align: 'right' },
        { header: l('meetingProtocol.colTask'), width: 56 },
        { header: l('meetingProtocol.colOwner'), width: 24 },
        { header: l('meetingProtocol.colDue'), width: 14, align: 'center' },
      ],
      model.actionItems.map((a, i) => [
        String(i + 1),
        a.done ? `${a.description} (${l('meetingProtocol.done')})` : a.description,
        a.owner ?? '—',
        a.dueDate ? formatDate(a.dueDate, locale, 'short') : '—',
      ]),
    );
  }
  // the signatures never stand alone on a page: the next meeting (or the end of the table) goes with them
  const SIGNATURES = 112 + 18;
  if (model.nextMeeting) {
    w.gap(10);
    w.ensureSpace(w.heightOf('body', 'X', w.width) + 4 + SIGNATURES);
    drawKeyValues(w, [[l('meetingProtocol.nextMeeting'), dateTime(model.nextMeeting, locale, l)]], 0.2);
  }
  w.gap(18);
  const signer = (p: ProtocolPerson | null) => ({
    position: p ? (p.position ?? (p.staffRole ? l(`meetingProtocol.role${p.staffRole}`) : null)) : null,
    name: p?.name ?? null,
  });
  drawSignatures(w, [
    {
      role: l('meetingProtocol.fromAgency'),
      ...signer(model.agencySigner),
      signatureCaption: l('common.signature'),
      stampCaption: l('common.stamp'),
      signatureImage: model.signature,
      stampImage: model.stamp,
    },
    {
      role: l('meetingProtocol.fromClient'),
      ...signer(model.clientSigner),
      signatureCaption: l('common.signature'),
      stampCaption: l('common.stamp'),
    },
  ]);
  return w.finish();
}
