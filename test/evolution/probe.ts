/**
 * Run against a scratch copy (its folder in SCRATCH_DIR) after its spec changed and was regenerated:
 * uses the scratch copy's SDK and fake server as a user would, and prints one JSON line of what
 * the fake server saw. It lives outside the copy, so that the copy keeps only spec/ edits.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const scratch = process.env.SCRATCH_DIR!;
const load = (file: string) => import(pathToFileURL(join(scratch, file)).href);
const { operationMetadata } = await load('generated/operations.ts');
const { Loops } = await load('src/index.ts');
const { createFakeLoopsServer, fakeSession } = await load('src/testing/index.ts');

const [newFilter, newStatus, newMaximum, newField, unimplementedPath] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const apiKey = 'sk_test_evolution';
const sessions: { id: string }[] = Array.from({ length: 5 }, (_, i) =>
  fakeSession(5 - i, { [newFilter]: 'cus_evolved', [newField]: 'web' }),
);
const server = await createFakeLoopsServer({ apiKey, sessions });
try {
  const loops = new Loops({ apiKey, baseUrl: server.url, maxRetries: 0 });
  const query = { [newFilter]: 'cus_evolved', status: newStatus, limit: Number(newMaximum) };
  const page = await loops.checkout.sessions.list(query);
  const walked: string[] = [];
  for await (const session of loops.checkout.sessions.list({ limit: 2 })) walked.push(session.id);
  const retrieved: Record<string, unknown> = await loops.checkout.sessions.retrieve(sessions[0]!.id);
  const unimplemented = await fetch(`${server.url}${unimplementedPath.replace('{id}', sessions[0]!.id)}`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  console.log(
    JSON.stringify({
      cursorParam: operationMetadata.listCheckoutSessions.pagination.cursorParam,
      firstQuery: server.requests[0]?.query,
      firstOutcome: server.requests[0]?.outcome,
      firstPageSize: page.data.length,
      walked: walked.length,
      walkQueries: server.requests.slice(1, 4).map((request: { query: unknown }) => request.query),
      newField: retrieved[newField],
      unimplemented: { status: unimplemented.status, body: await unimplemented.json() },
    }),
  );
} finally {
  await server.close();
}
