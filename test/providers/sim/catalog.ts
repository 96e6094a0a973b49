/**
 * The simulators' shared world: real-world recordings as both services list them, and a few
 * listeners. Used by unit tests, the end-to-end test and `npm run demo`. Cross-platform edge
 * cases on purpose:
 * - Spotify-only (`Recorded at Spotify Studios`) and Apple-only (`Apple Music Home Session`) recordings;
 * - remasters listed under a different ISRC and title on each side (Queen, Fleetwood Mac, The Beatles),
 *   so only fuzzy title + artist matching can pair them;
 * - an ISRC missing on one side (Spotify: Childish Gambino; Apple: deadmau5);
 * - credits formatted differently (`['ROSÉ', 'Bruno Mars']` vs `ROSÉ & Bruno Mars`; feat. in the title);
 * - an Apple library upload with no catalog song at all.
 */
import { appleId, spotifyId, slug } from './ids.js';

export type SimTimeRange = 'short' | 'medium' | 'long';

export interface SimRecording {
  readonly key: string;
  readonly title: string;
  readonly artists: readonly string[];
  readonly album: string;
  readonly albumKey: string;
  readonly trackNumber: number;
  readonly durationMs: number;
  readonly explicit: boolean;
  readonly releaseDate: string;
  readonly genre: string;
  /** Present when the recording is on Spotify. `isrc: null` = Spotify lists no ISRC. */
  readonly spotify?: { readonly id: string; readonly isrc: string | null; readonly title: string; readonly artists: readonly string[] };
  /** Present when the recording is in the Apple Music catalog. */
  readonly apple?: { readonly id: string; readonly isrc: string | null; readonly title: string; readonly artistName: string };
}

interface RecOptions {
  readonly explicit?: boolean;
  readonly only?: 'spotify' | 'apple';
  readonly spotifyTitle?: string;
  readonly spotifyArtists?: readonly string[];
  readonly appleTitle?: string;
  readonly appleArtist?: string;
  /** `null`: that side has no ISRC; a string: that side lists a different ISRC (a remaster). */
  readonly spotifyIsrc?: string | null;
  readonly appleIsrc?: string | null;
}

let serial = 0;
const albumTracks = new Map<string, number>();

function rec(key: string, title: string, artists: readonly string[], album: string, length: string, date: string, genre: string, o: RecOptions = {}): SimRecording {
  serial += 1;
  const [min, sec] = length.split(':').map(Number) as [number, number];
  const isrc = `USS1M${date.slice(2, 4)}${String(serial).padStart(5, '0')}`;
  const albumKey = slug(`${artists[0]}-${album}`);
  const trackNumber = (albumTracks.get(albumKey) ?? 0) + 1;
  albumTracks.set(albumKey, trackNumber);
  return {
    key, title, artists, album, albumKey, trackNumber, durationMs: (min * 60 + sec) * 1000, explicit: o.explicit ?? false, releaseDate: date, genre,
    spotify: o.only === 'apple' ? undefined : {
      id: spotifyId(key), isrc: o.spotifyIsrc === undefined ? isrc : o.spotifyIsrc, title: o.spotifyTitle ?? title, artists: o.spotifyArtists ?? artists,
    },
    apple: o.only === 'spotify' ? undefined : {
      id: appleId(key), isrc: o.appleIsrc === undefined ? isrc : o.appleIsrc, title: o.appleTitle ?? title, artistName: o.appleArtist ?? artists.join(' & '),
    },
  };
}

