/**
 * Languages offered for the interface and for AI-written content. Tags match the API's
 * `^[a-z]{2}(-[A-Z]{2})?$`; names come from the browser in the language itself.
 */
export const LANGUAGE_TAGS = [
  'en',
  'en-GB',
  'de',
  'es',
  'fr',
  'it',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'sv',
  'da',
  'fi',
  'nb',
  'cs',
  'tr',
  'ja',
  'ko',
  'zh',
] as const;

export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : tag;
  } catch {
    return tag;
  }
}

/** Options for a language picker, keeping a saved tag that is not in the list. */
export function languageOptions(current?: string): { value: string; label: string }[] {
  const tags: string[] = [...LANGUAGE_TAGS];
  if (current && !tags.includes(current)) tags.push(current);
  return tags.map((tag) => ({ value: tag, label: `${languageName(tag)} (${tag})` }));
}
