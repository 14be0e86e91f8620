'use strict';
/*
 * The portal's start page: submit a request (a type the desk offers, with its own fields, subject, description,
 * contact, files), or follow one by its number and e-mail address. Either way the customer lands on the ticket's page.
 */
(function (global) {
  const { api, jsonPart, el, clear, formatSize, showProblem, clearProblems, markField, ticketPath, whileSending } =
    global.Portal;
  const i18n = global.PortalI18n;
  const doc = global.document;

  let types = [];
  let limits = { maxFiles: 3, maxFileBytes: 5 * 1024 * 1024 };

  function showTab(name) {
    ['submit', 'follow'].forEach((tab) => {
      doc.getElementById(tab).hidden = tab !== name;
      doc.getElementById('tab-' + tab).setAttribute('aria-selected', String(tab === name));
    });
  }

  function renderTypes() {
    const select = doc.getElementById('type');
    const chosen = select.value;
    clear(select);
    select.append(el('option', { text: i18n.t('choose'), attrs: { value: '' } }));
    types.forEach((type) => select.append(el('option', { text: i18n.pick(type.name), attrs: { value: type.key } })));
    select.value = types.some((type) => type.key === chosen) ? chosen : '';
    renderTypeFields();
  }

  /** The chosen type's own fields, keeping what was typed into them. */
  function renderTypeFields() {
    const holder = doc.getElementById('type-fields');
    const typed = {};
    holder.querySelectorAll('[name]').forEach((input) => {
      typed[input.name] = input.type === 'checkbox' ? input.checked : input.value;
    });
    clear(holder);
    const type = types.find((candidate) => candidate.key === doc.getElementById('type').value);
    (type ? type.fields : []).forEach((field) => holder.append(fieldOf(field, typed[field.name])));
  }

  function fieldOf(field, typed) {
    const id = 'field-' + field.name;
    const label = el('label', { attrs: { for: id } }, i18n.pick(field.label),
      field.required ? '' : i18n.t('field.optional'));
    let input;
    if (field.type === 'choice') {
      input = el('select', { attrs: { id, name: field.name, required: field.required } },
        el('option', { text: i18n.t('choose'), attrs: { value: '' } }),
        field.choices.map((choice) => el('option', { text: i18n.pick(choice.label), attrs: { value: choice.value } })));
    } else if (field.type === 'boolean') {
      input = el('input', { attrs: { id, name: field.name, type: 'checkbox' } });
      return el('div', { className: 'field check', attrs: { 'data-field': 'fields.' + field.name } },
        el('label', { attrs: { for: id } }, input, ' ', i18n.pick(field.label)));
    } else {
      const kinds = { number: 'number', date: 'date' };
      input = el('input', { attrs: {
        id, name: field.name, type: kinds[field.type] || 'text', maxlength: 1000, required: field.required,
        step: field.type === 'number' ? 'any' : null, inputmode: field.type === 'number' ? 'decimal' : null } });
    }
    if (typed !== undefined) {
      if (input.type === 'checkbox') input.checked = typed; else input.value = typed;
    }
    return el('div', { className: 'field', attrs: { 'data-field': 'fields.' + field.name } }, label, input);
  }

  function renderHints() {
    doc.getElementById('files-hint').textContent = i18n.t('field.files.hint',
      { count: limits.maxFiles, size: formatSize(limits.maxFileBytes) });
  }

  function render() {
    renderTypes();
    renderHints();
  }

  function typeFieldValues() {
    const values = {};
    doc.getElementById('type-fields').querySelectorAll('[name]').forEach((input) => {
      if (input.type === 'checkbox') values[input.name] = String(input.checked);
      else if (input.value.trim() !== '') values[input.name] = input.value.trim();
    });
    return values;
  }

  /** Files too many or too large, marked before anything is sent; true if all is well. */
  function filesFit(form, files) {
    if (files.length > limits.maxFiles) {
      markField(form, 'files', i18n.t('fieldError.tooManyFiles', { count: limits.maxFiles }));
      return false;
    }
    const large = files.find((file) => file.size > limits.maxFileBytes);
    if (large) {
      markField(form, 'files', i18n.t('fieldError.fileTooLarge', { name: large.name, size: formatSize(limits.maxFileBytes) }));
      return false;
    }
    return true;
  }

  async function submit(event) {
    event.preventDefault();
    const form = event.target;
    clearProblems(form);
    const files = Array.from(doc.getElementById('files').files);
    if (!filesFit(form, files)) return;
    const request = {
      type: doc.getElementById('type').value,
      subject: doc.getElementById('subject').value,
      description: doc.getElementById('description').value,
      contact: {
        name: doc.getElementById('name').value,
        email: doc.getElementById('email').value.trim(),
        phone: doc.getElementById('phone').value.trim() || null
      },
      fields: typeFieldValues()
    };
    const body = new FormData();
    body.append('request', jsonPart(request));
    files.forEach((file) => body.append('files', file, file.name));
    await whileSending(doc.getElementById('submit-button'), 'submit.sending', async () => {
      try {
        const created = await api('/tickets', { method: 'POST', body });
        global.Portal.rememberSubmitted(created.number);
        global.location.assign(ticketPath(created.number, created.token));
      } catch (error) {
        showProblem(form, error);
      }
    });
  }

  async function follow(event) {
    event.preventDefault();
    const form = event.target;
    clearProblems(form);
    const lookup = { number: doc.getElementById('number').value.trim(), email: doc.getElementById('follow-email').value.trim() };
    await whileSending(doc.getElementById('follow-button'), null, async () => {
      try {
        const found = await api('/lookup', { method: 'POST', body: lookup });
        global.location.assign(ticketPath(found.number, found.token));
      } catch (error) {
        showProblem(form, error);
      }
    });
  }

  async function load() {
    try {
      [types, limits] = await Promise.all([api('/ticket-types'), api('/attachment-limits')]);
    } catch (error) {
      doc.querySelector('#submit-form .form-error').textContent = i18n.t('error.general');
    }
    render();
  }

  global.document.addEventListener('DOMContentLoaded', () => {
    doc.getElementById('tab-submit').addEventListener('click', () => showTab('submit'));
    doc.getElementById('tab-follow').addEventListener('click', () => showTab('follow'));
    doc.getElementById('type').addEventListener('change', renderTypeFields);
    doc.getElementById('submit-form').addEventListener('submit', submit);
    doc.getElementById('follow-form').addEventListener('submit', follow);
    global.Portal.fileChooser(doc.getElementById('files'), doc.getElementById('files-chosen'));
    showTab(global.location.hash === '#follow' ? 'follow' : 'submit');
    global.Portal.start(render);
    load();
  });
})(window);
