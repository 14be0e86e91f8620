'use strict';
/*
 * What both portal pages share: calls to the portal's JSON API, building elements (text is always set as text, never
 * as HTML: whatever a customer typed shows as typed), problems shown at the fields they name, dates and sizes.
 */
(function (global) {
  const i18n = global.PortalI18n;
  const API = '/portal/api';

  /** A failed call: its status and problem document (RFC 9457), if it had one. */
  class PortalError extends Error {
    constructor(status, problem) {
      super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
      this.status = status;
      this.problem = problem || {};
    }
  }

  /** Calls the portal API; the JSON answer, or a PortalError. body: an object (sent as JSON) or FormData. */
  async function api(path, options) {
    const settings = options || {};
    const headers = { 'Accept': 'application/json', 'X-Flowdesk-Portal': '1' };
    let body = settings.body;
    if (body !== undefined && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(API + path, { method: settings.method || 'GET', headers, body, credentials: 'omit' });
    } catch (e) {
      throw new PortalError(0, null);
    }
    const type = response.headers.get('Content-Type') || '';
    const json = type.includes('json') ? await response.json() : null;
    if (!response.ok) {
      throw new PortalError(response.status, json);
    }
    return json;
  }

  /** A JSON part of a multipart request. */
  function jsonPart(value) {
    return new Blob([JSON.stringify(value)], { type: 'application/json' });
  }

  /**
   * An element: el('p', {className: 'hint', text: 'x', attrs: {id: 'y'}, on: {click: f}}, child, ...). Children that
   * are strings become text nodes.
   */
  function el(tag, props, ...children) {
    const element = global.document.createElement(tag);
    const settings = props || {};
    if (settings.className) element.className = settings.className;
    if (settings.text !== undefined && settings.text !== null) element.textContent = settings.text;
    Object.entries(settings.attrs || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value === true ? '' : value);
    });
    Object.entries(settings.on || {}).forEach(([event, handler]) => element.addEventListener(event, handler));
    children.flat().forEach((child) => {
      if (child !== null && child !== undefined) {
        element.append(typeof child === 'string' ? global.document.createTextNode(child) : child);
      }
    });
    return element;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
    return element;
  }

  function formatTime(iso) {
    if (!iso) return '';
    return new Intl.DateTimeFormat(i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  function formatSize(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1) + ' MB';
    if (bytes >= 1024) return Math.round(bytes / 1024) + ' KB';
    return bytes + ' B';
  }

  /** What a field's problem means to a customer, from the message the API gave. */
  function fieldMessage(message) {
    const text = String(message || '');
    const larger = /^(.*) is larger than (\S+)$/.exec(text);
    if (larger) return i18n.t('fieldError.fileTooLarge', { name: larger[1], size: larger[2] });
    const most = /at most (\d+) files/.exec(text);
    if (most) return i18n.t('fieldError.tooManyFiles', { count: most[1] });
    const known = [
      [/blank|required|must not be null|must not be empty/, 'fieldError.required'],
      [/e-?mail/, 'fieldError.email'],
      [/size must be between/, 'fieldError.tooLong'],
      [/must be a number/, 'fieldError.number'],
      [/must be a date/, 'fieldError.date'],
      [/must be one of/, 'fieldError.choice'],
      [/phone/, 'fieldError.phone']
    ];
    const match = known.find(([pattern]) => pattern.test(text));
    return i18n.t(match ? match[1] : 'fieldError.other');
  }

  /** Removes the marks of a form's last problems. */
  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach((error) => error.remove());
    form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
    form.querySelectorAll('.form-error').forEach((error) => clear(error));
  }

  /** Marks the field (its element with data-field) with a message. */
  function markField(form, field, message) {
    const holder = form.querySelector('[data-field="' + CSS.escape(field) + '"]')
      || form.querySelector('[data-field="' + CSS.escape(field.replace(/\[\d+\]$/, '')) + '"]');
    if (!holder) return false;
    const input = holder.querySelector('input, select, textarea');
    if (input) input.setAttribute('aria-invalid', 'true');
    holder.append(el('p', { className: 'field-error', text: message }));
    return true;
  }

  /** The key of the general message for a failed call. */
  function problemKeyOf(error) {
    const title = error.problem && error.problem.title;
    if (error.status === 404) return 'error.notFound';
    if (error.status === 400) return 'error.invalid';
    if (error.status === 413) return 'error.tooLarge';
    if (error.status === 429) return 'error.tooMany';
    if (error.status === 409 && title === 'Already rated') return 'error.alreadyRated';
    if (error.status === 409 && title === 'Ticket closed') return 'error.closed';
    if (error.status === 409 && title === 'Not resolved yet') return 'error.notResolved';
    return 'error.general';
  }

  /** Shows a failed call on its form: each named field marked, the general message at the form's end. */
  function showProblem(form, error) {
    clearProblems(form);
    const errors = (error.problem && Array.isArray(error.problem.errors)) ? error.problem.errors : [];
    errors.forEach((problem) => markField(form, String(problem.field), fieldMessage(problem.message)));
    const general = form.querySelector('.form-error');
    if (general) general.textContent = i18n.t(problemKeyOf(error));
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
  }

  /**
   * A file input shown as a button in the page's language (a browser names its own in the browser's), with the
   * chosen files listed under it; the answer: a function that lists them again (after a form's reset).
   */
  function fileChooser(input, list) {
    const show = () => {
      clear(list);
      Array.from(input.files).forEach((file) => list.append(el('li', null, file.name,
        el('span', { className: 'muted', text: ' ' + formatSize(file.size) }))));
    };
    input.addEventListener('change', show);
    return show;
  }

  /** Builds the page's header (language switch) once the words are known. */
  function start(render) {
    const button = global.document.getElementById('switch-language');
    button.addEventListener('click', () => i18n.switchTo(i18n.other()));
    i18n.onChange(render);
    i18n.apply();
    render();
  }

  /** Runs the call with the button disabled (saying so, with busyKey), so that a double tap sends once. */
  async function whileSending(button, busyKey, call) {
    button.disabled = true;
    if (busyKey) button.textContent = i18n.t(busyKey);
    try {
      await call();
    } finally {
      button.disabled = false;
      if (button.dataset.i18n) button.textContent = i18n.t(button.dataset.i18n);
    }
  }

  const CREATED = 'flowdesk.portal.created';

  /** Remembers, for the ticket's page this tab opens next, that the customer has just submitted the ticket. */
  function rememberSubmitted(number) {
    try {
      global.sessionStorage.setItem(CREATED, number);
    } catch (e) {
      // the ticket's page then shows no welcome; nothing else is lost
    }
  }

  /** Whether the customer has just submitted that ticket (once: the next call says no). */
  function justSubmitted(number) {
    try {
      const submitted = global.sessionStorage.getItem(CREATED) === number;
      global.sessionStorage.removeItem(CREATED);
      return submitted;
    } catch (e) {
      return false;
    }
  }

  function ticketPath(number, token) {
    return '/portal/t/' + encodeURIComponent(number) + '?k=' + encodeURIComponent(token);
  }

  global.Portal = {
    api, jsonPart, el, clear, formatTime, formatSize, fieldMessage, clearProblems, markField, showProblem, problemKeyOf,
    fileChooser, start, ticketPath, rememberSubmitted, justSubmitted, whileSending, PortalError
  };
})(window);
