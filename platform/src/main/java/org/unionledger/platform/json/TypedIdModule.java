package org.unionledger.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.unionledger.shared.common.TypedId;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Writes every {@link TypedId} as its bare string and reads it back through the record's one-string
 * constructor, so that events, REST bodies and read models say {@code "memberId": "m-1"} rather than
 * {@code "memberId": {"value": "m-1"}}. This keeps shared-kernel free of Jackson annotations.
 */
public class TypedIdModule extends SimpleModule {

    public TypedIdModule() {
        super("unionledger-typed-ids");
        addSerializer(TypedId.class, new TypedIdSerializer());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new TypedIdDeserializers());
    }

    private static final class TypedIdSerializer extends StdSerializer<TypedId> {
        TypedIdSerializer() {
            super(TypedId.class);
        }

        @Override
        public void serialize(TypedId id, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(id.value());
        }
    }

    private static final class TypedIdDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                        BeanDescription description) {
            return TypedId.class.isAssignableFrom(type.getRawClass())
                    ? new TypedIdDeserializer(type.getRawClass())
                    : null;
        }
    }

    private static final class TypedIdDeserializer extends StdScalarDeserializer<Object> {
        private final transient MethodHandle constructor;

        TypedIdDeserializer(Class<?> idType) {
            super(idType);
            try {
                this.constructor = MethodHandles.publicLookup()
                                                .findConstructor(idType, MethodType.methodType(void.class, String.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(idType + " must have a public constructor taking one String", e);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String raw = parser.getValueAsString();
            if (raw == null) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            try {
                return constructor.invoke(raw);
            } catch (IllegalArgumentException | NullPointerException e) {
                return context.handleWeirdStringValue(handledType(), raw, e.getMessage());
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
