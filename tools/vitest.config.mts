import { sharedVitestConfig } from '../vitest.shared.mts';

export default sharedVitestConfig('@shop/tools', { testTimeout: 180_000 });
