/**
 * Pages the content script runs on without asking. Local pages are part of
 * the test contract (demos and tests run there); the rest are the hosted CRMs
 * and web dialers DNC Guard is made for. Any other site is added under
 * "Sites" in Options or preset by policy. The browser grants access to that
 * one origin, and lib/background/sites.ts registers both scripts there.
 */
export const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export const PRODUCT_MATCHES = [
  // Salesforce Lightning and Classic, including Visualforce and Experience Cloud frames.
  'https://*.salesforce.com/*',
  'https://*.force.com/*',
  'https://*.salesforce-setup.com/*',
  // HubSpot.
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  // Zoho CRM and Zoho Voice in each data centre.
  'https://*.zoho.com/*',
  'https://*.zoho.eu/*',
  'https://*.zoho.in/*',
  'https://*.zoho.com.au/*',
  'https://*.zoho.com.cn/*',
  // Dynamics 365.
  'https://*.dynamics.com/*',
  // Pipedrive.
  'https://*.pipedrive.com/*',
  // Twilio Flex.
  'https://flex.twilio.com/*',
  // Aircall.
  'https://*.aircall.io/*',
  // Five9.
  'https://*.five9.com/*',
  'https://*.five9.eu/*',
  // Genesys Cloud in each region.
  'https://*.mypurecloud.com/*',
  'https://*.mypurecloud.ie/*',
  'https://*.mypurecloud.de/*',
  'https://*.mypurecloud.jp/*',
  'https://*.mypurecloud.com.au/*',
  'https://*.pure.cloud/*',
  // Amazon Connect agent workspace and CCP.
  'https://*.my.connect.aws/*',
  'https://*.awsapps.com/*',
];

export const CONTENT_SCRIPT_MATCHES = [...LOCAL_MATCHES, ...PRODUCT_MATCHES];
