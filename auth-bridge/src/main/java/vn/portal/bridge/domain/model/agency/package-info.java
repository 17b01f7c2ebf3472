/** Government agencies (ministries and provincial bodies) that own public services and employ officers. */
package vn.portal.bridge.domain.model.agency;
