// npm run password: asks for a password (or reads one line from a pipe) and prints the hash
// to put as passwordHash under staff: in the hall file.

import { createInterface } from 'node:readline';
import { hashPassword } from '../services/password-hash.js';

const MIN_LENGTH = 8;

async function readPassword(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu mới / New password: ');
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const password = await readPassword();
if (password.length < MIN_LENGTH) {
  process.stderr.write(`Mật khẩu phải có ít nhất ${MIN_LENGTH} ký tự. / The password needs at least ${MIN_LENGTH} characters.\n`);
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);
