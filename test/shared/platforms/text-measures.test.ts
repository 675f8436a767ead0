import { describe, expect, it } from 'vitest';
import { countGraphemes, utf16Length, utf8Length } from '../../../functions/shared/platforms/text-measures';

const FAMILY = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units, 25 UTF-8 bytes, one grapheme

describe('text measures', () => {
  it('counts user-perceived characters as one each', () => {
    expect(countGraphemes('hello')).toBe(5);
    expect(countGraphemes(FAMILY)).toBe(1);
    expect(countGraphemes(`a${FAMILY}é`)).toBe(3);
    expect(countGraphemes('')).toBe(0);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('hello')).toBe(5);
    expect(utf8Length(FAMILY)).toBe(25);
    expect(utf8Length('é')).toBe(2);
  });

  it('counts UTF-16 units, as Facebook, Instagram, LinkedIn and TikTok do', () => {
    expect(utf16Length('👍a')).toBe(3);
    expect(utf16Length(FAMILY)).toBe(11);
  });
});
