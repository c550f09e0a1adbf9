/**
 * The default allegation taxonomy: the IOPC's 2020 categories and sub-categories (uk-domain.md §3.5), with
 * the pre-2020 single-letter codes kept as a mapping for historical data, and two conduct categories the
 * product needs for the serious-allegation flag (violence against women and girls, domestic abuse).
 * Codes are Probity's own (the IOPC's short codes were not retrievable, §3.5 [R]). It is loaded into the
 * allegation_categories table by migration 0003 and is configuration from then on.
 */
export type TaxonomyEntry = {
  code: string;
  label: string;
  parent?: string;
  legacy?: string[];
  serious?: boolean;
  confidence: 'V' | 'R';
};

const group = (
  code: string,
  label: string,
  confidence: 'V' | 'R',
  extra: Partial<TaxonomyEntry> = {},
): TaxonomyEntry => ({ code, label, confidence, ...extra });
const sub = (
  parent: string,
  code: string,
  label: string,
  confidence: 'V' | 'R',
  extra: Partial<TaxonomyEntry> = {},
): TaxonomyEntry => ({
  code: `${parent}.${code}`,
  label,
  parent,
  confidence,
  ...extra,
});

export const defaultTaxonomy: TaxonomyEntry[] = [
  group('duties', 'Delivery of duties and service', 'V'),
  sub('duties', 'action_after_contact', 'Police action following contact', 'V', { legacy: ['S'] }),
  sub('duties', 'decisions', 'Decisions', 'V', { legacy: ['S'] }),
  sub('duties', 'service_level', 'General level of service', 'V', { legacy: ['S'] }),
  sub('duties', 'information', 'Information', 'V'),
  group('powers', 'Police powers, policies and procedures', 'V'),
  sub('powers', 'stop_search', 'Stops, and stop and search', 'V', { legacy: ['K'] }),
  sub('powers', 'premises_search', 'Searches of premises and seizure of property', 'V', { legacy: ['L'] }),
  sub('powers', 'arrest', 'Power to arrest and detain', 'V', { legacy: ['E'] }),
  sub('powers', 'custody', 'Detention in police custody', 'V', { legacy: ['M'] }),
  sub('powers', 'bail_interview', 'Bail, identification and interview procedures', 'V', { legacy: ['N', 'P'] }),
  sub('powers', 'use_of_force', 'Use of force', 'V', { legacy: ['A', 'C'] }),
  sub('powers', 'evidence', 'Evidential procedures', 'V', { legacy: ['G'] }),
  sub('powers', 'out_of_court', 'Out of court disposals', 'V'),
  sub('powers', 'other', 'Other policies and procedures', 'V', { legacy: ['R', 'T'] }),
  group('property', 'Handling of or damage to property/premises', 'V', { legacy: ['J'] }),
  group('information', 'Access and/or disclosure of information', 'V'),
  sub('information', 'systems', 'Use of police systems', 'V', { legacy: ['X'] }),
  sub('information', 'disclosure', 'Disclosure of information', 'V', { legacy: ['X'] }),
  sub('information', 'handling', 'Handling of information', 'V'),
  sub('information', 'other_sources', 'Accessing and handling of information from other sources', 'V'),
  group('vehicles', 'Use of police vehicles', 'V', { legacy: ['V'] }),
  group('discrimination', 'Discriminatory behaviour', 'V', { legacy: ['F'], serious: true }),
  ...(
    [
      ['age', 'Age'],
      ['disability', 'Disability'],
      ['gender_reassignment', 'Gender reassignment'],
      ['marriage', 'Marriage and civil partnership'],
      ['pregnancy', 'Pregnancy and maternity'],
      ['race', 'Race'],
      ['religion', 'Religion or belief'],
      ['sex', 'Sex'],
      ['sexual_orientation', 'Sexual orientation'],
      ['other', 'Other'],
    ] as const
  ).map(([code, label]) => sub('discrimination', code, label, 'V', { legacy: ['F'], serious: true })),
  group('abuse_of_position', 'Abuse of position / corruption', 'V', { legacy: ['H'] }),
  sub('abuse_of_position', 'financial', 'Abuse of position for financial purpose', 'V', { legacy: ['H'] }),
  sub('abuse_of_position', 'sexual', 'Abuse of position for sexual purpose', 'V', { legacy: ['H'], serious: true }),
  sub(
    'abuse_of_position',
    'emotional',
    'Abuse of position for the purpose of pursuing an inappropriate emotional relationship',
    'V',
    { legacy: ['H'] },
  ),
  sub('abuse_of_position', 'other', 'Abuse of position for other purpose', 'V', { legacy: ['H'] }),
  sub('abuse_of_position', 'obstruction', 'Obstruction of justice', 'V', { legacy: ['G'] }),
  sub('abuse_of_position', 'organisational', 'Organisational corruption', 'V', { legacy: ['H'] }),
  group('behaviours', 'Individual behaviours', 'R'),
  sub('behaviours', 'impolite_language', 'Impolite language/tone', 'R', { legacy: ['U'] }),
  sub('behaviours', 'impolite_actions', 'Impolite and intolerant actions', 'R', { legacy: ['U'] }),
  sub('behaviours', 'fairness', 'Lack of fairness and impartiality', 'R', { legacy: ['Q'] }),
  sub('behaviours', 'harassing', 'Overbearing or harassing behaviours', 'R', { legacy: ['D'] }),
  sub('behaviours', 'unprofessional', 'Unprofessional attitude and disrespect', 'R', { legacy: ['U'] }),
  group('sexual_conduct', 'Sexual conduct', 'R', { serious: true }),
  sub('sexual_conduct', 'assault', 'Sexual assault', 'R', { legacy: ['B'], serious: true }),
  sub('sexual_conduct', 'harassment', 'Sexual harassment', 'R', { serious: true }),
  sub('sexual_conduct', 'other', 'Other sexual conduct', 'R', { legacy: ['Y'], serious: true }),
  group('discreditable', 'Discreditable conduct', 'R'),
  sub('discreditable', 'vawg', 'Violence against women and girls', 'R', { serious: true }),
  sub('discreditable', 'domestic_abuse', 'Domestic abuse', 'R', { serious: true }),
  sub('discreditable', 'other', 'Other discreditable conduct', 'R'),
  group('other', 'Other', 'R', { legacy: ['W'] }),
];

/** Schedule 2 of the Conduct Regulations 2020 (uk-domain.md §2.2 [R — standard list]). */
export const standardsOfProfessionalBehaviour = [
  { code: 'honesty_integrity', label: 'Honesty and integrity' },
  { code: 'authority_respect_courtesy', label: 'Authority, respect and courtesy' },
  { code: 'equality_diversity', label: 'Equality and diversity' },
  { code: 'use_of_force', label: 'Use of force' },
  { code: 'orders_instructions', label: 'Orders and instructions' },
  { code: 'duties_responsibilities', label: 'Duties and responsibilities' },
  { code: 'confidentiality', label: 'Confidentiality' },
  { code: 'fitness_for_work', label: 'Fitness for work' },
  { code: 'discreditable_conduct', label: 'Discreditable conduct' },
  { code: 'challenging_reporting', label: 'Challenging and reporting improper conduct' },
] as const;

export type StandardCode = (typeof standardsOfProfessionalBehaviour)[number]['code'];
