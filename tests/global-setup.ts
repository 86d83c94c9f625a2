// Tests that start the hub as its own process run the same bundle `npm start` runs.

import { execSync } from 'node:child_process';

export default function setup(): void {
  execSync('npm run build --silent', { stdio: 'inherit' });
}
