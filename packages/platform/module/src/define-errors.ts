import { z } from 'zod';

/** An expected failure: the HTTP status it maps to and a one-line title. */
export interface ErrorDeclaration {
  status: number;
  title: string;
}

export type ErrorDeclarations<C extends string = string> = { readonly [K in C]: ErrorDeclaration };

/**
 * A module's expected failures, declared once. The code (`card_declined`) is the one name: typed
 * results carry it, HTTP problems carry it as `code` and derive their `type` from it
 * (`/problems/card-declined`), and the service client maps it back.
 */
export function defineErrors<const E extends Record<string, ErrorDeclaration>>(errors: E): E {
  for (const [code, { status }] of Object.entries(errors)) {
    if (!/^[a-z][a-z0-9_]*$/.test(code)) throw new Error(`Error code "${code}" must be snake_case`);
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`Error code "${code}" needs a 4xx or 5xx status`);
  }
  return errors;
}

/** A zod schema accepting exactly the given codes of a declaration, for typed result schemas. */
export function errorCodes<E extends ErrorDeclarations, const C extends keyof E & string>(_errors: E, ...codes: [C, ...C[]]): z.ZodEnum<{ [K in C]: K }> {
  return z.enum(codes as unknown as [C, ...C[]]) as unknown as z.ZodEnum<{ [K in C]: K }>;
}
