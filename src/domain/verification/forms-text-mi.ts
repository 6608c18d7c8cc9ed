// Te reo Māori for the forms service's field labels, formats and help (forms-fields.ts), which the component
// shows when it speaks te reo Māori (lang="mi"): keyed by the English text, so a field added in English without
// its Māori words is found by the test that every text has them.
import type { FormsField, FormsSourceGroup } from './forms-fields.ts';

export const FORMS_TEXT_MI: Readonly<Record<string, string>> = {
  // Labels
  Title: 'Taitara',
  'First name': 'Ingoa tuatahi',
  'Middle name': 'Ingoa waenga',
  'Last name': 'Ingoa whānau',
  'Date of birth': 'Rā whānau',
  Email: 'Īmēra',
  'Home phone': 'Waea kāinga',
  'Work phone': 'Waea mahi',
  'Mobile phone': 'Waea pūkoro',
  'Flat, unit or level': 'Pā whare, wae, papa rānei',
  'Property name': 'Ingoa o te whare',
  'Street number': 'Nama tiriti',
  'Street name': 'Ingoa tiriti',
  'Street type': 'Momo tiriti',
  'Suburb or town': 'Taone iti, taone rānei',
  State: 'Kāwanatanga',
  Postcode: 'Waehere poutāpeta',
  Country: 'Whenua',
  'Previous address: flat, unit or level': 'Wāhi noho o mua: pā whare, wae, papa rānei',
  'Previous address: property name': 'Wāhi noho o mua: ingoa o te whare',
  'Previous address: street number': 'Wāhi noho o mua: nama tiriti',
  'Previous address: street name': 'Wāhi noho o mua: ingoa tiriti',
  'Previous address: street type': 'Wāhi noho o mua: momo tiriti',
  'Previous address: suburb or town': 'Wāhi noho o mua: taone iti, taone rānei',
  'Previous address: state': 'Wāhi noho o mua: kāwanatanga',
  'Previous address: postcode': 'Wāhi noho o mua: waehere poutāpeta',
  'Previous address: country': 'Wāhi noho o mua: whenua',
  'First name as on the document': 'Ingoa tuatahi e ai ki te tuhinga',
  'Middle name as on the document': 'Ingoa waenga e ai ki te tuhinga',
  'Last name as on the document': 'Ingoa whānau e ai ki te tuhinga',
  'Date of birth as on the document': 'Rā whānau e ai ki te tuhinga',
  'Flat, unit or level as on the document': 'Pā whare, wae, papa rānei e ai ki te tuhinga',
  'Street number as on the document': 'Nama tiriti e ai ki te tuhinga',
  'Street name as on the document': 'Ingoa tiriti e ai ki te tuhinga',
  'Street type as on the document': 'Momo tiriti e ai ki te tuhinga',
  'Suburb or town as on the document': 'Taone iti, taone rānei e ai ki te tuhinga',
  'State as on the document': 'Kāwanatanga e ai ki te tuhinga',
  'Postcode as on the document': 'Waehere poutāpeta e ai ki te tuhinga',
  'Medicare card number': 'Nama kāri Medicare',
  'Individual reference number': 'Nama tohutoro takitahi',
  'Name on card': 'Ingoa kei te kāri',
  'Card colour': 'Tae o te kāri',
  'Expiry month': 'Marama pau',
  'Expiry year': 'Tau pau',
  'Expiry date (yellow and blue cards)': 'Rā pau (kāri kōwhai, kāri kahurangi)',
  'State of issue': 'Kāwanatanga i tuku',
  "Driver's licence number": 'Nama raihana taraiwa',
  'Card number': 'Nama kāri',
  'Passport number': 'Nama uruwhenua',
  Gender: 'Ira',
  'Country of issue': 'Whenua i tuku',
  'Registration number': 'Nama rēhita',
  'State of registration': 'Kāwanatanga i rēhitatia ai',
  'Registration year': 'Tau rēhita',
  'Registration date': 'Rā rēhita',
  'Certificate number': 'Nama tiwhikete',
  'Certificate printed date': 'Rā i tāia ai te tiwhikete',
  'Middle names on the certificate': 'Ngā ingoa waenga kei te tiwhikete',
  'Stock number': 'Nama rārangi',
  'Acquisition date': 'Rā i riro ai',
  'ImmiCard number': 'Nama ImmiCard',
  'Certificate issued date': 'Rā i tukuna ai te tiwhikete',
  'Previous given name': 'Ingoa tuatahi o mua',
  'Previous middle name': 'Ingoa waenga o mua',
  'Previous surname': 'Ingoa whānau o mua',
  // Formats
  'a date, yyyy-MM-dd (e.g. 2016-07-21)': 'he rā, yyyy-MM-dd (hei tauira, 2016-07-21)',
  'an email address': 'he wāhitau īmēra',
  'a phone number': 'he nama waea',
  'a number, a range like 267-277, or a PO Box or Locked Bag':
    'he nama, he awhe pēnei i te 267-277, he PO Box, he Locked Bag rānei',
  'a street type such as ROAD or RD': 'he momo tiriti pēnei i te ROAD, RD rānei',
  '4 digits': 'e 4 ngā mati',
  'the country in full, e.g. Australia': 'te ingoa katoa o te whenua, hei tauira, Australia',
  '10 digits': 'e 10 ngā mati',
  'the digit 1 to 9 beside your name': 'te mati 1 ki te 9 i te taha o tō ingoa',
  'the month as two digits (February = 02)': 'te marama hei mati e rua (Hui-tanguru = 02)',
  'the year, e.g. 2029': 'te tau, hei tauira, 2029',
  'letters and digits only': 'he reta, he mati anake',
  '6 to 10 letters and digits': 'e 6 ki te 10 ngā reta me ngā mati',
  'one or two letters then 7 digits': 'kotahi, e rua rānei ngā reta, kātahi e 7 ngā mati',
  'the 3-letter country code, e.g. NZL': 'te waehere whenua e 3 ngā reta, hei tauira, NZL',
  'the year, e.g. 1986': 'te tau, hei tauira, 1986',
  '3 letters then 6 digits': 'e 3 ngā reta, kātahi e 6 ngā mati',
  'the year, e.g. 2005': 'te tau, hei tauira, 2005',
  'the year, e.g. 2010': 'te tau, hei tauira, 2010',
  // Help
  'The card number is the 10 digits across the top of your Medicare card; the reference number is the digit beside your name; the expiry is at the bottom right.':
    'Ko te nama kāri ngā mati 10 puta noa i te tihi o tō kāri Medicare; ko te nama tohutoro te mati i te taha o tō ingoa; kei raro matau te rā pau.',
  "Choose the state that issued your driver's licence. The licence number is printed beside your photo; the card number is on the front or back depending on the state.":
    'Kōwhiria te kāwanatanga i tuku i tō raihana taraiwa. Kua tāia te nama raihana ki te taha o tō whakaahua; kei mua, kei muri rānei te nama kāri, i runga anō i te kāwanatanga.',
  'The passport number is at the top right of the photo page: one or two letters then seven digits.':
    'Kei runga matau o te whārangi whakaahua te nama uruwhenua: kotahi, e rua rānei ngā reta, kātahi e whitu ngā mati.',
  'Give the number of the passport your visa is linked to, and the three-letter code of the country that issued it (e.g. NZL, GBR).':
    'Tuhia te nama o te uruwhenua e hono ana ki tō uruwhenua-visa, me te waehere e toru ngā reta o te whenua i tuku (hei tauira, NZL, GBR).',
  'The registration number and the year or date of registration are near the top of the certificate; the certificate number and printed date at the bottom.':
    'Kei te taha runga o te tiwhikete te nama rēhita me te tau, te rā rānei o te rēhitatanga; kei raro te nama tiwhikete me te rā i tāia ai.',
  'The stock number is printed at the top right of the certificate; the acquisition date is the date you became a citizen.':
    'Kua tāia te nama rārangi ki runga matau o te tiwhikete; ko te rā i riro ai te rā i noho kirirarau ai koe.',
  'The ImmiCard number is three letters then six digits, on the front of the card.':
    'E toru ngā reta, kātahi e ono ngā mati o te nama ImmiCard, kei mua o te kāri.',
  'Your enrolled name and address are checked against the Australian Electoral Roll; use the address you are enrolled at.':
    'Ka arotakea tō ingoa me tō wāhi noho kua rēhitatia ki te Rārangi Pōti o Ahitereiria; whakamahia te wāhi noho i rēhitatia ai koe.',
  "Your name, date of birth and address are compared with the records the organisation holds; give them as they appear on the organisation's records.":
    'Ka whakatauritea tō ingoa, tō rā whānau me tō wāhi noho ki ngā pūkete a te whakahaere; tuhia kia rite ki ō rātou pūkete.',
  'The registration number and date are near the top of the certificate; the previous name is the name you changed from.':
    'Kei te taha runga o te tiwhikete te nama rēhita me te rā; ko te ingoa o mua te ingoa i panonitia e koe.',
  'The registration number and year are near the top of the certificate; the certificate number and issued date at the bottom.':
    'Kei te taha runga o te tiwhikete te nama rēhita me te tau; kei raro te nama tiwhikete me te rā i tukuna ai.',
};

const mi = (text: string) => FORMS_TEXT_MI[text] ?? text;

/** A field's label and format in te reo Māori. */
export function fieldInMaori(field: FormsField): FormsField {
  return { ...field, label: mi(field.label), ...(field.format ? { format: mi(field.format) } : {}) };
}

/** A source group's help and fields in te reo Māori. */
export function groupInMaori(group: FormsSourceGroup): FormsSourceGroup {
  return { ...group, help: mi(group.help), fields: group.fields.map(fieldInMaori) };
}
