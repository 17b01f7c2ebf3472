package vn.portal.bridge.infrastructure.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import vn.portal.bridge.domain.model.identity.PersonalId;

/** Stores a {@link PersonalId} as its twelve digits. */
@Converter(autoApply = true)
public class PersonalIdConverter implements AttributeConverter<PersonalId, String> {

    @Override
    public String convertToDatabaseColumn(PersonalId id) {
        return id == null ? null : id.value();
    }

    @Override
    public PersonalId convertToEntityAttribute(String digits) {
        return digits == null ? null : PersonalId.parse(digits);
    }
}
