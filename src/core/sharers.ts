import type { MemberView, TasteIndex } from './taste-index.js';

/** Who listed which recording, kept as one flat list (see `TasteIndex.sharerStart`). */

export function flatSharers(count: number, views: readonly MemberView[]): { sharerStart: Int32Array; sharerList: Int32Array } {
  const sharerStart = new Int32Array(count + 1);
  for (const view of views) for (const r of view.recordings) sharerStart[r + 1] = (sharerStart[r + 1] ?? 0) + 1;
  for (let r = 0; r < count; r += 1) sharerStart[r + 1] = (sharerStart[r + 1] ?? 0) + (sharerStart[r] ?? 0);
  const sharerList = new Int32Array(sharerStart[count] ?? 0);
  const cursor = sharerStart.slice(0, count);
  views.forEach((view, m) => { for (const r of view.recordings) sharerList[(cursor[r] = (cursor[r] ?? 0) + 1) - 1] = m; });
  return { sharerStart, sharerList };
}

/** How many members listed recording r. */
export function sharerCount(index: TasteIndex, r: number): number {
  return (index.sharerStart[r + 1] ?? 0) - (index.sharerStart[r] ?? 0);
}

/** The members (indexes, ascending) who listed recording r. */
export function sharersOf(index: TasteIndex, r: number): Int32Array {
  return index.sharerList.subarray(index.sharerStart[r] ?? 0, index.sharerStart[r + 1] ?? 0);
}
