// Loaded with `node --import` before the conformance suite or the interop client runs.
// The suite's server mode has no option to send a bearer token (conformance issue #453), and /mcp
// refuses requests without one, so this adds `Authorization: Bearer <token>` to every request for
// the target origin, and refuses any request to a host that is not loopback: the test talks to the
// server under test and to nothing else. The token comes in an environment variable (never in the
// command line) and is removed from the environment before the suite's code runs.
import http from 'node:http';
import { createRequire } from 'node:module';

const target = new URL(required('CLARIBI_MCP_TARGET'));
const bearer = `Bearer ${required('CLARIBI_MCP_TOKEN')}`;
delete process.env.CLARIBI_MCP_TOKEN;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`loopback-bearer: environment variable ${name} is not set`);
    process.exit(2);
  }
  return value;
}

// The URL a fetch or undici call is about to reach, refused unless it is on loopback.
function checked(input) {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(`loopback-bearer: refusing a request to ${url.host}: only loopback is allowed`);
  }
  return url;
}

function hasAuthorization(headers) {
  if (!headers) return false;
  if (headers instanceof Headers) return headers.has('authorization');
  if (Array.isArray(headers)) return headers.some(([name]) => name.toLowerCase() === 'authorization');
  return Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
}

// fetch: the suite's own requests and the SDK's Streamable HTTP client transport.
const originalFetch = globalThis.fetch;
globalThis.fetch = async (input, init = {}) => {
  const url = checked(input);
  if (url.origin !== target.origin) return originalFetch(input, init);
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  if (!headers.has('authorization')) headers.set('authorization', bearer);
  return originalFetch(input, { ...init, headers });
};

// http.request: the suite's header-validation scenarios, which send header names and values that
// fetch would normalize. The suite calls it with an options object.
const originalHttpRequest = http.request;
http.request = (options, ...rest) => {
  if (options === null || typeof options !== 'object' || options instanceof URL) {
    checked(options);
    return originalHttpRequest(options, ...rest);
  }
  const host = options.hostname ?? options.host ?? 'localhost';
  checked(`http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}`);
  const sameTarget = host === target.hostname && String(options.port ?? 80) === (target.port || '80');
  if (!sameTarget || hasAuthorization(options.headers)) return originalHttpRequest(options, ...rest);
  return originalHttpRequest({ ...options, headers: { ...options.headers, authorization: bearer } }, ...rest);
};

// undici.request: the suite's DNS-rebinding scenario, which must set its own Host header. Patched
// on the module object before the suite imports it (its named import reads the patched export).
const resolveFrom = process.env.CLARIBI_UNDICI_FROM;
if (resolveFrom) {
  const undici = createRequire(resolveFrom)('undici');
  const originalRequest = undici.request;
  undici.request = (input, options = {}) => {
    const url = checked(input);
    if (url.origin !== target.origin || hasAuthorization(options.headers)) {
      return originalRequest(input, options);
    }
    return originalRequest(input, { ...options, headers: { ...options.headers, authorization: bearer } });
  };
}
