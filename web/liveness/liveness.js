/* global document, window, navigator, performance, fetch, FormData, requestAnimationFrame, setTimeout, clearTimeout, location */
// The applicant's liveness page: guidance, camera permission, a selfie, then the challenges in the order the
// server chose, each recorded as JPEG frames drawn from the video onto a canvas, uploaded as one attempt set.
// The server decides; this page only shows passed / try again / could not complete. No build step: plain ES2022.
'use strict';

const token = location.pathname.split('/').filter(Boolean)[1] ?? '';
const api = (path) => `/liveness/${token}${path}`;

const INSTRUCTIONS = {
  SELFIE: {
    title: 'Take a photo of your face',
    text: 'Look straight at the camera with your face in the middle of the picture. Press Next to take the photo.',
  },
  BLINK: {
    title: 'Blink',
    text: 'Look at the camera. Press Next, then blink your eyes slowly, once or twice, while we record.',
  },
  NOD: {
    title: 'Nod your head',
    text: 'Look at the camera. Press Next, then nod your head: tip your chin down, then back up, while we record.',
  },
  SHAKE: {
    title: 'Turn your head',
    text: 'Look at the camera. Press Next, then turn your head to one side, then to the other side, then back to the middle, while we record.',
  },
};

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

const screens = ['loading', 'intro', 'camera', 'step', 'checking', 'result', 'error'];
let view = null;
let stream = null;
let steps = [];
let stepIndex = 0;
let selfie = null;
const captures = [];

function show(name, focusId) {
  for (const s of screens) $(`screen-${s}`).hidden = s !== name;
  const target = $(focusId ?? `${name}-title`);
  // move focus to the new screen's heading so screen readers announce it
  requestAnimationFrame(() => target.focus());
}

function setProgress(text) {
  $('progress').textContent = text;
}

function fail(message) {
  setProgress('');
  $('error-text').textContent = message;
  show('error');
}

async function call(method, path, body) {
  const response = await fetch(api(path), {
    method,
    body,
    headers: { accept: 'application/json' },
    cache: 'no-store',
    credentials: 'omit',
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(data?.message ?? `request failed (${response.status})`);
    error.status = response.status;
    error.code = data?.code;
    error.retryAfterSeconds = Number(response.headers.get('retry-after')) || 0;
    throw error;
  }
  return data;
}

function showResult(state, remaining) {
  stopCamera();
  setProgress('');
  const title = $('result-title');
  const text = $('result-text');
  const retry = $('result-retry');
  const done = $('result-done');
  retry.hidden = true;
  done.hidden = true;
  if (state === 'passed') {
    title.textContent = 'Kua oti | Done: your liveness check is complete';
    text.textContent = 'Thank you. Your case officer will continue with your application. You can close this page.';
    done.hidden = false;
  } else if (state === 'try_again') {
    title.textContent = 'That did not work';
    text.textContent = `We could not confirm the check this time. Make sure your face is well lit and fully in view, and follow each step. You have ${remaining} ${remaining === 1 ? 'try' : 'tries'} left.`;
    retry.hidden = false;
  } else if (state === 'could_not_complete') {
    title.textContent = 'We could not complete your liveness check';
    text.textContent =
      'Your case officer will contact you about other ways to confirm your identity. You can close this page.';
    done.hidden = false;
  } else if (state === 'expired') {
    title.textContent = 'This link has expired';
    text.textContent = 'Contact your case officer for a new link.';
  } else {
    title.textContent = 'This link has already been used';
    text.textContent = 'Thank you. You can close this page.';
  }
  show('result');
}

function stopCamera() {
  if (stream) for (const track of stream.getTracks()) track.stop();
  stream = null;
}

async function startCamera() {
  if (!navigator.mediaDevices?.getUserMedia)
    throw Object.assign(new Error('no camera API'), { name: 'NotSupportedError' });
  stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
  });
  const video = $('video');
  video.srcObject = stream;
  await video.play();
  if (video.videoWidth === 0)
    await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
}

function cameraMessage(error) {
  if (error?.name === 'NotAllowedError' || error?.name === 'SecurityError') {
    return 'Your browser did not allow the camera. Allow camera access for this page in your browser settings, then try again.';
  }
  if (error?.name === 'NotFoundError' || error?.name === 'OverconstrainedError')
    return 'No camera was found. Use a device with a camera, then try again.';
  if (error?.name === 'NotReadableError') return 'Your camera is being used by another app. Close it, then try again.';
  if (error?.name === 'NotSupportedError')
    return 'This browser cannot use a camera. Try a recent version of Chrome, Firefox, Safari or Edge.';
  return 'The camera could not be started. Try again.';
}

/** The current video frame as a JPEG, scaled so its longest edge is at most maxEdge. */
function grab(canvas, maxEdge) {
  const video = $('video');
  const scale = Math.min(1, maxEdge / Math.max(video.videoWidth, video.videoHeight));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const context = canvas.getContext('2d');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no frame'))), 'image/jpeg', 0.88),
  );
}

/** Records one challenge for durationMs: each new video frame once, about plan.fps of them a second. */
async function record(plan) {
  const video = $('video');
  const canvas = document.createElement('canvas');
  const frames = [];
  const pending = [];
  const interval = 1000 / plan.fps;
  const start = performance.now();
  let nextAt = start;
  await new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(guard);
      resolve();
    };
    // a safety net: finish even if the video stops delivering frames
    const guard = setTimeout(finish, plan.durationMs + 1500);
    const take = () => {
      if (finished) return;
      const now = performance.now();
      if (now - start >= plan.durationMs) {
        finish();
        return;
      }
      if (now >= nextAt - interval / 2) {
        nextAt = Math.max(nextAt + interval, now);
        const tMs = Math.round(now * 10) / 10;
        pending.push(grab(canvas, plan.maxEdge).then((blob) => frames.push({ blob, tMs })));
      }
      schedule();
    };
    const schedule = () => {
      if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(take);
      else setTimeout(take, interval / 3);
    };
    schedule();
  });
  await Promise.all(pending);
  return frames.sort((a, b) => a.tMs - b.tMs);
}

