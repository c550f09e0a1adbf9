import { describe, expect, it } from 'vitest';
import { decisionIssues, storedSuspensionTests } from './restriction-rules.ts';

import { everyOption, paths, suspension } from '../../../test/fixtures/restrictions/decisions.ts';

describe('regulation 11: both conditions for a suspension', () => {
  it('accepts a suspension with redeployment considered and rejected, and a ground with its reasons', () => {
    expect(decisionIssues(suspension())).toEqual([]);
  });

  it('needs the reason temporary redeployment is not appropriate (first condition)', () => {
    expect(
      decisionIssues(suspension({ suspensionTests: { ground: 'public_interest', groundReason: 'Sexual violence' } })),
    ).toEqual([
      {
        path: 'suspensionTests.redeploymentRejectedReason',
        message:
          'Say why temporary redeployment to alternative duties or location is not appropriate (regulation 11, first condition)',
      },
    ]);
  });

  it('needs a ground — the investigation prejudiced or the public interest — and why it applies (second condition)', () => {
    expect(paths(suspension({ suspensionTests: { redeploymentRejectedReason: 'None available' } }))).toEqual([
      'suspensionTests.ground',
      'suspensionTests.groundReason',
    ]);
    expect(paths(suspension({ suspensionTests: undefined }))).toEqual([
      'suspensionTests.redeploymentRejectedReason',
      'suspensionTests.ground',
      'suspensionTests.groundReason',
    ]);
  });

  it('needs temporary redeployment to have been considered', () => {
    const options = everyOption('suspension').map((o) =>
      o.option === 'temporary_redeployment' ? { ...o, considered: false } : o,
    );
    expect(decisionIssues(suspension({ options }))).toEqual([
      {
        path: 'options.temporary_redeployment.considered',
        message:
          'Before suspending, temporary redeployment to alternative duties or location must be considered (regulation 11)',
      },
    ]);
  });

  it('does not ask an alternative to suspension for the regulation 11 tests, but for its conditions', () => {
    expect(
      decisionIssues({
        kind: 'restricted_duties',
        options: everyOption('restricted_duties'),
        conditions: 'Office duties only',
      }),
    ).toEqual([]);
    expect(paths({ kind: 'restricted_duties', options: everyOption('restricted_duties'), conditions: ' ' })).toEqual([
      'conditions',
    ]);
    expect(
      storedSuspensionTests({
        kind: 'restricted_duties',
        options: [],
        conditions: 'x',
        suspensionTests: suspension().suspensionTests,
      }),
    ).toBeNull();
    expect(storedSuspensionTests(suspension())).toEqual({
      redeploymentRejectedReason: 'No role without contact with the complainant',
      ground: 'investigation_prejudiced',
      groundReason: 'Witnesses are colleagues on the same team',
    });
  });
});

describe('the options considered', () => {
  it('needs every one of the seven options once, each with a reason, and the chosen one considered', () => {
    const missing = everyOption('repositioned').filter((o) => o.option !== 'firearms_authority_withdrawn');
    expect(paths({ kind: 'repositioned', options: missing, conditions: 'Back office' })).toEqual([
      'options.firearms_authority_withdrawn.considered',
    ]);
    const twice = [
      ...everyOption('repositioned'),
      { option: 'suspension' as const, considered: true, reason: 'again' },
    ];
    expect(paths({ kind: 'repositioned', options: twice, conditions: 'Back office' })).toEqual([
      'options.suspension.considered',
    ]);
    const noReason = everyOption('repositioned').map((o) => (o.option === 'repositioned' ? { ...o, reason: '  ' } : o));
    expect(paths({ kind: 'repositioned', options: noReason, conditions: 'Back office' })).toEqual([
      'options.repositioned.reason',
    ]);
    const notConsidered = everyOption('repositioned').map((o) =>
      o.option === 'repositioned' ? { ...o, considered: false } : o,
    );
    expect(decisionIssues({ kind: 'repositioned', options: notConsidered, conditions: 'Back office' })).toEqual([
      { path: 'options.repositioned.considered', message: 'You chose repositioned: record that you considered it' },
    ]);
  });

  it('needs the notice method and its date together', () => {
    expect(paths(suspension({ noticeMethod: 'oral' }))).toEqual(['noticeGivenOn']);
    expect(paths(suspension({ noticeGivenOn: '2026-03-02' }))).toEqual(['noticeMethod']);
  });
});
