import { registerEnumType } from 'type-graphql';
import { OutboundEmailStatus } from '../../entities/outbound-email.entity';

registerEnumType(OutboundEmailStatus, {
  name: 'OutboundEmailStatus',
  description: 'What became of an email the platform sends for your agency.',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be sent (or to be retried after a refusal: see lastError).' },
    SENT: { description: 'Accepted by the mail server.' },
    FAILED: { description: 'Refused by the mail server on every attempt; lastError holds its last answer.' },
    KEPT: { description: 'Not sent: no mail server is configured for this installation. The text is kept here.' },
  },
});
