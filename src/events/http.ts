import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './address';

export interface PostOutcome {
  /** the HTTP status, or null when no answer came (connection refused, timeout, refused address) */
  status: number | null;
  ms: number;
  /** what went wrong: a network error, or the start of the receiver's answer to a non-2xx */
  error: string | null;
}

/** A DNS lookup that refuses private addresses: the connection-time half of the SSRF guard. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad || list.length === 0) {
      return callback(Object.assign(new Error(`${hostname} resolves to an address webhooks may not reach`), { code: 'EADDRNOTALLOWED' }), '', 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

/**
 * POSTs a JSON body and reads (at most 1 KB of) the answer, within `timeoutMs` overall. Redirects
 * are not followed (a 3xx is an answer like any other). Never throws: the outcome says what happened.
 */
export function postJson(url: string, body: string, headers: Record<string, string>, opts: { timeoutMs: number; publicOnly: boolean }): Promise<PostOutcome> {
  const started = Date.now();
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (status: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, ms: Date.now() - started, error: error?.slice(0, 1000) ?? null });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return finish(null, 'invalid URL');
    }
    // a literal address is never looked up, so the lookup below cannot refuse it: checked here
    if (opts.publicOnly && isPrivateAddress(target.hostname.replace(/^\[|\]$/g, ''))) return finish(null, `${target.hostname} is an address webhooks may not reach`);
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'agency-webhooks/1', ...headers },
        ...(opts.publicOnly ? { lookup: publicOnlyLookup } : {}),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < 1024) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => {
          const status = res.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          finish(status, ok ? null : `HTTP ${status}: ${Buffer.concat(chunks).toString('utf8').slice(0, 1024)}`.trim());
        });
        res.on('error', (err) => finish(res.statusCode ?? null, err.message));
      },
    );
    timer = setTimeout(() => {
      req.destroy();
      finish(null, `no answer within ${opts.timeoutMs} ms`);
    }, opts.timeoutMs);
    req.on('error', (err) => finish(null, err.message));
    req.end(body);
  });
}
