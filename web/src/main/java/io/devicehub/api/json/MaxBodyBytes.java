package io.devicehub.api.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A larger body limit for one {@link JsonBody} parameter than the API's {@value JsonBodyReader#MAX_BYTES} bytes:
 * for batches of records, which may be a thousand records of any size up to the limit given here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MaxBodyBytes {

    int value();
}
