/**
 * The citizen's "Tài khoản cũ của tôi" page ({@code /legacy-accounts}) and its two plain-HTML form actions:
 * claiming a suggested account with its old password and disputing a link. The pages are stateless JSF views;
 * the forms post to servlets that check the CSRF token, act through the auth bridge's CitizenSelfLinking
 * (which checks ownership on the server) and redirect back with a flash message (POST-redirect-GET).
 */
package vn.portal.web.interfaces.legacy;
