import { it } from 'vitest';

/**
 * For a narrative test file whose tests tell one story in order (a case from report to outcome, say): each
 * `chapter(name, body)` is an `it` whose body is a chapter of the story, and a chapter run on its own
 * (`vitest run file -t "name"`) first plays the chapters declared before it that have not been played, so that
 * every test can run alone and the file still reads as the story.
 *
 *   const chapter = story();
 *   chapter('opens the case', async () => { … });
 *   chapter('assesses it', async () => { … });
 */
export function story(): (name: string, body: () => Promise<void>) => void {
  const chapters: (() => Promise<void>)[] = [];
  let played = 0;
  return (name, body) => {
    const index = chapters.push(body) - 1;
    it(name, async () => {
      while (played < index) await chapters[played++]!();
      played = Math.max(played, index + 1);
      await body();
    });
  };
}
