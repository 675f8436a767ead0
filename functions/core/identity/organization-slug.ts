import { randomBytes } from 'node:crypto';

/** `Acme Café & Co` -> `acme-cafe-co`; a random suffix keeps it unique without a lookup race. */
export function organizationSlug(name: string, withSuffix: boolean): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'organization';
  return withSuffix ? `${base}-${randomBytes(3).toString('hex')}` : base;
}
