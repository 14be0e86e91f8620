'use strict';
/*
 * The portal's words in Chinese and English. The language is the browser's first one (Chinese for zh, zh-CN, zh-TW,
 * ...; English for any other) until the customer switches, which this browser then remembers. Elements carry
 * data-i18n (their text) or data-i18n-placeholder; what the pages build themselves they render again on a switch.
 */
(function (global) {
  const MESSAGES = {
    zh: {
      'brand': '客户服务中心',
      'lang.other': 'English',
      'nav.submit': '提交请求',
      'nav.follow': '查询进度',
      'submit.title': '提交新的服务请求',
      'submit.intro': '请描述您遇到的问题，我们会尽快回复。',
      'field.type': '请求类型',
      'field.subject': '标题',
      'field.subject.hint': '一句话概括您的问题',
      'field.description': '详细描述',
      'field.description.hint': '发生了什么？订单号、型号、时间等信息有助于我们更快处理。',
      'contact.legend': '联系方式',
      'field.name': '姓名',
      'field.email': '电子邮箱',
      'field.email.hint': '用于接收回复和查询进度',
      'field.phone': '电话（选填）',
      'field.files': '附件（选填）',
      'field.files.hint': '最多 {count} 个文件，每个不超过 {size}',
      'files.choose': '选择文件',
      'field.optional': '（选填）',
      'field.yes': '是',
      'choose': '请选择',
      'submit.button': '提交',
      'submit.sending': '正在提交…',
      'follow.title': '查询工单进度',
      'follow.intro': '请输入工单号和提交时填写的电子邮箱。',
      'field.number': '工单号',
      'follow.button': '查询',
      'follow.other': '查询其他工单',
      'submit.other': '提交新的请求',
      'loading': '加载中…',
      'ticket.created': '提交成功！您的工单号是 {number}。请收藏本页，随时查看处理进度。',
      'ticket.type': '类型',
      'ticket.submittedAt': '提交时间',
      'ticket.updatedAt': '最近更新',
      'ticket.contact': '联系人',
      'ticket.description': '问题描述',
      'ticket.attachments': '附件',
      'ticket.timeline': '处理记录',
      'status.received': '已提交，等待受理',
      'status.in_progress': '处理中',
      'status.waiting_for_you': '等待您的回复',
      'status.resolved': '已解决',
      'status.closed': '已关闭',
      'entry.submitted': '您提交了请求',
      'entry.status': '状态：{status}',
      'entry.reply': '客服回复',
      'entry.message': '您的留言',
      'entry.rating': '您的评价：{score} 星',
      'answer.title': '回复或补充说明',
      'answer.label': '您的留言',
      'answer.button': '发送',
      'answer.sending': '正在发送…',
      'answer.sent': '已发送，我们会尽快处理。',
      'answer.closed': '此工单已关闭。如有新的问题，请提交新的请求。',
      'survey.title': '您对本次服务满意吗？',
      'survey.score': '评分',
      'survey.score.1': '非常不满意',
      'survey.score.2': '不满意',
      'survey.score.3': '一般',
      'survey.score.4': '满意',
      'survey.score.5': '非常满意',
      'survey.comment': '意见或建议（选填）',
      'survey.button': '提交评价',
      'survey.choose': '请先选择评分',
      'survey.thanks': '感谢您的评价！',
      'survey.given': '您的评价',
      'link.incomplete': '链接不完整。请使用邮件中的链接，或用工单号和电子邮箱查询。',
      'error.notFound': '没有找到该工单。请检查工单号和电子邮箱（或链接）是否正确。',
      'error.invalid': '请检查标出的内容。',
      'error.tooMany': '操作太频繁，请稍后再试。',
      'error.tooLarge': '附件太大，请删减后再试。',
      'error.alreadyRated': '您已经评价过了，谢谢！',
      'error.closed': '此工单已关闭。如有新的问题，请提交新的请求。',
      'error.notResolved': '工单解决后才能评价。',
      'error.general': '出了点问题，请稍后再试。',
      'fieldError.required': '此项必填',
      'fieldError.email': '请输入有效的电子邮箱',
      'fieldError.tooLong': '内容太长',
      'fieldError.number': '请输入数字',
      'fieldError.date': '请输入日期，例如 2026-12-31',
      'fieldError.choice': '请从列表中选择',
      'fieldError.phone': '请输入有效的电话号码',
      'fieldError.fileTooLarge': '“{name}”超过 {size}',
      'fieldError.tooManyFiles': '最多 {count} 个文件',
      'fieldError.other': '请检查此项',
      'footer': '由 Flowdesk 提供支持'
    },
    en: {
      'brand': 'Customer service',
      'lang.other': '中文',
      'nav.submit': 'New request',
      'nav.follow': 'Follow a request',
      'submit.title': 'Submit a new request',
      'submit.intro': 'Tell us what you need; we will answer as soon as we can.',
      'field.type': 'Type of request',
      'field.subject': 'Subject',
      'field.subject.hint': 'Your request in one line',
      'field.description': 'Description',
      'field.description.hint': 'What happened? Order numbers, models and dates help us answer faster.',
      'contact.legend': 'How we reach you',
      'field.name': 'Name',
      'field.email': 'E-mail',
      'field.email.hint': 'For our answers, and to follow your request',
      'field.phone': 'Phone (optional)',
      'field.files': 'Attachments (optional)',
      'field.files.hint': 'Up to {count} files, {size} each at most',
      'files.choose': 'Choose files',
      'field.optional': ' (optional)',
      'field.yes': 'Yes',
      'choose': 'Please choose',
      'submit.button': 'Submit',
      'submit.sending': 'Submitting…',
      'follow.title': 'Follow your request',
      'follow.intro': 'Enter the ticket number and the e-mail address you gave us.',
      'field.number': 'Ticket number',
      'follow.button': 'Look up',
      'follow.other': 'Follow another request',
      'submit.other': 'Submit a new request',
      'loading': 'Loading…',
      'ticket.created': 'Thank you! Your ticket number is {number}. Bookmark this page to follow your request.',
      'ticket.type': 'Type',
      'ticket.submittedAt': 'Submitted',
      'ticket.updatedAt': 'Last update',
      'ticket.contact': 'Contact',
      'ticket.description': 'Description',
      'ticket.attachments': 'Attachments',
      'ticket.timeline': 'History',
      'status.received': 'Received',
      'status.in_progress': 'In progress',
      'status.waiting_for_you': 'Waiting for your reply',
      'status.resolved': 'Resolved',
      'status.closed': 'Closed',
      'entry.submitted': 'You submitted the request',
      'entry.status': 'Status: {status}',
      'entry.reply': 'Reply from our team',
      'entry.message': 'Your message',
      'entry.rating': 'Your rating: {score} of 5',
      'answer.title': 'Reply or add details',
      'answer.label': 'Your message',
      'answer.button': 'Send',
      'answer.sending': 'Sending…',
      'answer.sent': 'Sent. We will get back to you soon.',
      'answer.closed': 'This request is closed. For anything new, please submit a new request.',
      'survey.title': 'How satisfied are you with our service?',
      'survey.score': 'Score',
      'survey.score.1': 'Very dissatisfied',
      'survey.score.2': 'Dissatisfied',
      'survey.score.3': 'Neutral',
      'survey.score.4': 'Satisfied',
      'survey.score.5': 'Very satisfied',
      'survey.comment': 'Comments (optional)',
      'survey.button': 'Send rating',
      'survey.choose': 'Please choose a score first',
      'survey.thanks': 'Thank you for your rating!',
      'survey.given': 'Your rating',
      'link.incomplete': 'This link is incomplete. Use the link in our mail, or look up your request by number and e-mail.',
      'error.notFound': 'We found no request for this number and e-mail address (or link). Please check them.',
      'error.invalid': 'Please check the marked fields.',
      'error.tooMany': 'Too many attempts. Please try again later.',
      'error.tooLarge': 'The attachments are too large. Please send fewer or smaller files.',
      'error.alreadyRated': 'You have rated this request already. Thank you!',
      'error.closed': 'This request is closed. For anything new, please submit a new request.',
      'error.notResolved': 'You can rate the request once it is resolved.',
      'error.general': 'Something went wrong. Please try again later.',
      'fieldError.required': 'Required',
      'fieldError.email': 'Enter a valid e-mail address',
      'fieldError.tooLong': 'Too long',
      'fieldError.number': 'Enter a number',
      'fieldError.date': 'Enter a date such as 2026-12-31',
      'fieldError.choice': 'Choose from the list',
      'fieldError.phone': 'Enter a valid phone number',
      'fieldError.fileTooLarge': '“{name}” is larger than {size}',
      'fieldError.tooManyFiles': 'At most {count} files',
      'fieldError.other': 'Please check this field',
      'footer': 'Powered by Flowdesk'
    }
  };
  const STORED = 'flowdesk.portal.lang';
  const listeners = [];

  function remembered() {
    try {
      return global.localStorage.getItem(STORED);
    } catch (e) {
      return null;
    }
  }

  function browserLanguage() {
    const languages = global.navigator.languages && global.navigator.languages.length
      ? global.navigator.languages : [global.navigator.language || 'en'];
    return String(languages[0]).toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  let lang = MESSAGES[remembered()] ? remembered() : browserLanguage();

  /** The text of that key in the current language, with {name} replaced by params.name. */
  function t(key, params) {
    const text = MESSAGES[lang][key] !== undefined ? MESSAGES[lang][key] : key;
    return text.replace(/\{(\w+)\}/g, (all, name) => (params && params[name] !== undefined ? String(params[name]) : all));
  }

  /** The current language's half of a {zh, en} pair the server sent. */
  function pick(bilingual) {
    return bilingual ? (bilingual[lang] || bilingual.zh || bilingual.en || '') : '';
  }

  function apply(root) {
    const scope = root || global.document;
    global.document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    scope.querySelectorAll('[data-i18n]').forEach((element) => {
      element.textContent = t(element.dataset.i18n);
    });
    scope.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
      element.placeholder = t(element.dataset.i18nPlaceholder);
    });
  }

  function switchTo(next) {
    lang = next;
    try {
      global.localStorage.setItem(STORED, next);
    } catch (e) {
      // private mode: the choice lasts as long as the page
    }
    apply();
    listeners.forEach((listener) => listener(lang));
  }

  global.PortalI18n = {
    t, pick, apply, switchTo,
    get lang() { return lang; },
    other() { return lang === 'zh' ? 'en' : 'zh'; },
    locale() { return lang === 'zh' ? 'zh-CN' : 'en-GB'; },
    onChange(listener) { listeners.push(listener); }
  };
})(window);
