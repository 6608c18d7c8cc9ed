// A form built with React that embeds pono through the wrapper, as a form developer would (bundled by the test
// with Vite): each applicant's details, then <PonoVerify>, whose callbacks' outputs the page shows.
// pono's address, the account and the browser token arrive in the page's query string.
import { createElement as h, Fragment, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  PonoVerify,
  type PonoVerifyFailure,
  type PonoVerifyPerson,
  type PonoVerifyVerified,
} from '../../../web/forms/react/pono-verify-react.js';

const query = new URLSearchParams(window.location.search);
const server = query.get('server') ?? '';
const account = query.get('account') ?? '';
const token = query.get('token') ?? '';

const aroha: PonoVerifyPerson = {
  firstName: 'Aroha',
  middleName: `TWO${'P'.repeat(28)}`,
  lastName: 'Ngata',
  dateOfBirth: '1986-03-12',
  streetNumber: '267-277',
  streetName: 'George',
  streetType: 'ST',
  suburb: 'Sydney',
  state: 'NSW',
  postcode: '2000',
  country: 'Australia',
};
const mere: PonoVerifyPerson = {
  ...aroha,
  firstName: 'Mere',
  middleName: `TWOPPP${'F'.repeat(25)}`,
  dateOfBirth: '1990-07-21',
};

function Applicant(props: { n: number; person: PonoVerifyPerson; language: 'en' | 'mi' }) {
  const [person, setPerson] = useState<PonoVerifyPerson>();
  const [outcome, setOutcome] = useState<string>('');
  const onVerified = (outputs: PonoVerifyVerified) => setOutcome(`onVerified ${JSON.stringify(outputs)}`);
  const onFailure = (outputs: PonoVerifyFailure) => setOutcome(`onFailure ${JSON.stringify(outputs)}`);
  return h(
    'section',
    { 'aria-labelledby': `applicant${props.n}` },
    h('h2', { id: `applicant${props.n}` }, `Applicant ${props.n}`),
    h('button', { type: 'button', onClick: () => setPerson(props.person) }, `Verify applicant ${props.n}`),
    h(PonoVerify, {
      server,
      account,
      token,
      roleKey: `Applicant${props.n}`,
      backgroundSources: ['dfat', 'ofac', 'pep', 'aec', 'asic', 'tenancy'],
      interactiveSources: ['passportdvs', 'medicaredvs', 'regodvs'],
      help: props.n === 1,
      allowOptOut: true,
      language: props.language,
      strings:
        props.language === 'mi'
          ? {
              optOut: 'He ara kē, koa',
              title: 'Tō tuakiri',
              mi: { labels: { passportNumber: 'Te nama kei tō uruwhenua' } },
            }
          : {},
      className: 'identity-step',
      documentCapture: props.n === 2,
      person,
      onVerified,
      onFailure,
    }),
    h('output', { 'aria-label': `Outcome of applicant ${props.n}` }, outcome),
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  h(
    StrictMode,
    null,
    h(
      Fragment,
      null,
      h('h1', null, 'Membership application'),
      h(Applicant, { n: 1, person: aroha, language: 'en' }),
      h(Applicant, { n: 2, person: mere, language: 'mi' }),
    ),
  ),
);
