package io.parkpulse.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The paging query parameters every list endpoint takes: {@code ?page=0&size=50}. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = Page.MAX_SIZE, message = "must be at most " + Page.MAX_SIZE)
    public int size;

    public io.quarkus.panache.common.Page panache() {
        return io.quarkus.panache.common.Page.of(page, size);
    }
}
