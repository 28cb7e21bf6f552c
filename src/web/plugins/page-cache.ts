// The page cache: a page already drawn for this person, at this address, on this day, while nothing
// in the database has changed since, is sent again without reading the data or drawing it anew.
//
// "Nothing has changed" is the database's own snapshot, read in the same statement as the session
// (CHANGE_MARK in the account repository): it moves whenever any transaction that wrote anything
// commits, from this server or another one sharing the database, so a cached page is never older
// than what a fresh read would show. Pages hold personal and sensitive information, so an entry
// belongs to one person only and lives in this process's memory only (never a shared or browser
// cache: pages are still sent with no-store).
import { LRUCache } from 'lru-cache';

interface Entry {
  /** The page split at its CSRF token, so each answer carries a token made for the asking session. */
  parts: string[];
  bytes: number;
}

export class PageCache {
  private readonly pages: LRUCache<string, Entry>;

  /** maxBytes: the memory the drawn pages may take (measured as UTF-16, how V8 holds most strings). */
  constructor(maxBytes: number) {
    this.pages = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (e) => Math.max(1, e.bytes) });
  }

  static key(parts: { userId: number; url: string; day: string; mark: string }): string {
    return `${parts.userId}\u0000${parts.day}\u0000${parts.mark}\u0000${parts.url}`;
  }

  /**
   * The page with a new CSRF token in place of the one it was drawn with, or undefined; the token is
   * made only when the page is there.
   */
  get(key: string, csrfToken: () => string): string | undefined {
    return this.pages.get(key)?.parts.join(csrfToken());
  }

  put(key: string, html: string, csrfToken: string): void {
    const bytes = html.length * 2;
    if (bytes > this.pages.maxSize) return;
    this.pages.set(key, { parts: csrfToken === '' ? [html] : html.split(csrfToken), bytes });
  }
}

/**
 * Values every page's frame needs (the authority's name, the glossary) kept for one change mark: read
 * once while nothing changes, read again as soon as anything has.
 */
export class FrameMemo {
  private mark: string | undefined;
  private readonly values = new Map<string, Promise<unknown>>();

  get<T>(mark: string | undefined, key: string, load: () => Promise<T>): Promise<T> {
    if (mark === undefined) return load();
    if (mark !== this.mark) {
      this.mark = mark;
      this.values.clear();
    }
    let value = this.values.get(key) as Promise<T> | undefined;
    if (value === undefined) {
      value = load();
      this.values.set(key, value);
      // A failed read is not kept: the next page tries again.
      void value.catch(() => this.values.get(key) === value && this.values.delete(key));
    }
    return value;
  }
}