function countdownThenRecord(plan, label) {
  const recording = $('recording');
  return new Promise((resolve) => {
    let n = 3;
    const tick = () => {
      if (n > 0) {
        recording.textContent = `${label} in ${n}…`;
        n -= 1;
        setTimeout(tick, plan.countdownMs / 3);
        return;
      }
      recording.textContent = 'Recording now';
      resolve(record(plan));
    };
    tick();
  });
}

function renderStep() {
  const step = steps[stepIndex];
  const info = INSTRUCTIONS[step];
  setProgress(`Step ${stepIndex + 1} of ${steps.length}`);
  $('step-title').textContent = `Step ${stepIndex + 1} of ${steps.length}: ${info.title}`;
  $('step-instruction').textContent = info.text;
  $('recording').textContent = '';
  const go = $('step-go');
  go.disabled = false;
  go.textContent = 'Tua | Next';
  show('step');
}

async function runStep() {
  const go = $('step-go');
  go.disabled = true;
  const step = steps[stepIndex];
  try {
    if (step === 'SELFIE') {
      $('recording').textContent = 'Taking your photo';
      selfie = await grab(document.createElement('canvas'), view.capture.maxEdge);
    } else {
      const frames = await countdownThenRecord(view.capture, 'Starting');
      captures.push({ challenge: step, frames });
    }
  } catch {
    fail('The camera stopped. Check that it is connected, then try again.');
    return;
  }
  $('recording').textContent = step === 'SELFIE' ? 'Photo taken' : 'Done';
  stepIndex += 1;
  if (stepIndex < steps.length) renderStep();
  else await upload();
}

const BUSY_RETRIES = 5;

/**
 * Sends the check; while the server answers that it is busy (503), waits the time it names and sends the same
 * check again (nothing of a refused check is kept), a few times before giving up.
 */
async function sendWhenFree(send) {
  for (let retry = 0; ; retry++) {
    try {
      return await send();
    } catch (error) {
      if (error.status !== 503 || retry >= BUSY_RETRIES) throw error;
      const seconds = Math.min(120, Math.max(1, error.retryAfterSeconds || 5));
      setProgress(`Many people are doing their check right now. Yours will be sent again in ${seconds} seconds.`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      setProgress('Checking your liveness check');
    }
  }
}

async function upload() {
  stopCamera();
  setProgress('Checking your liveness check');
  show('checking');
  const form = new FormData();
  const timestamps = {};
  for (const c of captures) timestamps[c.challenge] = c.frames.map((f) => f.tMs);
  form.append('timestamps', JSON.stringify(timestamps));
  form.append('selfie', selfie, 'selfie.jpg');
  for (const c of captures) c.frames.forEach((f, i) => form.append(c.challenge, f.blob, `${c.challenge}-${i}.jpg`));
  try {
    const result = await sendWhenFree(() => call('POST', `/attempts/${view.attempt.id}`, form));
    view = result;
    showResult(result.result, result.attemptsRemaining);
  } catch (error) {
    if (error.status === 409 || error.status === 410) {
      await load();
      return;
    }
    fail(
      error.status === 400
        ? 'Some of the pictures could not be used. Try again.'
        : error.status === 503
          ? 'Too many people are doing their check right now. Try again in a few minutes.'
          : 'We could not send your check. Check your internet connection, then try again.',
    );
  }
}

async function beginAttempt() {
  const start = $('camera-start');
  start.disabled = true;
  try {
    await startCamera();
  } catch (error) {
    start.disabled = false;
    fail(cameraMessage(error));
    return;
  }
  try {
    view = await call('POST', '/attempts');
  } catch (error) {
    start.disabled = false;
    if (error.status === 409) {
      await load();
      return;
    }
    fail('We could not start the check. Try again.');
    return;
  }
  start.disabled = false;
  steps = ['SELFIE', ...view.attempt.challenges];
  stepIndex = 0;
  selfie = null;
  captures.length = 0;
  renderStep();
}

async function load() {
  try {
    view = await call('GET', '/state');
  } catch (error) {
    fail(
      error.status === 404
        ? 'This link is not valid. Check that you copied the whole link from the email.'
        : 'The page could not load. Try again.',
    );
    return;
  }
  if (view.state === 'ready' || view.state === 'try_again') {
    $('intro-attempts').textContent = String(view.attemptsRemaining);
    setProgress('');
    if (view.state === 'try_again' && view.attemptsUsed > 0) showResult('try_again', view.attemptsRemaining);
    else show('intro');
  } else showResult(view.state, view.attemptsRemaining);
}

function init() {
  $('intro-next').addEventListener('click', () => show('camera'));
  $('camera-prev').addEventListener('click', () => show('intro'));
  $('camera-start').addEventListener('click', () => void beginAttempt());
  $('step-go').addEventListener('click', () => void runStep());
  $('result-retry').addEventListener('click', () => show('camera'));
  $('result-done').addEventListener('click', () => {
    $('result-text').textContent = 'Thank you. You can now close this page.';
    $('result-title').focus();
  });
  $('error-retry').addEventListener('click', () => {
    stopCamera();
    void load();
  });
  window.addEventListener('pagehide', stopCamera);
  void load();
}

init();
