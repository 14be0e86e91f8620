'use strict';
/*
 * A ticket's page, as its link opens it (/portal/t/TK-000123?k=…, or …/rate?k=… for the survey): where the request
 * stands, the conversation with the desk, the files; the customer answers here and, once it is resolved, rates it.
 */
(function (global) {
  const { api, jsonPart, el, clear, formatTime, formatSize, showProblem, clearProblems, markField, whileSending } =
    global.Portal;
  const i18n = global.PortalI18n;
  const doc = global.document;
  const PATH = /^\/portal\/t\/([^/]+)(\/rate)?\/?$/;

  const place = PATH.exec(global.location.pathname) || [];
  const number = place[1] ? decodeURIComponent(place[1]) : null;
  const wantsSurvey = Boolean(place[2]);
  const token = new URLSearchParams(global.location.search).get('k');
  let ticket = null;
  let limits = { maxFiles: 3, maxFileBytes: 5 * 1024 * 1024 };
  /** The stars chosen, 0 for none; a survey link may preselect them (…/rate?k=…&score=5), still to be sent. */
  let score = [1, 2, 3, 4, 5].find((value) => String(value) === new URLSearchParams(global.location.search).get('score')) || 0;
  let welcomed = false;
  let listChosenFiles = () => {};
  /** The key of what keeps the ticket from showing (a bad link, a failed call), for a switch of language. */
  let pageProblem = null;

  function ticketApi(path) {
    return '/tickets/' + encodeURIComponent(number) + (path || '') + '?k=' + encodeURIComponent(token || '');
  }

  function render() {
    renderWelcome();
    if (pageProblem) doc.getElementById('problem').textContent = i18n.t(pageProblem);
    doc.getElementById('answer-files-hint').textContent = i18n.t('field.files.hint',
      { count: limits.maxFiles, size: formatSize(limits.maxFileBytes) });
    if (!ticket) return;
    doc.title = ticket.number + ' · ' + i18n.t('brand');
    doc.getElementById('number').textContent = ticket.number;
    doc.getElementById('subject').textContent = ticket.subject;
    const status = doc.getElementById('status');
    status.textContent = i18n.t('status.' + ticket.status);
    status.className = 'badge status-' + ticket.status;
    renderFacts();
    doc.getElementById('description').textContent = ticket.description || '';
    renderFiles();
    renderSurvey();
    renderTimeline();
    doc.getElementById('answer-form').hidden = !ticket.mayAnswer;
    doc.getElementById('answer-closed').hidden = ticket.mayAnswer;
  }

  function renderWelcome() {
    const welcome = doc.getElementById('welcome');
    if (welcomed) welcome.textContent = i18n.t('ticket.created', { number });
  }

  function renderFacts() {
    const facts = clear(doc.getElementById('facts'));
    const fact = (label, value) => facts.append(el('dt', { text: label }), el('dd', { text: value }));
    fact(i18n.t('ticket.type'), i18n.pick(ticket.type));
    ticket.fields.forEach((field) => fact(i18n.pick(field.label), i18n.pick(field.value)));
    fact(i18n.t('ticket.contact'), [ticket.contact.name, ticket.contact.email].filter(Boolean).join(' · '));
    fact(i18n.t('ticket.submittedAt'), formatTime(ticket.createdAt));
    fact(i18n.t('ticket.updatedAt'), formatTime(ticket.updatedAt));
  }

  function renderFiles() {
    const list = clear(doc.getElementById('attachments'));
    doc.getElementById('attachments-block').hidden = ticket.attachments.length === 0;
    ticket.attachments.forEach((file) => list.append(el('li', null,
      el('a', { text: file.fileName, attrs: { href: '/portal/api' + ticketApi('/attachments/' + file.id), download: file.fileName } }),
      el('span', { className: 'muted', text: ' ' + formatSize(file.size) }))));
  }

  function renderSurvey() {
    const survey = doc.getElementById('survey');
    survey.hidden = !ticket.mayRate && !ticket.satisfaction;
    doc.getElementById('survey-form').hidden = !ticket.mayRate;
    const given = clear(doc.getElementById('survey-given'));
    given.hidden = !ticket.satisfaction;
    if (ticket.satisfaction) {
      given.append(
        el('p', { className: 'success-text', text: i18n.t('survey.thanks') }),
        el('p', { className: 'stars-shown', text: '★'.repeat(ticket.satisfaction.score) + '☆'.repeat(5 - ticket.satisfaction.score),
          attrs: { 'aria-label': i18n.t('survey.given') + ': ' + ticket.satisfaction.score + '/5' } }),
        ticket.satisfaction.comment ? el('p', { className: 'text', text: ticket.satisfaction.comment }) : null);
    }
    renderStars();
  }

  function renderStars() {
    const stars = clear(doc.getElementById('stars'));
    for (let value = 1; value <= 5; value++) {
      stars.append(el('button', {
        className: 'star' + (value <= score ? ' on' : ''),
        text: value <= score ? '★' : '☆',
        attrs: { type: 'button', role: 'radio', 'aria-checked': String(value === score),
          'aria-label': value + ' · ' + i18n.t('survey.score.' + value), 'data-score': value },
        on: { click: () => { score = value; renderStars(); } }
      }));
    }
    doc.getElementById('star-label').textContent = score ? i18n.t('survey.score.' + score) : '';
  }

  function renderTimeline() {
    const list = clear(doc.getElementById('timeline'));
    ticket.timeline.slice().reverse().forEach((entry) => list.append(el('li', { className: 'entry entry-' + entry.kind },
      el('p', { className: 'entry-head' }, el('strong', { text: headOf(entry) }), ' ',
        el('time', { className: 'muted', text: formatTime(entry.at), attrs: { datetime: entry.at } })),
      entry.body ? el('p', { className: 'text', text: entry.body }) : null)));
  }

  function headOf(entry) {
    switch (entry.kind) {
      case 'status': return i18n.t('entry.status', { status: i18n.t('status.' + entry.status) });
      case 'rating': return i18n.t('entry.rating', { score: entry.score });
      default: return i18n.t('entry.' + entry.kind);
    }
  }

  function showProblemOnPage(key) {
    pageProblem = key;
    doc.getElementById('loading').hidden = true;
    const problem = doc.getElementById('problem');
    problem.textContent = i18n.t(key);
    problem.hidden = false;
  }

  async function answer(event) {
    event.preventDefault();
    const form = event.target;
    clearProblems(form);
    doc.getElementById('answer-sent').hidden = true;
    const files = Array.from(doc.getElementById('answer-files').files);
    if (files.length > limits.maxFiles || files.some((file) => file.size > limits.maxFileBytes)) {
      const large = files.find((file) => file.size > limits.maxFileBytes);
      markField(form, 'files', large
        ? i18n.t('fieldError.fileTooLarge', { name: large.name, size: formatSize(limits.maxFileBytes) })
        : i18n.t('fieldError.tooManyFiles', { count: limits.maxFiles }));
      return;
    }
    const body = new FormData();
    body.append('message', jsonPart({ body: doc.getElementById('message').value }));
    files.forEach((file) => body.append('files', file, file.name));
    await whileSending(doc.getElementById('answer-button'), 'answer.sending', async () => {
      try {
        ticket = await api(ticketApi('/messages'), { method: 'POST', body });
        form.reset();
        listChosenFiles();
        const sent = doc.getElementById('answer-sent');
        sent.textContent = i18n.t('answer.sent');
        sent.hidden = false;
        render();
      } catch (error) {
        showProblem(form, error);
      }
    });
  }

  async function rate(event) {
    event.preventDefault();
    const form = event.target;
    clearProblems(form);
    if (!score) {
      markField(form, 'score', i18n.t('survey.choose'));
      return;
    }
    await whileSending(doc.getElementById('survey-button'), null, async () => {
      try {
        ticket = await api(ticketApi('/satisfaction'), { method: 'POST',
          body: { score, comment: doc.getElementById('comment').value.trim() || null } });
        render();
      } catch (error) {
        showProblem(form, error);
        if (error.status === 409) await load();
      }
    });
  }

  async function load() {
    ticket = await api(ticketApi());
    doc.getElementById('loading').hidden = true;
    doc.getElementById('ticket').hidden = false;
    render();
  }

  async function open() {
    if (!number || !token) {
      showProblemOnPage('link.incomplete');
      return;
    }
    welcomed = global.Portal.justSubmitted(number);
    doc.getElementById('welcome').hidden = !welcomed;
    try {
      limits = await api('/attachment-limits');
      await load();
    } catch (error) {
      showProblemOnPage(global.Portal.problemKeyOf(error));
      return;
    }
    if (wantsSurvey && !doc.getElementById('survey').hidden) {
      doc.getElementById('survey').scrollIntoView();
    }
  }

  doc.addEventListener('DOMContentLoaded', () => {
    doc.getElementById('answer-form').addEventListener('submit', answer);
    doc.getElementById('survey-form').addEventListener('submit', rate);
    listChosenFiles = global.Portal.fileChooser(doc.getElementById('answer-files'),
      doc.getElementById('answer-files-chosen'));
    global.Portal.start(render);
    open();
  });
})(window);
