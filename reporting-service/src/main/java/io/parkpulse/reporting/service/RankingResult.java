package io.parkpulse.reporting.service;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a ranking: of an indicator's values, or of a figure derived from them. */
@Schema(oneOf = {RankingService.Ranking.class, CityView.FigureRanking.class})
public sealed interface RankingResult permits RankingService.Ranking, RankingResult.OfFigure {

    /** A figure's ranking, answered exactly as {@link CityView} shapes it. */
    record OfFigure(@JsonValue CityView.FigureRanking ranking) implements RankingResult {}
}
