package vn.portal.bridge.infrastructure.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;

/** Stores an {@link AssuranceLevel} as its number (1 or 2), the form the CSV files and SQL use. */
@Converter(autoApply = true)
public class AssuranceLevelConverter implements AttributeConverter<AssuranceLevel, Integer> {

    @Override
    public Integer convertToDatabaseColumn(AssuranceLevel level) {
        return level == null ? null : level.number();
    }

    @Override
    public AssuranceLevel convertToEntityAttribute(Integer number) {
        return number == null ? null : AssuranceLevel.of(number);
    }
}
