// Te reo Māori: te tātaitai noho (kāore he mea e tuhia ana i konei e penapena).
import type { calculator as en } from '../en/calculator.ts';
import type { Messages } from '../messages.ts';

export const calculator: Messages<typeof en> = {
  byDocumentTitle: 'Tirohia mā tō tuhinga haerenga',
  byDocumentIntro:
    'Tāurua ngā taipitopito o tō uruwhenua pērā i te tānga. Ki te ōrite ki ngā mauhanga a Te Ratonga Manene, ka kite koe i te hua i tātaihia mai i ō haerenga kua tuhia; kāore he mea kē atu o tō mauhanga e whakaaturia, ā, kāore e penapenatia ō kōrero.',
  documentNumber: 'Tau uruwhenua, tuhinga haerenga rānei',
  nationality: 'Iwi whenua (te whenua nāna te tuhinga i tuku)',
  nationalityHelp: 'Pērā i te tānga ki te tuhinga, hei tauira, India.',
  dateOfBirth: 'Rā whānau',
  givenNames: 'Ingoa tuatahi',
  familyName: 'Ingoa whānau',
  applicationDateOptional: 'Rā tono (waiho kau mō tēnei rā)',
  checkByDocument: 'Tirohia tōku noho',
  title: 'Tātaitai noho',
  intro:
    'Tirohia mēnā kua tutuki i a koe te here noho mō te kirirarautanga mā te tuku: kia 1,350 rā neke atu i Aotearoa i ngā tau e rima i mua i tō tono, kia 240 rā neke atu i ia tau, i a koe e whai mana ana ki te noho mō ake tonu.',
  nothingStored:
    'Kāore e penapenatia ana, kāore hoki e tukuna ki wāhi kē ngā mea ka tuhia e koe, engari hei tātai i te hua anake.',
  applicationDate: 'Te rā ka tono koe (ka whakaaro rānei ki te tono)',
  residenceFrom: 'Te rā tuatahi i whai mana ai koe ki te noho ki Aotearoa mō ake tonu',
  residenceFromHelp: 'Ko te rā i tīmata ai tō uruwhenua noho, i te nuinga o te wā.',
  returnedBeforeDeparted: 'Me noho te rā i hoki mai ai koe ki muri i te rā i wehe ai koe, ki taua rā rānei.',
  dateHelp: 'Te rā, te marama me te tau, kōwhiri mai rānei i te maramataka.',
  trips: 'Ngā haerenga ki tāwāhi',
  tripsHelp:
    'Ia wā i wehe atu ai koe i Aotearoa, ā, i hoki mai ai. Ka kīia ko te rā i wehe ai koe me te rā i hoki mai ai he rā i Aotearoa.',
  noTrips: 'Kāore anō kia tāpirihia he haerenga.',
  trip: 'Haerenga {{n}}',
  departed: 'I wehe atu i Aotearoa',
  returned: 'I hoki mai',
  addTrip: 'Tāpiri haerenga',
  removeTrip: 'Tango i te haerenga {{n}}',
  calculate: 'Tātaihia',
  calculating: 'E tātai ana…',
  result: 'Tō hua',
  window: 'Ngā tau e rima ka tatauria: {{from}} ki {{to}}',
  year: 'Tau',
  yearRange: 'Te roanga o te tau',
  daysInNz: 'Ngā rā i Aotearoa',
  yearResult: 'Hua 240 rā',
  total: 'Te tapeke o ngā rā i Aotearoa',
  totalResult: 'Hua 1350 rā',
  pass: 'Paahi',
  fail: 'Hapa',
  eligible: 'Kua tutuki i a koe te here noho i tēnei rā.',
  notEligible: 'Kāore anō kia tutuki i a koe te here noho i tēnei rā.',
  earliest: 'Te rā moata rawa ka tutuki, mēnā ka noho tonu koe ki Aotearoa: {{date}}',
  reduced:
    'Ngā rā i Aotearoa i ngā marama 20 i mua i tō tono: {{days}} (450 e hiahiatia ana mō te here whakaiti): {{result}}',
  exceptions: 'Kāore i taea te whakaoti i te tātai',
  residenceStart: 'E whai mana ana ki te noho mō ake tonu mai i',
};
