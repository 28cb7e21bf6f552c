// Reading a page's query string: a repeated parameter counts once, and an empty one as absent.
import { z } from 'zod';

/** An optional text parameter: the first value when repeated, trimmed, undefined when empty. */
export const queryText = () =>
  z.preprocess((v) => {
    const first: unknown = Array.isArray(v) ? v[0] : v;
    if (typeof first !== 'string') return undefined;
    const t = first.trim();
    return t === '' ? undefined : t;
  }, z.string().optional());
