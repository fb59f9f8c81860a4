import type { OrderStatus } from '../schemas.js';

/** Every allowed transition; anything else is a conflict (409). */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  placed: ['paid', 'payment_failed', 'cancelled'],
  paid: ['cancelled'],
  payment_failed: ['cancelled'],
  cancelled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether an order in `status` may still be cancelled (narrows the status for the cancelled event). */
export function isCancellable(status: OrderStatus): status is Exclude<OrderStatus, 'cancelled'> {
  return canTransition(status, 'cancelled');
}
