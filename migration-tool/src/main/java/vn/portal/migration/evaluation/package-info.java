/**
 * The labelled evaluation set and the linking-quality report: a seeded generator of a register extract and of
 * legacy account files (DESIGN.md §5 formats, in UTF-8, NFD, TCVN3, VNI and CP1258) with a truth file, and the
 * {@code evaluate} command that links them with the matching core and measures precision and recall.
 */
package vn.portal.migration.evaluation;
