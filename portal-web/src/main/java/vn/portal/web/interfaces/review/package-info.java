/**
 * Administrators' linking pages: the review queue ({@code /admin/review}) with each item's evidence and the
 * link-to-candidate / reject decisions, and the upload of agency CSV files ({@code /admin/import}) through the
 * same importers as the migration tool, imported in the background with a status page per import
 * ({@code /admin/import?job=<id>}) and the list of recent imports. Everything here sits under {@code /admin/}, which the session guard
 * keeps to administrators.
 */
package vn.portal.web.interfaces.review;
