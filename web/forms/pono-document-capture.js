// Document capture for <pono-verify> (seed 003 combination sources, issue 15), framework-free; loaded by the
// component when its `document-capture` attribute asks for it (or by pono's capture page). The person chooses
// the document, sends a photo of it (the device camera through <input type=file capture>), a selfie when the
// form asks for one (`document-selfie="required"` or "optional"; the account's face comparison setting, required or
// off, wins over it), waits while pono reads it, confirms or corrects
// the details read, and sees the result in the office's words with each component's state. Every string can be
// overridden through `element.strings`, as the component's own.
(() => {
  if (window.PonoDocumentCapture) return;

  const MAX_BYTES = 8 * 1024 * 1024;
  const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

  const STRINGS = {
    en: {
      captureOffer: 'Or photograph an identity document',
      captureStart: 'Photograph a document',
      captureTitle: 'Verify with a photo of your document',
      captureKind: 'Which document?',
      captureKinds: {
        passport: 'Passport (the photo page)',
        nzLicence: 'New Zealand driver licence (the front)',
        auLicence: 'Australian driver licence (the front)',
      },
      capturePhoto: 'Photo of the document',
      capturePhotoHint:
        'Lay the document flat in good light, with all four corners in the photo and no glare. JPEG, PNG or WebP, up to 8 MB.',
      captureSelfie: 'A photo of your face (selfie)',
      captureSelfieOptional: 'A photo of your face (selfie, optional)',
      captureSelfieHint:
        'Face the camera on your own, without glasses or a hat. It is compared with the photo on the document.',
      captureRead: 'Read the document',
      captureSending: 'Sending the photo…',
      captureReading: 'Reading your document. This can take a little while; you can keep using the page.',
      captureProgress: 'Progress',
      captureKindMissing: 'Choose which document you are photographing',
      capturePhotoMissing: 'Choose or take a photo of the document',
      captureSelfieMissing: 'Choose or take a photo of your face',
      captureNotImage: 'must be a JPEG, PNG or WebP image',
      captureTooLarge: 'is larger than 8 MB',
      captureUnreadable:
        'We could not read a passport or driver licence in this photo. Take it again, flat, in good light and with all of the document in the photo.',
      captureRetake: 'Take the photo again:',
      captureReview: 'Check the details read from your document',
      captureReadDone: 'Your document was read. Check the details below.',
      captureChecked: 'Your document was checked.',
      captureReviewHint:
        'Correct anything that was read wrongly. Your corrections are checked against the organisation’s rules; larger changes wait for a person to review them.',
      captureReadAs: 'Read from',
      captureConfirm: 'Confirm these details',
      captureConfirming: 'Checking your details…',
      captureAgain: 'Photograph the document again',
      captureFields: {
        givenName: 'First given name',
        middleNames: 'Other given names',
        surname: 'Surname',
        dob: 'Date of birth',
        documentNumber: 'Document number',
        cardNumber: 'Card or version number',
        GovId: 'Document',
        documentScan: 'Document photo',
        face: 'Face',
        faceMatchScore: 'Face match score',
      },
      captureResult: 'Result of your document:',
      captureComponents: 'What was checked',
      captureChanged: 'read “{read}”, you gave “{given}”',
      captureChangedRecord: 'on record “{read}”, you gave “{given}”',
      captureWaiting: 'A person at the organisation will review your document; the result will be sent to the form.',
      captureDone: 'Your document is verified.',
      countries: { AU: 'Australia', NZ: 'New Zealand' },
      stateNames: {},
      componentNames: {},
    },
    mi: {
      captureOffer: 'Tangohia rānei he whakaahua o tētahi tuhinga tuakiri',
      captureStart: 'Tangohia he whakaahua o tētahi tuhinga',
      captureTitle: 'Whakamana mā tētahi whakaahua o tō tuhinga',
      captureKind: 'Ko tēhea tuhinga?',
      captureKinds: {
        passport: 'Uruwhenua (te whārangi whakaahua)',
        nzLicence: 'Raihana taraiwa o Aotearoa (te aroaro)',
        auLicence: 'Raihana taraiwa o Ahitereiria (te aroaro)',
      },
      capturePhoto: 'Whakaahua o te tuhinga',
      capturePhotoHint:
        'Whakatakotoria papatahitia te tuhinga ki te wāhi mārama, kia kitea ōna kokonga e whā, kaua he kōrekoreko. JPEG, PNG, WebP rānei, 8 MB te rahi rawa.',
      captureSelfie: 'He whakaahua o tō kanohi (whakaahua-ā-tinana)',
      captureSelfieOptional: 'He whakaahua o tō kanohi (kāore e herea)',
      captureSelfieHint:
        'Anga atu ki te kāmera, ko koe anake, kāore he mōwhiti, he pōtae rānei. Ka whakatauritea ki te whakaahua o te tuhinga.',
      captureRead: 'Pānuitia te tuhinga',
      captureSending: 'E tuku ana i te whakaahua…',
      captureReading: 'E pānui ana i tō tuhinga. Ka roa paku pea; ka taea tonu e koe te whakamahi i te whārangi.',
      captureProgress: 'Te ahunga whakamua',
      captureKindMissing: 'Kōwhiria te tuhinga e whakaahuatia ana e koe',
      capturePhotoMissing: 'Kōwhiria, tangohia rānei he whakaahua o te tuhinga',
      captureSelfieMissing: 'Kōwhiria, tangohia rānei he whakaahua o tō kanohi',
      captureNotImage: 'me JPEG, PNG, WebP rānei',
      captureTooLarge: 'he nui ake i te 8 MB',
      captureUnreadable:
        'Kāore i taea he uruwhenua, he raihana taraiwa rānei te pānui i tēnei whakaahua. Tangohia anō, papatahi, ki te wāhi mārama, kia kitea te katoa o te tuhinga.',
      captureRetake: 'Tangohia anō te whakaahua:',
      captureReview: 'Tirohia ngā taipitopito i pānuitia i tō tuhinga',
      captureReadDone: 'Kua pānuitia tō tuhinga. Tirohia ngā taipitopito i raro.',
      captureChecked: 'Kua arotakea tō tuhinga.',
      captureReviewHint:
        'Whakatikaina ngā mea i hē te pānui. Ka arotakea ō whakatikatika ki ngā ture o te whakahaere; ko ngā panonitanga nui ka tatari kia arotakea e tētahi tangata.',
      captureReadAs: 'I pānuitia',
      captureConfirm: 'Whakaūngia ēnei taipitopito',
      captureConfirming: 'E arotake ana i ō taipitopito…',
      captureAgain: 'Tangohia anō he whakaahua o te tuhinga',
      captureFields: {
        givenName: 'Ingoa tuatahi',
        middleNames: 'Ētahi atu ingoa',
        surname: 'Ingoa whānau',
        dob: 'Te rā whānau',
        documentNumber: 'Nama tuhinga',
        cardNumber: 'Nama kāri, nama putanga rānei',
        GovId: 'Tuhinga',
        documentScan: 'Whakaahua tuhinga',
        face: 'Kanohi',
        faceMatchScore: 'Te ōrite o te kanohi',
      },
      captureResult: 'Te otinga o tō tuhinga:',
      captureComponents: 'Ngā mea i arotakea',
      captureChanged: 'i pānuitia “{read}”, i hoatu e koe “{given}”',
      captureChangedRecord: 'kei te rēhita “{read}”, i hoatu e koe “{given}”',
      captureWaiting: 'Ka arotakea tō tuhinga e tētahi tangata o te whakahaere; ka tukuna te otinga ki te puka.',
      captureDone: 'Kua whakamanahia tō tuhinga.',
      countries: { AU: 'Ahitereiria', NZ: 'Aotearoa' },
      stateNames: {
        VERIFIED: 'Kua whakamanahia',
        VERIFIED_WITH_CHANGES: 'Kua whakamanahia me ngā panonitanga',
        VERIFIED_ADMIN: 'Kua whakamanahia e te kaiwhakahaere',
        PENDING: 'E tatari ana kia arotakea',
        IN_PROGRESS: 'E haere tonu ana',
        ERROR: 'He hapa',
        FAILED: 'Kāore i tutuki',
      },
      componentNames: {
        'Document Authenticity': 'Te pono o te tuhinga',
        'Data Extraction': 'Ngā taipitopito i pānuitia',
        'Face Comparison': 'Te whakataurite kanohi',
        'Document Registration Match': 'Te ōrite ki ō taipitopito rēhita',
        // the document's data source outside stub mode (te reo wording awaits a fluent reviewer)
        'Operator registry': 'Te rēhita o te kaiwhakahaere',
        'Immigration records': 'Ngā rekoata manene',
      },
    },
  };

  /** A string: the form's override first (element.strings), else the component's language. */
  function t(component, key) {
    if (component.overrides[key] !== undefined) return component.overrides[key];
    const lang = component.getAttribute('lang') === 'mi' ? 'mi' : 'en';
    return STRINGS[lang][key];
  }
  const named = (component, key, name) => ({ ...t(component, key) })[name];

  /**
   * Whether the photo step asks for a selfie: the account's face comparison setting decides first (required: always;
   * off: never), else the form's attribute `document-selfie`.
   */
  const selfieWanted = (component) => {
    if (component.faceComparison === 'off') return null;
    if (component.faceComparison === 'required') return 'required';
    const value = (component.getAttribute('document-selfie') || '').toLowerCase();
    return value === 'required' || value === 'optional' ? value : null;
  };

  /** The row of a labelled control with its hint and its error note (aria-describedby both). */
  function row(component, id, labelText, control, hint) {
    const wrapper = component.el('div', { class: 'pono-field' });
    wrapper.append(component.el('label', { for: id }, labelText));
    const described = [];
    if (hint) {
      wrapper.append(component.el('span', { id: `${id}-hint`, class: 'pono-hint' }, hint));
      described.push(`${id}-hint`);
    }
    described.push(`${id}-error`);
    control.setAttribute('aria-describedby', described.join(' '));
    wrapper.append(control, component.el('span', { id: `${id}-error`, class: 'pono-field-error' }));
    return wrapper;
  }

  /** The choice of document and the photos. */
  function uploadStep(component, container, problems) {
    container.innerHTML = '';
    const id = `${component.id_}-capture`;
    const form = component.el('form', { class: 'pono-capture', novalidate: true, 'aria-labelledby': `${id}-title` });
    form.append(component.el('h4', { id: `${id}-title` }, t(component, 'captureTitle')));
    const kinds = component.el('fieldset', { class: 'pono-capture-kinds', 'aria-describedby': `${id}-kind-error` });
    kinds.append(component.el('legend', {}, t(component, 'captureKind')));
    for (const kind of ['passport', 'nzLicence', 'auLicence']) {
      const kindId = `${id}-kind-${kind}`;
      const radio = component.el('input', { type: 'radio', name: 'documentKind', id: kindId, value: kind });
      if (component.captureKind === kind) radio.checked = true;
      const choice = component.el('div', { class: 'pono-source' });
      choice.append(radio, component.el('label', { for: kindId }, named(component, 'captureKinds', kind)));
      kinds.append(choice);
    }
    kinds.append(component.el('span', { id: `${id}-kind-error`, class: 'pono-field-error' }));
    form.append(kinds);
    const photo = component.el('input', {
      type: 'file',
      id: `${id}-document`,
      name: 'document',
      accept: 'image/*',
      capture: 'environment',
    });
    form.append(row(component, photo.id, `${t(component, 'capturePhoto')} *`, photo, t(component, 'capturePhotoHint')));
    const selfie = selfieWanted(component);
    if (selfie) {
      const input = component.el('input', {
        type: 'file',
        id: `${id}-selfie`,
        name: 'selfie',
        accept: 'image/*',
        capture: 'user',
      });
      const label =
        selfie === 'required' ? `${t(component, 'captureSelfie')} *` : t(component, 'captureSelfieOptional');
      form.append(row(component, input.id, label, input, t(component, 'captureSelfieHint')));
    }
    component.errors = component.el('div', { class: 'pono-errors', role: 'alert' });
    form.append(component.errors, component.el('button', { type: 'submit' }, t(component, 'captureRead')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(component, container, form);
    });
    container.append(form);
    if (problems) component.markProblems(form, problems);
    const first = form.querySelector('input:checked') || form.querySelector('input');
    if (first && !problems) first.focus();
  }

  function fileProblem(component, form, name, label, missing) {
    const control = form.elements.namedItem(name);
    const file = control && control.files[0];
    if (!file) return missing ? { field: name, message: missing } : null;
    if (!PHOTO_TYPES.includes(file.type))
      return { field: name, message: `${label} ${t(component, 'captureNotImage')} (${file.name})` };
    if (file.size > MAX_BYTES) return { field: name, message: `${label} ${t(component, 'captureTooLarge')}` };
    return null;
  }

  function uploadProblems(component, form) {
    const kind = form.elements.namedItem('documentKind');
    const problems = [];
    if (!kind.value) problems.push({ field: 'documentKind', message: t(component, 'captureKindMissing') });
    problems.push(
      fileProblem(component, form, 'document', t(component, 'capturePhoto'), t(component, 'capturePhotoMissing')),
    );
    if (selfieWanted(component))
      problems.push(
        fileProblem(
          component,
          form,
          'selfie',
          t(component, 'captureSelfie'),
          selfieWanted(component) === 'required' ? t(component, 'captureSelfieMissing') : null,
        ),
      );
    return problems.filter(Boolean);
  }

  /** The photos to pono, with the upload's progress; then the reading, which runs in pono's worker. */
  function upload(component, body, onProgress) {
    const role = component.getAttribute('role-key');
    const url = `${component.server}/api/v1/forms/browser/${encodeURIComponent(component.getAttribute('account') || '')}/documents${role ? `?roleKey=${encodeURIComponent(role)}` : ''}`;
    return new Promise((resolve, reject) => {
      const request = new window.XMLHttpRequest();
      request.open('POST', url);
      request.setRequestHeader('authorization', `Bearer ${component.getAttribute('token') || ''}`);
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      });
      request.upload.addEventListener('load', () => onProgress(1));
      request.addEventListener('load', () => {
        let json;
        try {
          json = JSON.parse(request.responseText);
        } catch {
          json = { message: request.statusText };
        }
        if (request.status === 401)
          return reject(Object.assign(new Error(component.text('tokenExpired')), { expired: true }));
        resolve({ status: request.status, json });
      });
      request.addEventListener('error', () => reject(new Error(request.statusText || 'network error')));
      request.send(body);
    });
  }

  async function send(component, container, form) {
    const problems = uploadProblems(component, form);
    if (problems.length > 0) return component.markProblems(form, problems);
    component.captureKind = form.elements.namedItem('documentKind').value;
    const body = new window.FormData();
    body.append('document', form.elements.namedItem('document').files[0]);
    const selfie = form.elements.namedItem('selfie');
    if (selfie && selfie.files[0]) body.append('selfie', selfie.files[0]);
    container.innerHTML = '';
    const waiting = component.el('div', { class: 'pono-capture-wait' });
    const bar = component.el('progress', { max: 100, 'aria-label': t(component, 'captureProgress') });
    const words = component.el('p', {}, t(component, 'captureSending'));
    waiting.append(words, bar);
    container.append(waiting);
    component.status.textContent = t(component, 'captureSending');
    try {
      const { status, json } = await upload(component, body, (share) => {
        if (share < 1) return void (bar.value = Math.round(share * 100));
        bar.removeAttribute('value'); // indeterminate while pono reads the photo
        words.textContent = t(component, 'captureReading');
        component.status.textContent = t(component, 'captureReading');
      });
      if (status !== 201) {
        const labels = { document: t(component, 'capturePhoto'), selfie: t(component, 'captureSelfie') };
        const refused = (json.problems || []).map((p) => ({
          field: p.field,
          message: labels[p.field] ? `${labels[p.field]}: ${p.message}` : p.message,
        }));
        return uploadStep(
          component,
          container,
          refused.length > 0 ? refused : [{ field: 'document', message: json.message }],
        );
      }
      if (json.documentType === 'UNKNOWN' || json.retake.length > 0) {
        const reasons = json.checks.filter((c) => json.retake.includes(c.code)).map((c) => c.reason);
        const message =
          json.documentType === 'UNKNOWN' && reasons.length === 0
            ? t(component, 'captureUnreadable')
            : `${t(component, 'captureRetake')} ${reasons.join(' ') || t(component, 'captureUnreadable')}`;
        return uploadStep(component, container, [{ field: 'document', message }]);
      }
      reviewStep(component, container, json);
    } catch (error) {
      component.status.textContent = error.message;
      container.innerHTML = '';
    }
  }

  const REVIEWED = ['givenName', 'middleNames', 'surname', 'dob', 'documentNumber'];

  /** The details read, each in a field the person may correct, the value read shown beside it. */
  function reviewStep(component, container, capture) {
    container.innerHTML = '';
    const id = `${component.id_}-capture-review`;
    const fields = capture.documentType === 'DRIVERS_LICENCE' ? [...REVIEWED, 'cardNumber'] : REVIEWED;
    const form = component.el('form', {
      class: 'pono-capture-review',
      novalidate: true,
      'aria-labelledby': `${id}-title`,
    });
    const region = named(component, 'countries', capture.documentRegion) || capture.documentRegion;
    const kind =
      capture.documentType === 'PASSPORT' ? 'passport' : capture.documentRegion === 'NZ' ? 'nzLicence' : 'auLicence';
    form.append(
      component.el('h4', { id: `${id}-title` }, t(component, 'captureReview')),
      component.el(
        'p',
        { class: 'pono-capture-document' },
        `${named(component, 'captureKinds', kind)} — ${region}${capture.documentSubRegion ? ` (${capture.documentSubRegion})` : ''}`,
      ),
      component.el('p', {}, t(component, 'captureReviewHint')),
    );
    for (const name of fields) {
      const read = capture.extracted[name] || '';
      const control = component.el('input', {
        id: `${id}-${name}`,
        name,
        type: name === 'dob' ? 'date' : 'text',
        value: read,
        autocomplete: 'off',
      });
      const hint = read ? `${t(component, 'captureReadAs')}: ${read}` : undefined;
      const required = name !== 'middleNames' && !(name === 'cardNumber' && !read);
      form.append(
        row(component, control.id, `${named(component, 'captureFields', name)}${required ? ' *' : ''}`, control, hint),
      );
      if (required) control.setAttribute('required', '');
    }
    component.errors = component.el('div', { class: 'pono-errors', role: 'alert' });
    const again = component.el('button', { type: 'button', class: 'pono-secondary' }, t(component, 'captureAgain'));
    again.addEventListener('click', () => uploadStep(component, container));
    form.append(component.errors, component.el('button', { type: 'submit' }, t(component, 'captureConfirm')), again);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void confirm(component, container, form, capture, fields);
    });
    container.append(form);
    component.status.textContent = t(component, 'captureReadDone');
    form.querySelector('input').focus();
  }

  async function confirm(component, container, form, capture, fields) {
    const values = {};
    const problems = [];
    for (const name of fields) {
      const control = form.elements.namedItem(name);
      const value = control.value.trim();
      if (value !== '') values[name] = value;
      else if (control.required)
        problems.push({
          field: name,
          message: `${named(component, 'captureFields', name)} ${component.text('required')}`,
        });
    }
    if (problems.length > 0) return component.markProblems(form, problems);
    component.status.textContent = t(component, 'captureConfirming');
    const role = component.getAttribute('role-key');
    try {
      const { status, json } = await component.api(
        `documents/${capture.captureId}/confirmation${role ? `?roleKey=${encodeURIComponent(role)}` : ''}`,
        'POST',
        values,
      );
      if (status !== 200) {
        const refused = (json.problems || []).map((p) => ({
          field: p.field.replace(/^body\.?/, ''),
          message: p.message,
        }));
        return component.markProblems(form, refused, json.message);
      }
      resultStep(component, container, json);
    } catch (error) {
      component.status.textContent = error.message;
    }
  }

  const stateName = (component, state, fallback) => named(component, 'stateNames', state) || fallback || state;

  /** The result in the office's words: the combination's state and each component's, with what was changed. */
  function resultStep(component, container, { outputs, checkResult }) {
    container.innerHTML = '';
    const id = `${component.id_}-capture-result`;
    const section = component.el('section', { class: 'pono-capture-result', 'aria-labelledby': `${id}-title` });
    const overall = stateName(component, checkResult.state, checkResult.stateName);
    section.append(
      component.el('h4', { id: `${id}-title` }, `${t(component, 'captureResult')} ${overall}`),
      component.el('p', {}, checkResult.stateDescription || ''),
      component.el('h5', {}, t(component, 'captureComponents')),
    );
    const list = component.el('ul', { class: 'pono-capture-components' });
    for (const part of checkResult.individualResult || []) {
      const item = component.el('li', { 'data-state': part.state });
      const name = named(component, 'componentNames', part.name) || part.name;
      item.append(
        component.el('strong', {}, `${name}: `),
        document.createTextNode(stateName(component, part.state, part.stateName)),
      );
      const changed = (part.fieldResult || []).filter((f) => f.status === 'CHANGED');
      if (changed.length > 0) {
        const notes = component.el('ul');
        for (const field of changed)
          notes.append(
            component.el(
              'li',
              {},
              `${named(component, 'captureFields', field.name) || field.name}: ${t(
                component,
                field.masterRecordValue !== undefined ? 'captureChangedRecord' : 'captureChanged',
              )
                .replace('{read}', field.extractedValue ?? field.masterRecordValue ?? '')
                .replace('{given}', field.changedValue || '')}`,
            ),
          );
        item.append(notes);
      }
      list.append(item);
    }
    section.append(list);
    container.append(section);
    component.outputs = outputs;
    const detail = { ...outputs, documentCapture: checkResult };
    if (outputs.verifyStatus === 'VERIFIED') {
      component.status.textContent = `${t(component, 'captureDone')} ${component.text('verified')}`;
      component.dispatchEvent(new CustomEvent('verified', { detail, bubbles: true }));
    } else if (checkResult.state === 'PENDING') {
      component.status.textContent = t(component, 'captureWaiting');
    } else {
      component.status.textContent = t(component, 'captureChecked');
    }
    component.dispatchEvent(new CustomEvent('documentcaptured', { detail, bubbles: true }));
    section.setAttribute('tabindex', '-1');
    section.focus();
  }

  /** The account's face comparison setting, then the photo step (a page whose token expired says so instead). */
  async function photoStep(component, container) {
    try {
      const { status, json } = await component.api('documents/settings', 'GET');
      component.faceComparison = status === 200 ? json.faceComparison : 'optional';
    } catch (error) {
      component.status.textContent = error.message;
      return;
    }
    uploadStep(component, container);
  }

  window.PonoDocumentCapture = {
    strings: STRINGS,
    /** The offer beside the component's document sources: a button that opens the capture. */
    offer(component, container) {
      const box = component.el('div', { class: 'pono-capture-offer' });
      const slot = component.el('div', { class: 'pono-capture-slot' });
      const button = component.el('button', { type: 'button' }, t(component, 'captureStart'));
      button.addEventListener('click', () => {
        box.remove();
        void photoStep(component, slot);
      });
      box.append(component.el('p', {}, t(component, 'captureOffer')), button);
      container.append(box, slot);
    },
    /** The capture at once (pono's capture page: the person was checked by the form before the link was sent). */
    start(component) {
      component.body.innerHTML = '';
      const slot = component.el('div', { class: 'pono-capture-slot' });
      component.body.append(slot);
      return photoStep(component, slot);
    },
  };
})();
