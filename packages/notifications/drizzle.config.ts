import { defineConfig } from 'drizzle-kit';

// `pnpm nx run @shop/notifications:db:generate` writes migrations for the notifications schema only.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/internal/schema.ts',
  out: './drizzle',
  schemaFilter: ['notifications'],
});
