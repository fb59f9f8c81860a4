import { z } from 'zod';
import { defineApi, type ApiOf } from '@shop/platform-module';
import { moduleName } from './module-name.js';
import { AuditEntryPageSchema, AuditVerificationSchema, ListAuditEntriesSchema } from './schemas.js';

/** What others may ask of the audit log, as data. It is written only by consuming integration events. */
export const AuditApiDeclaration = defineApi({
  module: moduleName,
  name: 'AuditApi',
  operations: {
    list: { summary: 'The log, oldest first, a page at a time.', input: ListAuditEntriesSchema, output: AuditEntryPageSchema, idempotent: true },
    verify: { summary: 'Re-walks the hash chain from the first entry.', input: z.object({}), output: AuditVerificationSchema, idempotent: true },
  },
});

export type AuditApi = ApiOf<typeof AuditApiDeclaration>;
