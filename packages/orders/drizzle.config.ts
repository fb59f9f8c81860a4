import { defineConfig } from 'drizzle-kit';

// `pnpm nx run @shop/orders:db:generate` writes migrations for the orders schema only.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/internal/schema.ts',
  out: './drizzle',
  schemaFilter: ['orders'],
});
