export { startProviderServer, serveHandlers, type ProviderServer, type ProviderServerOptions } from './provider-server.js';
export { createSpotifySim, type SpotifySim, type SpotifySimOptions, type SimSpotifyPlaylistView } from './spotify-sim.js';
export { createAppleSim, type AppleSim, type AppleSimOptions, type SimApplePlaylistView } from './apple-sim.js';
export { RequestLog, FaultBox, type SimFault, type FaultTarget, type LoggedRequest } from './sim-kit.js';
export { SIM_RECORDINGS, SIM_APPLE_PLAYLISTS, recording, recordingByKey, albumRecordings, type SimRecording } from './catalog.js';
export { SIM_USERS, simUser, type SimUser, type SimSpotifyProfile, type SimAppleProfile, type SimLibraryEntry } from './users.js';
