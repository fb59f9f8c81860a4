import { defineConfig } from 'drizzle-kit';

// `pnpm nx run @shop/billing:db:generate` writes migrations for the billing schema only.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/internal/schema.ts',
  out: './drizzle',
  schemaFilter: ['billing'],
});
