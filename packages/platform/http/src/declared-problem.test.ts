import { describe, expect, it } from 'vitest';
import { cursorPage, positionOfCursor } from './cursor-page.js';
import { encodeCursor } from './cursor.js';
import { declaredProblem, problemSlugOf } from './declared-problem.js';

describe('declaredProblem', () => {
  const errors = { card_declined: { status: 402, title: 'The payment was declined' } } as const;

  it('answers with the declared status, a type derived from the code, the code and the title as detail', () => {
    expect(problemSlugOf('card_declined')).toBe('card-declined');
    expect(declaredProblem(errors, 'card_declined').problem).toEqual({
      type: '/problems/card-declined',
      title: 'Payment Required',
      status: 402,
      detail: 'The payment was declined',
      code: 'card_declined',
    });
    expect(declaredProblem(errors, 'card_declined', 'Order 1 was declined', { orderId: '1' }).problem).toMatchObject({ detail: 'Order 1 was declined', orderId: '1' });
  });

  it('refuses a code that is not declared', () => {
    expect(() => declaredProblem(errors, 'nope' as 'card_declined')).toThrow(/not declared/);
  });
});

describe('cursor pages', () => {
  const position = { at: '2026-01-02T03:04:05.678Z', id: '0b6f8d8e-1c1a-4c7e-9a55-9d2a4f1c2b3a' };

  it('turns an API position into an opaque cursor and back', () => {
    const { nextCursor } = cursorPage({ items: [1], next: position });
    expect(nextCursor).toBe(encodeCursor({ at: new Date(position.at), id: position.id }));
    expect(positionOfCursor(nextCursor ?? undefined)).toEqual(position);
    expect(cursorPage({ items: [], next: null })).toEqual({ items: [], nextCursor: null });
    expect(positionOfCursor(undefined)).toBeUndefined();
  });
});
