/**
 * The 43 territorial police forces of England and Wales with their police officer headcount at
 * 30 September 2019: Home Office "Police workforce, England and Wales" tables (Open Government Licence v3),
 * as collated in Resistance-Lab/resistancelab_data (commit 625e7201, cleaned_data/police-population) and
 * kept in the project's shared data as uk-workforce/officer-headcount-2019.csv. Regions, central service
 * secondments and the British Transport Police are left out. The synthetic data generator sizes each
 * force from these figures; `id` is the force id the generator gives it.
 */
export type ForceHeadcount = { id: string; name: string; officers: number };

export const HEADCOUNT_SOURCE =
  'Home Office, Police workforce, England and Wales, officer headcount 30 September 2019 (OGL v3)';

export const FORCE_HEADCOUNTS: readonly ForceHeadcount[] = [
  { id: 'cleveland', name: 'Cleveland Police', officers: 1244 },
  { id: 'durham', name: 'Durham Constabulary', officers: 1135 },
  { id: 'northumbria', name: 'Northumbria Police', officers: 3129 },
  { id: 'cheshire', name: 'Cheshire Constabulary', officers: 2041 },
  { id: 'cumbria', name: 'Cumbria Constabulary', officers: 1197 },
  { id: 'greater-manchester', name: 'Greater Manchester Police', officers: 6598 },
  { id: 'lancashire', name: 'Lancashire Constabulary', officers: 2952 },
  { id: 'merseyside', name: 'Merseyside Police', officers: 3640 },
  { id: 'humberside', name: 'Humberside Police', officers: 1938 },
  { id: 'north-yorkshire', name: 'North Yorkshire Police', officers: 1454 },
  { id: 'south-yorkshire', name: 'South Yorkshire Police', officers: 2434 },
  { id: 'west-yorkshire', name: 'West Yorkshire Police', officers: 5280 },
  { id: 'derbyshire', name: 'Derbyshire Constabulary', officers: 1839 },
  { id: 'leicestershire', name: 'Leicestershire Police', officers: 1860 },
  { id: 'lincolnshire', name: 'Lincolnshire Police', officers: 1093 },
  { id: 'northamptonshire', name: 'Northamptonshire Police', officers: 1297 },
  { id: 'nottinghamshire', name: 'Nottinghamshire Police', officers: 1971 },
  { id: 'staffordshire', name: 'Staffordshire Police', officers: 1604 },
  { id: 'warwickshire', name: 'Warwickshire Police', officers: 956 },
  { id: 'west-mercia', name: 'West Mercia Police', officers: 2148 },
  { id: 'west-midlands', name: 'West Midlands Police', officers: 6546 },
  { id: 'bedfordshire', name: 'Bedfordshire Police', officers: 1208 },
  { id: 'cambridgeshire', name: 'Cambridgeshire Constabulary', officers: 1518 },
  { id: 'essex', name: 'Essex Police', officers: 3274 },
  { id: 'hertfordshire', name: 'Hertfordshire Constabulary', officers: 2069 },
  { id: 'norfolk', name: 'Norfolk Constabulary', officers: 1698 },
  { id: 'suffolk', name: 'Suffolk Constabulary', officers: 1211 },
  { id: 'city-of-london', name: 'City of London Police', officers: 765 },
  { id: 'metropolitan', name: 'Metropolitan Police Service', officers: 31556 },
  { id: 'hampshire', name: 'Hampshire Constabulary', officers: 2749 },
  { id: 'kent', name: 'Kent Police', officers: 3615 },
  { id: 'surrey', name: 'Surrey Police', officers: 1947 },
  { id: 'sussex', name: 'Sussex Police', officers: 2755 },
  { id: 'thames-valley', name: 'Thames Valley Police', officers: 4301 },
  { id: 'avon-and-somerset', name: 'Avon and Somerset Constabulary', officers: 2829 },
  { id: 'devon-and-cornwall', name: 'Devon and Cornwall Police', officers: 3077 },
  { id: 'dorset', name: 'Dorset Police', officers: 1272 },
  { id: 'gloucestershire', name: 'Gloucestershire Constabulary', officers: 1156 },
  { id: 'wiltshire', name: 'Wiltshire Police', officers: 1002 },
  { id: 'dyfed-powys', name: 'Dyfed-Powys Police', officers: 1159 },
  { id: 'gwent', name: 'Gwent Police', officers: 1306 },
  { id: 'north-wales', name: 'North Wales Police', officers: 1522 },
  { id: 'south-wales', name: 'South Wales Police', officers: 3036 },
];
