package io.parkpulse.reporting.domain.summary;

/**
 * Where a park stands among the city's active parks on a headline indicator for the month: its rank (ties
 * share one), how many parks reported, and its rank the month before (null in January, when last month is
 * another year's, or when it did not report).
 */
public record CityStanding(String code, String name, int rank, int parks, Integer previousRank) {

    /** "工业总产值居全市第3位（12个园区），较上月上升1位". */
    public String phrase() {
        StringBuilder s = new StringBuilder(name)
                .append("居全市第")
                .append(rank)
                .append("位（")
                .append(parks)
                .append("个园区）");
        if (previousRank != null) {
            int up = previousRank - rank;
            s.append(up > 0 ? "，较上月上升" + up + "位" : up < 0 ? "，较上月下降" + (-up) + "位" : "，与上月持平");
        }
        return s.toString();
    }
}
