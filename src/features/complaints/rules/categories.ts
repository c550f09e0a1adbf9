import { defaultTaxonomy, type TaxonomyEntry } from '../../misconduct/index.ts';

/**
 * The IOPC complaint categories and sub-categories. They are the same table as the conduct taxonomy (the
 * IOPC's 2020 categories, loaded into `allegation_categories` and configuration from then on), so a
 * complaint's allegation and a conduct allegation opened from it share one code. An allegation is filed
 * under a sub-category, or under a category that has none ("Use of police vehicles").
 */
export function complaintCategoryChoices(taxonomy: readonly TaxonomyEntry[] = defaultTaxonomy): TaxonomyEntry[] {
  const parents = new Set(taxonomy.filter((t) => t.parent).map((t) => t.parent));
  return taxonomy.filter((t) => t.parent !== undefined || !parents.has(t.code));
}

export function categoryLabel(code: string, taxonomy: readonly TaxonomyEntry[] = defaultTaxonomy): string {
  const entry = taxonomy.find((t) => t.code === code);
  if (!entry) return code;
  const parent = entry.parent ? taxonomy.find((t) => t.code === entry.parent) : undefined;
  return parent ? `${parent.label}: ${entry.label}` : entry.label;
}
