/** Markdown from the spec's descriptions, made to stand in a document of its own. */

/** Each line outside code fences, mapped; lines inside fences kept as they are. */
function outsideFences(markdown: string, map: (line: string) => string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return line;
      }
      return fenced ? line : map(line);
    })
    .join('\n');
}

/** Headings moved `by` levels down (`# Getting started` under a title becomes `## Getting started`); code untouched. */
export const shiftHeadings = (markdown: string, by: number) =>
  outsideFences(markdown, (line) =>
    line.replace(/^(#{1,6}) /, (_, hashes: string) => `${'#'.repeat(Math.min(6, hashes.length + by))} `),
  );

/** Links to the page's routes (`#/authentication`) turned into the anchors of the Markdown rendering (`#authentication`). */
export const pageLinksToAnchors = (markdown: string) => markdown.replace(/\]\(#\/([\w-]+)\)/g, '](#$1)');

/** A description cut at its `#` headings: the overview before them, and each heading with the Markdown under it. */
export function splitAtHeadings(markdown: string): { before: string; sections: { title: string; body: string }[] } {
  const before: string[] = [];
  const sections: { title: string; lines: string[] }[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^# (.+)$/.exec(line);
    if (heading) sections.push({ title: heading[1]!.trim(), lines: [] });
    else (sections.at(-1)?.lines ?? before).push(line);
  }
  return {
    before: before.join('\n').trim(),
    sections: sections.map(({ title, lines }) => ({ title, body: lines.join('\n').trim() })),
  };
}

/** The first sentence of a description's first paragraph, on one line, for a list of links. */
export function firstSentence(markdown: string | undefined): string {
  const paragraph =
    String(markdown ?? '')
      .split(/\n\s*\n/)
      .find((part) => part.trim() && !/^\s*(#|```|\||-)/.test(part)) ?? '';
  const line = paragraph.replace(/\s*\n\s*/g, ' ').trim();
  const end = line.search(/[.:](\s|$)/);
  return end === -1 ? line : line.slice(0, end + 1).replace(/:$/, '.');
}