export const SIM_RECORDINGS: readonly SimRecording[] = [
  rec('blinding-lights', 'Blinding Lights', ['The Weeknd'], 'After Hours', '3:20', '2019-11-29', 'R&B/Soul'),
  rec('save-your-tears', 'Save Your Tears', ['The Weeknd'], 'After Hours', '3:35', '2020-03-20', 'R&B/Soul'),
  rec('levitating', 'Levitating', ['Dua Lipa'], 'Future Nostalgia', '3:23', '2020-03-27', 'Pop'),
  rec('dont-start-now', 'Don\'t Start Now', ['Dua Lipa'], 'Future Nostalgia', '3:03', '2019-10-31', 'Pop'),
  rec('as-it-was', 'As It Was', ['Harry Styles'], 'Harry\'s House', '2:47', '2022-04-01', 'Pop'),
  rec('watermelon-sugar', 'Watermelon Sugar', ['Harry Styles'], 'Fine Line', '2:54', '2019-12-13', 'Pop'),
  rec('bad-guy', 'bad guy', ['Billie Eilish'], 'WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?', '3:14', '2019-03-29', 'Alternative'),
  rec('happier-than-ever', 'Happier Than Ever', ['Billie Eilish'], 'Happier Than Ever', '4:58', '2021-07-30', 'Alternative'),
  rec('birds-of-a-feather', 'BIRDS OF A FEATHER', ['Billie Eilish'], 'HIT ME HARD AND SOFT', '3:30', '2024-05-17', 'Alternative'),
  rec('anti-hero', 'Anti-Hero', ['Taylor Swift'], 'Midnights', '3:20', '2022-10-21', 'Pop'),
  rec('cruel-summer', 'Cruel Summer', ['Taylor Swift'], 'Lover', '2:58', '2019-08-23', 'Pop'),
  rec('good-4-u', 'good 4 u', ['Olivia Rodrigo'], 'SOUR', '2:58', '2021-05-14', 'Pop', { explicit: true }),
  rec('drivers-license', 'drivers license', ['Olivia Rodrigo'], 'SOUR', '4:02', '2021-01-08', 'Pop', { explicit: true }),
  rec('flowers', 'Flowers', ['Miley Cyrus'], 'Endless Summer Vacation', '3:20', '2023-01-13', 'Pop'),
  rec('kill-bill', 'Kill Bill', ['SZA'], 'SOS', '2:33', '2022-12-09', 'R&B/Soul', { explicit: true }),
  rec('snooze', 'Snooze', ['SZA'], 'SOS', '3:21', '2022-12-09', 'R&B/Soul', { explicit: true }),
  rec('espresso', 'Espresso', ['Sabrina Carpenter'], 'Short n\' Sweet', '2:55', '2024-04-12', 'Pop', { explicit: true }),
  rec('good-luck-babe', 'Good Luck, Babe!', ['Chappell Roan'], 'Good Luck, Babe!', '3:38', '2024-04-05', 'Pop'),
  rec('apt', 'APT.', ['ROSÉ', 'Bruno Mars'], 'APT.', '2:49', '2024-10-18', 'K-Pop'),
  rec('die-with-a-smile', 'Die With A Smile', ['Lady Gaga', 'Bruno Mars'], 'Die With A Smile', '4:11', '2024-08-16', 'Pop'),
  rec('stay', 'STAY', ['The Kid LAROI', 'Justin Bieber'], 'F*CK LOVE 3: OVER YOU', '2:21', '2021-07-09', 'Pop', { explicit: true }),
  rec('heat-waves', 'Heat Waves', ['Glass Animals'], 'Dreamland', '3:58', '2020-06-29', 'Alternative'),
  rec('sicko-mode', 'SICKO MODE', ['Travis Scott'], 'ASTROWORLD', '5:12', '2018-08-03', 'Hip-Hop/Rap', { explicit: true }),
  rec('not-like-us', 'Not Like Us', ['Kendrick Lamar'], 'Not Like Us', '4:34', '2024-05-04', 'Hip-Hop/Rap', { explicit: true }),
  rec('humble', 'HUMBLE.', ['Kendrick Lamar'], 'DAMN.', '2:57', '2017-04-14', 'Hip-Hop/Rap', { explicit: true }),
  rec('gods-plan', 'God\'s Plan', ['Drake'], 'Scorpion', '3:18', '2018-06-29', 'Hip-Hop/Rap', { explicit: true }),
  rec('rich-flex', 'Rich Flex', ['Drake', '21 Savage'], 'Her Loss', '3:59', '2022-11-04', 'Hip-Hop/Rap', { explicit: true }),
  rec('mr-brightside', 'Mr. Brightside', ['The Killers'], 'Hot Fuss', '3:42', '2004-06-07', 'Alternative'),
  rec('bohemian-rhapsody', 'Bohemian Rhapsody', ['Queen'], 'A Night At The Opera', '5:55', '1975-10-31', 'Rock',
    { spotifyTitle: 'Bohemian Rhapsody - Remastered 2011', spotifyIsrc: 'GBUM71029604', appleTitle: 'Bohemian Rhapsody', appleIsrc: 'GBCEE7500007' }),
  rec('dreams', 'Dreams', ['Fleetwood Mac'], 'Rumours', '4:17', '1977-02-04', 'Rock',
    { spotifyTitle: 'Dreams - 2004 Remaster', spotifyIsrc: 'USWB10400049', appleIsrc: 'USWB19900022' }),
  rec('here-comes-the-sun', 'Here Comes The Sun', ['The Beatles'], 'Abbey Road', '3:05', '1969-09-26', 'Rock',
    { spotifyTitle: 'Here Comes The Sun - Remastered 2009', spotifyIsrc: 'GBAYE0601696', appleTitle: 'Here Comes the Sun', appleIsrc: 'GBUM71903894' }),
  rec('smells-like-teen-spirit', 'Smells Like Teen Spirit', ['Nirvana'], 'Nevermind', '5:01', '1991-09-24', 'Alternative'),
  rec('do-i-wanna-know', 'Do I Wanna Know?', ['Arctic Monkeys'], 'AM', '4:32', '2013-09-09', 'Alternative'),
  rec('505', '505', ['Arctic Monkeys'], 'Favourite Worst Nightmare', '4:13', '2007-04-23', 'Alternative'),
  rec('seven-nation-army', 'Seven Nation Army', ['The White Stripes'], 'Elephant', '3:52', '2003-04-01', 'Alternative'),
  rec('take-on-me', 'Take On Me', ['a-ha'], 'Hunting High and Low', '3:45', '1985-06-01', 'Pop'),
  rec('everybody-wants-to-rule', 'Everybody Wants To Rule The World', ['Tears For Fears'], 'Songs From The Big Chair', '4:11', '1985-02-25', 'Pop'),
  rec('the-less-i-know', 'The Less I Know The Better', ['Tame Impala'], 'Currents', '3:36', '2015-07-17', 'Alternative', { explicit: true }),
  rec('let-it-happen', 'Let It Happen', ['Tame Impala'], 'Currents', '7:47', '2015-07-17', 'Alternative'),
  rec('motion-sickness', 'Motion Sickness', ['Phoebe Bridgers'], 'Stranger in the Alps', '3:49', '2017-09-22', 'Alternative', { explicit: true }),
  rec('kyoto', 'Kyoto', ['Phoebe Bridgers'], 'Punisher', '3:04', '2020-06-18', 'Alternative', { explicit: true }),
  rec('white-ferrari', 'White Ferrari', ['Frank Ocean'], 'Blonde', '4:08', '2016-08-20', 'R&B/Soul', { explicit: true }),
  rec('pink-white', 'Pink + White', ['Frank Ocean'], 'Blonde', '3:04', '2016-08-20', 'R&B/Soul'),
  rec('redbone', 'Redbone', ['Childish Gambino'], '"Awaken, My Love!"', '5:26', '2016-12-02', 'R&B/Soul', { spotifyIsrc: null }),
  rec('electric-feel', 'Electric Feel', ['MGMT'], 'Oracular Spectacular', '3:49', '2007-12-14', 'Alternative'),
  rec('sweater-weather', 'Sweater Weather', ['The Neighbourhood'], 'I Love You.', '4:00', '2013-04-19', 'Alternative'),
  rec('riptide', 'Riptide', ['Vance Joy'], 'Dream Your Life Away', '3:24', '2014-09-05', 'Alternative'),
  rec('despacito', 'Despacito', ['Luis Fonsi', 'Daddy Yankee'], 'VIDA', '3:48', '2017-01-12', 'Latin',
    { appleTitle: 'Despacito (feat. Daddy Yankee)', appleArtist: 'Luis Fonsi' }),
  rec('titi-me-pregunto', 'Tití Me Preguntó', ['Bad Bunny'], 'Un Verano Sin Ti', '4:03', '2022-05-06', 'Latin', { explicit: true }),
  rec('dakiti', 'DÁKITI', ['Bad Bunny', 'Jhayco'], 'EL ÚLTIMO TOUR DEL MUNDO', '3:25', '2020-10-30', 'Latin', { explicit: true }),
  rec('dynamite', 'Dynamite', ['BTS'], 'Dynamite (DayTime Version)', '3:19', '2020-08-21', 'K-Pop'),
  rec('hype-boy', 'Hype Boy', ['NewJeans'], 'NewJeans 1st EP \'New Jeans\'', '2:59', '2022-08-01', 'K-Pop'),
  rec('calm-down', 'Calm Down', ['Rema', 'Selena Gomez'], 'Calm Down (with Selena Gomez)', '3:59', '2022-08-25', 'Afrobeats',
    { appleTitle: 'Calm Down (with Selena Gomez)' }),
  rec('one-more-time', 'One More Time', ['Daft Punk'], 'Discovery', '5:20', '2001-03-12', 'Electronic'),
  rec('get-lucky', 'Get Lucky', ['Daft Punk', 'Pharrell Williams', 'Nile Rodgers'], 'Random Access Memories', '6:09', '2013-05-17', 'Electronic',
    { spotifyTitle: 'Get Lucky (feat. Pharrell Williams and Nile Rodgers)', appleTitle: 'Get Lucky (feat. Pharrell Williams & Nile Rodgers)', appleArtist: 'Daft Punk' }),
  rec('latch', 'Latch', ['Disclosure', 'Sam Smith'], 'Settle', '4:16', '2013-06-03', 'Electronic', { appleTitle: 'Latch (feat. Sam Smith)', appleArtist: 'Disclosure' }),
  rec('strobe', 'Strobe', ['deadmau5'], 'For Lack of a Better Name', '10:37', '2009-09-22', 'Electronic', { appleIsrc: null }),
  rec('sweet-disposition-studios', 'Sweet Disposition - Recorded at Spotify Studios NYC', ['The Temper Trap'], 'Spotify Singles', '3:52', '2019-05-01', 'Alternative', { only: 'spotify' }),
  rec('youth-studios', 'Youth - Recorded at Spotify Studios London', ['Daughter'], 'Spotify Singles', '4:18', '2018-02-07', 'Alternative', { only: 'spotify' }),
  rec('free-mind-home-session', 'Free Mind (Apple Music Home Session)', ['Tems'], 'Apple Music Home Session: Tems', '3:57', '2022-03-10', 'Afrobeats', { only: 'apple' }),
  rec('glimpse-home-session', 'Glimpse of Us (Apple Music Home Session)', ['Joji'], 'Apple Music Home Session: Joji', '3:41', '2022-11-17', 'Alternative', { only: 'apple' }),
];

