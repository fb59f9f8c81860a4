import { WORKSPACE_ROOT } from '../workspace-copy.js';
import { collectArchitecture } from './collect-architecture.js';

// Prints the architecture facts as JSON. The sync generator runs this under tsx in a child
// process: it executes the modules' TypeScript (descriptors, drizzle tables), which Nx's own
// generator loader does not resolve.
process.stdout.write(JSON.stringify(await collectArchitecture(process.env['WORKSPACE_ROOT'] ?? WORKSPACE_ROOT)));
