/** Slugs for rooms and names: small, so modules in the first-load bundle can use them. */

/** Makes a URL-safe slug: lowercase ASCII letters, digits and dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A room's slug as live.fosdem.org and nav.fosdem.org use it: lowercase, the nickname in
 * parentheses and all punctuation removed. "UB2.252A (Lameere)" → "ub2252a".
 */
export function roomSlug(name: string): string {
  const withoutNickname = name.replace(/\([^)]*\)/g, '');
  const slug = withoutNickname
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return slug || slugify(name);
}
