/**
 * Thin plumbing between the JDK's {@code com.sun.net.httpserver} and the protocol code: parameter and cookie
 * parsing with size limits, response writing, HTML escaping, request logging and the handler base class.
 */
package vn.portal.sandbox.http;
