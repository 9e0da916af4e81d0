import { registerEnumType } from 'type-graphql';
import { JobState } from '../../entities/job.entity';

registerEnumType(JobState, {
  name: 'JobState',
  description: 'Where a background job is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker (also between a failed attempt and its retry: `error` then tells why).' },
    RUNNING: { description: 'A worker is on it; `progress` tells how far it got.' },
    SUCCEEDED: { description: 'Done; `result` holds what it produced.' },
    FAILED: { description: 'Given up after its last attempt; `error` tells why.' },
    CANCELLED: { description: 'Stopped before it finished.' },
  },
});
