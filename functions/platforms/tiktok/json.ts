/**
 * JSON.parse that keeps integers beyond Number.MAX_SAFE_INTEGER exact by reading them as
 * strings. TikTok returns post ids as int64 numbers (`publicaly_available_post_id`), and a
 * 19-digit id would silently lose its last digits as a JS number.
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  if (!text.trim()) return undefined;
  let result = '';
  let index = 0;
  let inString = false;
  while (index < text.length) {
    const character = text[index]!;
    if (inString) {
      if (character === '\\') {
        result += text.slice(index, index + 2);
        index += 2;
        continue;
      }
      if (character === '"') inString = false;
      result += character;
      index += 1;
      continue;
    }
    if (character === '"') {
      inString = true;
      result += character;
      index += 1;
      continue;
    }
    if (character === '-' || (character >= '0' && character <= '9')) {
      let end = index + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end += 1;
      const token = text.slice(index, end);
      result += /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token;
      index = end;
      continue;
    }
    result += character;
    index += 1;
  }
  return JSON.parse(result);
}
