/**
 * Vietnamese personal names: normalisation to one canonical display form (NFC, one tone-mark placement,
 * proper capitalisation) and comparison keys that fold case and diacritics for matching.
 */
package vn.portal.bridge.domain.model.name;
