import { mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../vitest.shared.mts';

export default mergeConfig(sharedVitestConfig('@shop/monolith-e2e', { testTimeout: 60_000 }), {
  test: { globalSetup: ['test/global-setup.ts'] },
});
