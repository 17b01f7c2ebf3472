/**
 * Container-free value objects that describe a Vietnamese citizen's identity: the 12-digit personal
 * ID (số định danh cá nhân) with its province, century/gender and birth-year digits, the old 9-digit
 * ID card number (CMND), phone numbers, gender and the VNeID assurance level. Every value is
 * validated on construction and immutable; invalid input raises a typed exception.
 */
package vn.portal.bridge.domain.model.identity;
