import { defineConfig } from 'drizzle-kit';

// `pnpm nx run @shop/customers:db:generate` writes migrations for the customers schema only.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/internal/schema.ts',
  out: './drizzle',
  schemaFilter: ['customers'],
});
