/** Types shared by every aggregate of the domain model, such as the exception repositories raise on conflicting writes. */
package vn.portal.bridge.domain.model.shared;
