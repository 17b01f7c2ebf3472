/** Public services (thủ tục hành chính) offered online, each with the minimum VNeID level it accepts. */
package vn.portal.bridge.domain.model.service;
