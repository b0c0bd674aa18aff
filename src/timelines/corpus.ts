/**
 * Scoring free-text extraction against the annotated development corpus (fixtures/corpus/posts.json: posts
 * written the ways people write them, each with the dated events a careful reader finds in it). An event counts
 * when its date, kind and (for statuses) state match one expected event; each expected event is matched once.
 */
import { extractTimelines } from './extract.js';
import type { EventKind } from './model.js';

export interface CorpusPost {
  posted: string;
  text: string;
  events: { date: string; kind: EventKind; status?: string }[];
  note?: string;
}

export interface CorpusScore {
  posts: number;
  expected: number;
  extracted: number;
  matched: number;
  recall: number;
  precision: number;
  /** Per post: what was missed and what was invented, for the person improving the extractor. */
  misses: { text: string; missed: string[]; invented: string[] }[];
}

const keyOf = (e: { date: string; kind: string; status?: string | undefined }) =>
  `${e.date} ${e.kind}${e.status ? `:${e.status}` : ''}`;

export function scoreCorpus(posts: readonly CorpusPost[]): CorpusScore {
  let expected = 0;
  let extracted = 0;
  let matched = 0;
  const misses: CorpusScore['misses'] = [];
  for (const p of posts) {
    const got = extractTimelines(p.text, { posted: p.posted }).flatMap((t) => t.events.map(keyOf));
    const want = p.events.map(keyOf);
    expected += want.length;
    extracted += got.length;
    const left = [...want];
    const invented: string[] = [];
    for (const g of got) {
      const i = left.indexOf(g);
      if (i >= 0) {
        left.splice(i, 1);
        matched++;
      } else invented.push(g);
    }
    if (left.length || invented.length) misses.push({ text: p.text, missed: left, invented });
  }
  return {
    posts: posts.length,
    expected,
    extracted,
    matched,
    recall: expected ? matched / expected : 1,
    precision: extracted ? matched / extracted : 1,
    misses,
  };
}
