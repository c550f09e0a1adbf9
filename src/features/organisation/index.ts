/** The organisation feature's public module: what other features may use. Everything else is private. */
export { DEMO_PASSWORD, demoTotpSecret } from './demo-accounts.ts';
export { familyNames, femaleGivenNames, maleGivenNames } from './demo-names.ts';
export { generateDemoOrganisation, type DemoOrganisation, type DemoPerson } from './demo-organisation.ts';
export { areaNames, personTypeShares } from './demo-reference-data.ts';
export { careerBreaksOf, endOpenCareerBreak, insertCareerBreak } from './career-breaks.repository.ts';
export { findForce } from './forces.repository.ts';
export {
  bumpVersion,
  currentRanksOfForce,
  findOpenMerge,
  findVisiblePerson,
  identifiersOf,
  insertMerge,
  markMergeUndone,
  mergedInto,
  mergesOf,
  postingsOf,
  resolveReference,
  searchDirectory,
  setMergedInto,
  unitsOfForce,
} from './people.repository.ts';
export { viewForce } from './view-force.ts';
