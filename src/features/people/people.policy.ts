import { can, type Principal } from '../../kernel/access/principal.ts';

/** Who may do what with person records. Need-to-know (which records) is people-scope.ts. */
export const peoplePolicy = {
  search: (p: Principal | null) => can(p, 'person.search'),
  read: (p: Principal | null) => can(p, 'person.read'),
  readProtectedCharacteristics: (p: Principal | null) => can(p, 'person.readProtected'),
  merge: (p: Principal | null) => can(p, 'person.merge'),
};
