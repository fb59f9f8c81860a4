/** The module's one name: its Postgres schema, roles, logger and history table derive from it. */
export const moduleName = 'notifications';
