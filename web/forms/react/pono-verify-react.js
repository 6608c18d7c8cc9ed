// A thin React wrapper around <pono-verify> (web/forms/pono-verify.js): typed props for the element's options and
// onVerified / onFailure callbacks with seed 001's outputs. Plain ESM JavaScript with its own .d.ts, so a form
// copies these two files (or downloads them from pono at /forms/react/) into a React project, JavaScript or
// TypeScript, without a build step of ours; React is the form's own. The element itself is loaded from pono
// (`server`) when the page has not loaded it yet, so wrapper and element never disagree about versions.
import { createElement, forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

const loading = new Map();

/** Loads pono's <pono-verify> script once per page; resolves when the element is defined. */
export function loadPonoVerify(server) {
  if (customElements.get('pono-verify')) return Promise.resolve();
  const src = `${server.replace(/\/+$/, '')}/forms/pono-verify.js`;
  if (!loading.has(src)) {
    loading.set(
      src,
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.async = true;
        script.addEventListener('error', () => {
          loading.delete(src);
          reject(new Error(`<pono-verify> could not be loaded from ${src}`));
        });
        document.head.appendChild(script);
        void customElements.whenDefined('pono-verify').then(() => resolve());
      }),
    );
  }
  return loading.get(src);
}

const list = (value) => (Array.isArray(value) ? value.join(',') : value);

export const PonoVerify = forwardRef(function PonoVerify(props, ref) {
  const {
    server,
    account,
    token,
    roleKey,
    backgroundSources,
    interactiveSources,
    help = true,
    allowOptOut = false,
    language = 'en',
    strings,
    reviewPollSeconds,
    person,
    onVerified,
    onFailure,
    onDocumentCaptured,
    onLoadError,
    documentCapture = false,
    documentSelfie,
    id,
    className,
  } = props;
  const element = useRef(null);
  const callbacks = useRef({ onVerified, onFailure, onDocumentCaptured, onLoadError });
  useEffect(() => {
    callbacks.current = { onVerified, onFailure, onDocumentCaptured, onLoadError };
  });

  // The element's events become the callbacks; registered once, they always call the latest props.
  useEffect(() => {
    const node = element.current;
    const verified = (event) => callbacks.current.onVerified?.(event.detail);
    const failure = (event) => callbacks.current.onFailure?.(event.detail);
    const captured = (event) => callbacks.current.onDocumentCaptured?.(event.detail);
    node.addEventListener('verified', verified);
    node.addEventListener('failure', failure);
    node.addEventListener('documentcaptured', captured);
    return () => {
      node.removeEventListener('verified', verified);
      node.removeEventListener('failure', failure);
      node.removeEventListener('documentcaptured', captured);
    };
  }, []);

  // Set once the element is defined: a property set before the upgrade would hide the element's own setter.
  useEffect(() => {
    let live = true;
    loadPonoVerify(server).then(
      () => {
        if (live && element.current) element.current.strings = strings ?? {};
      },
      (error) => callbacks.current.onLoadError?.(error),
    );
    return () => {
      live = false;
    };
  }, [server, strings]);

  // A person given (or changed) starts the verification, as the form calls the service each time the person
  // reaches the verification step; changed details restart it on pono's side.
  const personKey = person ? JSON.stringify(person) : '';
  useEffect(() => {
    if (!personKey) return undefined;
    let live = true;
    loadPonoVerify(server).then(
      () => {
        if (live && element.current) void element.current.start(JSON.parse(personKey));
      },
      (error) => callbacks.current.onLoadError?.(error),
    );
    return () => {
      live = false;
    };
  }, [server, personKey]);

  useImperativeHandle(
    ref,
    () => ({
      async start(details) {
        await loadPonoVerify(server);
        await element.current.start(details);
      },
      get element() {
        return element.current;
      },
    }),
    [server],
  );

  return createElement('pono-verify', {
    ref: element,
    id,
    className,
    server,
    account,
    token,
    lang: language,
    'role-key': roleKey,
    'background-sources': list(backgroundSources),
    'interactive-sources': list(interactiveSources),
    help: help ? undefined : 'off',
    'allow-opt-out': allowOptOut ? 'true' : undefined,
    'review-poll-seconds': reviewPollSeconds === undefined ? undefined : String(reviewPollSeconds),
    'document-capture': documentCapture ? 'true' : undefined,
    'document-selfie': documentSelfie,
  });
});
