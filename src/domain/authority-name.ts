// An authority's short name (for --org and the page title) from its full name, as councils shorten it.
const LEADING = /^(the\s+)?((royal|london)\s+borough\s+of|city\s+and\s+county\s+of|city\s+of|county\s+of|borough\s+of)\s+/i;
const TRAILING = /\s+((metropolitan\s+)?(county|city|borough|district)\s+)?council$/i;

/** "Westmere County Council" → "Westmere"; "London Borough of Camden" → "Camden"; otherwise the name. */
export function shortNameOf(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const short = trimmed.replace(TRAILING, '').replace(LEADING, '').trim();
  return short === '' ? trimmed : short;
}
