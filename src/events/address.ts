import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may point. In production: https only, and never a private, loopback,
 * link-local, carrier-grade NAT, multicast or reserved address (a webhook must not become a way
 * to reach the platform's own network: SSRF). The host is checked when the webhook is saved AND
 * again on every delivery, at connection time (a name may resolve elsewhere later). In development
 * and tests plain http and local receivers are allowed.
 */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** True for an address a production webhook may not reach (IPv4-mapped IPv6 checked as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return false;
}

export type UrlProblem = 'INVALID' | 'SCHEME' | 'PRIVATE_ADDRESS' | 'CREDENTIALS';

/**
 * What is wrong with a webhook URL, judged from its text alone (null: nothing). `strict` is
 * production: https, and no literal private address or local name. Names are resolved separately.
 */
export function webhookUrlProblem(raw: string, strict: boolean): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'INVALID';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'SCHEME';
  if (!url.hostname) return 'INVALID';
  // a secret in the URL would be shown to everyone who can read the webhook list
  if (url.username || url.password) return 'CREDENTIALS';
  if (!strict) return null;
  if (url.protocol !== 'https:') return 'SCHEME';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isPrivateAddress(host)) return 'PRIVATE_ADDRESS';
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.')) return 'PRIVATE_ADDRESS';
  return null;
}
