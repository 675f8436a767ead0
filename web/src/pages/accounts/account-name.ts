const MAX_NAME = 255;

/** The rename field's error, matching the API's rule (1 to 255 characters once trimmed). */
export function renameError(value: string): string | undefined {
  const name = value.trim();
  if (!name) return 'Enter a name, or use the profile name';
  if (name.length > MAX_NAME) return `Use at most ${MAX_NAME} characters`;
  return undefined;
}
