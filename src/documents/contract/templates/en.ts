/**
 * Services agreement of an advertising / marketing agency: the built-in English clause text, used
 * until the agency saves its own. Written in the template language of ../contract-template.ts; the
 * document adds the title, the parties' details and the signatures.
 */
export const EN_CONTRACT_TEMPLATE = `## Subject of the Agreement

The Client engages the Agency to provide, and the Agency agrees to provide, the following advertising and marketing services: {{contract.subject}} (the "Services"), and the Client agrees to accept and pay for the Services on the terms of this Agreement.

The scope, volume, timing and price of the Services, and any key performance indicators (KPIs) agreed, are set out in the Agency's commercial offer accepted by the Client and in the annexes to this Agreement. The commercial offer, the annexes and any amendments form an integral part of this Agreement. If they conflict with this Agreement, this Agreement prevails unless an annex or amendment expressly provides otherwise.

The Agency may engage subcontractors to provide parts of the Services and remains responsible to the Client for their work as for its own.

## Price and Payment

The price of the Services under this Agreement is {{contract.amount}} {{contract.currency}} ({{contract.amountInWords}}), {{contract.vatClause}}.

The price includes the Agency's fee and the cost of placing advertising (the media budget) in the amount stated in the commercial offer. Expenses not provided for in the commercial offer are reimbursed by the Client only if the Parties have agreed them in writing in advance.

The Client pays the price in accordance with the payment schedule, which forms an integral part of this Agreement, against the Agency's invoices, by bank transfer to the Agency's account stated in this Agreement or in the invoice. A payment is made when the funds are credited to the Agency's account.

The price may be changed only by written agreement of the Parties.

## Term

The Services are provided from {{contract.startsOn}} to {{contract.endsOn}}, unless an annex sets other dates for particular stages.

This Agreement enters into force on its signature by both Parties and remains in force until the Parties have performed all their obligations under it.

## Rights and Obligations of the Parties

The Agency shall: provide the Services with due skill and care and within the agreed time; obtain the Client's approval of the advertising materials it prepares before they are published; report to the Client monthly, and on request, on the progress of the Services and the results achieved; and promptly notify the Client of any circumstances that prevent it from providing the Services.

The Client shall: provide the Agency in good time with the information, materials and access (to its website, web analytics systems and advertising accounts) needed for the Services; review and approve the Agency's materials, or send reasoned comments, within 3 (three) business days of receiving them; and accept and pay for the Services as provided in this Agreement.

The Client warrants that the materials, trade marks and information about its goods and services that it provides do not infringe the rights of third parties and comply with applicable law, including advertising and consumer protection law. The Client is responsible for the content of such materials.

The Agency may suspend the Services if the Client delays a payment or the provision of materials or access, after notifying the Client. The time for performance is then extended by the period of suspension.

The Client may at any time check the progress and quality of the Services without interfering with the Agency's work, and may terminate this Agreement by paying the Agency for the Services actually provided and the expenses actually incurred.

The intellectual property rights in the materials created by the Agency specifically for the Client (layouts, texts, images, videos) pass to the Client in full upon signature of the acceptance certificate for the relevant Services and their payment in full. The consideration for these rights is included in the price of the Services.

## Acceptance of the Services

At the end of each reporting period (a calendar month unless an annex provides otherwise) and on completion of the Services, the Agency sends the Client an acceptance certificate (the "Certificate") with a report on the Services provided.

Within {{contract.actSignDays}} of receiving the Certificate, the Client shall sign it or send the Agency a reasoned refusal listing the deficiencies.

If within that period the Client neither signs the Certificate nor sends a reasoned refusal, the Services are deemed accepted without reservation and the Certificate is deemed signed.

The Agency remedies the deficiencies listed in a reasoned refusal at its own expense within a period agreed by the Parties and then sends the Certificate again under this section.

## Liability

Each Party is liable for the non-performance or improper performance of its obligations in accordance with this Agreement and the governing law.

If the Client pays late, the Agency may claim a penalty of 0.1 % of the overdue amount for each day of delay, up to 10 % of the overdue amount.

The Agency does not guarantee any particular commercial result (sales volume, number of enquiries) other than the indicators the Parties have expressly agreed as KPIs. The Agency is not liable for the actions of advertising systems and platforms, including the rejection or suspension of advertisements under their rules, unless caused by the Agency's breach of those rules.

The Agency's liability under this Agreement is limited to direct damage and shall not exceed the price of the Services paid by the Client for the reporting period in which the cause of liability arose, except in the case of wilful misconduct or gross negligence.

## Confidentiality

Neither Party shall disclose to third parties, without the other Party's written consent, information received in connection with this Agreement (commercial, financial and technical information, access to advertising accounts and analytics systems, and the terms of this Agreement), except where disclosure is required by law.

This obligation applies during the term of this Agreement and for three years after its termination.

Each Party processes the personal data received in performing this Agreement only for the purposes of this Agreement and in accordance with the applicable data protection law.

## Force Majeure

Neither Party is liable for a failure to perform its obligations caused by extraordinary circumstances beyond its reasonable control that could not be foreseen or avoided (force majeure).

The affected Party shall notify the other Party in writing within 5 (five) business days of the onset of force majeure; a Party that fails to do so may not rely on it.

If force majeure continues for more than 30 (thirty) calendar days, either Party may terminate this Agreement by written notice to the other Party. The Client then pays for the Services actually provided up to termination.

## Disputes

The Parties shall seek to settle any dispute arising out of or in connection with this Agreement by negotiation.

A dispute not settled by negotiation within 30 (thirty) days of a written claim is referred to the competent court at the place of the Agency's registered office.

## Final Provisions

This Agreement is governed by the law of the country in which the Agency has its registered office.

Amendments to this Agreement are valid only if made in writing and signed by authorised representatives of both Parties.

The Parties recognise as valid the documents (including certificates, invoices and notices) signed with a qualified electronic signature, and scanned copies of signed documents sent to the e-mail addresses stated in this Agreement or notified in writing, with the originals exchanged afterwards.

This Agreement is made in two counterparts of equal legal force, one for each Party.
`;
