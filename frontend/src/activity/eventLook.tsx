import { IconCheck, IconClock, IconDoor, IconDownload, IconEye, IconInbox, IconMail, IconPrinter, IconSend, IconShare, IconUpload, IconX } from '../ui/icons';

export interface EventLook {
  /** the feed-icon colour class (styles.css) */
  cls: string;
  Icon: typeof IconEye;
}

/** One icon and colour per kind of event, shared by the activity feed and the quote page's timeline, so that the
 *  same act looks the same everywhere: viewing is an eye and downloading an arrow whether it is a document, a
 *  quote or an invoice; a new quote version is an upload like a new document; answers have their own. */
const LOOK: Record<string, EventLook> = {
  HUB_OPENED: { cls: 'opened', Icon: IconDoor },
  DOCUMENT_VIEWED: { cls: 'viewed', Icon: IconEye },
  DOCUMENT_DOWNLOADED: { cls: 'downloaded', Icon: IconDownload },
  DOCUMENT_PRINTED: { cls: 'printed', Icon: IconPrinter },
  SHARED_WITH_COLLEAGUE: { cls: 'shared', Icon: IconShare },
  DOCUMENT_UPLOADED: { cls: 'uploaded', Icon: IconUpload },
  QUOTE_PUBLISHED: { cls: 'published', Icon: IconSend },
  QUOTE_OPENED: { cls: 'viewed', Icon: IconEye },
  QUOTE_DOWNLOADED: { cls: 'downloaded', Icon: IconDownload },
  QUOTE_VERSION_ADDED: { cls: 'uploaded', Icon: IconUpload },
  QUOTE_ACCEPTED: { cls: 'accepted', Icon: IconCheck },
  QUOTE_DECLINED: { cls: 'declined', Icon: IconX },
  QUOTE_EXPIRED: { cls: 'expired', Icon: IconClock },
  QUOTE_ARCHIVED: { cls: 'archived', Icon: IconInbox },
  QUOTE_REMINDER_SENT: { cls: 'published', Icon: IconMail },
  INVOICE_OPENED: { cls: 'viewed', Icon: IconEye },
};

export function eventLook(kind: string): EventLook {
  return LOOK[kind] ?? LOOK.DOCUMENT_VIEWED!;
}
