import { can, type Principal } from '../../kernel/access/principal.ts';

/** Who may do what with person records. Need-to-know (which records) is people-scope.ts. */
export const peoplePolicy = {
  search: (p: Principal | null) => can(p, 'person.search'),
  read: (p: Principal | null) => can(p, 'person.read'),
  readProtectedCharacteristics: (p: Principal | null) => can(p, 'person.readProtected'),
  merge: (p: Principal | null) => can(p, 'person.merge'),
  /**
   * Recording a career break changes when a warning ends (Conduct Regs 2020 reg 42(11), 62(5)): a correction of
   * the person record, so it is held by those who may correct it (merge duplicates), not by every reader.
   */
  recordCareerBreak: (p: Principal | null) => can(p, 'person.merge'),
};
