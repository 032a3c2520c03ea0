/** How Redoc shows the bundled spec: its options, and the route the page opens on. */
import { operationsOf } from '../codegen/document.js';

type Json = Record<string, unknown>;

/**
 * Redoc's options. It shows only the code samples whose labels `codeSamples.languages` lists, so
 * that list is derived from the samples the bundled spec carries, in their order. Schemas and JSON
 * samples open fully expanded: the 200 response's fields, and its example, without a click.
 */
export function redocOptions(document: Json): Json {
  const labels = new Map<string, string>();
  for (const { operation } of operationsOf(document)) {
    for (const { lang, label } of (operation['x-codeSamples'] as { lang: string; label: string }[]) ?? []) {
      labels.set(label, lang.toLowerCase() === 'curl' ? 'bash' : lang.toLowerCase());
    }
  }
  const languages = [...labels].map(([label, lang]) => ({ lang, label }));
  return { codeSamples: { languages }, schemasExpansionLevel: 'all', jsonSamplesExpandLevel: 'all' };
}

/** A tag's route, as Redoc 3 names it: `Checkout Sessions` is `/checkout-sessions`. */
export const tagRoute = (name: string) =>
  `/${name
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/**
 * The route of the spec's first operation: its first tag's route, then its operationId in lower
 * case (`/checkout-sessions/listcheckoutsessions`). Redoc 3 renders a tag's operations only on the
 * tag's route or one of its operations', so that is where the page opens.
 */
export function landingRoute(document: Json): string {
  const [first] = operationsOf(document);
  if (!first) throw new Error('the spec has no operation for the reference to open on');
  const tag = (first.operation.tags as string[] | undefined)?.[0];
  if (!tag) throw new Error(`${first.id} has no tag: Redoc 3 would list it outside any section`);
  return `${tagRoute(tag)}/${first.id.toLowerCase()}`;
}

/** Throws unless Redoc's prerendered page links the route's tag: a route Redoc does not know opens on its 404. */
export function checkLandingRoute(html: string, route: string): void {
  const tag = route.slice(0, route.indexOf('/', 1));
  if (!html.includes(`href="${tag}"`)) {
    throw new Error(
      `Redoc's page has no link to ${tag}, the route the reference would open on: its tag routes are ${[
        ...html.matchAll(/href="(\/[\w-]+)"/g),
      ]
        .map((match) => match[1])
        .join(', ')}. Update tagRoute() in scripts/docs/redoc-config.ts.`,
    );
  }
}
