// pono's document capture page: a link the form's server sends to a person it has checked already (seed 001
// transaction), with a short-lived browser token in the fragment (#account=…&token=…&role=…&lang=…&selfie=…);
// a fragment is never sent to a server, so the token stays out of request logs.
const params = new window.URLSearchParams(window.location.hash.slice(1));
const component = document.getElementById('capture');
const expired = document.getElementById('capture-missing');
if (!params.get('account') || !params.get('token')) {
  expired.hidden = false;
  component.remove();
} else {
  component.setAttribute('account', params.get('account'));
  component.setAttribute('token', params.get('token'));
  if (params.get('role')) component.setAttribute('role-key', params.get('role'));
  if (params.get('lang') === 'mi') {
    component.setAttribute('lang', 'mi');
    document.documentElement.lang = 'mi';
  }
  if (params.get('selfie')) component.setAttribute('document-selfie', params.get('selfie'));
  window.history.replaceState(null, '', window.location.pathname);
  void component.captureDocument();
}
