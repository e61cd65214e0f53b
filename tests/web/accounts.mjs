// The demo area's accounts, as `tandem demo` creates them: one per role.
export const PASSWORD = 'tandem-demo-2026';
export const email = (role, area = 'demo') => `${role}@${area}.tandem.example`;
export const ROLES = [
  'caseworker', 'sen_manager', 'icb_commissioner', 'designated_clinical_officer', 'social_care_practitioner',
  'finance_officer', 'panel_member', 'board_member', 'provider', 'administrator',
];
