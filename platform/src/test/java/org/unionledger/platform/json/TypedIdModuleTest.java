package org.unionledger.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.union.UnionId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedIdModuleTest {

    record Holder(MemberId memberId, UnionId unionId) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new TypedIdModule());

    @Test
    void writesTypedIdsAsBareStrings() throws Exception {
        String written = json.writeValueAsString(new Holder(new MemberId("m-1"), new UnionId("u-9")));

        assertThat(written).isEqualTo("{\"memberId\":\"m-1\",\"unionId\":\"u-9\"}");
    }

    @Test
    void readsBareStringsBackIntoTypedIds() throws Exception {
        Holder read = json.readValue("{\"memberId\":\"m-1\",\"unionId\":\"u-9\"}", Holder.class);

        assertThat(read).isEqualTo(new Holder(new MemberId("m-1"), new UnionId("u-9")));
    }

    @Test
    void refusesAnObjectWhereAnIdIsExpected() {
        assertThatThrownBy(() -> json.readValue("{\"memberId\":{\"value\":\"m-1\"}}", Holder.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
