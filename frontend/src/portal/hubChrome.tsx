import { createContext, useContext } from 'react';
import { hubStrings, type HubStrings } from './i18n';

export interface HubChrome {
  /** the language of the share the contact got (Hub.language) */
  language: string;
  strings: HubStrings;
  organizationName: string;
  logoUrl: string | null;
}

export const HubChromeContext = createContext<HubChrome>({ language: 'en', strings: hubStrings('en'), organizationName: '', logoUrl: null });

/** The hub's language, words and branding, provided by PortalLayout. */
export function useHubChrome(): HubChrome {
  return useContext(HubChromeContext);
}
