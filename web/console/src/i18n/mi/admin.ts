// Te reo Māori: whakahaere (ngā āpiha).
import type { admin as en } from '../en/admin.ts';
import type { Messages } from '../messages.ts';

export const admin: Messages<typeof en> = {
  officersTitle: 'Ngā āpiha',
  officersIntro:
    'Waihangatia he āpiha, hurihia ō rātou tūranga, whakakorea hoki te hunga ka wehe. Ka tirohia e te tūmau ia tūranga i ia mahi.',
  newOfficer: 'Āpiha hou',
  fullName: 'Ingoa katoa',
  email: 'Īmēra',
  password: 'Kupuhipa tuatahi',
  passwordHelp: 'Kia 12 pūāhua neke atu. Hoatu ā-kanohi ki te āpiha.',
  roles: 'Ngā tūranga',
  create: 'Waihanga āpiha',
  creating: 'E waihanga ana…',
  created: 'Ka taea e {{name}} te takiuru ināianei.',
  list: 'Ngā āpiha katoa',
  name: 'Ingoa',
  status: 'Tūnga',
  actions: 'Ngā mahi',
  active: 'Hohe',
  inactive: 'Kua whakakorea',
  rolesOf: 'Ngā tūranga o {{name}}',
  saveRoles: 'Penapena i ngā tūranga o {{name}}',
  rolesSaved: 'Kua penapenatia ngā tūranga o {{name}}.',
  deactivate: 'Whakakore i a {{name}}',
  reactivate: 'Whakahohe anō i a {{name}}',
  deactivated: 'Kua whakakorea a {{name}}; kua mutu ō rātou wātū.',
  reactivated: 'Kua hohe anō a {{name}}.',
  you: '(ko koe)',
};
