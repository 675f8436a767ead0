/** How people are named in lists and avatars. Plain TypeScript, unit-tested in Node. */

/** "Ada Lovelace", or the email when no name is set. */
export function displayName(person: {
  firstName: string | null;
  lastName: string | null;
  email: string;
}): string {
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ').trim();
  return name || person.email;
}

/** Up to two letters for an avatar. */
export function initials(person: {
  firstName: string | null;
  lastName: string | null;
  email: string;
}): string {
  const letters = [person.firstName, person.lastName]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.trim().charAt(0))
    .join('');
  return (letters || person.email.charAt(0)).toUpperCase().slice(0, 2);
}
