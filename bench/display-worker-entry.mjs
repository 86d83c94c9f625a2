// Worker threads do not inherit the TypeScript loader of the benchmark; this registers it.
import { register } from 'tsx/esm/api';

register();
await import('./display-worker.ts');
