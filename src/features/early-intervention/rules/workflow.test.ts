import { describe, expect, it } from 'vitest';
import { findMove, MOVES, movesFrom, OPEN_STATES } from './workflow.ts';

describe('the alert workflow table', () => {
  it('walks new → acknowledged → under assessment → intervention planned → in progress → closed', () => {
    const path = [
      'new',
      'acknowledged',
      'under_assessment',
      'intervention_planned',
      'intervention_in_progress',
      'closed',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(findMove(path[i - 1]!, path[i]!)).toBeDefined();
  });

  it('lets every open alert be closed as a false positive, always with a reason, by a manager only', () => {
    for (const from of OPEN_STATES)
      expect(findMove(from, 'false_positive')).toMatchObject({ reasonRequired: true, ability: 'ei.manage' });
    expect(findMove('closed', 'false_positive')).toBeUndefined();
    expect(findMove('false_positive', 'new')).toBeUndefined();
  });

  it('offers an assessor only the moves their ability allows', () => {
    const assessor = movesFrom('under_assessment', (a) => a === 'ei.assess');
    expect(assessor).toEqual([]);
    expect(movesFrom('new', (a) => a === 'ei.assess').map((m) => m.to)).toEqual(['acknowledged']);
    expect(MOVES.every((m) => m.from !== m.to)).toBe(true);
  });
});
