package vn.portal.bridge.domain.model.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void decimalsHaveFourPlacesWithoutTrailingZeros() {
        assertThat(JsonWriter.decimal(9.550746785383243)).isEqualTo("9.5507");
        assertThat(JsonWriter.decimal(10.0)).isEqualTo("10");
        assertThat(JsonWriter.decimal(-2.0)).isEqualTo("-2");
        assertThat(JsonWriter.decimal(-19.931568569324174)).isEqualTo("-19.9316");
        assertThat(JsonWriter.decimal(0.05)).isEqualTo("0.05");
        assertThat(JsonWriter.decimal(2.0507)).isEqualTo("2.0507");
        assertThat(JsonWriter.decimal(0.0007)).isEqualTo("0.0007");
        assertThat(JsonWriter.decimal(0.00004)).isEqualTo("0");
        assertThat(JsonWriter.decimal(-0.00004)).isEqualTo("0");
        assertThat(JsonWriter.decimal(123456.5)).isEqualTo("123456.5");
    }

    @Test
    void writesNestedContainersWithCommasInTheRightPlaces() {
        String json = new JsonWriter().beginObject()
                .name("a").beginArray().value(1L).value("x").beginObject().endObject().endArray()
                .name("b").value((String) null)
                .name("c").value(0.000002)
                .name("d").value(Double.NaN)
                .endObject().toString();

        assertThat(json).isEqualTo("{\"a\":[1,\"x\",{}],\"b\":null,\"c\":0,\"d\":null}");
        assertThat(JsonSyntax.isValid(json)).isTrue();
    }
}
