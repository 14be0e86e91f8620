// Flowdesk: the Camunda webapp's configuration (replaces the one of Camunda's webjar, which sets nothing).
// Chinese (locales/zh.json, Flowdesk's own translation) for a browser whose first language is Chinese
// (zh, zh-CN, zh-TW, ...), English otherwise. See README "Chinese Tasklist, Cockpit and Admin".
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
};
