/** The pack's annex: the datasets' contacts of the delegation (record schema 4) and their roles. */
export const packContacts = {
  'packs.annex.datasetContacts': 'Contacts published in the datasets',
  'packs.contactRole.at': '{role}, {place}',
  'packs.contactRole.focal-point': 'Focal point',
  'packs.contactRole.head-of-delegation': 'Head of delegation',
  'packs.contactRole.delegate': 'Delegate',
  'packs.contactRole.alternate': 'Alternate',
  'packs.contactRole.secretariat': 'Secretariat',
  'packs.contactRole.other': 'Other role',
} as const;
