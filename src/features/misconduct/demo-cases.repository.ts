import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';

/** A person the demo cases may name as a subject: serving, not merged, and nobody's sign-in. */
export type DemoSubjectCandidate = {
  id: string;
  personType: 'officer' | 'special';
  serviceStart: string | null;
  rank: string | null;
  /** Since when the current rank has been held (the current posting's start). */
  rankFrom: string | null;
};

/**
 * The force's current officers and specials (the Conduct Regulations' subjects: staff answer under the force's
 * own procedures), in a stable order, leaving out every person record a
 * user account is linked to (so the demo users can see the cases) and people merged into another record.
 * `rank` is the current posting's rank or grade.
 */
export async function demoSubjectCandidates(db: Db, forceId: string): Promise<DemoSubjectCandidate[]> {
  return rawRows<DemoSubjectCandidate>(
    db,
    sql`select p.id, p.person_type as "personType", p.service_start::text as "serviceStart",
        (select pp.rank from person_postings pp where pp.force_id = p.force_id and pp.person_id = p.id and pp.valid_to is null
          order by pp.valid_from desc limit 1) as rank,
        (select pp.valid_from::text from person_postings pp where pp.force_id = p.force_id and pp.person_id = p.id and pp.valid_to is null
          order by pp.valid_from desc limit 1) as "rankFrom"
      from people p
      where p.force_id = ${forceId} and p.status = 'current' and p.merged_into_id is null
        and p.person_type in ('officer', 'special')
        and not exists (select 1 from users u where u.person_id = p.id)
      order by p.id`,
  );
}
