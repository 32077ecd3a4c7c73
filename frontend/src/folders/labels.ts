/** The words of the folder components: English for staff; the hub passes its own language's (portal/i18n.ts). */
export interface FolderLabels {
  folders: string;
  documents: (n: number) => string;
  noDocuments: string;
  showMore: string;
  upload: string;
  uploadHint: string;
  uploading: (name: string) => string;
  cancel: string;
  save: string;
  close: string;
  open: string;
  download: string;
  newVersion: string;
  versions: string;
  version: (n: number) => string;
  uploadedByCustomer: string;
  permissions: string;
  access: string;
  accessNone: string;
  accessView: string;
  accessUpload: string;
  whoHasAccess: string;
  allContacts: string;
  chosenContacts: string;
  noContacts: string;
  failed: string;
}

export const STAFF_LABELS: FolderLabels = {
  folders: 'Folders',
  documents: (n) => `${n} document${n === 1 ? '' : 's'}`,
  noDocuments: 'No documents in this folder yet.',
  showMore: 'Show more',
  upload: 'Upload files',
  uploadHint: 'Choose one or more files; each uploads with its own progress and can be cancelled.',
  uploading: (n) => `Uploading ${n}`,
  cancel: 'Cancel',
  save: 'Save',
  close: 'Close',
  open: 'Open',
  download: 'Download',
  newVersion: 'New version',
  versions: 'Versions',
  version: (n) => `Version ${n}`,
  uploadedByCustomer: 'Uploaded by the customer',
  permissions: 'Permissions',
  access: 'What the customer may do',
  accessNone: 'No access',
  accessView: 'View',
  accessUpload: 'View and upload',
  whoHasAccess: 'Which contacts',
  allContacts: 'All contacts of the customer',
  chosenContacts: 'Only these contacts',
  noContacts: 'The customer has no contacts yet.',
  failed: 'Something went wrong.',
};
