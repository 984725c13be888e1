package org.b2bforum.registration.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.b2bforum.company.RegistrationStatus;
import org.b2bforum.company.Sector;
import org.b2bforum.registration.RegistrationFilter;

import org.springframework.data.domain.Sort;

import com.vaadin.flow.router.QueryParameters;

/**
 * The approval queue's filter in the address ({@code ?status=all&city=Минск&sector=ENERGY&q=дор}): an application
 * opened from the queue carries it, so its way back and its "next application" keep the organizer's filter.
 * No status parameter means pending, the queue's default; {@code all} means any status. The grid's sort goes along
 * too ({@code sort=shortName}, {@code sort=-submittedAt} descending): "next application" follows it.
 */
final class QueueParameters {

    static final String ANY_STATUS = "all";

    private QueueParameters() {
    }

    static final String SORT = "sort";
    /** The grid's sortable columns, by the property they sort. */
    static final List<String> SORTABLE = List.of("shortName", "submittedAt", "city", "status");

    static QueryParameters of(RegistrationFilter filter) {
        return of(filter, Sort.unsorted());
    }

    static QueryParameters of(RegistrationFilter filter, Sort sort) {
        Map<String, String> values = new LinkedHashMap<>();
        if (filter.status() != RegistrationStatus.PENDING) {
            values.put("status", filter.status() == null ? ANY_STATUS : filter.status().name());
        }
        if (filter.city() != null && !filter.city().isBlank()) {
            values.put("city", filter.city());
        }
        if (filter.sector() != null) {
            values.put("sector", filter.sector().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            values.put("q", filter.text().trim());
        }
        sort.stream().findFirst().filter(order -> SORTABLE.contains(order.getProperty())).ifPresent(order ->
                values.put(SORT, (order.isDescending() ? "-" : "") + order.getProperty()));
        return QueryParameters.simple(values);
    }

    static RegistrationFilter from(QueryParameters parameters) {
        Map<String, List<String>> values = parameters.getParameters();
        String status = first(values, "status");
        return new RegistrationFilter(
                status == null ? RegistrationStatus.PENDING
                        : ANY_STATUS.equals(status) ? null : valueOf(RegistrationStatus.class, status, RegistrationStatus.PENDING),
                first(values, "city"), valueOf(Sector.class, first(values, "sector"), null), first(values, "q"));
    }

    /** The grid's sort in the address; unsorted when none (or an unknown one). */
    static Sort sort(QueryParameters parameters) {
        String value = first(parameters.getParameters(), SORT);
        if (value == null) {
            return Sort.unsorted();
        }
        boolean descending = value.startsWith("-");
        String property = descending ? value.substring(1) : value;
        return SORTABLE.contains(property)
                ? Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, property) : Sort.unsorted();
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.getFirst().isBlank() ? null : list.getFirst();
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String name, E otherwise) {
        if (name == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return otherwise; // an old or edited link: the default rather than an error page
        }
    }
}
