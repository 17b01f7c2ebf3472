/**
 * The administrators' review queue: accounts the linking engine would not decide alone and links citizens
 * disputed, shown with their evidence, resolved by linking to a candidate or by rejecting, each decision audited.
 */
package vn.portal.bridge.application.review;
