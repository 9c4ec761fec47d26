// A talk's type is shown next to its track only when it adds something, and in words.
import { describe, expect, it } from 'vitest';
import { talkTypeLabel } from '../../src/domain/text';

describe('talk types next to the track', () => {
  it('says nothing the track already says', () => {
    expect(talkTypeLabel('maintrack', 'Main Track - Janson')).toBeUndefined();
    expect(talkTypeLabel('devroom', 'Containers devroom')).toBeUndefined();
    expect(talkTypeLabel('lightningtalk', 'Lightning Talks')).toBeUndefined();
    expect(talkTypeLabel('', 'Rust')).toBeUndefined();
  });

  it('puts the rest in words', () => {
    expect(talkTypeLabel('lightningtalk', 'Community')).toBe('Lightning talk');
    expect(talkTypeLabel('bof', 'Community devroom')).toBe('BoF');
    expect(talkTypeLabel('workshop', 'Rust')).toBe('Workshop');
    expect(talkTypeLabel('DJ Set', '')).toBe('DJ Set');
  });
});
