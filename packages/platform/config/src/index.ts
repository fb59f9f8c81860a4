export { loadConfig, ConfigError } from './load-config.js';
export { exitOnConfigError } from './exit-on-config-error.js';
