/** pg-boss keeps its tables in this schema, created and upgraded by pg-boss itself. */
export const QUEUE_SCHEMA = 'pgboss';
