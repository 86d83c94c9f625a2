// Whether a password typed on a staff page would cross the hall's network unencrypted. The hub
// serves HTTPS when the hall gives it a certificate (docs/install.md); on plain HTTP from another
// machine, anyone on the same Wi-Fi can read what is sent, so the sign-in says so.

/** True on plain HTTP to another machine; a page opened on the hub's own PC (loopback) is safe. */
export function passwordTravelsInClear(where: { protocol: string; hostname: string } = location): boolean {
  return where.protocol === 'http:' && !isLoopback(where.hostname);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]' || host === '::1';
}
