/**
 * The host rules of SPEC section 3 as data: which schemes reach the network, which dotted
 * names are code, files or properties rather than hosts, and which hosts are identifiers.
 */

/** Schemes whose authority is a network host. Others (file:, content:, ...) never are. */
export const NETWORK_SCHEMES: ReadonlySet<string> = new Set([
  'http', 'https', 'ws', 'wss', 'ftp', 'ftps', 'sftp', 'tftp', 'rtsp', 'rtsps', 'rtmp', 'rtmps', 'mqtt', 'mqtts',
  'coap', 'coaps', 'tcp', 'udp', 'tls', 'ssl', 'smtp', 'smtps', 'imap', 'imaps', 'pop3', 'pop3s', 'ldap', 'ldaps',
  'ssh', 'telnet', 'xmpp', 'sip', 'sips', 'stun', 'stuns', 'turn', 'turns', 'grpc', 'grpcs', 'ntp', 'nntp', 'news', 'snews', 'gopher',
  'irc', 'ircs', 'git', 'svn', 'dns', 'socks', 'socks4', 'socks5', 'quic', 'h2', 'h3', 'webdav', 'wap',
]);

/** Unencrypted schemes: data sent to these hosts crosses the network in clear text. */
export const CLEARTEXT_SCHEMES: ReadonlySet<string> = new Set([
  'http', 'ws', 'ftp', 'tftp', 'rtsp', 'rtmp', 'mqtt', 'coap', 'tcp', 'udp', 'smtp', 'imap', 'pop3', 'ldap',
  'telnet', 'xmpp', 'sip', 'ntp', 'nntp', 'news', 'gopher', 'irc', 'git', 'svn', 'dns', 'webdav', 'wap',
]);

/**
 * First labels of Java/Kotlin/Android package and class names (`com.google.android`,
 * `java.lang.String`, `android.app.Activity`). A bare dotted name starting with one of these is
 * code, not a host.
 */
export const CODE_ROOTS: ReadonlySet<string> = new Set([
  'com', 'org', 'net', 'edu', 'gov', 'mil', 'androidx', 'java', 'javax', 'jdk', 'sun', 'kotlin', 'kotlinx', 'dalvik',
  'libcore', 'junit', 'okhttp3', 'okio', 'retrofit2', 'scala', 'groovy', 'lombok', 'dagger', 'butterknife',
]);

/**
 * `android.` starts both package names (`android.app`) and real hosts
 * (`android.clients.google.com`): such a name is a host only when it ends in one of these.
 */
export const HOST_ENDINGS_AFTER_ANDROID: ReadonlySet<string> = new Set(['com', 'net', 'org', 'cn']);

/**
 * Top-level domains a bare name (no scheme) may end in: every two-letter country code plus the
 * classic generic ones. Newer generic TLDs (`.app`, `.style`, `.name`, `.map`) collide with code
 * (`this.app`, `e.name`); names ending in them count only after a scheme or when catalogued or
 * policy-listed.
 */
export const BARE_GENERIC_TLDS: ReadonlySet<string> = new Set(['com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'biz', 'eu']);

/**
 * Country codes that are also common words or identifiers in code (`image.id`, `this.is`,
 * `foo.to`, `log.md`): a two-label bare name ending in one is code, not a host. Longer names
 * (`api.acme.co.id`, `app.example.it`) still count.
 */
export const CODE_LIKE_CCTLDS: ReadonlySet<string> = new Set([
  'id', 'in', 'is', 'it', 'to', 'do', 'me', 'my', 'no', 'so', 'at', 'by', 'as', 'be', 'am', 'us', 'on', 'or', 'if',
  'sh', 'rs', 'pl', 'py', 'cc', 'md', 'gb', 'bg', 'ba', 'bi', 'mn', 'ni', 'sy', 'az', 'ir', 'nu', 'ai', 'io', 'tv',
  'fm', 'ly', 'im', 'gg', 'xy', 'yt', 'ws', 'la', 'ps', 'ms', 'mk', 'cx', 'ax', 'ac', 'al', 'an', 'cs',
]);

/**
 * Dotted quads with a first octet below 10 are mostly version numbers (`2.12.9.2`); without a
 * scheme or port they count only when they are well-known resolvers.
 */
export const LOW_IPV4_ALLOWED: ReadonlySet<string> = new Set(['1.1.1.1', '1.0.0.1', '1.2.4.8', '8.8.8.8', '8.8.4.4', '9.9.9.9', '4.2.2.1', '4.2.2.2']);

/** First labels that are code receivers in minified JavaScript or Java (`this.id`, `e.data`). */
export const CODE_RECEIVERS: ReadonlySet<string> = new Set([
  'this', 'self', 'window', 'document', 'super', 'that', 'obj', 'el', 'it', 'item', 'data', 'json', 'args', 'options',
  'opts', 'props', 'state', 'ctx', 'context', 'event', 'node', 'res', 'req', 'result', 'response', 'request', 'err',
  'error', 'value', 'key', 'list', 'map', 'array', 'object', 'string', 'number', 'math', 'console', 'module', 'exports',
  'require', 'global', 'navigator', 'location', 'history', 'screen', 'parent', 'frames', 'prototype', 'config',
]);

/** Second-level labels that, after a two-letter country label, make a reversed domain (`cn.com.x`). */
export const REVERSED_SECOND_LEVEL: ReadonlySet<string> = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'co', 'or', 'ne', 'go']);

