// <pono-verify>: identity verification for any web form (seed 001), framework-free. The form's server mints a
// short-lived browser token (POST /api/v1/forms/browser-tokens) and puts it in the `token` attribute; the
// account password never reaches the page. Attributes: server (pono's address, default this script's),
// account, token, role-key, background-sources, interactive-sources, help ("off" hides it), allow-opt-out,
// lang ("en" or "mi"), document-capture (offer a photo of a passport or driver licence, pono-document-capture.js),
// document-selfie ("required" or "optional": a selfie with the photo), review-poll-seconds (how often to ask for the manual review's decision, default 20),
// strings (JSON). `element.strings = {...}` (or the strings attribute) overrides any text: the built-in ones, and
// by input or source the fields' labels, their format words, their validation messages and the help; under `en` or
// `mi`, for that language only (docs/forms.md). `element.start(person)` runs the
// background check with the person's details (seed 001 input names), after the credit-header consent when dnb
// is a background source. Events: `verified` and `failure`, their
// `detail` the service's outputs (verifyStatus, verifiedSources, sourceVerifiedFlag, …). With allow-opt-out a
// person who opts out or fails may send scans of their documents for manual review; the administrator's
// decision then arrives as `verified` or `failure` with `manualReview` (VERIFIED_ADMIN or FAILED).
const SCRIPT_ORIGIN = new URL(document.currentScript ? document.currentScript.src : window.location.href).origin;

