export { moduleTestbed, type ModuleTestbed, type ModuleTestbedOptions } from './module-testbed.js';
