/** Administrator pages that run the account-linking batch job and show its executions. */
package vn.portal.web.interfaces.linking;
