// Words on the controls of dialers, per language. A label is matched
// case-insensitively. Words in scripts written with spaces must stand alone
// ("call" but not "recall"); words in Chinese, Japanese and Korean are found
// anywhere in the label.

/**
 * Builds a label pattern from word groups. Each entry is a regular
 * expression source; `spaced` entries need a non-letter on both sides.
 */
function labelPattern(groups: { spaced: string[]; unspaced: string[] }): RegExp {
  const spaced = `(?<![\\p{L}\\p{N}])(?:${groups.spaced.join('|')})(?![\\p{L}\\p{N}])`;
  return new RegExp(`${spaced}|${groups.unspaced.join('|')}`, 'iu');
}

/**
 * Words on controls that start a call. A control counts only when a number
 * box or a shown number sits near it.
 */
export const CALL_WORDS = labelPattern({
  spaced: [
    // English
    'call',
    'dial',
    're-?dial',
    'connect',
    'ring',
    'click[- ]to[- ](?:call|dial)',
    // Spanish. "Marcar" also means "mark" ("Marcar como leído"), so it
    // counts alone or with "número" or "ahora" only.
    'llamar',
    '^marcar(?:\\s+(?:n[úu]mero|ahora))?$',
    // Portuguese
    'ligar',
    '^discar(?:\\s+(?:n[úu]mero|agora))?$',
    // German. "Wählen" also means "choose" ("Land wählen"), so it counts
    // alone or after a word for number only.
    'anrufen',
    '^(?:(?:telefon|ruf)?nummer\\s+)?wählen$',
    // French. "Composer" also means "write" ("Composer un message"), so
    // it counts alone or with "le numéro" only.
    'appeler',
    '^composer(?:\\s+le\\s+num[ée]ro)?$',
    // Italian
    'chiama',
    'chiamare',
    // Dutch
    'bellen',
    // Polish
    'zadzwoń',
  ],
  unspaced: [
    // Simplified Chinese
    '拨打',
    '呼叫',
    '拨号',
    '外呼',
    '打电话',
    '致电',
    '通话',
    '重拨',
    '回拨',
    '回电',
    // Traditional Chinese
    '撥打',
    '撥號',
    '打電話',
    '重撥',
    '回撥',
    '外撥',
    '通話',
    // Japanese
    '発信',
    '電話をかける',
    '電話する',
    '架電',
    'リダイヤル',
    // Korean
    '전화\\s*걸기',
    '발신',
    '통화',
  ],
});

/**
 * Words that end or change a call already under way, or open a list of
 * past calls. A control labelled with one is not a call control, even when
 * it also names the call ("End call", "通話終了").
 */
export const NOT_A_DIAL = labelPattern({
  spaced: [
    // English
    'end',
    'hang',
    'cancel',
    'decline',
    'reject',
    'mute',
    'unmute',
    'hold',
    'resume',
    'transfer',
    'history',
    'log',
    'logs',
    'back',
    // The pad itself, which a tab or toggle shows ("Dial pad", "Show keypad").
    // A separator is required, because "Call with Dialpad" names a dialer.
    'dial[- ]pad',
    'key ?pad',
    // Spanish
    'colgar',
    'finalizar',
    'terminar',
    'cancelar',
    // Portuguese
    'desligar',
    'encerrar',
    // German
    'auflegen',
    'beenden',
    'abbrechen',
    // French
    'raccrocher',
    'terminer',
    'annuler',
    // Italian
    'riaggancia',
    'riagganciare',
    'termina',
    'terminare',
    'annulla',
    // Dutch
    'ophangen',
    'beëindigen',
    'annuleren',
    // Polish
    'rozłącz',
    'zakończ',
    'anuluj',
  ],
  unspaced: [
    // Simplified Chinese
    '挂断',
    '结束',
    '取消',
    '静音',
    '保持',
    '转接',
    '记录',
    '拨号盘',
    '拨号键盘',
    // Traditional Chinese
    '掛斷',
    '結束',
    '靜音',
    '轉接',
    '記錄',
    '撥號盤',
    // Japanese
    '切断',
    '終了',
    'キャンセル',
    '保留',
    '転送',
    '履歴',
    'ダイヤルパッド',
    // Korean
    '종료',
    '끊기',
    '취소',
    '보류',
    '기록',
    '키패드',
  ],
});

/**
 * "Send", the call key of many phones. Chat, note and email forms use the
 * same word, so a Send control dials only a box whose text is a number,
 * never a number shown in text beside it.
 */
export const SEND_WORDS = /\bsend\b|发送/i;

/** Words that make a Send control send a message, not a number. */
export const MESSAGE_WORDS =
  /\b(e-?mail|mail|message|sms|text|chat|note|comment|reply|invite|invitation)s?\b|消息|邮件|短信|留言|评论|回复/i;

/** Words that name a conversation's composer ("Type a message", "Chat"). A note or a reply to a ticket is not a conversation. */
export const CHAT_WORDS = /\b(message|chat|sms)s?\b|消息|短信|聊天/i;

/** "Call back" dials, although "back" alone names a button that does not. */
export const CALL_BACK = /\bcall ?back\b/i;

/** Class and id tokens of icon-only call buttons ("btn-call", "dial_button", "phone-icon"). */
export const CALL_TOKENS = /(^|[\s_-])(call|dial|phone|outbound)([\s_-]|$)/i;
