import { auditModule } from '@shop/audit/module';
import { billingModule } from '@shop/billing/module';
import { customersModule } from '@shop/customers/module';
import { notificationsModule } from '@shop/notifications/module';
import { ordersModule } from '@shop/orders/module';

/**
 * Every module the monolith runs in process; migrations, roles, routes, event publishers,
 * subscribers and workers all come from this list (`nx g @shop/tools:module` appends to it).
 * Publishers are delivered in this order on each dispatcher pass, so a registration usually
 * reaches subscribers before its customer's orders; order is guaranteed per aggregate only.
 */
export const modules = [customersModule, billingModule, ordersModule, auditModule, notificationsModule];
