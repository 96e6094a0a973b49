import { ArtistKeys } from './artist-keys.js';
import { Partition } from './partition.js';
import { leadOf, preferCopy } from './recording-order.js';
import { metaKey } from './keys.js';
import { normalizeIsrc } from './normalize.js';
import { DURATION_TOLERANCE_MS } from './similarity.js';
import { PROVIDER_IDS } from './types.js';
import type { ProviderId, ResolvedRecording } from './types.js';

/**
 * Which recordings are one and the same (design: "the same recording appears once: ISRC, else
 * normalised title + artist + duration within a few seconds"). Two recordings are one when they
 * share a key, an ISRC, or an id on some platform (the resolver mapped them to the same catalog
 * track), or when one has no ISRC and both have the same normalised title + main artist with
 * durations within DURATION_TOLERANCE_MS. Each group is led by the recording with the most
 * platform ids (then the smallest key), carrying the ids of the whole group.
 */
export interface RecordingGroups {
  /** One merged recording per group, in order of first appearance. */
  readonly recordings: readonly ResolvedRecording[];
  /** Recording key (as given) → index in `recordings`. */
  readonly indexOf: ReadonlyMap<string, number>;
}

/** Is `key` exactly `isrc:<isrc>`? (Checked without building the string.) */
const keyCarries = (key: string, isrc: string) => key.length === isrc.length + 5 && key.startsWith('isrc:') && key.endsWith(isrc);

/** The ISRC of a node, normalised; cheap when the key already is `isrc:<ISRC>`. */
function isrcOf(node: ResolvedRecording): string | undefined {
  const raw = node.isrc;
  if (raw === undefined) return undefined;
  return keyCarries(node.key, raw) ? raw : normalizeIsrc(raw);
}

function uniteByValue(partition: Partition, values: readonly (string | undefined)[]): void {
  const first = new Map<string, number>();
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === undefined) continue;
    const j = first.get(value);
    if (j === undefined) first.set(value, i);
    else partition.union(i, j);
  }
}

/** True when some node has an ISRC its key does not already carry (else keys settle ISRCs). */
function hasStrayIsrc(nodes: readonly ResolvedRecording[], isrcs: readonly (string | undefined)[]): boolean {
  return nodes.some((node, i) => { const isrc = isrcs[i]; return isrc !== undefined && !keyCarries(node.key, isrc); });
}

/**
 * Unites each node without an ISRC with the nodes of the same normalised title and main artist
 * within DURATION_TOLERANCE_MS. Titles are only normalised (microseconds each) for nodes whose
 * main artist has a node without ISRC at such a duration.
 */
function uniteByMetadata(nodes: readonly ResolvedRecording[], partition: Partition, isrcs: readonly (string | undefined)[], artists: ArtistKeys): void {
  const loose = nodes.flatMap((_node, i) => (isrcs[i] === undefined ? [i] : []));
  if (loose.length === 0) return;
  const artistOf = (r: ResolvedRecording) => artists.of(r);
  const looseByArtist = new Map<string, number[]>();
  for (const i of loose) {
    const artist = artistOf(nodes[i] as ResolvedRecording);
    const list = looseByArtist.get(artist);
    if (list) list.push(i);
    else looseByArtist.set(artist, [i]);
  }
  const near = (i: number, j: number) => Math.abs((nodes[i]?.durationMs ?? 0) - (nodes[j]?.durationMs ?? 0)) <= DURATION_TOLERANCE_MS;
  const byMeta = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    if (!looseByArtist.get(artistOf(node))?.some((j) => near(i, j))) return;
    const key = metaKey(node);
    for (const j of byMeta.get(key) ?? []) if (near(i, j) && (isrcs[i] === undefined || isrcs[j] === undefined)) partition.union(i, j);
    const list = byMeta.get(key);
    if (list) list.push(i);
    else byMeta.set(key, [i]);
  });
}

/** The smallest defined value, so a merge does not depend on member order. */
const smallest = (values: readonly (string | undefined)[]) => values.filter((v): v is string => v !== undefined).sort()[0];

/** The group's lead, with every platform id of the group (the lead's own first) and an ISRC if any has one. */
function merge(members: readonly ResolvedRecording[]): ResolvedRecording {
  const lead = leadOf(members);
  if (members.length === 1) return lead;
  const ids: Partial<Record<ProviderId, string>> = {};
  for (const provider of PROVIDER_IDS) {
    const id = lead.ids[provider] ?? smallest(members.map((m) => m.ids[provider]));
    if (id !== undefined) ids[provider] = id;
  }
  const isrc = lead.isrc ?? smallest(members.map((m) => normalizeIsrc(m.isrc)));
  return { ...lead, ...(isrc === undefined ? {} : { isrc }), ids };
}

/**
 * Groups distinct-key `nodes`; returns the merged recordings (ordered by each group's first node)
 * and each node's group.
 */
export function groupNodes(nodes: readonly ResolvedRecording[], artists = new ArtistKeys()): { recordings: ResolvedRecording[]; groupOf: Int32Array } {
  const partition = new Partition(nodes.length);
  const isrcs = nodes.map(isrcOf);
  uniteByValue(partition, nodes.map((node) => node.ids.spotify));
  uniteByValue(partition, nodes.map((node) => node.ids.apple));
  if (hasStrayIsrc(nodes, isrcs)) uniteByValue(partition, isrcs);
  uniteByMetadata(nodes, partition, isrcs, artists);
  const groupOf = new Int32Array(nodes.length);
  const groupOfRoot = new Int32Array(nodes.length).fill(-1);
  const firstNode: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < nodes.length; i += 1) {
    const root = partition.find(i);
    let group = groupOfRoot[root] ?? -1;
    if (group < 0) {
      groupOfRoot[root] = group = firstNode.push(i) - 1;
      size.push(0);
    }
    size[group] = (size[group] ?? 0) + 1;
    groupOf[i] = group;
  }
  const recordings = firstNode.map((i) => nodes[i] as ResolvedRecording);
  const together = new Map<number, ResolvedRecording[]>(); // only groups of two or more
  nodes.forEach((node, i) => {
    const group = groupOf[i] ?? 0;
    if ((size[group] ?? 0) < 2) return;
    const list = together.get(group);
    if (list) list.push(node);
    else together.set(group, [node]);
  });
  for (const [group, list] of together) recordings[group] = merge(list);
  return { recordings, groupOf };
}

/** Groups any recordings (duplicates welcome), in order of first appearance. */
export function groupRecordings(recordings: Iterable<ResolvedRecording>): RecordingGroups {
  const nodeOf = new Map<string, number>();
  const nodes: ResolvedRecording[] = [];
  for (const r of recordings) {
    const i = nodeOf.get(r.key);
    if (i === undefined) nodeOf.set(r.key, nodes.push(r) - 1);
    else if (preferCopy(r, nodes[i] as ResolvedRecording)) nodes[i] = r;
  }
  const { recordings: merged, groupOf } = groupNodes(nodes);
  return { recordings: merged, indexOf: new Map([...nodeOf].map(([key, i]) => [key, groupOf[i] ?? 0])) };
}
