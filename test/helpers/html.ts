// Reading a page's HTML as a browser would (node-html-parser), for route tests: headings, the error
// summary and its links, field errors, table cells, form values, links and banners, as plain text.
//   const page = html(r.body);
//   assert.equal(page.heading(), 'Plans');
//   assert.deepEqual(page.errorSummary(), [{ href: '#title', text: 'Enter a title' }]);
import { parse, type HTMLElement } from 'node-html-parser';

/** Text as a reader sees it: entities decoded, runs of white space as one space, trimmed. */
export const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface Link {
  href: string;
  text: string;
}

export interface Page {
  root: HTMLElement;
  /** The first element matching the selector, or undefined. */
  find(selector: string): HTMLElement | undefined;
  all(selector: string): HTMLElement[];
  /** The words of the first element matching, or undefined when there is none. */
  text(selector: string): string | undefined;
  /** The words of every element matching. */
  texts(selector: string): string[];
  /** The page's h1, in words ('' when there is none). */
  heading(): string;
  /** The document's <title>. */
  title(): string;
  /** The words of the page's main content (inside <main>), as a reader hears them. */
  main(): string;
  /** The error summary's message for the field `href` ('#title') links to, or undefined. */
  errorFor(href: string): string | undefined;
  /** Whether some link (or form) points at `href`. */
  hasLink(href: string): boolean;
  /** The error summary's links to the fields at fault, in order ([] when there is no summary). */
  errorSummary(): Link[];
  /** The error message shown against a field (govuk's <id>-error), without the hidden "Error:" prefix. */
  fieldError(id: string): string | undefined;
  /** The rows of the table(s) matching `selector` (all tables by default): each row's cells in words. */
  rows(selector?: string): string[][];
  /** Every link in the part of the page matching `selector` (the whole page by default). */
  links(selector?: string): Link[];
  /** The address of the first link whose words are `text`, or undefined. */
  href(text: string): string | undefined;
  /** A form field's value by name: an input's value, a textarea's text, a select's chosen option. */
  value(name: string): string | undefined;
  /** The values of the checked checkboxes or radios with this name. */
  checked(name: string): string[];
  /** The words of the notification banners (success and important), in order. */
  banners(): string[];
}

export function html(body: string): Page {
  const root = parse(body);
  const find = (selector: string): HTMLElement | undefined => root.querySelector(selector) ?? undefined;
  const all = (selector: string): HTMLElement[] => root.querySelectorAll(selector);
  const linksIn = (scope: HTMLElement[]): Link[] =>
    scope.flatMap((e) => e.querySelectorAll('a[href]')).map((a) => ({ href: a.getAttribute('href') ?? '', text: words(a.text) }));
  return {
    root,
    find,
    all,
    text: (selector) => {
      const e = find(selector);
      return e === undefined ? undefined : words(e.text);
    },
    texts: (selector) => all(selector).map((e) => words(e.text)),
    heading: () => words(find('h1')?.text ?? ''),
    title: () => words(find('title')?.text ?? ''),
    main: () => words(find('main')?.text ?? ''),
    errorFor: (href) => linksIn(all('.govuk-error-summary')).find((l) => l.href === href)?.text,
    hasLink: (href) => all('[href], form[action]').some((e) => (e.getAttribute('href') ?? e.getAttribute('action')) === href),
    errorSummary: () => linksIn(all('.govuk-error-summary')),
    fieldError: (id) => {
      const e = find(`[id="${id}-error"]`);
      return e === undefined ? undefined : words(e.text).replace(/^Error: /, '');
    },
    rows: (selector = 'table') =>
      all(selector)
        .flatMap((t) => t.querySelectorAll('tbody tr'))
        .map((tr) => tr.querySelectorAll('th, td').map((c) => words(c.text))),
    links: (selector) => linksIn(selector === undefined ? [root] : all(selector)),
    href: (text) => linksIn([root]).find((l) => l.text === text)?.href,
    value: (name) => {
      const e = find(`[name="${name}"]`);
      if (e === undefined) return undefined;
      if (e.tagName === 'TEXTAREA') return e.text;
      if (e.tagName === 'SELECT') return e.querySelector('option[selected]')?.getAttribute('value') ?? e.querySelector('option')?.getAttribute('value');
      return e.getAttribute('value') ?? '';
    },
    checked: (name) => all(`input[name="${name}"]`).filter((e) => e.hasAttribute('checked')).map((e) => e.getAttribute('value') ?? ''),
    banners: () => all('.govuk-notification-banner').map((e) => words(e.text)),
  };
}
