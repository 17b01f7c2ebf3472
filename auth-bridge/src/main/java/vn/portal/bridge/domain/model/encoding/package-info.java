/**
 * Legacy Vietnamese text encodings found in agencies' exported account files: UTF-8 (NFC or NFD),
 * Windows-1258, TCVN3 (ABC, TCVN 5712:1993 VN3) and VNI-Windows. Decoding always yields NFC strings;
 * {@link vn.portal.bridge.domain.model.encoding.EncodingDetector} tells which encoding a file uses and why.
 * The TCVN3 and VNI code tables are data files under {@code vn/portal/bridge/encoding/}.
 * Container-free: no CDI, no JPA.
 */
package vn.portal.bridge.domain.model.encoding;
