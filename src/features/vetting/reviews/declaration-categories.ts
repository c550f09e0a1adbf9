/**
 * What a member of the workforce declares (§4.5 material change in circumstances: relationships,
 * associations, finances, address, criminal allegation/arrest/bail; 2025 Regs reg 5 duty to notify).
 */
export const DECLARATION_CATEGORIES = [
  'relationship',
  'association',
  'finances',
  'address',
  'criminal',
  'other',
] as const;
export type DeclarationCategory = (typeof DECLARATION_CATEGORIES)[number];

export const DECLARATION_CATEGORY_LABELS: Record<DeclarationCategory, { text: string; hint: string }> = {
  relationship: {
    text: 'A relationship',
    hint: 'A new partner, marriage or civil partnership, or someone moving in with you',
  },
  association: {
    text: 'An association',
    hint: 'Someone you know or have met who is involved in crime, or a group you have joined',
  },
  finances: { text: 'Your finances', hint: 'Debts you cannot manage, a county court judgment, bankruptcy or an IVA' },
  address: { text: 'Your address', hint: 'A move, or someone new living at your address' },
  criminal: { text: 'A criminal allegation, arrest or bail', hint: 'Against you, or against someone close to you' },
  other: { text: 'Something else', hint: 'Anything else that may reasonably affect your suitability' },
};

export function declarationCategoryLabel(category: string): string {
  return (DECLARATION_CATEGORY_LABELS as Record<string, { text: string } | undefined>)[category]?.text ?? category;
}
