package io.parkpulse.indicators.repository;

import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.domain.Park;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The park registry. */
@ApplicationScoped
public class ParkRepository {

    /** The public sort names of the park list and the properties they sort on. */
    private static final Map<String, String> SORTS =
            Map.of("code", "code", "name", "name", "district", "district", "level", "level", "peerGroup", "peerGroup");

    public Park find(String code) {
        return Park.findById(code);
    }

    public List<Park> active() {
        return Park.list("status = 'ACTIVE'", Sort.by("code"));
    }

    /** The one park as a list (empty when unknown), active or not. */
    public List<Park> only(String code) {
        return Park.list("code = ?1", code);
    }

    public <T> Page<T> page(PageRequest page, Function<Park, T> view) {
        return Page.of(Park.<Park>findAll(page.sort(SORTS, "code", "code")), page, view);
    }

    /** One page of every park, by code: what re-publishing reads. */
    public List<Park> all(int page, int size) {
        return Park.<Park>findAll(Sort.by("code")).page(page, size).list();
    }

    public void flush() {
        Park.flush();
    }
}
