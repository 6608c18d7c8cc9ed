// The demo form: two applicants, each with a <pono-verify>; "Check" hands the applicant's details to it. The
// language and help switches set the components' lang and help; "Submit the application" sends each applicant's
// details to the demo's own server, which runs the tamper check (the page holds only its browser token).
const applicants = [...document.querySelectorAll('form[data-applicant]')].map((form) => ({
  form,
  component: document.getElementById(form.dataset.applicant),
}));

/** The details an applicant's form gives: each filled input, by seed 001's input names. */
function detailsOf(form) {
  const person = {};
  for (const control of form.querySelectorAll('input[name], select[name]'))
    if (control.value.trim() !== '') person[control.name] = control.value.trim();
  return person;
}

for (const { form, component } of applicants) {
  const log = form.querySelector('.demo-events');
  const sources = component.getAttribute('background-sources');
  const creditHeader = form.querySelector('[data-credit-header]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The credit header source needs the person's consent: the component asks for it when dnb is among its sources.
    component.setAttribute('background-sources', creditHeader.checked ? `${sources},dnb` : sources);
    void component.start(detailsOf(form));
  });
  component.addEventListener('verified', (event) => {
    log.textContent = `onVerified: ${event.detail.verifyStatus} (${event.detail.verifiedSources})`;
  });
  component.addEventListener('failure', (event) => {
    log.textContent = `onFailure: ${event.detail.optedOut ? 'opted out' : event.detail.verifyStatus}`;
  });
}

// Language: a component already started shows its step again in the chosen language (its details unchanged,
// the verification continues).
for (const radio of document.querySelectorAll('input[name="demo-lang"]')) {
  radio.addEventListener('change', () => {
    for (const { component } of applicants) {
      component.setAttribute('lang', radio.value);
      if (component.person && Object.keys(component.person).length > 0) void component.start(component.person);
    }
  });
}

const help = document.getElementById('demo-help');
help.addEventListener('change', () => {
  for (const { component } of applicants)
    if (help.checked) component.removeAttribute('help');
    else component.setAttribute('help', 'off');
});

const submit = document.getElementById('demo-submit');
const result = document.getElementById('demo-submit-result');
submit.addEventListener('click', async () => {
  result.textContent = 'Submitting…';
  try {
    const response = await fetch('/forms/demo/submit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: applicants[0].component.getAttribute('token'),
        applicants: applicants.map(({ form, component }) => ({
          roleKey: component.getAttribute('role-key'),
          ...detailsOf(form),
        })),
      }),
    });
    const answer = await response.json();
    result.textContent = '';
    if (!response.ok) {
      const problems = (answer.problems || []).map((p) => p.message).join(' ');
      result.append(Object.assign(document.createElement('p'), { textContent: problems || answer.message }));
      return;
    }
    const list = document.createElement('ul');
    for (const applicant of answer.applicants) {
      const item = document.createElement('li');
      item.textContent = `${applicant.roleKey}: tamper check ${applicant.result} — ${applicant.message}`;
      list.append(item);
    }
    result.append(list);
  } catch (error) {
    result.textContent = error.message;
  }
});