export const recordingByKey = new Map(SIM_RECORDINGS.map((r) => [r.key, r]));

export function recording(key: string): SimRecording {
  const r = recordingByKey.get(key);
  if (!r) throw new Error(`no sim recording "${key}"`);
  return r;
}

/** Albums as both services group them (by first artist + album title). */
export function albumRecordings(albumKey: string): SimRecording[] {
  return SIM_RECORDINGS.filter((r) => r.albumKey === albumKey);
}

/** Apple Music catalog (editorial) playlists that heavy rotation may point at. */
export const SIM_APPLE_PLAYLISTS: readonly { readonly id: string; readonly name: string; readonly keys: readonly string[] }[] = [
  { id: 'pl.sim0000todayshits', name: 'Today\'s Hits', keys: ['espresso', 'birds-of-a-feather', 'apt', 'die-with-a-smile', 'good-luck-babe', 'not-like-us', 'flowers'] },
  { id: 'pl.sim0000rockclassics', name: 'Classic Rock Essentials', keys: ['bohemian-rhapsody', 'dreams', 'here-comes-the-sun', 'take-on-me', 'everybody-wants-to-rule', 'smells-like-teen-spirit'] },
  { id: 'pl.sim0000latinhits', name: 'Latin Hits', keys: ['titi-me-pregunto', 'dakiti', 'despacito', 'calm-down'] },
];
