// Flowdesk: Tasklist's configuration (replaces the one of Camunda's webjar; its keyboard shortcuts kept).
// Chinese (locales/zh.json, Flowdesk's own translation) for a browser whose first language is Chinese
// (zh, zh-CN, zh-TW, ...), English otherwise. See README "Chinese Tasklist, Cockpit and Admin".
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