const STRINGS = {
  en: {
    title: 'Verify your identity',
    checking: 'Checking your details…',
    verified: 'Your identity is verified.',
    unverified: 'We could not verify your identity from your details alone. Choose a document to verify with.',
    failed: 'We could not verify your identity electronically.',
    chooseSource: 'Choose a document',
    verify: 'Verify',
    terms:
      'I agree that these details are checked with the document issuer or official record holder (terms and conditions).',
    help: 'Where to find this',
    sourceVerified: 'That document verified.',
    sourceNotVerified: 'That document did not verify. Check the details, or choose another document.',
    optOut: 'Verify my identity another way',
    optedOut: 'You chose to verify your identity another way. We will contact you.',
    fixFields: 'Some details need attention:',
    tokenExpired: 'This page has expired. Reload it to continue.',
    uploadTitle: 'Send your identity documents instead',
    uploadIntro:
      'Scan or photograph your documents (JPEG, PNG or PDF, up to 8 MB each). An administrator compares them with your details.',
    documentType: 'Document',
    documentFile: 'File',
    firstDocument: 'First document',
    secondDocument: 'Second document (optional)',
    sendDocuments: 'Send the documents',
    sending: 'Sending your documents…',
    fileMissing: 'Choose the file of the first document',
    typeMissing: 'Choose what the document is',
    fileTooLarge: 'The file is larger than 8 MB',
    fileType: 'The file must be a JPEG, PNG or PDF',
    uploaded: 'Your documents were sent. An administrator will review them; the result will show here.',
    reviewVerified: 'An administrator verified your identity from your documents.',
    reviewFailed:
      'An administrator could not verify your identity from your documents. Contact us to discuss other options.',
    documentTypes: {
      passport: 'Passport',
      licence: "Driver's licence",
      medicare: 'Medicare card',
      birthCertificate: 'Birth certificate',
      citizenshipCertificate: 'Citizenship certificate',
      changeOfNameCertificate: 'Change of name certificate',
      marriageCertificate: 'Marriage certificate',
      immiCard: 'ImmiCard',
      visa: 'Visa (foreign passport)',
      proofOfAddress: 'Proof of address (utility bill, bank statement)',
    },
    documentDetails: 'Your details as they appear on this document (change them only if the document differs)',
    consentTitle: 'Checking your details with a credit reporting agency',
    consentNeeded: 'Before we check your details, read the consent below and choose whether to give it.',
    consentAccept: 'I give this consent',
    consentContinue: 'Continue',
    required: 'is required',
    format: 'must be',
    sources: {
      passportdvs: 'Australian passport',
      medicaredvs: 'Medicare card',
      visadvs: 'Visa (foreign passport)',
      aec: 'Electoral roll',
      birthcertificatedvs: 'Birth certificate',
      citizenshipcertificatedvs: 'Citizenship certificate',
      immicarddvs: 'ImmiCard',
      changeofnamecertificatedvs: 'Change of name certificate',
      marriagecertificatedvs: 'Marriage certificate',
      licence: "Driver's licence",
    },
  },
  mi: {
    title: 'Whakamanahia tō tuakiri',
    checking: 'E arotake ana i ō taipitopito…',
    verified: 'Kua whakamanahia tō tuakiri.',
    unverified: 'Kāore i taea tō tuakiri te whakamana mā ō taipitopito anake. Kōwhiria he tuhinga hei whakamana.',
    failed: 'Kāore i taea tō tuakiri te whakamana ā-hiko.',
    chooseSource: 'Kōwhiria he tuhinga',
    verify: 'Whakamanahia',
    terms: 'E whakaae ana ahau kia arotakea ēnei taipitopito ki te kaituku tuhinga (ngā ture me ngā here).',
    help: 'Kei hea tēnei',
    sourceVerified: 'Kua whakamanahia taua tuhinga.',
    sourceNotVerified: 'Kāore taua tuhinga i whakamanahia. Tirohia anō ngā taipitopito, kōwhiria rānei he tuhinga kē.',
    optOut: 'Me whakamana tōku tuakiri mā tētahi atu ara',
    optedOut: 'I kōwhiri koe ki te whakamana i tō tuakiri mā tētahi atu ara. Ka whakapā atu mātou ki a koe.',
    fixFields: 'Me whakatika ētahi taipitopito:',
    tokenExpired: 'Kua pau te wā o tēnei whārangi. Utaina anōtia.',
    uploadTitle: 'Tukuna mai ō tuhinga tuakiri',
    uploadIntro:
      'Matawaitia, tangohia rānei he whakaahua o ō tuhinga (JPEG, PNG, PDF rānei, 8 MB te rahi rawa). Ka whakatauritea e tētahi kaiwhakahaere ki ō taipitopito.',
    documentType: 'Tuhinga',
    documentFile: 'Kōnae',
    firstDocument: 'Tuhinga tuatahi',
    secondDocument: 'Tuhinga tuarua (kāore e herea)',
    sendDocuments: 'Tukuna ngā tuhinga',
    sending: 'E tuku ana i ō tuhinga…',
    fileMissing: 'Kōwhiria te kōnae o te tuhinga tuatahi',
    typeMissing: 'Kōwhiria he aha te tuhinga',
    fileTooLarge: 'He nui ake te kōnae i te 8 MB',
    fileType: 'Me JPEG, PNG, PDF rānei te kōnae',
    uploaded: 'Kua tukuna ō tuhinga. Ka arotakea e tētahi kaiwhakahaere; ka puta te otinga ki konei.',
    reviewVerified: 'Kua whakamanahia tō tuakiri e tētahi kaiwhakahaere mā ō tuhinga.',
    reviewFailed: 'Kāore i taea e tētahi kaiwhakahaere tō tuakiri te whakamana mā ō tuhinga. Whakapā mai ki a mātou.',
    documentTypes: {
      passport: 'Uruwhenua',
      licence: 'Raihana taraiwa',
      medicare: 'Kāri Medicare',
      birthCertificate: 'Tiwhikete whānau',
      citizenshipCertificate: 'Tiwhikete kirirarau',
      changeOfNameCertificate: 'Tiwhikete panoni ingoa',
      marriageCertificate: 'Tiwhikete mārena',
      immiCard: 'ImmiCard',
      visa: 'Uruwhenua (tauiwi)',
      proofOfAddress: 'Tohu wāhi noho',
    },
    documentDetails: 'Ō taipitopito e ai ki tēnei tuhinga (me panoni anake mēnā he rerekē tā te tuhinga)',
    consentTitle: 'Te arotake i ō taipitopito ki tētahi umanga pūrongo nama',
    consentNeeded:
      'I mua i te arotakenga o ō taipitopito, pānuitia te whakaaetanga i raro, ka kōwhiri ai mēnā ka whakaae koe.',
    consentAccept: 'Ka whakaae ahau',
    consentContinue: 'Haere tonu',
    required: 'e hiahiatia ana',
    format: 'me',
    sources: {
      passportdvs: 'Uruwhenua o Ahitereiria',
      medicaredvs: 'Kāri Medicare',
      visadvs: 'Uruwhenua (tauiwi)',
      aec: 'Rārangi pōti',
      birthcertificatedvs: 'Tiwhikete whānau',
      citizenshipcertificatedvs: 'Tiwhikete kirirarau',
      immicarddvs: 'ImmiCard',
      changeofnamecertificatedvs: 'Tiwhikete panoni ingoa',
      marriagecertificatedvs: 'Tiwhikete mārena',
      licence: 'Raihana taraiwa',
    },
  },
};

