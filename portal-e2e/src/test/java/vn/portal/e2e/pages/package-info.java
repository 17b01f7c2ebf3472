/**
 * Page objects for the browser scenarios: what a tester sees on the portal (landing, dashboard, services, a
 * service, and the administrator's review queue, import and linking pages) and on the sandbox provider (the citizen picker), located by the element ids and visible text the
 * pages promise, so a scenario reads like the manual test it replaces.
 */
package vn.portal.e2e.pages;
