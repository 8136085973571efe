/**
 * Rule metadata for the renderers that describe rules (SARIF `tool.driver.rules`, JUnit test
 * names): a title, one-sentence description and help text per rule id. Pure data.
 */
import { DEFAULT_SEVERITY } from '../evaluate/evaluate.js';
import { RULE_IDS, type RuleId, type Severity } from './model.js';

export interface RuleInfo {
  id: RuleId;
  /** PascalCase name (SARIF `name`). */
  name: string;
  short: string;
  full: string;
  /** What to do: plain text (SARIF help.text); markdown adds code spans. */
  help: string;
  defaultSeverity: Severity;
  /** GitHub code scanning's security severity (0.0-10.0), for the rules that are about data leaving the device. */
  securitySeverity?: string;
}

const INFO: Record<RuleId, Omit<RuleInfo, 'id' | 'name' | 'defaultSeverity'>> = {
  'wrong-market-client': {
    short: 'Activation client for another market',
    full: 'A catalogued activation/registration client is installed in a build for a market that denies it (or does not allow it).',
    help: 'Remove the module from PRODUCT_PACKAGES for this SKU (or move it to the SKU it belongs to). If the client is wanted in this market, allow it in the policy file under markets.<MARKET>.clients.allow after a privacy review.',
    securitySeverity: '8.0',
  },
  'denied-endpoint': {
    short: 'Denied endpoint embedded in the build',
    full: "A host, IP address or SMS number on the market's deny list is embedded in the build.",
    help: 'Remove the component that embeds the endpoint from this build, or, if the endpoint is reviewed and wanted, remove it from the deny list or add a dated exemption with an owner.',
    securitySeverity: '8.0',
  },
  'unlisted-client-endpoint': {
    short: 'Activation client talks to an endpoint that is not allowed',
    full: "An endpoint embedded in an activation client (catalogued or suspected) is not on the market's allow list.",
    help: 'Review where the client sends data. Add the endpoint to markets.<MARKET>.endpoints.allow once reviewed, or remove the client from the build.',
    securitySeverity: '6.5',
  },
  'unlisted-endpoint': {
    short: 'Endpoint on neither list',
    full: "A host or IP address in the build matches neither the market's allow list nor its deny list.",
    help: 'Inventory: review the endpoint and add it to the allow or deny list of the market so the next build is judged by policy.',
  },
  'variant-toggle': {
    short: 'Configuration selects another market variant',
    full: 'An overlay or configuration value selects a catalogued variant of a denied market (e.g. isCnVersion=true in an EU build).',
    help: "Fix the overlay or its required system property so the variant of the other market cannot be enabled in this SKU.",
    securitySeverity: '7.0',
  },
  'suspected-activation-client': {
    short: 'Uncatalogued package that looks like an activation client',
    full: 'An uncatalogued package starts at boot, can read phone identity and embeds endpoints or can send SMS.',
    help: 'Review the package. If it registers the device, add it to the catalog with its market; otherwise exempt it with a reason and an owner.',
    securitySeverity: '5.0',
  },
  'cleartext-endpoint': {
    short: 'Activation client uses an unencrypted scheme',
    full: 'An activation client talks to an endpoint over http: or another unencrypted scheme, so identifiers cross the network in clear text.',
    help: 'Ask the vendor for a client that uses TLS, or remove the client from the build.',
    securitySeverity: '5.5',
  },
  'test-key-signer': {
    short: 'Package signed with a public test key',
    full: 'A package is signed with a publicly known AOSP test key, so anyone can ship an update for it.',
    help: 'Sign the package with the release key of the product.',
    securitySeverity: '5.0',
  },
  'unreadable-artifact': {
    short: 'Artifact could not be read',
    full: 'A recognised APK, ZIP, DEX, manifest or container could not be parsed; a client hidden in it would not be seen, so the gate fails closed.',
    help: 'Fix or remove the file. If it is not part of the shipped image, exclude it from the scanned inputs.',
  },
  'unresolved-market': {
    short: 'No market for the build',
    full: 'No market could be resolved for a build from its SKU properties.',
    help: 'Map the SKU in the skus section of the policy file, add the property to sku-from, or pass market/sku explicitly.',
  },
  'expired-exemption': {
    short: 'Exemption expired',
    full: 'An exemption in the policy file is past its expires date and no longer applies.',
    help: 'Review the exempted finding again and renew the exemption with a new date, or fix what it exempted.',
  },
  'expiring-exemption': {
    short: 'Exemption expires soon',
    full: 'An exemption in the policy file expires within 30 days.',
    help: 'Plan the review of the exempted finding before the exemption expires.',
  },
  'new-endpoint': {
    short: 'Endpoint new since the baseline',
    full: 'An endpoint is present in this build and absent from the baseline report.',
    help: 'Review the new endpoint; once reviewed, update the baseline.',
  },
  'new-client': {
    short: 'Client new since the baseline',
    full: 'An activation client is present in this build and absent from the baseline report.',
    help: 'Review the new client; once reviewed, update the baseline.',
  },
  'client-mention': {
    short: 'Client named in configuration but not installed',
    full: 'A catalogued package id is named in a configuration file (e.g. a CAF qti_whitelist.xml) but the package is not installed.',
    help: 'Informational: the configuration names a client of another market; remove the entry if it is not needed.',
  },
  'dormant-variant': {
    short: 'Dormant variant of another market',
    full: 'A catalogued variant of another market is present but not selected in this SKU.',
    help: 'Informational: the variant cannot be enabled in this SKU as built; consider removing it.',
  },
  'duplicate-entry': {
    short: 'Duplicate archive entry',
    full: 'An archive holds the same entry name twice, so different readers may see different content.',
    help: 'Rebuild the archive without duplicate entries.',
  },
};

function pascal(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

export const RULES: readonly RuleInfo[] = RULE_IDS.map((id) => ({
  id,
  name: pascal(id),
  defaultSeverity: DEFAULT_SEVERITY[id],
  ...INFO[id],
}));

export function ruleInfo(id: string): RuleInfo | undefined {
  return RULES.find((r) => r.id === id);
}
