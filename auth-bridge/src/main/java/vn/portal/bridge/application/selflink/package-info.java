/**
 * The citizen's side of linking ("Tài khoản cũ của tôi"): the accounts linked to the signed-in citizen, the
 * accounts the linking engine suggests, claiming one by proving its old password, and disputing a link.
 * Every action checks on the server that the account or link is one the citizen may see, whatever id the
 * request carried, and every action is an audit event.
 */
package vn.portal.bridge.application.selflink;
