// The demo form: two applicants, each with a <pono-verify>; "Check" hands the applicant's details to it.
for (const form of document.querySelectorAll('form[data-applicant]')) {
  const component = document.getElementById(form.dataset.applicant);
  const log = form.querySelector('.demo-events');
  const sources = component.getAttribute('background-sources');
  const creditHeader = form.querySelector('[data-credit-header]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The credit header source needs the person's consent: the component asks for it when dnb is among its sources.
    component.setAttribute('background-sources', creditHeader.checked ? `${sources},dnb` : sources);
    const person = {};
    for (const control of form.querySelectorAll('input[name], select[name]'))
      if (control.value.trim() !== '') person[control.name] = control.value.trim();
    void component.start(person);
  });
  component.addEventListener('verified', (event) => {
    log.textContent = `onVerified: ${event.detail.verifyStatus} (${event.detail.verifiedSources})`;
  });
  component.addEventListener('failure', (event) => {
    log.textContent = `onFailure: ${event.detail.optedOut ? 'opted out' : event.detail.verifyStatus}`;
  });
}
