package vn.portal.bridge.infrastructure.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import vn.portal.bridge.domain.model.name.VietnameseName;

/** Stores a {@link VietnameseName} in its canonical display form. */
@Converter(autoApply = true)
public class VietnameseNameConverter implements AttributeConverter<VietnameseName, String> {

    @Override
    public String convertToDatabaseColumn(VietnameseName name) {
        return name == null ? null : name.display();
    }

    @Override
    public VietnameseName convertToEntityAttribute(String display) {
        return display == null ? null : VietnameseName.of(display);
    }
}
