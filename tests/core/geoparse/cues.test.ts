import { describe, it, expect } from 'vitest';
import { getCues } from '../../../src/core/geoparser/geoparse/cues.ts';
import { normalizeToken } from '../../../src/core/geoparser/text/normalize.ts';

describe('cues: word lists as the recogniser reads them', () => {
  const cues = getCues();
  it('counts a common word by its normalised token too, where doubled letters and "ou" fold', () => {
    for (const word of ['street', 'council', 'good', 'hills', 'book', 'commission']) {
      expect(normalizeToken(word), word).not.toBe(word);
      expect(cues.commonCount(normalizeToken(word)), word).toBeGreaterThan(0);
      expect(cues.commonCount(word), word).toBe(cues.commonCount(normalizeToken(word)));
    }
  });
  it('does not count names that are no English word', () => {
    for (const word of ['moayyad', 'tbilisi', 'nairobi']) expect(cues.commonCount(word), word).toBe(0);
  });
});
