// Twilio Flex agent desktop. Flex UI components render with stable
// "Twilio-<Component>" class names, which Flex plugins and public test code
// use. The customer's name (or number) is in the selected task's header.
// Other details come from the task info or CRM panel through the generic
// reader, which leaves out the task list because it names other customers.
// NOTE: the record id is whatever id-like segment ends the route, because no
// public source shows what Flex puts after /agent-desktop/.

import { deepText, queryShownDeep } from './dom.ts';
import { PhoneSet, phonesInText } from './extract.ts';
import { composeRecord, readGenericFields } from './generic.ts';
import type { RecordSnapshot, SiteAdapter } from './types.ts';

// Hosted Flex; shape checked against public Flex setup guides linking https://flex.twilio.com/agent-desktop/ on 2026-12-04
const FLEX_HOST = /^flex\.twilio\.com$/i;

// Customer name of the selected task, or the caller's number when Flex has no name; shape checked against public Flex plugin code reading .Twilio-TaskCanvasHeader-Name on 2026-12-04
const TASK_HEADER_NAME = '.Twilio-TaskCanvasHeader-Name';

// One entry of the task list, which shows every waiting customer; shape checked against public Flex extension code observing .Twilio-TaskListBaseItem on 2026-12-04
const TASK_LIST_ITEM = '.Twilio-TaskListBaseItem';

/** The Flex agent desktop: the selected task's customer. */
export const twilioFlexAdapter: SiteAdapter = {
  id: 'twilio-flex',
  name: 'Twilio Flex',
  matches: (url) => FLEX_HOST.test(url.hostname),
  readRecord(doc: Document, url: URL = new URL(doc.URL)): RecordSnapshot | null {
    const header = queryShownDeep(doc, TASK_HEADER_NAME, TASK_LIST_ITEM);
    const headerText = header ? deepText(header) : '';
    const headerPhones = phonesInText(headerText);
    const generic = readGenericFields(doc, url, { skip: TASK_LIST_ITEM });

    // A caller without a name shows as their number in the header: that
    // number is the customer's and goes first.
    const phones = new PhoneSet();
    phones.addAll(headerPhones);
    phones.addAll(generic.phones);

    return composeRecord(doc, url, 'twilio-flex', {
      name: headerText && headerPhones.length === 0 ? headerText : generic.name,
      recordId: generic.recordId,
      phones: phones.values(),
      emails: generic.emails,
    });
  },
};