/** First labels of Android system property names (`ro.cda.skuid.id`, `persist.radio.x`). */
export const PROPERTY_ROOTS: ReadonlySet<string> = new Set([
  'ro', 'persist', 'sys', 'debug', 'init', 'ctl', 'ril', 'gsm', 'dalvik', 'pm', 'vold', 'hwservicemanager', 'cda',
  'selinux', 'vts', 'apexd', 'bootreceiver', 'renderthread', 'vendor', 'odm', 'system_ext', 'external_storage',
]);

/**
 * File extensions that are also (or look like) top-level domains: `config.json`, `libfoo.so`,
 * `update.zip`, `README.md`. A bare dotted name ending in one is a file name.
 */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'json', 'xml', 'so', 'apk', 'apex', 'capex', 'jar', 'zip', 'txt', 'md', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp',
  'svg', 'ico', 'html', 'htm', 'js', 'mjs', 'css', 'java', 'kt', 'kts', 'class', 'dex', 'odex', 'vdex', 'oat', 'art',
  'bin', 'img', 'prop', 'rc', 'conf', 'cfg', 'ini', 'log', 'db', 'sqlite', 'properties', 'pem', 'crt', 'cer', 'der',
  'key', 'pk8', 'x509', 'mk', 'bp', 'sh', 'py', 'rb', 'lua', 'c', 'h', 'cpp', 'hpp', 'mp3', 'mp4', 'm4a',
  'ogg', 'wav', 'flac', 'aac', 'amr', 'avi', 'mkv', 'mov', 'ttf', 'otf', 'dat', 'ko', 'yaml', 'yml', 'pb', 'proto',
  'tmp', 'bak', 'gz', 'xz', 'bz2', 'zst', 'lz4', 'lzma', 'tar', 'tgz', 'pdf', 'csv', 'tsv', 'arsc', 'mf', 'sf', 'rsa', 'dsa',
  'ec', 'smali', 'aidl', 'hal', 'te', 'cil', 'fc', 'policy', 'mbn', 'elf', 'hex', 'fw', 'ucode', 'tflite', 'onnx',
  'pak', 'obb', 'vpk', 'nomedia', 'cache', 'lock', 'pid', 'sock', 'esim', 'sig', 'asc', 'gpg', 'p12', 'pfx', 'bks',
  'jks', 'keystore', 'dtb', 'dtbo', 'map', 'o', 'a', 'lib', 'dll', 'exe', 'sys', 'inf', 'cab', 'msi', 'dmg', 'iso',
  'go', 'swift', 'ts', 'tsx', 'jsx', 'vue', 'php', 'asp', 'aspx', 'jsp', 'cgi', 'action', 'tex',
  'rtf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'epub', 'woff', 'woff2', 'eot', 'glsl', 'spv', 'frag',
  'vert', 'shader', 'atlas', 'plist', 'rules', 'lst', 'list', 'out', 'err', 'diff', 'patch', 'orig', 'rej', 'swp',
  'new', 'old', 'prev', 'default', 'conf', 'service', 'target', 'socket', 'mount', 'timer', 'desktop',
]);

/**
 * Compression suffixes that are also country codes: brotli's `.br` (Brazil), bzip's `.bz`
 * (Belize), snappy's `.sz` (Eswatini). After a label that is a file extension they make a
 * compressed file's name (`system.new.dat.br`, a block-based OTA's data; `backup.tar.bz`), not a
 * host; a host under them (`acme.com.br`) has no file extension before them. After a scheme
 * either is a host, as always.
 */
export const COMPRESSION_CCTLDS: ReadonlySet<string> = new Set(['br', 'bz', 'sz']);

/**
 * ELF section names that read as hosts under a country code, in nearly every shared library's
 * section header strings or in a linker: `.data.rel.ro` (`.rel.ro`, `.rela.data.rel.ro`;
 * Romania's `ro`) and GNU's `.gnu.linkonce.*` (`.gnu.linkonce.td`, Chad's). A bare name ending in
 * one of the first or holding one of the second (as whole labels) is a section name.
 */
export const SECTION_NAME_ENDINGS: readonly string[] = ['.rel.ro'];
export const SECTION_NAME_INFIXES: readonly string[] = ['.gnu.linkonce.'];

/**
 * Identifier hosts: XML namespaces, schema and DTD locations, licence texts. They appear in
 * almost every build and are not contacted; kept in the inventory as `ignored`.
 */
export const IDENTIFIER_HOSTS: ReadonlySet<string> = new Set([
  'schemas.android.com', 'www.w3.org', 'w3.org', 'schemas.xmlsoap.org', 'ns.adobe.com', 'xmlpull.org',
  'www.xmlpull.org', 'purl.org', 'schemas.microsoft.com', 'schemas.openxmlformats.org', 'java.sun.com',
  'xml.org', 'www.xml.org', 'xmlns.com', 'www.apache.org', 'apache.org', 'www.gnu.org', 'gnu.org', 'opensource.org',
  'www.opensource.org', 'creativecommons.org', 'www.openmobilealliance.org', 'www.wapforum.org', 'ns.google.com',
  'xmlns.jcp.org', 'www.unicode.org', 'unicode.org', 'json-schema.org', 'relaxng.org',
]);
