import { sharedVitestConfig } from '../../../vitest.shared.mts';

export default sharedVitestConfig('@shop/platform-resilience');
