/** The module's one name: its Postgres schema, roles, logger, history table and event types derive from it. */
export const moduleName = 'orders';
