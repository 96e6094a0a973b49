import { describe, expect, it } from 'vitest';
import { normalizeArtist, normalizeIsrc, normalizeTitle, parseTitle, primaryArtist, recordingKey, splitArtists, textCacheKey } from '../../src/core/index.js';

describe('normalizeTitle', () => {
  it.each([
    ['Yesterday - Remastered 2009', 'yesterday'],
    ['Yesterday (Remastered 2009)', 'yesterday'],
    ["Don’t Stop Me Now - Remastered 2011", 'dont stop me now'],
    ["Don't Stop Me Now", 'dont stop me now'],
    ['Get Lucky (feat. Pharrell Williams and Nile Rodgers) - Radio Edit', 'get lucky [radio-edit]'],
    ['Get Lucky (Radio Edit) [feat. Pharrell Williams & Nile Rodgers]', 'get lucky [radio-edit]'],
    ['Smells Like Teen Spirit - Live at Reading', 'smells like teen spirit [live]'],
    ["Love Story (Taylor's Version)", 'love story [re-recorded]'],
    ['Cruel Summer (Sped Up)', 'cruel summer [sped-up]'],
    ['Heat Waves (Slowed + Reverb)', 'heat waves [slowed]'],
    ['Another Brick in the Wall, Pt. 2', 'another brick in the wall part 2'],
    ['Another Brick In the Wall (Part II)', 'another brick in the wall part 2'],
    ['Hoppípolla', 'hoppipolla'],
    ['WAP (feat. Megan Thee Stallion) [Clean]', 'wap'],
    ["(I Can't Get No) Satisfaction - Mono Version", 'i cant get no satisfaction'],
    ['Rock & Roll All Nite', 'rock and roll all nite'],
    ['ＳＵＮＮＹ ＤＡＹ', 'sunny day'],
  ])('%s → %s', (title, expected) => {
    expect(normalizeTitle(title)).toBe(expected);
  });

  it.each(['夜に駆ける', '봄날', 'Группа крови', 'تملي معاك', 'केसरिया', '🔥', '!!!', '???'])('keeps %s from folding away', (title) => {
    expect(normalizeTitle(title)).not.toBe('');
  });

  it('keeps different non-Latin titles different', () => {
    expect(normalizeTitle('夜に駆ける')).not.toBe(normalizeTitle('群青'));
    expect(normalizeTitle('🔥')).not.toBe(normalizeTitle('💧'));
  });

  it('keeps Devanagari vowel signs and kana voicing (marks only leave Latin letters)', () => {
    expect(normalizeTitle('केसरिया')).toBe('केसरिया');
    expect(normalizeTitle('ガ')).toBe('ガ');
  });

  it('keeps words in parentheses that belong to the title', () => {
    expect(normalizeTitle("(Don't Fear) The Reaper")).toBe('dont fear the reaper');
    expect(normalizeTitle('Sweet Dreams (Are Made of This)')).toBe('sweet dreams are made of this');
  });
});

describe('parseTitle', () => {
  it('collects featured artists from either convention', () => {
    expect(parseTitle('One Dance (feat. Wizkid & Kyla)').featured).toEqual(['Wizkid', 'Kyla']);
    expect(parseTitle('Calm Down (with Selena Gomez)').featured).toEqual(['Selena Gomez']);
    expect(parseTitle('Song feat. Someone').featured).toEqual(['Someone']);
  });

  it('gives a search title without noise but with the version words', () => {
    expect(parseTitle('Yesterday - Remastered 2009').display).toBe('Yesterday');
    expect(parseTitle('Yellow - Live in Buenos Aires').display).toBe('Yellow Live in Buenos Aires');
  });
});

describe('artists', () => {
  it('splits Apple credit strings', () => {
    expect(splitArtists('Elton John, Dua Lipa & PNAU')).toEqual(['Elton John', 'Dua Lipa', 'PNAU']);
    expect(splitArtists('Drake feat. Rihanna')).toEqual(['Drake', 'Rihanna']);
  });

  it('keeps known compound acts whole', () => {
    expect(splitArtists('Earth, Wind & Fire & The Emotions')).toEqual(['Earth, Wind & Fire', 'The Emotions']);
    expect(splitArtists('Tyler, The Creator')).toEqual(['Tyler, The Creator']);
    expect(splitArtists('Simon & Garfunkel')).toEqual(['Simon & Garfunkel']);
  });

  it.each([
    ['The Beatles', 'beatles'], ['Beatles, The', 'beatles'], ['Beyoncé', 'beyonce'], ['Røyksopp', 'royksopp'],
    ['Guns N’ Roses', 'guns n roses'], ['Mumford & Sons', 'mumford and sons'], ['!!!', '!!!'], ['米津玄師', '米津玄師'],
  ])('normalizeArtist(%s) = %s', (name, expected) => {
    expect(normalizeArtist(name)).toBe(expected);
  });

  it('takes the first credited artist as the main one', () => {
    expect(primaryArtist(['Calvin Harris, Dua Lipa'])).toBe('Calvin Harris');
    expect(primaryArtist(['Mark Ronson', 'Bruno Mars'])).toBe('Mark Ronson');
  });
});

describe('keys', () => {
  it('compares ISRCs ignoring case, spaces and hyphens, and rejects junk', () => {
    expect(normalizeIsrc(' us-rc1-76-07839 ')).toBe('USRC17607839');
    expect(normalizeIsrc('000000000000')).toBeUndefined();
    expect(normalizeIsrc('')).toBeUndefined();
  });

  it('keys a recording by ISRC, else by title and main artist', () => {
    expect(recordingKey({ isrc: 'usrc17607839', title: 'x', artists: ['y'] })).toBe('isrc:USRC17607839');
    expect(recordingKey({ title: 'Yesterday - Remastered 2009', artists: ['The Beatles'] }))
      .toBe(recordingKey({ title: 'Yesterday (Remastered 2009)', artists: ['Beatles'] }));
    expect(recordingKey({ title: 'Yesterday', artists: ['The Beatles'] }))
      .not.toBe(recordingKey({ title: 'Yesterday (Live)', artists: ['The Beatles'] }));
  });

  it('never gives two blank tracks the same key', () => {
    expect(recordingKey({ provider: 'apple', id: '1', title: ' ', artists: [] }))
      .not.toBe(recordingKey({ provider: 'apple', id: '2', title: ' ', artists: [] }));
  });

  it('keys searches by their main artist only', () => {
    expect(textCacheKey('Señorita', 'Shawn Mendes & Camila Cabello')).toBe(textCacheKey('Senorita', 'Shawn Mendes'));
  });
});
