// The official TypeScript SDK's client against /mcp, as an AI engine built on it connects:
// Streamable HTTP (2025 revisions), a JWT in the Authorization header (the SDK's requestInit).
// It lists the tools, calls an allowed one and a refused one, then has an operator deny a tool
// and allow it again through the REST API and records the tool list it re-read after each
// notifications/tools/list_changed; it prints what it saw as one JSON line; McpConformanceIT
// asserts on it (and on the demo vendor's request log).
// Environment: CLARIBI_MCP_TARGET and CLARIBI_DECISION_URL (loopback URLs), CLARIBI_MCP_TOKEN,
// CLARIBI_OPERATOR_TOKEN, CLARIBI_ALLOWED_TOOL, CLARIBI_ALLOWED_ARGUMENTS (JSON),
// CLARIBI_REFUSED_TOOL.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

function loopback(name) {
  const url = new URL(required(name));
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new Error(`refusing ${url.host}: the interop client talks to loopback only`);
  }
  return url;
}

const target = loopback('CLARIBI_MCP_TARGET');
const decisionUrl = loopback('CLARIBI_DECISION_URL');
const operatorToken = required('CLARIBI_OPERATOR_TOKEN');
const token = required('CLARIBI_MCP_TOKEN');
const allowed = required('CLARIBI_ALLOWED_TOOL');
const allowedArguments = JSON.parse(required('CLARIBI_ALLOWED_ARGUMENTS'));
const refused = required('CLARIBI_REFUSED_TOOL');
const bounded = { timeout: 15000 }; // per request; the IT also kills the process

const transport = new StreamableHTTPClientTransport(target, {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: 'claribi-interop', version: '1.0.0' });
// Each list_changed: the list as re-read then (what an AI engine does with the notice).
const relisted = [];
let wake = () => {};
client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
  relisted.push((await client.listTools({}, bounded)).tools.map((tool) => tool.name));
  wake();
});

/** The operator's decision on the tool behind the decision URL, through the REST API. */
async function decide(decision) {
  const response = await fetch(decisionUrl, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${operatorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ decision, reason: 'TypeScript SDK interop' }),
    signal: AbortSignal.timeout(15000),
  });
  if (response.status !== 200) {
    throw new Error(`${decision}: ${response.status} ${await response.text()}`);
  }
}

/** The next re-read list after a list_changed, or null after the time-out. */
async function nextRelisting(count, millis) {
  if (relisted.length > count) return relisted[count];
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, millis);
    wake = () => {
      if (relisted.length > count) {
        clearTimeout(timer);
        resolve();
      }
    };
  });
  return relisted[count] ?? null;
}

await client.connect(transport, bounded);
try {
  const seen = { protocolVersion: transport.protocolVersion, server: client.getServerVersion() };
  seen.tools = (await client.listTools({}, bounded)).tools.map((tool) => ({
    name: tool.name,
    readOnlyHint: tool.annotations?.readOnlyHint ?? null,
  }));
  const result = await client.callTool({ name: allowed, arguments: allowedArguments }, undefined, bounded);
  seen.allowed = { isError: result.isError ?? false, text: result.content.map((c) => c.text ?? '').join('') };
  try {
    const answer = await client.callTool({ name: refused, arguments: {} }, undefined, bounded);
    seen.refused = { answered: answer };
  } catch (error) {
    seen.refused = { code: error.code ?? null, message: String(error.message), data: error.data ?? null };
  }
  // The server tells open sessions within about 2 s of a change (claribi.mcp.tool-change-check).
  await decide('DENY');
  seen.afterDeny = await nextRelisting(0, 20000);
  await decide('ALLOW');
  seen.afterAllow = await nextRelisting(1, 20000);
  process.stdout.write(`${JSON.stringify(seen)}\n`);
} finally {
  await transport.terminateSession().catch(() => {});
  await client.close();
}
