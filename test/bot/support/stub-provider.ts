import type { MusicProvider, ProviderId } from '../../../src/providers/types.js';

const unused = (): never => { throw new Error('the bot never calls provider methods'); };

/** A provider that only says it is enabled: the bot needs no more of one. */
export function stubProvider(id: ProviderId): MusicProvider {
  return { id, playlistWrites: 'replace', topTracks: unused, findByIsrc: unused, search: unused, createPlaylist: unused, replaceItems: unused };
}

export function enabledProviders(...ids: ProviderId[]): ReadonlyMap<ProviderId, MusicProvider> {
  return new Map(ids.map((id) => [id, stubProvider(id)]));
}