/** Each document… input and the person's detail it may change (forms-changes.ts). */
const PERSONAL_OF_DOCUMENT = {
  documentFirstName: 'firstName',
  documentMiddleName: 'middleName',
  documentLastName: 'lastName',
  documentDateOfBirth: 'dateOfBirth',
  documentFlatNumber: 'flatNumber',
  documentStreetNumber: 'streetNumber',
  documentStreetName: 'streetName',
  documentStreetType: 'streetType',
  documentSuburb: 'suburb',
  documentState: 'state',
  documentPostcode: 'postcode',
};

let instances = 0;

class PonoVerify extends HTMLElement {
  constructor() {
    super();
    this.id_ = `pono-verify-${(instances += 1)}`;
    this.overrides = {};
    this.definition = null;
    this.outputs = null;
    this.person = {};
  }

  /** The built-in texts by language (en, mi), each with the same keys. */
  static get languages() {
    return STRINGS;
  }

  static get observedAttributes() {
    return ['strings', 'lang', 'role-key', 'help'];
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'strings') {
      try {
        this.overrides = value ? JSON.parse(value) : {};
      } catch {
        this.overrides = {};
        console.warn('<pono-verify>: the strings attribute is not JSON; the built-in texts are shown');
      }
    }
    if (name === 'help') for (const node of this.querySelectorAll('.pono-help')) node.hidden = value === 'off';
    if (this.heading) this.heading.textContent = this.headingText();
  }

  set strings(value) {
    this.overrides = value || {};
    if (this.heading) this.heading.textContent = this.headingText();
  }

  get strings() {
    return this.overrides;
  }

  get language() {
    return this.getAttribute('lang') === 'mi' ? 'mi' : 'en';
  }

  headingText() {
    return this.text('title') + (this.getAttribute('role-key') ? ` — ${this.getAttribute('role-key')}` : '');
  }

  /** A text: the override for this language, else the override for every language, else the built-in one. */
  text(key) {
    const own = this.overrides[this.language] || {};
    if (own[key] !== undefined) return own[key];
    return this.overrides[key] !== undefined ? this.overrides[key] : STRINGS[this.language][key];
  }

  /** A table of texts by id (sources, labels, …): the built-in one with every override laid over it. */
  table(name) {
    const own = this.overrides[this.language] || {};
    return { ...(STRINGS[this.language][name] || {}), ...(this.overrides[name] || {}), ...(own[name] || {}) };
  }

  /** A source's entry in a table by source id; every state's licence may be given once as `licence`. */
  bySource(name, id) {
    const entries = this.table(name);
    return entries[id] || entries[id.endsWith('regodvs') ? 'licence' : id];
  }

  sourceName(id) {
    return this.bySource('sources', id) || id;
  }

  /** A field's label, format words and help, pono's unless the form overrides them (by input name). */
  label(field) {
    return this.table('labels')[field.input] || field.label;
  }

  formatWords(field) {
    return this.table('formats')[field.input] || field.format || field.pattern;
  }

  /** The form's own message for a field whose value is missing or not in the format, if it gives one. */
  fieldMessage(input) {
    return this.table('messages')[input];
  }

  get server() {
    return this.getAttribute('server') || SCRIPT_ORIGIN;
  }

  connectedCallback() {
    if (this.rendered) return;
    this.rendered = true;
    if (!document.querySelector('link[data-pono-verify]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${this.server}/forms/pono-verify.css`;
      link.dataset.ponoVerify = '';
      document.head.appendChild(link);
    }
    this.classList.add('pono-verify');
    this.innerHTML = '';
    const heading = this.el('h3', { id: `${this.id_}-title` }, this.headingText());
    this.heading = heading;
    this.setAttribute('role', 'region');
    this.setAttribute('aria-labelledby', heading.id);
    this.status = this.el('p', { class: 'pono-status', role: 'status', 'aria-live': 'polite' });
    this.body = this.el('div', { class: 'pono-body' });
    this.append(heading, this.status, this.body);
  }

  el(tag, attributes = {}, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes))
      if (value !== undefined && value !== null && value !== false)
        node.setAttribute(name, value === true ? '' : String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async api(path, method, body) {
    const response = await fetch(
      `${this.server}/api/v1/forms/browser/${encodeURIComponent(this.getAttribute('account') || '')}/${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${this.getAttribute('token') || ''}`,
          ...(body && !(body instanceof window.FormData) ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: body instanceof window.FormData ? body : JSON.stringify(body) } : {}),
      },
    );
    const json = await response.json();
    if (response.status === 401) throw Object.assign(new Error(this.text('tokenExpired')), { expired: true });
    return { status: response.status, json };
  }

  /**
   * Runs the background check with the person's details (seed 001 input names). When the credit header (dnb)
   * is one of the background sources, the person first reads seed 001's consent wording (the reporting entity
   * filled in by pono) and ticks the box or not: without the tick the credit header is not run.
   */
  async start(person) {
    this.person = { ...person };
    this.status.textContent = this.text('checking');
    this.body.innerHTML = '';
    try {
      // The definition speaks the element's language (labels, formats, help): asked again when it changed.
      if (!this.definition || this.definitionLanguage !== this.language) {
        this.definition = (await this.api(`definition?lang=${this.language}`, 'GET')).json;
        this.definitionLanguage = this.language;
      }
    } catch (error) {
      this.status.textContent = error.message;
      return;
    }
    if (this.backgroundSources().includes('dnb') && this.creditConsent === undefined) return this.consentStep();
    return this.register();
  }

  backgroundSources() {
    return (this.getAttribute('background-sources') || '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
  }

  consentStep() {
    this.status.textContent = this.text('consentNeeded');
    const form = this.el('form', { class: 'pono-consent', 'aria-labelledby': `${this.id_}-consent-title` });
    form.append(this.el('h4', { id: `${this.id_}-consent-title` }, this.text('consentTitle')));
    form.append(
      this.el('p', { id: `${this.id_}-consent-text`, class: 'pono-consent-text' }, this.definition.consentText),
    );
    const boxId = `${this.id_}-consent`;
    const row = this.el('div', { class: 'pono-terms' });
    row.append(
      this.el('input', {
        type: 'checkbox',
        id: boxId,
        name: 'creditHeaderConsent',
        'aria-describedby': `${this.id_}-consent-text`,
      }),
      this.el('label', { for: boxId }, this.text('consentAccept')),
    );
    form.append(row, this.el('button', { type: 'submit' }, this.text('consentContinue')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.creditConsent = form.elements.namedItem('creditHeaderConsent').checked;
      void this.register();
    });
    this.body.append(form);
  }

  /** The calls' common inputs: the person, the role, the background sources and the consent given or not. */
  common() {
    return {
      ...this.person,
      ...(this.getAttribute('role-key') ? { roleKey: this.getAttribute('role-key') } : {}),
      backgroundSources: this.getAttribute('background-sources') || '',
      ...(this.creditConsent === undefined ? {} : { creditHeaderConsent: this.creditConsent }),
    };
  }

  async register() {
    this.status.textContent = this.text('checking');
    this.body.innerHTML = '';
    try {
      const { status, json } = await this.api('identity-verification', 'POST', this.common());
      if (status !== 200) return this.showProblems(json);
      this.show(json, false);
    } catch (error) {
      this.status.textContent = error.message;
    }
  }

  offered() {
    const wanted = (this.getAttribute('interactive-sources') || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const available = (this.outputs.availableSources || '').split(',').filter(Boolean);
    // Only sources the person can give details for here (a form listing no sources gets all of those).
    const withFields = (id) => this.definition.groups.some((g) => g.sources.includes(id));
    return available.filter(
      (id) =>
        withFields(id) &&
        (wanted.length === 0 || wanted.includes(id) || (id.endsWith('regodvs') && wanted.includes('regodvs'))),
    );
  }

  show(outputs, afterSource) {
    this.outputs = outputs;
    this.body.innerHTML = '';
    if (outputs.verifyStatus === 'VERIFIED') {
      this.status.textContent = `${afterSource ? `${this.text('sourceVerified')} ` : ''}${this.text('verified')}`;
      this.dispatchEvent(new CustomEvent('verified', { detail: outputs, bubbles: true }));
      return;
    }
    const offered = this.offered();
    const capturing = this.hasAttribute('document-capture');
    if (outputs.verifyStatus === 'FAILED' || (offered.length === 0 && !capturing)) {
      this.status.textContent = this.text('failed');
      this.dispatchEvent(new CustomEvent('failure', { detail: outputs, bubbles: true }));
      this.optOutButton();
      return;
    }
    this.status.textContent = afterSource
      ? outputs.sourceVerifiedFlag
        ? this.text('sourceVerified')
        : this.text('sourceNotVerified')
      : this.text('unverified');
    if (offered.length > 0) this.sourceChooser(offered);
    if (capturing) this.documentCaptureOffer();
    this.optOutButton();
  }

  sourceChooser(offered) {
    const fieldset = this.el('fieldset', { class: 'pono-sources' });
    fieldset.append(this.el('legend', {}, this.text('chooseSource')));
    for (const id of offered) {
      const inputId = `${this.id_}-source-${id}`;
      const radio = this.el('input', { type: 'radio', name: `${this.id_}-source`, id: inputId, value: id });
      radio.addEventListener('change', () => this.sourceForm(id));
      const label = this.el('label', { for: inputId }, this.sourceName(id));
      const row = this.el('div', { class: 'pono-source' });
      row.append(radio, label);
      fieldset.append(row);
    }
    this.body.append(fieldset);
    this.formSlot = this.el('div', { class: 'pono-form-slot' });
    this.body.append(this.formSlot);
  }

  sourceForm(sourceId) {
    const group = this.definition.groups.find((g) => g.sources.includes(sourceId));
    this.formSlot.innerHTML = '';
    const form = this.el('form', {
      class: 'pono-source-form',
      novalidate: true,
      'aria-label': this.sourceName(sourceId),
    });
    for (const field of group.fields) {
      if (field.input === 'licenceState' && sourceId !== 'regodvs') continue;
      form.append(this.fieldRow(field));
    }
    const monthControl = form.querySelector('select[name="medicareExpiryMonth"]');
    const yearControl = form.querySelector('select[name="medicareExpiryYear"]');
    if (monthControl && yearControl) {
      this.expiryYears(monthControl, yearControl);
      monthControl.addEventListener('change', () => this.expiryYears(monthControl, yearControl));
    }
    const details = this.documentDetailFields();
    if (details.length > 0) {
      const fieldset = this.el('fieldset', { class: 'pono-document-details' });
      fieldset.append(this.el('legend', {}, this.text('documentDetails')));
      for (const field of details) {
        const row = this.fieldRow(field);
        row.querySelector('input, select').value = this.person[PERSONAL_OF_DOCUMENT[field.input]] || '';
        fieldset.append(row);
      }
      form.append(fieldset);
    }
    const helpText = this.bySource('helpTexts', sourceId) || group.help;
    if (helpText) {
      // Built always, hidden while help="off": the form may switch help on and off.
      const details = this.el('details', { class: 'pono-help', hidden: this.getAttribute('help') === 'off' });
      details.append(this.el('summary', {}, this.text('help')));
      details.append(this.el('p', {}, helpText));
      if (group.sample)
        details.append(
          this.el('img', {
            src: `${this.server}/forms/samples/${group.sample}`,
            alt: `${this.text('help')}: ${this.sourceName(sourceId)}`,
            width: 320,
          }),
        );
      form.append(details);
    }
    const termsId = `${this.id_}-terms`;
    const terms = this.el('div', { class: 'pono-terms' });
    terms.append(
      this.el('input', { type: 'checkbox', id: termsId, name: 'termsAccepted', required: true }),
      this.el('label', { for: termsId }, this.text('terms')),
    );
    form.append(terms);
    this.errors = this.el('div', { class: 'pono-errors', role: 'alert' });
    form.append(this.errors);
    form.append(this.el('button', { type: 'submit' }, `${this.text('verify')}: ${this.sourceName(sourceId)}`));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submitSource(sourceId, form);
    });
    // The focus stays on the source chosen: a keyboard user arrowing through the sources is not pulled into each
    // form; the form follows the sources in the tab order.
    this.formSlot.append(form);
  }

  /**
   * Medicare's expiry years (seed 001: filled from the current date and the chosen month, as the server's
   * medicareExpiryYears): from this year, or next year when the month has passed, up to the server's limit ahead.
   */
  expiryYears(monthControl, yearControl) {
    const now = new Date();
    const month = Number(monthControl.value) || 0;
    const first = month !== 0 && month < now.getMonth() + 1 ? now.getFullYear() + 1 : now.getFullYear();
    const last = now.getFullYear() + (this.definition.medicareMaxYearsAhead || 10);
    const chosen = yearControl.value;
    yearControl.innerHTML = '';
    yearControl.append(this.el('option', { value: '' }, ''));
    for (let year = first; year <= last; year += 1)
      yearControl.append(this.el('option', { value: String(year) }, String(year)));
    yearControl.value = Number(chosen) >= first ? chosen : '';
  }

  /** The details the account's controlled changes let the person give as on the document (pre-filled). */
  documentDetailFields() {
    const allowed = this.definition.changeableDetails || [];
    return (this.definition.documentDetails || []).filter((field) => allowed.includes(field.input));
  }

  fieldRow(field) {
    const id = `${this.id_}-${field.input}`;
    const row = this.el('div', { class: 'pono-field' });
    row.append(this.el('label', { for: id }, `${this.label(field)}${field.required ? ' *' : ''}`));
    let control;
    if (field.kind === 'select' && field.options) {
      control = this.el('select', { id, name: field.input, required: field.required });
      control.append(this.el('option', { value: '' }, ''));
      for (const option of field.options) control.append(this.el('option', { value: option }, option));
    } else if (field.kind === 'month' || field.kind === 'year') {
      // A month 01–12; the years a card of the chosen month may expire in (expiryYears fills them).
      control = this.el('select', { id, name: field.input, required: field.required });
      control.append(this.el('option', { value: '' }, ''));
      if (field.kind === 'month')
        for (let month = 1; month <= 12; month += 1) {
          const value = String(month).padStart(2, '0');
          control.append(this.el('option', { value }, value));
        }
    } else {
      control = this.el('input', {
        id,
        name: field.input,
        type: field.kind === 'date' ? 'date' : 'text',
        required: field.required,
        ...(field.pattern && field.kind !== 'date'
          ? { pattern: field.pattern.replace(/^\^/, '').replace(/\$$/, '') }
          : {}),
      });
    }
    control.setAttribute('aria-describedby', `${id}-error`);
    row.append(control, this.el('span', { id: `${id}-error`, class: 'pono-field-error' }));
    return row;
  }

  /** The browser's checks mirror the server's (required, the same patterns); the server has the last word. */
  clientProblems(form, definitionFields, conditions) {
    const problems = [];
    const required = this.conditionallyRequired(form, conditions);
    for (const field of definitionFields) {
      const control = form.elements.namedItem(field.input);
      if (!control) continue;
      const value = control.value.trim();
      const own = this.fieldMessage(field.input);
      if (value === '' && (field.required || required.has(field.input)))
        problems.push({ field: field.input, message: own || `${this.label(field)} ${this.text('required')}` });
      else if (value !== '' && field.pattern && !new RegExp(field.pattern).test(value))
        problems.push({
          field: field.input,
          message: own || `${this.label(field)} ${this.text('format')} ${this.formatWords(field)}`,
        });
    }
    if (!form.elements.namedItem('termsAccepted').checked)
      problems.push({ field: 'termsAccepted', message: this.text('terms') });
    return problems;
  }

  /** The inputs the group's conditions (state and date rules, the Medicare card's colour) make required now. */
  conditionallyRequired(form, conditions) {
    const valueOf = (input) => {
      const control = form.elements.namedItem(input);
      return control ? control.value.trim() : '';
    };
    const required = new Set();
    for (const cond of conditions || []) {
      if (!cond.in.includes(valueOf(cond.when).toUpperCase())) continue;
      if (cond.filled && valueOf(cond.filled) === '') continue;
      if (cond.dated) {
        const day = valueOf(cond.dated.input);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
        if (cond.dated.onOrAfter && day < cond.dated.onOrAfter) continue;
        if (cond.dated.before && day >= cond.dated.before) continue;
      }
      required.add(cond.require);
    }
    return required;
  }

  async submitSource(sourceId, form) {
    const group = this.definition.groups.find((g) => g.sources.includes(sourceId));
    const problems = this.clientProblems(
      form,
      [
        ...group.fields.filter((f) => !(f.input === 'licenceState' && sourceId !== 'regodvs')),
        ...this.documentDetailFields(),
      ],
      group.conditions,
    );
    if (problems.length > 0) return this.markProblems(form, problems);
    const values = {};
    for (const field of [...group.fields, ...this.documentDetailFields()]) {
      const control = form.elements.namedItem(field.input);
      if (control && control.value.trim() !== '') values[field.input] = control.value.trim();
    }
    if (sourceId.endsWith('regodvs') && sourceId !== 'regodvs')
      values.licenceState = sourceId.slice(0, -7).toUpperCase();
    this.status.textContent = this.text('checking');
    try {
      const { status, json } = await this.api('identity-verification', 'POST', {
        ...this.common(),
        ...values,
        verifyUserId: this.outputs.verifyUserId,
        verifySources: sourceId,
        termsAccepted: true,
      });
      if (status !== 200)
        return this.markProblems(
          form,
          (json.problems || []).map((p) => ({ field: p.field, message: this.inWords(p, group) })),
          json.message,
        );
      this.show(json, true);
    } catch (error) {
      this.status.textContent = error.message;
    }
  }

  /** The server names the input ("medicareExpiryDate is in the past…"); the person reads the field's label. */
  inWords(problem, group) {
    const fields = [
      ...group.fields,
      ...(this.definition.documentDetails || []),
      ...(this.definition.personal || []),
      ...(this.definition.address || []),
    ];
    const own = this.fieldMessage(problem.field);
    if (own) return own;
    const field = fields.find((f) => f.input === problem.field);
    const message = String(problem.message || '');
    if (!field || !message.startsWith(problem.field)) return message;
    return `${this.label(field)}${message.slice(problem.field.length).replace(/^:\s*/, ': ')}`;
  }

  markProblems(form, problems, fallback) {
    for (const node of form.querySelectorAll('.pono-field-error')) node.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    this.errors.innerHTML = '';
    this.errors.append(this.el('p', {}, this.text('fixFields')));
    const list = this.el('ul');
    for (const problem of problems) {
      list.append(this.el('li', {}, problem.message));
      const control = form.elements.namedItem(problem.field);
      if (control && control.setAttribute) {
        control.setAttribute('aria-invalid', 'true');
        const note = form.querySelector(`#${CSS.escape(control.id)}-error`);
        if (note) note.textContent = problem.message;
      }
    }
    if (problems.length === 0 && fallback) list.append(this.el('li', {}, fallback));
    this.errors.append(list);
    this.status.textContent = this.text('fixFields');
  }

  showProblems(json) {
    this.status.textContent = `${this.text('fixFields')} ${(json.problems || []).map((p) => p.message).join(' ') || json.message}`;
  }

  optOutButton() {
    if (!this.hasAttribute('allow-opt-out')) return;
    const button = this.el('button', { type: 'button', class: 'pono-opt-out' }, this.text('optOut'));
    button.addEventListener('click', () => {
      const failed = !this.outputs || this.outputs.verifyStatus === 'FAILED' || this.offered().length === 0;
      this.body.innerHTML = '';
      this.status.textContent = this.text('optedOut');
      this.dispatchEvent(
        new CustomEvent('failure', { detail: { ...(this.outputs || {}), optedOut: true }, bubbles: true }),
      );
      if (this.outputs) this.uploadForm(failed ? 'NOT_VERIFIED' : 'OPTED_OUT');
    });
    this.body.append(button);
  }

  documentTypeName(type) {
    const names = this.table('documentTypes');
    return names[type] || (this.definition.manualDocumentTypes || {})[type] || type;
  }

  /** Manual verification: up to two documents, each its type and its scan; then the wait for the decision. */
  uploadForm(reason) {
    const form = this.el('form', {
      class: 'pono-upload',
      novalidate: true,
      'aria-labelledby': `${this.id_}-upload-title`,
    });
    form.append(
      this.el('h4', { id: `${this.id_}-upload-title` }, this.text('uploadTitle')),
      this.el('p', {}, this.text('uploadIntro')),
    );
    const types = Object.keys(this.definition.manualDocumentTypes || {});
    for (const [n, legend] of [
      [1, this.text('firstDocument')],
      [2, this.text('secondDocument')],
    ]) {
      const fieldset = this.el('fieldset', { class: 'pono-document' });
      fieldset.append(this.el('legend', {}, legend));
      const typeId = `${this.id_}-doc${n}-type`;
      const fileId = `${this.id_}-doc${n}-file`;
      const select = this.el('select', { id: typeId, name: `type${n}`, 'aria-describedby': `${typeId}-error` });
      select.append(this.el('option', { value: '' }, ''));
      for (const type of types) select.append(this.el('option', { value: type }, this.documentTypeName(type)));
      const typeRow = this.el('div', { class: 'pono-field' });
      typeRow.append(
        this.el('label', { for: typeId }, `${this.text('documentType')}${n === 1 ? ' *' : ''}`),
        select,
        this.el('span', { id: `${typeId}-error`, class: 'pono-field-error' }),
      );
      const fileRow = this.el('div', { class: 'pono-field' });
      fileRow.append(
        this.el('label', { for: fileId }, `${this.text('documentFile')}${n === 1 ? ' *' : ''}`),
        this.el('input', {
          id: fileId,
          name: `file${n}`,
          type: 'file',
          accept: 'image/jpeg,image/png,application/pdf',
          'aria-describedby': `${fileId}-error`,
        }),
        this.el('span', { id: `${fileId}-error`, class: 'pono-field-error' }),
      );
      fieldset.append(typeRow, fileRow);
      form.append(fieldset);
    }
    this.errors = this.el('div', { class: 'pono-errors', role: 'alert' });
    form.append(this.errors, this.el('button', { type: 'submit' }, this.text('sendDocuments')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.sendDocuments(form, reason);
    });
    this.body.append(form);
  }

  documentProblems(form) {
    const problems = [];
    const max = this.definition.maxManualDocumentBytes || 8 * 1024 * 1024;
    for (const n of [1, 2]) {
      const type = form.elements.namedItem(`type${n}`);
      const file = form.elements.namedItem(`file${n}`).files[0];
      if (n === 1 && !file) problems.push({ field: `file${n}`, message: this.text('fileMissing') });
      if (file && !type.value) problems.push({ field: `type${n}`, message: this.text('typeMissing') });
      if (file && file.size > max) problems.push({ field: `file${n}`, message: this.text('fileTooLarge') });
      if (file && !['image/jpeg', 'image/png', 'application/pdf'].includes(file.type))
        problems.push({ field: `file${n}`, message: this.text('fileType') });
    }
    return problems;
  }

  async sendDocuments(form, reason) {
    const problems = this.documentProblems(form);
    if (problems.length > 0) return this.markProblems(form, problems);
    const body = new window.FormData();
    body.append('reason', reason);
    if (this.getAttribute('role-key')) body.append('roleKey', this.getAttribute('role-key'));
    for (const n of [1, 2]) {
      const file = form.elements.namedItem(`file${n}`).files[0];
      if (file) body.append(form.elements.namedItem(`type${n}`).value, file, file.name);
    }
    this.status.textContent = this.text('sending');
    try {
      const { status, json } = await this.api('manual-verification', 'POST', body);
      if (status !== 201)
        return this.markProblems(
          form,
          (json.problems || []).map((p) => ({ field: p.field, message: p.message })),
          json.message,
        );
      this.body.innerHTML = '';
      this.status.textContent = this.text('uploaded');
      this.waitForReview();
    } catch (error) {
      this.status.textContent = error.message;
    }
  }

  /** Asks pono every review-poll-seconds (default 20) until an administrator has decided; then tells the form. */
  waitForReview() {
    const seconds = Number(this.getAttribute('review-poll-seconds')) || 20;
    const role = this.getAttribute('role-key');
    const ask = async () => {
      if (!this.isConnected) return;
      try {
        const { status, json } = await this.api(
          `manual-verification${role ? `?roleKey=${encodeURIComponent(role)}` : ''}`,
          'GET',
        );
        const state = status === 200 && json.review ? json.review.state : 'PENDING';
        if (state === 'PENDING') return void window.setTimeout(ask, seconds * 1000);
        const detail = { ...json.outputs, manualReview: state };
        this.outputs = json.outputs;
        if (state === 'VERIFIED_ADMIN') {
          this.status.textContent = this.text('reviewVerified');
          this.dispatchEvent(new CustomEvent('verified', { detail, bubbles: true }));
        } else {
          this.status.textContent = this.text('reviewFailed');
          this.dispatchEvent(new CustomEvent('failure', { detail, bubbles: true }));
        }
      } catch (error) {
        this.status.textContent = error.message;
      }
    };
    window.setTimeout(ask, seconds * 1000);
  }
}

// Document capture (pono-document-capture.js): loaded only when a form offers it.
Object.assign(PonoVerify.prototype, {
  /** The offer to photograph a document, beside the document sources (attribute `document-capture`). */
  documentCaptureOffer() {
    const slot = this.el('div', { class: 'pono-capture-area' });
    this.body.append(slot);
    documentCapture(this.server).then(
      (capture) => capture.offer(this, slot),
      (error) => (this.status.textContent = error.message),
    );
  },
  /** Opens the document capture at once, for the person the form checked already (pono's capture page). */
  captureDocument() {
    return documentCapture(this.server).then((capture) => capture.start(this));
  },
});

let captureScript = null;
function documentCapture(server) {
  if (window.PonoDocumentCapture) return Promise.resolve(window.PonoDocumentCapture);
  captureScript =
    captureScript ||
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${server}/forms/pono-document-capture.js`;
      script.addEventListener('load', () => resolve(window.PonoDocumentCapture));
      script.addEventListener('error', () => {
        captureScript = null;
        reject(new Error('The document capture could not be loaded. Reload the page.'));
      });
      document.head.append(script);
    });
  return captureScript;
}

if (!customElements.get('pono-verify')) customElements.define('pono-verify', PonoVerify);
