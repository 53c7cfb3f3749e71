package io.parkpulse.common.paging;

import io.parkpulse.common.error.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Map;

/**
 * The paging and sorting query parameters every list endpoint takes:
 * {@code ?page=0&size=50&sort=-period} ({@code -} for descending).
 */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0)
    @Max(value = 1_000_000)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1)
    @Max(value = Page.MAX_SIZE)
    public int size;

    @QueryParam("sort")
    @Size(max = 64)
    public String sort;

    public io.quarkus.panache.common.Page panache() {
        return io.quarkus.panache.common.Page.of(page, size);
    }

    /**
     * The requested order, from the fields a list offers (public name → entity property), then
     * {@code tieBreak} so that pages never overlap. Without {@code sort}, {@code defaultSort}.
     */
    public Sort sort(Map<String, String> allowed, String defaultSort, String tieBreak) {
        String requested = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        boolean descending = requested.startsWith("-");
        String name = descending ? requested.substring(1) : requested;
        String property = allowed.get(name);
        if (property == null) {
            throw ProblemException.badRequest(
                    "sort",
                    "invalid_sort",
                    "排序字段应为以下之一：" + String.join("、", allowed.keySet()) + "（前加“-”表示降序）",
                    "sort by one of " + String.join(", ", allowed.keySet()) + " (prefix '-' for descending)");
        }
        Sort s = descending ? Sort.descending(property) : Sort.ascending(property);
        return property.equals(tieBreak) ? s : s.and(tieBreak);
    }
}
