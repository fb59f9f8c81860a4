import { defineConfig } from 'drizzle-kit';

// `pnpm nx run @shop/audit:db:generate` writes migrations for the audit schema only.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/internal/schema.ts',
  out: './drizzle',
  schemaFilter: ['audit'],
});
